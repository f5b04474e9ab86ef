/* hk-form-editor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-form-editor.h"
#include "hk-form-format.h"

G_DEFINE_INTERFACE (HkFormEditor, hk_form_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  TOAST,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hk_form_editor_default_init (HkFormEditorInterface *iface)
{
  /**
   * HkFormEditor::saved:
   * @record: the saved record
   * @extra: (nullable): a record saved with it
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_INTERFACE (iface),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, HK_TYPE_RECORD, HK_TYPE_RECORD);
  /**
   * HkFormEditor::toast:
   * @title: the message
   */
  signals[TOAST] = g_signal_new ("toast",
                                 G_TYPE_FROM_INTERFACE (iface),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * HkFormEditor::closed:
   *
   * The editor has closed for good.
   */
  signals[CLOSED] = g_signal_new ("closed",
                                  G_TYPE_FROM_INTERFACE (iface),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

gboolean
hk_form_editor_is_closed (HkFormEditor *self)
{
  g_return_val_if_fail (HK_IS_FORM_EDITOR (self), TRUE);

  return g_object_get_data (G_OBJECT (self), "hk-form-editor-closed") != NULL;
}

void
hk_form_editor_mark_closed (HkFormEditor *self)
{
  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  if (hk_form_editor_is_closed (self))
    return;
  g_object_set_data (G_OBJECT (self), "hk-form-editor-closed", GINT_TO_POINTER (TRUE));
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_signal_emit (self, signals[CLOSED], 0);
}

void
hk_form_editor_close (HkFormEditor *self)
{
  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  g_object_ref (self);
  hk_form_editor_mark_closed (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

const char *
hk_form_editor_get_identity (HkFormEditor *self)
{
  g_return_val_if_fail (HK_IS_FORM_EDITOR (self), NULL);

  return HK_FORM_EDITOR_GET_IFACE (self)->get_identity (self);
}

HkFormDraft *
hk_form_editor_get_draft (HkFormEditor *self)
{
  HkFormEditorInterface *iface;

  g_return_val_if_fail (HK_IS_FORM_EDITOR (self), NULL);

  iface = HK_FORM_EDITOR_GET_IFACE (self);
  return iface->get_draft ? iface->get_draft (self) : NULL;
}

gboolean
hk_form_editor_get_ready (HkFormEditor *self)
{
  g_return_val_if_fail (HK_IS_FORM_EDITOR (self), FALSE);

  return HK_FORM_EDITOR_GET_IFACE (self)->get_ready (self);
}

void
hk_form_editor_shutdown (HkFormEditor *self)
{
  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  HK_FORM_EDITOR_GET_IFACE (self)->shutdown (self);
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!hk_form_draft_flush_finish (HK_FORM_DRAFT (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hk_form_editor_flush_draft_async (HkFormEditor        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HkFormDraft *draft;

  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hk_form_editor_flush_draft_async);

  draft = hk_form_editor_get_draft (self);
  if (draft == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  hk_form_draft_flush_async (draft, cancellable, flush_cb, g_steal_pointer (&task));
}

gboolean
hk_form_editor_flush_draft_finish (HkFormEditor  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (HK_IS_FORM_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hk_form_editor_emit_saved (HkFormEditor *self,
                           HkRecord     *record,
                           HkRecord     *extra)
{
  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  g_signal_emit (self, signals[SAVED], 0, record, extra);
}

void
hk_form_editor_emit_toast (HkFormEditor *self,
                           const char   *title)
{
  g_return_if_fail (HK_IS_FORM_EDITOR (self));

  g_signal_emit (self, signals[TOAST], 0, title);
}

char *
hk_form_editor_describe_draft (GVariant *payload)
{
  gint64 saved_at = hk_form_draft_payload_get_saved_at (payload);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;

  if (saved_at <= 0)
    return g_strdup (_("Restored unsaved changes"));

  when = g_date_time_new_from_unix_local (saved_at / G_USEC_PER_SEC);
  if (when && g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    text = g_date_time_format (when, "%H:%M");
  else
    text = hk_format_timestamp (saved_at);
  /* Translators: %s is a time ("14:32") or a date and time ("27 Nov 2026, 14:32") */
  return g_strdup_printf (_("Restored unsaved changes from %s"), text);
}

void
hk_form_editor_show_error (AdwToastOverlay *overlay,
                           const char      *what,
                           const GError    *error)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  if (g_error_matches (error, HK_ERROR, HK_ERROR_CONFLICT))
    title = g_strdup_printf ("%s %s", what,
                             _("It was changed since you opened it: close this window and open it again."));
  else if (g_error_matches (error, HK_ERROR, HK_ERROR_LOCKED))
    title = g_strdup_printf ("%s %s", what, _("The vault is locked: unlock it and try again."));
  else if (g_error_matches (error, HK_ERROR, HK_ERROR_NO_SPACE))
    title = g_strdup_printf ("%s %s", what, _("The disk is full: free some space and try again."));
  else
    title = g_strdup_printf ("%s %s", what, error ? error->message : "");

  /* Toast titles are Pango markup; messages are plain text. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}
