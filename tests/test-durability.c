/* test-durability.c: crashes, full disks, I/O errors, a second instance and damaged files
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writer processes are killed by the parent after a random number of
 * acknowledgements read from a pipe, never after a random time, so every run
 * with the same seed makes the same requests. Set HK_TEST_SEED to reproduce
 * another run; the seed in use is printed at the start.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <glib/gstdio.h>

#include "hk-test-utils.h"
#include "hk-test-faultvfs.h"
#include "hk-vault-private.h"

#define DEFAULT_SEED   20260401u
#define KILL_ROUNDS    30
#define MAX_KILL_ACKS  200

static guint32 seed;

/* ---- Small helpers ---- */

static HkVault *
open_unlocked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkVault) vault = hk_vault_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&vault);
}

static void
assert_check_ok (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkCheckReport) report = hk_vault_check (vault, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  if (!hk_check_report_is_ok (report))
    g_error ("check failed: sqlite %s (%s), activity %s (%s), %u record failures, first: %s",
             report->sqlite_ok ? "ok" : "NOT ok", report->sqlite_message ? report->sqlite_message : "",
             report->activity_ok ? "ok" : "NOT ok", report->activity_message ? report->activity_message : "",
             report->record_failures->len,
             report->record_failures->len ? (const char *) report->record_failures->pdata[0] : "");
  g_assert_cmpuint (report->records_checked, >, 0);
}

static guint
count_records (HkVault      *vault,
               HkRecordKind  kind,
               const char   *parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) records = hk_vault_list (vault, kind, parent_id, &failures, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 0);
  return records->len;
}

static GVariant *
note_fields (const char *text)
{
  return hk_test_fields ("kind", "visit",
                         "occurred_at", "2024-03-05T10:30:00+00:00",
                         "text", text,
                         NULL);
}

static char *
note_text (const char *tag,
           gint64      revision)
{
  return g_strdup_printf ("Durability note %s revision %" G_GINT64_FORMAT, tag, revision);
}

/* Every acknowledged note loads, at its acknowledged revision or a later one,
 * with the text that revision was given. */
static void
assert_acked_notes (HkVault    *vault,
                    GHashTable *acked)   /* id → "revision tag" */
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, acked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkRecord) note = hk_vault_load (vault, key, &error);
      g_auto(GStrv) parts = g_strsplit (value, " ", 2);
      gint64 revision = g_ascii_strtoll (parts[0], NULL, 10);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (note);
      g_assert_cmpint (hk_record_get_revision (note), >=, revision);
      expected = note_text (parts[1], hk_record_get_revision (note));
      g_assert_cmpstr (hk_record_get_string (note, "text"), ==, expected);
    }
}

static void
count_write (guint    count,
             gpointer data)
{
}

static void
flush_before_fork (void)
{
  /* A child that inherited unflushed TAP output would not print it (it
   * leaves with _exit), but be certain. */
  fflush (stdout);
  fflush (stderr);
}

/* ---- The child side of the pipe ---- */

