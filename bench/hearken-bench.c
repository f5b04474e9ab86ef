/* hearken-bench.c: the encrypted vault against a plaintext SQLite baseline
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each case count it builds an encrypted vault with hk_demo_populate()
 * and, in the same process, an unencrypted SQLite database with the same
 * schema shape (records with the same serialised fields as plaintext
 * payloads, the same indexes, WAL, synchronous=FULL) holding the same
 * records, then times the same operations on both. A VFS shim registered as
 * the default counts SQLite's xSync calls. Peak RSS is measured in a fresh
 * child process per side, because the lifetime peak of this process is set
 * by building the vaults.
 *
 * Built, never installed, and not a test: see docs/PERFORMANCE.md.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include <hearken/hearken.h>
#include "hk-record-private.h"
#include "hk-crypto-private.h"

#define BENCH_PASSPHRASE "benchmark passphrase, not a secret"
#define BENCH_OWNER      "Bench Worker"
#define BENCH_SEED       4242u

/* ---- Counting xSync: a pass-through VFS over "unix" ---- */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* follows this struct in the same allocation */
} CountFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs count_vfs;
static gint sync_count;

#define REAL(f) (((CountFile *) (f))->real)

static int
cf_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
cf_read (sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amt, off);
}

static int
cf_write (sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amt, off);
}

static int
cf_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
cf_sync (sqlite3_file *f, int flags)
{
  g_atomic_int_inc (&sync_count);
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
cf_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
cf_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
cf_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
cf_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
cf_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
cf_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
cf_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
cf_shm_map (sqlite3_file *f, int pg, int pgsz, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), pg, pgsz, extend, out);
}

static int
cf_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
cf_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
cf_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
cf_fetch (sqlite3_file *f, sqlite3_int64 off, int amt, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), off, amt, out);
}

static int
cf_unfetch (sqlite3_file *f, sqlite3_int64 off, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), off, p);
}

static const sqlite3_io_methods count_methods = {
  3,
  cf_close, cf_read, cf_write, cf_truncate, cf_sync, cf_file_size, cf_lock, cf_unlock,
  cf_check_reserved_lock, cf_file_control, cf_sector_size, cf_device_characteristics,
  cf_shm_map, cf_shm_lock, cf_shm_barrier, cf_shm_unmap, cf_fetch, cf_unfetch,
};

static int
cv_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
  CountFile *cf = (CountFile *) file;
  int rc;

  cf->real = (sqlite3_file *) (cf + 1);
  rc = real_vfs->xOpen (real_vfs, name, cf->real, flags, out_flags);
  /* SQLite calls xClose only if pMethods is set. */
  cf->base.pMethods = cf->real->pMethods ? &count_methods : NULL;
  return rc;
}

static int
cv_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
cv_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
cv_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
cv_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
cv_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*cv_dl_sym (sqlite3_vfs *vfs, void *handle, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, sym);
}

static void
cv_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
cv_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
cv_sleep (sqlite3_vfs *vfs, int usec)
{
  return real_vfs->xSleep (real_vfs, usec);
}

static int
cv_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
cv_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
cv_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
cv_set_system_call (sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr func)
{
  return real_vfs->xSetSystemCall (real_vfs, name, func);
}

static sqlite3_syscall_ptr
cv_get_system_call (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xGetSystemCall (real_vfs, name);
}

static const char *
cv_next_system_call (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xNextSystemCall (real_vfs, name);
}

static void
register_counting_vfs (void)
{
  real_vfs = sqlite3_vfs_find ("unix");
  g_assert (real_vfs != NULL && real_vfs->iVersion >= 3);

  count_vfs.iVersion = 3;
  count_vfs.szOsFile = sizeof (CountFile) + real_vfs->szOsFile;
  count_vfs.mxPathname = real_vfs->mxPathname;
  count_vfs.zName = "hk-count-sync";
  count_vfs.xOpen = cv_open;
  count_vfs.xDelete = cv_delete;
  count_vfs.xAccess = cv_access;
  count_vfs.xFullPathname = cv_full_pathname;
  count_vfs.xDlOpen = cv_dl_open;
  count_vfs.xDlError = cv_dl_error;
  count_vfs.xDlSym = cv_dl_sym;
  count_vfs.xDlClose = cv_dl_close;
  count_vfs.xRandomness = cv_randomness;
  count_vfs.xSleep = cv_sleep;
  count_vfs.xCurrentTime = cv_current_time;
  count_vfs.xGetLastError = cv_get_last_error;
  count_vfs.xCurrentTimeInt64 = cv_current_time_int64;
  count_vfs.xSetSystemCall = cv_set_system_call;
  count_vfs.xGetSystemCall = cv_get_system_call;
  count_vfs.xNextSystemCall = cv_next_system_call;
  /* The default: the core opens its files without naming a VFS. */
  if (sqlite3_vfs_register (&count_vfs, 1) != SQLITE_OK)
    g_error ("could not register the counting VFS");
}

/* ---- Small helpers ---- */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @values (sorted in place). */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  rank = (guint) ceil (p / 100.0 * values->len);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static G_GNUC_NORETURN void
die (const char   *what,
     const GError *error)
{
  g_printerr ("hearken-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
sql_or_die (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("hearken-bench: SQL failed: %s\n  %s\n", message, sql);
      exit (1);
    }
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("hearken-bench: prepare failed: %s\n  %s\n", sqlite3_errmsg (db), sql);
      exit (1);
    }
  return stmt;
}

