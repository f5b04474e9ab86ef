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
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *representative_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *case_group;
  GtkCheckButton      *open_case_check;

  HkVault             *vault;
  HkRecord            *person;
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

static void hk_person_editor_form_editor_init (HkFormEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HkPersonEditor, hk_person_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (HK_TYPE_FORM_EDITOR,
                                                      hk_person_editor_form_editor_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_PERSON,
  PROP_READY,
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

static void
set_ready (HkPersonEditor *self,
           gboolean        ready)
{
  if (self->ready == !!ready)
    return;
  self->ready = !!ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
set_busy (HkPersonEditor *self,
          gboolean        busy)
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
fill_initial_values (HkPersonEditor *self)
{
  hk_form_fields_set_values (self->form, self->person ? hk_record_get_fields (self->person) : NULL);
}

/* Only keys the schema really has: the layout survives schema changes. */
static void
add_known_rows (HkPersonEditor      *self,
                AdwPreferencesGroup *group,
                const char * const  *keys)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();

  for (guint i = 0; keys[i]; i++)
    if (hk_record_kind_find_field (HK_RECORD_KIND_PERSON, keys[i]))
      g_ptr_array_add (known, (gpointer) keys[i]);
  g_ptr_array_add (known, NULL);
  hk_form_fields_add_rows (self->form, group, (const char * const *) known->pdata);
}

static void
show_validation_error (HkPersonEditor *self,
                       const char     *key,
                       const GError   *error)
{
  if (!hk_form_fields_show_error (self->form, key, error->message))
    hk_form_editor_show_error (self->toast_overlay, _("The person was not saved."), error);
}

static void
finish_saved (HkPersonEditor *self,
              HkRecord       *person,
              HkRecord       *kase,
              const char     *toast)
{
  self->saved = TRUE;
  if (self->disposed)
    return;
  hk_form_editor_emit_saved (HK_FORM_EDITOR (self), person, kase);
  hk_form_editor_emit_toast (HK_FORM_EDITOR (self), toast);
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

/* Callbacks */

static void
load_draft_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkPersonEditor) self = user_data;
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
      gboolean open_case = TRUE;

      hk_form_fields_set_raw (self->form, raw);
      if (g_variant_lookup (payload, "open-case", "b", &open_case))
        gtk_check_button_set_active (self->open_case_check, open_case);
      gtk_label_set_text (self->draft_label, description);
      gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
    }

  hk_form_draft_watch (self->draft, self->form);
  set_busy (self, FALSE);
  set_ready (self, TRUE);
  gtk_widget_grab_focus (hk_form_fields_get_widget (self->form, "name"));
}

static void
open_case_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HkPersonEditor) self = user_data;
  g_autoptr(HkRecord) person = g_steal_pointer (&self->person);
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  kase = hk_vault_open_case_finish (HK_VAULT (object), result, &error);
  if (kase == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Person added, but the case was not opened: %s"), error->message);
      finish_saved (self, person, NULL, message);
      return;
    }
  finish_saved (self, person, kase, _("Person added and case opened"));
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
      self->saving = FALSE;
      if (self->disposed)
        return;
      hk_form_draft_watch (self->draft, self->form);
      hk_form_draft_set_dirty (self->draft, TRUE);
      set_busy (self, FALSE);
      if (g_error_matches (error, HK_ERROR, HK_ERROR_INVALID))
        show_validation_error (self, NULL, error);
      else
        hk_form_editor_show_error (self->toast_overlay, _("The person was not saved."), error);
      return;
    }

  if (was_new && gtk_check_button_get_active (self->open_case_check))
    {
      /* Keep the person for open_case_cb; the editor stays busy meanwhile. */
      self->person = g_object_ref (record);
      hk_vault_open_case_async (self->vault, hk_record_get_id (record), NULL, NULL,
                                open_case_cb, g_object_ref (self));
      return;
    }

  self->saving = FALSE;
  finish_saved (self, record, NULL, was_new ? _("Person added") : _("Person updated"));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (widget);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  if (!self->ready || self->saving || self->shut_down)
    return;

  hk_form_fields_clear_errors (self->form);
  fields = hk_form_fields_build (self->form,
                                 self->person ? hk_record_get_fields (self->person) : NULL,
                                 &key, &error);
  if (fields == NULL || !hk_record_validate (HK_RECORD_KIND_PERSON, fields, &key, &error))
    {
      show_validation_error (self, key, error);
      return;
    }

  self->saving = TRUE;
  hk_form_draft_watch (self->draft, NULL);
  set_busy (self, TRUE);
  hk_vault_save_async (self->vault, HK_RECORD_KIND_PERSON,
                       self->person ? hk_record_get_id (self->person) : NULL,
                       NULL,
                       self->person ? hk_record_get_revision (self->person) : 0,
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
  HkPersonEditor *self = HK_PERSON_EDITOR (widget);

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
hk_person_editor_get_identity (HkFormEditor *editor)
{
  return HK_PERSON_EDITOR (editor)->identity;
}

static HkFormDraft *
hk_person_editor_get_draft (HkFormEditor *editor)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (editor);

  return self->saved || self->shut_down ? NULL : self->draft;
}

