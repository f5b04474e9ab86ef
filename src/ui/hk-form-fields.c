/* hk-form-fields.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-form-fields.h"
#include "hk-form-format.h"

typedef struct
{
  const HkFieldSpec *spec;
  GtkWidget         *row;         /* the row in the group, or NULL for bound views */
  GtkWidget         *input;       /* editable, text view, combo row or switch */
  GtkWidget         *input2;      /* the time entry of a date-time */
  GtkWidget         *error_row;   /* hidden row under the field */
  GtkWidget         *error_label;
  gboolean           has_unset;   /* enum: index 0 is "not recorded" (or "choose…") */
  gboolean           hidden;      /* not applicable now: left out of build() */
  GPtrArray         *choices;     /* enum list: GtkCheckButton* in spec->values order */
  GtkStringList     *record_labels; /* record link: the combo's labels, "None" first */
  GPtrArray         *record_ids;  /* record link: char* per label, NULL for "None" */
} Field;

struct _HkFormFields
{
  GObject       parent_instance;

  HkRecordKind  kind;
  GPtrArray    *fields;   /* Field* in form order */
  guint         updating; /* values being set from code: no ::changed */
  gboolean      errors_shown;
  gboolean      require_choice;
};

G_DEFINE_FINAL_TYPE (HkFormFields, hk_form_fields, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_clear_object (&field->row);
  g_clear_object (&field->input);
  g_clear_object (&field->input2);
  g_clear_object (&field->error_row);
  g_clear_object (&field->error_label);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_clear_object (&field->record_labels);
  g_clear_pointer (&field->record_ids, g_ptr_array_unref);
  g_free (field);
}

static Field *
find_field (HkFormFields *self,
            const char   *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->key, key))
        return field;
    }
  return NULL;
}

static char *
text_view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_set_text (GtkWidget  *view,
                    const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
emit_changed (HkFormFields *self)
{
  if (self->updating > 0)
    return;
  /* The user is fixing it: the old message would only be in the way. */
  if (self->errors_shown)
    hk_form_fields_clear_errors (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_input_changed_cb (HkFormFields *self)
{
  emit_changed (self);
}

static void
on_input_notify_cb (HkFormFields *self,
                    GParamSpec   *pspec)
{
  emit_changed (self);
}

/* Plain-text rows: user data must never be parsed as Pango markup. */
static void
prepare_row (GtkWidget         *row,
             const HkFieldSpec *spec)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->label));
}

static GtkWidget *
make_entry (const char *placeholder,
            const char *accessible_label,
            int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return entry;
}

static GtkWidget *
make_text_view (void)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_add_css_class (view, "hk-field-text");
  return view;
}

/* The popup of a combo with long choices: each choice whole, wrapped,
 * with the usual check mark on the one chosen. */
static void
update_choice_check (GtkListItem *item)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (item), "hk-combo-row");
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, row && adw_combo_row_get_selected (row) == gtk_list_item_get_position (item)
                                 ? 1.0 : 0.0);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AdwComboRow              *row)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  gulong handler;

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  g_object_set_data (G_OBJECT (item), "hk-combo-row", row);
  handler = g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_choice_check), item);
  g_object_set_data (G_OBJECT (item), "hk-combo-handler", GSIZE_TO_POINTER (handler));
  update_choice_check (item);
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "hk-combo-handler"));

  if (handler)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (item), "hk-combo-handler", NULL);
  g_object_set_data (G_OBJECT (item), "hk-combo-row", NULL);
}

static void
use_long_choices (GtkWidget *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  /* Like an entry row: the title small, the choice at reading size. */
  gtk_widget_add_css_class (row, "hk-property");
  /* The row outlives its popup's items, so plain connections are safe. */
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), row);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), factory);
}

