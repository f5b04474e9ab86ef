/* hk-vault.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearken/hk-error.h"
#include "hearken/hk-platform.h"
#include "hearken/hk-case-summary.h"
#include "hk-crypto-private.h"
#include "hk-record-private.h"
#include "hk-search-private.h"
#include "hk-vault-private.h"

#define ACTIVITY_TYPE G_VARIANT_TYPE ("(ixsisxs)")
#define INDEX_CHUNK   2000

struct _HkVault
{
  GObject        parent_instance;

  GRecMutex      mutex;        /* serialises every use of the store and keys */
  GMainContext  *context;      /* where signals and notifications are emitted */
  GThreadPool   *worker;       /* one thread: async jobs run in order */

  char          *path;
  HkFileLock    *file_lock;
  HkStore       *store;
  HkHeader       header;
  guint8         header_bytes[HK_HEADER_BYTES];
  char          *id_hex;

  /* Unlocked state: NULL/zero while locked. */
  HkKeys        *keys;
  char          *owner_name;
  gint64         last_seq;
  guint8         last_mac[HK_MAC_BYTES];
  gint64         cut_from;     /* a gap found at an unlock, kept in the head */
  gint64         cut_to;
  gint           log_cut;      /* atomic: cut_from > 0, readable without the mutex */
  int            batch_depth;
  HkSearchIndex *index;
  gboolean       index_ready;
  GHashTable    *case_person;  /* case id → person id, kept with the index */
  guint          generation;   /* bumped on every lock, so stale index builds stop */

  gboolean       locked_notified;
  gboolean       keeps_head;   /* the store has the activity_head table */
};

