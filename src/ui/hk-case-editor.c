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
  HkFormWindow         parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *person_group;
  AdwComboRow         *person_row;
  AdwPreferencesGroup *case_group;
  GtkButton           *save_button;

  HkCaseEditorMode     mode;
  HkRecord            *kase;
  char                *person_id;
  GPtrArray           *person_ids;  /* picker position → id */
};

G_DEFINE_FINAL_TYPE (HkCaseEditor, hk_case_editor, HK_TYPE_FORM_WINDOW)

enum {
  PROP_0,
  PROP_MODE,
  PROP_CASE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const new_keys[] = { "opened_on", "worker", "summary", NULL };
static const char * const close_keys[] = { "closed_on", NULL };

/* Auxiliary methods */

static gboolean
picks_person (HkCaseEditor *self)
{
  return self->mode == HK_CASE_EDITOR_NEW && self->person_id == NULL;
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

  if (self->kase)
    return hk_record_get_parent_id (self->kase);
  if (self->person_id)
    return self->person_id;
  selected = adw_combo_row_get_selected (self->person_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return NULL;
  return g_ptr_array_index (self->person_ids, selected);
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
  if (hk_form_window_is_gone (HK_FORM_WINDOW (self)))
    return;
  if (people == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hk_form_window_show_error (HK_FORM_WINDOW (self), _("The list of people could not be read."), error);
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

  /* Picking a person keeps no draft: the window is ready once this returns. */
  hk_form_window_load (HK_FORM_WINDOW (self));
  if (self->person_ids->len == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      adw_preferences_group_set_description (self->person_group,
                                             _("There is nobody to open a case for yet: add a person first."));
    }
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
  if (record == NULL)
    {
      hk_form_window_save_failed (HK_FORM_WINDOW (self), error);
      return;
    }

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
  hk_form_window_save_done (HK_FORM_WINDOW (self), record, NULL, toast);
}

/* HkFormWindow */

static void
hk_case_editor_fill_initial_values (HkFormWindow *window)
{
  HkCaseEditor *self = HK_CASE_EDITOR (window);
  HkFormFields *form = hk_form_window_get_form (window);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) values = NULL;
  g_autofree char *today = hk_today_iso ();

  switch (self->mode)
    {
    case HK_CASE_EDITOR_EDIT:
      hk_form_fields_set_values (form, hk_record_get_fields (self->kase));
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
  hk_form_fields_set_values (form, values);
}

static void
hk_case_editor_focus_first_input (HkFormWindow *window)
{
  HkCaseEditor *self = HK_CASE_EDITOR (window);

  if (picks_person (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
}

static GVariant *
hk_case_editor_check (HkFormWindow *window)
{
  HkCaseEditor *self = HK_CASE_EDITOR (window);
  g_autoptr(GVariant) base = NULL;

  if (chosen_person_id (self) == NULL)
    {
      hk_form_window_add_toast (window, _("Choose the person the case is about."));
      gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
      return NULL;
    }

  base = build_base (self);
  return hk_form_window_build_fields (window, base);
}

static void
hk_case_editor_save (HkFormWindow *window,
                     GVariant     *fields)
{
  HkCaseEditor *self = HK_CASE_EDITOR (window);

  hk_vault_save_async (hk_form_window_get_vault (window), HK_RECORD_KIND_CASE,
                       self->kase ? hk_record_get_id (self->kase) : NULL,
                       chosen_person_id (self),
                       self->kase ? hk_record_get_revision (self->kase) : 0,
                       fields, NULL, save_cb, g_object_ref (self));
}

static void
hk_case_editor_wipe (HkFormWindow *window)
{
  adw_combo_row_set_model (HK_CASE_EDITOR (window)->person_row, NULL);
}

/* GObject */

static void
hk_case_editor_constructed (GObject *object)
{
  HkCaseEditor *self = (HkCaseEditor *)object;
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(HkFormFields) form = hk_form_fields_new (HK_RECORD_KIND_CASE);
  g_autofree char *identity = NULL;

  G_OBJECT_CLASS (hk_case_editor_parent_class)->constructed (object);

  g_assert (self->mode == HK_CASE_EDITOR_NEW || HK_IS_RECORD (self->kase));

  if (self->person_id && *self->person_id == '\0')
    g_clear_pointer (&self->person_id, g_free);

  switch (self->mode)
    {
    case HK_CASE_EDITOR_NEW:
      hk_form_fields_add_rows (form, self->case_group, new_keys);
      adw_window_title_set_title (self->window_title, _("New Case"));
      if (self->person_id)
        identity = g_strdup_printf ("case-new:%s", self->person_id);
      else
        identity = g_strdup ("case-new");
      break;

    case HK_CASE_EDITOR_CLOSE:
      hk_form_fields_add_rows (form, self->case_group, close_keys);
      adw_window_title_set_title (self->window_title, _("Close Case"));
      adw_preferences_group_set_description (self->case_group,
                                             _("The case will be marked as closed. Its notes stay in the vault and can still be read."));
      gtk_button_set_label (self->save_button, _("C_lose Case"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      gtk_window_set_default_size (GTK_WINDOW (self), 480, 360);
      identity = g_strdup_printf ("case-close:%s", hk_record_get_id (self->kase));
      break;

    case HK_CASE_EDITOR_EDIT:
    default:
      hk_form_fields_add_rows (form, self->case_group, NULL);
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      identity = g_strdup_printf ("case:%s", hk_record_get_id (self->kase));
      break;
    }
  hk_form_window_set_form (window, form);

  gtk_widget_set_visible (GTK_WIDGET (self->person_group), picks_person (self));

  /* Closing is one date: nothing worth a draft. Picking a person has no
   * stable key until the person is chosen. */
  hk_form_window_set_identity (window, identity,
                               self->mode == HK_CASE_EDITOR_EDIT ||
                               (self->mode == HK_CASE_EDITOR_NEW && self->person_id != NULL));
  hk_form_window_set_messages (window, _("The case was not saved."), _("Unsaved changes kept as a draft"));

  if (picks_person (self))
    hk_vault_list_async (hk_form_window_get_vault (window), HK_RECORD_KIND_PERSON, NULL,
                         hk_form_window_get_cancellable (window),
                         list_people_cb, g_object_ref (self));
  else
    hk_form_window_load (window);
}

static void
hk_case_editor_finalize (GObject *object)
{
  HkCaseEditor *self = (HkCaseEditor *)object;

  g_clear_object (&self->kase);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->person_ids, g_ptr_array_unref);

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
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
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
  HkFormWindowClass *form_window_class = HK_FORM_WINDOW_CLASS (klass);

  object_class->constructed = hk_case_editor_constructed;
  object_class->finalize = hk_case_editor_finalize;
  object_class->get_property = hk_case_editor_get_property;
  object_class->set_property = hk_case_editor_set_property;

  form_window_class->fill_initial_values = hk_case_editor_fill_initial_values;
  form_window_class->focus_first_input = hk_case_editor_focus_first_input;
  form_window_class->check = hk_case_editor_check;
  form_window_class->save = hk_case_editor_save;
  form_window_class->wipe = hk_case_editor_wipe;

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, HK_CASE_EDITOR_NEW, HK_CASE_EDITOR_CLOSE, HK_CASE_EDITOR_NEW,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-case-editor.ui");
  hk_form_window_class_bind_template_children (widget_class, "page");
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, case_group);
  gtk_widget_class_bind_template_child (widget_class, HkCaseEditor, save_button);
}

static void
hk_case_editor_init (HkCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  return hk_form_window_get_form (HK_FORM_WINDOW (self));
}

GtkWidget *
hk_case_editor_get_person_row (HkCaseEditor *self)
{
  g_return_val_if_fail (HK_IS_CASE_EDITOR (self), NULL);

  return GTK_WIDGET (self->person_row);
}