static void
connect_editable (HkFormFields *self,
                  GtkWidget    *editable)
{
  g_signal_connect_object (editable, "changed",
                           G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
connect_text_view (HkFormFields *self,
                   GtkWidget    *view)
{
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
build_row (HkFormFields      *self,
           Field             *field)
{
  const HkFieldSpec *spec = field->spec;
  const char *label = _(spec->label);

  switch (spec->type)
    {
    case HK_FIELD_TEXT:
    case HK_FIELD_NHS_NUMBER:
      field->row = adw_entry_row_new ();
      prepare_row (field->row, spec);
      field->input = field->row;
      if (spec->type == HK_FIELD_NHS_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_NUMBER);
      connect_editable (self, field->input);
      break;

    case HK_FIELD_DATE:
      field->row = adw_action_row_new ();
      prepare_row (field->row, spec);
      /* Translators: the format hint in empty date entries (day first) */
      field->input = make_entry (_("dd/mm/yyyy"), label, 11);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->input);
      connect_editable (self, field->input);
      break;

    case HK_FIELD_DATETIME:
      {
        g_autofree char *date_label = NULL;
        g_autofree char *time_label = NULL;
        GtkWidget *box;

        /* Translators: accessible names of the two entries of a date-time field */
        date_label = g_strdup_printf (_("%s: date"), label);
        time_label = g_strdup_printf (_("%s: time"), label);
        field->row = adw_action_row_new ();
        prepare_row (field->row, spec);
        field->input = make_entry (_("dd/mm/yyyy"), date_label, 11);
        /* Translators: the format hint in empty time entries (24-hour clock) */
        field->input2 = make_entry (_("hh:mm"), time_label, 6);
        box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (box), field->input);
        gtk_box_append (GTK_BOX (box), field->input2);
        adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), box);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->input);
        connect_editable (self, field->input);
        connect_editable (self, field->input2);
        break;
      }

    case HK_FIELD_ENUM:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        gboolean long_labels = FALSE;

        field->has_unset = !(spec->flags & HK_FIELD_REQUIRED) || self->require_choice;
        if (!(spec->flags & HK_FIELD_REQUIRED))
          gtk_string_list_append (labels, _("Not recorded"));
        else if (field->has_unset)
          /* Translators: the empty choice of a required list; saving asks for one */
          gtk_string_list_append (labels, _("Choose…"));
        for (const HkEnumValue *v = spec->values; v && v->code; v++)
          {
            gtk_string_list_append (labels, _(v->label));
            long_labels |= g_utf8_strlen (_(v->label), -1) > 20;
          }
        field->row = adw_combo_row_new ();
        prepare_row (field->row, spec);
        adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (labels));
        /* A long choice would be cut short beside the title: show it whole
         * under the title instead. */
        if (long_labels)
          use_long_choices (field->row);
        field->input = field->row;
        g_signal_connect_object (field->row, "notify::selected",
                                 G_CALLBACK (on_input_notify_cb), self, G_CONNECT_SWAPPED);
        break;
      }

    case HK_FIELD_RECORD_ID:
      field->record_labels = gtk_string_list_new (NULL);
      field->record_ids = g_ptr_array_new_with_free_func (g_free);
      field->has_unset = TRUE;
      gtk_string_list_append (field->record_labels,
                              (spec->flags & HK_FIELD_REQUIRED) ? _("Choose…") : _("None"));
      g_ptr_array_add (field->record_ids, NULL);
      field->row = adw_combo_row_new ();
      prepare_row (field->row, spec);
      adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (field->record_labels));
      /* Records are described at length: show the choice whole. */
      use_long_choices (field->row);
      field->input = field->row;
      g_signal_connect_object (field->row, "notify::selected",
                               G_CALLBACK (on_input_notify_cb), self, G_CONNECT_SWAPPED);
      break;

    case HK_FIELD_ENUM_LIST:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);
        guint n = 0;

        field->row = adw_preferences_row_new ();
        prepare_row (field->row, spec);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->row), FALSE);
        gtk_widget_set_margin_top (box, 8);
        gtk_widget_set_margin_bottom (box, 10);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_label_set_xalign (GTK_LABEL (title), 0.0);
        gtk_label_set_wrap (GTK_LABEL (title), TRUE);
        gtk_box_append (GTK_BOX (box), title);

        /* A set of check buttons, two to a line, announced as one group. */
        field->input = g_object_new (GTK_TYPE_GRID,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     "column-spacing", 12,
                                     "row-spacing", 2,
                                     "column-homogeneous", TRUE,
                                     NULL);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                        -1);
        field->choices = g_ptr_array_new ();
        for (const HkEnumValue *v = spec->values; v && v->code; v++, n++)
          {
            GtkWidget *check = gtk_check_button_new_with_label (_(v->label));

            gtk_widget_set_name (check, v->code);
            gtk_grid_attach (GTK_GRID (field->input), check, n % 2, n / 2, 1, 1);
            g_signal_connect_object (check, "notify::active",
                                     G_CALLBACK (on_input_notify_cb), self, G_CONNECT_SWAPPED);
            g_ptr_array_add (field->choices, check);
          }
        gtk_box_append (GTK_BOX (box), field->input);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->row), box);
        break;
      }

    case HK_FIELD_BOOL:
      field->row = adw_action_row_new ();
      prepare_row (field->row, spec);
      field->input = gtk_switch_new ();
      gtk_widget_set_valign (field->input, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->input),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->input);
      g_signal_connect_object (field->input, "notify::active",
                               G_CALLBACK (on_input_notify_cb), self, G_CONNECT_SWAPPED);
      break;

    case HK_FIELD_LONG_TEXT:
    case HK_FIELD_TEXT_LIST:
    default:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);

        field->row = adw_preferences_row_new ();
        prepare_row (field->row, spec);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->row), FALSE);
        gtk_widget_add_css_class (field->row, "hk-text-row");
        gtk_widget_set_margin_top (box, 8);
        gtk_widget_set_margin_bottom (box, 10);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_label_set_xalign (GTK_LABEL (title), 0.0);
        gtk_box_append (GTK_BOX (box), title);

        field->input = make_text_view ();
        gtk_widget_set_size_request (field->input, -1, spec->type == HK_FIELD_TEXT_LIST ? 64 : 72);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                        -1);
        gtk_box_append (GTK_BOX (box), field->input);

        if (spec->type == HK_FIELD_TEXT_LIST)
          {
            GtkWidget *hint = gtk_label_new (_("One name on each line"));

            gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
            gtk_widget_add_css_class (hint, "caption");
            gtk_widget_add_css_class (hint, "dim-label");
            gtk_box_append (GTK_BOX (box), hint);
            gtk_accessible_update_property (GTK_ACCESSIBLE (field->input),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                            _("One name on each line"), -1);
          }
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->row), box);
        connect_text_view (self, field->input);
        break;
      }
    }

  /* The message row sits right under its field and stays hidden until needed. */
  field->error_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
  gtk_widget_set_focusable (field->error_row, FALSE);
  gtk_widget_set_visible (field->error_row, FALSE);
  field->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (field->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (field->error_label), 0.0);
  gtk_widget_add_css_class (field->error_label, "error");
  gtk_widget_add_css_class (field->error_label, "hk-field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), field->error_label);

  g_object_ref_sink (field->row);
  g_object_ref (field->input);
  if (field->input2)
    g_object_ref (field->input2);
  g_object_ref_sink (field->error_row);
  g_object_ref (field->error_label);
}