static gboolean
hk_person_editor_get_ready (HkFormEditor *editor)
{
  return HK_PERSON_EDITOR (editor)->ready;
}

static void
hk_person_editor_shutdown (HkFormEditor *editor)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (editor);

  self->shut_down = TRUE;
  if (self->draft)
    hk_form_draft_watch (self->draft, NULL);
  hk_form_fields_clear (self->form);
  gtk_label_set_text (self->draft_label, "");
  hk_form_editor_close (HK_FORM_EDITOR (self));
}

static void
hk_person_editor_form_editor_init (HkFormEditorInterface *iface)
{
  iface->get_identity = hk_person_editor_get_identity;
  iface->get_draft = hk_person_editor_get_draft;
  iface->get_ready = hk_person_editor_get_ready;
  iface->shutdown = hk_person_editor_shutdown;
}

/* GtkWindow */

static gboolean
hk_person_editor_close_request (GtkWindow *window)
{
  HkPersonEditor *self = HK_PERSON_EDITOR (window);

  /* Closing without saving keeps the text: say where it went. */
  if (self->draft && !self->shut_down && !self->saved && !self->saving)
    {
      gboolean unsaved = hk_form_draft_get_dirty (self->draft) || hk_form_draft_get_stored (self->draft);

      hk_form_draft_flush_async (self->draft, NULL, NULL, NULL);
      if (unsaved)
        hk_form_editor_emit_toast (HK_FORM_EDITOR (self), _("Unsaved changes kept as a draft"));
    }

  hk_form_editor_mark_closed (HK_FORM_EDITOR (self));

  return GTK_WINDOW_CLASS (hk_person_editor_parent_class)->close_request (window);
}

/* GObject */

static void
on_open_case_toggled_cb (HkPersonEditor *self)
{
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);

  if (self->draft == NULL)
    return;
  g_variant_dict_insert (&context, "open-case", "b",
                         gtk_check_button_get_active (self->open_case_check));
  hk_form_draft_set_context (self->draft, g_variant_dict_end (&context));
}

static void
hk_person_editor_constructed (GObject *object)
{
  HkPersonEditor *self = (HkPersonEditor *)object;

  G_OBJECT_CLASS (hk_person_editor_parent_class)->constructed (object);

  g_assert (HK_IS_VAULT (self->vault));

  self->identity = self->person
                   ? g_strdup_printf ("person:%s", hk_record_get_id (self->person))
                   : g_strdup ("person-new");

  self->form = hk_form_fields_new (HK_RECORD_KIND_PERSON);
  add_known_rows (self, self->person_group, person_keys);
  add_known_rows (self, self->contact_group, contact_keys);
  add_known_rows (self, self->representative_group, representative_keys);
  /* Anything a later schema adds still gets a row. */
  gtk_widget_set_visible (GTK_WIDGET (self->other_group), FALSE);
  for (const HkFieldSpec *spec = hk_record_kind_get_fields (HK_RECORD_KIND_PERSON); spec->key; spec++)
    if (!(spec->flags & HK_FIELD_AUTOMATIC) && !hk_form_fields_has_field (self->form, spec->key))
      gtk_widget_set_visible (GTK_WIDGET (self->other_group), TRUE);
  hk_form_fields_add_rows (self->form, self->other_group, NULL);
  fill_initial_values (self);

  adw_window_title_set_title (self->window_title, self->person ? _("Edit Person") : _("New Person"));
  gtk_widget_set_visible (GTK_WIDGET (self->case_group), self->person == NULL);

  self->draft = hk_form_draft_new (self->vault, self->identity);
  on_open_case_toggled_cb (self);
  g_signal_connect_object (self->open_case_check, "notify::active",
                           G_CALLBACK (on_open_case_toggled_cb), self, G_CONNECT_SWAPPED);

  set_busy (self, TRUE);
  hk_form_draft_load_async (self->draft, self->cancellable, load_draft_cb, g_object_ref (self));
}

static void
hk_person_editor_dispose (GObject *object)
{
  HkPersonEditor *self = (HkPersonEditor *)object;

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

  G_OBJECT_CLASS (hk_person_editor_parent_class)->dispose (object);
}

static void
hk_person_editor_finalize (GObject *object)
{
  HkPersonEditor *self = (HkPersonEditor *)object;

  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->person);
  g_clear_pointer (&self->identity, g_free);

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
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
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
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_person_editor_constructed;
  object_class->dispose = hk_person_editor_dispose;
  object_class->finalize = hk_person_editor_finalize;
  object_class->get_property = hk_person_editor_get_property;
  object_class->set_property = hk_person_editor_set_property;

  window_class->close_request = hk_person_editor_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, page);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, representative_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, other_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, case_group);
  gtk_widget_class_bind_template_child (widget_class, HkPersonEditor, open_case_check);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
hk_person_editor_init (HkPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
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

  return self->form;
}

GtkWidget *
hk_person_editor_get_open_case_check (HkPersonEditor *self)
{
  g_return_val_if_fail (HK_IS_PERSON_EDITOR (self), NULL);

  return GTK_WIDGET (self->open_case_check);
}
