/* hk-vault.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hk-record.h"
#include "hk-secret.h"
#include "hk-activity.h"
#include "hk-prompts.h"
#include "hk-case-summary.h"

G_BEGIN_DECLS

/**
 * HkKdfProfile:
 * @HK_KDF_PROFILE_MODERATE: Argon2id at libsodium MODERATE (the default)
 * @HK_KDF_PROFILE_SENSITIVE: Argon2id at libsodium SENSITIVE
 * @HK_KDF_PROFILE_TEST_WEAK: Argon2id at the minimum: tests and benchmarks only.
 *   Recorded in the header, refused unless the caller passes it explicitly.
 */
typedef enum {
  HK_KDF_PROFILE_MODERATE  = 0,
  HK_KDF_PROFILE_SENSITIVE = 1,
  HK_KDF_PROFILE_TEST_WEAK = 2,
} HkKdfProfile;

typedef enum {
  HK_VAULT_FLAG_NONE = 0,
  HK_VAULT_FLAG_DEMO = 1 << 0,  /* filled with synthetic records; the UI marks it DEMO */
  /* The sealed chain head is kept and must be present (set by Hearken itself
   * at creation or at the first unlock after the upgrade; not for callers). */
  HK_VAULT_FLAG_CHAIN_HEAD = 1 << 1,
} HkVaultFlags;

/**
 * HkVault:
 *
 * One encrypted vault: a SQLite file plus its key material.
 *
 * Every synchronous method is thread-safe (an internal mutex serialises the
 * connection) and may block on disk or on Argon2id, so GUI code calls the
 * _async variants, which run the same code in a worker thread. Signals and
 * property notifications are always emitted in the main context of the thread
 * that opened the vault.
 *
 * A vault is open (file locked against other processes) from hk_vault_open()
 * or hk_vault_create() until it is finalised or hk_vault_close() is called,
 * and unlocked (keys in memory) between hk_vault_unlock() and hk_vault_lock().
 */
#define HK_TYPE_VAULT (hk_vault_get_type ())
G_DECLARE_FINAL_TYPE (HkVault, hk_vault, HK, VAULT, GObject)

/* The default vault path: $XDG_DATA_HOME/hearken/vault.hearken */
char         *hk_vault_get_default_path     (void);
gboolean      hk_vault_exists               (const char    *path);

/* Creates a new vault and leaves it unlocked. @out_recovery_key receives the
 * recovery key as grouped text ("ABCDE-FGHIJ-…"), to be shown once. */
HkVault      *hk_vault_create               (const char    *path,
                                             const HkSecret *passphrase,
                                             HkKdfProfile   profile,
                                             HkVaultFlags   flags,
                                             const char    *owner_name,
                                             HkSecret     **out_recovery_key,
                                             GError       **error);
/* Opens a vault file locked; takes the single-writer lock and runs migrations
 * that need no keys. Fails with HK_ERROR_BUSY if it is open elsewhere. */
HkVault      *hk_vault_open                 (const char    *path,
                                             GError       **error);
void          hk_vault_close                (HkVault       *self);

const char   *hk_vault_get_path             (HkVault       *self);
const char   *hk_vault_get_id               (HkVault       *self);  /* hex */
HkVaultFlags  hk_vault_get_flags            (HkVault       *self);
/* Unlocked: TRUE if an unlock found entries cut off the end of the activity
 * log (a sign of tampering; `check` reports it too), with the missing range
 * (@out_to is 0 when the end is unknown). */
gboolean      hk_vault_get_log_cut          (HkVault       *self,
                                             gint64        *out_from,
                                             gint64        *out_to);
HkKdfProfile  hk_vault_get_kdf_profile      (HkVault       *self);
gboolean      hk_vault_is_locked            (HkVault       *self);
int           hk_vault_get_schema_version   (HkVault       *self);
/* The vault owner's display name (recorded as author of changes); NULL while locked. */
const char   *hk_vault_get_owner_name       (HkVault       *self);

/* Unlock: Argon2id + unwrap. A wrong passphrase fails with
 * HK_ERROR_WRONG_PASSPHRASE, logs a sealed "failed unlock" event and changes
 * nothing else. @out_kdf_usec (optional) receives the time spent in Argon2id. */