static void
hk_form_fields_dispose (GObject *object)
{
  HkFormFields *self = (HkFormFields *)object;

  g_ptr_array_set_size (self->fields, 0);

  G_OBJECT_CLASS (hk_form_fields_parent_class)->dispose (object);
}

static void
hk_form_fields_finalize (GObject *object)
{
  HkFormFields *self = (HkFormFields *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_form_fields_parent_class)->finalize (object);
}

static void
hk_form_fields_class_init (HkFormFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hk_form_fields_dispose;
  object_class->finalize = hk_form_fields_finalize;

  /**
   * HkFormFields::changed:
   *
   * The user changed a value.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hk_form_fields_init (HkFormFields *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

HkFormFields *
hk_form_fields_new (HkRecordKind kind)
{
  HkFormFields *self = g_object_new (HK_TYPE_FORM_FIELDS, NULL);

  self->kind = kind;
  return self;
}

HkRecordKind
hk_form_fields_get_kind (HkFormFields *self)
{
  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), HK_RECORD_KIND_META);

  return self->kind;
}

static void
add_field (HkFormFields        *self,
           AdwPreferencesGroup *group,
           const HkFieldSpec   *spec)
{
  Field *field;

  if (spec == NULL || (spec->flags & HK_FIELD_AUTOMATIC) || find_field (self, spec->key))
    return;

  field = g_new0 (Field, 1);
  field->spec = spec;
  build_row (self, field);
  adw_preferences_group_add (group, field->row);
  adw_preferences_group_add (group, field->error_row);
  g_ptr_array_add (self->fields, field);
}

void
hk_form_fields_add_rows (HkFormFields        *self,
                         AdwPreferencesGroup *group,
                         const char * const  *keys)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  if (keys == NULL)
    {
      for (const HkFieldSpec *spec = hk_record_kind_get_fields (self->kind); spec->key; spec++)
        add_field (self, group, spec);
      return;
    }

  for (guint i = 0; keys[i]; i++)
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (self->kind, keys[i]);

      g_return_if_fail (spec != NULL);
      add_field (self, group, spec);
    }
}

void
hk_form_fields_bind_text_view (HkFormFields *self,
                               const char   *key,
                               GtkTextView  *view,
                               GtkLabel     *error_label)
{
  const HkFieldSpec *spec;
  Field *field;

  g_return_if_fail (HK_IS_FORM_FIELDS (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  spec = hk_record_kind_find_field (self->kind, key);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->type == HK_FIELD_LONG_TEXT || spec->type == HK_FIELD_TEXT_LIST);
  g_return_if_fail (find_field (self, key) == NULL);

  field = g_new0 (Field, 1);
  field->spec = spec;
  field->input = g_object_ref (GTK_WIDGET (view));
  if (error_label)
    {
      field->error_label = g_object_ref (GTK_WIDGET (error_label));
      gtk_widget_set_visible (field->error_label, FALSE);
    }
  connect_text_view (self, field->input);
  g_ptr_array_add (self->fields, field);
}

gboolean
hk_form_fields_has_field (HkFormFields *self,
                          const char   *key)
{
  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return find_field (self, key) != NULL;
}

GtkWidget *
hk_form_fields_get_widget (HkFormFields *self,
                           const char   *key)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);
  return field ? field->input : NULL;
}

GtkWidget *
hk_form_fields_get_time_widget (HkFormFields *self,
                                const char   *key)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);
  return field ? field->input2 : NULL;
}

static void
set_enum_code (Field      *field,
               const char *code)
{
  guint index = 0;
  guint i = field->has_unset ? 1 : 0;

  for (const HkEnumValue *v = field->spec->values; v && v->code; v++, i++)
    if (g_strcmp0 (v->code, code) == 0)
      {
        index = i;
        break;
      }
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), index);
}

static const char *
get_enum_code (Field *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));
  guint i = field->has_unset ? 1 : 0;

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  for (const HkEnumValue *v = field->spec->values; v && v->code; v++, i++)
    if (i == selected)
      return v->code;
  return NULL;
}

static void
set_choices (Field              *field,
             const char * const *codes)
{
  for (guint i = 0; i < field->choices->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (field->choices, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   codes && g_strv_contains (codes, gtk_widget_get_name (check)));
    }
}

/* The ticked codes in schema order (never repeated); free the container only. */
static const char **
get_choices (Field *field)
{
  const char **codes = g_new0 (const char *, field->choices->len + 1);
  guint n = 0;

  for (guint i = 0; i < field->choices->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (field->choices, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        codes[n++] = gtk_widget_get_name (check);
    }
  return codes;
}

static void
set_record_id (Field      *field,
               const char *id)
{
  guint index = 0;

  if (id != NULL && *id != '\0')
    {
      for (index = 1; index < field->record_ids->len; index++)
        if (g_strcmp0 (g_ptr_array_index (field->record_ids, index), id) == 0)
          break;
      /* A link to something not offered (the case's records were not given,
       * or it is elsewhere) is kept as it is, not silently dropped. */
      if (index == field->record_ids->len)
        {
          g_ptr_array_add (field->record_ids, g_strdup (id));
          gtk_string_list_append (field->record_labels, _("Linked record"));
        }
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), index);
}

static const char *
get_record_id (Field *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= field->record_ids->len)
    return NULL;
  return g_ptr_array_index (field->record_ids, selected);
}