static void
step_done_or_die (sqlite3      *db,
                  sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_printerr ("hearken-bench: step failed: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  if (done % 500 == 0 || done == total)
    g_printerr ("\r  populating: %u/%u cases", done, total);
  if (done == total)
    g_printerr ("\n");
}

/* The text the core puts in its search index for a record: text fields,
 * enum labels and list items (mirrors index_text() in hk-vault.c). */
static char *
index_text (HkRecord *record)
{
  GString *text = g_string_new (NULL);

  for (const HkFieldSpec *spec = hk_record_kind_get_fields (hk_record_get_kind (record)); spec->key; spec++)
    {
      const char *value = hk_record_get_string (record, spec->key);

      switch (spec->type)
        {
        case HK_FIELD_TEXT:
        case HK_FIELD_LONG_TEXT:
        case HK_FIELD_NHS_NUMBER:
          if (value && *value)
            g_string_append_printf (text, "%s\n", value);
          break;
        case HK_FIELD_ENUM:
          {
            const char *label = hk_field_spec_get_value_label (spec, value);
            if (label)
              g_string_append_printf (text, "%s\n", label);
          }
          break;
        case HK_FIELD_TEXT_LIST:
          {
            g_autofree const char **items = hk_record_get_strv (record, spec->key);
            for (guint i = 0; items && items[i]; i++)
              g_string_append_printf (text, "%s\n", items[i]);
          }
          break;
        case HK_FIELD_DATE:
        case HK_FIELD_DATETIME:
        case HK_FIELD_BOOL:
        default:
          break;
        }
    }
  return g_string_free (text, FALSE);
}

static const char *
index_owner (HkRecord *record)
{
  return hk_record_get_kind (record) == HK_RECORD_KIND_NOTE ? hk_record_get_parent_id (record)
                                                             : hk_record_get_id (record);
}

/* ---- The plaintext baseline ---- */

typedef struct
{
  sqlite3      *db;
  gint64        next_seq;
  sqlite3_stmt *insert_record;
  sqlite3_stmt *insert_activity;
  sqlite3_stmt *insert_search;
  sqlite3_stmt *parent_kind;
  sqlite3_stmt *list_kind;
  sqlite3_stmt *note_counts;
  sqlite3_stmt *case_people;
  sqlite3_stmt *search;
  sqlite3_stmt *header;
} Plain;

/* The vault's schema (hk-store.c) with the payload in the clear, and the
 * search index as a conventional FTS5 table on disk (with its content and
 * prefix indexes), kept up to date by each save as a plaintext app would.
 * The tokenizer matches the core's; the core's own index is contentless,
 * in memory and without prefix indexes (see docs/PERFORMANCE.md). */
static const char plain_schema[] =
  "CREATE TABLE vault_meta (id INTEGER PRIMARY KEY CHECK (id = 1), header BLOB NOT NULL);"
  "CREATE TABLE records ("
  "  id TEXT PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  parent_id TEXT REFERENCES records (id),"
  "  revision INTEGER NOT NULL CHECK (revision > 0),"
  "  payload BLOB NOT NULL);"
  "CREATE INDEX records_kind ON records (kind, parent_id);"
  "CREATE INDEX records_parent ON records (parent_id);"
  "CREATE TABLE revisions ("
  "  record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  payload BLOB NOT NULL,"
  "  PRIMARY KEY (record_id, revision));"
  "CREATE TABLE activity (seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);"
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  owner UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');";

static void
plain_prepare (Plain *plain)
{
  plain->insert_record = prepare_or_die (plain->db,
    "INSERT INTO records (id, kind, parent_id, revision, payload) VALUES (?, ?, ?, ?, ?)");
  plain->insert_activity = prepare_or_die (plain->db, "INSERT INTO activity (seq, payload) VALUES (?, ?)");
  plain->insert_search = prepare_or_die (plain->db, "INSERT INTO search (rowid, owner, body) VALUES (?, ?, ?)");
  plain->parent_kind = prepare_or_die (plain->db, "SELECT kind FROM records WHERE id = ?");
  plain->list_kind = prepare_or_die (plain->db, "SELECT id, parent_id, revision, payload FROM records WHERE kind = ?");
  plain->note_counts = prepare_or_die (plain->db,
    "SELECT parent_id, COUNT (*) FROM records WHERE kind = 3 GROUP BY parent_id");
  plain->case_people = prepare_or_die (plain->db, "SELECT id, parent_id FROM records WHERE kind = 2");
  plain->search = prepare_or_die (plain->db, "SELECT DISTINCT owner FROM search WHERE search MATCH ?");
  plain->header = prepare_or_die (plain->db, "SELECT header FROM vault_meta WHERE id = 1");
}

/* Opens with the store's pragmas (hk-store.c) and reads the header: the
 * plaintext equivalent of "unlock". */
static Plain *
plain_open (const char *path,
            gboolean    create)
{
  Plain *plain = g_new0 (Plain, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (path, &plain->db, flags, NULL) != SQLITE_OK)
    {
      g_printerr ("hearken-bench: cannot open %s\n", path);
      exit (1);
    }
  sqlite3_busy_timeout (plain->db, 5000);
  sql_or_die (plain->db,
              "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;"
              "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;"
              "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  if (create)
    {
      sql_or_die (plain->db, plain_schema);
      sql_or_die (plain->db, "INSERT INTO vault_meta (id, header) VALUES (1, zeroblob (92))");
    }
  plain_prepare (plain);
  if (sqlite3_step (plain->header) != SQLITE_ROW)
    {
      g_printerr ("hearken-bench: %s has no header\n", path);
      exit (1);
    }
  sqlite3_reset (plain->header);

  {
    sqlite3_stmt *max = prepare_or_die (plain->db, "SELECT COALESCE (MAX (seq), 0) FROM activity");
    sqlite3_step (max);
    plain->next_seq = sqlite3_column_int64 (max, 0) + 1;
    sqlite3_finalize (max);
  }
  return plain;
}

static void
plain_close (Plain *plain)
{
  sqlite3_stmt *stmts[] = { plain->insert_record, plain->insert_activity, plain->insert_search,
                            plain->parent_kind, plain->list_kind, plain->note_counts, plain->case_people,
                            plain->search, plain->header };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    sqlite3_finalize (stmts[i]);
  sql_or_die (plain->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close (plain->db);
  g_free (plain);
}

/* Inserts one record as it is in the vault, with its activity entry and,
 * when @with_search, its search text. */
static gint64
plain_insert (Plain      *plain,
              HkRecord   *record,
              gboolean    with_search)
{
  gsize len = 0, entry_len;
  g_autofree guint8 *payload = _hk_payload_serialise (hk_record_get_created_at (record),
                                                      hk_record_get_modified_at (record),
                                                      hk_record_get_modified_by (record),
                                                      hk_record_get_fields (record), &len);
  g_autoptr(GVariant) entry = g_variant_ref_sink (g_variant_new ("(ixsisxs)", 6, hk_record_get_created_at (record),
                                                                 hk_record_get_modified_by (record),
                                                                 (gint32) hk_record_get_kind (record),
                                                                 hk_record_get_id (record),
                                                                 hk_record_get_revision (record), ""));
  g_autofree guint8 *entry_bytes = NULL;
  gint64 rowid;

  sqlite3_bind_text (plain->insert_record, 1, hk_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_int (plain->insert_record, 2, hk_record_get_kind (record));
  if (hk_record_get_parent_id (record))
    sqlite3_bind_text (plain->insert_record, 3, hk_record_get_parent_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (plain->insert_record, 4, hk_record_get_revision (record));
  sqlite3_bind_blob (plain->insert_record, 5, payload, len, SQLITE_STATIC);
  step_done_or_die (plain->db, plain->insert_record);
  rowid = sqlite3_last_insert_rowid (plain->db);

  entry_len = g_variant_get_size (entry);
  entry_bytes = g_malloc (entry_len);
  g_variant_store (entry, entry_bytes);
  sqlite3_bind_int64 (plain->insert_activity, 1, plain->next_seq++);
  sqlite3_bind_blob (plain->insert_activity, 2, entry_bytes, entry_len, SQLITE_STATIC);
  step_done_or_die (plain->db, plain->insert_activity);

  if (with_search)
    {
      g_autofree char *text = index_text (record);

      sqlite3_bind_int64 (plain->insert_search, 1, rowid);
      sqlite3_bind_text (plain->insert_search, 2, index_owner (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (plain->insert_search, 3, text, -1, SQLITE_STATIC);
      step_done_or_die (plain->db, plain->insert_search);
    }
  return rowid;
}

/* Copies every person, case and note out of the unlocked vault, in the
 * vault's own order (a person, their case, its notes). */
static void
plain_fill (Plain   *plain,
            HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = hk_vault_list (vault, HK_RECORD_KIND_PERSON, NULL, NULL, &error);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) person_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (people == NULL)
    die ("listing people", error);
  cases = hk_vault_list (vault, HK_RECORD_KIND_CASE, NULL, NULL, &error);
  if (cases == NULL)
    die ("listing cases", error);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (person_by_id, (gpointer) hk_record_get_id (people->pdata[i]), people->pdata[i]);

  sql_or_die (plain->db, "BEGIN IMMEDIATE");
  for (guint i = 0; i < cases->len; i++)
    {
      HkRecord *kase = cases->pdata[i];
      g_autoptr(GPtrArray) notes = hk_vault_list (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (kase), NULL, &error);

      if (notes == NULL)
        die ("listing notes", error);
      plain_insert (plain, g_hash_table_lookup (person_by_id, hk_record_get_parent_id (kase)), FALSE);
      plain_insert (plain, kase, FALSE);
      for (guint n = 0; n < notes->len; n++)
        plain_insert (plain, notes->pdata[n], FALSE);
      if (i % 500 == 499)
        {
          sql_or_die (plain->db, "COMMIT");
          sql_or_die (plain->db, "BEGIN IMMEDIATE");
        }
    }
  sql_or_die (plain->db, "COMMIT");
}

/* The one-off full build of the on-disk index from the stored records. */
static void
plain_build_search (Plain *plain)
{
  sqlite3_stmt *all = prepare_or_die (plain->db,
                                      "SELECT rowid, id, kind, parent_id, revision, payload FROM records"
                                      " WHERE kind BETWEEN 1 AND 3");

  sql_or_die (plain->db, "BEGIN IMMEDIATE");
  while (sqlite3_step (all) == SQLITE_ROW)
    {
      gsize len = sqlite3_column_bytes (all, 5);
      g_autoptr(HkRecord) record = _hk_record_new_from_plaintext ((const char *) sqlite3_column_text (all, 1),
                                                                   sqlite3_column_int (all, 2),
                                                                   (const char *) sqlite3_column_text (all, 3),
                                                                   sqlite3_column_int64 (all, 4),
                                                                   g_memdup2 (sqlite3_column_blob (all, 5), len), len);
      g_autofree char *text = index_text (record);

      sqlite3_bind_int64 (plain->insert_search, 1, sqlite3_column_int64 (all, 0));
      sqlite3_bind_text (plain->insert_search, 2, index_owner (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (plain->insert_search, 3, text, -1, SQLITE_STATIC);
      step_done_or_die (plain->db, plain->insert_search);
    }
  sqlite3_finalize (all);
  sql_or_die (plain->db, "COMMIT");
}

static GPtrArray *
plain_list_kind (Plain        *plain,
                 HkRecordKind  kind)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  sqlite3_bind_int (plain->list_kind, 1, kind);
  while (sqlite3_step (plain->list_kind) == SQLITE_ROW)
    {
      gsize len = sqlite3_column_bytes (plain->list_kind, 3);
      /* The same record objects the vault builds, from the stored bytes. */
      HkRecord *record = _hk_record_new_from_plaintext ((const char *) sqlite3_column_text (plain->list_kind, 0),
                                                        kind,
                                                        (const char *) sqlite3_column_text (plain->list_kind, 1),
                                                        sqlite3_column_int64 (plain->list_kind, 2),
                                                        g_memdup2 (sqlite3_column_blob (plain->list_kind, 3), len),
                                                        len);
      if (record)
        g_ptr_array_add (records, record);
    }
  sqlite3_reset (plain->list_kind);
  return records;
}

/* hk_vault_list_cases() without the decryption. */
static GPtrArray *
plain_list_cases (Plain *plain)
{
  g_autoptr(GPtrArray) people = plain_list_kind (plain, HK_RECORD_KIND_PERSON);
  g_autoptr(GPtrArray) cases = plain_list_kind (plain, HK_RECORD_KIND_CASE);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *summaries;

  while (sqlite3_step (plain->note_counts) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (plain->note_counts, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (plain->note_counts, 1)));
  sqlite3_reset (plain->note_counts);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, (gpointer) hk_record_get_id (people->pdata[i]), people->pdata[i]);

  summaries = g_ptr_array_new_full (cases->len, g_object_unref);
  for (guint i = 0; i < cases->len; i++)
    {
      HkRecord *kase = cases->pdata[i];

      g_ptr_array_add (summaries, hk_case_summary_new (kase, g_hash_table_lookup (by_id, hk_record_get_parent_id (kase)),
                                                       GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                              hk_record_get_id (kase)))));
    }
  return summaries;
}

static gboolean
has_alnum (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* hk_vault_search() over the on-disk index: every word a prefix match in
 * the case, its person or one of its notes. */
static GHashTable *
plain_search (Plain      *plain,
              const char *query)
{
  g_autoptr(GHashTable) case_person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  GHashTable *result = NULL;

  while (sqlite3_step (plain->case_people) == SQLITE_ROW)
    g_hash_table_insert (case_person, g_strdup ((const char *) sqlite3_column_text (plain->case_people, 0)),
                         g_strdup ((const char *) sqlite3_column_text (plain->case_people, 1)));
  sqlite3_reset (plain->case_people);

  for (guint w = 0; words[w]; w++)
    {
      g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GString) fts = g_string_new ("\"");
      GHashTable *matches;
      GHashTableIter iter;
      gpointer case_id, person_id;

      if (!has_alnum (words[w]))
        continue;
      for (const char *p = words[w]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *p);
        }
      g_string_append (fts, "\"*");
      sqlite3_bind_text (plain->search, 1, fts->str, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (plain->search) == SQLITE_ROW)
        g_hash_table_add (owners, g_strdup ((const char *) sqlite3_column_text (plain->search, 0)));
      sqlite3_reset (plain->search);

      matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, case_person);
      while (g_hash_table_iter_next (&iter, &case_id, &person_id))
        if ((result == NULL || g_hash_table_contains (result, case_id)) &&
            (g_hash_table_contains (owners, case_id) || g_hash_table_contains (owners, person_id)))
          g_hash_table_add (matches, g_strdup (case_id));
      g_clear_pointer (&result, g_hash_table_unref);
      result = matches;
    }
  return result ? result : g_hash_table_new (g_str_hash, g_str_equal);
}

/* hk_vault_save() of a new note, minus the sealing: validate, complete the
 * automatic fields, serialise, one IMMEDIATE transaction with the parent
 * check, the row, the activity entry and the search text, then the record. */
static HkRecord *
plain_save_note (Plain      *plain,
                 const char *case_id,
                 GVariant   *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = g_variant_ref_sink (fields);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *recorded = g_date_time_format (now, "%FT%T%:z");
  g_autofree char *id = _hk_id_new ();
  g_autoptr(HkRecord) record = NULL;
  GVariantDict dict;
  guint8 *payload;
  gsize len = 0;
  gint64 time = g_get_real_time ();
  gboolean parent_ok;

  if (!hk_record_validate (HK_RECORD_KIND_NOTE, owned, NULL, &error))
    die ("validating a note", error);
  g_variant_dict_init (&dict, owned);
  g_variant_dict_insert (&dict, "recorded_at", "s", recorded);
  g_variant_dict_insert (&dict, "late_entry", "b", FALSE);
  payload = _hk_payload_serialise (time, time, BENCH_OWNER, g_variant_dict_end (&dict), &len);
  record = _hk_record_new_from_plaintext (id, HK_RECORD_KIND_NOTE, case_id, 1, payload, len);

  sql_or_die (plain->db, "BEGIN IMMEDIATE");
  sqlite3_bind_text (plain->parent_kind, 1, case_id, -1, SQLITE_STATIC);
  parent_ok = sqlite3_step (plain->parent_kind) == SQLITE_ROW && sqlite3_column_int (plain->parent_kind, 0) == 2;
  sqlite3_reset (plain->parent_kind);
  if (!parent_ok)
    die ("saving a plaintext note", NULL);
  plain_insert (plain, record, TRUE);
  sql_or_die (plain->db, "COMMIT");
  return g_steal_pointer (&record);
}

/* ---- Workload ---- */

static const char *queries[] = {
  "Marg",                 /* a first-name prefix */
  "Ashworth",             /* a surname */
  "dosette",              /* a word from note text */
  "advocate",             /* another, in many notes */
  "Kowalski interpreter", /* two words: a person and their communication needs */
};

#define SEARCH_REPEATS 5

static GVariant *
bench_note_fields (guint i)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -2);
  g_autofree char *occurred = g_date_time_format (then, "%FT%T%:z");
  g_autofree char *text = g_strdup_printf ("Benchmark note %u. Visited at home with the district nurse. "
                                           "They said they want to stay in their own home and feel safe there. "
                                           "Talked through the options, including changing the locks and a call alarm. "
                                           "Home was warm and tidy; fridge had food in it; medication dosette up to date. "
                                           "Agreed next steps and left my contact details; next visit booked for next week.",
                                           i);
  GVariantDict d;

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "kind", "s", i % 2 ? "visit" : "phone_call");
  g_variant_dict_insert (&d, "occurred_at", "s", occurred);
  g_variant_dict_insert (&d, "text", "s", text);
  return g_variant_dict_end (&d);
}

