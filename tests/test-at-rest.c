/* test-at-rest.c: no personal content, category or date reaches a file unencrypted
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every personal field gets a unique marker; then every file in the vault's
 * folder, everything under this process's own $TMPDIR and every new file in
 * the system's temporary folder is searched byte by byte for the markers,
 * the category codes and labels, the dates and the NHS numbers: while the
 * vault is unlocked, after it is locked and after it is closed.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hk-test-utils.h"

#define MARKER "ZQXMARKER"

/* The temporary folder the test was started with, and the private one it
 * points $TMPDIR at so that anything the core writes there is ours. */
static char *system_tmp;
static char *private_tmp;

/* ---- Needles ---- */

static const char *nhs_numbers[] = { "9876543210", "9182736456", "9273645186" };
static const char *nhs_spaced[]  = { "987 654 3210", "918 273 6456", "927 364 5186" };
static const char *births[]      = { "1931-07-19", "1942-11-03", "1957-02-28" };
static const char *opened[]      = { "2011-05-23", "2013-09-16", "2014-01-08" };
static const char *note_kinds[]  = { "phone_call", "conversation", "visit", "meeting", "other" };
static const char *occurred[]    = {
  "2019-04-17T09:41:00+01:00", "2020-10-02T16:07:00+01:00", "2021-12-13T11:52:00+00:00",
  "2022-06-29T08:15:00+01:00", "2023-02-27T14:35:00+00:00",
};
#define CLOSED_ON "2015-03-31"

/* Everything that must never be found in a file. */
static GPtrArray *
make_needles (void)
{
  GPtrArray *needles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const HkFieldSpec *kind_spec = hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "kind");
  const HkFieldSpec *status_spec = hk_record_kind_find_field (HK_RECORD_KIND_CASE, "status");

  /* Every marker shares the prefix; the in-memory search index lowercases. */
  g_ptr_array_add (needles, g_strdup (MARKER));
  g_ptr_array_add (needles, g_ascii_strdown (MARKER, -1));

  for (guint i = 0; i < G_N_ELEMENTS (nhs_numbers); i++)
    {
      g_ptr_array_add (needles, g_strdup (nhs_numbers[i]));
      g_ptr_array_add (needles, g_strdup (nhs_spaced[i]));
      g_ptr_array_add (needles, g_strdup (births[i]));
      g_ptr_array_add (needles, g_strdup (opened[i]));
    }
  g_ptr_array_add (needles, g_strdup (CLOSED_ON));
  for (guint i = 0; i < G_N_ELEMENTS (occurred); i++)
    {
      g_ptr_array_add (needles, g_strndup (occurred[i], 10));          /* the date */
      g_ptr_array_add (needles, g_strndup (occurred[i] + 11, 5));      /* the time of day */
    }
  /* recorded_at and the default opened_on are today. */
  g_ptr_array_add (needles, g_date_time_format (now, "%F"));

  /* Category codes and their labels (untranslated: LC_ALL=C). "open" and
   * "Open" are four letters: a chance match in ciphertext is about one in
   * 4·10⁹ per byte, so a few hundred kilobytes keep this far from flaky. */
  for (const HkEnumValue *v = kind_spec->values; v->code; v++)
    {
      g_ptr_array_add (needles, g_strdup (v->code));
      g_ptr_array_add (needles, g_strdup (v->label));
    }
  for (const HkEnumValue *v = status_spec->values; v->code; v++)
    {
      g_ptr_array_add (needles, g_strdup (v->code));
      g_ptr_array_add (needles, g_strdup (v->label));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (needles, "phone_call", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (needles, "closed", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (needles, "Closed", g_str_equal, NULL));
  return needles;
}

/* ---- Scanning ---- */

static gboolean
memory_contains (const char *data,
                 gsize       len,
                 const char *needle)
{
  gsize n = strlen (needle);
  const char *end = data + len;

  for (const char *p = data; n > 0 && (gsize) (end - p) >= n; p++)
    {
      p = memchr (p, needle[0], end - p - n + 1);
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, n) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GPtrArray  *needles;
  GHashTable *skip;       /* paths not to search, or NULL */
  gboolean    tolerant;   /* other processes' files may vanish or be unreadable */
  guint       max_depth;
  const char *exclude;    /* a folder not to enter, or NULL */
  guint       files;
  GPtrArray  *hits;       /* "path: needle" */
} Scan;

static void
scan_file (Scan       *scan,
           const char *path)
{
  scan->files++;
  if (!scan->tolerant)
    {
      /* Ours: every file must be readable, and is searched byte by byte. */
      for (guint i = 0; i < scan->needles->len; i++)
        if (hk_test_file_contains (path, scan->needles->pdata[i]))
          g_ptr_array_add (scan->hits, g_strdup_printf ("%s: \"%s\"", path, (char *) scan->needles->pdata[i]));
    }
  else
    {
      g_autofree char *data = NULL;
      gsize len = 0;
      GStatBuf st;

      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > 64 * 1024 * 1024 ||
          !g_file_get_contents (path, &data, &len, NULL))
        return;
      for (guint i = 0; i < scan->needles->len; i++)
        if (memory_contains (data, len, scan->needles->pdata[i]))
          g_ptr_array_add (scan->hits, g_strdup_printf ("%s: \"%s\"", path, (char *) scan->needles->pdata[i]));
    }
}