static void
child_setup (void)
{
#ifdef __linux__
  /* If the test fails and the parent goes, no writer lingers. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* One write() per line: the pipe keeps lines shorter than PIPE_BUF whole. */
static void
child_send (int         fd,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
child_send (int         fd,
            const char *format,
            ...)
{
  g_autofree char *line = NULL;
  va_list ap;
  gsize len;

  va_start (ap, format);
  line = g_strdup_vprintf (format, ap);
  va_end (ap);
  len = strlen (line);
  g_assert (len < PIPE_BUF);
  if (write (fd, line, len) != (gssize) len)
    _exit (4);
}

static G_NORETURN void
child_fail (int           fd,
            const char   *what,
            const GError *error)
{
  char *message = g_strdup_printf ("%s: %s", what, error ? error->message : "failed");

  /* Keep the reply one line. */
  g_strdelimit (message, "\n", ' ');
  child_send (fd, "E %s\n", message);
  _exit (3);
}

static HkVault *
child_open_unlocked (int         fd,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  HkVault *vault = hk_vault_open (path, &error);

  if (vault == NULL)
    child_fail (fd, "open", error);
  if (!hk_vault_unlock (vault, pass, NULL, &error))
    child_fail (fd, "unlock", error);
  return vault;
}

/* ---- The parent side ---- */

typedef struct
{
  int      fd;
  GString *buf;
} LineReader;

/* The next line without its newline, or NULL at end of file. */
static char *
line_reader_next (LineReader *reader)
{
  for (;;)
    {
      char chunk[4096];
      const char *nl = memchr (reader->buf->str, '\n', reader->buf->len);
      gssize n;

      if (nl != NULL)
        {
          gsize len = nl - reader->buf->str;
          char *line = g_strndup (reader->buf->str, len);
          g_string_erase (reader->buf, 0, len + 1);
          return line;
        }
      n = read (reader->fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        {
          /* Lines are written whole, so nothing is left over at the end. */
          g_assert_cmpuint (reader->buf->len, ==, 0);
          return NULL;
        }
      g_string_append_len (reader->buf, chunk, n);
    }
}

typedef void (*ChildFunc) (int fd, gpointer data);
typedef void (*AckFunc)   (const char *line, gpointer data);

/* Runs @child in a forked process and hands each line it sends to @on_ack
 * (except "w" lines, which report one SQLite write each). SIGKILLs it after
 * the @kill_after-th line that starts with @kill_prefix and @then_writes
 * further writes, so kills land inside transactions, not only between them.
 * Lines keep arriving until the pipe closes: a line sent before the kill is
 * an acknowledgement like any other. Returns the number of lines that matched
 * @kill_prefix. */
static guint
run_killed_child (ChildFunc   child,
                  gpointer    child_data,
                  const char *kill_prefix,
                  guint       kill_after,
                  guint       then_writes,
                  AckFunc     on_ack,
                  gpointer    ack_data)
{
  LineReader reader = { -1, NULL };
  char *line;
  int fds[2];
  int status = 0;
  guint matched = 0, writes_after = 0;
  gboolean armed = FALSE, killed = FALSE;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  flush_before_fork ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_setup ();
      child (fds[1], child_data);
      _exit (0);
    }

  close (fds[1]);
  reader.fd = fds[0];
  reader.buf = g_string_new (NULL);
  while ((line = line_reader_next (&reader)) != NULL)
    {
      if (line[0] == 'E')
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          g_error ("writer child failed: %s", line + 1);
        }
      if (g_str_has_prefix (line, kill_prefix))
        armed |= ++matched == kill_after;
      else if (armed && g_str_equal (line, "w"))
        writes_after++;
      if (armed && !killed && writes_after >= then_writes)
        {
          kill (pid, SIGKILL);
          killed = TRUE;
        }
      if (!g_str_equal (line, "w"))
        on_ack (line, ack_data);
      g_free (line);
    }
  close (fds[0]);
  g_string_free (reader.buf, TRUE);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* The child must not finish on its own: the kill is the point. */
  g_assert_true (killed);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  return matched;
}

/* ---- SIGKILL while saving ---- */

typedef struct
{
  const char *path;
  const char *case_id;
  guint32     seed;
  int         fd;
} WriterArgs;

static void
send_write (guint    count,
            gpointer data)
{
  int *fd = data;

  child_send (*fd, "w\n");
}

static void
writer_saves (int      fd,
              gpointer data)
{
  WriterArgs *args = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (args->seed);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  HkVault *vault = child_open_unlocked (fd, args->path);

  args->fd = fd;
  hk_test_fault_watch (send_write, &args->fd);
  /* Bounded so a parent that never kills cannot loop forever. */
  for (guint k = 0; k < 20 * MAX_KILL_ACKS; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tag = g_strdup_printf ("%08x-%u", args->seed, k);
      g_autofree char *text = NULL;
      HkRecord *saved;

      if (mine->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          /* Edit one of our notes: a new revision, the old one kept. */
          guint i = g_rand_int_range (rand, 0, mine->len);
          HkRecord *old = mine->pdata[i];
          const char *old_text = hk_record_get_string (old, "text");
          g_autofree char *old_tag = g_strndup (old_text + strlen ("Durability note "),
                                                strcspn (old_text + strlen ("Durability note "), " "));

          text = note_text (old_tag, hk_record_get_revision (old) + 1);
          saved = hk_vault_save (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (old), NULL,
                                 hk_record_get_revision (old), note_fields (text), &error);
          if (saved == NULL)
            child_fail (fd, "edit", error);
          child_send (fd, "A %s %" G_GINT64_FORMAT " %s\n", hk_record_get_id (saved),
                      hk_record_get_revision (saved), old_tag);
          g_ptr_array_index (mine, i) = saved;
          g_object_unref (old);
        }
      else
        {
          text = note_text (tag, 1);
          saved = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, args->case_id, 0,
                                 note_fields (text), &error);
          if (saved == NULL)
            child_fail (fd, "save", error);
          child_send (fd, "A %s 1 %s\n", hk_record_get_id (saved), tag);
          g_ptr_array_add (mine, saved);
        }
    }
  child_fail (fd, "writer", NULL);
}

static void
collect_note_ack (const char *line,
                  gpointer    data)
{
  GHashTable *acked = data;
  g_auto(GStrv) parts = g_strsplit (line, " ", 4);

  /* "A <id> <revision> <tag>" */
  g_assert_cmpstr (parts[0], ==, "A");
  g_assert_nonnull (parts[3]);
  g_hash_table_insert (acked, g_strdup (parts[1]), g_strdup_printf ("%s %s", parts[2], parts[3]));
}