static void
clear_field (Field *field)
{
  switch (field->spec->type)
    {
    case HK_FIELD_TEXT:
    case HK_FIELD_NHS_NUMBER:
    case HK_FIELD_DATE:
      gtk_editable_set_text (GTK_EDITABLE (field->input), "");
      break;
    case HK_FIELD_DATETIME:
      gtk_editable_set_text (GTK_EDITABLE (field->input), "");
      gtk_editable_set_text (GTK_EDITABLE (field->input2), "");
      break;
    case HK_FIELD_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), 0);
      break;
    case HK_FIELD_ENUM_LIST:
      set_choices (field, NULL);
      break;
    case HK_FIELD_RECORD_ID:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), 0);
      /* The offered records' descriptions go too. */
      gtk_string_list_splice (field->record_labels, 1,
                              g_list_model_get_n_items (G_LIST_MODEL (field->record_labels)) - 1, NULL);
      g_ptr_array_set_size (field->record_ids, 1);
      break;
    case HK_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (field->input), FALSE);
      break;
    case HK_FIELD_LONG_TEXT:
    case HK_FIELD_TEXT_LIST:
    default:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input));

        gtk_text_buffer_set_text (buffer, "", 0);
        /* Turning undo off drops the undo stack, which holds earlier text. */
        gtk_text_buffer_set_enable_undo (buffer, FALSE);
        gtk_text_buffer_set_enable_undo (buffer, TRUE);
        break;
      }
    }
}

