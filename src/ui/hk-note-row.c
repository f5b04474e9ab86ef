/* hk-note-row.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-form-format.h"
#include "hk-note-row.h"

struct _HkNoteRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *kind_icon;
  GtkLabel      *kind_label;
  GtkLabel      *when_label;
  GtkLabel      *late_label;
  GtkButton     *history_button;
  GtkButton     *edit_button;
  GtkLabel      *present_label;
  GtkLabel      *text_label;

  HkRecord      *note;
};

G_DEFINE_FINAL_TYPE (HkNoteRow, hk_note_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
hk_note_kind_get_icon_name (const char *kind)
{
  if (g_strcmp0 (kind, "conversation") == 0)
    return "chat-message-new-symbolic";
  if (g_strcmp0 (kind, "visit") == 0)
    return "user-home-symbolic";
  if (g_strcmp0 (kind, "phone_call") == 0)
    return "call-start-symbolic";
  if (g_strcmp0 (kind, "meeting") == 0)
    return "system-users-symbolic";
  return "text-x-generic-symbolic";
}

static void
update (HkNoteRow *self)
{
  HkRecord *note = self->note;
  const char *kind = hk_record_get_string (note, "kind");
  const char *text = hk_record_get_string (note, "text");
  g_autofree char *shown = NULL;
  g_autofree char *when = hk_format_datetime (hk_record_get_string (note, "occurred_at"));
  g_autofree const char **present = hk_record_get_strv (note, "present");
  gint64 revision = hk_record_get_revision (note);
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (hk_record_get_id (note)));

  gtk_image_set_from_icon_name (self->kind_icon, hk_note_kind_get_icon_name (kind));
  gtk_label_set_text (self->kind_label, hk_format_enum (HK_RECORD_KIND_NOTE, "kind", kind));
  gtk_label_set_text (self->when_label, when ? when : "");
  /* Trailing blank lines (text from files often has them) only add space. */
  shown = g_strchomp (g_strdup (text ? text : ""));
  gtk_label_set_text (self->text_label, shown);

  if (hk_record_get_boolean (note, "late_entry"))
    {
      g_autofree char *recorded = hk_format_datetime (hk_record_get_string (note, "recorded_at"));
      g_autofree char *tooltip = NULL;

      if (recorded)
        /* Translators: tooltip of the "Late entry" tag; %s is a date and time */
        tooltip = g_strdup_printf (_("Recorded %s, more than a day after it happened"), recorded);
      else
        tooltip = g_strdup (_("Recorded more than a day after it happened"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->late_label), tooltip);
      gtk_widget_set_visible (GTK_WIDGET (self->late_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->late_label), FALSE);

  if (present && present[0])
    {
      g_autofree char *names = g_strjoinv (", ", (char **) present);
      /* Translators: who was there when the note's event happened */
      g_autofree char *line = g_strdup_printf (_("Present: %s"), names);

      gtk_label_set_text (self->present_label, line);
      gtk_widget_set_visible (GTK_WIDGET (self->present_label), TRUE);
    }
  else
    {
      gtk_label_set_text (self->present_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->present_label), FALSE);
    }

  if (revision > 1)
    {
      g_autofree char *label = NULL;

      /* Translators: link to a note's history; %d counts the versions saved */
      label = g_strdup_printf (ngettext ("Edited · %d version", "Edited · %d versions", (gulong) revision),
                               (int) revision);
      gtk_button_set_label (self->history_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->history_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->history_button), FALSE);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->history_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
}

static void
hk_note_row_dispose (GObject *object)
{
  HkNoteRow *self = (HkNoteRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_NOTE_ROW);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (hk_note_row_parent_class)->dispose (object);
}

static void
hk_note_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HkNoteRow *self = HK_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_note_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HkNoteRow *self = HK_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_note_row_class_init (HkNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_note_row_dispose;
  object_class->get_property = hk_note_row_get_property;
  object_class->set_property = hk_note_row_set_property;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, late_label);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, history_button);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, present_label);
  gtk_widget_class_bind_template_child (widget_class, HkNoteRow, text_label);
}

static void
hk_note_row_init (HkNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hk_note_row_new (HkRecord *note)
{
  g_return_val_if_fail (HK_IS_RECORD (note), NULL);

  return g_object_new (HK_TYPE_NOTE_ROW, "note", note, NULL);
}

HkRecord *
hk_note_row_get_note (HkNoteRow *self)
{
  g_return_val_if_fail (HK_IS_NOTE_ROW (self), NULL);

  return self->note;
}
