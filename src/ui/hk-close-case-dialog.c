/* hk-close-case-dialog.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-close-case-dialog.h"
#include "hk-form-format.h"

#define NO_CONVERSATION_CODE "closing-without-conversation"

struct _HkCloseCaseDialog
{
  HkFormWindow         parent_instance;

  GtkButton           *close_button;
  AdwPreferencesGroup *date_group;
  AdwPreferencesGroup *conversation_group;
  AdwPreferencesGroup *blocking_group;
  AdwPreferencesGroup *reason_group;

  HkRecord            *kase;
  GPtrArray           *records;
  GPtrArray           *prompt_rows;   /* rows in blocking_group */

  guint                asking_reason : 1;
};

G_DEFINE_FINAL_TYPE (HkCloseCaseDialog, hk_close_case_dialog, HK_TYPE_FORM_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  PROP_CASE_RECORDS,
  PROP_ASKING_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const date_keys[] = { "closed_on", NULL };
static const char * const conversation_keys[] = { "no_conversation_reason", NULL };
static const char * const reason_keys[] = { "override_reason", NULL };

static void close_case (HkCloseCaseDialog *self);

/* Auxiliary methods */

static const char *
nonempty (GVariant   *fields,
          const char *key)
{
  const char *value = NULL;

  if (fields == NULL || !g_variant_lookup (fields, key, "&s", &value) || *value == '\0')
    return NULL;
  return value;
}

/* The prompts closing would raise, with @kase as it would be saved. */
static GPtrArray *
closing_prompts (HkCloseCaseDialog *self,
                 HkRecord          *kase)
{
  g_autofree char *today = hk_today_iso ();
  g_autoptr(GPtrArray) records = self->records ? g_ptr_array_ref (self->records)
                                               : g_ptr_array_new ();

  return hk_prompts_evaluate (kase, records, today, TRUE, NULL);
}

static gboolean
has_prompt (GPtrArray  *prompts,
            const char *code)
{
  for (guint i = 0; i < prompts->len; i++)
    if (g_strcmp0 (((HkPrompt *) g_ptr_array_index (prompts, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
remove_prompt_rows (HkCloseCaseDialog *self)
{
  for (guint i = 0; i < self->prompt_rows->len; i++)
    adw_preferences_group_remove (self->blocking_group, g_ptr_array_index (self->prompt_rows, i));
  g_ptr_array_set_size (self->prompt_rows, 0);
}

static void
show_blocking (HkCloseCaseDialog *self,
               GPtrArray         *prompts)
{
  remove_prompt_rows (self);

  for (guint i = 0; i < prompts->len; i++)
    {
      HkPrompt *prompt = g_ptr_array_index (prompts, i);
      GtkWidget *row, *icon;

      if (prompt->severity != HK_PROMPT_BLOCKING)
        continue;
      row = adw_action_row_new ();
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prompt->text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hk_prompt_severity_get_label (prompt->severity));
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hk_prompt_severity_get_label (prompt->severity), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->blocking_group, row);
      g_ptr_array_add (self->prompt_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->blocking_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), TRUE);
  gtk_button_set_label (self->close_button, _("Close _Anyway"));
  if (!self->asking_reason)
    {
      self->asking_reason = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKING_REASON]);
    }
}

/* Callbacks */

static void
close_case_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkCloseCaseDialog) self = user_data;
  g_autoptr(HkRecord) closed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  guint n_blocking = 0;

  closed = hk_vault_close_case_finish (HK_VAULT (object), result, &error);
  if (closed)
    {
      hk_form_window_save_done (HK_FORM_WINDOW (self), closed, NULL, _("Case closed"));
      return;
    }

  /* Refused because of blocking prompts: list them and ask why. */
  if (g_error_matches (error, HK_ERROR, HK_ERROR_INVALID))
    {
      prompts = closing_prompts (self, self->kase);
      for (guint i = 0; i < prompts->len; i++)
        n_blocking += ((HkPrompt *) g_ptr_array_index (prompts, i))->severity == HK_PROMPT_BLOCKING;
    }
  if (n_blocking == 0)
    {
      hk_form_window_save_failed (HK_FORM_WINDOW (self), error);
      return;
    }
  if (!hk_form_window_save_failed (HK_FORM_WINDOW (self), NULL))
    return;

  show_blocking (self, prompts);
  hk_form_window_add_toast (HK_FORM_WINDOW (self), _("Give a reason to close anyway"));
  gtk_widget_grab_focus (hk_form_fields_get_widget (hk_form_window_get_form (HK_FORM_WINDOW (self)),
                                                    "override_reason"));
}

