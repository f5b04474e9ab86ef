/* hk-form-window.c: the base class of the editor windows
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-form-window.h"

typedef struct
{
  /* Template widgets, bound by the subclass */
  AdwToastOverlay *toast_overlay;
  GtkRevealer     *draft_revealer;
  GtkLabel        *draft_label;
  GtkWidget       *content;

  HkVault         *vault;
  char            *identity;
  HkFormFields    *form;
  HkFormDraft     *draft;        /* NULL when the window keeps none */
  GCancellable    *cancellable;
  /* Static, translated */
  const char      *not_saved;
  const char      *kept;
  const char      *saved_toast;  /* of hk_form_window_save_record() */

  guint            ready : 1;
  guint            saving : 1;
  guint            saved : 1;
  guint            shut_down : 1;
  guint            disposed : 1;
} HkFormWindowPrivate;

static void form_editor_iface_init (HkFormEditorInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (HkFormWindow, hk_form_window, ADW_TYPE_WINDOW,
                                  G_ADD_PRIVATE (HkFormWindow)
                                  G_IMPLEMENT_INTERFACE (HK_TYPE_FORM_EDITOR,
                                                         form_editor_iface_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static void
set_ready (HkFormWindow *self,
           gboolean      ready)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  if (priv->ready == !!ready)
    return;
  priv->ready = !!ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
set_busy (HkFormWindow *self,
          gboolean      busy)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  /* A focused entry made insensitive keeps blinking its cursor (and GTK
   * warns): let go of the focus first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (priv->content, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", !busy);
}

static void
focus_first_input (HkFormWindow *self)
{
  HkFormWindowClass *klass = HK_FORM_WINDOW_GET_CLASS (self);

  if (klass->focus_first_input)
    klass->focus_first_input (self);
}

static void
finish_loading (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  if (priv->draft)
    hk_form_draft_watch (priv->draft, priv->form);
  set_busy (self, FALSE);
  set_ready (self, TRUE);
  focus_first_input (self);
}

/* Callbacks */

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkFormWindow) self = user_data;
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  HkFormWindowClass *klass = HK_FORM_WINDOW_GET_CLASS (self);
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GError) error = NULL;

  payload = hk_form_draft_load_finish (HK_FORM_DRAFT (object), result, &error);
  if (hk_form_window_is_gone (self))
    return;

  if (error)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      hk_form_window_show_error (self, _("An unsaved draft could not be read."), error);
    }
  else if (payload)
    {
      g_autoptr(GVariant) raw = hk_form_draft_payload_get_form (payload);
      g_autofree char *description = hk_form_editor_describe_draft (payload);

      hk_form_fields_set_raw (priv->form, raw);
      if (klass->restore_draft)
        klass->restore_draft (self, payload);
      gtk_label_set_text (priv->draft_label, description);
      gtk_revealer_set_reveal_child (priv->draft_revealer, TRUE);
    }

  finish_loading (self);
}

static void
save_record_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkFormWindow) self = user_data;
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  g_autoptr(HkRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = hk_vault_save_finish (HK_VAULT (object), result, &error);
  if (record == NULL)
    hk_form_window_save_failed (self, error);
  else
    hk_form_window_save_done (self, record, NULL, priv->saved_toast);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkFormWindow *self = HK_FORM_WINDOW (widget);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  HkFormWindowClass *klass = HK_FORM_WINDOW_GET_CLASS (self);
  g_autoptr(GVariant) fields = NULL;

  if (!priv->ready || priv->saving || priv->shut_down)
    return;

  hk_form_fields_clear_errors (priv->form);
  fields = klass->check (self);
  if (fields == NULL)
    return;

  priv->saving = TRUE;
  if (priv->draft)
    hk_form_draft_watch (priv->draft, NULL);
  set_busy (self, TRUE);
  /* Not cancellable: once asked for, the save completes even if the window
   * goes. */
  klass->save (self, fields);
  /* The vault runs its work in order: the draft goes right behind the save,
   * before any lock that follows. A failed save autosaves it again. */
  if (priv->draft)
    hk_form_draft_discard_async (priv->draft, NULL, NULL, NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HkFormWindow *self = HK_FORM_WINDOW (widget);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  if (!priv->ready || priv->saving || priv->draft == NULL)
    return;
  hk_form_draft_discard_async (priv->draft, NULL, NULL, NULL);
  hk_form_fields_clear_errors (priv->form);
  HK_FORM_WINDOW_GET_CLASS (self)->fill_initial_values (self);
  hk_form_draft_set_dirty (priv->draft, FALSE);
  gtk_revealer_set_reveal_child (priv->draft_revealer, FALSE);
  focus_first_input (self);
}

/* HkFormEditor */

static const char *
form_editor_get_identity (HkFormEditor *editor)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (HK_FORM_WINDOW (editor));

  return priv->identity;
}