static void
test_kill_saves (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *case_id = NULL;
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint total_acks = 0, writes_per_save;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
    g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Kill Test Person");
    g_autoptr(HkRecord) note = NULL;
    g_autofree char *text = note_text ("first", 1);

    path = g_strdup (hk_vault_get_path (vault));
    case_id = g_strdup (hk_record_get_id (kase));
    hk_test_fault_watch (count_write, NULL);
    note = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, case_id, 0, note_fields (text), &error);
    writes_per_save = hk_test_fault_get_count ();
    hk_test_fault_disarm ();
    g_assert_no_error (error);
    g_hash_table_insert (acked, g_strdup (hk_record_get_id (note)), g_strdup ("1 first"));
    hk_vault_close (vault);
  }
  g_test_message ("a save makes %u SQLite writes", writes_per_save);
  g_assert_cmpuint (writes_per_save, >, 0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(HkVault) vault = NULL;
      WriterArgs args = { path, case_id, seed ^ (round * 2654435761u), -1 };
      guint kill_after = g_rand_int_range (rand, 1, MAX_KILL_ACKS + 1);
      guint then_writes = g_rand_int_range (rand, 0, writes_per_save + 1);
      guint before = g_hash_table_size (acked);
      guint acks;

      acks = run_killed_child (writer_saves, &args, "A", kill_after, then_writes, collect_note_ack, acked);
      g_assert_cmpuint (acks, >=, kill_after);
      total_acks += acks;

      /* The lock died with the writer: the vault opens at once. */
      vault = open_unlocked (path);
      assert_acked_notes (vault, acked);
      assert_check_ok (vault);
      g_assert_cmpuint (count_records (vault, HK_RECORD_KIND_NOTE, case_id), >=, g_hash_table_size (acked));
      g_test_message ("round %u: killed after %u acks and %u writes (%u acks arrived), %u notes acknowledged so far",
                      round, kill_after, then_writes, acks, g_hash_table_size (acked));
      g_assert_cmpuint (g_hash_table_size (acked), >=, before);
      hk_vault_close (vault);
    }
  g_test_message ("%u saves acknowledged over %u kills; none lost", total_acks, KILL_ROUNDS);
  hk_test_rm_rf (dir);
}

/* ---- SIGKILL while backing up ---- */

typedef struct
{
  const char *path;
  const char *dest;
  const char *case_id;
  int         fd;
  gboolean    in_backup;
} BackupArgs;

static void
backup_child_on_write (guint    count,
                       gpointer data)
{
  BackupArgs *args = data;

  if (args->in_backup)
    child_send (args->fd, "w\n");
}

static void
writer_backups (int      fd,
                gpointer data)
{
  BackupArgs *args = data;
  HkVault *vault = child_open_unlocked (fd, args->path);

  args->fd = fd;
  /* Each SQLite write during a backup is an event the parent can kill on,
   * so kills land all through the copy, the sync and the rename. */
  hk_test_fault_watch (backup_child_on_write, args);
  for (guint k = 0; k < 1000; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tag = g_strdup_printf ("backup-%u", k);
      g_autofree char *text = note_text (tag, 1);
      g_autoptr(HkRecord) saved = NULL;

      saved = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, args->case_id, 0, note_fields (text), &error);
      if (saved == NULL)
        child_fail (fd, "save", error);
      child_send (fd, "A %s 1 %s\n", hk_record_get_id (saved), tag);

      args->in_backup = TRUE;
      if (!hk_vault_backup (vault, args->dest, &error))
        child_fail (fd, "backup", error);
      args->in_backup = FALSE;
      child_send (fd, "B\n");
    }
  child_fail (fd, "backup writer", NULL);
}

typedef struct
{
  GHashTable *acked;
  guint       backups;
} BackupAcks;

static void
collect_backup_ack (const char *line,
                    gpointer    data)
{
  BackupAcks *acks = data;

  if (line[0] == 'A')
    collect_note_ack (line, acks->acked);
  else if (line[0] == 'B')
    acks->backups++;
}

static void
assert_backup_valid (const char *dest)
{
  g_autoptr(HkVault) backup = open_unlocked (dest);

  assert_check_ok (backup);
  hk_vault_close (backup);
}

static void
test_kill_backup (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *backup_dir = hk_test_make_tmpdir ();
  g_autofree char *dest = g_build_filename (backup_dir, "backup.hearken", NULL);
  g_autofree char *path = NULL;
  g_autofree char *case_id = NULL;
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 1);
  guint writes_per_backup;
  guint stale = 0;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
    g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Backup Kill Person");

    /* Big enough that a backup takes many writes. */
    g_assert_true (hk_demo_populate (vault, 120, 5, seed, NULL, NULL, &error));
    g_assert_no_error (error);
    path = g_strdup (hk_vault_get_path (vault));
    case_id = g_strdup (hk_record_get_id (kase));

    hk_test_fault_watch (count_write, NULL);
    g_assert_true (hk_vault_backup (vault, dest, &error));
    g_assert_no_error (error);
    writes_per_backup = hk_test_fault_get_count ();
    hk_test_fault_disarm ();
    g_assert_cmpint (g_remove (dest), ==, 0);
    hk_vault_close (vault);
  }
  g_test_message ("a backup makes %u SQLite writes", writes_per_backup);
  g_assert_cmpuint (writes_per_backup, >, 10);

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(HkVault) vault = NULL;
      BackupArgs args = { path, dest, case_id, -1, FALSE };
      BackupAcks acks = { acked, 0 };
      /* Anywhere in the first backup or the second. */
      guint kill_after = g_rand_int_range (rand, 1, 2 * writes_per_backup);

      run_killed_child (writer_backups, &args, "w", kill_after, 0, collect_backup_ack, &acks);

      vault = open_unlocked (path);
      assert_acked_notes (vault, acked);
      assert_check_ok (vault);
      hk_vault_close (vault);

      /* The destination is the previous complete backup or a new complete
       * one, never a partial copy. */
      if (acks.backups > 0 || g_file_test (dest, G_FILE_TEST_EXISTS))
        {
          g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
          assert_backup_valid (dest);
        }
      g_test_message ("round %u: killed after %u backup writes, %u backups acknowledged",
                      round, kill_after, acks.backups);
    }
  /* A killed process cannot clean up its temporary copy; it is ciphertext
   * like the vault. Reported, not failed. */
  listing = g_dir_open (backup_dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".partial-") != NULL && !g_str_has_suffix (name, "-journal") &&
        !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      stale++;
  g_test_message ("%u partial backup files left by killed writers", stale);
  hk_test_rm_rf (dir);
  hk_test_rm_rf (backup_dir);
}