typedef struct
{
  double unlock_kdf_ms;
  double unlock_rest_ms;
  double list_load_ms;
  double save_median_ms;
  double save_p95_ms;
  double fsyncs_per_save;
  double search_ms;
  double peak_rss_mb;
  double index_build_ms;
  double open_ms;
} Metrics;

static const struct
{
  const char *key;
  gsize       offset;
} metric_keys[] = {
  { "unlock_kdf_ms",   G_STRUCT_OFFSET (Metrics, unlock_kdf_ms) },
  { "unlock_rest_ms",  G_STRUCT_OFFSET (Metrics, unlock_rest_ms) },
  { "list_load_ms",    G_STRUCT_OFFSET (Metrics, list_load_ms) },
  { "save_median_ms",  G_STRUCT_OFFSET (Metrics, save_median_ms) },
  { "save_p95_ms",     G_STRUCT_OFFSET (Metrics, save_p95_ms) },
  { "fsyncs_per_save", G_STRUCT_OFFSET (Metrics, fsyncs_per_save) },
  { "search_ms",       G_STRUCT_OFFSET (Metrics, search_ms) },
  { "peak_rss_mb",     G_STRUCT_OFFSET (Metrics, peak_rss_mb) },
  { "index_build_ms",  G_STRUCT_OFFSET (Metrics, index_build_ms) },
  { "open_ms",         G_STRUCT_OFFSET (Metrics, open_ms) },
};

