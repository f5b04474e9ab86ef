/* hk-case-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-case-page.h"
#include "hk-form-format.h"
#include "hk-note-row.h"

struct _HkCasePage
{
  AdwBin               parent_instance;

  GtkScrolledWindow   *scroller;
  GtkLabel            *name_label;
  GtkLabel            *status_label;
  GtkLabel            *dates_label;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *case_group;
  GtkButton           *close_case_button;
  GtkButton           *new_case_button;
  GtkLabel            *notes_count_label;
  GtkListBox          *notes_list;

  GHashTable          *person_rows;   /* field key → AdwActionRow */
  GHashTable          *case_rows;
  GListStore          *notes;
  HkRecord            *kase;
  HkRecord            *person;
};

G_DEFINE_FINAL_TYPE (HkCasePage, hk_case_page, ADW_TYPE_BIN)

/* Shown as part of the representative row instead of a row of its own. */
#define MERGED_KEY "representative_relationship"

/* Auxiliary methods */

static gint64
note_time (HkRecord *note)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = hk_record_get_string (note, "occurred_at");
  g_autoptr(GDateTime) dt = text ? g_date_time_new_from_iso8601 (text, utc) : NULL;

  return dt ? g_date_time_to_unix (dt) : 0;
}

static int
compare_notes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  HkRecord *na = (HkRecord *) a;
  HkRecord *nb = (HkRecord *) b;
  gint64 ta = note_time (na);
  gint64 tb = note_time (nb);

  if (ta != tb)
    return ta < tb ? 1 : -1;
  ta = hk_record_get_created_at (na);
  tb = hk_record_get_created_at (nb);
  return (ta < tb) - (ta > tb);
}

static int
compare_note_pointers (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return compare_notes (*(HkRecord **) a, *(HkRecord **) b, user_data);
}

static char *
format_value (HkRecord          *record,
              HkRecordKind       kind,
              const HkFieldSpec *spec)
{
  const char *key = spec->key;

  if (!hk_record_has_field (record, key))
    return NULL;

  switch (spec->type)
    {
    case HK_FIELD_DATE:
      if (g_str_equal (key, "date_of_birth"))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          return hk_format_date_of_birth (hk_record_get_string (record, key), now);
        }
      return hk_format_date (hk_record_get_string (record, key));

    case HK_FIELD_DATETIME:
      return hk_format_datetime (hk_record_get_string (record, key));

    case HK_FIELD_ENUM:
      return g_strdup (hk_format_enum (kind, key, hk_record_get_string (record, key)));

    case HK_FIELD_BOOL:
      return g_strdup (hk_record_get_boolean (record, key) ? _("Yes") : _("No"));

    case HK_FIELD_NHS_NUMBER:
      return hk_format_nhs_number (hk_record_get_string (record, key));

    case HK_FIELD_TEXT_LIST:
      {
        g_autofree const char **items = hk_record_get_strv (record, key);

        return items && items[0] ? g_strjoinv (", ", (char **) items) : NULL;
      }

    case HK_FIELD_TEXT:
    case HK_FIELD_LONG_TEXT:
    default:
      if (g_str_equal (key, "representative_name"))
        {
          const char *name = hk_record_get_string (record, key);
          const char *relationship = hk_record_get_string (record, MERGED_KEY);

          if (relationship && *relationship)
            /* Translators: a representative and how they relate to the person: "Ann Example (daughter)" */
            return g_strdup_printf (_("%s (%s)"), name ? name : "", relationship);
        }
      return g_strdup (hk_record_get_string (record, key));
    }
}

static void
build_rows (HkCasePage          *self,
            HkRecordKind         kind,
            AdwPreferencesGroup *group,
            GHashTable          *rows)
{
  for (const HkFieldSpec *spec = hk_record_kind_get_fields (kind); spec->key; spec++)
    {
      GtkWidget *row;

      if ((spec->flags & HK_FIELD_AUTOMATIC) ||
          (kind == HK_RECORD_KIND_PERSON && g_str_equal (spec->key, MERGED_KEY)))
        continue;

      row = adw_action_row_new ();
      /* Values are people's data: never Pango markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->label));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "hk-property");
      gtk_widget_set_visible (row, FALSE);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (rows, (gpointer) spec->key, row);
    }
}

static void
update_rows (HkRecord     *record,
             HkRecordKind  kind,
             GHashTable   *rows)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);
      g_autofree char *text = record ? format_value (record, kind, spec) : NULL;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (value), text ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (value), text != NULL && *text != '\0');
    }
}

static void
update_header (HkCasePage *self)
{
  gboolean open = FALSE;
  g_autofree char *opened = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *dates = NULL;

  gtk_label_set_text (self->name_label, self->person ? hk_person_get_display_name (self->person) : "");

  if (self->kase == NULL)
    {
      gtk_label_set_text (self->status_label, "");
      gtk_label_set_text (self->dates_label, "");
      return;
    }

  open = g_strcmp0 (hk_record_get_string (self->kase, "status"), "closed") != 0;
  opened = hk_format_date (hk_record_get_string (self->kase, "opened_on"));
  closed = hk_format_date (hk_record_get_string (self->kase, "closed_on"));
  if (!open && closed)
    /* Translators: "Opened 3 Mar 2026, closed 27 Nov 2026" */
    dates = g_strdup_printf (_("Opened %s, closed %s"), opened ? opened : "?", closed);
  else
    dates = g_strdup_printf (_("Opened %s"), opened ? opened : "?");

  gtk_label_set_text (self->status_label, open ? _("Open") : _("Closed"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), open ? "hk-status-closed" : "hk-status-open");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), open ? "hk-status-open" : "hk-status-closed");
  gtk_label_set_text (self->dates_label, dates);

  gtk_widget_set_visible (GTK_WIDGET (self->close_case_button), open);
  gtk_widget_set_visible (GTK_WIDGET (self->new_case_button), !open);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->new_case_button), "s",
                                    hk_record_get_parent_id (self->kase) ? hk_record_get_parent_id (self->kase) : "");
}