static void
save_reason_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkCloseCaseDialog) self = user_data;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GError) error = NULL;

  kase = hk_vault_save_finish (HK_VAULT (object), result, &error);
  if (kase == NULL)
    {
      if (hk_form_window_save_failed (HK_FORM_WINDOW (self), NULL))
        hk_form_window_show_error (HK_FORM_WINDOW (self), _("The reason was not saved."), error);
      return;
    }

  g_set_object (&self->kase, kase);
  if (hk_form_window_is_gone (HK_FORM_WINDOW (self)))
    {
      /* Nobody is left to close the case. */
      hk_form_window_save_failed (HK_FORM_WINDOW (self), NULL);
      return;
    }
  /* The case page shows the reason even if closing is refused next. */
  hk_form_editor_emit_saved (HK_FORM_EDITOR (self), kase, NULL);
  close_case (self);
}

/* Closing */

static void
close_case (HkCloseCaseDialog *self)
{
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  fields = hk_form_fields_build (hk_form_window_get_form (window), NULL, &key, &error);
  if (fields == NULL)
    {
      hk_form_window_save_failed (window, NULL);
      hk_form_window_show_invalid (window, key, error);
      return;
    }
  hk_vault_close_case_async (hk_form_window_get_vault (window), hk_record_get_id (self->kase),
                             nonempty (fields, "closed_on"),
                             self->asking_reason ? nonempty (fields, "override_reason") : NULL,
                             NULL, close_case_cb, g_object_ref (self));
}

/* HkFormWindow */

static void
hk_close_case_dialog_fill_initial_values (HkFormWindow *window)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (window);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) values = NULL;
  g_autofree char *today = hk_today_iso ();
  const char *reason = hk_record_get_string (self->kase, "no_conversation_reason");

  g_variant_dict_insert (&dict, "closed_on", "s", today);
  if (reason && *reason)
    g_variant_dict_insert (&dict, "no_conversation_reason", "s", reason);
  values = g_variant_ref_sink (g_variant_dict_end (&dict));
  hk_form_fields_set_values (hk_form_window_get_form (window), values);
}

static void
hk_close_case_dialog_restore_draft (HkFormWindow *window,
                                    GVariant     *payload)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (window);
  g_autoptr(GVariant) raw = hk_form_draft_payload_get_form (payload);
  g_autoptr(GVariant) reason = g_variant_lookup_value (raw, "override_reason", NULL);

  /* A reason was being written: the prompts come back with it. */
  if (reason && g_variant_is_of_type (reason, G_VARIANT_TYPE_STRING) &&
      *g_variant_get_string (reason, NULL) != '\0')
    {
      g_autoptr(GPtrArray) prompts = closing_prompts (self, self->kase);

      show_blocking (self, prompts);
    }
}

static void
hk_close_case_dialog_focus_first_input (HkFormWindow *window)
{
  gtk_widget_grab_focus (hk_form_fields_get_widget (hk_form_window_get_form (window), "closed_on"));
}

static GVariant *
hk_close_case_dialog_check (HkFormWindow *window)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (window);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (hk_record_get_fields (self->kase));
  g_autoptr(GVariant) base = NULL;
  g_autoptr(GVariant) fields = NULL;

  /* Check the whole closed case first, so errors show on their rows. */
  g_variant_dict_insert (&dict, "status", "s", "closed");
  base = g_variant_ref_sink (g_variant_dict_end (&dict));
  fields = hk_form_window_build_fields (window, base);
  if (fields == NULL)
    return NULL;
  if (self->asking_reason && nonempty (fields, "override_reason") == NULL)
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (HK_RECORD_KIND_CASE, "override_reason");
      g_autofree char *message = NULL;

      /* Translators: %s is the field's label */
      message = g_strdup_printf (_("%s: is required to close the case with these prompts outstanding."),
                                 _(spec->label));
      hk_form_fields_show_error (hk_form_window_get_form (window), "override_reason", message);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

static void
hk_close_case_dialog_save (HkFormWindow *window,
                           GVariant     *fields)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (window);
  const char *reason;
  const char *saved_reason;

  /* The reason for no closing conversation is part of the case: save it
   * first, so the vault's own check sees it. */
  reason = nonempty (fields, "no_conversation_reason");
  saved_reason = nonempty (hk_record_get_fields (self->kase), "no_conversation_reason");
  if (g_strcmp0 (reason, saved_reason) != 0)
    {
      g_auto(GVariantDict) open = G_VARIANT_DICT_INIT (hk_record_get_fields (self->kase));
      g_autoptr(GVariant) with_reason = NULL;

      if (reason)
        g_variant_dict_insert (&open, "no_conversation_reason", "s", reason);
      else
        g_variant_dict_remove (&open, "no_conversation_reason");
      with_reason = g_variant_ref_sink (g_variant_dict_end (&open));
      hk_vault_save_async (hk_form_window_get_vault (window), HK_RECORD_KIND_CASE, hk_record_get_id (self->kase),
                           hk_record_get_parent_id (self->kase), hk_record_get_revision (self->kase),
                           with_reason, NULL, save_reason_cb, g_object_ref (self));
    }
  else
    close_case (self);
}