#define METRIC(m, i) (*(double *) ((char *) (m) + metric_keys[i].offset))

typedef struct
{
  guint   cases;
  guint   notes_per_case;
  Metrics encrypted;
  Metrics plain;
  double  populate_s;
  double  plain_fill_s;
  gint64  vault_bytes;
  gint64  plain_bytes;
  guint   saves;
} Run;

/* ---- Peak RSS in a fresh process ---- */

static GListStore *
store_summaries (GPtrArray *summaries)
{
  GListStore *store = g_list_store_new (HK_TYPE_CASE_SUMMARY);

  g_list_store_splice (store, 0, 0, summaries->pdata, summaries->len);
  return store;
}

/* The peak resident set of this process in KiB. Linux's VmHWM belongs to
 * the address space made by exec(); getrusage()'s ru_maxrss also keeps the
 * peak of the forked copy of the parent from before the exec, which here is
 * the whole benchmark's memory. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *hwm = strstr (status, "\nVmHWM:");
      if (hwm != NULL)
        return strtol (hwm + strlen ("\nVmHWM:"), NULL, 10);
    }
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Child mode: open, unlock, fill the case list model, search; print the peak RSS in KiB. */
static int
rss_probe (const char *side,
           const char *path)
{
  long peak;

  if (g_str_equal (side, "encrypted"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkSecret) pass = hk_secret_new_from_string (BENCH_PASSPHRASE);
      g_autoptr(HkVault) vault = hk_vault_open (path, &error);
      g_autoptr(GPtrArray) summaries = NULL;
      g_autoptr(GListStore) store = NULL;

      if (vault == NULL || !hk_vault_unlock (vault, pass, NULL, &error))
        die ("opening the vault", error);
      summaries = hk_vault_list_cases (vault, &error);
      if (summaries == NULL)
        die ("listing cases", error);
      store = store_summaries (summaries);
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GHashTable) found = hk_vault_search (vault, queries[q], &error);
          if (found == NULL)
            die ("searching", error);
        }
      peak = peak_rss_kib ();
      hk_vault_close (vault);
    }
  else
    {
      Plain *plain = plain_open (path, FALSE);
      g_autoptr(GPtrArray) summaries = plain_list_cases (plain);
      g_autoptr(GListStore) store = store_summaries (summaries);

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GHashTable) found = plain_search (plain, queries[q]);
        }
      peak = peak_rss_kib ();
      plain_close (plain);
    }
  g_print ("%ld\n", peak);
  return 0;
}

