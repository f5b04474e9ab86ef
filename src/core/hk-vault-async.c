/* hk-vault-async.c: GTask wrappers that run the vault's blocking calls on its
 * worker thread, in the order they were asked for.
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hk-vault-private.h"

/* GVariant arguments are held here with their own (sunk) reference and
 * passed on borrowed: the synchronous calls sink and release their own. */
typedef struct
{
  HkRecordKind  kind;
  char         *id;
  char         *parent_id;
  char         *path;
  gint64        revision;
  GVariant     *fields;
  HkSecret     *secret;
  HkSecret     *secret2;
  HkKdfProfile  profile;
  HkVaultFlags  flags;
  /* results beyond the task's own */
  HkSecret     *recovery;
  HkRecord     *kase;
  HkRecord     *person;
  GPtrArray    *notes;
} Args;

static void
args_free (gpointer data)
{
  Args *a = data;

  g_free (a->id);
  g_free (a->parent_id);
  g_free (a->path);
  g_clear_pointer (&a->fields, g_variant_unref);
  g_clear_pointer (&a->secret, hk_secret_free);
  g_clear_pointer (&a->secret2, hk_secret_free);
  g_clear_pointer (&a->recovery, hk_secret_free);
  g_clear_object (&a->kase);
  g_clear_object (&a->person);
  g_clear_pointer (&a->notes, g_ptr_array_unref);
  g_free (a);
}

static Args *
args_new (void)
{
  return g_new0 (Args, 1);
}

static GTask *
new_task (HkVault             *self,
          gpointer             source_tag,
          Args                *args,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, args, args_free);
  return task;
}

static void
queue (HkVault             *self,
       gpointer             source_tag,
       Args                *args,
       GTaskThreadFunc      func,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (self, source_tag, args, cancellable, callback, user_data);
  _hk_vault_queue_job (self, task, func);
}

static void
return_bool (GTask    *task,
             gboolean  ok,
             GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
return_pointer (GTask          *task,
                gpointer        result,
                GDestroyNotify  destroy,
                GError         *error)
{
  if (result != NULL)
    g_task_return_pointer (task, result, destroy);
  else
    g_task_return_error (task, error);
}

/* ---- create / open: no vault yet, so the shared pool ---- */

static void
create_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  HkVault *vault = hk_vault_create (a->path, a->secret, a->profile, a->flags,
                                    a->id /* owner name */, &a->recovery, &error);
  return_pointer (task, vault, g_object_unref, error);
}

void
hk_vault_create_async (const char          *path,
                       const HkSecret      *passphrase,
                       HkKdfProfile         profile,
                       HkVaultFlags         flags,
                       const char          *owner_name,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Args *a = args_new ();

  a->path = g_strdup (path);
  a->secret = hk_secret_copy (passphrase);
  a->profile = profile;
  a->flags = flags;
  a->id = g_strdup (owner_name);
  g_task_set_source_tag (task, hk_vault_create_async);
  g_task_set_task_data (task, a, args_free);
  g_task_run_in_thread (task, create_thread);
}

HkVault *
hk_vault_create_finish (GAsyncResult  *result,
                        HkSecret     **out_recovery_key,
                        GError       **error)
{
  HkVault *vault = g_task_propagate_pointer (G_TASK (result), error);
  Args *a = g_task_get_task_data (G_TASK (result));

  if (vault && out_recovery_key)
    *out_recovery_key = g_steal_pointer (&a->recovery);
  return vault;
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  HkVault *vault = hk_vault_open (a->path, &error);
  return_pointer (task, vault, g_object_unref, error);
}

void
hk_vault_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Args *a = args_new ();

  a->path = g_strdup (path);
  g_task_set_source_tag (task, hk_vault_open_async);
  g_task_set_task_data (task, a, args_free);
  g_task_run_in_thread (task, open_thread);
}

HkVault *
hk_vault_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- unlock, recover, passphrase ---- */

static void
index_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  /* Warms the search index so the first keystroke in the search box is fast. */
  hk_vault_build_search_index (source, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
start_index_build (HkVault *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);
  g_task_run_in_thread (task, index_thread);
}

static void
unlock_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_unlock (source, a->secret, NULL, &error);

  if (ok)
    start_index_build (source);
  return_bool (task, ok, error);
}

