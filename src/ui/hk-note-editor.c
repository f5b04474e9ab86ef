/* hk-note-editor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-note-editor.h"

struct _HkNoteEditor
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  AdwPreferencesGroup *details_group;
  GtkTextView         *text_view;
  GtkLabel            *text_error;
  GtkWidget           *content;

  HkVault             *vault;
  char                *case_id;
  HkRecord            *note;
  char                *identity;
  HkFormFields        *form;
  HkFormDraft         *draft;
  GCancellable        *cancellable;

  guint                ready : 1;
  guint                saving : 1;
  guint                saved : 1;
  guint                shut_down : 1;
  guint                disposed : 1;
};

static void hk_note_editor_form_editor_init (HkFormEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HkNoteEditor, hk_note_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (HK_TYPE_FORM_EDITOR,
                                                      hk_note_editor_form_editor_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_CASE_ID,
  PROP_NOTE,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const detail_keys[] = { "kind", "occurred_at", "present", NULL };

/* Auxiliary methods */

static void
set_ready (HkNoteEditor *self,
           gboolean      ready)
{
  if (self->ready == !!ready)
    return;
  self->ready = !!ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
set_busy (HkNoteEditor *self,
          gboolean      busy)
{
  /* A focused entry made insensitive keeps blinking its cursor (and GTK
   * warns): let go of the focus first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (self->content, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", !busy);
}

static void
fill_initial_values (HkNoteEditor *self)
{
  if (self->note)
    {
      hk_form_fields_set_values (self->form, hk_record_get_fields (self->note));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
      g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
      g_autoptr(GVariant) defaults = NULL;

      g_variant_dict_insert (&dict, "occurred_at", "s", iso);
      defaults = g_variant_ref_sink (g_variant_dict_end (&dict));
      hk_form_fields_set_values (self->form, defaults);
    }
}

static void
show_validation_error (HkNoteEditor *self,
                       const char   *key,
                       const GError *error)
{
  if (!hk_form_fields_show_error (self->form, key, error->message))
    hk_form_editor_show_error (self->toast_overlay, _("The note was not saved."), error);
}

/* Callbacks */

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkNoteEditor) self = user_data;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GError) error = NULL;

  payload = hk_form_draft_load_finish (HK_FORM_DRAFT (object), result, &error);
  if (self->disposed)
    return;

  if (error)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      hk_form_editor_show_error (self->toast_overlay, _("An unsaved draft could not be read."), error);
    }
  else if (payload)
    {
      g_autoptr(GVariant) raw = hk_form_draft_payload_get_form (payload);
      g_autofree char *description = hk_form_editor_describe_draft (payload);

      hk_form_fields_set_raw (self->form, raw);
      gtk_label_set_text (self->draft_label, description);
      gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
    }

  hk_form_draft_watch (self->draft, self->form);
  set_busy (self, FALSE);
  set_ready (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HkNoteEditor) self = user_data;
  g_autoptr(HkRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->note == NULL;

  record = hk_vault_save_finish (HK_VAULT (object), result, &error);
  self->saving = FALSE;

  if (record == NULL)
    {
      if (self->disposed)
        return;
      /* What was typed is still unsaved: keep autosaving it. */
      hk_form_draft_watch (self->draft, self->form);
      hk_form_draft_set_dirty (self->draft, TRUE);
      set_busy (self, FALSE);
      hk_form_editor_show_error (self->toast_overlay, _("The note was not saved."), error);
      return;
    }

  self->saved = TRUE;
  if (self->disposed)
    return;

  hk_form_editor_emit_saved (HK_FORM_EDITOR (self), record, NULL);
  hk_form_editor_emit_toast (HK_FORM_EDITOR (self), was_new ? _("Note saved") : _("Note updated"));
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (widget);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  if (!self->ready || self->saving || self->shut_down)
    return;

  hk_form_fields_clear_errors (self->form);
  fields = hk_form_fields_build (self->form,
                                 self->note ? hk_record_get_fields (self->note) : NULL,
                                 &key, &error);
  if (fields == NULL)
    {
      show_validation_error (self, key, error);
      return;
    }
  if (!hk_record_validate (HK_RECORD_KIND_NOTE, fields, &key, &error))
    {
      show_validation_error (self, key, error);
      return;
    }

  self->saving = TRUE;
  hk_form_draft_watch (self->draft, NULL);
  set_busy (self, TRUE);
  /* Not cancellable: once asked for, the save completes even if the window goes. */
  hk_vault_save_async (self->vault, HK_RECORD_KIND_NOTE,
                       self->note ? hk_record_get_id (self->note) : NULL,
                       self->case_id,
                       self->note ? hk_record_get_revision (self->note) : 0,
                       fields, NULL, save_cb, g_object_ref (self));
  /* The vault runs its work in order: the draft goes right behind the save,
   * before any lock that follows. A failed save autosaves it again. */
  hk_form_draft_discard_async (self->draft, NULL, NULL, NULL);
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
  HkNoteEditor *self = HK_NOTE_EDITOR (widget);

  if (!self->ready || self->saving)
    return;
  hk_form_draft_discard_async (self->draft, NULL, NULL, NULL);
  hk_form_fields_clear_errors (self->form);
  fill_initial_values (self);
  hk_form_draft_set_dirty (self->draft, FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* HkFormEditor */

static const char *
hk_note_editor_get_identity (HkFormEditor *editor)
{
  return HK_NOTE_EDITOR (editor)->identity;
}

static HkFormDraft *
hk_note_editor_get_draft (HkFormEditor *editor)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (editor);

  return self->saved || self->shut_down ? NULL : self->draft;
}

static gboolean
hk_note_editor_get_ready (HkFormEditor *editor)
{
  return HK_NOTE_EDITOR (editor)->ready;
}

static void
hk_note_editor_shutdown (HkFormEditor *editor)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (editor);

  self->shut_down = TRUE;
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  hk_form_fields_clear (self->form);
  gtk_label_set_text (self->draft_label, "");
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

static void
hk_note_editor_form_editor_init (HkFormEditorInterface *iface)
{
  iface->get_identity = hk_note_editor_get_identity;
  iface->get_draft = hk_note_editor_get_draft;
  iface->get_ready = hk_note_editor_get_ready;
  iface->shutdown = hk_note_editor_shutdown;
}

/* GtkWindow */

static gboolean
hk_note_editor_close_request (GtkWindow *window)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (window);

  /* Closing without saving keeps the text: say where it went. */
  if (self->draft && !self->shut_down && !self->saved && !self->saving)
    {
      gboolean unsaved = hk_form_draft_get_dirty (self->draft) || hk_form_draft_get_stored (self->draft);

      hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
      if (unsaved)
        hk_form_editor_emit_toast (HK_FORM_EDITOR (self), _("Unsaved note kept as a draft"));
    }

  hk_form_editor_mark_closed (HK_FORM_EDITOR (self));

  return GTK_WINDOW_CLASS (hk_note_editor_parent_class)->close_request (window);
}