static double
measure_rss (const char *self_exe,
             const char *side,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self_exe, "--rss-probe", side, "--probe-path", path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    die ("measuring peak RSS", error);
  return g_ascii_strtod (out, NULL) / 1024.0;
}

/* ---- One run ---- */

/* Argon2id at MODERATE on a small vault: the KDF does not depend on size. */
static double
measure_moderate_kdf (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_secret_new_from_string (BENCH_PASSPHRASE);
  g_autofree char *path = g_build_filename (dir, "kdf-moderate.hearken", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(HkVault) vault = hk_vault_create (path, pass, HK_KDF_PROFILE_MODERATE, HK_VAULT_FLAG_NONE,
                                                  BENCH_OWNER, NULL, &error);
      if (vault == NULL)
        die ("creating the MODERATE vault", error);
      hk_vault_close (vault);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HkVault) vault = hk_vault_open (path, &error);
      gint64 kdf_usec = 0;
      double ms;

      if (vault == NULL || !hk_vault_unlock (vault, pass, &kdf_usec, &error))
        die ("unlocking the MODERATE vault", error);
      g_assert (hk_vault_get_kdf_profile (vault) == HK_KDF_PROFILE_MODERATE);
      ms = kdf_usec / 1000.0;
      g_array_append_val (times, ms);
      hk_vault_close (vault);
    }
  return percentile (times, 50);
}