/* ---- SIGKILL while filling a demo vault ---- */

typedef struct
{
  const char *path;
  guint32     seed;
  int         fd;
} DemoArgs;

static void
demo_progress (guint    done,
               guint    total,
               gpointer data)
{
  DemoArgs *args = data;

  child_send (args->fd, "P %u\n", done);
}

static void
writer_demo (int      fd,
             gpointer data)
{
  DemoArgs *args = data;
  g_autoptr(GError) error = NULL;
  HkVault *vault = child_open_unlocked (fd, args->path);

  args->fd = fd;
  hk_test_fault_watch (send_write, &args->fd);
  if (!hk_demo_populate (vault, 100000, 3, args->seed, demo_progress, args, &error))
    child_fail (fd, "populate", error);
  child_fail (fd, "populate finished before the kill", NULL);
}

typedef struct
{
  guint first;  /* the batch size: the count after the first batch */
  guint last;
} DemoAcks;

static void
collect_demo_ack (const char *line,
                  gpointer    data)
{
  DemoAcks *acks = data;
  guint done;

  g_assert_true (g_str_has_prefix (line, "P "));
  done = (guint) g_ascii_strtoull (line + 2, NULL, 10);
  if (acks->first == 0)
    acks->first = done;
  g_assert_cmpuint (done, >, acks->last);
  acks->last = done;
}

static void
test_kill_demo_populate (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 2);
  guint cases, writes_per_batch;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);

    path = g_strdup (hk_vault_get_path (vault));
    hk_test_fault_watch (count_write, NULL);
    g_assert_true (hk_demo_populate (vault, 1, 3, seed, NULL, NULL, &error));
    g_assert_no_error (error);
    writes_per_batch = hk_test_fault_get_count ();
    hk_test_fault_disarm ();
    g_assert_true (hk_demo_populate (vault, 24, 3, seed, NULL, NULL, &error));
    g_assert_no_error (error);
    cases = count_records (vault, HK_RECORD_KIND_CASE, NULL);
    hk_vault_close (vault);
  }
  /* Scale from one case to a batch: writes grow with the pages touched. */
  writes_per_batch *= 25;
  g_test_message ("a demo batch makes about %u SQLite writes", writes_per_batch);

  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(HkVault) vault = NULL;
      DemoArgs args = { path, seed + round, -1 };
      DemoAcks acks = { 0, 0 };
      guint kill_after = g_rand_int_range (rand, 1, 7);
      /* Kill before, inside or after the next batch's commit. */
      guint then_writes = g_rand_int_range (rand, 0, writes_per_batch + 1);
      guint now_cases, added;

      run_killed_child (writer_demo, &args, "P", kill_after, then_writes, collect_demo_ack, &acks);

      vault = open_unlocked (path);
      assert_check_ok (vault);
      now_cases = count_records (vault, HK_RECORD_KIND_CASE, NULL);
      added = now_cases - cases;
      /* Every acknowledged batch is there, and batches land whole. */
      g_assert_cmpuint (added, >=, acks.last);
      g_assert_cmpuint (acks.first, >, 0);
      g_assert_cmpuint (added % acks.first, ==, 0);
      g_assert_cmpuint (count_records (vault, HK_RECORD_KIND_PERSON, NULL), ==, now_cases);
      g_assert_cmpuint (count_records (vault, HK_RECORD_KIND_NOTE, NULL), ==, now_cases * 3);
      g_test_message ("round %u: killed after %u batches and %u writes (%u cases acknowledged), %u cases landed",
                      round, kill_after, then_writes, acks.last, added);
      cases = now_cases;
      hk_vault_close (vault);
    }
  hk_test_rm_rf (dir);
}

/* ---- Disk full and I/O errors ---- */

typedef struct
{
  int             err;
  HkTestFaultMode mode;
  HkError         code;
  const char     *phrase;   /* must appear in the message */
  gboolean        io_too;   /* HK_ERROR_IO is accepted as well (see below) */
} FaultCase;