static void
hk_close_case_dialog_wipe (HkFormWindow *window)
{
  remove_prompt_rows (HK_CLOSE_CASE_DIALOG (window));
}

/* GObject */

static void
hk_close_case_dialog_constructed (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(HkFormFields) form = hk_form_fields_new (HK_RECORD_KIND_CASE);
  g_autofree char *identity = NULL;
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GPtrArray) prompts = NULL;

  G_OBJECT_CLASS (hk_close_case_dialog_parent_class)->constructed (object);

  g_assert (HK_IS_RECORD (self->kase));

  hk_form_fields_add_rows (form, self->date_group, date_keys);
  hk_form_fields_add_rows (form, self->conversation_group, conversation_keys);
  hk_form_fields_add_rows (form, self->reason_group, reason_keys);
  hk_form_window_set_form (window, form);

  /* Only asked when there is no closing conversation (or a reason is set). */
  prompts = closing_prompts (self, self->kase);
  gtk_widget_set_visible (GTK_WIDGET (self->conversation_group),
                          has_prompt (prompts, NO_CONVERSATION_CODE) ||
                          hk_record_get_string (self->kase, "no_conversation_reason") != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->blocking_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), FALSE);

  identity = g_strdup_printf ("case-close:%s", hk_record_get_id (self->kase));
  hk_form_window_set_identity (window, identity, TRUE);
  g_variant_dict_insert (&context, "case-id", "s", hk_record_get_id (self->kase));
  hk_form_draft_set_context (hk_form_window_get_draft (window), g_variant_dict_end (&context));
  hk_form_window_set_messages (window, _("The case was not closed."), _("Unsaved reasons kept as a draft"));

  hk_form_window_load (window);
}

static void
hk_close_case_dialog_dispose (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;

  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_close_case_dialog_parent_class)->dispose (object);
}

static void
hk_close_case_dialog_finalize (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;

  g_clear_object (&self->kase);
  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_close_case_dialog_parent_class)->finalize (object);
}

static void
hk_close_case_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_CASE_RECORDS:
      g_value_set_boxed (value, self->records);
      break;
    case PROP_ASKING_REASON:
      g_value_set_boolean (value, self->asking_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_close_case_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    case PROP_CASE_RECORDS:
      self->records = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_close_case_dialog_class_init (HkCloseCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HkFormWindowClass *form_window_class = HK_FORM_WINDOW_CLASS (klass);

  object_class->constructed = hk_close_case_dialog_constructed;
  object_class->dispose = hk_close_case_dialog_dispose;
  object_class->finalize = hk_close_case_dialog_finalize;
  object_class->get_property = hk_close_case_dialog_get_property;
  object_class->set_property = hk_close_case_dialog_set_property;

  form_window_class->fill_initial_values = hk_close_case_dialog_fill_initial_values;
  form_window_class->restore_draft = hk_close_case_dialog_restore_draft;
  form_window_class->focus_first_input = hk_close_case_dialog_focus_first_input;
  form_window_class->check = hk_close_case_dialog_check;
  form_window_class->save = hk_close_case_dialog_save;
  form_window_class->wipe = hk_close_case_dialog_wipe;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_RECORDS] =
    g_param_spec_boxed ("case-records", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASKING_REASON] =
    g_param_spec_boolean ("asking-reason", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-close-case-dialog.ui");
  hk_form_window_class_bind_template_children (widget_class, "page");
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, conversation_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, blocking_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, reason_group);
}

static void
hk_close_case_dialog_init (HkCloseCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->prompt_rows = g_ptr_array_new ();
}

HkCloseCaseDialog *
hk_close_case_dialog_new (HkVault   *vault,
                          HkRecord  *kase,
                          GPtrArray *case_records)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (HK_IS_RECORD (kase), NULL);

  return g_object_new (HK_TYPE_CLOSE_CASE_DIALOG,
                       "vault", vault,
                       "case", kase,
                       "case-records", case_records,
                       NULL);
}

HkFormFields *
hk_close_case_dialog_get_form (HkCloseCaseDialog *self)
{
  g_return_val_if_fail (HK_IS_CLOSE_CASE_DIALOG (self), NULL);

  return hk_form_window_get_form (HK_FORM_WINDOW (self));
}

gboolean
hk_close_case_dialog_get_asking_reason (HkCloseCaseDialog *self)
{
  g_return_val_if_fail (HK_IS_CLOSE_CASE_DIALOG (self), FALSE);

  return self->asking_reason;
}

guint
hk_close_case_dialog_get_n_blocking (HkCloseCaseDialog *self)
{
  g_return_val_if_fail (HK_IS_CLOSE_CASE_DIALOG (self), 0);

  return self->prompt_rows->len;
}