static void
run_one (Run        *run,
         const char *dir,
         const char *self_exe,
         double      kdf_ms,
         guint       n_saves)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_secret_new_from_string (BENCH_PASSPHRASE);
  g_autofree char *run_dir = g_strdup_printf ("%s/%u-cases-%u-notes", dir, run->cases, run->notes_per_case);
  g_autofree char *vault_path = g_build_filename (run_dir, "vault.hearken", NULL);
  g_autofree char *plain_path = g_build_filename (run_dir, "plain.sqlite", NULL);
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) case_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) enc_saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (BENCH_SEED);
  Plain *plain;
  GStatBuf st;
  gint64 start, kdf_usec = 0;
  gint enc_syncs = 0, plain_syncs = 0;
  double enc_search = 0, plain_search_total = 0;

  if (g_mkdir_with_parents (run_dir, 0700) != 0)
    {
      g_printerr ("hearken-bench: cannot create %s: %s\n", run_dir, g_strerror (errno));
      exit (1);
    }
  g_printerr ("%u cases × %u notes in %s\n", run->cases, run->notes_per_case, run_dir);

  /* Build both. The vault uses the weak KDF so that building and the
   * measurements below are not dominated by Argon2id, which is measured
   * on its own at MODERATE. */
  if (!g_file_test (vault_path, G_FILE_TEST_EXISTS))
    {
      vault = hk_vault_create (vault_path, pass, HK_KDF_PROFILE_TEST_WEAK, HK_VAULT_FLAG_DEMO, BENCH_OWNER,
                               NULL, &error);
      if (vault == NULL)
        die ("creating the vault", error);
      start = g_get_monotonic_time ();
      if (!hk_demo_populate (vault, run->cases, run->notes_per_case, BENCH_SEED, progress_cb, NULL, &error))
        die ("populating the vault", error);
      run->populate_s = ms_since (start) / 1000.0;

      g_remove (plain_path);
      start = g_get_monotonic_time ();
      plain = plain_open (plain_path, TRUE);
      plain_fill (plain, vault);
      run->plain_fill_s = ms_since (start) / 1000.0;
      start = g_get_monotonic_time ();
      plain_build_search (plain);
      run->plain.index_build_ms = ms_since (start);
      plain_close (plain);
      hk_vault_close (vault);
      g_clear_object (&vault);
    }
  else
    {
      /* Reusing an earlier --dir: the plaintext index build is redone for its time. */
      plain = plain_open (plain_path, FALSE);
      sql_or_die (plain->db, "DELETE FROM search");
      start = g_get_monotonic_time ();
      plain_build_search (plain);
      run->plain.index_build_ms = ms_since (start);
      plain_close (plain);
    }
  run->vault_bytes = g_stat (vault_path, &st) == 0 ? st.st_size : 0;
  run->plain_bytes = g_stat (plain_path, &st) == 0 ? st.st_size : 0;

  /* Open and unlock. */
  start = g_get_monotonic_time ();
  vault = hk_vault_open (vault_path, &error);
  if (vault == NULL)
    die ("opening the vault", error);
  run->encrypted.open_ms = ms_since (start);
  start = g_get_monotonic_time ();
  if (!hk_vault_unlock (vault, pass, &kdf_usec, &error))
    die ("unlocking the vault", error);
  run->encrypted.unlock_rest_ms = ms_since (start) - kdf_usec / 1000.0;
  run->encrypted.unlock_kdf_ms = kdf_ms;

  start = g_get_monotonic_time ();
  plain = plain_open (plain_path, FALSE);
  run->plain.unlock_rest_ms = run->plain.open_ms = ms_since (start);
  run->plain.unlock_kdf_ms = 0;

  /* From unlocked to the case list model filled. */
  start = g_get_monotonic_time ();
  summaries = hk_vault_list_cases (vault, &error);
  if (summaries == NULL)
    die ("listing cases", error);
  store = store_summaries (summaries);
  run->encrypted.list_load_ms = ms_since (start);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (case_ids, g_strdup (hk_case_summary_get_case_id (summaries->pdata[i])));
  g_clear_object (&store);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  start = g_get_monotonic_time ();
  summaries = plain_list_cases (plain);
  store = store_summaries (summaries);
  run->plain.list_load_ms = ms_since (start);
  if (summaries->len != case_ids->len)
    g_printerr ("  warning: %u cases in the plaintext list, %u in the vault\n", summaries->len, case_ids->len);
  g_clear_object (&store);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  /* The in-memory index, built after every unlock. */
  start = g_get_monotonic_time ();
  if (!hk_vault_build_search_index (vault, &error))
    die ("building the search index", error);
  run->encrypted.index_build_ms = ms_since (start);

  /* Searches, alternating sides; the median of each query, averaged. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) enc = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pla = g_array_new (FALSE, FALSE, sizeof (double));
      guint enc_hits = 0, plain_hits = 0;

      for (guint r = 0; r < SEARCH_REPEATS; r++)
        {
          g_autoptr(GHashTable) a = NULL;
          g_autoptr(GHashTable) b = NULL;
          double ms;

          start = g_get_monotonic_time ();
          a = hk_vault_search (vault, queries[q], &error);
          ms = ms_since (start);
          if (a == NULL)
            die ("searching", error);
          g_array_append_val (enc, ms);
          start = g_get_monotonic_time ();
          b = plain_search (plain, queries[q]);
          ms = ms_since (start);
          g_array_append_val (pla, ms);
          enc_hits = g_hash_table_size (a);
          plain_hits = g_hash_table_size (b);
        }
      if (enc_hits != plain_hits)
        g_printerr ("  warning: “%s” finds %u cases in the vault and %u in the baseline\n",
                    queries[q], enc_hits, plain_hits);
      g_printerr ("  search “%s”: %u cases, %.2f ms encrypted, %.2f ms plain\n", queries[q], enc_hits,
                  percentile (enc, 50), percentile (pla, 50));
      enc_search += percentile (enc, 50);
      plain_search_total += percentile (pla, 50);
    }
  run->encrypted.search_ms = enc_search / G_N_ELEMENTS (queries);
  run->plain.search_ms = plain_search_total / G_N_ELEMENTS (queries);

  /* Note saves, alternating sides so disk noise hits both alike. */
  for (guint i = 0; i < n_saves; i++)
    {
      const char *case_id = case_ids->pdata[g_rand_int_range (rand, 0, case_ids->len)];
      g_autoptr(HkRecord) a = NULL;
      g_autoptr(HkRecord) b = NULL;
      gint syncs;
      double ms;

      syncs = g_atomic_int_get (&sync_count);
      start = g_get_monotonic_time ();
      a = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, case_id, 0, bench_note_fields (i), &error);
      ms = ms_since (start);
      if (a == NULL)
        die ("saving a note", error);
      enc_syncs += g_atomic_int_get (&sync_count) - syncs;
      g_array_append_val (enc_saves, ms);

      syncs = g_atomic_int_get (&sync_count);
      start = g_get_monotonic_time ();
      b = plain_save_note (plain, case_id, bench_note_fields (i));
      ms = ms_since (start);
      plain_syncs += g_atomic_int_get (&sync_count) - syncs;
      g_array_append_val (plain_saves, ms);
    }
  run->saves = n_saves;
  run->encrypted.save_median_ms = percentile (enc_saves, 50);
  run->encrypted.save_p95_ms = percentile (enc_saves, 95);
  run->encrypted.fsyncs_per_save = (double) enc_syncs / n_saves;
  run->plain.save_median_ms = percentile (plain_saves, 50);
  run->plain.save_p95_ms = percentile (plain_saves, 95);
  run->plain.fsyncs_per_save = (double) plain_syncs / n_saves;

  hk_vault_close (vault);
  plain_close (plain);

  /* Fresh processes, one side each, after the saves so both hold the same data. */
  run->encrypted.peak_rss_mb = measure_rss (self_exe, "encrypted", vault_path);
  run->plain.peak_rss_mb = measure_rss (self_exe, "plain", plain_path);
}

