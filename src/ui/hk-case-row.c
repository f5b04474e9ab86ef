/* hk-case-row.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-case-row.h"
#include "hk-form-format.h"

struct _HkCaseRow
{
  AdwBin         parent_instance;

  GtkLabel      *name_label;
  GtkLabel      *details_label;
  GtkLabel      *status_label;
  GtkLabel      *stage_label;
  GtkWidget     *prompt_badge;
  GtkImage      *prompt_icon;
  GtkLabel      *prompt_label;

  HkCaseSummary *summary;
};

G_DEFINE_FINAL_TYPE (HkCaseRow, hk_case_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (HkCaseRow *self)
{
  HkCaseStage stage;
  guint prompts, blocking;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  if (self->summary == NULL)
    {
      gtk_label_set_text (self->stage_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->stage_label), FALSE);
      gtk_label_set_text (self->prompt_label, "");
      gtk_widget_set_visible (self->prompt_badge, FALSE);
      return;
    }

  /* Closed shows in the status pill already; no concern needs no pill. */
  stage = hk_case_summary_get_stage (self->summary);
  gtk_label_set_text (self->stage_label, hk_case_stage_get_label (stage));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label),
                          stage != HK_CASE_STAGE_NONE && stage != HK_CASE_STAGE_CLOSED);

  prompts = hk_case_summary_get_prompt_count (self->summary);
  blocking = hk_case_summary_get_blocking_count (self->summary);
  gtk_widget_set_visible (self->prompt_badge, prompts > 0);
  if (prompts == 0)
    {
      gtk_label_set_text (self->prompt_label, "");
      return;
    }

  count = g_strdup_printf ("%u", prompts);
  gtk_label_set_text (self->prompt_label, count);
  if (blocking > 0)
    /* Translators: a case list badge read by screen readers; the second number is part of the first */
    description = g_strdup_printf (ngettext ("%u outstanding practice prompt, %u of them must be resolved before closing",
                                             "%u outstanding practice prompts, %u of them must be resolved before closing",
                                             prompts),
                                   prompts, blocking);
  else
    description = g_strdup_printf (ngettext ("%u outstanding practice prompt", "%u outstanding practice prompts", prompts),
                                   prompts);
  gtk_image_set_from_icon_name (self->prompt_icon, blocking > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->prompt_badge, blocking > 0 ? "warning" : "error");
  gtk_widget_add_css_class (self->prompt_badge, blocking > 0 ? "error" : "warning");
  gtk_widget_set_tooltip_text (self->prompt_badge, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
update (HkCaseRow *self)
{
  g_autofree char *opened = NULL;
  g_autofree char *details = NULL;
  guint notes;
  gboolean open;

  update_status (self);
  if (self->summary == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->details_label, "");
      gtk_label_set_text (self->status_label, "");
      return;
    }

  open = hk_case_summary_get_is_open (self->summary);
  notes = hk_case_summary_get_note_count (self->summary);
  opened = hk_format_date (hk_case_summary_get_opened_on (self->summary));
  /* Translators: "Opened 27 Nov 2026 · 3 notes" in the case list */
  details = g_strdup_printf (ngettext ("Opened %s · %u note", "Opened %s · %u notes", notes),
                             opened ? opened : "?", notes);

  gtk_label_set_text (self->name_label, hk_case_summary_get_person_name (self->summary));
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->status_label, open ? _("Open") : _("Closed"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), open ? "hk-status-closed" : "hk-status-open");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), open ? "hk-status-open" : "hk-status-closed");
}

static void
on_pressed_cb (HkCaseRow       *self,
               int              n_press,
               double           x,
               double           y,
               GtkGestureClick *gesture)
{
  if (self->summary == NULL || n_press != 1)
    return;
  /* One click opens the case, as in a sidebar; keyboard users press Enter. */
  gtk_widget_activate_action (GTK_WIDGET (self), "casebook.show-case", "s",
                              hk_case_summary_get_case_id (self->summary));
}

static void
hk_case_row_dispose (GObject *object)
{
  HkCaseRow *self = (HkCaseRow *)object;

  /* AdwBin keeps its own pointer to the child: let it unparent it. */

  adw_bin_set_child (ADW_BIN (self), NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CASE_ROW);
  if (self->summary)
    g_signal_handlers_disconnect_by_func (self->summary, update_status, self);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (hk_case_row_parent_class)->dispose (object);
}

static void
hk_case_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HkCaseRow *self = HK_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HkCaseRow *self = HK_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      hk_case_row_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_row_class_init (HkCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_case_row_dispose;
  object_class->get_property = hk_case_row_get_property;
  object_class->set_property = hk_case_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, HK_TYPE_CASE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, prompt_badge);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, prompt_icon);
  gtk_widget_class_bind_template_child (widget_class, HkCaseRow, prompt_label);
  gtk_widget_class_bind_template_callback (widget_class, on_pressed_cb);
}

static void
hk_case_row_init (HkCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hk_case_row_new (void)
{
  return g_object_new (HK_TYPE_CASE_ROW, NULL);
}

HkCaseSummary *
hk_case_row_get_summary (HkCaseRow *self)
{
  g_return_val_if_fail (HK_IS_CASE_ROW (self), NULL);

  return self->summary;
}

void
hk_case_row_set_summary (HkCaseRow     *self,
                         HkCaseSummary *summary)
{
  g_return_if_fail (HK_IS_CASE_ROW (self));
  g_return_if_fail (summary == NULL || HK_IS_CASE_SUMMARY (summary));

  if (self->summary == summary)
    return;
  if (self->summary)
    g_signal_handlers_disconnect_by_func (self->summary, update_status, self);
  g_set_object (&self->summary, summary);
  /* Stages and prompt counts arrive after the list is shown. */
  if (summary)
    {
      g_signal_connect_object (summary, "notify::stage", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (summary, "notify::prompt-count", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (summary, "notify::blocking-count", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