gboolean      hk_vault_unlock               (HkVault       *self,
                                             const HkSecret *passphrase,
                                             gint64        *out_kdf_usec,
                                             GError       **error);
/* Unlocks with the recovery key and sets @new_passphrase. */
gboolean      hk_vault_recover              (HkVault       *self,
                                             const HkSecret *recovery_key,
                                             const HkSecret *new_passphrase,
                                             GError       **error);
/* Wipes every key, checkpoints the WAL and emits ::locked. */
void          hk_vault_lock                 (HkVault       *self);
/* Re-wraps the data key; data is not re-encrypted. */
gboolean      hk_vault_change_passphrase    (HkVault       *self,
                                             const HkSecret *current,
                                             const HkSecret *new_passphrase,
                                             GError       **error);

/* ---- Records ---- */

/**
 * hk_vault_save:
 * @id: (nullable): the record to change, or NULL to create one
 * @parent_id: (nullable): the parent link (a case's person, a note's case)
 * @base_revision: the revision the change was made from; 0 for a new record.
 *   A mismatch fails with HK_ERROR_CONFLICT.
 * @fields: a{sv}; validated with hk_record_validate()
 *
 * Saves a new revision in one transaction (previous revision kept, activity
 * logged). Returns the saved record.
 */
HkRecord     *hk_vault_save                 (HkVault       *self,
                                             HkRecordKind   kind,
                                             const char    *id,
                                             const char    *parent_id,
                                             gint64         base_revision,
                                             GVariant      *fields,
                                             GError       **error);
HkRecord     *hk_vault_load                 (HkVault       *self,
                                             const char    *id,
                                             GError       **error);
/* All records of @kind (optionally with @parent_id), current revisions. Records
 * that fail authentication are skipped and reported in @out_failures
 * (optional; array of char* "kind id" descriptions). */
GPtrArray    *hk_vault_list                 (HkVault       *self,
                                             HkRecordKind   kind,
                                             const char    *parent_id,
                                             GPtrArray    **out_failures,
                                             GError       **error);
/* Every earlier revision of a record, oldest first (read-only history). */
GPtrArray    *hk_vault_list_revisions       (HkVault       *self,
                                             const char    *id,
                                             GError       **error);

/* Groups many saves into one transaction (bulk import, demo data). The calling
 * thread holds the vault until commit or rollback; saves inside join it. */
gboolean      hk_vault_begin_batch          (HkVault       *self,
                                             GError       **error);
gboolean      hk_vault_commit_batch         (HkVault       *self,
                                             GError       **error);
void          hk_vault_rollback_batch       (HkVault       *self);

/* ---- Cases (convenience over records, used by list views and the CLI) ---- */

/* Opens a case for @person_id with today's date, status "open". */
HkRecord     *hk_vault_open_case            (HkVault       *self,
                                             const char    *person_id,
                                             GVariant      *extra_fields,
                                             GError       **error);
/* Summaries of every case, for the case list (see HkCaseSummary). */
GPtrArray    *hk_vault_list_cases           (HkVault       *self,
                                             GError       **error);
/* The case, its person and its notes (newest first); logs "case viewed". */
gboolean      hk_vault_load_case            (HkVault       *self,
                                             const char    *case_id,
                                             HkRecord     **out_case,
                                             HkRecord     **out_person,
                                             GPtrArray    **out_notes,
                                             GError       **error);

/* Every record belonging to the case (notes, concerns, enquiries and their
 * risks, conversations, outcomes, capacity, best interests, advocacy,
 * actions): current revisions, in no particular order. */
GPtrArray    *hk_vault_list_case_records    (HkVault       *self,
                                             const char    *case_id,
                                             GError       **error);
/* Stage and prompt counts of every case: case id (char*) → HkCaseStatus*
 * (g_free'd). Decrypts every casework record except notes, so the GUI asks
 * for it after the list is shown and fills in hk_case_summary_set_status(). */
GHashTable   *hk_vault_list_case_status     (HkVault       *self,
                                             GError       **error);
