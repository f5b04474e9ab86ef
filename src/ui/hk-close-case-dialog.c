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
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  GtkWidget           *page;
  GtkButton           *close_button;
  AdwPreferencesGroup *date_group;
  AdwPreferencesGroup *conversation_group;
  AdwPreferencesGroup *blocking_group;
  AdwPreferencesGroup *reason_group;

  HkVault             *vault;
  HkRecord            *kase;
  GPtrArray           *records;
  char                *identity;
  HkFormFields        *form;
  HkFormDraft         *draft;
  GCancellable        *cancellable;
  GPtrArray           *prompt_rows;   /* rows in blocking_group */

  guint                ready : 1;
  guint                saving : 1;
  guint                saved : 1;
  guint                asking_reason : 1;
  guint                shut_down : 1;
  guint                disposed : 1;
};

static void hk_close_case_dialog_form_editor_init (HkFormEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HkCloseCaseDialog, hk_close_case_dialog, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (HK_TYPE_FORM_EDITOR,
                                                      hk_close_case_dialog_form_editor_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_CASE,
  PROP_CASE_RECORDS,
  PROP_READY,
  PROP_ASKING_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const date_keys[] = { "closed_on", NULL };
static const char * const conversation_keys[] = { "no_conversation_reason", NULL };
static const char * const reason_keys[] = { "override_reason", NULL };

static void close_case (HkCloseCaseDialog *self);

/* Auxiliary methods */

static void
set_ready (HkCloseCaseDialog *self,
           gboolean           ready)
{
  if (self->ready == !!ready)
    return;
  self->ready = !!ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
set_busy (HkCloseCaseDialog *self,
          gboolean           busy)
{
  /* A focused entry made insensitive keeps blinking its cursor: let go first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (self->page, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", !busy);
}

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
fill_initial_values (HkCloseCaseDialog *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) values = NULL;
  g_autofree char *today = hk_today_iso ();
  const char *reason = hk_record_get_string (self->kase, "no_conversation_reason");

  g_variant_dict_insert (&dict, "closed_on", "s", today);
  if (reason && *reason)
    g_variant_dict_insert (&dict, "no_conversation_reason", "s", reason);
  values = g_variant_ref_sink (g_variant_dict_end (&dict));
  hk_form_fields_set_values (self->form, values);
}

static void
show_blocking (HkCloseCaseDialog *self,
               GPtrArray         *prompts)
{
  for (guint i = 0; i < self->prompt_rows->len; i++)
    adw_preferences_group_remove (self->blocking_group, g_ptr_array_index (self->prompt_rows, i));
  g_ptr_array_set_size (self->prompt_rows, 0);

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

static void
show_validation_error (HkCloseCaseDialog *self,
                       const char        *key,
                       const GError      *error)
{
  if (!hk_form_fields_show_error (self->form, key, error->message))
    hk_form_editor_show_error (self->toast_overlay, _("The case was not closed."), error);
}

static void
failed (HkCloseCaseDialog *self)
{
  self->saving = FALSE;
  if (self->disposed)
    return;
  /* What was typed is still unsaved: keep autosaving it. */
  hk_form_draft_watch (self->draft, self->form);
  hk_form_draft_set_dirty (self->draft, TRUE);
  set_busy (self, FALSE);
}

/* Callbacks */

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkCloseCaseDialog) self = user_data;
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
      g_autoptr(GVariant) reason = g_variant_lookup_value (raw, "override_reason", NULL);

      hk_form_fields_set_raw (self->form, raw);
      gtk_label_set_text (self->draft_label, description);
      gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
      /* A reason was being written: the prompts come back with it. */
      if (reason && g_variant_is_of_type (reason, G_VARIANT_TYPE_STRING) &&
          *g_variant_get_string (reason, NULL) != '\0')
        {
          g_autoptr(GPtrArray) prompts = closing_prompts (self, self->kase);

          show_blocking (self, prompts);
        }
    }

  hk_form_draft_watch (self->draft, self->form);
  set_busy (self, FALSE);
  set_ready (self, TRUE);
  gtk_widget_grab_focus (hk_form_fields_get_widget (self->form, "closed_on"));
}

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
      self->saving = FALSE;
      self->saved = TRUE;
      if (self->disposed)
        return;
      hk_form_editor_emit_saved (HK_FORM_EDITOR (self), closed, NULL);
      hk_form_editor_emit_toast (HK_FORM_EDITOR (self), _("Case closed"));
      hk_form_editor_close (HK_FORM_EDITOR (self));
      return;
    }

  failed (self);
  if (self->disposed)
    return;

  /* Refused because of blocking prompts: list them and ask why. */
  if (g_error_matches (error, HK_ERROR, HK_ERROR_INVALID))
    {
      prompts = closing_prompts (self, self->kase);
      for (guint i = 0; i < prompts->len; i++)
        n_blocking += ((HkPrompt *) g_ptr_array_index (prompts, i))->severity == HK_PROMPT_BLOCKING;
    }
  if (n_blocking > 0)
    {
      GtkWidget *reason = hk_form_fields_get_widget (self->form, "override_reason");

      show_blocking (self, prompts);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Give a reason to close anyway")));
      gtk_widget_grab_focus (reason);
      return;
    }

  hk_form_editor_show_error (self->toast_overlay, _("The case was not closed."), error);
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
      failed (self);
      if (!self->disposed)
        hk_form_editor_show_error (self->toast_overlay, _("The reason was not saved."), error);
      return;
    }

  g_set_object (&self->kase, kase);
  if (self->disposed)
    {
      self->saving = FALSE;
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
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  fields = hk_form_fields_build (self->form, NULL, &key, &error);
  if (fields == NULL)
    {
      failed (self);
      show_validation_error (self, key, error);
      return;
    }
  hk_vault_close_case_async (self->vault, hk_record_get_id (self->kase),
                             nonempty (fields, "closed_on"),
                             self->asking_reason ? nonempty (fields, "override_reason") : NULL,
                             NULL, close_case_cb, g_object_ref (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (widget);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (hk_record_get_fields (self->kase));
  g_autoptr(GVariant) base = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GVariant) with_reason = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;
  const char *reason;
  const char *saved_reason;

  if (!self->ready || self->saving || self->shut_down)
    return;

  hk_form_fields_clear_errors (self->form);

  /* Check the whole closed case first, so errors show on their rows. */
  g_variant_dict_insert (&dict, "status", "s", "closed");
  base = g_variant_ref_sink (g_variant_dict_end (&dict));
  fields = hk_form_fields_build (self->form, base, &key, &error);
  if (fields == NULL || !hk_record_validate (HK_RECORD_KIND_CASE, fields, &key, &error))
    {
      show_validation_error (self, key, error);
      return;
    }
  if (self->asking_reason && nonempty (fields, "override_reason") == NULL)
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (HK_RECORD_KIND_CASE, "override_reason");
      g_autofree char *message = NULL;

      /* Translators: %s is the field's label */
      message = g_strdup_printf (_("%s: is required to close the case with these prompts outstanding."),
                                 _(spec->label));
      hk_form_fields_show_error (self->form, "override_reason", message);
      return;
    }

  self->saving = TRUE;
  hk_form_draft_watch (self->draft, NULL);
  set_busy (self, TRUE);

  /* The reason for no closing conversation is part of the case: save it
   * first, so the vault's own check sees it. */
  reason = nonempty (fields, "no_conversation_reason");
  saved_reason = nonempty (hk_record_get_fields (self->kase), "no_conversation_reason");
  if (g_strcmp0 (reason, saved_reason) != 0)
    {
      g_auto(GVariantDict) open = G_VARIANT_DICT_INIT (hk_record_get_fields (self->kase));

      if (reason)
        g_variant_dict_insert (&open, "no_conversation_reason", "s", reason);
      else
        g_variant_dict_remove (&open, "no_conversation_reason");
      with_reason = g_variant_ref_sink (g_variant_dict_end (&open));
      hk_vault_save_async (self->vault, HK_RECORD_KIND_CASE, hk_record_get_id (self->kase),
                           hk_record_get_parent_id (self->kase), hk_record_get_revision (self->kase),
                           with_reason, NULL, save_reason_cb, g_object_ref (self));
    }
  else
    close_case (self);

  /* The vault runs its work in order: the draft goes right behind, before
   * any lock that follows. A failed close autosaves it again. */
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
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (widget);

  if (!self->ready || self->saving)
    return;
  hk_form_draft_discard_async (self->draft, NULL, NULL, NULL);
  hk_form_fields_clear_errors (self->form);
  fill_initial_values (self);
  hk_form_draft_set_dirty (self->draft, FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

/* HkFormEditor */

static const char *
hk_close_case_dialog_get_identity (HkFormEditor *editor)
{
  return HK_CLOSE_CASE_DIALOG (editor)->identity;
}

static HkFormDraft *
hk_close_case_dialog_get_draft (HkFormEditor *editor)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (editor);

  return self->saved || self->shut_down ? NULL : self->draft;
}

static gboolean
hk_close_case_dialog_get_ready (HkFormEditor *editor)
{
  return HK_CLOSE_CASE_DIALOG (editor)->ready;
}

static void
hk_close_case_dialog_shutdown (HkFormEditor *editor)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (editor);

  self->shut_down = TRUE;
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  hk_form_fields_clear (self->form);
  for (guint i = 0; i < self->prompt_rows->len; i++)
    adw_preferences_group_remove (self->blocking_group, g_ptr_array_index (self->prompt_rows, i));
  g_ptr_array_set_size (self->prompt_rows, 0);
  gtk_label_set_text (self->draft_label, "");
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

static void
hk_close_case_dialog_form_editor_init (HkFormEditorInterface *iface)
{
  iface->get_identity = hk_close_case_dialog_get_identity;
  iface->get_draft = hk_close_case_dialog_get_draft;
  iface->get_ready = hk_close_case_dialog_get_ready;
  iface->shutdown = hk_close_case_dialog_shutdown;
}

/* GtkWindow */

static gboolean
hk_close_case_dialog_close_request (GtkWindow *window)
{
  HkCloseCaseDialog *self = HK_CLOSE_CASE_DIALOG (window);

  /* Closing without closing the case keeps what was typed. */
  if (self->draft && !self->shut_down && !self->saved && !self->saving)
    {
      gboolean unsaved = hk_form_draft_get_dirty (self->draft) || hk_form_draft_get_stored (self->draft);

      hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
      if (unsaved)
        hk_form_editor_emit_toast (HK_FORM_EDITOR (self), _("Unsaved reasons kept as a draft"));
    }

  hk_form_editor_mark_closed (HK_FORM_EDITOR (self));

  return GTK_WINDOW_CLASS (hk_close_case_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
hk_close_case_dialog_constructed (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GPtrArray) prompts = NULL;

  G_OBJECT_CLASS (hk_close_case_dialog_parent_class)->constructed (object);

  g_assert (HK_IS_VAULT (self->vault));
  g_assert (HK_IS_RECORD (self->kase));

  self->identity = g_strdup_printf ("case-close:%s", hk_record_get_id (self->kase));
  self->form = hk_form_fields_new (HK_RECORD_KIND_CASE);
  hk_form_fields_add_rows (self->form, self->date_group, date_keys);
  hk_form_fields_add_rows (self->form, self->conversation_group, conversation_keys);
  hk_form_fields_add_rows (self->form, self->reason_group, reason_keys);
  fill_initial_values (self);

  /* Only asked when there is no closing conversation (or a reason is set). */
  prompts = closing_prompts (self, self->kase);
  gtk_widget_set_visible (GTK_WIDGET (self->conversation_group),
                          has_prompt (prompts, NO_CONVERSATION_CODE) ||
                          hk_record_get_string (self->kase, "no_conversation_reason") != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->blocking_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), FALSE);

  self->draft = hk_form_draft_new (self->vault, self->identity);
  g_variant_dict_insert (&context, "case-id", "s", hk_record_get_id (self->kase));
  hk_form_draft_set_context (self->draft, g_variant_dict_end (&context));

  set_busy (self, TRUE);
  hk_form_draft_load_async (self->draft, self->cancellable, load_draft_cb, g_object_ref (self));
}

static void
hk_close_case_dialog_dispose (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;

  /* Destroyed mid-edit: keep what was typed. */
  if (!self->disposed && self->draft && !self->shut_down && !self->saved && !self->saving &&
      hk_form_draft_get_dirty (self->draft))
    hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
  if (!self->disposed)
    hk_form_editor_mark_closed (HK_FORM_EDITOR (self));
  self->disposed = TRUE;

  g_cancellable_cancel (self->cancellable);
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  g_clear_object (&self->form);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_close_case_dialog_parent_class)->dispose (object);
}

static void
hk_close_case_dialog_finalize (GObject *object)
{
  HkCloseCaseDialog *self = (HkCloseCaseDialog *)object;

  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);
  g_clear_pointer (&self->identity, g_free);

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
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_CASE_RECORDS:
      g_value_set_boxed (value, self->records);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
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
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_close_case_dialog_constructed;
  object_class->dispose = hk_close_case_dialog_dispose;
  object_class->finalize = hk_close_case_dialog_finalize;
  object_class->get_property = hk_close_case_dialog_get_property;
  object_class->set_property = hk_close_case_dialog_set_property;

  window_class->close_request = hk_close_case_dialog_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_RECORDS] =
    g_param_spec_boxed ("case-records", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASKING_REASON] =
    g_param_spec_boolean ("asking-reason", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-close-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, draft_label);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, page);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, conversation_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, blocking_group);
  gtk_widget_class_bind_template_child (widget_class, HkCloseCaseDialog, reason_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hk_close_case_dialog_init (HkCloseCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
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

  return self->form;
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