static void
set_field_value (Field    *field,
                 GVariant *value)
{
  const HkFieldSpec *spec = field->spec;

  if (value == NULL)
    {
      clear_field (field);
      return;
    }

  switch (spec->type)
    {
    case HK_FIELD_TEXT:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        gtk_editable_set_text (GTK_EDITABLE (field->input), g_variant_get_string (value, NULL));
      break;

    case HK_FIELD_NHS_NUMBER:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          g_autofree char *text = hk_format_nhs_number (g_variant_get_string (value, NULL));
          gtk_editable_set_text (GTK_EDITABLE (field->input), text);
        }
      break;

    case HK_FIELD_DATE:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          const char *iso = g_variant_get_string (value, NULL);
          g_autofree char *text = hk_format_date_numeric (iso);
          gtk_editable_set_text (GTK_EDITABLE (field->input), text ? text : iso);
        }
      break;

    case HK_FIELD_DATETIME:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();
          g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (g_variant_get_string (value, NULL), local);
          g_autoptr(GDateTime) here = dt ? g_date_time_to_local (dt) : NULL;
          g_autofree char *date = here ? g_date_time_format (here, "%d/%m/%Y") : NULL;
          g_autofree char *time = here ? g_date_time_format (here, "%H:%M") : NULL;

          gtk_editable_set_text (GTK_EDITABLE (field->input), date ? date : "");
          gtk_editable_set_text (GTK_EDITABLE (field->input2), time ? time : "");
        }
      break;

    case HK_FIELD_ENUM:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        set_enum_code (field, g_variant_get_string (value, NULL));
      break;

    case HK_FIELD_BOOL:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        gtk_switch_set_active (GTK_SWITCH (field->input), g_variant_get_boolean (value));
      break;

    case HK_FIELD_ENUM_LIST:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
        {
          g_autofree const char **codes = g_variant_get_strv (value, NULL);
          set_choices (field, codes);
        }
      break;

    case HK_FIELD_RECORD_ID:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        set_record_id (field, g_variant_get_string (value, NULL));
      break;

    case HK_FIELD_LONG_TEXT:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        text_view_set_text (field->input, g_variant_get_string (value, NULL));
      break;

    case HK_FIELD_TEXT_LIST:
    default:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
        {
          g_autofree const char **items = g_variant_get_strv (value, NULL);
          g_autofree char *text = g_strjoinv ("\n", (char **) items);

          text_view_set_text (field->input, text);
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        text_view_set_text (field->input, g_variant_get_string (value, NULL));
      break;
    }
}

void
hk_form_fields_set_values (HkFormFields *self,
                           GVariant     *fields)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));
  g_return_if_fail (fields == NULL || g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT));

  self->updating++;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GVariant) value = NULL;

      if (fields)
        value = g_variant_lookup_value (fields, field->spec->key, NULL);
      set_field_value (field, value);
    }
  self->updating--;
}

static gboolean
parse_failure (Field        *field,
               const char   *rule,
               const char  **out_key,
               GError      **error)
{
  if (out_key)
    *out_key = field->spec->key;
  /* Translators: "<field label>: <what to do>" */
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s: %s"), _(field->spec->label), rule);
  return FALSE;
}