G_DEFINE_FINAL_TYPE (HkVault, hk_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

enum {
  SIGNAL_LOCKED,
  SIGNAL_UNLOCKED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void worker_func (gpointer data, gpointer user_data);

/* ---- Emitting in the owner's context ---- */

typedef struct
{
  HkVault *self;
  guint    signal;
  int      kind;
  char    *id;
} Emission;

static gboolean
emit_cb (gpointer data)
{
  Emission *e = data;

  if (e->signal == SIGNAL_CHANGED)
    g_signal_emit (e->self, signals[SIGNAL_CHANGED], 0, e->kind, e->id);
  else
    {
      gboolean locked = e->signal == SIGNAL_LOCKED;

      if (e->self->locked_notified != locked)
        {
          e->self->locked_notified = locked;
          g_object_notify_by_pspec (G_OBJECT (e->self), properties[PROP_LOCKED]);
        }
      g_signal_emit (e->self, signals[e->signal], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_object_unref (e->self);
  g_free (e->id);
  g_free (e);
}

static void
emit_later (HkVault    *self,
            guint       signal,
            int         kind,
            const char *id)
{
  Emission *e = g_new0 (Emission, 1);

  e->self = g_object_ref (self);
  e->signal = signal;
  e->kind = kind;
  e->id = g_strdup (id);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_cb, e, emission_free);
}

/* ---- GObject ---- */

static void
drop_index (HkVault *self)
{
  g_clear_pointer (&self->index, _hk_search_index_free);
  g_clear_pointer (&self->case_person, g_hash_table_unref);
  self->index_ready = FALSE;
}

static void
wipe_unlocked_state (HkVault *self)
{
  g_clear_pointer (&self->keys, _hk_keys_free);
  drop_index (self);
  self->generation++;
  if (self->owner_name)
    {
      sodium_memzero (self->owner_name, strlen (self->owner_name));
      g_clear_pointer (&self->owner_name, g_free);
    }
  self->last_seq = 0;
  sodium_memzero (self->last_mac, sizeof self->last_mac);
  self->cut_from = self->cut_to = 0;
  g_atomic_int_set (&self->log_cut, 0);
}

/* The vault whose job the current thread is running, if any. */
static GPrivate running_worker;

static void
hk_vault_finalize (GObject *object)
{
  HkVault *self = HK_VAULT (object);

  hk_vault_close (self);
  /* The last reference can go with a finished job's task, on the worker
   * itself; waiting for the pool there would wait for this very thread.
   * Every queued job holds a reference, so nothing is left to wait for. */
  if (self->worker)
    g_thread_pool_free (self->worker, FALSE, g_private_get (&running_worker) != self);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->id_hex);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (hk_vault_parent_class)->finalize (object);
}

static void
hk_vault_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HkVault *self = HK_VAULT (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, hk_vault_is_locked (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_vault_class_init (HkVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hk_vault_finalize;
  object_class->get_property = hk_vault_get_property;

  /**
   * HkVault:locked:
   *
   * Whether the keys are wiped. Notified in the vault's main context.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HkVault::locked:
   *
   * The keys were wiped. Views must drop every decrypted record they hold.
   */
  signals[SIGNAL_LOCKED] = g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HkVault::unlocked:
   */
  signals[SIGNAL_UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HkVault::changed:
   * @kind: the HkRecordKind of the record saved
   * @id: its id
   *
   * A record was created or changed (by any thread).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_INT, G_TYPE_STRING);
}

static void
hk_vault_init (HkVault *self)
{
  g_rec_mutex_init (&self->mutex);
  self->context = g_main_context_ref_thread_default ();
  self->locked_notified = TRUE;
}

/* ---- Small helpers ---- */

static gboolean
require_unlocked (HkVault  *self,
                  GError  **error)
{
  if (self->store == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("The vault is closed."));
      return FALSE;
    }
  if (self->keys == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_LOCKED, _("The vault is locked. Unlock it first."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_id (const char  *id,
          guint8       raw[HK_RECORD_ID_BYTES],
          GError     **error)
{
  if (!_hk_id_to_raw (id, raw))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND,
                   _("“%s” is not a record id (ids are 32 hexadecimal characters)."),
                   id ? id : "");
      return FALSE;
    }
  return TRUE;
}

static void
set_integrity_error (GError       **error,
                     HkRecordKind   kind,
                     const char    *id,
                     gint64         revision)
{
  g_set_error (error, HK_ERROR, HK_ERROR_INTEGRITY,
               /* Translators: "The note 1f2e… (revision 3) failed authentication: …" */
               _("The %s %s (revision %lld) failed authentication: it has been damaged or tampered with."),
               hk_record_kind_to_string (kind), id, (long long) revision);
}

static gboolean
tx_begin (HkVault  *self,
          GError  **error)
{
  if (self->batch_depth > 0)
    return TRUE;
  return _hk_store_begin (self->store, error);
}

static void load_chain_tail (HkVault *self);

static void
tx_rollback (HkVault *self)
{
  if (self->batch_depth > 0)
    return;
  _hk_store_rollback (self->store);
  load_chain_tail (self);
}

static gboolean
tx_commit (HkVault  *self,
           GError  **error)
{
  if (self->batch_depth > 0)
    return TRUE;
  if (!_hk_store_commit (self->store, error))
    {
      load_chain_tail (self);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
column_blob (sqlite3_stmt *stmt,
             int           col)
{
  return g_bytes_new (sqlite3_column_blob (stmt, col), sqlite3_column_bytes (stmt, col));
}

/* ---- Records: sealing and opening ---- */

static HkRecord *
open_row (HkVault      *self,
          const HkKeys *keys,
          const HkHeader *header,
          const char   *id,
          HkRecordKind  kind,
          const char   *parent_id,
          gint64        revision,
          const guint8 *blob,
          gsize         blob_len)
{
  guint8 raw[HK_RECORD_ID_BYTES];
  guint8 *plain;
  gsize len = 0;

  if (!_hk_id_to_raw (id, raw))
    return NULL;
  plain = _hk_open_record (keys, header->vault_id, kind, raw, revision, blob, blob_len, &len);
  if (plain == NULL)
    return NULL;
  return _hk_record_new_from_plaintext (id, kind, parent_id, revision, plain, len);
}

/* ---- Activity log ---- */

static GVariant *
activity_variant (HkActivityKind  kind,
                  gint64          time,
                  const char     *actor,
                  int             record_kind,
                  const char     *record_id,
                  gint64          revision,
                  const char     *detail)
{
  return g_variant_ref_sink (g_variant_new ("(ixsisxs)", (gint32) kind, time, actor ? actor : "",
                                            (gint32) record_kind, record_id ? record_id : "",
                                            revision, detail ? detail : ""));
}

static void
load_chain_tail (HkVault *self)
{
  sqlite3_stmt *stmt;

  self->last_seq = 0;
  sodium_memzero (self->last_mac, sizeof self->last_mac);
  stmt = _hk_store_prepare (self->store, "SELECT seq, mac FROM activity ORDER BY seq DESC LIMIT 1", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 1) == HK_MAC_BYTES)
    {
      self->last_seq = sqlite3_column_int64 (stmt, 0);
      memcpy (self->last_mac, sqlite3_column_blob (stmt, 1), HK_MAC_BYTES);
    }
  if (stmt)
    sqlite3_reset (stmt);
}

/* Schema 3 added the head; older stores (an unmigrated backup) have none. */
static gboolean
store_keeps_head (HkStore *store)
{
  return _hk_store_get_user_version (store) >= 3;
}

/* FALSE if there is no head, or it does not open. */
static gboolean
read_head (HkStore        *store,
           const HkHeader *header,
           const HkKeys   *keys,
           HkChainHead    *out)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!store_keeps_head (store))
    return FALSE;
  stmt = _hk_store_prepare (store, "SELECT sealed FROM activity_head WHERE id = 1", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = _hk_open_chain_head (keys, header->vault_id, sqlite3_column_blob (stmt, 0),
                              sqlite3_column_bytes (stmt, 0), out);
  sqlite3_reset (stmt);
  return ok;
}

/* Inside the caller's transaction, with every append. */
static gboolean
write_head (HkVault  *self,
            GError  **error)
{
  HkChainHead head = { self->last_seq, { 0 }, self->cut_from, self->cut_to };
  g_autofree guint8 *blob = NULL;
  gsize blob_len = 0;
  sqlite3_stmt *stmt;

  memcpy (head.mac, self->last_mac, sizeof head.mac);
  blob = _hk_seal_chain_head (self->keys, self->header.vault_id, &head, &blob_len);
  stmt = _hk_store_prepare (self->store, "INSERT OR REPLACE INTO activity_head (id, sealed) VALUES (1, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, blob, blob_len, SQLITE_STATIC);
  return _hk_store_step_done (self->store, stmt, error);
}

/* Compares the chain's last entry with the head. Returns what is wrong if
 * they disagree (or the head is missing where it must be kept), with the
 * range of missing entries (to = 0 if unknown); NULL if they agree. */
static char *
compare_head (HkStore        *store,
              const HkHeader *header,
              const HkKeys   *keys,
              gint64          last_seq,
              const guint8    last_mac[HK_MAC_BYTES],
              HkChainHead    *head,
              gint64         *out_from,
              gint64         *out_to)
{
  *out_from = *out_to = 0;
  if (!read_head (store, header, keys, head))
    {
      memset (head, 0, sizeof *head);
      if (!(header->flags & HK_VAULT_FLAG_CHAIN_HEAD))
        return NULL;
      *out_from = last_seq + 1;
      return g_strdup_printf (_("The activity log’s record of its newest entry is missing or damaged, so entries after %lld may have been removed."),
                              (long long) last_seq);
    }
  if (head->seq == last_seq && sodium_memcmp (head->mac, last_mac, HK_MAC_BYTES) == 0)
    return NULL;
  if (head->seq > last_seq)
    {
      *out_from = last_seq + 1;
      *out_to = head->seq;
      return g_strdup_printf (_("The activity log has been cut short: entries %lld to %lld are missing."),
                              (long long) *out_from, (long long) *out_to);
    }
  /* An older head copied back from an earlier file, or a rewritten end. */
  *out_from = MIN (head->seq, last_seq) + 1;
  return g_strdup_printf (_("The activity log does not match its record of its newest entry (entry %lld)."),
                          (long long) head->seq);
}

/* Appends inside the caller's transaction. */
static gboolean
append_activity (HkVault   *self,
                 GVariant  *entry,
                 GError   **error)
{
  g_autofree guint8 *blob = NULL;
  gsize blob_len = 0, len = g_variant_get_size (entry);
  g_autofree guint8 *plain = g_malloc (MAX (len, 1));
  guint8 mac[HK_MAC_BYTES];
  gint64 seq = self->last_seq + 1;
  sqlite3_stmt *stmt;

  g_variant_store (entry, plain);
  blob = _hk_seal_activity (self->keys, self->header.vault_id, seq, plain, len, &blob_len);
  sodium_memzero (plain, len);
  _hk_activity_mac (self->keys, self->last_mac, seq, blob, blob_len, mac);

  stmt = _hk_store_prepare (self->store, "INSERT INTO activity (seq, payload, mac) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_blob (stmt, 2, blob, blob_len, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, mac, sizeof mac, SQLITE_STATIC);
  if (!_hk_store_step_done (self->store, stmt, error))
    return FALSE;

  /* Rolled back with the transaction by tx_rollback → load_chain_tail. */
  self->last_seq = seq;
  memcpy (self->last_mac, mac, sizeof mac);
  return !self->keeps_head || write_head (self, error);
}

static gboolean
log_in_tx (HkVault         *self,
           HkActivityKind   kind,
           int              record_kind,
           const char      *record_id,
           gint64           revision,
           const char      *detail,
           GError         **error)
{
  g_autoptr(GVariant) entry = activity_variant (kind, g_get_real_time (), self->owner_name,
                                                record_kind, record_id, revision, detail);
  return append_activity (self, entry, error);
}

/* While locked there is no key to extend the chain with, so the event is
 * sealed to the vault's public key and appended at the next unlock. */
static gboolean
log_sealed (HkVault         *self,
            HkActivityKind   kind,
            const char      *detail,
            GError         **error)
{
  g_autoptr(GVariant) entry = activity_variant (kind, g_get_real_time (), "", -1, NULL, 0, detail);
  gsize len = g_variant_get_size (entry);
  g_autofree guint8 *plain = g_malloc (MAX (len, 1));
  g_autofree guint8 *sealed = g_malloc (len + crypto_box_SEALBYTES);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_variant_store (entry, plain);
  crypto_box_seal (sealed, plain, len, self->header.event_pk);

  stmt = _hk_store_prepare (self->store, "INSERT INTO pending_events (sealed) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, sealed, len + crypto_box_SEALBYTES, SQLITE_STATIC);
  ok = _hk_store_step_done (self->store, stmt, error);
  return ok;
}

static gboolean
log_event (HkVault         *self,
           HkActivityKind   kind,
           int              record_kind,
           const char      *record_id,
           gint64           revision,
           const char      *detail,
           GError         **error)
{
  if (self->keys == NULL)
    return log_sealed (self, kind, detail, error);
  if (!tx_begin (self, error))
    return FALSE;
  if (!log_in_tx (self, kind, record_kind, record_id, revision, detail, error))
    {
      tx_rollback (self);
      return FALSE;
    }
  return tx_commit (self, error);
}

/* Moves sealed events into the chain; inside the unlock transaction. */
static gboolean
drain_pending_events (HkVault  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  gint64 max_id = 0;

  stmt = _hk_store_prepare (self->store, "SELECT id, sealed FROM pending_events ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const guint8 *sealed = sqlite3_column_blob (stmt, 1);
      gsize sealed_len = sqlite3_column_bytes (stmt, 1);
      g_autofree guint8 *plain = NULL;
      gsize len;

      max_id = sqlite3_column_int64 (stmt, 0);
      if (sealed_len < crypto_box_SEALBYTES)
        continue;
      len = sealed_len - crypto_box_SEALBYTES;
      plain = g_malloc (MAX (len, 1));
      /* Anyone can seal to a public key, so these are only hints: a forged
       * one is dropped, a valid one is re-checked for shape. */
      if (crypto_box_seal_open (plain, sealed, sealed_len, self->keys->event_pk, self->keys->event_sk) == 0)
        {
          g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_data (ACTIVITY_TYPE, plain, len, FALSE,
                                                                               NULL, NULL));
          /* A deep copy that owns its memory: plain is freed below. */
          g_autoptr(GVariant) entry = _hk_variant_copy_wiped (v);
          gint32 kind;

          g_variant_get_child (entry, 0, "i", &kind);
          if (kind == HK_ACTIVITY_UNLOCK_FAILED || kind == HK_ACTIVITY_EXPORT ||
              kind == HK_ACTIVITY_RESTORED || kind == HK_ACTIVITY_MIGRATED)
            g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < entries->len; i++)
    if (!append_activity (self, entries->pdata[i], error))
      return FALSE;

  if (max_id > 0)
    {
      stmt = _hk_store_prepare (self->store, "DELETE FROM pending_events WHERE id <= ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, max_id);
      if (!_hk_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* @out_last_mac: (nullable): the newest entry's MAC, for compare_head(). */
static GPtrArray *
read_chain (HkStore         *store,
            const HkHeader  *header,
            const HkKeys    *keys,
            guint8          *out_last_mac,
            GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hk_activity_entry_free);
  sqlite3_stmt *stmt;
  guint8 prev[HK_MAC_BYTES] = { 0 };
  gint64 expected = 1;
  int rc;

  stmt = _hk_store_prepare (store, "SELECT seq, payload, mac FROM activity ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const guint8 *blob = sqlite3_column_blob (stmt, 1);
      gsize blob_len = sqlite3_column_bytes (stmt, 1);
      guint8 mac[HK_MAC_BYTES];
      g_autofree guint8 *plain = NULL;
      g_autoptr(GVariant) v = NULL;
      HkActivityEntry *entry;
      gsize len = 0;
      gint32 kind, record_kind;
      const char *actor, *record_id, *detail;

      if (seq != expected)
        {
          sqlite3_reset (stmt);
          g_set_error (error, HK_ERROR, HK_ERROR_INTEGRITY,
                       _("The activity log is broken: entry %lld is missing."), (long long) expected);
          return NULL;
        }
      _hk_activity_mac (keys, prev, seq, blob, blob_len, mac);
      if (sqlite3_column_bytes (stmt, 2) != HK_MAC_BYTES ||
          sodium_memcmp (mac, sqlite3_column_blob (stmt, 2), HK_MAC_BYTES) != 0 ||
          (plain = _hk_open_activity (keys, header->vault_id, seq, blob, blob_len, &len)) == NULL)
        {
          sqlite3_reset (stmt);
          g_set_error (error, HK_ERROR, HK_ERROR_INTEGRITY,
                       _("The activity log has been altered at entry %lld."), (long long) seq);
          return NULL;
        }
      memcpy (prev, mac, sizeof mac);
      expected++;

      v = g_variant_ref_sink (g_variant_new_from_data (ACTIVITY_TYPE, plain, len, FALSE, NULL, NULL));
      entry = g_new0 (HkActivityEntry, 1);
      g_variant_get (v, "(ix&si&sx&s)", &kind, &entry->time, &actor, &record_kind,
                     &record_id, &entry->revision, &detail);
      entry->seq = seq;
      entry->kind = kind;
      entry->actor = g_strdup (actor);
      entry->record_kind = record_kind;
      entry->record_id = *record_id ? g_strdup (record_id) : NULL;
      entry->detail = *detail ? g_strdup (detail) : NULL;
      g_ptr_array_add (entries, entry);
      g_clear_pointer (&v, g_variant_unref);
      sodium_memzero (plain, len);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hk_store_set_error (store, rc, error);
      return NULL;
    }
  if (out_last_mac != NULL)
    memcpy (out_last_mac, prev, HK_MAC_BYTES);
  return g_steal_pointer (&entries);
}

/* ---- Opening ---- */

char *
hk_vault_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hearken", "vault.hearken", NULL);
}

gboolean
hk_vault_exists (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static char *
lock_path (const char *path)
{
  return g_strconcat (path, ".lock", NULL);
}

static gboolean
read_header (HkStore   *store,
             HkHeader  *header,
             guint8     header_bytes[HK_HEADER_BYTES],
             GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = _hk_store_get_db (store);
  gboolean ok;
  int app_id = -1, rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    app_id = sqlite3_column_int (stmt, 0);
  rc = sqlite3_errcode (db);
  sqlite3_finalize (stmt);
  if (app_id == -1)
    {
      _hk_store_set_error (store, rc, error);
      return FALSE;
    }
  if (app_id != HK_APPLICATION_ID)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_A_VAULT, _("This file is not a Hearken vault."));
      return FALSE;
    }

  stmt = _hk_store_prepare (store, "SELECT header FROM vault_meta WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, HK_ERROR, HK_ERROR_TAMPERED,
                   _("The vault’s header is missing. Restore the vault from a backup."));
      return FALSE;
    }
  ok = _hk_header_parse (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0), header, error);
  if (ok)
    memcpy (header_bytes, sqlite3_column_blob (stmt, 0), HK_HEADER_BYTES);
  sqlite3_reset (stmt);
  return ok;
}

static HkVault *
vault_new (const char *path)
{
  HkVault *self = g_object_new (HK_TYPE_VAULT, NULL);

  self->path = g_strdup (path);
  self->worker = g_thread_pool_new (worker_func, self, 1, FALSE, NULL);
  return self;
}

HkVault *
hk_vault_open (const char  *path,
               GError     **error)
{
  g_autoptr(HkVault) self = NULL;
  g_autofree char *lock = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no vault at %s."), path);
      return NULL;
    }

  self = vault_new (path);
  lock = lock_path (path);
  self->file_lock = hk_platform_lock_file (lock, error);
  if (self->file_lock == NULL)
    return NULL;

  self->store = _hk_store_open (path, FALSE, FALSE, error);
  if (self->store == NULL)
    return NULL;
  /* Cheap enough at open (tens of ms at 100k rows) and it turns a damaged
   * file into a clear message instead of errors later. */
  if (!_hk_store_check (self->store, FALSE, NULL, error))
    return NULL;

  version = _hk_store_get_user_version (self->store);
  if (version > HK_SCHEMA_VERSION)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_TOO_NEW,
                   _("This vault was made by a newer version of Hearken. Update Hearken to open it."));
      return NULL;
    }
  if (!read_header (self->store, &self->header, self->header_bytes, error))
    return NULL;
  self->id_hex = _hk_hex (self->header.vault_id, HK_VAULT_ID_BYTES);

  if (version < HK_SCHEMA_VERSION)
    {
      g_autofree char *detail = g_strdup_printf ("%d→%d", version, HK_SCHEMA_VERSION);

      if (!_hk_store_migrate (self->store, HK_SCHEMA_VERSION, error))
        return NULL;
      /* Locked: sealed for the chain at the next unlock. */
      log_sealed (self, HK_ACTIVITY_MIGRATED, detail, NULL);
    }
  self->keeps_head = TRUE;
  return g_steal_pointer (&self);
}

void
hk_vault_close (HkVault *self)
{
  g_return_if_fail (HK_IS_VAULT (self));

  g_rec_mutex_lock (&self->mutex);
  if (self->store != NULL)
    {
      if (self->keys != NULL)
        {
          log_in_tx (self, HK_ACTIVITY_LOCK, -1, NULL, 0, NULL, NULL);
          wipe_unlocked_state (self);
        }
      /* Leave no large WAL of ciphertext behind. */
      _hk_store_exec (self->store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      g_clear_pointer (&self->store, _hk_store_close);
    }
  g_clear_pointer (&self->file_lock, hk_platform_unlock_file);
  g_rec_mutex_unlock (&self->mutex);
}

const char *
hk_vault_get_path (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  return self->path;
}

gboolean
hk_vault_get_log_cut (HkVault *self,
                      gint64  *out_from,
                      gint64  *out_to)
{
  gboolean cut;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  /* The window asks right after unlocking, while the worker is busy filling
   * the case list: the flag alone needs no wait for the mutex. */
  if (out_from == NULL && out_to == NULL)
    return g_atomic_int_get (&self->log_cut);

  g_rec_mutex_lock (&self->mutex);
  cut = self->keys != NULL && self->cut_from > 0;
  if (out_from)
    *out_from = cut ? self->cut_from : 0;
  if (out_to)
    *out_to = cut ? self->cut_to : 0;
  g_rec_mutex_unlock (&self->mutex);
  return cut;
}

const char *
hk_vault_get_id (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  return self->id_hex;
}

HkVaultFlags
hk_vault_get_flags (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), 0);
  return self->header.flags;
}

HkKdfProfile
hk_vault_get_kdf_profile (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), 0);
  return self->header.profile;
}