static const FaultCase disk_full = { ENOSPC, HK_TEST_FAULT_PERSISTENT, HK_ERROR_NO_SPACE, "disk is full", FALSE };
static const FaultCase disk_full_once = { ENOSPC, HK_TEST_FAULT_ONCE, HK_ERROR_NO_SPACE, "disk is full", FALSE };
static const FaultCase io_error = { EIO, HK_TEST_FAULT_PERSISTENT, HK_ERROR_IO, "disk reported an error", FALSE };
static const FaultCase io_error_once = { EIO, HK_TEST_FAULT_ONCE, HK_ERROR_IO, "disk reported an error", FALSE };
/* The backup's new copy grows its -shm file with write(); SQLite reports
 * ENOSPC there as SQLITE_IOERR_SHMSIZE, which the store maps to HK_ERROR_IO
 * ("the disk reported an error") rather than HK_ERROR_NO_SPACE. Accepted
 * until the store looks at sqlite3_system_errno(). */
static const FaultCase disk_full_backup = { ENOSPC, HK_TEST_FAULT_PERSISTENT, HK_ERROR_NO_SPACE, "disk", TRUE };

static void
assert_fault_error (const GError    *error,
                    const FaultCase *fc)
{
  g_assert_nonnull (error);
  if (!(fc->io_too && g_error_matches (error, HK_ERROR, HK_ERROR_IO)))
    g_assert_error (error, HK_ERROR, (int) fc->code);
  g_assert_nonnull (strstr (error->message, fc->phrase));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

typedef struct
{
  char       *dir;
  char       *path;
  char       *case_id;
  GHashTable *expected;  /* note id → text */
  HkVault    *vault;
} FaultFixture;

static void
fault_fixture_init (FaultFixture *f)
{
  g_autoptr(HkRecord) kase = NULL;

  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->path = g_strdup (hk_vault_get_path (f->vault));
  kase = hk_test_add_case (f->vault, "Fault Injection Person");
  f->case_id = g_strdup (hk_record_get_id (kase));
  f->expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Earlier note %u", i);
      g_autoptr(HkRecord) note = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, NULL, f->case_id, 0,
                                                note_fields (text), &error);
      g_assert_no_error (error);
      g_hash_table_insert (f->expected, g_strdup (hk_record_get_id (note)), g_steal_pointer (&text));
    }
}

static void
fault_fixture_clear (FaultFixture *f)
{
  if (f->vault)
    g_assert_finalize_object (f->vault);
  hk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
  g_hash_table_unref (f->expected);
}

static void
assert_expected_notes (FaultFixture *f)
{
  GHashTableIter iter;
  gpointer id, text;

  g_assert_cmpuint (count_records (f->vault, HK_RECORD_KIND_NOTE, f->case_id), ==,
                    g_hash_table_size (f->expected));
  g_hash_table_iter_init (&iter, f->expected);
  while (g_hash_table_iter_next (&iter, &id, &text))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkRecord) note = hk_vault_load (f->vault, id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hk_record_get_string (note, "text"), ==, text);
    }
}

/* Closes, reopens from disk and checks everything. */
static void
reopen_and_verify (FaultFixture *f)
{
  hk_vault_close (f->vault);
  g_assert_finalize_object (f->vault);
  f->vault = open_unlocked (f->path);
  assert_expected_notes (f);
  assert_check_ok (f->vault);
}

