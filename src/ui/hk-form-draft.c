/* hk-form-draft.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hk-form-draft.h"

typedef enum {
  OP_SAVE,
  OP_LOAD,
  OP_DISCARD,
  OP_BARRIER,  /* completes once everything queued before it has run */
} OpKind;

typedef struct {
  OpKind    kind;
  GVariant *payload;
} Op;

struct _HkFormDraft
{
  GObject       parent_instance;

  HkVault      *vault;
  char         *key;
  GVariant     *context;
  HkFormFields *form;
  gulong        changed_id;
  guint         delay_ms;
  guint         timeout_id;
  gboolean      dirty;
  gboolean      stored;   /* a draft is (or is about to be) in the vault */

  GQueue        queue;    /* GTask* waiting to run */
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (HkFormDraft, hk_form_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_next (HkFormDraft *self);

static void
op_free (Op *op)
{
  g_clear_pointer (&op->payload, g_variant_unref);
  g_free (op);
}

static void
op_done (HkFormDraft *self)
{
  self->running = FALSE;
  run_next (self);
}

static void
save_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HkFormDraft *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!hk_vault_save_draft_finish (HK_VAULT (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  op_done (self);
}

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HkFormDraft *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) payload = NULL;

  payload = hk_vault_load_draft_finish (HK_VAULT (object), result, &error);
  if (payload)
    self->stored = TRUE;
  if (error)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (payload && !g_variant_is_of_type (payload, G_VARIANT_TYPE_VARDICT))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_steal_pointer (&payload), (GDestroyNotify) g_variant_unref);
  op_done (self);
}

