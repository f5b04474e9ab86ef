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
  HkFormWindow         parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *details_group;
  GtkTextView         *text_view;
  GtkLabel            *text_error;

  char                *case_id;
  HkRecord            *note;
};

G_DEFINE_FINAL_TYPE (HkNoteEditor, hk_note_editor, HK_TYPE_FORM_WINDOW)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const detail_keys[] = { "kind", "occurred_at", "present", NULL };

/* HkFormWindow */

static void
hk_note_editor_fill_initial_values (HkFormWindow *window)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (window);
  HkFormFields *form = hk_form_window_get_form (window);

  if (self->note)
    {
      hk_form_fields_set_values (form, hk_record_get_fields (self->note));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
      g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
      g_autoptr(GVariant) defaults = NULL;

      g_variant_dict_insert (&dict, "occurred_at", "s", iso);
      defaults = g_variant_ref_sink (g_variant_dict_end (&dict));
      hk_form_fields_set_values (form, defaults);
    }
}

static void
hk_note_editor_focus_first_input (HkFormWindow *window)
{
  gtk_widget_grab_focus (GTK_WIDGET (HK_NOTE_EDITOR (window)->text_view));
}

static GVariant *
hk_note_editor_check (HkFormWindow *window)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (window);

  return hk_form_window_build_fields (window, self->note ? hk_record_get_fields (self->note) : NULL);
}

static void
hk_note_editor_save (HkFormWindow *window,
                     GVariant     *fields)
{
  HkNoteEditor *self = HK_NOTE_EDITOR (window);

  hk_form_window_save_record (window, self->note, self->case_id, fields,
                              self->note ? _("Note updated") : _("Note saved"));
}

/* GObject */

static void
hk_note_editor_constructed (GObject *object)
{
  HkNoteEditor *self = (HkNoteEditor *)object;
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(HkFormFields) form = hk_form_fields_new (HK_RECORD_KIND_NOTE);
  g_autofree char *identity = NULL;
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);

  G_OBJECT_CLASS (hk_note_editor_parent_class)->constructed (object);

  g_assert (self->case_id != NULL);

  hk_form_fields_add_rows (form, self->details_group, detail_keys);
  hk_form_fields_bind_text_view (form, "text", self->text_view, self->text_error);
  hk_form_window_set_form (window, form);

  adw_window_title_set_title (self->window_title, self->note ? _("Edit Note") : _("New Note"));

  identity = hk_note_editor_draft_key (self->case_id, self->note);
  hk_form_window_set_identity (window, identity, TRUE);
  g_variant_dict_insert (&context, "case-id", "s", self->case_id);
  if (self->note)
    {
      g_variant_dict_insert (&context, "note-id", "s", hk_record_get_id (self->note));
      g_variant_dict_insert (&context, "base-revision", "x", hk_record_get_revision (self->note));
    }
  hk_form_draft_set_context (hk_form_window_get_draft (window), g_variant_dict_end (&context));
  hk_form_window_set_messages (window, _("The note was not saved."), _("Unsaved note kept as a draft"));

  hk_form_window_load (window);
}

static void
hk_note_editor_finalize (GObject *object)
{
  HkNoteEditor *self = (HkNoteEditor *)object;

  g_clear_object (&self->note);
  g_clear_pointer (&self->case_id, g_free);

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
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
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
  HkFormWindowClass *form_window_class = HK_FORM_WINDOW_CLASS (klass);

  object_class->constructed = hk_note_editor_constructed;
  object_class->finalize = hk_note_editor_finalize;
  object_class->get_property = hk_note_editor_get_property;
  object_class->set_property = hk_note_editor_set_property;

  form_window_class->fill_initial_values = hk_note_editor_fill_initial_values;
  form_window_class->focus_first_input = hk_note_editor_focus_first_input;
  form_window_class->check = hk_note_editor_check;
  form_window_class->save = hk_note_editor_save;

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-note-editor.ui");
  hk_form_window_class_bind_template_children (widget_class, "content");
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, HkNoteEditor, text_error);
}

static void
hk_note_editor_init (HkNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  return hk_form_window_get_form (HK_FORM_WINDOW (self));
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