static void
scan_tree (Scan       *scan,
           const char *root,
           guint       depth)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_assert_true (scan->tolerant);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (depth < scan->max_depth && g_strcmp0 (path, scan->exclude) != 0)
            scan_tree (scan, path, depth + 1);
        }
      else if (S_ISREG (st.st_mode) && (scan->skip == NULL || !g_hash_table_contains (scan->skip, path)))
        scan_file (scan, path);
    }
}

#define OURS_DEPTH   8
/* Code that ignored $TMPDIR would write straight into /tmp or a folder just
 * below it; deeper trees there are other programs' (build folders). */
#define SHARED_DEPTH 1

/* Files under @root now: the "before" picture of a shared folder. */
static void
list_tree (GHashTable *out,
           const char *root,
           guint       depth,
           guint       max_depth)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *path = g_build_filename (root, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode) && depth < max_depth)
        list_tree (out, path, depth + 1, max_depth);
      g_hash_table_add (out, path);
    }
}

/* Searches the vault's folder and the private $TMPDIR for every needle, and
 * new files in the system temporary folder for the markers (other tests
 * running beside this one legitimately write plaintext category words and
 * dates there, in their input files); fails listing every hit. */
static void
assert_no_leaks (const char *stage,
                 const char *vault_dir,
                 GPtrArray  *needles,
                 GHashTable *system_before)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  Scan ours = { needles, NULL, FALSE, OURS_DEPTH, NULL, 0, hits };
  Scan shared = { markers, system_before, TRUE, SHARED_DEPTH, private_tmp, 0, hits };

  g_ptr_array_add (markers, needles->pdata[0]);
  g_ptr_array_add (markers, needles->pdata[1]);
  g_assert_cmpstr (markers->pdata[0], ==, MARKER);

  scan_tree (&ours, vault_dir, 0);
  if (!g_str_has_prefix (vault_dir, private_tmp))
    scan_tree (&ours, private_tmp, 0);
  else
    {
      /* The vault folder lies inside the private $TMPDIR: search the rest of it. */
      Scan rest = { needles, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), FALSE,
                    OURS_DEPTH, NULL, 0, hits };
      list_tree (rest.skip, vault_dir, 0, OURS_DEPTH);
      scan_tree (&rest, private_tmp, 0);
      ours.files += rest.files;
      g_hash_table_unref (rest.skip);
    }
  scan_tree (&shared, system_tmp, 0);

  g_test_message ("%s: searched %u files of ours and %u new shared temporary files for %u strings",
                  stage, ours.files, shared.files, needles->len);
  for (guint i = 0; i < hits->len; i++)
    g_printerr ("LEAK (%s) %s\n", stage, (char *) hits->pdata[i]);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* ---- Writing the records ---- */