static gboolean
parse_field (Field            *field,
             GVariantDict     *dict,
             const char      **out_key,
             GError          **error)
{
  const HkFieldSpec *spec = field->spec;

  switch (spec->type)
    {
    case HK_FIELD_TEXT:
    case HK_FIELD_NHS_NUMBER:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));

        if (*text == '\0')
          return TRUE;
        if (spec->type == HK_FIELD_NHS_NUMBER)
          {
            /* Store digits only; an invalid number goes through as typed so
             * validation can say what is wrong with it. */
            g_autofree char *digits = hk_nhs_number_normalize (text);

            g_variant_dict_insert (dict, spec->key, "s", digits ? digits : text);
          }
        else
          g_variant_dict_insert (dict, spec->key, "s", text);
        return TRUE;
      }

    case HK_FIELD_DATE:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));
        g_autofree char *iso = NULL;

        if (*text == '\0')
          return TRUE;
        iso = hk_parse_date (text);
        if (iso == NULL)
          return parse_failure (field, _("enter a date as day/month/year, for example 27/11/2026."),
                                out_key, error);
        g_variant_dict_insert (dict, spec->key, "s", iso);
        return TRUE;
      }

    case HK_FIELD_DATETIME:
      {
        g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));
        g_autofree char *time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input2))));
        g_autofree char *iso_date = NULL;
        g_autofree char *iso = NULL;

        if (*date == '\0' && *time == '\0')
          return TRUE;
        iso_date = hk_parse_date (date);
        if (iso_date == NULL)
          return parse_failure (field, _("enter a date as day/month/year, for example 27/11/2026."),
                                out_key, error);
        if (!hk_parse_time (time, NULL, NULL))
          return parse_failure (field, _("enter a time as hours:minutes, for example 14:30."),
                                out_key, error);
        iso = hk_parse_local_datetime (date, time);
        if (iso == NULL)
          return parse_failure (field, _("that time does not exist on that day (the clocks changed)."),
                                out_key, error);
        g_variant_dict_insert (dict, spec->key, "s", iso);
        return TRUE;
      }

    case HK_FIELD_ENUM:
      {
        const char *code = get_enum_code (field);

        if (code != NULL)
          g_variant_dict_insert (dict, spec->key, "s", code);
        return TRUE;
      }

    case HK_FIELD_BOOL:
      g_variant_dict_insert (dict, spec->key, "b", gtk_switch_get_active (GTK_SWITCH (field->input)));
      return TRUE;

    case HK_FIELD_ENUM_LIST:
      {
        g_autofree const char **codes = get_choices (field);

        if (codes[0] != NULL)
          g_variant_dict_insert_value (dict, spec->key, g_variant_new_strv (codes, -1));
        return TRUE;
      }

    case HK_FIELD_RECORD_ID:
      {
        const char *id = get_record_id (field);

        if (id != NULL)
          g_variant_dict_insert (dict, spec->key, "s", id);
        return TRUE;
      }

    case HK_FIELD_LONG_TEXT:
      {
        g_autofree char *text = text_view_get_text (field->input);
        const char *start = text;

        /* Trailing space and leading blank lines carry nothing; indentation
         * and layout inside the text are the writer's. */
        g_strchomp (text);
        while (*start == '\n' || *start == '\r')
          start++;
        if (*start == '\0')
          return TRUE;
        g_variant_dict_insert (dict, spec->key, "s", start);
        return TRUE;
      }

    case HK_FIELD_TEXT_LIST:
    default:
      {
        g_autofree char *text = text_view_get_text (field->input);
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) items = NULL;

        for (guint i = 0; lines[i]; i++)
          {
            g_strstrip (lines[i]);
            if (*lines[i] != '\0')
              g_strv_builder_add (builder, lines[i]);
          }
        items = g_strv_builder_end (builder);
        if (items[0] != NULL)
          g_variant_dict_insert_value (dict, spec->key,
                                       g_variant_new_strv ((const char * const *) items, -1));
        return TRUE;
      }
    }
}

GVariant *
hk_form_fields_build (HkFormFields  *self,
                      GVariant      *base,
                      const char   **out_key,
                      GError       **error)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);
  g_return_val_if_fail (base == NULL || g_variant_is_of_type (base, G_VARIANT_TYPE_VARDICT), NULL);

  if (out_key)
    *out_key = NULL;

  if (base)
    {
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_iter_init (&iter, base);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          const HkFieldSpec *spec = hk_record_kind_find_field (self->kind, key);

          /* Automatic fields belong to the core; the form's own keys are re-read. */
          if (spec && !(spec->flags & HK_FIELD_AUTOMATIC) && !find_field (self, key))
            g_variant_dict_insert_value (&dict, key, value);
          g_variant_unref (value);
        }
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      /* A hidden row does not apply (its rule is not met): it is not saved. */
      if (!field->hidden && !parse_field (field, &dict, out_key, error))
        return NULL;
    }

  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