static void
update_notes_count (HkCasePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  g_autofree char *text = NULL;

  if (n > 0)
    text = g_strdup_printf (ngettext ("%u note", "%u notes", n), n);
  gtk_label_set_text (self->notes_count_label, text ? text : "");
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  return hk_note_row_new (HK_RECORD (item));
}

/* GObject */

static void
hk_case_page_dispose (GObject *object)
{
  HkCasePage *self = (HkCasePage *)object;

  if (self->notes)
    g_list_store_remove_all (self->notes);
  /* AdwBin keeps its own pointer to the child: let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CASE_PAGE);
  g_clear_object (&self->notes);
  g_clear_object (&self->kase);
  g_clear_object (&self->person);
  g_clear_pointer (&self->person_rows, g_hash_table_unref);
  g_clear_pointer (&self->case_rows, g_hash_table_unref);

  G_OBJECT_CLASS (hk_case_page_parent_class)->dispose (object);
}

static void
hk_case_page_class_init (HkCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_case_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, person_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, case_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, close_case_button);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, notes_count_label);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, notes_list);
}

static void
hk_case_page_init (HkCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->case_rows = g_hash_table_new (g_str_hash, g_str_equal);
  build_rows (self, HK_RECORD_KIND_PERSON, self->person_group, self->person_rows);
  build_rows (self, HK_RECORD_KIND_CASE, self->case_group, self->case_rows);

  self->notes = g_list_store_new (HK_TYPE_RECORD);
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, NULL, NULL);
  g_signal_connect_object (self->notes, "items-changed",
                           G_CALLBACK (update_notes_count), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hk_case_page_new (void)
{
  return g_object_new (HK_TYPE_CASE_PAGE, NULL);
}

void
hk_case_page_set_records (HkCasePage *self,
                          HkRecord   *kase,
                          HkRecord   *person,
                          GPtrArray  *notes)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_if_fail (HK_IS_CASE_PAGE (self));
  g_return_if_fail (HK_IS_RECORD (kase));
  g_return_if_fail (HK_IS_RECORD (person));

  hk_case_page_set_person (self, person);
  hk_case_page_set_case (self, kase);

  sorted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; notes && i < notes->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (notes, i)));
  g_ptr_array_sort_with_data (sorted, compare_note_pointers, NULL);
  g_list_store_splice (self->notes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notes)),
                       sorted->pdata, sorted->len);
}

void
hk_case_page_set_case (HkCasePage *self,
                       HkRecord   *kase)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));
  g_return_if_fail (kase == NULL || HK_IS_RECORD (kase));

  g_set_object (&self->kase, kase);
  update_rows (kase, HK_RECORD_KIND_CASE, self->case_rows);
  update_header (self);
}

void
hk_case_page_set_person (HkCasePage *self,
                         HkRecord   *person)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));
  g_return_if_fail (person == NULL || HK_IS_RECORD (person));

  g_set_object (&self->person, person);
  update_rows (person, HK_RECORD_KIND_PERSON, self->person_rows);
  update_header (self);
}

void
hk_case_page_upsert_note (HkCasePage *self,
                          HkRecord   *note)
{
  guint n;

  g_return_if_fail (HK_IS_CASE_PAGE (self));
  g_return_if_fail (HK_IS_RECORD (note));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HkRecord) old = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (g_str_equal (hk_record_get_id (old), hk_record_get_id (note)))
        {
          g_list_store_remove (self->notes, i);
          break;
        }
    }
  g_list_store_insert_sorted (self->notes, note, compare_notes, NULL);
}

void
hk_case_page_clear (HkCasePage *self)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));

  g_list_store_remove_all (self->notes);
  g_clear_object (&self->kase);
  g_clear_object (&self->person);
  update_rows (NULL, HK_RECORD_KIND_PERSON, self->person_rows);
  update_rows (NULL, HK_RECORD_KIND_CASE, self->case_rows);
  update_header (self);
}

HkRecord *
hk_case_page_get_case (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return self->kase;
}

HkRecord *
hk_case_page_get_person (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return self->person;
}

GListModel *
hk_case_page_get_notes (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return G_LIST_MODEL (self->notes);
}

HkRecord *
hk_case_page_find_note (HkCasePage *self,
                        const char *note_id)
{
  guint n;

  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  for (guint i = 0; i < n; i++)
    {
      HkRecord *note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      /* The store holds a reference, so a borrowed pointer stays valid. */
      g_object_unref (note);
      if (g_str_equal (hk_record_get_id (note), note_id))
        return note;
    }
  return NULL;
}

void
hk_case_page_scroll_to_top (HkCasePage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (HK_IS_CASE_PAGE (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