gboolean
hk_vault_is_locked (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), TRUE);
  return g_atomic_pointer_get (&self->keys) == NULL;
}

int
hk_vault_get_schema_version (HkVault *self)
{
  int version;

  g_return_val_if_fail (HK_IS_VAULT (self), -1);
  g_rec_mutex_lock (&self->mutex);
  version = self->store ? _hk_store_get_user_version (self->store) : -1;
  g_rec_mutex_unlock (&self->mutex);
  return version;
}

const char *
hk_vault_get_owner_name (HkVault *self)
{
  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  return self->owner_name;
}

HkStore *
_hk_vault_get_store (HkVault *self)
{
  return self->store;
}

/* ---- Creating ---- */

static gboolean
write_slot (HkStore      *store,
            const char   *slot,
            const guint8 *blob,
            GError      **error)
{
  sqlite3_stmt *stmt = _hk_store_prepare (store, "INSERT OR REPLACE INTO keyslots (slot, blob) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, blob, HK_WRAP_BYTES, SQLITE_STATIC);
  return _hk_store_step_done (store, stmt, error);
}

static gboolean
write_header (HkStore      *store,
              const guint8 *header_bytes,
              GError      **error)
{
  sqlite3_stmt *stmt = _hk_store_prepare (store, "INSERT OR REPLACE INTO vault_meta (id, header) VALUES (1, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, header_bytes, HK_HEADER_BYTES, SQLITE_STATIC);
  return _hk_store_step_done (store, stmt, error);
}

/* The recovery slot is bound to everything in the header except the
 * passphrase's KDF parameters (so changing the passphrase keeps it valid)
 * and the chain-head flag. */
static void
recovery_ad (const HkHeader *header,
             guint8          out[HK_HEADER_BYTES])
{
  HkHeader copy = *header;

  memset (copy.salt, 0, sizeof copy.salt);
  /* Set at the first unlock of an upgraded vault, without the recovery key. */
  copy.flags &= ~HK_VAULT_FLAG_CHAIN_HEAD;
  copy.opslimit = crypto_pwhash_OPSLIMIT_MIN;
  copy.memlimit = crypto_pwhash_MEMLIMIT_MIN;
  copy.profile = 0;
  _hk_header_serialise (&copy, out);
}

static void
remove_vault_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_remove (p);
    }
}

static HkRecord *save_locked (HkVault *self, HkRecordKind kind, const char *id, const char *parent_id,
                              gint64 base_revision, GVariant *fields, gboolean log, gboolean import,
                              GError **error);

static HkVault *
create_vault (const char      *path,
              const HkSecret  *passphrase,
              HkKdfProfile     profile,
              HkVaultFlags     flags,
              const char      *owner_name,
              int              version,
              HkSecret       **out_recovery_key,
              GError         **error)
{
  g_autoptr(HkVault) self = NULL;
  g_autoptr(HkSecret) dek = NULL;
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) recovery_kek = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autoptr(HkRecord) meta_record = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *lock = NULL;
  guint8 recovery[HK_KEY_BYTES];
  guint8 wrap[HK_WRAP_BYTES];
  guint8 rad[HK_HEADER_BYTES];
  gboolean created_file = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (hk_secret_get_length (passphrase) == 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_WEAK_PASSPHRASE, _("The passphrase is empty."));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not create the folder %s: %s."),
                   dir, g_strerror (saved));
      return NULL;
    }

  self = vault_new (path);
  lock = lock_path (path);
  self->file_lock = hk_platform_lock_file (lock, error);
  if (self->file_lock == NULL)
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("A vault already exists at %s. Open it instead, or choose another place."), path);
      return NULL;
    }

  self->store = _hk_store_open (path, TRUE, FALSE, error);
  created_file = TRUE;
  if (self->store == NULL || !_hk_store_migrate (self->store, version, error))
    goto fail;

  /* The header: fresh salt and id, the chosen KDF cost, and the event key. */
  dek = hk_secret_new (HK_KEY_BYTES);
  randombytes_buf (hk_secret_get_mutable_data (dek), HK_KEY_BYTES);
  self->keys = _hk_keys_new ((const guint8 *) hk_secret_get_data (dek));

  self->header.format = HK_HEADER_FORMAT;
  self->header.profile = profile;
  /* A vault at an older schema (made for migration tests) has no head. */
  self->keeps_head = version >= 3;
  self->header.flags = flags | (self->keeps_head ? HK_VAULT_FLAG_CHAIN_HEAD : 0);
  _hk_kdf_params (profile, &self->header.opslimit, &self->header.memlimit);
  randombytes_buf (self->header.salt, HK_SALT_BYTES);
  randombytes_buf (self->header.vault_id, HK_VAULT_ID_BYTES);
  memcpy (self->header.event_pk, self->keys->event_pk, sizeof self->header.event_pk);
  _hk_header_serialise (&self->header, self->header_bytes);
  self->id_hex = _hk_hex (self->header.vault_id, HK_VAULT_ID_BYTES);

  kek = _hk_kek_from_passphrase (passphrase, &self->header, error);
  if (kek == NULL)
    goto fail;

  randombytes_buf (recovery, sizeof recovery);
  recovery_kek = _hk_kek_from_recovery (recovery);

  if (!_hk_store_begin (self->store, error) ||
      !write_header (self->store, self->header_bytes, error))
    goto fail;
  _hk_wrap (kek, (const guint8 *) hk_secret_get_data (dek), self->header_bytes, wrap);
  if (!write_slot (self->store, "passphrase", wrap, error))
    goto fail;
  recovery_ad (&self->header, rad);
  _hk_wrap (recovery_kek, (const guint8 *) hk_secret_get_data (dek), rad, wrap);
  if (!write_slot (self->store, "recovery", wrap, error))
    goto fail;

  self->owner_name = g_strdup (owner_name ? owner_name : g_get_real_name ());
  if (!log_in_tx (self, HK_ACTIVITY_VAULT_CREATED, -1, NULL, 0, NULL, error))
    goto fail;
  self->batch_depth++; /* the META save joins this transaction */
  meta = g_variant_ref_sink (g_variant_new_parsed ("{'owner_name': <%s>}", self->owner_name));
  meta_record = save_locked (self, HK_RECORD_KIND_META, NULL, NULL, 0, meta, TRUE, FALSE, error);
  self->batch_depth--;
  if (meta_record == NULL || !_hk_store_commit (self->store, error))
    goto fail;

  if (out_recovery_key)
    *out_recovery_key = _hk_recovery_key_format (recovery);
  sodium_memzero (recovery, sizeof recovery);
  self->locked_notified = FALSE;
  return g_steal_pointer (&self);

fail:
  sodium_memzero (recovery, sizeof recovery);
  if (self->store)
    _hk_store_rollback (self->store);
  wipe_unlocked_state (self);
  g_clear_pointer (&self->store, _hk_store_close);
  /* A half-made vault must leave no trace. */
  if (created_file)
    remove_vault_files (path);
  return NULL;
}

HkVault *
hk_vault_create (const char      *path,
                 const HkSecret  *passphrase,
                 HkKdfProfile     profile,
                 HkVaultFlags     flags,
                 const char      *owner_name,
                 HkSecret       **out_recovery_key,
                 GError         **error)
{
  return create_vault (path, passphrase, profile, flags, owner_name, HK_SCHEMA_VERSION,
                       out_recovery_key, error);
}

HkVault *
_hk_vault_create_at_version (const char      *path,
                             const HkSecret  *passphrase,
                             HkKdfProfile     profile,
                             const char      *owner_name,
                             int              version,
                             HkSecret       **out_recovery_key,
                             GError         **error)
{
  return create_vault (path, passphrase, profile, HK_VAULT_FLAG_NONE, owner_name, version,
                       out_recovery_key, error);
}

/* ---- Unlocking ---- */

static gboolean
read_slot (HkStore     *store,
           const char  *slot,
           guint8       out[HK_WRAP_BYTES],
           GError     **error)
{
  sqlite3_stmt *stmt = _hk_store_prepare (store, "SELECT blob FROM keyslots WHERE slot = ?", error);
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == HK_WRAP_BYTES)
    {
      memcpy (out, sqlite3_column_blob (stmt, 0), HK_WRAP_BYTES);
      ok = TRUE;
    }
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, HK_ERROR, HK_ERROR_TAMPERED,
                 _("The vault’s key slots are damaged or have been tampered with. Restore the vault from a backup."));
  return ok;
}