static void
test_fault_save (gconstpointer data)
{
  const FaultCase *fc = data;
  FaultFixture f = { 0 };
  guint n;

  fault_fixture_init (&f);
  for (n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Note written at fault point %u", n);
      g_autoptr(HkRecord) note = NULL;
      gboolean fired;

      g_assert_cmpuint (n, <, 500);
      hk_test_fault_arm (n, fc->err, fc->mode);
      note = hk_vault_save (f.vault, HK_RECORD_KIND_NOTE, NULL, f.case_id, 0, note_fields (text), &error);
      fired = hk_test_fault_fired ();
      hk_test_fault_disarm ();

      if (note != NULL)
        {
          /* A save that reports success must not have lost a write. */
          g_assert_no_error (error);
          g_assert_false (fired);
          g_hash_table_insert (f.expected, g_strdup (hk_record_get_id (note)), g_steal_pointer (&text));
          reopen_and_verify (&f);
          break;
        }

      g_assert_true (fired);
      assert_fault_error (error, fc);
      g_clear_error (&error);
      /* Nothing of the failed save is visible, in this session or on disk. */
      assert_expected_notes (&f);

      /* The editor keeps the text and the user retries once there is space. */
      note = hk_vault_save (f.vault, HK_RECORD_KIND_NOTE, NULL, f.case_id, 0, note_fields (text), &error);
      g_assert_no_error (error);
      g_hash_table_insert (f.expected, g_strdup (hk_record_get_id (note)), g_steal_pointer (&text));
      assert_check_ok (f.vault);
      reopen_and_verify (&f);
    }
  g_test_message ("%u failing write points before a save went through", n);
  g_assert_cmpuint (n, >, 0);
  fault_fixture_clear (&f);
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_fault_backup (gconstpointer data)
{
  const FaultCase *fc = data;
  FaultFixture f = { 0 };
  g_autofree char *backup_dir = hk_test_make_tmpdir ();
  g_autofree char *dest = g_build_filename (backup_dir, "backup.hearken", NULL);
  guint n;

  fault_fixture_init (&f);
  for (n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_assert_cmpuint (n, <, 2000);
      hk_test_fault_arm (n, fc->err, fc->mode);
      ok = hk_vault_backup (f.vault, dest, &error);
      hk_test_fault_disarm ();

      if (ok)
        {
          g_autoptr(HkVault) copy = NULL;
          GHashTableIter iter;
          gpointer id, text;

          g_assert_no_error (error);
          g_assert_cmpuint (count_dir_entries (backup_dir), ==, 1);
          copy = open_unlocked (dest);
          assert_check_ok (copy);
          g_hash_table_iter_init (&iter, f.expected);
          while (g_hash_table_iter_next (&iter, &id, &text))
            {
              g_autoptr(HkRecord) note = hk_vault_load (copy, id, &error);
              g_assert_no_error (error);
              g_assert_cmpstr (hk_record_get_string (note, "text"), ==, text);
            }
          hk_vault_close (copy);
          break;
        }

      assert_fault_error (error, fc);
      /* No partial copy, journal or WAL is left at the destination. */
      g_assert_cmpuint (count_dir_entries (backup_dir), ==, 0);
      assert_check_ok (f.vault);
      if (n % 8 == 0)
        reopen_and_verify (&f);
    }
  g_test_message ("%u failing write points before a backup went through", n);
  g_assert_cmpuint (n, >, 0);
  reopen_and_verify (&f);
  fault_fixture_clear (&f);
  hk_test_rm_rf (backup_dir);
}

static void
assert_passphrase (const char *path,
                   gboolean    new_one_works)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) old_pass = hk_test_passphrase ();
  g_autoptr(HkSecret) new_pass = hk_test_other_passphrase ();
  g_autoptr(HkVault) vault = hk_vault_open (path, &error);

  g_assert_no_error (error);
  g_assert_false (hk_vault_unlock (vault, new_one_works ? old_pass : new_pass, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (hk_vault_unlock (vault, new_one_works ? new_pass : old_pass, NULL, &error));
  g_assert_no_error (error);
  assert_check_ok (vault);
  hk_vault_close (vault);
}

static void
test_fault_change_passphrase (gconstpointer data)
{
  const FaultCase *fc = data;
  FaultFixture f = { 0 };
  g_autoptr(HkSecret) old_pass = hk_test_passphrase ();
  g_autoptr(HkSecret) new_pass = hk_test_other_passphrase ();
  guint n;

  fault_fixture_init (&f);
  for (n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_assert_cmpuint (n, <, 500);
      hk_test_fault_arm (n, fc->err, fc->mode);
      ok = hk_vault_change_passphrase (f.vault, old_pass, new_pass, &error);
      hk_test_fault_disarm ();
      hk_vault_close (f.vault);
      g_clear_object (&f.vault);

      if (ok)
        {
          g_assert_no_error (error);
          assert_passphrase (f.path, TRUE);
          break;
        }
      assert_fault_error (error, fc);
      /* The old passphrase still opens the vault; the new one does not. */
      assert_passphrase (f.path, FALSE);
      f.vault = open_unlocked (f.path);
      assert_expected_notes (&f);
    }
  g_test_message ("%u failing write points before the passphrase changed", n);
  g_assert_cmpuint (n, >, 0);
  fault_fixture_clear (&f);
}

/* ---- A second instance ---- */

static void
try_open_child (int      fd,
                gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = hk_vault_open (data, &error);

  if (vault != NULL)
    child_send (fd, "OK\n");
  else
    child_send (fd, "ERR %d %s\n", error->code, error->message);
}

/* Opens @path in a forked process; returns its one-line answer. */
static char *
open_in_child (const char *path)
{
  LineReader reader = { -1, NULL };
  char *line, *extra;
  int fds[2], status = 0;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  flush_before_fork ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_setup ();
      try_open_child (fds[1], (gpointer) path);
      _exit (0);
    }
  close (fds[1]);
  reader.fd = fds[0];
  reader.buf = g_string_new (NULL);
  line = line_reader_next (&reader);
  extra = line_reader_next (&reader);
  g_assert_null (extra);
  close (fds[0]);
  g_string_free (reader.buf, TRUE);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (line);
  return line;
}

static void
assert_busy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) second = hk_vault_open (path, &error);
  g_autofree char *child = NULL;
  g_autofree char *expected = NULL;

  /* Same process. */
  g_assert_null (second);
  g_assert_error (error, HK_ERROR, HK_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "open in another"));

  /* Another process. */
  child = open_in_child (path);
  expected = g_strdup_printf ("ERR %d ", HK_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (child, expected));
  g_assert_nonnull (strstr (child, "open in another"));
}

static void
holder_child (int      fd,
              gpointer data)
{
  HkVault *vault = child_open_unlocked (fd, data);

  /* Held open and unlocked until killed. */
  g_assert (!hk_vault_is_locked (vault));
  child_send (fd, "R\n");
  for (;;)
    pause ();
}