static HkRecord *
save (HkVault      *vault,
      HkRecordKind  kind,
      const char   *id,
      const char   *parent_id,
      gint64        base_revision,
      GVariant     *fields)
{
  g_autoptr(GError) error = NULL;
  HkRecord *record = hk_vault_save (vault, kind, id, parent_id, base_revision, fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static GVariant *
person_fields (guint n,
               guint revision)
{
  GVariantDict d;
  g_autofree char *name = g_strdup_printf (MARKER "-name-%u-r%u", n, revision);
  g_autofree char *preferred = g_strdup_printf (MARKER "-preferred-%u", n);
  g_autofree char *ref = g_strdup_printf (MARKER "-localref-%u", n);
  g_autofree char *address = g_strdup_printf (MARKER "-address-%u\n" MARKER "-town-%u", n, n);
  g_autofree char *contact = g_strdup_printf (MARKER "-contact-%u", n);
  g_autofree char *needs = g_strdup_printf (MARKER "-commneeds-%u", n);
  g_autofree char *rep = g_strdup_printf (MARKER "-repname-%u", n);
  g_autofree char *rel = g_strdup_printf (MARKER "-reprel-%u", n);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "name", "s", name);
  g_variant_dict_insert (&d, "preferred_name", "s", preferred);
  g_variant_dict_insert (&d, "date_of_birth", "s", births[n]);
  g_variant_dict_insert (&d, "nhs_number", "s", n == 1 ? nhs_spaced[n] : nhs_numbers[n]);
  g_variant_dict_insert (&d, "local_ref", "s", ref);
  g_variant_dict_insert (&d, "address", "s", address);
  g_variant_dict_insert (&d, "contact", "s", contact);
  g_variant_dict_insert (&d, "communication_needs", "s", needs);
  g_variant_dict_insert (&d, "representative_name", "s", rep);
  g_variant_dict_insert (&d, "representative_relationship", "s", rel);
  return g_variant_dict_end (&d);
}

static GVariant *
case_fields (guint       n,
             const char *status)
{
  GVariantDict d;
  g_autofree char *summary = g_strdup_printf (MARKER "-summary-%u", n);
  g_autofree char *worker = g_strdup_printf (MARKER "-worker-%u", n);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "status", "s", status);
  g_variant_dict_insert (&d, "opened_on", "s", opened[n]);
  if (g_str_equal (status, "closed"))
    g_variant_dict_insert (&d, "closed_on", "s", CLOSED_ON);
  g_variant_dict_insert (&d, "summary", "s", summary);
  g_variant_dict_insert (&d, "worker", "s", worker);
  return g_variant_dict_end (&d);
}

static GVariant *
note_fields (guint n,
             guint k,
             guint revision)
{
  GVariantDict d;
  g_autofree char *text = g_strdup_printf (MARKER "-notetext-%u-%u-r%u The person said they feel safer now.",
                                           n, k, revision);
  g_autofree char *present = g_strdup_printf (MARKER "-present-%u-%u", n, k);
  const char *present_list[] = { present, NULL };

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "kind", "s", note_kinds[(n + k) % G_N_ELEMENTS (note_kinds)]);
  g_variant_dict_insert (&d, "occurred_at", "s", occurred[(n + k) % G_N_ELEMENTS (occurred)]);
  g_variant_dict_insert (&d, "text", "s", text);
  g_variant_dict_insert (&d, "present", "^as", present_list);
  return g_variant_dict_end (&d);
}

static GVariant *
draft_fields (const char *what)
{
  GVariantDict d;
  g_autofree char *text = g_strdup_printf (MARKER "-draft-%s", what);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "text", "s", text);
  g_variant_dict_insert (&d, "kind", "s", "phone_call");
  g_variant_dict_insert (&d, "occurred_at", "s", occurred[4]);
  return g_variant_dict_end (&d);
}