GVariant *
hk_form_fields_get_raw (HkFormFields *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *key = field->spec->key;

      switch (field->spec->type)
        {
        case HK_FIELD_TEXT:
        case HK_FIELD_NHS_NUMBER:
        case HK_FIELD_DATE:
          g_variant_dict_insert (&dict, key, "s", gtk_editable_get_text (GTK_EDITABLE (field->input)));
          break;
        case HK_FIELD_DATETIME:
          {
            const char *pair[] = {
              gtk_editable_get_text (GTK_EDITABLE (field->input)),
              gtk_editable_get_text (GTK_EDITABLE (field->input2)),
              NULL
            };
            g_variant_dict_insert_value (&dict, key, g_variant_new_strv (pair, 2));
            break;
          }
        case HK_FIELD_ENUM:
          {
            const char *code = get_enum_code (field);
            g_variant_dict_insert (&dict, key, "s", code ? code : "");
            break;
          }
        case HK_FIELD_BOOL:
          g_variant_dict_insert (&dict, key, "b", gtk_switch_get_active (GTK_SWITCH (field->input)));
          break;
        case HK_FIELD_ENUM_LIST:
          {
            g_autofree const char **codes = get_choices (field);
            g_variant_dict_insert_value (&dict, key, g_variant_new_strv (codes, -1));
            break;
          }
        case HK_FIELD_RECORD_ID:
          {
            const char *id = get_record_id (field);
            g_variant_dict_insert (&dict, key, "s", id ? id : "");
            break;
          }
        case HK_FIELD_LONG_TEXT:
        case HK_FIELD_TEXT_LIST:
        default:
          {
            g_autofree char *text = text_view_get_text (field->input);
            g_variant_dict_insert (&dict, key, "s", text);
            break;
          }
        }
    }

  /* Floating, so that the draft payload it goes into takes it whole. */
  return g_variant_dict_end (&dict);
}

void
hk_form_fields_set_raw (HkFormFields *self,
                        GVariant     *raw)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));

  if (raw == NULL || !g_variant_is_of_type (raw, G_VARIANT_TYPE_VARDICT))
    return;

  self->updating++;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GVariant) value = g_variant_lookup_value (raw, field->spec->key, NULL);

      /* Drafts are our own data, but a damaged one must not crash the editor:
       * anything of an unexpected type is skipped. */
      if (value == NULL)
        continue;

      switch (field->spec->type)
        {
        case HK_FIELD_TEXT:
        case HK_FIELD_NHS_NUMBER:
        case HK_FIELD_DATE:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            gtk_editable_set_text (GTK_EDITABLE (field->input), g_variant_get_string (value, NULL));
          break;
        case HK_FIELD_DATETIME:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY) &&
              g_variant_n_children (value) == 2)
            {
              g_autofree const char **pair = g_variant_get_strv (value, NULL);
              gtk_editable_set_text (GTK_EDITABLE (field->input), pair[0]);
              gtk_editable_set_text (GTK_EDITABLE (field->input2), pair[1]);
            }
          break;
        case HK_FIELD_ENUM:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            set_enum_code (field, g_variant_get_string (value, NULL));
          break;
        case HK_FIELD_BOOL:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
            gtk_switch_set_active (GTK_SWITCH (field->input), g_variant_get_boolean (value));
          break;
        case HK_FIELD_ENUM_LIST:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
            {
              g_autofree const char **codes = g_variant_get_strv (value, NULL);
              set_choices (field, codes);
            }
          break;
        case HK_FIELD_RECORD_ID:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            set_record_id (field, g_variant_get_string (value, NULL));
          break;
        case HK_FIELD_LONG_TEXT:
        case HK_FIELD_TEXT_LIST:
        default:
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            text_view_set_text (field->input, g_variant_get_string (value, NULL));
          break;
        }
    }
  self->updating--;
}

gboolean
hk_form_fields_show_error (HkFormFields *self,
                           const char   *key,
                           const char   *message)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  field = key ? find_field (self, key) : NULL;
  if (field == NULL || field->hidden)
    return FALSE;

  self->errors_shown = TRUE;
  if (field->error_label)
    {
      gtk_label_set_text (GTK_LABEL (field->error_label), message);
      gtk_widget_set_visible (field->error_label, TRUE);
    }
  if (field->error_row)
    gtk_widget_set_visible (field->error_row, TRUE);
  if (field->row)
    gtk_widget_add_css_class (field->row, "error");
  gtk_widget_add_css_class (field->input, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->input),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  /* A set of choices takes the focus on its first box. */
  if (field->choices && field->choices->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (field->choices, 0));
  else
    gtk_widget_grab_focus (field->input);
  return TRUE;
}

