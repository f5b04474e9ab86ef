/* hk-person-editor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-person-editor.h"

struct _HkPersonEditor
{
  HkFormWindow         parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *representative_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *case_group;
  GtkCheckButton      *open_case_check;

  HkRecord            *person;
};

G_DEFINE_FINAL_TYPE (HkPersonEditor, hk_person_editor, HK_TYPE_FORM_WINDOW)

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const person_keys[] = {
  "name", "preferred_name", "date_of_birth", "nhs_number", "local_ref", NULL
};
static const char * const contact_keys[] = {
  "address", "contact", "communication_needs", NULL
};
static const char * const representative_keys[] = {
  "representative_name", "representative_relationship", NULL
};

/* Auxiliary methods */

/* Only keys the schema really has: the layout survives schema changes. */
static void
add_known_rows (HkFormFields        *form,
                AdwPreferencesGroup *group,
                const char * const  *keys)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();

  for (guint i = 0; keys[i]; i++)
    if (hk_record_kind_find_field (HK_RECORD_KIND_PERSON, keys[i]))
      g_ptr_array_add (known, (gpointer) keys[i]);
  g_ptr_array_add (known, NULL);
  hk_form_fields_add_rows (form, group, (const char * const *) known->pdata);
}

/* Callbacks */

static void
open_case_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HkPersonEditor) self = user_data;
  g_autoptr(HkRecord) person = g_steal_pointer (&self->person);
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GError) error = NULL;

  kase = hk_vault_open_case_finish (HK_VAULT (object), result, &error);
  if (kase == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Person added, but the case was not opened: %s"), error->message);

      hk_form_window_save_done (HK_FORM_WINDOW (self), person, NULL, message);
      return;
    }
  hk_form_window_save_done (HK_FORM_WINDOW (self), person, kase, _("Person added and case opened"));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HkPersonEditor) self = user_data;
  g_autoptr(HkRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->person == NULL;

  record = hk_vault_save_finish (HK_VAULT (object), result, &error);
  if (record == NULL)
    {
      hk_form_window_save_failed (HK_FORM_WINDOW (self), error);
      return;
    }

  if (was_new && gtk_check_button_get_active (self->open_case_check))
    {
      /* Keep the person for open_case_cb; the editor stays busy meanwhile. */
      self->person = g_object_ref (record);
      hk_vault_open_case_async (hk_form_window_get_vault (HK_FORM_WINDOW (self)),
                                hk_record_get_id (record), NULL, NULL,
                                open_case_cb, g_object_ref (self));
      return;
    }

  hk_form_window_save_done (HK_FORM_WINDOW (self), record, NULL,
                            was_new ? _("Person added") : _("Person updated"));
}

static void
on_open_case_toggled_cb (HkPersonEditor *self)
{
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);

  g_variant_dict_insert (&context, "open-case", "b",
                         gtk_check_button_get_active (self->open_case_check));
  hk_form_draft_set_context (hk_form_window_get_draft (HK_FORM_WINDOW (self)),
                             g_variant_dict_end (&context));
}

/* HkFormWindow */

static void
hk_person_editor_fill_initial_values (HkFormWindow *window)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (window);

  hk_form_fields_set_values (hk_form_window_get_form (window),
                             self->person ? hk_record_get_fields (self->person) : NULL);
}

static void
hk_person_editor_restore_draft (HkFormWindow *window,
                                GVariant     *payload)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (window);
  gboolean open_case = TRUE;

  if (g_variant_lookup (payload, "open-case", "b", &open_case))
    gtk_check_button_set_active (self->open_case_check, open_case);
}

static void
hk_person_editor_focus_first_input (HkFormWindow *window)
{
  gtk_widget_grab_focus (hk_form_fields_get_widget (hk_form_window_get_form (window), "name"));
}

static GVariant *
hk_person_editor_check (HkFormWindow *window)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (window);

  return hk_form_window_build_fields (window, self->person ? hk_record_get_fields (self->person) : NULL);
}

static void
hk_person_editor_save (HkFormWindow *window,
                       GVariant     *fields)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (window);

  hk_vault_save_async (hk_form_window_get_vault (window), HK_RECORD_KIND_PERSON,
                       self->person ? hk_record_get_id (self->person) : NULL,
                       NULL,
                       self->person ? hk_record_get_revision (self->person) : 0,
                       fields, NULL, save_cb, g_object_ref (self));
}

