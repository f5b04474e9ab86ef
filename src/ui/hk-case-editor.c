/* hk-case-editor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-case-editor.h"
#include "hk-form-format.h"

struct _HkCaseEditor
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *person_group;
  AdwComboRow         *person_row;
  AdwPreferencesGroup *case_group;
  GtkButton           *save_button;

  HkVault             *vault;
  HkCaseEditorMode     mode;
  HkRecord            *kase;
  char                *person_id;
  GPtrArray           *person_ids;  /* picker position → id */
  char                *identity;
  HkFormFields        *form;
  HkFormDraft         *draft;       /* NULL when this mode keeps none */
  GCancellable        *cancellable;
  guint                pending;     /* loads still running */

  guint                ready : 1;
  guint                saving : 1;
  guint                saved : 1;
  guint                shut_down : 1;
  guint                disposed : 1;
};

static void hk_case_editor_form_editor_init (HkFormEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HkCaseEditor, hk_case_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (HK_TYPE_FORM_EDITOR,
                                                      hk_case_editor_form_editor_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_MODE,
  PROP_CASE,
  PROP_PERSON_ID,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const new_keys[] = { "opened_on", "worker", "summary", NULL };
static const char * const close_keys[] = { "closed_on", NULL };

/* Auxiliary methods */

static void
set_busy (HkCaseEditor *self,
          gboolean      busy)
{
  /* A focused entry made insensitive keeps blinking its cursor (and GTK
   * warns): let go of the focus first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", !busy);
}

static void
load_step_done (HkCaseEditor *self)
{
  g_assert (self->pending > 0);

  if (--self->pending > 0)
    return;

  if (self->draft)
    hk_form_draft_watch (self->draft, self->form);
  set_busy (self, FALSE);
  self->ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);

  if (self->mode == HK_CASE_EDITOR_NEW && self->person_id == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
      if (self->person_ids->len == 0)
        {
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
          adw_preferences_group_set_description (self->person_group,
                                                 _("There is nobody to open a case for yet: add a person first."));
        }
    }
}

static void
fill_initial_values (HkCaseEditor *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) values = NULL;
  g_autofree char *today = hk_today_iso ();

  switch (self->mode)
    {
    case HK_CASE_EDITOR_EDIT:
      hk_form_fields_set_values (self->form, hk_record_get_fields (self->kase));
      return;
    case HK_CASE_EDITOR_CLOSE:
      g_variant_dict_insert (&dict, "closed_on", "s", today);
      break;
    case HK_CASE_EDITOR_NEW:
    default:
      g_variant_dict_insert (&dict, "opened_on", "s", today);
      break;
    }
  values = g_variant_ref_sink (g_variant_dict_end (&dict));
  hk_form_fields_set_values (self->form, values);
}

static GVariant *
build_base (HkCaseEditor *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (self->kase ? hk_record_get_fields (self->kase) : NULL);

  if (self->mode == HK_CASE_EDITOR_NEW)
    g_variant_dict_insert (&dict, "status", "s", "open");
  else if (self->mode == HK_CASE_EDITOR_CLOSE)
    g_variant_dict_insert (&dict, "status", "s", "closed");
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

static const char *
chosen_person_id (HkCaseEditor *self)
{
  guint selected;

  if (self->person_id)
    return self->person_id;
  selected = adw_combo_row_get_selected (self->person_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return NULL;
  return g_ptr_array_index (self->person_ids, selected);
}

static void
show_validation_error (HkCaseEditor *self,
                       const char   *key,
                       const GError *error)
{
  if (!hk_form_fields_show_error (self->form, key, error->message))
    hk_form_editor_show_error (self->toast_overlay, _("The case was not saved."), error);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  HkRecord *pa = *(HkRecord **) a;
  HkRecord *pb = *(HkRecord **) b;

  return g_utf8_collate (hk_person_get_display_name (pa), hk_person_get_display_name (pb));
}

/* Callbacks */

static void
list_people_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkCaseEditor) self = user_data;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;

  people = hk_vault_list_finish (HK_VAULT (object), result, &error);
  if (self->disposed)
    return;
  if (people == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hk_form_editor_show_error (self->toast_overlay, _("The list of people could not be read."), error);
      people = g_ptr_array_new ();
    }

  g_ptr_array_sort (people, compare_people);
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < people->len; i++)
    {
      HkRecord *person = g_ptr_array_index (people, i);

      gtk_string_list_append (names, hk_person_get_display_name (person));
      g_ptr_array_add (self->person_ids, g_strdup (hk_record_get_id (person)));
    }
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  load_step_done (self);
}

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkCaseEditor) self = user_data;
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
  load_step_done (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HkCaseEditor) self = user_data;
  g_autoptr(HkRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *toast;

  record = hk_vault_save_finish (HK_VAULT (object), result, &error);
  self->saving = FALSE;
  if (record == NULL)
    {
      if (self->disposed)
        return;
      if (self->draft)
        {
          hk_form_draft_watch (self->draft, self->form);
          hk_form_draft_set_dirty (self->draft, TRUE);
        }
      set_busy (self, FALSE);
      if (g_error_matches (error, HK_ERROR, HK_ERROR_INVALID))
        show_validation_error (self, NULL, error);
      else
        hk_form_editor_show_error (self->toast_overlay, _("The case was not saved."), error);
      return;
    }

  self->saved = TRUE;
  if (self->disposed)
    return;

  switch (self->mode)
    {
    case HK_CASE_EDITOR_NEW:
      toast = _("Case opened");
      break;
    case HK_CASE_EDITOR_CLOSE:
      toast = _("Case closed");
      break;
    case HK_CASE_EDITOR_EDIT:
    default:
      toast = _("Case updated");
      break;
    }
  hk_form_editor_emit_saved (HK_FORM_EDITOR (self), record, NULL);
  hk_form_editor_emit_toast (HK_FORM_EDITOR (self), toast);
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkCaseEditor *self = HK_CASE_EDITOR (widget);
  g_autoptr(GVariant) base = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;
  const char *person_id;

  if (!self->ready || self->saving || self->shut_down)
    return;

  hk_form_fields_clear_errors (self->form);
  person_id = self->kase ? hk_record_get_parent_id (self->kase) : chosen_person_id (self);
  if (person_id == NULL)
    {
      AdwToast *toast = adw_toast_new (_("Choose the person the case is about."));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
      return;
    }

  base = build_base (self);
  fields = hk_form_fields_build (self->form, base, &key, &error);
  if (fields == NULL || !hk_record_validate (HK_RECORD_KIND_CASE, fields, &key, &error))
    {
      show_validation_error (self, key, error);
      return;
    }

  self->saving = TRUE;
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  set_busy (self, TRUE);
  hk_vault_save_async (self->vault, HK_RECORD_KIND_CASE,
                       self->kase ? hk_record_get_id (self->kase) : NULL,
                       person_id,
                       self->kase ? hk_record_get_revision (self->kase) : 0,
                       fields, NULL, save_cb, g_object_ref (self));
  /* The vault runs its work in order: the draft goes right behind the save,
   * before any lock that follows. A failed save autosaves it again. */
  if (self->draft)
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
  HkCaseEditor *self = HK_CASE_EDITOR (widget);

  if (!self->ready || self->saving || self->draft == NULL)
    return;
  hk_form_draft_discard_async (self->draft, NULL, NULL, NULL);
  hk_form_fields_clear_errors (self->form);
  fill_initial_values (self);
  hk_form_draft_set_dirty (self->draft, FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

/* HkFormEditor */

static const char *
hk_case_editor_get_identity (HkFormEditor *editor)
{
  return HK_CASE_EDITOR (editor)->identity;
}

static HkFormDraft *
hk_case_editor_get_draft (HkFormEditor *editor)
{
  HkCaseEditor *self = HK_CASE_EDITOR (editor);

  return self->saved || self->shut_down ? NULL : self->draft;
}

static gboolean
hk_case_editor_get_ready (HkFormEditor *editor)
{
  return HK_CASE_EDITOR (editor)->ready;
}

static void
hk_case_editor_shutdown (HkFormEditor *editor)
{
  HkCaseEditor *self = HK_CASE_EDITOR (editor);

  self->shut_down = TRUE;
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  hk_form_fields_clear (self->form);
  adw_combo_row_set_model (self->person_row, NULL);
  gtk_label_set_text (self->draft_label, "");
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

static void
hk_case_editor_form_editor_init (HkFormEditorInterface *iface)
{
  iface->get_identity = hk_case_editor_get_identity;
  iface->get_draft = hk_case_editor_get_draft;
  iface->get_ready = hk_case_editor_get_ready;
  iface->shutdown = hk_case_editor_shutdown;
}

/* GtkWindow */

static gboolean
hk_case_editor_close_request (GtkWindow *window)
{
  HkCaseEditor *self = HK_CASE_EDITOR (window);

  /* Closing without saving keeps the text: say where it went. */
  if (self->draft && !self->shut_down && !self->saved && !self->saving)
    {
      gboolean unsaved = hk_form_draft_get_dirty (self->draft) || hk_form_draft_get_stored (self->draft);

      hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
      if (unsaved)
        hk_form_editor_emit_toast (HK_FORM_EDITOR (self), _("Unsaved changes kept as a draft"));
    }

  hk_form_editor_mark_closed (HK_FORM_EDITOR (self));

  return GTK_WINDOW_CLASS (hk_case_editor_parent_class)->close_request (window);
}

/* GObject */

static void
hk_case_editor_constructed (GObject *object)
{
  HkCaseEditor *self = (HkCaseEditor *)object;

  G_OBJECT_CLASS (hk_case_editor_parent_class)->constructed (object);

  g_assert (HK_IS_VAULT (self->vault));
  g_assert (self->mode == HK_CASE_EDITOR_NEW || HK_IS_RECORD (self->kase));

  if (self->person_id && *self->person_id == '\0')
    g_clear_pointer (&self->person_id, g_free);

  self->form = hk_form_fields_new (HK_RECORD_KIND_CASE);
  switch (self->mode)
    {
    case HK_CASE_EDITOR_NEW:
      hk_form_fields_add_rows (self->form, self->case_group, new_keys);
      adw_window_title_set_title (self->window_title, _("New Case"));
      if (self->person_id)
        self->identity = g_strdup_printf ("case-new:%s", self->person_id);
      else
        self->identity = g_strdup ("case-new");
      break;

    case HK_CASE_EDITOR_CLOSE:
      hk_form_fields_add_rows (self->form, self->case_group, close_keys);
      adw_window_title_set_title (self->window_title, _("Close Case"));
      adw_preferences_group_set_description (self->case_group,
                                             _("The case will be marked as closed. Its notes stay in the vault and can still be read."));
      gtk_button_set_label (self->save_button, _("C_lose Case"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      gtk_window_set_default_size (GTK_WINDOW (self), 480, 360);
      self->identity = g_strdup_printf ("case-close:%s", hk_record_get_id (self->kase));
      break;

    case HK_CASE_EDITOR_EDIT:
    default:
      hk_form_fields_add_rows (self->form, self->case_group, NULL);
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      self->identity = g_strdup_printf ("case:%s", hk_record_get_id (self->kase));
      break;
    }
  fill_initial_values (self);

  gtk_widget_set_visible (GTK_WIDGET (self->person_group),
                          self->mode == HK_CASE_EDITOR_NEW && self->person_id == NULL);

  set_busy (self, TRUE);
  self->pending = 1;  /* released below, so the steps cannot finish early */

  if (self->mode == HK_CASE_EDITOR_NEW && self->person_id == NULL)
    {
      self->pending++;
      hk_vault_list_async (self->vault, HK_RECORD_KIND_PERSON, NULL, self->cancellable,
                           list_people_cb, g_object_ref (self));
    }

  /* Closing is one date: nothing worth a draft. Picking a person has no
   * stable key until the person is chosen. */
  if (self->mode == HK_CASE_EDITOR_EDIT ||
      (self->mode == HK_CASE_EDITOR_NEW && self->person_id != NULL))
    {
      self->draft = hk_form_draft_new (self->vault, self->identity);
      self->pending++;
      hk_form_draft_load_async (self->draft, self->cancellable, load_draft_cb, g_object_ref (self));
    }

  load_step_done (self);
}

static void
hk_case_editor_dispose (GObject *object)
{
  HkCaseEditor *self = (HkCaseEditor *)object;

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

  G_OBJECT_CLASS (hk_case_editor_parent_class)->dispose (object);
}

static void
hk_case_editor_finalize (GObject *object)
{
  HkCaseEditor *self = (HkCaseEditor *)object;

  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->person_ids, g_ptr_array_unref);
  g_clear_pointer (&self->identity, g_free);

  G_OBJECT_CLASS (hk_case_editor_parent_class)->finalize (object);
}

static void
hk_case_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HkCaseEditor *self = HK_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HkCaseEditor *self = HK_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_MODE:
      self->mode = g_value_get_int (value);
      break;
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_editor_class_init (HkCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_case_editor_constructed;
  object_class->dispose = hk_case_editor_dispose;
  object_class->finalize = hk_case_editor_finalize;
  object_class->get_property = hk_case_editor_get_property;
  object_class->set_property = hk_case_editor_set_property;

  window_class->close_request = hk_case_editor_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, HK_CASE_EDITOR_NEW, HK_CASE_EDITOR_CLOSE, HK_CASE_EDITOR_NEW,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, page);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, case_group);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hk_case_editor_init (HkCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->person_ids = g_ptr_array_new_with_free_func (g_free);
}

HkCaseEditor *
hk_case_editor_new_case (HkVault    *vault,
                         const char *person_id)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);

  return g_object_new (HK_TYPE_CASE_EDITOR,
                       "vault", vault,
                       "mode", HK_CASE_EDITOR_NEW,
                       "person-id", person_id,
                       NULL);
}

HkCaseEditor *
hk_case_editor_new_edit (HkVault  *vault,
                         HkRecord *kase)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (HK_IS_RECORD (kase), NULL);

  return g_object_new (HK_TYPE_CASE_EDITOR,
                       "vault", vault,
                       "mode", HK_CASE_EDITOR_EDIT,
                       "case", kase,
                       NULL);
}

HkCaseEditor *
hk_case_editor_new_close (HkVault  *vault,
                          HkRecord *kase)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (HK_IS_RECORD (kase), NULL);

  return g_object_new (HK_TYPE_CASE_EDITOR,
                       "vault", vault,
                       "mode", HK_CASE_EDITOR_CLOSE,
                       "case", kase,
                       NULL);
}

HkCaseEditorMode
hk_case_editor_get_mode (HkCaseEditor *self)
{
  g_return_val_if_fail (HK_IS_CASE_EDITOR (self), HK_CASE_EDITOR_NEW);

  return self->mode;
}

HkFormFields *
hk_case_editor_get_form (HkCaseEditor *self)
{
  g_return_val_if_fail (HK_IS_CASE_EDITOR (self), NULL);

  return self->form;
}

GtkWidget *
hk_case_editor_get_person_row (HkCaseEditor *self)
{
  g_return_val_if_fail (HK_IS_CASE_EDITOR (self), NULL);

  return GTK_WIDGET (self->person_row);
}