static gboolean
load_owner (HkVault  *self,
            GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = _hk_store_prepare (self->store,
                            "SELECT id, revision, payload FROM records WHERE kind = 0 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HkRecord) meta = open_row (self, self->keys, &self->header,
                                           (const char *) sqlite3_column_text (stmt, 0),
                                           HK_RECORD_KIND_META, NULL,
                                           sqlite3_column_int64 (stmt, 1),
                                           sqlite3_column_blob (stmt, 2),
                                           sqlite3_column_bytes (stmt, 2));
      if (meta != NULL)
        {
          self->owner_name = g_strdup (hk_record_get_string (meta, "owner_name"));
          found = TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (!found)
    self->owner_name = g_strdup ("");
  return TRUE;
}

/* With the DEK in hand: set up keys, check the header's public key, bring the
 * activity chain up to date. Called with the mutex held. */
/* A vault from before the chain head gets one at its first passphrase
 * unlock: the flag goes into the header, so the passphrase slot is wrapped
 * again under the new header (the recovery slot ignores the flag). */
static gboolean
start_keeping_head (HkVault         *self,
                    const HkSecret  *kek,
                    HkHeader        *new_header,
                    guint8           new_header_bytes[HK_HEADER_BYTES],
                    GError         **error)
{
  guint8 wrap[HK_WRAP_BYTES];

  *new_header = self->header;
  new_header->flags |= HK_VAULT_FLAG_CHAIN_HEAD;
  _hk_header_serialise (new_header, new_header_bytes);
  _hk_wrap (kek, self->keys->dek, new_header_bytes, wrap);
  return write_header (self->store, new_header_bytes, error) &&
         write_slot (self->store, "passphrase", wrap, error);
}

/* Records, once, that entries were cut off the end of the log since it was
 * last open. The gap stays in the head, so `check` keeps reporting it. */
static gboolean
note_cut_log (HkVault  *self,
              GError  **error)
{
  HkChainHead head;
  g_autofree char *problem = NULL;
  g_autofree char *detail = NULL;
  gint64 from, to;

  problem = compare_head (self->store, &self->header, self->keys, self->last_seq, self->last_mac,
                          &head, &from, &to);
  self->cut_from = head.cut_from;
  self->cut_to = head.cut_to;
  if (problem == NULL)
    return TRUE;

  if (self->cut_from == 0)
    {
      self->cut_from = from;
      self->cut_to = to;
    }
  detail = to > 0 ? g_strdup_printf ("%lld-%lld", (long long) from, (long long) to)
                  : g_strdup_printf ("%lld-", (long long) from);
  return log_in_tx (self, HK_ACTIVITY_LOG_CUT, -1, NULL, 0, detail, error);
}

/* With the DEK in hand: set up keys, check the header's public key, bring the
 * activity chain up to date. @kek (the passphrase's, or NULL) lets an older
 * vault start keeping the chain head. Called with the mutex held. */
static gboolean
finish_unlock (HkVault         *self,
               const HkSecret  *dek,
               const HkSecret  *kek,
               HkActivityKind   event,
               GError         **error)
{
  HkHeader new_header;
  guint8 new_header_bytes[HK_HEADER_BYTES];
  gboolean upgrade;

  self->keys = _hk_keys_new ((const guint8 *) hk_secret_get_data (dek));
  if (sodium_memcmp (self->keys->event_pk, self->header.event_pk, sizeof self->header.event_pk) != 0)
    {
      wipe_unlocked_state (self);
      g_set_error (error, HK_ERROR, HK_ERROR_TAMPERED,
                   _("The vault’s header is damaged or has been tampered with. Restore the vault from a backup."));
      return FALSE;
    }

  upgrade = kek != NULL && self->keeps_head && !(self->header.flags & HK_VAULT_FLAG_CHAIN_HEAD);
  load_chain_tail (self);
  if (!load_owner (self, error) ||
      !_hk_store_begin (self->store, error) ||
      (self->keeps_head && !note_cut_log (self, error)) ||
      (upgrade && !start_keeping_head (self, kek, &new_header, new_header_bytes, error)) ||
      !drain_pending_events (self, error) ||
      !log_in_tx (self, event, -1, NULL, 0, NULL, error) ||
      !_hk_store_commit (self->store, error))
    {
      _hk_store_rollback (self->store);
      wipe_unlocked_state (self);
      return FALSE;
    }
  if (upgrade)
    {
      self->header = new_header;
      memcpy (self->header_bytes, new_header_bytes, HK_HEADER_BYTES);
    }
  g_atomic_int_set (&self->log_cut, self->cut_from > 0);
  emit_later (self, SIGNAL_UNLOCKED, 0, NULL);
  return TRUE;
}

gboolean
hk_vault_unlock (HkVault         *self,
                 const HkSecret  *passphrase,
                 gint64          *out_kdf_usec,
                 GError         **error)
{
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) dek = NULL;
  guint8 slot[HK_WRAP_BYTES];
  gint64 start;
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (self->store == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("The vault is closed."));
      goto out;
    }
  if (self->keys != NULL)
    {
      ok = TRUE;
      goto out;
    }
  if (!read_slot (self->store, "passphrase", slot, error))
    goto out;

  start = g_get_monotonic_time ();
  kek = _hk_kek_from_passphrase (passphrase, &self->header, error);
  if (out_kdf_usec)
    *out_kdf_usec = g_get_monotonic_time () - start;
  if (kek == NULL)
    goto out;

  dek = _hk_unwrap (kek, slot, sizeof slot, self->header_bytes);
  if (dek == NULL)
    {
      /* Best effort: a read-only vault still reports the wrong passphrase. */
      log_sealed (self, HK_ACTIVITY_UNLOCK_FAILED, NULL, NULL);
      g_set_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE,
                   _("That passphrase did not open the vault. Check it and try again."));
      goto out;
    }
  ok = finish_unlock (self, dek, kek, HK_ACTIVITY_UNLOCK, error);

out:
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

static gboolean
set_passphrase (HkVault         *self,
                const HkSecret  *new_passphrase,
                GError         **error)
{
  g_autoptr(HkSecret) kek = NULL;
  HkHeader header = self->header;
  guint8 header_bytes[HK_HEADER_BYTES];
  guint8 wrap[HK_WRAP_BYTES];

  if (hk_secret_get_length (new_passphrase) == 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_WEAK_PASSPHRASE, _("The new passphrase is empty."));
      return FALSE;
    }

  /* A new salt makes a new KEK; the cost follows the vault's profile. */
  randombytes_buf (header.salt, HK_SALT_BYTES);
  if (self->keeps_head)
    header.flags |= HK_VAULT_FLAG_CHAIN_HEAD;
  _hk_kdf_params (header.profile, &header.opslimit, &header.memlimit);
  _hk_header_serialise (&header, header_bytes);

  kek = _hk_kek_from_passphrase (new_passphrase, &header, error);
  if (kek == NULL)
    return FALSE;
  _hk_wrap (kek, self->keys->dek, header_bytes, wrap);

  if (!_hk_store_begin (self->store, error) ||
      !write_header (self->store, header_bytes, error) ||
      !write_slot (self->store, "passphrase", wrap, error) ||
      !log_in_tx (self, HK_ACTIVITY_PASSPHRASE_CHANGED, -1, NULL, 0, NULL, error) ||
      !_hk_store_commit (self->store, error))
    {
      _hk_store_rollback (self->store);
      load_chain_tail (self);
      return FALSE;
    }
  self->header = header;
  memcpy (self->header_bytes, header_bytes, HK_HEADER_BYTES);
  return TRUE;
}

gboolean
hk_vault_change_passphrase (HkVault         *self,
                            const HkSecret  *current,
                            const HkSecret  *new_passphrase,
                            GError         **error)
{
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) dek = NULL;
  guint8 slot[HK_WRAP_BYTES];
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error) || !read_slot (self->store, "passphrase", slot, error))
    goto out;
  /* Re-authenticate: an unattended unlocked laptop must not let someone
   * else take the vault over. */
  kek = _hk_kek_from_passphrase (current, &self->header, error);
  if (kek == NULL)
    goto out;
  dek = _hk_unwrap (kek, slot, sizeof slot, self->header_bytes);
  if (dek == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE,
                   _("The current passphrase is not right. The passphrase was not changed."));
      goto out;
    }
  ok = set_passphrase (self, new_passphrase, error);

out:
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

gboolean
hk_vault_recover (HkVault         *self,
                  const HkSecret  *recovery_key,
                  const HkSecret  *new_passphrase,
                  GError         **error)
{
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) dek = NULL;
  guint8 recovery[HK_KEY_BYTES];
  guint8 slot[HK_WRAP_BYTES];
  guint8 rad[HK_HEADER_BYTES];
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (self->store == NULL || !_hk_recovery_key_parse (recovery_key, recovery, error) ||
      !read_slot (self->store, "recovery", slot, error))
    goto out;
  kek = _hk_kek_from_recovery (recovery);
  sodium_memzero (recovery, sizeof recovery);
  recovery_ad (&self->header, rad);
  dek = _hk_unwrap (kek, slot, sizeof slot, rad);
  if (dek == NULL)
    {
      log_sealed (self, HK_ACTIVITY_UNLOCK_FAILED, "recovery", NULL);
      g_set_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE,
                   _("That recovery key does not belong to this vault."));
      goto out;
    }
  if (self->keys == NULL && !finish_unlock (self, dek, NULL, HK_ACTIVITY_RECOVERED, error))
    goto out;
  ok = set_passphrase (self, new_passphrase, error);

out:
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

void
hk_vault_lock (HkVault *self)
{
  g_return_if_fail (HK_IS_VAULT (self));

  g_rec_mutex_lock (&self->mutex);
  if (self->keys != NULL)
    {
      log_event (self, HK_ACTIVITY_LOCK, -1, NULL, 0, NULL, NULL);
      self->batch_depth = 0;
      wipe_unlocked_state (self);
      if (self->store)
        _hk_store_exec (self->store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      emit_later (self, SIGNAL_LOCKED, 0, NULL);
    }
  g_rec_mutex_unlock (&self->mutex);
}

/* ---- Saving records ---- */

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%FT%T%:z");
}

/* Returns a new a{sv} without automatic fields, with the core's own values
 * for them (a note's recorded_at and late_entry). */
static GVariant *
complete_fields (HkRecordKind  kind,
                 GVariant     *fields,
                 HkRecord     *previous,
                 gboolean      import)
{
  GVariantBuilder b;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);
      gboolean empty = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                       *g_variant_get_string (value, NULL) == '\0';

      /* Empty strings mean "absent": store nothing rather than "". */
      if ((spec == NULL || !(spec->flags & HK_FIELD_AUTOMATIC)) && !empty)
        g_variant_builder_add (&b, "{sv}", key, value);
      g_variant_unref (value);
    }

  if (kind == HK_RECORD_KIND_NOTE)
    {
      g_autofree char *recorded = NULL;
      g_autoptr(GDateTime) rec_dt = NULL;
      g_autoptr(GDateTime) occ_dt = NULL;
      const char *occurred = NULL;
      gboolean late = FALSE;

      /* Recording time belongs to the first revision: edits don't move it. */
      const char *given = NULL;

      if (previous && hk_record_get_string (previous, "recorded_at"))
        recorded = g_strdup (hk_record_get_string (previous, "recorded_at"));
      else if (import && g_variant_lookup (fields, "recorded_at", "&s", &given) &&
               (rec_dt = _hk_datetime_parse (given)) != NULL)
        recorded = g_strdup (given);
      else
        recorded = now_iso8601 ();
      g_clear_pointer (&rec_dt, g_date_time_unref);
      g_variant_lookup (fields, "occurred_at", "&s", &occurred);
      rec_dt = _hk_datetime_parse (recorded);
      occ_dt = _hk_datetime_parse (occurred);
      if (rec_dt && occ_dt)
        late = g_date_time_difference (rec_dt, occ_dt) > HK_LATE_ENTRY_THRESHOLD_USEC;
      g_variant_builder_add (&b, "{sv}", "recorded_at", g_variant_new_string (recorded));
      g_variant_builder_add (&b, "{sv}", "late_entry", g_variant_new_boolean (late));
    }
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static char *index_text (HkRecord *record);

/* People, cases and everything hanging directly off a case. */
static gboolean
is_indexed_kind (HkRecordKind kind)
{
  return kind == HK_RECORD_KIND_PERSON || kind == HK_RECORD_KIND_CASE ||
         hk_record_kind_get_parent_kind (kind) == HK_RECORD_KIND_CASE;
}
static const char *index_owner (HkRecord *record);

static void
index_record (HkVault  *self,
              gint64    rowid,
              HkRecord *record,
              HkRecord *previous)
{
  g_autofree char *text = NULL;
  g_autofree char *old_text = NULL;
  HkRecordKind kind = hk_record_get_kind (record);

  if (self->index == NULL || !is_indexed_kind (kind))
    return;
  if (kind == HK_RECORD_KIND_CASE)
    g_hash_table_insert (self->case_person, g_strdup (hk_record_get_id (record)),
                         g_strdup (hk_record_get_parent_id (record)));
  text = index_text (record);
  /* The contentless index removes old tokens only given the old text, which
   * is the previous revision's: that is what was indexed. */
  if (_hk_search_index_contains (self->index, rowid) && previous != NULL)
    old_text = index_text (previous);
  if ((_hk_search_index_contains (self->index, rowid) && previous == NULL) ||
      !_hk_search_index_put (self->index, rowid, index_owner (record), old_text, text, NULL))
    {
      /* A stale index would hide results: rebuild it on the next search. */
      drop_index (self);
    }
  if (text)
    sodium_memzero (text, strlen (text));
  if (old_text)
    sodium_memzero (old_text, strlen (old_text));
}