static HkFormDraft *
form_editor_get_draft (HkFormEditor *editor)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (HK_FORM_WINDOW (editor));

  return priv->saved || priv->shut_down ? NULL : priv->draft;
}

static gboolean
form_editor_get_ready (HkFormEditor *editor)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (HK_FORM_WINDOW (editor));

  return priv->ready;
}

static void
form_editor_shutdown (HkFormEditor *editor)
{
  HkFormWindow *self = HK_FORM_WINDOW (editor);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  HkFormWindowClass *klass = HK_FORM_WINDOW_GET_CLASS (self);

  priv->shut_down = TRUE;
  if (priv->draft)
    hk_form_draft_watch (priv->draft, NULL);
  hk_form_fields_clear (priv->form);
  if (klass->wipe)
    klass->wipe (self);
  gtk_label_set_text (priv->draft_label, "");
  hk_form_editor_close (editor);
}

static void
form_editor_iface_init (HkFormEditorInterface *iface)
{
  iface->get_identity = form_editor_get_identity;
  iface->get_draft = form_editor_get_draft;
  iface->get_ready = form_editor_get_ready;
  iface->shutdown = form_editor_shutdown;
}

/* GtkWindow */

static gboolean
hk_form_window_close_request (GtkWindow *window)
{
  HkFormWindow *self = HK_FORM_WINDOW (window);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  /* Closing without saving keeps what was typed: say where it went. */
  if (priv->draft && !priv->shut_down && !priv->saved && !priv->saving)
    {
      gboolean unsaved = hk_form_draft_get_dirty (priv->draft) || hk_form_draft_get_stored (priv->draft);

      hk_form_draft_flush_async (priv->draft, NULL, NULL, NULL);
      if (unsaved)
        hk_form_editor_emit_toast (HK_FORM_EDITOR (self), priv->kept);
    }

  hk_form_editor_mark_closed (HK_FORM_EDITOR (self));

  return GTK_WINDOW_CLASS (hk_form_window_parent_class)->close_request (window);
}

/* GObject */

static void
hk_form_window_constructed (GObject *object)
{
  HkFormWindow *self = HK_FORM_WINDOW (object);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  G_OBJECT_CLASS (hk_form_window_parent_class)->constructed (object);

  g_assert (HK_IS_VAULT (priv->vault));
  g_assert (GTK_IS_WIDGET (priv->content));

  /* Nothing can be edited or saved before hk_form_window_load() is done. */
  set_busy (self, TRUE);
}

static void
hk_form_window_dispose (GObject *object)
{
  HkFormWindow *self = HK_FORM_WINDOW (object);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  /* Destroyed mid-edit (window closed, app quitting): keep what was typed.
   * The payload is built now; the save itself outlives the window. */
  if (!priv->disposed && priv->draft && !priv->shut_down && !priv->saved && !priv->saving &&
      hk_form_draft_get_dirty (priv->draft))
    hk_form_draft_flush_async (priv->draft, NULL, NULL, NULL);
  if (!priv->disposed)
    hk_form_editor_mark_closed (HK_FORM_EDITOR (self));
  priv->disposed = TRUE;

  g_cancellable_cancel (priv->cancellable);
  /* The draft itself stays until finalize: a save still on its way
   * discards it when it lands. */
  if (priv->draft)
    hk_form_draft_watch (priv->draft, NULL);
  g_clear_object (&priv->form);

  G_OBJECT_CLASS (hk_form_window_parent_class)->dispose (object);
}

static void
hk_form_window_finalize (GObject *object)
{
  HkFormWindow *self = HK_FORM_WINDOW (object);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_clear_object (&priv->draft);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->vault);
  g_clear_pointer (&priv->identity, g_free);

  G_OBJECT_CLASS (hk_form_window_parent_class)->finalize (object);
}

static void
hk_form_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HkFormWindow *self = HK_FORM_WINDOW (object);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, priv->vault);
      break;
    case PROP_READY:
      g_value_set_boolean (value, priv->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_form_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HkFormWindow *self = HK_FORM_WINDOW (object);
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_VAULT:
      priv->vault = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_form_window_class_init (HkFormWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_form_window_constructed;
  object_class->dispose = hk_form_window_dispose;
  object_class->finalize = hk_form_window_finalize;
  object_class->get_property = hk_form_window_get_property;
  object_class->set_property = hk_form_window_set_property;

  window_class->close_request = hk_form_window_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hk_form_window_init (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

/* For the subclasses */

HkVault *
hk_form_window_get_vault (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), NULL);

  return priv->vault;
}

HkFormFields *
hk_form_window_get_form (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), NULL);

  return priv->form;
}

HkFormDraft *
hk_form_window_get_draft (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), NULL);

  return priv->draft;
}

GCancellable *
hk_form_window_get_cancellable (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), NULL);

  return priv->cancellable;
}

gboolean
hk_form_window_is_gone (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), TRUE);

  return priv->disposed || priv->shut_down;
}