void          hk_vault_list_case_status_async (HkVault     *self,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GHashTable   *hk_vault_list_case_status_finish (HkVault    *self,
                                             GAsyncResult  *result,
                                             GError       **error);
/* The practice prompts of a case today (HkPrompt*, most severe first). */
GPtrArray    *hk_vault_case_prompts         (HkVault       *self,
                                             const char    *case_id,
                                             GError       **error);
/**
 * hk_vault_close_case:
 * @closed_on: (nullable): "YYYY-MM-DD"; NULL for today
 * @override_reason: (nullable): why the case closes with blocking prompts
 *
 * Closes the case. If prompts that block closing are outstanding and no
 * reason is given, fails with HK_ERROR_INVALID listing them; with a reason,
 * the reason is recorded on the case.
 */
HkRecord     *hk_vault_close_case           (HkVault       *self,
                                             const char    *case_id,
                                             const char    *closed_on,
                                             const char    *override_reason,
                                             GError       **error);

/* ---- Search: an index kept only in memory, built after unlock ---- */

/* Case ids (a set: keys and values are the same char*) matching every word of
 * @query as a prefix, in people, cases or note text. */
GHashTable   *hk_vault_search               (HkVault       *self,
                                             const char    *query,
                                             GError       **error);
/* Builds the index now if it is not built yet (search does this on demand). */
gboolean      hk_vault_build_search_index   (HkVault       *self,
                                             GError       **error);

/* ---- Drafts: encrypted autosave of editors ---- */

/* @key names the editor, e.g. "note-new:<case id>" or "note:<note id>". */
gboolean      hk_vault_save_draft           (HkVault       *self,
                                             const char    *key,
                                             GVariant      *fields,
                                             GError       **error);
/* Returns a new reference to the draft's a{sv} fields, or NULL (no error) if none. */
GVariant     *hk_vault_load_draft           (HkVault       *self,
                                             const char    *key,
                                             GError       **error);
gboolean      hk_vault_discard_draft        (HkVault       *self,
                                             const char    *key,
                                             GError       **error);
/* Keys of every stored draft (char*). */
GPtrArray    *hk_vault_list_drafts          (HkVault       *self,
                                             GError       **error);

/* ---- Activity log: append-only, encrypted, hash-chained ---- */

gboolean      hk_vault_log                  (HkVault       *self,
                                             HkActivityKind kind,
                                             const char    *record_id,
                                             const char    *detail,
                                             GError       **error);
/* Every entry, oldest first (HkActivityEntry*). Fails with HK_ERROR_INTEGRITY
 * if the chain is broken. */
GPtrArray    *hk_vault_read_activity        (HkVault       *self,
                                             GError       **error);

/* ---- Check, backup, restore ---- */

/* One record revision that failed a check. */
typedef struct {
  HkRecordKind  kind;
  char         *id;
  gint64        revision;
  char         *message;          /* translated sentence, as in record_failures */
} HkRecordFailure;

typedef struct {
  gboolean   sqlite_ok;
  char      *sqlite_message;      /* first integrity_check line if not ok */
  guint      records_checked;
  GPtrArray *record_failures;     /* char*: "note 1f…a2 revision 3: failed authentication" */
  GPtrArray *failures;            /* HkRecordFailure*, the same entries in the same order */
  guint      activity_entries;
  gboolean   activity_ok;
  char      *activity_message;
} HkCheckReport;

void          hk_check_report_free          (HkCheckReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkCheckReport, hk_check_report_free)
gboolean      hk_check_report_is_ok         (const HkCheckReport *report);

/* SQLite integrity, every record and revision authenticates, chain intact. Needs
 * an unlocked vault. Returns FALSE only if the check could not run. */
HkCheckReport *hk_vault_check               (HkVault       *self,
                                             GError       **error);
/* A consistent copy via the SQLite online backup API, written to a temporary
 * file beside @dest_path, synced and renamed into place. */
gboolean      hk_vault_backup               (HkVault       *self,
                                             const char    *dest_path,
                                             GError       **error);
/* Opens @backup_path, unlocks it with @passphrase, checks it completely, and only
 * then replaces this vault's contents with it. Leaves the vault locked. */
gboolean      hk_vault_restore              (HkVault       *self,
                                             const char    *backup_path,
                                             const HkSecret *passphrase,
                                             GError       **error);

/* Restores where there is no vault yet: checks @backup_path completely, then
 * copies it to @dest_path (which must not exist). Returns the new vault, open
 * and locked. */
HkVault      *hk_vault_restore_as_new       (const char    *backup_path,
                                             const char    *dest_path,
                                             const HkSecret *passphrase,
                                             GError       **error);

/* ---- Async variants for the GUI: each runs the sync call in a worker thread ---- */

void          hk_vault_create_async         (const char    *path,
                                             const HkSecret *passphrase,
                                             HkKdfProfile   profile,
                                             HkVaultFlags   flags,
                                             const char    *owner_name,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
HkVault      *hk_vault_create_finish        (GAsyncResult  *result,
                                             HkSecret     **out_recovery_key,
                                             GError       **error);
void          hk_vault_open_async           (const char    *path,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
HkVault      *hk_vault_open_finish          (GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_unlock_async         (HkVault       *self,
                                             const HkSecret *passphrase,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_unlock_finish        (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_recover_async        (HkVault       *self,
                                             const HkSecret *recovery_key,
                                             const HkSecret *new_passphrase,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_recover_finish       (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_change_passphrase_async (HkVault    *self,
                                             const HkSecret *current,
                                             const HkSecret *new_passphrase,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_change_passphrase_finish (HkVault   *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_save_async           (HkVault       *self,
                                             HkRecordKind   kind,
                                             const char    *id,
                                             const char    *parent_id,
                                             gint64         base_revision,
                                             GVariant      *fields,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
HkRecord     *hk_vault_save_finish          (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_open_case_async      (HkVault       *self,
                                             const char    *person_id,
                                             GVariant      *extra_fields,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
HkRecord     *hk_vault_open_case_finish     (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_list_cases_async     (HkVault       *self,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_list_cases_finish    (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_list_async           (HkVault       *self,
                                             HkRecordKind   kind,
                                             const char    *parent_id,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_list_finish          (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_load_case_async      (HkVault       *self,
                                             const char    *case_id,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_load_case_finish     (HkVault       *self,
                                             GAsyncResult  *result,
                                             HkRecord     **out_case,
                                             HkRecord     **out_person,
                                             GPtrArray    **out_notes,
                                             GError       **error);
void          hk_vault_list_revisions_async (HkVault       *self,
                                             const char    *id,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_list_revisions_finish (HkVault      *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_search_async         (HkVault       *self,
                                             const char    *query,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GHashTable   *hk_vault_search_finish        (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_save_draft_async     (HkVault       *self,
                                             const char    *key,
                                             GVariant      *fields,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_save_draft_finish    (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_load_draft_async     (HkVault       *self,
                                             const char    *key,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
/* Returns NULL without an error when there is no draft. */
GVariant     *hk_vault_load_draft_finish    (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_discard_draft_async  (HkVault       *self,
                                             const char    *key,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_discard_draft_finish (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_backup_async         (HkVault       *self,
                                             const char    *dest_path,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_backup_finish        (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_restore_async        (HkVault       *self,
                                             const char    *backup_path,
                                             const HkSecret *passphrase,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_restore_finish       (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_read_activity_async  (HkVault       *self,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_read_activity_finish (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_list_case_records_async (HkVault    *self,
                                             const char    *case_id,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_list_case_records_finish (HkVault   *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_case_prompts_async   (HkVault       *self,
                                             const char    *case_id,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray    *hk_vault_case_prompts_finish  (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          hk_vault_close_case_async     (HkVault       *self,
                                             const char    *case_id,
                                             const char    *closed_on,
                                             const char    *override_reason,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
HkRecord     *hk_vault_close_case_finish    (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
/* Locks on the worker thread, after every job already queued (so queued
 * draft saves land first); the checkpoint makes it worth doing off the main
 * thread. ::locked is emitted when the keys are gone. */
void          hk_vault_lock_async           (HkVault       *self,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_lock_finish          (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
/* Locks and closes on the worker thread, after every job already queued, so
 * the file lock is free when the callback runs; background work (such as the
 * search-index warm-up) may still hold a reference, so dropping the last
 * reference is not a reliable way to let go of a vault. */
void          hk_vault_close_async          (HkVault       *self,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean      hk_vault_close_finish         (HkVault       *self,
                                             GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