static void
test_second_instance (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Second Instance Person");
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  LineReader reader = { -1, NULL };
  char *line;
  int fds[2], status = 0;
  pid_t pid;

  /* Unlocked, and again while locked: the file lock is what counts. */
  assert_busy (path);
  hk_vault_lock (vault);
  assert_busy (path);
  {
    g_autoptr(HkSecret) pass = hk_test_passphrase ();
    g_autoptr(HkVault) created = hk_vault_create (path, pass, HK_KDF_PROFILE_TEST_WEAK, HK_VAULT_FLAG_NONE,
                                                  "Intruder", NULL, &error);
    g_assert_null (created);
    g_assert_error (error, HK_ERROR, HK_ERROR_BUSY);
    g_clear_error (&error);
  }

  /* Closed: another process may open it. */
  hk_vault_close (vault);
  answer = open_in_child (path);
  g_assert_cmpstr (answer, ==, "OK");
  g_clear_object (&vault);

  /* A holder that is killed leaves no stale lock behind. */
  g_assert_cmpint (pipe (fds), ==, 0);
  flush_before_fork ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_setup ();
      holder_child (fds[1], path);
      _exit (0);
    }
  close (fds[1]);
  reader.fd = fds[0];
  reader.buf = g_string_new (NULL);
  line = line_reader_next (&reader);
  g_assert_cmpstr (line, ==, "R");
  g_free (line);

  assert_busy (path);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_null (line_reader_next (&reader));
  close (fds[0]);
  g_string_free (reader.buf, TRUE);

  vault = open_unlocked (path);
  assert_check_ok (vault);
  g_assert_cmpuint (count_records (vault, HK_RECORD_KIND_CASE, NULL), ==, 1);
  hk_vault_close (vault);
  g_clear_pointer (&answer, g_free);
  answer = open_in_child (path);
  g_assert_cmpstr (answer, ==, "OK");

  hk_test_rm_rf (dir);
}

/* ---- Damaged files ---- */

typedef struct
{
  char   *dir;
  char   *path;        /* a closed vault with a few hundred records */
  GArray *tree_pages;  /* page numbers of the records table's b-tree pages */
  int     page_size;
} CorruptFixture;

static void
corrupt_fixture_init (CorruptFixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  f->dir = hk_test_make_tmpdir ();
  {
    g_autoptr(HkVault) vault = hk_test_create_vault (f->dir, NULL);
    g_assert_true (hk_demo_populate (vault, 60, 4, seed, NULL, NULL, &error));
    g_assert_no_error (error);
    f->path = g_strdup (hk_vault_get_path (vault));
    hk_vault_close (vault);
  }

  /* dbstat names the pages SQLite's own checks walk. */
  f->tree_pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno FROM dbstat WHERE name = 'records'"
                                       " AND pagetype IN ('internal', 'leaf') ORDER BY pageno",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int page = sqlite3_column_int (stmt, 0);
      g_array_append_val (f->tree_pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (f->tree_pages->len, >=, 5);
}

static void
corrupt_fixture_clear (CorruptFixture *f)
{
  hk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_array_unref (f->tree_pages);
}

/* A copy of the vault with @len bytes at @offset replaced by @bytes. */
static char *
damaged_copy (CorruptFixture *f,
              const char     *name,
              gsize           offset,
              const guint8   *bytes,
              gsize           len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = hk_test_read_file (f->path);
  g_autofree char *copy_dir = g_build_filename (f->dir, name, NULL);
  char *copy = g_build_filename (copy_dir, "vault.hearken", NULL);
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (original), &size);

  g_assert_cmpuint (offset + len, <=, size);
  memcpy (data + offset, bytes, len);
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_file_set_contents (copy, (const char *) data, size, &error);
  g_assert_no_error (error);
  g_free (data);
  return copy;
}

/* Opening must fail cleanly: damaged or not a vault, with a sentence for the user. */
static void
assert_open_refused (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = hk_vault_open (path, &error);

  g_assert_null (vault);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HK_ERROR);
  if (error->code != HK_ERROR_CORRUPT && error->code != HK_ERROR_NOT_A_VAULT)
    g_error ("expected a damaged-file error, got %d: %s", error->code, error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_str_has_suffix (error->message, "."));
}

/* Anything may happen to a damaged file except a crash, a hang or an error
 * outside HK_ERROR without a message. */
static const char *
open_damaged_anyhow (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkVault) vault = hk_vault_open (path, &error);
  g_autoptr(HkCheckReport) report = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  if (vault == NULL)
    {
      g_assert_true (error->domain == HK_ERROR);
      g_assert_cmpuint (strlen (error->message), >, 0);
      return "refused at open";
    }
  if (!hk_vault_unlock (vault, pass, NULL, &error))
    {
      g_assert_true (error->domain == HK_ERROR);
      g_assert_cmpuint (strlen (error->message), >, 0);
      return "refused at unlock";
    }
  cases = hk_vault_list_cases (vault, &error);
  if (cases == NULL)
    {
      g_assert_true (error->domain == HK_ERROR);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_clear_error (&error);
    }
  report = hk_vault_check (vault, &error);
  if (report == NULL)
    {
      g_assert_true (error->domain == HK_ERROR);
      return "check could not run";
    }
  return hk_check_report_is_ok (report) ? "unharmed" : "found by check";
}