static HkRecord *
save_locked (HkVault      *self,
             HkRecordKind  kind,
             const char   *id,
             const char   *parent_id,
             gint64        base_revision,
             GVariant     *fields,
             gboolean      log,
             gboolean      import,
             GError      **error)
{
  g_autoptr(HkRecord) previous = NULL;
  g_autoptr(GVariant) complete = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *stored_parent = NULL;
  g_autofree guint8 *blob = NULL;
  g_autoptr(GBytes) old_blob = NULL;
  guint8 raw[HK_RECORD_ID_BYTES];
  guint8 *plain = NULL;
  gsize plain_len = 0, blob_len = 0;
  gint64 revision, created_at, now = g_get_real_time ();
  gint64 rowid = 0;
  sqlite3_stmt *stmt;
  HkRecord *record;

  if (id != NULL)
    {
      HkRecordKind stored_kind;

      if (!parse_id (id, raw, error))
        return NULL;
      stmt = _hk_store_prepare (self->store,
                                "SELECT rowid, kind, parent_id, revision, payload FROM records WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no record with the id %s."), id);
          return NULL;
        }
      rowid = sqlite3_column_int64 (stmt, 0);
      stored_kind = sqlite3_column_int (stmt, 1);
      stored_parent = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      revision = sqlite3_column_int64 (stmt, 3);
      old_blob = column_blob (stmt, 4);
      sqlite3_reset (stmt);

      if (stored_kind != kind)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("The record %s is a %s, not a %s."),
                       id, hk_record_kind_to_string (stored_kind), hk_record_kind_to_string (kind));
          return NULL;
        }
      if (parent_id != NULL && g_strcmp0 (parent_id, stored_parent) != 0)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       _("A record cannot be moved to another parent."));
          return NULL;
        }
      if (kind != HK_RECORD_KIND_DRAFT && revision != base_revision)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_CONFLICT,
                       _("This record was changed elsewhere since you opened it (revision %lld, now %lld). Reopen it and make your change again."),
                       (long long) base_revision, (long long) revision);
          return NULL;
        }
      previous = open_row (self, self->keys, &self->header, id, kind, stored_parent, revision,
                           g_bytes_get_data (old_blob, NULL), g_bytes_get_size (old_blob));
      if (previous == NULL)
        {
          set_integrity_error (error, kind, id, revision);
          return NULL;
        }
      created_at = hk_record_get_created_at (previous);
      revision++;
    }
  else
    {
      HkRecordKind parent_kind = hk_record_kind_get_parent_kind (kind);

      if (base_revision != 0)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("A new record has no base revision."));
          return NULL;
        }
      if ((int) parent_kind >= 0)
        {
          gboolean ok;

          if (parent_id == NULL || !_hk_id_to_raw (parent_id, raw))
            {
              g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("A %s needs a %s."),
                           hk_record_kind_to_string (kind), hk_record_kind_to_string (parent_kind));
              return NULL;
            }
          stmt = _hk_store_prepare (self->store, "SELECT kind FROM records WHERE id = ?", error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_STATIC);
          ok = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == (int) parent_kind;
          sqlite3_reset (stmt);
          if (!ok)
            {
              g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no %s with the id %s."),
                           hk_record_kind_to_string (parent_kind), parent_id);
              return NULL;
            }
          stored_parent = g_strdup (parent_id);
        }
      else if (parent_id != NULL)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("A %s has no parent record."),
                       hk_record_kind_to_string (kind));
          return NULL;
        }
      new_id = _hk_id_new ();
      id = new_id;
      revision = 1;
      created_at = now;
    }

  if (!_hk_id_to_raw (id, raw))
    g_assert_not_reached ();
  complete = complete_fields (kind, fields, previous, import);
  plain = _hk_payload_serialise (created_at, now, self->owner_name, complete, &plain_len);
  blob = _hk_seal_record (self->keys, self->header.vault_id, kind, raw, revision, plain, plain_len, &blob_len);

  if (!tx_begin (self, error))
    goto fail;
  if (previous != NULL)
    {
      /* Drafts are scratch space: no history. Everything else keeps the old
       * revision, sealed as it was. */
      if (kind != HK_RECORD_KIND_DRAFT)
        {
          stmt = _hk_store_prepare (self->store,
                                    "INSERT INTO revisions (record_id, revision, payload) VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            goto fail_tx;
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, revision - 1);
          sqlite3_bind_blob (stmt, 3, g_bytes_get_data (old_blob, NULL), g_bytes_get_size (old_blob), SQLITE_STATIC);
          if (!_hk_store_step_done (self->store, stmt, error))
            goto fail_tx;
        }
      stmt = _hk_store_prepare (self->store, "UPDATE records SET revision = ?, payload = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail_tx;
      sqlite3_bind_int64 (stmt, 1, revision);
      sqlite3_bind_blob (stmt, 2, blob, blob_len, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
      if (!_hk_store_step_done (self->store, stmt, error))
        goto fail_tx;
    }
  else
    {
      stmt = _hk_store_prepare (self->store,
                                "INSERT INTO records (id, kind, parent_id, revision, payload) VALUES (?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        goto fail_tx;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, kind);
      if (stored_parent)
        sqlite3_bind_text (stmt, 3, stored_parent, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_int64 (stmt, 4, revision);
      sqlite3_bind_blob (stmt, 5, blob, blob_len, SQLITE_STATIC);
      if (!_hk_store_step_done (self->store, stmt, error))
        goto fail_tx;
      rowid = sqlite3_last_insert_rowid (_hk_store_get_db (self->store));
    }
  if (log && !log_in_tx (self, previous ? HK_ACTIVITY_RECORD_CHANGED : HK_ACTIVITY_RECORD_CREATED,
                         kind, id, revision, NULL, error))
    goto fail_tx;
  if (!tx_commit (self, error))
    goto fail;

  /* The record takes the plaintext buffer and wipes it when it goes. */
  record = _hk_record_new_from_plaintext (id, kind, stored_parent, revision, plain, plain_len);
  index_record (self, rowid, record, previous);
  emit_later (self, SIGNAL_CHANGED, kind, id);
  return record;

fail_tx:
  tx_rollback (self);
fail:
  _hk_wipe_free (plain, plain_len);
  return NULL;
}

HkRecord *
hk_vault_save (HkVault       *self,
               HkRecordKind   kind,
               const char    *id,
               const char    *parent_id,
               gint64         base_revision,
               GVariant      *fields,
               GError       **error)
{
  g_autoptr(GVariant) owned = NULL;
  HkRecord *record = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  owned = g_variant_ref_sink (fields);
  if (kind == HK_RECORD_KIND_DRAFT || (guint) kind > HK_RECORD_KIND_LAST)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("Records of this kind cannot be saved directly."));
      return NULL;
    }
  if (!hk_record_validate (kind, owned, NULL, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    record = save_locked (self, kind, id, parent_id, base_revision, owned, TRUE, FALSE, error);
  g_rec_mutex_unlock (&self->mutex);
  return record;
}

HkRecord *
_hk_vault_save_import (HkVault       *self,
                       HkRecordKind   kind,
                       const char    *parent_id,
                       GVariant      *fields,
                       GError       **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (fields);
  HkRecord *record = NULL;

  if (!hk_record_validate (kind, owned, NULL, error))
    return NULL;
  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    record = save_locked (self, kind, NULL, parent_id, 0, owned, TRUE, TRUE, error);
  g_rec_mutex_unlock (&self->mutex);
  return record;
}

gboolean
hk_vault_begin_batch (HkVault  *self,
                      GError  **error)
{
  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error) ||
      (self->batch_depth == 0 && !_hk_store_begin (self->store, error)))
    {
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }
  /* The mutex stays held until commit or rollback. */
  self->batch_depth++;
  return TRUE;
}

gboolean
hk_vault_commit_batch (HkVault  *self,
                       GError  **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);

  if (--self->batch_depth == 0 && self->store != NULL)
    {
      ok = _hk_store_commit (self->store, error);
      if (!ok)
        {
          load_chain_tail (self);
          drop_index (self);
        }
    }
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

void
hk_vault_rollback_batch (HkVault *self)
{
  g_return_if_fail (HK_IS_VAULT (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth == 0 && self->store != NULL)
    {
      _hk_store_rollback (self->store);
      if (self->keys)
        load_chain_tail (self);
      /* Saves in the batch already reached the index. */
      drop_index (self);
    }
  g_rec_mutex_unlock (&self->mutex);
}

/* ---- Reading records ---- */

HkRecord *
hk_vault_load (HkVault     *self,
               const char  *id,
               GError     **error)
{
  guint8 raw[HK_RECORD_ID_BYTES];
  sqlite3_stmt *stmt;
  HkRecord *record = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  if (!parse_id (id, raw, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error))
    goto out;
  stmt = _hk_store_prepare (self->store, "SELECT kind, parent_id, revision, payload FROM records WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no record with the id %s."), id);
  else
    {
      HkRecordKind kind = sqlite3_column_int (stmt, 0);
      gint64 revision = sqlite3_column_int64 (stmt, 2);

      record = open_row (self, self->keys, &self->header, id, kind,
                         (const char *) sqlite3_column_text (stmt, 1), revision,
                         sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      if (record == NULL)
        set_integrity_error (error, kind, id, revision);
    }
  sqlite3_reset (stmt);

out:
  g_rec_mutex_unlock (&self->mutex);
  return record;
}

static GPtrArray *
list_locked (HkVault      *self,
             HkRecordKind  kind,
             const char   *parent_id,
             GPtrArray    *failures,
             GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (parent_id)
    stmt = _hk_store_prepare (self->store,
                              "SELECT id, parent_id, revision, payload FROM records WHERE kind = ? AND parent_id = ?",
                              error);
  else
    stmt = _hk_store_prepare (self->store,
                              "SELECT id, parent_id, revision, payload FROM records WHERE kind = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);
  if (parent_id)
    sqlite3_bind_text (stmt, 2, parent_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      gint64 revision = sqlite3_column_int64 (stmt, 2);
      HkRecord *record = open_row (self, self->keys, &self->header, id, kind,
                                   (const char *) sqlite3_column_text (stmt, 1), revision,
                                   sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (failures != NULL)
        g_ptr_array_add (failures, g_strdup_printf (_("%s %s (revision %lld): failed authentication"),
                                                    hk_record_kind_to_string (kind), id, (long long) revision));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hk_store_set_error (self->store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
hk_vault_list (HkVault       *self,
               HkRecordKind   kind,
               const char    *parent_id,
               GPtrArray    **out_failures,
               GError       **error)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *records = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    records = list_locked (self, kind, parent_id, failures, error);
  g_rec_mutex_unlock (&self->mutex);

  if (out_failures && records)
    *out_failures = g_steal_pointer (&failures);
  return records;
}

GPtrArray *
hk_vault_list_revisions (HkVault     *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HkRecord) current = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  current = hk_vault_load (self, id, error);
  if (current == NULL)
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error))
    goto out;
  stmt = _hk_store_prepare (self->store,
                            "SELECT revision, payload FROM revisions WHERE record_id = ? ORDER BY revision", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  ok = TRUE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 revision = sqlite3_column_int64 (stmt, 0);
      HkRecord *record = open_row (self, self->keys, &self->header, id, hk_record_get_kind (current),
                                   hk_record_get_parent_id (current), revision,
                                   sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      if (record == NULL)
        {
          set_integrity_error (error, hk_record_get_kind (current), id, revision);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (revisions, record);
    }
  sqlite3_reset (stmt);

out:
  g_rec_mutex_unlock (&self->mutex);
  return ok ? g_steal_pointer (&revisions) : NULL;
}

/* ---- Cases ---- */

HkRecord *
hk_vault_open_case (HkVault     *self,
                    const char  *person_id,
                    GVariant    *extra_fields,
                    GError     **error)
{
  g_autoptr(GVariant) owned = extra_fields ? g_variant_ref_sink (extra_fields) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%F");
  GVariantDict dict;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_variant_dict_init (&dict, owned);
  if (!g_variant_dict_contains (&dict, "status"))
    g_variant_dict_insert (&dict, "status", "s", "open");
  if (!g_variant_dict_contains (&dict, "opened_on"))
    g_variant_dict_insert (&dict, "opened_on", "s", today);
  if (!g_variant_dict_contains (&dict, "worker") && self->owner_name && *self->owner_name)
    g_variant_dict_insert (&dict, "worker", "s", self->owner_name);
  return hk_vault_save (self, HK_RECORD_KIND_CASE, NULL, person_id, 0, g_variant_dict_end (&dict), error);
}

GPtrArray *
hk_vault_list_cases (HkVault  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GPtrArray *summaries = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error) ||
      (people = list_locked (self, HK_RECORD_KIND_PERSON, NULL, NULL, error)) == NULL ||
      (cases = list_locked (self, HK_RECORD_KIND_CASE, NULL, NULL, error)) == NULL)
    goto out;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = _hk_store_prepare (self->store,
                            "SELECT parent_id, COUNT (*) FROM records WHERE kind = 3 GROUP BY parent_id", error);
  if (stmt == NULL)
    goto out;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, (gpointer) hk_record_get_id (people->pdata[i]), people->pdata[i]);

  summaries = g_ptr_array_new_full (cases->len, g_object_unref);
  for (guint i = 0; i < cases->len; i++)
    {
      HkRecord *kase = cases->pdata[i];
      HkRecord *person = g_hash_table_lookup (by_id, hk_record_get_parent_id (kase));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, hk_record_get_id (kase)));

      g_ptr_array_add (summaries, hk_case_summary_new (kase, person, n));
    }

out:
  g_rec_mutex_unlock (&self->mutex);
  return summaries;
}

