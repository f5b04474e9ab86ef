/* hk-prompt-list.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-prompt-list.h"

struct _HkPromptList
{
  AdwBin               parent_instance;

  GtkWidget           *banner;
  GtkImage            *banner_icon;
  GtkLabel            *banner_title;
  GtkLabel            *banner_detail;
  AdwPreferencesGroup *checklist;

  GPtrArray           *rows;    /* AdwActionRow*, in the checklist */
  GPtrArray           *codes;   /* char*, one per prompt */
  guint                n_blocking;
  guint                n_warnings;
  guint                n_info;
};

G_DEFINE_FINAL_TYPE (HkPromptList, hk_prompt_list, ADW_TYPE_BIN)

/* Auxiliary methods */

static const char *
severity_icon (HkPromptSeverity severity)
{
  switch (severity)
    {
    case HK_PROMPT_BLOCKING: return "dialog-error-symbolic";
    case HK_PROMPT_WARNING:  return "dialog-warning-symbolic";
    case HK_PROMPT_INFO:
    default:                 return "dialog-information-symbolic";
    }
}

static const char *
severity_class (HkPromptSeverity severity)
{
  switch (severity)
    {
    case HK_PROMPT_BLOCKING: return "error";
    case HK_PROMPT_WARNING:  return "warning";
    case HK_PROMPT_INFO:
    default:                 return "accent";
    }
}

static GtkWidget *
create_row (const HkPrompt *prompt)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (prompt->severity));

  /* Prompt text can quote what the user typed (a decision): never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prompt->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hk_prompt_severity_get_label (prompt->severity));

  gtk_widget_add_css_class (icon, severity_class (prompt->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hk_prompt_severity_get_label (prompt->severity),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (prompt->record_id)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open the record this prompt is about"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the record this prompt is about"),
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "casebook.edit-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", prompt->record_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
clear_rows (HkPromptList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->checklist, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->codes, 0);
  self->n_blocking = self->n_warnings = self->n_info = 0;
}

static void
update_banner (HkPromptList *self)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *title = NULL;
  gboolean blocking = self->n_blocking > 0;

  gtk_widget_set_visible (self->banner, self->n_blocking + self->n_warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist), self->rows->len > 0);
  if (self->n_blocking + self->n_warnings == 0)
    {
      gtk_label_set_text (self->banner_title, "");
      gtk_label_set_text (self->banner_detail, "");
      return;
    }

  if (blocking)
    title = g_strdup_printf (ngettext ("%u practice prompt must be resolved before this case can close",
                                       "%u practice prompts must be resolved before this case can close",
                                       self->n_blocking),
                             self->n_blocking);
  else
    title = g_strdup_printf (ngettext ("%u practice prompt needs attention",
                                       "%u practice prompts need attention",
                                       self->n_warnings),
                             self->n_warnings);

  if (blocking && self->n_warnings > 0)
    g_string_append_printf (detail, ngettext ("%u more needs attention.", "%u more need attention.", self->n_warnings),
                            self->n_warnings);
  if (self->n_info > 0)
    {
      if (detail->len > 0)
        g_string_append_c (detail, ' ');
      g_string_append_printf (detail, ngettext ("%u more is worth considering.", "%u more are worth considering.",
                                                self->n_info),
                              self->n_info);
    }
  if (detail->len > 0)
    g_string_append_c (detail, ' ');
  g_string_append (detail, _("Each prompt below says what is missing and what to do."));

  gtk_image_set_from_icon_name (self->banner_icon, blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), blocking ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_icon), blocking ? "error" : "warning");
  gtk_label_set_text (self->banner_title, title);
  gtk_label_set_text (self->banner_detail, detail->str);
}

/* GObject */

static void
hk_prompt_list_dispose (GObject *object)
{
  HkPromptList *self = (HkPromptList *)object;

  /* AdwBin keeps its own pointer to the child: let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_PROMPT_LIST);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_prompt_list_parent_class)->dispose (object);
}

static void
hk_prompt_list_class_init (HkPromptListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_prompt_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-prompt-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HkPromptList, banner);
  gtk_widget_class_bind_template_child (widget_class, HkPromptList, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, HkPromptList, banner_title);
  gtk_widget_class_bind_template_child (widget_class, HkPromptList, banner_detail);
  gtk_widget_class_bind_template_child (widget_class, HkPromptList, checklist);
}

static void
hk_prompt_list_init (HkPromptList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->codes = g_ptr_array_new_with_free_func (g_free);
  update_banner (self);
}

GtkWidget *
hk_prompt_list_new (void)
{
  return g_object_new (HK_TYPE_PROMPT_LIST, NULL);
}

void
hk_prompt_list_set_prompts (HkPromptList *self,
                            GPtrArray    *prompts)
{
  g_return_if_fail (HK_IS_PROMPT_LIST (self));

  clear_rows (self);
  for (guint i = 0; prompts && i < prompts->len; i++)
    {
      const HkPrompt *prompt = g_ptr_array_index (prompts, i);
      GtkWidget *row = create_row (prompt);

      adw_preferences_group_add (self->checklist, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->codes, g_strdup (prompt->code));
      switch (prompt->severity)
        {
        case HK_PROMPT_BLOCKING: self->n_blocking++; break;
        case HK_PROMPT_WARNING:  self->n_warnings++; break;
        case HK_PROMPT_INFO:
        default:                 self->n_info++;     break;
        }
    }
  update_banner (self);
}

guint
hk_prompt_list_get_n_prompts (HkPromptList *self)
{
  g_return_val_if_fail (HK_IS_PROMPT_LIST (self), 0);

  return self->rows->len;
}

guint
hk_prompt_list_get_n_blocking (HkPromptList *self)
{
  g_return_val_if_fail (HK_IS_PROMPT_LIST (self), 0);

  return self->n_blocking;
}

gboolean
hk_prompt_list_get_banner_shown (HkPromptList *self)
{
  g_return_val_if_fail (HK_IS_PROMPT_LIST (self), FALSE);

  return gtk_widget_get_visible (self->banner);
}

gboolean
hk_prompt_list_has_code (HkPromptList *self,
                         const char   *code)
{
  g_return_val_if_fail (HK_IS_PROMPT_LIST (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < self->codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->codes, i), code))
      return TRUE;
  return FALSE;
}