void
hk_vault_unlock_async (HkVault             *self,
                       const HkSecret      *passphrase,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->secret = hk_secret_copy (passphrase);
  queue (self, hk_vault_unlock_async, a, unlock_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_unlock_finish (HkVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
recover_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_recover (source, a->secret, a->secret2, &error);

  if (ok)
    start_index_build (source);
  return_bool (task, ok, error);
}

void
hk_vault_recover_async (HkVault             *self,
                        const HkSecret      *recovery_key,
                        const HkSecret      *new_passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->secret = hk_secret_copy (recovery_key);
  a->secret2 = hk_secret_copy (new_passphrase);
  queue (self, hk_vault_recover_async, a, recover_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_recover_finish (HkVault       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
passphrase_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_change_passphrase (source, a->secret, a->secret2, &error);
  return_bool (task, ok, error);
}

void
hk_vault_change_passphrase_async (HkVault             *self,
                                  const HkSecret      *current,
                                  const HkSecret      *new_passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->secret = hk_secret_copy (current);
  a->secret2 = hk_secret_copy (new_passphrase);
  queue (self, hk_vault_change_passphrase_async, a, passphrase_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_change_passphrase_finish (HkVault       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lock_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  hk_vault_lock (source);
  g_task_return_boolean (task, TRUE);
}

void
hk_vault_lock_async (HkVault             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (HK_IS_VAULT (self));
  /* Never cancelled: a lock that was asked for must happen. */
  queue (self, hk_vault_lock_async, args_new (), lock_thread, NULL, callback, user_data);
}

gboolean
hk_vault_lock_finish (HkVault       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
close_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  hk_vault_close (source);
  g_task_return_boolean (task, TRUE);
}

void
hk_vault_close_async (HkVault             *self,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (HK_IS_VAULT (self));
  queue (self, hk_vault_close_async, args_new (), close_thread, NULL, callback, user_data);
}

gboolean
hk_vault_close_finish (HkVault       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- records ---- */

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  HkRecord *record = hk_vault_save (source, a->kind, a->id, a->parent_id, a->revision,
                                    a->fields, &error);
  return_pointer (task, record, g_object_unref, error);
}

void
hk_vault_save_async (HkVault             *self,
                     HkRecordKind         kind,
                     const char          *id,
                     const char          *parent_id,
                     gint64               base_revision,
                     GVariant            *fields,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->kind = kind;
  a->id = g_strdup (id);
  a->parent_id = g_strdup (parent_id);
  a->revision = base_revision;
  a->fields = g_variant_ref_sink (fields);
  queue (self, hk_vault_save_async, a, save_thread, cancellable, callback, user_data);
}

HkRecord *
hk_vault_save_finish (HkVault       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_case_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  HkRecord *record = hk_vault_open_case (source, a->parent_id,
                                         a->fields, &error);
  return_pointer (task, record, g_object_unref, error);
}

void
hk_vault_open_case_async (HkVault             *self,
                          const char          *person_id,
                          GVariant            *extra_fields,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->parent_id = g_strdup (person_id);
  a->fields = extra_fields ? g_variant_ref_sink (extra_fields) : NULL;
  queue (self, hk_vault_open_case_async, a, open_case_thread, cancellable, callback, user_data);
}

HkRecord *
hk_vault_open_case_finish (HkVault       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_cases_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *cases = hk_vault_list_cases (source, &error);
  return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_list_cases_async (HkVault             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HK_IS_VAULT (self));
  queue (self, hk_vault_list_cases_async, args_new (), list_cases_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_list_cases_finish (HkVault       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GPtrArray *records = hk_vault_list (source, a->kind, a->parent_id, NULL, &error);
  return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_list_async (HkVault             *self,
                     HkRecordKind         kind,
                     const char          *parent_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->kind = kind;
  a->parent_id = g_strdup (parent_id);
  queue (self, hk_vault_list_async, a, list_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_list_finish (HkVault       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_case_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_load_case (source, a->id, &a->kase, &a->person, &a->notes, &error);
  return_bool (task, ok, error);
}

void
hk_vault_load_case_async (HkVault             *self,
                          const char          *case_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (case_id);
  queue (self, hk_vault_load_case_async, a, load_case_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_load_case_finish (HkVault       *self,
                           GAsyncResult  *result,
                           HkRecord     **out_case,
                           HkRecord     **out_person,
                           GPtrArray    **out_notes,
                           GError       **error)
{
  Args *a = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (out_case)
    *out_case = g_steal_pointer (&a->kase);
  if (out_person)
    *out_person = g_steal_pointer (&a->person);
  if (out_notes)
    *out_notes = g_steal_pointer (&a->notes);
  return TRUE;
}

static void
revisions_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GPtrArray *revisions = hk_vault_list_revisions (source, a->id, &error);
  return_pointer (task, revisions, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_list_revisions_async (HkVault             *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (id);
  queue (self, hk_vault_list_revisions_async, a, revisions_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_list_revisions_finish (HkVault       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
search_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GHashTable *result = hk_vault_search (source, a->id /* query */, &error);
  return_pointer (task, result, (GDestroyNotify) g_hash_table_unref, error);
}

void
hk_vault_search_async (HkVault             *self,
                       const char          *query,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (query);
  queue (self, hk_vault_search_async, a, search_thread, cancellable, callback, user_data);
}

GHashTable *
hk_vault_search_finish (HkVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- drafts ---- */

static void
save_draft_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_save_draft (source, a->id, a->fields, &error);
  return_bool (task, ok, error);
}

void
hk_vault_save_draft_async (HkVault             *self,
                           const char          *key,
                           GVariant            *fields,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (key);
  a->fields = g_variant_ref_sink (fields);
  queue (self, hk_vault_save_draft_async, a, save_draft_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_save_draft_finish (HkVault       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_draft_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GVariant *fields = hk_vault_load_draft (source, a->id, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fields, (GDestroyNotify) g_variant_unref);
}

void
hk_vault_load_draft_async (HkVault             *self,
                           const char          *key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (key);
  queue (self, hk_vault_load_draft_async, a, load_draft_thread, cancellable, callback, user_data);
}

GVariant *
hk_vault_load_draft_finish (HkVault       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
discard_draft_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_discard_draft (source, a->id, &error);
  return_bool (task, ok, error);
}

void
hk_vault_discard_draft_async (HkVault             *self,
                              const char          *key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (key);
  queue (self, hk_vault_discard_draft_async, a, discard_draft_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_discard_draft_finish (HkVault       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- backup, restore, activity ---- */

static void
backup_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_backup (source, a->path, &error);
  return_bool (task, ok, error);
}

void
hk_vault_backup_async (HkVault             *self,
                       const char          *dest_path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->path = g_strdup (dest_path);
  queue (self, hk_vault_backup_async, a, backup_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_backup_finish (HkVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  gboolean ok = hk_vault_restore (source, a->path, a->secret, &error);
  return_bool (task, ok, error);
}

void
hk_vault_restore_async (HkVault             *self,
                        const char          *backup_path,
                        const HkSecret      *passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->path = g_strdup (backup_path);
  a->secret = hk_secret_copy (passphrase);
  queue (self, hk_vault_restore_async, a, restore_thread, cancellable, callback, user_data);
}

gboolean
hk_vault_restore_finish (HkVault       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
activity_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = hk_vault_read_activity (source, &error);
  return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_read_activity_async (HkVault             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HK_IS_VAULT (self));
  queue (self, hk_vault_read_activity_async, args_new (), activity_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_read_activity_finish (HkVault       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- casework ---- */

static void
case_records_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GPtrArray *records = hk_vault_list_case_records (source, a->id, &error);
  return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_list_case_records_async (HkVault             *self,
                                  const char          *case_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (case_id);
  queue (self, hk_vault_list_case_records_async, a, case_records_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_list_case_records_finish (HkVault       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
prompts_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  GPtrArray *prompts = hk_vault_case_prompts (source, a->id, &error);
  return_pointer (task, prompts, (GDestroyNotify) g_ptr_array_unref, error);
}

void
hk_vault_case_prompts_async (HkVault             *self,
                             const char          *case_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (case_id);
  queue (self, hk_vault_case_prompts_async, a, prompts_thread, cancellable, callback, user_data);
}

GPtrArray *
hk_vault_case_prompts_finish (HkVault       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
close_case_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;
  HkRecord *record = hk_vault_close_case (source, a->id, a->path /* closed_on */,
                                          a->parent_id /* reason */, &error);
  return_pointer (task, record, g_object_unref, error);
}

void
hk_vault_close_case_async (HkVault             *self,
                           const char          *case_id,
                           const char          *closed_on,
                           const char          *override_reason,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (HK_IS_VAULT (self));
  a->id = g_strdup (case_id);
  a->path = g_strdup (closed_on);
  a->parent_id = g_strdup (override_reason);
  queue (self, hk_vault_close_case_async, a, close_case_thread, cancellable, callback, user_data);
}

HkRecord *
hk_vault_close_case_finish (HkVault       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
case_status_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GHashTable *status = hk_vault_list_case_status (source, &error);
  return_pointer (task, status, (GDestroyNotify) g_hash_table_unref, error);
}

void
hk_vault_list_case_status_async (HkVault             *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HK_IS_VAULT (self));
  queue (self, hk_vault_list_case_status_async, args_new (), case_status_thread, cancellable, callback, user_data);
}

GHashTable *
hk_vault_list_case_status_finish (HkVault       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