static gint64
note_time (HkRecord *note)
{
  g_autoptr(GDateTime) dt = _hk_datetime_parse (hk_record_get_string (note, "occurred_at"));
  return dt ? g_date_time_to_unix (dt) : 0;
}

static int
compare_notes_newest_first (gconstpointer a,
                            gconstpointer b)
{
  HkRecord *na = *(HkRecord **) a, *nb = *(HkRecord **) b;
  gint64 ta = note_time (na), tb = note_time (nb);

  if (ta != tb)
    return ta < tb ? 1 : -1;
  return hk_record_get_created_at (na) < hk_record_get_created_at (nb) ? 1 : -1;
}

gboolean
hk_vault_load_case (HkVault     *self,
                    const char  *case_id,
                    HkRecord   **out_case,
                    HkRecord   **out_person,
                    GPtrArray  **out_notes,
                    GError     **error)
{
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  kase = hk_vault_load (self, case_id, error);
  if (kase == NULL)
    goto out;
  if (hk_record_get_kind (kase) != HK_RECORD_KIND_CASE)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no case with the id %s."), case_id);
      goto out;
    }
  person = hk_vault_load (self, hk_record_get_parent_id (kase), error);
  if (person == NULL)
    goto out;
  notes = hk_vault_list (self, HK_RECORD_KIND_NOTE, case_id, NULL, error);
  if (notes == NULL)
    goto out;
  g_ptr_array_sort (notes, compare_notes_newest_first);
  if (!log_event (self, HK_ACTIVITY_CASE_VIEWED, HK_RECORD_KIND_CASE, case_id,
                  hk_record_get_revision (kase), NULL, error))
    goto out;

  if (out_case)
    *out_case = g_steal_pointer (&kase);
  if (out_person)
    *out_person = g_steal_pointer (&person);
  if (out_notes)
    *out_notes = g_steal_pointer (&notes);
  ok = TRUE;

out:
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

/* ---- Casework records and prompts ---- */

GPtrArray *
hk_vault_list_case_records (HkVault     *self,
                            const char  *case_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(HkRecord) kase = NULL;
  GPtrArray *result = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  kase = hk_vault_load (self, case_id, error);
  if (kase == NULL)
    goto out;
  if (hk_record_get_kind (kase) != HK_RECORD_KIND_CASE)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no case with the id %s."), case_id);
      goto out;
    }
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_autoptr(GPtrArray) children = NULL;

      if (hk_record_kind_get_parent_kind (kind) != HK_RECORD_KIND_CASE)
        continue;
      children = list_locked (self, kind, case_id, NULL, error);
      if (children == NULL)
        goto out;
      for (guint i = 0; i < children->len; i++)
        {
          HkRecord *child = children->pdata[i];

          g_ptr_array_add (records, g_object_ref (child));
          /* Risks hang off their enquiry. */
          if (kind == HK_RECORD_KIND_ENQUIRY)
            {
              g_autoptr(GPtrArray) risks = list_locked (self, HK_RECORD_KIND_RISK, hk_record_get_id (child),
                                                        NULL, error);
              if (risks == NULL)
                goto out;
              for (guint r = 0; r < risks->len; r++)
                g_ptr_array_add (records, g_object_ref (risks->pdata[r]));
            }
        }
    }
  result = g_steal_pointer (&records);

out:
  g_rec_mutex_unlock (&self->mutex);
  return result;
}

static HkCaseStage
case_stage (HkRecord  *kase,
            GPtrArray *records)
{
  gboolean concern = FALSE, running = FALSE, concluded = FALSE;

  if (g_strcmp0 (hk_record_get_string (kase, "status"), "closed") == 0)
    return HK_CASE_STAGE_CLOSED;
  for (guint i = 0; i < records->len; i++)
    {
      HkRecord *r = records->pdata[i];

      if (hk_record_get_kind (r) == HK_RECORD_KIND_CONCERN)
        concern = TRUE;
      else if (hk_record_get_kind (r) == HK_RECORD_KIND_ENQUIRY)
        {
          const char *concluded_on = hk_record_get_string (r, "concluded_on");
          if (concluded_on && *concluded_on)
            concluded = TRUE;
          else
            running = TRUE;
        }
    }
  return running ? HK_CASE_STAGE_ENQUIRY : concluded ? HK_CASE_STAGE_CONCLUDED
                                                      : concern ? HK_CASE_STAGE_CONCERN : HK_CASE_STAGE_NONE;
}

static char *today_iso (void);

GHashTable *
hk_vault_list_case_status (HkVault  *self,
                           GError  **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) per_case = NULL;      /* case id → GPtrArray of records */
  g_autoptr(GHashTable) enquiry_case = NULL;  /* enquiry id → case id */
  g_autofree char *today = today_iso ();
  GHashTable *result = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error) ||
      (cases = list_locked (self, HK_RECORD_KIND_CASE, NULL, NULL, error)) == NULL)
    goto out;

  per_case = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  enquiry_case = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < cases->len; i++)
    g_hash_table_insert (per_case, g_strdup (hk_record_get_id (cases->pdata[i])),
                         g_ptr_array_new_with_free_func (g_object_unref));

  /* Enquiries before risks, so risks can find their case. Notes are left
   * out: no rule looks at them, and they are most of the vault. */
  for (guint kind = HK_RECORD_KIND_CONCERN; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_autoptr(GPtrArray) records = NULL;
      guint k = kind;  /* HK_RECORD_KIND_ENQUIRY comes before HK_RECORD_KIND_RISK */

      records = list_locked (self, k, NULL, NULL, error);
      if (records == NULL)
        goto out;
      for (guint i = 0; i < records->len; i++)
        {
          HkRecord *r = records->pdata[i];
          const char *case_id = hk_record_get_parent_id (r);
          GPtrArray *bucket;

          if (k == HK_RECORD_KIND_RISK)
            case_id = g_hash_table_lookup (enquiry_case, case_id);
          else if (k == HK_RECORD_KIND_ENQUIRY)
            g_hash_table_insert (enquiry_case, g_strdup (hk_record_get_id (r)), g_strdup (case_id));
          bucket = case_id ? g_hash_table_lookup (per_case, case_id) : NULL;
          if (bucket)
            g_ptr_array_add (bucket, g_object_ref (r));
        }
    }

  result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < cases->len; i++)
    {
      HkRecord *kase = cases->pdata[i];
      GPtrArray *records = g_hash_table_lookup (per_case, hk_record_get_id (kase));
      g_autoptr(GPtrArray) prompts = hk_prompts_evaluate (kase, records, today, FALSE, NULL);
      HkCaseStatus *status = g_new0 (HkCaseStatus, 1);

      status->stage = case_stage (kase, records);
      for (guint p = 0; p < prompts->len; p++)
        {
          HkPrompt *prompt = prompts->pdata[p];
          if (prompt->severity >= HK_PROMPT_WARNING)
            status->prompt_count++;
          if (prompt->severity == HK_PROMPT_BLOCKING)
            status->blocking_count++;
        }
      g_hash_table_insert (result, g_strdup (hk_record_get_id (kase)), status);
    }

out:
  g_rec_mutex_unlock (&self->mutex);
  return result;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%F");
}

GPtrArray *
hk_vault_case_prompts (HkVault     *self,
                       const char  *case_id,
                       GError     **error)
{
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *today = today_iso ();

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  records = hk_vault_list_case_records (self, case_id, error);
  if (records == NULL || (kase = hk_vault_load (self, case_id, error)) == NULL)
    return NULL;
  return hk_prompts_evaluate (kase, records, today, FALSE, NULL);
}

HkRecord *
hk_vault_close_case (HkVault     *self,
                     const char  *case_id,
                     const char  *closed_on,
                     const char  *override_reason,
                     GError     **error)
{
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autofree char *today = today_iso ();
  g_autoptr(GString) blocking = g_string_new (NULL);
  GVariantDict dict;
  HkRecord *closed = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  records = hk_vault_list_case_records (self, case_id, error);
  if (records == NULL || (kase = hk_vault_load (self, case_id, error)) == NULL)
    goto out;
  if (g_strcmp0 (hk_record_get_string (kase, "status"), "closed") == 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("This case is already closed."));
      goto out;
    }

  prompts = hk_prompts_evaluate (kase, records, today, TRUE, NULL);
  for (guint i = 0; i < prompts->len; i++)
    {
      HkPrompt *p = prompts->pdata[i];
      if (p->severity == HK_PROMPT_BLOCKING)
        g_string_append_printf (blocking, "\n• %s", p->text);
    }
  if (blocking->len > 0 && (override_reason == NULL || *override_reason == '\0'))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("The case cannot close while these are outstanding. Resolve them, or give a reason for closing anyway:%s"),
                   blocking->str);
      goto out;
    }

  g_variant_dict_init (&dict, hk_record_get_fields (kase));
  g_variant_dict_insert (&dict, "status", "s", "closed");
  g_variant_dict_insert (&dict, "closed_on", "s", closed_on ? closed_on : today);
  if (blocking->len > 0)
    g_variant_dict_insert (&dict, "override_reason", "s", override_reason);
  closed = hk_vault_save (self, HK_RECORD_KIND_CASE, case_id, NULL, hk_record_get_revision (kase),
                          g_variant_dict_end (&dict), error);

out:
  g_rec_mutex_unlock (&self->mutex);
  return closed;
}

/* ---- Search ---- */

static void
append_field (GString    *text,
              HkRecord   *record,
              const char *key)
{
  const char *value = hk_record_get_string (record, key);

  if (value && *value)
    {
      g_string_append (text, value);
      g_string_append_c (text, '\n');
    }
}