static void
discard_draft_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HkFormDraft *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!hk_vault_discard_draft_finish (HK_VAULT (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  op_done (self);
}

static void
run_next (HkFormDraft *self)
{
  GTask *task;
  Op *op;

  if (self->running)
    return;
  task = g_queue_pop_head (&self->queue);
  if (task == NULL)
    return;

  self->running = TRUE;
  op = g_task_get_task_data (task);
  switch (op->kind)
    {
    case OP_SAVE:
      hk_vault_save_draft_async (self->vault, self->key, op->payload,
                                 g_task_get_cancellable (task), save_draft_cb, task);
      break;
    case OP_LOAD:
      hk_vault_load_draft_async (self->vault, self->key,
                                 g_task_get_cancellable (task), load_draft_cb, task);
      break;
    case OP_DISCARD:
      hk_vault_discard_draft_async (self->vault, self->key,
                                    g_task_get_cancellable (task), discard_draft_cb, task);
      break;
    case OP_BARRIER:
    default:
      g_task_return_boolean (task, TRUE);
      /* The task keeps self alive until the queue has moved on. */
      op_done (self);
      g_object_unref (task);
      break;
    }
}

static void
enqueue (HkFormDraft         *self,
         OpKind               kind,
         GVariant            *payload,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->payload = payload ? g_variant_ref_sink (payload) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_queue_push_tail (&self->queue, task);
  run_next (self);
}

static GVariant *
build_payload (HkFormDraft *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (self->context);

  g_variant_dict_insert_value (&dict, "form", hk_form_fields_get_raw (self->form));
  g_variant_dict_insert (&dict, "saved-at", "x", g_get_real_time ());
  return g_variant_dict_end (&dict);
}

static gboolean
autosave_cb (gpointer user_data)
{
  HkFormDraft *self = user_data;

  self->timeout_id = 0;
  hk_form_draft_flush_async (self, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_form_changed_cb (HkFormDraft *self)
{
  hk_form_draft_set_dirty (self, TRUE);
  /* Restarting the timer on each change saves after a pause in typing. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, autosave_cb, self);
}

static void
hk_form_draft_dispose (GObject *object)
{
  HkFormDraft *self = (HkFormDraft *)object;

  hk_form_draft_watch (self, NULL);

  G_OBJECT_CLASS (hk_form_draft_parent_class)->dispose (object);
}

static void
hk_form_draft_finalize (GObject *object)
{
  HkFormDraft *self = (HkFormDraft *)object;

  g_assert (g_queue_is_empty (&self->queue));
  g_clear_object (&self->vault);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->context, g_variant_unref);

  G_OBJECT_CLASS (hk_form_draft_parent_class)->finalize (object);
}

static void
hk_form_draft_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HkFormDraft *self = HK_FORM_DRAFT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_form_draft_class_init (HkFormDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hk_form_draft_dispose;
  object_class->finalize = hk_form_draft_finalize;
  object_class->get_property = hk_form_draft_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hk_form_draft_init (HkFormDraft *self)
{
  g_queue_init (&self->queue);
  self->delay_ms = HK_FORM_DRAFT_DEFAULT_DELAY_MS;
}

HkFormDraft *
hk_form_draft_new (HkVault    *vault,
                   const char *key)
{
  HkFormDraft *self;

  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (HK_TYPE_FORM_DRAFT, NULL);
  self->vault = g_object_ref (vault);
  self->key = g_strdup (key);
  return self;
}

const char *
hk_form_draft_get_key (HkFormDraft *self)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), NULL);

  return self->key;
}

HkVault *
hk_form_draft_get_vault (HkFormDraft *self)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), NULL);

  return self->vault;
}

gboolean
hk_form_draft_get_dirty (HkFormDraft *self)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), FALSE);

  return self->dirty;
}

void
hk_form_draft_set_dirty (HkFormDraft *self,
                         gboolean     dirty)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));

  dirty = !!dirty;
  if (!dirty)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

gboolean
hk_form_draft_get_stored (HkFormDraft *self)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), FALSE);

  return self->stored;
}

guint
hk_form_draft_get_delay (HkFormDraft *self)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), 0);

  return self->delay_ms;
}

void
hk_form_draft_set_delay (HkFormDraft *self,
                         guint        delay_ms)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));

  self->delay_ms = delay_ms;
}

void
hk_form_draft_set_context (HkFormDraft *self,
                           GVariant    *context)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));
  g_return_if_fail (context == NULL || g_variant_is_of_type (context, G_VARIANT_TYPE_VARDICT));

  g_clear_pointer (&self->context, g_variant_unref);
  if (context)
    self->context = g_variant_ref_sink (context);
}

void
hk_form_draft_watch (HkFormDraft  *self,
                     HkFormFields *form)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));
  g_return_if_fail (form == NULL || HK_IS_FORM_FIELDS (form));

  if (self->form == form)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->form)
    g_clear_signal_handler (&self->changed_id, self->form);
  g_set_object (&self->form, form);
  if (form)
    self->changed_id = g_signal_connect_swapped (form, "changed",
                                                 G_CALLBACK (on_form_changed_cb), self);
}

void
hk_form_draft_flush_async (HkFormDraft         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->dirty || self->form == NULL)
    {
      /* Nothing new, but an earlier save may still be on its way. */
      enqueue (self, OP_BARRIER, NULL, hk_form_draft_flush_async, cancellable, callback, user_data);
      return;
    }

  /* The payload is built now, while the widgets still exist. */
  self->stored = TRUE;
  enqueue (self, OP_SAVE, build_payload (self), hk_form_draft_flush_async,
           cancellable, callback, user_data);
  hk_form_draft_set_dirty (self, FALSE);
}

gboolean
hk_form_draft_flush_finish (HkFormDraft   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hk_form_draft_load_async (HkFormDraft         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));

  enqueue (self, OP_LOAD, NULL, hk_form_draft_load_async, cancellable, callback, user_data);
}

GVariant *
hk_form_draft_load_finish (HkFormDraft   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hk_form_draft_discard_async (HkFormDraft         *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (HK_IS_FORM_DRAFT (self));

  hk_form_draft_set_dirty (self, FALSE);
  self->stored = FALSE;
  enqueue (self, OP_DISCARD, NULL, hk_form_draft_discard_async, cancellable, callback, user_data);
}

gboolean
hk_form_draft_discard_finish (HkFormDraft   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HK_IS_FORM_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GVariant *
hk_form_draft_payload_get_form (GVariant *payload)
{
  g_return_val_if_fail (payload != NULL, NULL);

  return g_variant_lookup_value (payload, "form", G_VARIANT_TYPE_VARDICT);
}

gint64
hk_form_draft_payload_get_saved_at (GVariant *payload)
{
  gint64 saved_at = 0;

  g_return_val_if_fail (payload != NULL, 0);

  g_variant_lookup (payload, "saved-at", "x", &saved_at);
  return saved_at;
}

char *
hk_form_draft_payload_dup_string (GVariant   *payload,
                                  const char *key)
{
  char *value = NULL;

  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!g_variant_lookup (payload, key, "s", &value))
    return NULL;
  return value;
}