void
hk_form_fields_clear_errors (HkFormFields *self)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));

  self->errors_shown = FALSE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->error_label)
        {
          gtk_label_set_text (GTK_LABEL (field->error_label), "");
          if (field->error_row == NULL)
            gtk_widget_set_visible (field->error_label, FALSE);
        }
      if (field->error_row)
        gtk_widget_set_visible (field->error_row, FALSE);
      if (field->row)
        gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_remove_css_class (field->input, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
hk_form_fields_clear (HkFormFields *self)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));

  self->updating++;
  for (guint i = 0; i < self->fields->len; i++)
    clear_field (g_ptr_array_index (self->fields, i));
  self->updating--;
  hk_form_fields_clear_errors (self);
}

void
hk_form_fields_set_sensitive (HkFormFields *self,
                              gboolean      sensitive)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_widget_set_sensitive (field->row ? field->row : field->input, sensitive);
    }
}

void
hk_form_fields_set_require_choice (HkFormFields *self,
                                   gboolean      require_choice)
{
  g_return_if_fail (HK_IS_FORM_FIELDS (self));

  self->require_choice = !!require_choice;
}

void
hk_form_fields_set_field_visible (HkFormFields *self,
                                  const char   *key,
                                  gboolean      visible)
{
  Field *field;

  g_return_if_fail (HK_IS_FORM_FIELDS (self));
  g_return_if_fail (key != NULL);

  field = find_field (self, key);
  g_return_if_fail (field != NULL);

  if (field->hidden == !visible)
    return;
  field->hidden = !visible;
  gtk_widget_set_visible (field->row ? field->row : field->input, visible);
  /* A message about a row that has gone would point at nothing. */
  if (!visible && field->error_row)
    gtk_widget_set_visible (field->error_row, FALSE);
  if (!visible && field->error_label && field->error_row == NULL)
    gtk_widget_set_visible (field->error_label, FALSE);
}

gboolean
hk_form_fields_get_field_visible (HkFormFields *self,
                                  const char   *key)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  field = find_field (self, key);
  return field != NULL && !field->hidden;
}

void
hk_form_fields_set_record_choices (HkFormFields       *self,
                                   const char         *key,
                                   const char * const *ids,
                                   const char * const *labels)
{
  g_autofree char *current = NULL;
  Field *field;

  g_return_if_fail (HK_IS_FORM_FIELDS (self));
  g_return_if_fail (key != NULL);

  field = find_field (self, key);
  g_return_if_fail (field != NULL && field->spec->type == HK_FIELD_RECORD_ID);
  g_return_if_fail ((ids == NULL) == (labels == NULL));

  current = g_strdup (get_record_id (field));

  self->updating++;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), 0);
  gtk_string_list_splice (field->record_labels, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (field->record_labels)) - 1, NULL);
  g_ptr_array_set_size (field->record_ids, 1);
  for (guint i = 0; ids && ids[i] && labels[i]; i++)
    {
      g_ptr_array_add (field->record_ids, g_strdup (ids[i]));
      gtk_string_list_append (field->record_labels, labels[i]);
    }
  set_record_id (field, current);
  self->updating--;
}

GtkWidget *
hk_form_fields_get_choice_widget (HkFormFields *self,
                                  const char   *key,
                                  const char   *code)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);
  g_return_val_if_fail (key != NULL && code != NULL, NULL);

  field = find_field (self, key);
  if (field == NULL || field->choices == NULL)
    return NULL;
  for (guint i = 0; i < field->choices->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (field->choices, i);

      if (g_str_equal (gtk_widget_get_name (check), code))
        return check;
    }
  return NULL;
}

const char *
hk_form_fields_get_code (HkFormFields *self,
                         const char   *key)
{
  Field *field;

  g_return_val_if_fail (HK_IS_FORM_FIELDS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);
  if (field == NULL)
    return NULL;
  if (field->spec->type == HK_FIELD_ENUM)
    return get_enum_code (field);
  if (field->spec->type == HK_FIELD_RECORD_ID)
    return get_record_id (field);
  return NULL;
}