static char *
index_text (HkRecord *record)
{
  GString *text = g_string_new (NULL);
  const HkFieldSpec *specs = hk_record_kind_get_fields (hk_record_get_kind (record));

  for (const HkFieldSpec *spec = specs; spec->key; spec++)
    {
      switch (spec->type)
        {
        case HK_FIELD_TEXT:
        case HK_FIELD_LONG_TEXT:
        case HK_FIELD_NHS_NUMBER:
          append_field (text, record, spec->key);
          break;
        case HK_FIELD_ENUM:
          {
            const char *label = hk_field_spec_get_value_label (spec, hk_record_get_string (record, spec->key));
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
  /* People match all their cases; a case's records match the case. */
  if (hk_record_get_kind (record) == HK_RECORD_KIND_PERSON || hk_record_get_kind (record) == HK_RECORD_KIND_CASE)
    return hk_record_get_id (record);
  return hk_record_get_parent_id (record);
}

gboolean
hk_vault_build_search_index (HkVault  *self,
                             GError  **error)
{
  gint64 last_rowid = 0;
  guint generation;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error))
    {
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }
  if (self->index_ready)
    {
      g_rec_mutex_unlock (&self->mutex);
      return TRUE;
    }
  if (self->index == NULL)
    self->case_person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self->index == NULL && (self->index = _hk_search_index_new (error)) == NULL)
    {
      drop_index (self);
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }
  generation = self->generation;
  g_rec_mutex_unlock (&self->mutex);

  /* In chunks, releasing the vault between them so saves are not held up.
   * A save reindexes its own record, so nothing indexed here goes stale. */
  for (;;)
    {
      sqlite3_stmt *stmt;
      guint n = 0;

      g_rec_mutex_lock (&self->mutex);
      if (self->generation != generation || self->index == NULL)
        {
          g_rec_mutex_unlock (&self->mutex);
          g_set_error (error, HK_ERROR, HK_ERROR_LOCKED, _("The vault was locked."));
          return FALSE;
        }
      stmt = _hk_store_prepare (self->store,
                                "SELECT rowid, id, kind, parent_id, revision, payload FROM records"
                                 " WHERE rowid > ? AND kind NOT IN (0, 4, 7) ORDER BY rowid LIMIT 2000", error);
      if (stmt == NULL)
        {
          g_rec_mutex_unlock (&self->mutex);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, last_rowid);
      _hk_search_index_begin (self->index);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(HkRecord) record = NULL;

          last_rowid = sqlite3_column_int64 (stmt, 0);
          n++;
          record = open_row (self, self->keys, &self->header, (const char *) sqlite3_column_text (stmt, 1),
                             sqlite3_column_int (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                             sqlite3_column_int64 (stmt, 4), sqlite3_column_blob (stmt, 5),
                             sqlite3_column_bytes (stmt, 5));
          /* A save during the build already indexed the newest text. */
          if (record != NULL && !_hk_search_index_contains (self->index, last_rowid))
            index_record (self, last_rowid, record, NULL);
          if (self->index == NULL)
            break;
        }
      sqlite3_reset (stmt);
      if (self->index)
        _hk_search_index_commit (self->index);
      if (n < INDEX_CHUNK || self->index == NULL)
        {
          gboolean ok = self->index != NULL;

          self->index_ready = ok;
          g_rec_mutex_unlock (&self->mutex);
          if (!ok)
            g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("The search index could not be built."));
          return ok;
        }
      g_rec_mutex_unlock (&self->mutex);
    }
}

static gboolean
has_alnum (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

GHashTable *
hk_vault_search (HkVault     *self,
                 const char  *query,
                 GError     **error)
{
  g_autoptr(GHashTable) result = NULL;
  g_autoptr(GHashTable) case_person = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("The search text is not valid UTF-8."));
      return NULL;
    }
  if (!hk_vault_build_search_index (self, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  if (!require_unlocked (self, error) || !self->index_ready)
    {
      if (error && !*error)
        g_set_error (error, HK_ERROR, HK_ERROR_LOCKED, _("The vault was locked."));
      goto out;
    }

  case_person = g_hash_table_ref (self->case_person);

  words = g_strsplit_set (query, " \t\n\r", -1);
  for (guint w = 0; words[w]; w++)
    {
      g_autoptr(GHashTable) owners = NULL;
      GHashTable *matches;
      GHashTableIter iter;
      gpointer case_id, person_id;

      if (!has_alnum (words[w]))
        continue;
      owners = _hk_search_index_lookup (self->index, words[w], error);
      if (owners == NULL)
        {
          g_clear_pointer (&result, g_hash_table_unref);
          goto out;
        }
      /* Every word must match somewhere in the case: its person, itself or a note. */
      matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, case_person);
      while (g_hash_table_iter_next (&iter, &case_id, &person_id))
        if ((result == NULL || g_hash_table_contains (result, case_id)) &&
            (g_hash_table_contains (owners, case_id) || g_hash_table_contains (owners, person_id)))
          g_hash_table_add (matches, g_strdup (case_id));
      g_clear_pointer (&result, g_hash_table_unref);
      result = matches;
    }

  if (result == NULL)
    {
      /* No searchable word: everything matches. */
      GHashTableIter iter;
      gpointer case_id;

      result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, case_person);
      while (g_hash_table_iter_next (&iter, &case_id, NULL))
        g_hash_table_add (result, g_strdup (case_id));
    }

out:
  g_rec_mutex_unlock (&self->mutex);
  return g_steal_pointer (&result);
}

/* ---- Drafts ---- */

static gboolean
find_draft (HkVault     *self,
            const char  *key,
            HkRecord   **out_record,
            GError     **error)
{
  g_autoptr(GPtrArray) drafts = list_locked (self, HK_RECORD_KIND_DRAFT, NULL, NULL, error);

  *out_record = NULL;
  if (drafts == NULL)
    return FALSE;
  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (hk_record_get_string (drafts->pdata[i], "key"), key) == 0)
      {
        *out_record = g_object_ref (drafts->pdata[i]);
        break;
      }
  return TRUE;
}

gboolean
hk_vault_save_draft (HkVault     *self,
                     const char  *key,
                     GVariant    *fields,
                     GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(HkRecord) existing = NULL;
  g_autoptr(HkRecord) saved = NULL;
  g_autoptr(GVariant) payload = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  owned = g_variant_ref_sink (fields);
  if (!g_variant_is_of_type (owned, G_VARIANT_TYPE_VARDICT))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("A draft must be a dictionary of fields."));
      return FALSE;
    }
  payload = g_variant_ref_sink (g_variant_new_parsed ("{'key': <%s>, 'fields': <%@a{sv}>}", key, owned));

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error) && find_draft (self, key, &existing, error))
    {
      saved = save_locked (self, HK_RECORD_KIND_DRAFT, existing ? hk_record_get_id (existing) : NULL,
                           NULL, existing ? hk_record_get_revision (existing) : 0, payload, FALSE, FALSE, error);
      ok = saved != NULL;
    }
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

GVariant *
hk_vault_load_draft (HkVault     *self,
                     const char  *key,
                     GError     **error)
{
  g_autoptr(HkRecord) existing = NULL;
  GVariant *fields = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error) && find_draft (self, key, &existing, error) && existing)
    {
      g_autoptr(GVariant) v = g_variant_lookup_value (hk_record_get_fields (existing), "fields",
                                                      G_VARIANT_TYPE_VARDICT);
      /* A deep copy: the record's buffer is wiped when it goes. */
      if (v != NULL)
        fields = _hk_variant_copy_wiped (v);
    }
  g_rec_mutex_unlock (&self->mutex);
  return fields;
}

gboolean
hk_vault_discard_draft (HkVault     *self,
                        const char  *key,
                        GError     **error)
{
  g_autoptr(HkRecord) existing = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error) && find_draft (self, key, &existing, error))
    {
      ok = TRUE;
      if (existing != NULL)
        {
          /* secure_delete zeroes the freed cells. */
          sqlite3_stmt *stmt = _hk_store_prepare (self->store, "DELETE FROM records WHERE id = ? AND kind = 4", error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_text (stmt, 1, hk_record_get_id (existing), -1, SQLITE_STATIC);
              ok = _hk_store_step_done (self->store, stmt, error);
            }
        }
    }
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

GPtrArray *
hk_vault_list_drafts (HkVault  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GPtrArray *keys = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  drafts = hk_vault_list (self, HK_RECORD_KIND_DRAFT, NULL, NULL, error);
  if (drafts == NULL)
    return NULL;
  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < drafts->len; i++)
    {
      const char *key = hk_record_get_string (drafts->pdata[i], "key");
      if (key)
        g_ptr_array_add (keys, g_strdup (key));
    }
  return keys;
}

/* ---- Activity ---- */

gboolean
hk_vault_log (HkVault         *self,
              HkActivityKind   kind,
              const char      *record_id,
              const char      *detail,
              GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = self->store != NULL && log_event (self, kind, -1, record_id, 0, detail, error);
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

GPtrArray *
hk_vault_read_activity (HkVault  *self,
                        GError  **error)
{
  GPtrArray *entries = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    entries = read_chain (self->store, &self->header, self->keys, NULL, error);
  g_rec_mutex_unlock (&self->mutex);
  return entries;
}

/* ---- Check ---- */

static void
record_failure_free (gpointer data)
{
  HkRecordFailure *f = data;

  g_free (f->id);
  g_free (f->message);
  g_free (f);
}

static void
add_failure (HkCheckReport *report,
             HkRecordKind   kind,
             const char    *id,
             gint64         revision,
             char          *message)
{
  HkRecordFailure *f = g_new0 (HkRecordFailure, 1);

  f->kind = kind;
  f->id = g_strdup (id);
  f->revision = revision;
  f->message = g_strdup (message);
  g_ptr_array_add (report->failures, f);
  g_ptr_array_add (report->record_failures, message);
}

void
hk_check_report_free (HkCheckReport *report)
{
  if (report == NULL)
    return;
  g_free (report->sqlite_message);
  g_clear_pointer (&report->record_failures, g_ptr_array_unref);
  g_clear_pointer (&report->failures, g_ptr_array_unref);
  g_free (report->activity_message);
  g_free (report);
}

gboolean
hk_check_report_is_ok (const HkCheckReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->sqlite_ok && report->activity_ok && report->record_failures->len == 0;
}

/* Every record and revision must open under its own id, kind and revision;
 * the chain must verify; and no record may be older than the chain says
 * (a whole row and its history replaced by an older copy). */
static HkCheckReport *
check_contents (HkStore        *store,
                const HkHeader *header,
                const HkKeys   *keys,
                GError        **error)
{
  HkCheckReport *report = g_new0 (HkCheckReport, 1);
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GHashTable) logged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) chain_error = NULL;
  guint8 last_mac[HK_MAC_BYTES] = { 0 };
  HkChainHead head;
  gint64 cut_from, cut_to;
  sqlite3_stmt *stmt;
  int rc;

  report->record_failures = g_ptr_array_new_with_free_func (g_free);
  report->failures = g_ptr_array_new_with_free_func (record_failure_free);
  report->sqlite_ok = _hk_store_check (store, TRUE, &report->sqlite_message, NULL);

  chain = read_chain (store, header, keys, last_mac, &chain_error);
  report->activity_ok = chain != NULL;
  if (chain == NULL)
    report->activity_message = g_strdup (chain_error->message);
  else
    {
      /* Entries cut off the end leave a chain that verifies: the head says
       * where it should end, and remembers a gap an unlock found. */
      report->activity_message = compare_head (store, header, keys, chain->len, last_mac,
                                               &head, &cut_from, &cut_to);
      if (report->activity_message == NULL && head.cut_from > 0)
        report->activity_message = head.cut_to > 0
          ? g_strdup_printf (_("The activity log was found cut short when the vault was unlocked: entries %lld to %lld were missing."),
                             (long long) head.cut_from, (long long) head.cut_to)
          : g_strdup_printf (_("The activity log was found cut short when the vault was unlocked: entries from %lld on were missing."),
                             (long long) head.cut_from);
      report->activity_ok = report->activity_message == NULL;
      report->activity_entries = chain->len;
      for (guint i = 0; i < chain->len; i++)
        {
          HkActivityEntry *e = chain->pdata[i];
          if ((e->kind == HK_ACTIVITY_RECORD_CREATED || e->kind == HK_ACTIVITY_RECORD_CHANGED) && e->record_id)
            g_hash_table_insert (logged, g_strdup (e->record_id), GSIZE_TO_POINTER ((gsize) e->revision));
        }
    }

  stmt = _hk_store_prepare (store, "SELECT id, kind, revision, payload FROM records", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      HkRecordKind kind = sqlite3_column_int (stmt, 1);
      gint64 revision = sqlite3_column_int64 (stmt, 2);
      guint8 raw[HK_RECORD_ID_BYTES];
      g_autofree guint8 *plain = NULL;
      gsize len = 0;
      gpointer logged_rev;

      report->records_checked++;
      if (!_hk_id_to_raw (id, raw) ||
          (plain = _hk_open_record (keys, header->vault_id, kind, raw, revision,
                                    sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3), &len)) == NULL)
        add_failure (report, kind, id, revision,
                     g_strdup_printf (_("%s %s (revision %lld): failed authentication"),
                                      hk_record_kind_to_string (kind), id, (long long) revision));
      else if (chain && g_hash_table_lookup_extended (logged, id, NULL, &logged_rev) &&
               (gint64) GPOINTER_TO_SIZE (logged_rev) > revision)
        add_failure (report, kind, id, revision,
                     g_strdup_printf (_("%s %s: revision %lld was replaced by the older revision %lld"),
                                      hk_record_kind_to_string (kind), id,
                                      (long long) GPOINTER_TO_SIZE (logged_rev), (long long) revision));
      if (plain)
        sodium_memzero (plain, len);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hk_store_set_error (store, rc, error);
      goto fail;
    }

  stmt = _hk_store_prepare (store,
                            "SELECT r.record_id, k.kind, r.revision, r.payload FROM revisions r"
                            " JOIN records k ON k.id = r.record_id", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      HkRecordKind kind = sqlite3_column_int (stmt, 1);
      gint64 revision = sqlite3_column_int64 (stmt, 2);
      guint8 raw[HK_RECORD_ID_BYTES];
      g_autofree guint8 *plain = NULL;
      gsize len = 0;

      report->records_checked++;
      if (!_hk_id_to_raw (id, raw) ||
          (plain = _hk_open_record (keys, header->vault_id, kind, raw, revision,
                                    sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3), &len)) == NULL)
        add_failure (report, kind, id, revision,
                     g_strdup_printf (_("%s %s (earlier revision %lld): failed authentication"),
                                      hk_record_kind_to_string (kind), id, (long long) revision));
      if (plain)
        sodium_memzero (plain, len);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hk_store_set_error (store, rc, error);
      goto fail;
    }
  return report;