/* Fills the vault with every kind of write the core does. */
static void
write_everything (HkVault    *vault,
                  const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkSecret) wrong = hk_test_other_passphrase ();
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GVariant) draft = NULL;
  g_autofree char *backup = g_build_filename (dir, "backup.hearken", NULL);
  g_autofree char *draft_key = NULL;
  HkRecord *first_note = NULL;

  for (guint n = 0; n < 3; n++)
    {
      g_autoptr(HkRecord) person = save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, person_fields (n, 1));
      g_autoptr(HkRecord) edited = NULL;
      HkRecord *kase;

      /* An edit keeps the first revision, sealed, in the history. */
      edited = save (vault, HK_RECORD_KIND_PERSON, hk_record_get_id (person), NULL, 1, person_fields (n, 2));
      kase = save (vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0,
                   case_fields (n, n == 2 ? "closed" : "open"));
      g_ptr_array_add (cases, kase);

      for (guint k = 0; k < G_N_ELEMENTS (note_kinds); k++)
        {
          g_autoptr(HkRecord) note = save (vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (kase), 0,
                                           note_fields (n, k, 1));
          if (k % 2 == 0)
            {
              g_autoptr(HkRecord) r2 = save (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (note), NULL, 1,
                                             note_fields (n, k, 2));
              g_autoptr(HkRecord) r3 = save (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (note), NULL, 2,
                                             note_fields (n, k, 3));
            }
          if (first_note == NULL)
            first_note = g_object_ref (note);
        }
    }

  /* A case closed after the fact: "open" lives on in its old revision. */
  {
    HkRecord *kase = cases->pdata[0];
    g_autoptr(HkRecord) closed = save (vault, HK_RECORD_KIND_CASE, hk_record_get_id (kase), NULL,
                                       hk_record_get_revision (kase), case_fields (0, "closed"));
  }

  /* Drafts: saved, overwritten, one discarded. */
  draft_key = g_strdup_printf ("note-new:%s", hk_record_get_id (cases->pdata[1]));
  g_assert_true (hk_vault_save_draft (vault, draft_key, draft_fields ("first"), &error));
  g_assert_no_error (error);
  g_assert_true (hk_vault_save_draft (vault, draft_key, draft_fields ("second"), &error));
  g_assert_no_error (error);
  g_assert_true (hk_vault_save_draft (vault, "note-new:discarded", draft_fields ("discarded"), &error));
  g_assert_no_error (error);
  g_assert_true (hk_vault_discard_draft (vault, "note-new:discarded", &error));
  g_assert_no_error (error);

  /* Reads that log, search, check, an activity entry with detail, a failed
   * unlock sealed while locked, and a backup. */
  summaries = hk_vault_list_cases (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_true (hk_vault_load_case (vault, hk_record_get_id (cases->pdata[2]), NULL, NULL, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, G_N_ELEMENTS (note_kinds));
  found = hk_vault_search (vault, MARKER " notetext", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, 3);
  g_clear_pointer (&found, g_hash_table_unref);
  found = hk_vault_search (vault, "9876543210", &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_hash_table_unref);
  g_assert_true (hk_vault_log (vault, HK_ACTIVITY_EXPORT, NULL, MARKER "-activity-detail", &error));
  g_assert_no_error (error);
  report = hk_vault_check (vault, &error);
  g_assert_no_error (error);
  g_assert_true (hk_check_report_is_ok (report));

  hk_vault_lock (vault);
  g_assert_false (hk_vault_unlock (vault, wrong, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (hk_vault_backup (vault, backup, &error));
  g_assert_no_error (error);

  /* The markers really are in the vault, so not finding them on disk means something. */
  revisions = hk_vault_list_revisions (vault, hk_record_get_id (first_note), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_true (g_str_has_prefix (hk_record_get_string (revisions->pdata[0], "text"), MARKER "-notetext-0-0-r1"));
  draft = hk_vault_load_draft (vault, draft_key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_object_unref (first_note);
}

/* ---- The tests ---- */

static void
test_scanner_finds_plaintext (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *plain = g_build_filename (dir, "plain.bin", NULL);
  g_autoptr(GPtrArray) needles = make_needles ();
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GString *contents = g_string_new (NULL);
  Scan scan = { needles, NULL, FALSE, OURS_DEPTH, NULL, 0, hits };

  /* Binary noise around the strings, as in a database page. */
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (contents, (char) g_test_rand_int_range (0, 256));
  g_string_append (contents, MARKER "-notetext-9-9-r1");
  g_string_append_c (contents, '\0');
  g_string_append (contents, births[0]);
  for (guint i = 0; i < 64; i++)
    g_string_append_c (contents, (char) g_test_rand_int_range (0, 256));
  g_string_append (contents, "phone_call");
  g_file_set_contents (plain, contents->str, contents->len, &error);
  g_assert_no_error (error);
  g_string_free (contents, TRUE);

  scan_tree (&scan, dir, 0);
  g_assert_cmpuint (scan.files, ==, 1);
  g_assert_cmpuint (hits->len, >=, 3);
  g_assert_true (hk_test_file_contains (plain, MARKER));
  g_assert_true (hk_test_file_contains (plain, births[0]));
  g_assert_true (hk_test_file_contains (plain, "phone_call"));
  g_assert_false (hk_test_file_contains (plain, births[1]));

  /* Plaintext in an SQLite WAL is found too: the files are not encoded in
   * some way that would hide it from a byte search. */
  {
    g_autofree char *db_path = g_build_filename (dir, "plain.sqlite", NULL);
    g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                                   "CREATE TABLE t (v TEXT);"
                                   "INSERT INTO t VALUES ('" MARKER "-in-a-wal');",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (hk_test_file_contains (wal_path, MARKER "-in-a-wal"));
    g_ptr_array_set_size (hits, 0);
    scan.files = 0;
    scan_tree (&scan, dir, 0);
    {
      gboolean in_wal = FALSE;

      for (guint i = 0; i < hits->len; i++)
        in_wal |= g_str_has_prefix (hits->pdata[i], wal_path);
      g_assert_true (in_wal);
    }
    sqlite3_close (db);
  }

  hk_test_rm_rf (dir);
}

static void
test_markers_stay_encrypted (void)
{
  g_autoptr(GHashTable) system_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) needles = make_needles ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkVault) vault = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *owner = g_strdup (MARKER "-owner");
  g_autofree char *wal = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *lock = NULL;

  list_tree (system_before, system_tmp, 0, SHARED_DEPTH);
  dir = hk_test_make_tmpdir ();
  g_assert_true (g_str_has_prefix (dir, private_tmp));
  path = g_build_filename (dir, "vault.hearken", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  lock = g_strconcat (path, ".lock", NULL);
  backup = g_build_filename (dir, "backup.hearken", NULL);

  vault = hk_vault_create (path, pass, HK_KDF_PROFILE_TEST_WEAK, HK_VAULT_FLAG_NONE, owner, NULL, &error);
  g_assert_no_error (error);
  write_everything (vault, dir);

  /* The files the brief names are there to be searched. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  assert_no_leaks ("unlocked", dir, needles, system_before);
  hk_vault_lock (vault);
  assert_no_leaks ("locked", dir, needles, system_before);
  hk_vault_close (vault);
  g_clear_object (&vault);
  assert_no_leaks ("closed", dir, needles, system_before);

  /* And the backup reopens with the markers inside. */
  vault = hk_vault_open (backup, &error);
  g_assert_no_error (error);
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hk_vault_get_owner_name (vault), ==, owner);
  hk_vault_close (vault);

  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Before anything asks GLib for the temporary folder (it caches it). */
  system_tmp = g_strdup (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp");
  private_tmp = g_build_filename (system_tmp, "hearken-at-rest-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (private_tmp));
  g_setenv ("TMPDIR", private_tmp, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());
  g_assert_cmpstr (g_get_tmp_dir (), ==, private_tmp);

  g_test_add_func ("/at-rest/scanner-finds-plaintext", test_scanner_finds_plaintext);
  g_test_add_func ("/at-rest/markers-stay-encrypted", test_markers_stay_encrypted);
  ret = g_test_run ();

  hk_test_rm_rf (private_tmp);
  g_free (private_tmp);
  g_free (system_tmp);
  return ret;
}