/* ---- Output ---- */

static void
append_metrics (GString       *out,
                const Metrics *m)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < G_N_ELEMENTS (metric_keys); i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s\"%s\":%s", i ? "," : "", metric_keys[i].key,
                              g_ascii_formatd (buf, sizeof buf, "%.3f", METRIC (m, i)));
    }
  g_string_append_c (out, '}');
}

static void
append_run_json (GString   *out,
                 const Run *run)
{
  g_string_append_printf (out, "{\"cases\":%u,\"notes_per_case\":%u,\"encrypted\":", run->cases, run->notes_per_case);
  append_metrics (out, &run->encrypted);
  g_string_append (out, ",\"plain\":");
  append_metrics (out, &run->plain);
  g_string_append (out, ",\"ratio\":{");
  for (guint i = 0; i < G_N_ELEMENTS (metric_keys); i++)
    {
      double plain = METRIC (&run->plain, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s\"%s\":", i ? "," : "", metric_keys[i].key);
      if (plain > 0)
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.3f", METRIC (&run->encrypted, i) / plain));
      else
        g_string_append (out, "null");
    }
  g_string_append (out, "}}");
}

static void
print_table (const Run *run)
{
  g_print ("\n%u cases × %u notes (vault %.1f MiB, plaintext %.1f MiB; populate %.1f s, plaintext copy %.1f s; %u saves)\n",
           run->cases, run->notes_per_case, run->vault_bytes / 1048576.0, run->plain_bytes / 1048576.0,
           run->populate_s, run->plain_fill_s, run->saves);
  g_print ("  %-16s %12s %12s %8s\n", "metric", "encrypted", "plain", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (metric_keys); i++)
    {
      double e = METRIC (&run->encrypted, i), p = METRIC (&run->plain, i);
      g_autofree char *ratio = p > 0 ? g_strdup_printf ("%.2f", e / p) : g_strdup ("–");

      g_print ("  %-16s %12.3f %12.3f %8s\n", metric_keys[i].key, e, p, ratio);
    }
}