static void
test_corrupt_btree_page (void)
{
  CorruptFixture f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 3);
  g_autoptr(GHashTable) outcomes = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer outcome, count;

  corrupt_fixture_init (&f);

  /* The page header and cell pointers of a b-tree page in the middle. */
  for (guint trial = 0; trial < 8; trial++)
    {
      int page = g_array_index (f.tree_pages, int, f.tree_pages->len / 4 +
                                g_rand_int_range (rand, 0, f.tree_pages->len / 2));
      g_autofree char *name = g_strdup_printf ("header-%u", trial);
      g_autofree char *copy = NULL;
      guint8 junk[24];

      for (guint i = 0; i < sizeof junk; i++)
        junk[i] = g_rand_int_range (rand, 0, 256);
      /* Never a valid page type, so the damage is structural for certain. */
      while (junk[0] == 0x02 || junk[0] == 0x05 || junk[0] == 0x0a || junk[0] == 0x0d)
        junk[0] = g_rand_int_range (rand, 0, 256);
      copy = damaged_copy (&f, name, (gsize) (page - 1) * f.page_size, junk, sizeof junk);
      assert_open_refused (copy);
    }

  /* Random bytes anywhere in such a page: cell contents are ciphertext, so
   * some of this only the record check can see. */
  for (guint trial = 0; trial < 24; trial++)
    {
      int page = g_array_index (f.tree_pages, int, f.tree_pages->len / 4 +
                                g_rand_int_range (rand, 0, f.tree_pages->len / 2));
      g_autofree char *name = g_strdup_printf ("anywhere-%u", trial);
      g_autofree char *copy = NULL;
      guint8 junk[16];
      gsize at = g_rand_int_range (rand, 0, f.page_size - sizeof junk);
      const char *what;

      for (guint i = 0; i < sizeof junk; i++)
        junk[i] = g_rand_int_range (rand, 0, 256);
      copy = damaged_copy (&f, name, (gsize) (page - 1) * f.page_size + at, junk, sizeof junk);
      what = open_damaged_anyhow (copy);
      g_hash_table_insert (outcomes, (gpointer) what,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (outcomes, what)) + 1));
    }
  g_hash_table_iter_init (&iter, outcomes);
  while (g_hash_table_iter_next (&iter, &outcome, &count))
    g_test_message ("random bytes in a b-tree page: %s x %u", (const char *) outcome, GPOINTER_TO_UINT (count));

  corrupt_fixture_clear (&f);
}

static void
test_corrupt_sqlite_header (void)
{
  CorruptFixture f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 4);
  g_autofree char *magic_copy = NULL;
  g_autofree char *all_copy = NULL;
  guint8 junk[100];

  corrupt_fixture_init (&f);

  /* The magic string: not an SQLite file any more. */
  for (guint i = 0; i < 16; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  magic_copy = damaged_copy (&f, "magic", 0, junk, 16);
  assert_open_refused (magic_copy);

  /* The whole 100-byte header. */
  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  all_copy = damaged_copy (&f, "whole-header", 0, junk, sizeof junk);
  assert_open_refused (all_copy);

  /* Each header byte on its own: whatever the field, no crash and a clean error. */
  for (guint offset = 0; offset < 100; offset++)
    {
      g_autofree char *name = g_strdup_printf ("byte-%u", offset);
      g_autofree char *copy = NULL;
      g_autoptr(GBytes) original = hk_test_read_file (f.path);
      const guint8 *orig = g_bytes_get_data (original, NULL);
      guint8 b = orig[offset] ^ (guint8) g_rand_int_range (rand, 1, 256);
      const char *what;

      copy = damaged_copy (&f, name, offset, &b, 1);
      what = open_damaged_anyhow (copy);
      if (g_test_verbose ())
        g_test_message ("header byte %u: %s", offset, what);
    }

  corrupt_fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  const char *env_seed = g_getenv ("HK_TEST_SEED");

  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());
  /* A killed child's broken pipe must not kill the parent, and vice versa. */
  signal (SIGPIPE, SIG_IGN);

  seed = env_seed ? (guint32) g_ascii_strtoull (env_seed, NULL, 0) : DEFAULT_SEED;
  g_test_message ("seed %u (set HK_TEST_SEED to change it)", seed);

  g_test_add_func ("/durability/kill/saves", test_kill_saves);
  g_test_add_func ("/durability/kill/backup", test_kill_backup);
  g_test_add_func ("/durability/kill/demo-populate", test_kill_demo_populate);
  g_test_add_data_func ("/durability/disk-full/save", &disk_full, test_fault_save);
  g_test_add_data_func ("/durability/disk-full/save-once", &disk_full_once, test_fault_save);
  g_test_add_data_func ("/durability/disk-full/backup", &disk_full_backup, test_fault_backup);
  g_test_add_data_func ("/durability/disk-full/change-passphrase", &disk_full, test_fault_change_passphrase);
  g_test_add_data_func ("/durability/io-error/save", &io_error, test_fault_save);
  g_test_add_data_func ("/durability/io-error/save-once", &io_error_once, test_fault_save);
  g_test_add_data_func ("/durability/io-error/backup", &io_error, test_fault_backup);
  g_test_add_data_func ("/durability/io-error/change-passphrase", &io_error, test_fault_change_passphrase);
  g_test_add_func ("/durability/second-instance", test_second_instance);
  g_test_add_func ("/durability/corrupt/btree-page", test_corrupt_btree_page);
  g_test_add_func ("/durability/corrupt/sqlite-header", test_corrupt_sqlite_header);
  return g_test_run ();
}