/* GObject */

static void
hk_note_editor_constructed (GObject *object)
{
  HkNoteEditor *self = (HkNoteEditor *)object;
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);

  G_OBJECT_CLASS (hk_note_editor_parent_class)->constructed (object);

  g_assert (HK_IS_VAULT (self->vault));
  g_assert (self->case_id != NULL);

  self->identity = hk_note_editor_draft_key (self->case_id, self->note);

  self->form = hk_form_fields_new (HK_RECORD_KIND_NOTE);
  hk_form_fields_add_rows (self->form, self->details_group, detail_keys);
  hk_form_fields_bind_text_view (self->form, "text", self->text_view, self->text_error);
  fill_initial_values (self);

  adw_window_title_set_title (self->window_title, self->note ? _("Edit Note") : _("New Note"));

  self->draft = hk_form_draft_new (self->vault, self->identity);
  g_variant_dict_insert (&context, "case-id", "s", self->case_id);
  if (self->note)
    {
      g_variant_dict_insert (&context, "note-id", "s", hk_record_get_id (self->note));
      g_variant_dict_insert (&context, "base-revision", "x", hk_record_get_revision (self->note));
    }
  hk_form_draft_set_context (self->draft, g_variant_dict_end (&context));

  set_busy (self, TRUE);
  hk_form_draft_load_async (self->draft, self->cancellable, load_draft_cb, g_object_ref (self));
}

static void
hk_note_editor_dispose (GObject *object)
{
  HkNoteEditor *self = (HkNoteEditor *)object;

  /* Destroyed mid-edit (window closed, app quitting): keep what was typed.
   * The payload is built now; the save itself outlives the window. */
  if (!self->disposed && self->draft && !self->shut_down && !self->saved && !self->saving &&
      hk_form_draft_get_dirty (self->draft))
    hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
  if (!self->disposed)
    hk_form_editor_mark_closed (HK_FORM_EDITOR (self));
  self->disposed = TRUE;

  g_cancellable_cancel (self->cancellable);
  /* The draft itself stays until finalize: a save still on its way
   * discards it when it lands. */
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (hk_note_editor_parent_class)->dispose (object);
}

static void
hk_note_editor_finalize (GObject *object)
{
  HkNoteEditor *self = (HkNoteEditor *)object;

  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->note);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->identity, g_free);

  G_OBJECT_CLASS (hk_note_editor_parent_class)->finalize (object);
}

static void
hk_note_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_note_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_dup_string (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_note_editor_class_init (HkNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_note_editor_constructed;
  object_class->dispose = hk_note_editor_dispose;
  object_class->finalize = hk_note_editor_finalize;
  object_class->get_property = hk_note_editor_get_property;
  object_class->set_property = hk_note_editor_set_property;

  window_class->close_request = hk_note_editor_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, text_error);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, content);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hk_note_editor_init (HkNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

HkNoteEditor *
hk_note_editor_new (HkVault    *vault,
                    const char *case_id,
                    HkRecord   *note)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (note == NULL || HK_IS_RECORD (note), NULL);

  return g_object_new (HK_TYPE_NOTE_EDITOR,
                       "vault", vault,
                       "case-id", case_id,
                       "note", note,
                       NULL);
}

const char *
hk_note_editor_get_case_id (HkNoteEditor *self)
{
  g_return_val_if_fail (HK_IS_NOTE_EDITOR (self), NULL);

  return self->case_id;
}

HkRecord *
hk_note_editor_get_note (HkNoteEditor *self)
{
  g_return_val_if_fail (HK_IS_NOTE_EDITOR (self), NULL);

  return self->note;
}

HkFormFields *
hk_note_editor_get_form (HkNoteEditor *self)
{
  g_return_val_if_fail (HK_IS_NOTE_EDITOR (self), NULL);

  return self->form;
}

char *
hk_note_editor_draft_key (const char *case_id,
                          HkRecord   *note)
{
  g_return_val_if_fail (case_id != NULL || note != NULL, NULL);

  if (note)
    return g_strdup_printf ("note:%s", hk_record_get_id (note));
  return g_strdup_printf ("note-new:%s", case_id);
}