/* GObject */

static void
hk_person_editor_constructed (GObject *object)
{
  HkPersonEditor *self = (HkPersonEditor *)object;
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(HkFormFields) form = hk_form_fields_new (HK_RECORD_KIND_PERSON);
  g_autofree char *identity = NULL;

  G_OBJECT_CLASS (hk_person_editor_parent_class)->constructed (object);

  add_known_rows (form, self->person_group, person_keys);
  add_known_rows (form, self->contact_group, contact_keys);
  add_known_rows (form, self->representative_group, representative_keys);
  /* Anything a later schema adds still gets a row. */
  gtk_widget_set_visible (GTK_WIDGET (self->other_group), FALSE);
  for (const HkFieldSpec *spec = hk_record_kind_get_fields (HK_RECORD_KIND_PERSON); spec->key; spec++)
    if (!(spec->flags & HK_FIELD_AUTOMATIC) && !hk_form_fields_has_field (form, spec->key))
      gtk_widget_set_visible (GTK_WIDGET (self->other_group), TRUE);
  hk_form_fields_add_rows (form, self->other_group, NULL);
  hk_form_window_set_form (window, form);

  adw_window_title_set_title (self->window_title, self->person ? _("Edit Person") : _("New Person"));
  gtk_widget_set_visible (GTK_WIDGET (self->case_group), self->person == NULL);

  identity = self->person
             ? g_strdup_printf ("person:%s", hk_record_get_id (self->person))
             : g_strdup ("person-new");
  hk_form_window_set_identity (window, identity, TRUE);
  on_open_case_toggled_cb (self);
  g_signal_connect_object (self->open_case_check, "notify::active",
                           G_CALLBACK (on_open_case_toggled_cb), self, G_CONNECT_SWAPPED);
  hk_form_window_set_messages (window, _("The person was not saved."), _("Unsaved changes kept as a draft"));

  hk_form_window_load (window);
}

static void
hk_person_editor_finalize (GObject *object)
{
  HkPersonEditor *self = (HkPersonEditor *)object;

  g_clear_object (&self->person);

  G_OBJECT_CLASS (hk_person_editor_parent_class)->finalize (object);
}

static void
hk_person_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_person_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_person_editor_class_init (HkPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HkFormWindowClass *form_window_class = HK_FORM_WINDOW_CLASS (klass);

  object_class->constructed = hk_person_editor_constructed;
  object_class->finalize = hk_person_editor_finalize;
  object_class->get_property = hk_person_editor_get_property;
  object_class->set_property = hk_person_editor_set_property;

  form_window_class->fill_initial_values = hk_person_editor_fill_initial_values;
  form_window_class->restore_draft = hk_person_editor_restore_draft;
  form_window_class->focus_first_input = hk_person_editor_focus_first_input;
  form_window_class->check = hk_person_editor_check;
  form_window_class->save = hk_person_editor_save;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-person-editor.ui");
  hk_form_window_class_bind_template_children (widget_class, "page");
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, representative_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, other_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, case_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, open_case_check);
}

static void
hk_person_editor_init (HkPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HkPersonEditor *
hk_person_editor_new (HkVault  *vault,
                      HkRecord *person)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person == NULL || HK_IS_RECORD (person), NULL);

  return g_object_new (HK_TYPE_PERSON_EDITOR,
                       "vault", vault,
                       "person", person,
                       NULL);
}

HkRecord *
hk_person_editor_get_person (HkPersonEditor *self)
{
  g_return_val_if_fail (HK_IS_PERSON_EDITOR (self), NULL);

  return self->person;
}

HkFormFields *
hk_person_editor_get_form (HkPersonEditor *self)
{
  g_return_val_if_fail (HK_IS_PERSON_EDITOR (self), NULL);

  return hk_form_window_get_form (HK_FORM_WINDOW (self));
}

GtkWidget *
hk_person_editor_get_open_case_check (HkPersonEditor *self)
{
  g_return_val_if_fail (HK_IS_PERSON_EDITOR (self), NULL);

  return GTK_WIDGET (self->open_case_check);
}