/* ---- main ---- */

/* Removes the temporary folder this program made, and only what is in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static gboolean
parse_counts (const char * const *values,
              GArray             *out,
              const char         *what)
{
  for (guint i = 0; values && values[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j]; j++)
        {
          guint64 n = 0;

          if (!g_ascii_string_to_unsigned (g_strstrip (parts[j]), 10, 1, 1000000, &n, NULL))
            {
              g_printerr ("hearken-bench: %s must be a whole number from 1 to 1000000, not “%s”\n", what, parts[j]);
              return FALSE;
            }
          g_array_append_vals (out, &(guint) { (guint) n }, 1);
        }
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_auto(GStrv) cases_args = NULL;
  int notes_per_case = 20;
  int n_saves = 200;
  gboolean json = FALSE;
  gboolean keep = FALSE;
  g_autofree char *dir_arg = NULL;
  g_autofree char *probe_side = NULL;
  g_autofree char *probe_path = NULL;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cases_args,
      "Cases per run; repeat or separate with commas (default: 1000,10000)", "N" },
    { "notes-per-case", 0, 0, G_OPTION_ARG_INT, &notes_per_case, "Notes in each case (default: 20)", "M" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &n_saves, "Timed note saves per side (default: 200)", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON: one object, or an array for several runs", NULL },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_arg,
      "Build the vaults here and keep them (reused when present); default: a temporary folder", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder", NULL },
    { "rss-probe", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &probe_side, NULL, NULL },
    { "probe-path", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &probe_path, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *self_exe = NULL;
  Run *runs;
  double kdf_ms;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context,
                                "Times the encrypted vault against an unencrypted SQLite baseline with the same\n"
                                "schema and content: unlock, loading the case list, note saves, search and memory.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hearken-bench: %s\n", error->message);
      return 1;
    }
  if (!hk_init ())
    return 1;
  register_counting_vfs ();

  if (probe_side != NULL)
    return rss_probe (probe_side, probe_path);

  if (!parse_counts ((const char * const *) cases_args, counts, "--cases"))
    return 1;
  if (counts->len == 0)
    {
      g_array_append_vals (counts, &(guint) { 1000 }, 1);
      g_array_append_vals (counts, &(guint) { 10000 }, 1);
    }
  if (notes_per_case < 0 || n_saves < 1)
    {
      g_printerr ("hearken-bench: --notes-per-case must be 0 or more and --saves at least 1\n");
      return 1;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);
  if (dir_arg)
    {
      dir = g_canonicalize_filename (dir_arg, NULL);
      keep = TRUE;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_printerr ("hearken-bench: cannot create %s: %s\n", dir, g_strerror (errno));
          return 1;
        }
    }
  else if ((dir = g_dir_make_tmp ("hearken-bench-XXXXXX", &error)) == NULL)
    die ("making a temporary folder", error);

  g_printerr ("Argon2id at MODERATE…\n");
  kdf_ms = measure_moderate_kdf (dir);
  g_printerr ("  %.0f ms\n", kdf_ms);

  runs = g_new0 (Run, counts->len);
  for (guint i = 0; i < counts->len; i++)
    {
      runs[i].cases = g_array_index (counts, guint, i);
      runs[i].notes_per_case = notes_per_case;
      run_one (&runs[i], dir, self_exe, kdf_ms, n_saves);
    }

  if (json)
    {
      if (counts->len > 1)
        g_string_append_c (out, '[');
      for (guint i = 0; i < counts->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_run_json (out, &runs[i]);
        }
      if (counts->len > 1)
        g_string_append_c (out, ']');
      g_print ("%s\n", out->str);
    }
  else
    for (guint i = 0; i < counts->len; i++)
      print_table (&runs[i]);

  for (guint i = 0; i < counts->len; i++)
    g_printerr ("%u cases: populate %.1f s, plaintext copy %.1f s, vault %.1f MiB, plaintext %.1f MiB\n",
                runs[i].cases, runs[i].populate_s, runs[i].plain_fill_s,
                runs[i].vault_bytes / 1048576.0, runs[i].plain_bytes / 1048576.0);

  if (!keep)
    remove_tree (dir);
  else
    g_printerr ("Vaults kept in %s\n", dir);
  g_free (runs);
  return 0;
}