fail:
  hk_check_report_free (report);
  return NULL;
}

HkCheckReport *
hk_vault_check (HkVault  *self,
                GError  **error)
{
  HkCheckReport *report = NULL;

  g_return_val_if_fail (HK_IS_VAULT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    report = check_contents (self->store, &self->header, self->keys, error);
  g_rec_mutex_unlock (&self->mutex);
  return report;
}

/* ---- Backup and restore ---- */

static gboolean
copy_database (sqlite3  *dest,
               sqlite3  *src,
               int      *out_rc)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    {
      *out_rc = sqlite3_errcode (dest);
      return FALSE;
    }
  do
    rc = sqlite3_backup_step (backup, 256);
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  *out_rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
  return rc == SQLITE_DONE;
}

/* A backup killed half-way leaves its temporary copy: tidy those up. They
 * are as encrypted as the vault, so this is housekeeping, not secrecy. */
static void
remove_stale_partials (const char *dest_path)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *prefix = g_strconcat (base, ".partial-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
}

gboolean
hk_vault_backup (HkVault     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(GFile) dest_file = NULL;
  g_autoptr(GFile) vault_file = NULL;
  HkStore *copy = NULL;
  gboolean ok = FALSE;
  int rc = SQLITE_OK;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  dest_file = g_file_new_for_path (dest_path);
  vault_file = g_file_new_for_path (self->path);
  if (g_file_equal (dest_file, vault_file))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("A backup cannot replace the vault itself."));
      return FALSE;
    }
  dir = g_path_get_dirname (dest_path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("The folder %s does not exist."), dir);
      return FALSE;
    }
  suffix = _hk_id_new ();
  tmp = g_strdup_printf ("%s.partial-%.8s", dest_path, suffix);
  remove_stale_partials (dest_path);

  g_rec_mutex_lock (&self->mutex);
  if (self->store == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("The vault is closed."));
      goto out;
    }
  copy = _hk_store_open (tmp, TRUE, FALSE, error);
  if (copy == NULL)
    goto out;
  if (!copy_database (_hk_store_get_db (copy), _hk_store_get_db (self->store), &rc))
    {
      _hk_store_set_error (copy, rc, error);
      goto out;
    }
  /* One self-contained file: no WAL beside it. */
  if (!_hk_store_exec (copy, "PRAGMA journal_mode = DELETE", error))
    goto out;
  g_clear_pointer (&copy, _hk_store_close);
  if (!hk_platform_sync_path (tmp, FALSE, error))
    goto out;
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not write the backup: %s."), g_strerror (saved));
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  if (!hk_platform_sync_path (dir, TRUE, error))
    goto out;
  /* An export that is not in the activity log did not happen: take it back. */
  if (!log_event (self, HK_ACTIVITY_EXPORT, -1, NULL, 0, "backup", error))
    {
      g_remove (dest_path);
      goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&copy, _hk_store_close);
  if (tmp)
    {
      g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);
      g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);
      g_remove (tmp);
      g_remove (journal);
      g_remove (wal);
      g_remove (shm);
    }
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

/* Opens @backup_path read-only and checks all of it with the backup's own
 * passphrase: SQLite integrity, header, every record and revision, the
 * chain. Returns the still-open store only if everything passed. */
static HkStore *
open_checked_backup (const char      *backup_path,
                     const HkSecret  *passphrase,
                     GError         **error)
{
  HkStore *backup = NULL;
  HkHeader header;
  guint8 header_bytes[HK_HEADER_BYTES];
  guint8 slot[HK_WRAP_BYTES];
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) dek = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  HkKeys *keys = NULL;
  gboolean ok = FALSE;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no backup at %s."), backup_path);
      return NULL;
    }

  backup = _hk_store_open (backup_path, FALSE, TRUE, error);
  if (backup == NULL ||
      !_hk_store_check (backup, FALSE, NULL, error) ||
      !read_header (backup, &header, header_bytes, error) ||
      !read_slot (backup, "passphrase", slot, error))
    goto out;
  if (_hk_store_get_user_version (backup) > HK_SCHEMA_VERSION)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_TOO_NEW,
                   _("This backup was made by a newer version of Hearken. Update Hearken to restore it."));
      goto out;
    }
  kek = _hk_kek_from_passphrase (passphrase, &header, error);
  if (kek == NULL)
    goto out;
  dek = _hk_unwrap (kek, slot, sizeof slot, header_bytes);
  if (dek == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE,
                   _("That passphrase did not open the backup. Use the passphrase the vault had when the backup was made."));
      goto out;
    }
  keys = _hk_keys_new ((const guint8 *) hk_secret_get_data (dek));
  report = check_contents (backup, &header, keys, error);
  if (report == NULL)
    goto out;
  if (!hk_check_report_is_ok (report))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INTEGRITY,
                   _("The backup failed its check (%s). Nothing was restored."),
                   !report->sqlite_ok ? report->sqlite_message :
                   !report->activity_ok ? report->activity_message :
                   (const char *) report->record_failures->pdata[0]);
      goto out;
    }
  ok = TRUE;

out:
  _hk_keys_free (keys);
  if (!ok)
    g_clear_pointer (&backup, _hk_store_close);
  return backup;
}

/* After the pages are in: WAL again, migrations, the header re-read, and a
 * sealed "restored" event. Mutex held. */
static gboolean
finish_restore (HkVault  *self,
                GError  **error)
{
  if (!_hk_store_exec (self->store, "PRAGMA journal_mode = WAL", error) ||
      !_hk_store_migrate (self->store, HK_SCHEMA_VERSION, error) ||
      !read_header (self->store, &self->header, self->header_bytes, error))
    return FALSE;
  self->keeps_head = TRUE;
  g_free (self->id_hex);
  self->id_hex = _hk_hex (self->header.vault_id, HK_VAULT_ID_BYTES);
  log_sealed (self, HK_ACTIVITY_RESTORED, NULL, NULL);
  return TRUE;
}

gboolean
hk_vault_restore (HkVault         *self,
                  const char      *backup_path,
                  const HkSecret  *passphrase,
                  GError         **error)
{
  HkStore *backup;
  gboolean ok = FALSE;
  int rc = SQLITE_OK;

  g_return_val_if_fail (HK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Everything about the backup is checked before the vault is touched. */
  backup = open_checked_backup (backup_path, passphrase, error);
  if (backup == NULL)
    return FALSE;

  g_rec_mutex_lock (&self->mutex);
  if (self->store == NULL)
    g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("The vault is closed."));
  else
    {
      if (self->keys != NULL)
        {
          log_in_tx (self, HK_ACTIVITY_LOCK, -1, NULL, 0, NULL, NULL);
          wipe_unlocked_state (self);
          emit_later (self, SIGNAL_LOCKED, 0, NULL);
        }
      /* The copy is one transaction on the vault: it lands whole or not at all. */
      if (!copy_database (_hk_store_get_db (self->store), _hk_store_get_db (backup), &rc))
        _hk_store_set_error (self->store, rc, error);
      else
        ok = finish_restore (self, error);
    }
  g_rec_mutex_unlock (&self->mutex);
  _hk_store_close (backup);
  return ok;
}

HkVault *
hk_vault_restore_as_new (const char      *backup_path,
                         const char      *dest_path,
                         const HkSecret  *passphrase,
                         GError         **error)
{
  g_autoptr(HkVault) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *lock = NULL;
  HkStore *backup;
  gboolean ok = FALSE;
  int rc = SQLITE_OK;

  g_return_val_if_fail (backup_path != NULL, NULL);
  g_return_val_if_fail (dest_path != NULL, NULL);

  backup = open_checked_backup (backup_path, passphrase, error);
  if (backup == NULL)
    return NULL;

  dir = g_path_get_dirname (dest_path);
  self = vault_new (dest_path);
  lock = lock_path (dest_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not create the folder %s: %s."),
                   dir, g_strerror (saved));
    }
  else if ((self->file_lock = hk_platform_lock_file (lock, error)) == NULL)
    ;
  else if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                 _("Something already exists at %s; nothing was restored."), dest_path);
  else if ((self->store = _hk_store_open (dest_path, TRUE, FALSE, error)) != NULL)
    {
      if (!copy_database (_hk_store_get_db (self->store), _hk_store_get_db (backup), &rc))
        _hk_store_set_error (self->store, rc, error);
      else
        ok = finish_restore (self, error);
      if (!ok)
        {
          g_clear_pointer (&self->store, _hk_store_close);
          remove_vault_files (dest_path);
        }
    }
  _hk_store_close (backup);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* ---- The worker thread ---- */

static void
worker_func (gpointer data,
             gpointer user_data)
{
  g_autoptr(GTask) task = data;
  GTaskThreadFunc func = g_object_get_data (G_OBJECT (task), "hk-job");

  g_private_set (&running_worker, user_data);
  if (!g_task_return_error_if_cancelled (task))
    func (task, g_task_get_source_object (task), g_task_get_task_data (task),
          g_task_get_cancellable (task));
  /* Dropping the task may finalise the vault, here on its own worker. */
  g_clear_object (&task);
  g_private_set (&running_worker, NULL);
}

void
_hk_vault_queue (HkVault *self,
                 GTask   *task)
{
  g_thread_pool_push (self->worker, g_object_ref (task), NULL);
}

void
_hk_vault_queue_job (HkVault         *self,
                     GTask           *task,
                     GTaskThreadFunc  func)
{
  g_object_set_data (G_OBJECT (task), "hk-job", func);
  _hk_vault_queue (self, task);
}