void
hk_form_window_class_bind_template_children (GtkWidgetClass *widget_class,
                                             const char     *content_id)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), HK_TYPE_FORM_WINDOW));
  g_return_if_fail (content_id != NULL);

  gtk_widget_class_bind_template_child_private (widget_class, HkFormWindow, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, HkFormWindow, draft_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, HkFormWindow, draft_label);
  gtk_widget_class_bind_template_child_full (widget_class, content_id, FALSE,
                                             G_PRIVATE_OFFSET (HkFormWindow, content));
}

void
hk_form_window_set_form (HkFormWindow *self,
                         HkFormFields *form)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (HK_IS_FORM_FIELDS (form));
  g_return_if_fail (priv->form == NULL);

  priv->form = g_object_ref (form);
}

void
hk_form_window_set_identity (HkFormWindow *self,
                             const char   *identity,
                             gboolean      keep_draft)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (identity != NULL);
  g_return_if_fail (priv->identity == NULL);

  priv->identity = g_strdup (identity);
  if (keep_draft)
    priv->draft = hk_form_draft_new (priv->vault, identity);
}

void
hk_form_window_set_messages (HkFormWindow *self,
                             const char   *not_saved,
                             const char   *kept)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (not_saved != NULL);
  g_return_if_fail (kept != NULL);

  priv->not_saved = not_saved;
  priv->kept = kept;
}

void
hk_form_window_load (HkFormWindow *self)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (priv->form != NULL && priv->identity != NULL && priv->not_saved != NULL);

  HK_FORM_WINDOW_GET_CLASS (self)->fill_initial_values (self);
  if (priv->draft == NULL)
    {
      finish_loading (self);
      return;
    }
  hk_form_draft_load_async (priv->draft, priv->cancellable, load_draft_cb, g_object_ref (self));
}

GVariant *
hk_form_window_build_fields (HkFormWindow *self,
                             GVariant     *base)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), NULL);

  fields = hk_form_fields_build (priv->form, base, &key, &error);
  if (fields == NULL ||
      !hk_record_validate (hk_form_fields_get_kind (priv->form), fields, &key, &error))
    {
      hk_form_window_show_invalid (self, key, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

void
hk_form_window_show_invalid (HkFormWindow *self,
                             const char   *key,
                             const GError *error)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);
  HkFormWindowClass *klass;

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (error != NULL);

  klass = HK_FORM_WINDOW_GET_CLASS (self);
  if (key && klass->reveal_field)
    klass->reveal_field (self, key);
  if (!hk_form_fields_show_error (priv->form, key, error->message))
    hk_form_window_show_error (self, priv->not_saved, error);
}

void
hk_form_window_show_error (HkFormWindow *self,
                           const char   *what,
                           const GError *error)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));

  hk_form_editor_show_error (priv->toast_overlay, what, error);
}

void
hk_form_window_add_toast (HkFormWindow *self,
                          const char   *title)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));

  adw_toast_overlay_add_toast (priv->toast_overlay, adw_toast_new (title));
}

void
hk_form_window_save_record (HkFormWindow *self,
                            HkRecord     *record,
                            const char   *parent_id,
                            GVariant     *fields,
                            const char   *toast)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));
  g_return_if_fail (record == NULL || HK_IS_RECORD (record));

  priv->saved_toast = toast;
  /* Editing saves a new revision; the earlier ones are kept. */
  hk_vault_save_async (priv->vault, hk_form_fields_get_kind (priv->form),
                       record ? hk_record_get_id (record) : NULL,
                       parent_id,
                       record ? hk_record_get_revision (record) : 0,
                       fields, NULL, save_record_cb, g_object_ref (self));
}

void
hk_form_window_save_done (HkFormWindow *self,
                          HkRecord     *record,
                          HkRecord     *extra,
                          const char   *toast)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_if_fail (HK_IS_FORM_WINDOW (self));

  priv->saving = FALSE;
  priv->saved = TRUE;
  if (priv->disposed)
    return;

  hk_form_editor_emit_saved (HK_FORM_EDITOR (self), record, extra);
  hk_form_editor_emit_toast (HK_FORM_EDITOR (self), toast);
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

gboolean
hk_form_window_save_failed (HkFormWindow *self,
                            const GError *error)
{
  HkFormWindowPrivate *priv = hk_form_window_get_instance_private (self);

  g_return_val_if_fail (HK_IS_FORM_WINDOW (self), FALSE);

  priv->saving = FALSE;
  if (hk_form_window_is_gone (self))
    return FALSE;

  /* What was typed is still unsaved: keep autosaving it. */
  if (priv->draft)
    {
      hk_form_draft_watch (priv->draft, priv->form);
      hk_form_draft_set_dirty (priv->draft, TRUE);
    }
  set_busy (self, FALSE);
  if (error)
    hk_form_window_show_error (self, priv->not_saved, error);
  return TRUE;
}
