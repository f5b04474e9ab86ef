/* hk-principles-view.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-form-format.h"
#include "hk-principles-view.h"
#include "hk-timeline-row.h"

#define N_PRINCIPLES 6
#define SNIPPET_CHARS 160

/* Care and Support Statutory Guidance 14.13, with the "I statements" that
 * boards use in audits (short forms). */
static const struct {
  const char *code;
  const char *statement;
} principles[N_PRINCIPLES] = {
  { "empowerment",     N_("“I am asked what I want as the outcomes from the safeguarding process, and these directly inform what happens.”") },
  { "prevention",      N_("“I receive clear and simple information about what abuse is, how to recognise the signs and what I can do to seek help.”") },
  { "proportionality", N_("“I am sure that the professionals will work in my interest, as I see it, and will only get involved as much as needed.”") },
  { "protection",      N_("“I get help and support to report abuse and neglect, and to take part in the safeguarding process to the extent to which I want.”") },
  { "partnership",     N_("“I know that staff treat any personal and sensitive information in confidence, and that they work together and with me to get the best result for me.”") },
  { "accountability",  N_("“I understand the role of everyone involved in my life, and so do they.”") },
};

struct _HkPrinciplesView
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;

  AdwExpanderRow      *rows[N_PRINCIPLES];
  GtkLabel            *counts[N_PRINCIPLES];
  GPtrArray           *items[N_PRINCIPLES];  /* AdwActionRow*, children of rows[i] */
};

G_DEFINE_FINAL_TYPE (HkPrinciplesView, hk_principles_view, ADW_TYPE_BIN)

/* Auxiliary methods */

static const char *
nonempty (HkRecord   *record,
          const char *key)
{
  const char *value = hk_record_get_string (record, key);

  return value && *value ? value : NULL;
}

static gboolean
is_tagged (HkRecord   *record,
           const char *principle)
{
  g_autofree const char **tags = hk_record_get_strv (record, "principles");

  for (guint i = 0; tags && tags[i]; i++)
    if (g_str_equal (tags[i], principle))
      return TRUE;
  return FALSE;
}

static char *
snippet (HkRecord *record)
{
  const char *text = NULL;
  g_autofree char *copy = NULL;
  char *newline;

  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:         text = nonempty (record, "text"); break;
    case HK_RECORD_KIND_ACTION:       text = nonempty (record, "description"); break;
    case HK_RECORD_KIND_CONVERSATION: text = nonempty (record, "summary"); break;
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_DRAFT:
    case HK_RECORD_KIND_CONCERN:
    case HK_RECORD_KIND_ENQUIRY:
    case HK_RECORD_KIND_RISK:
    case HK_RECORD_KIND_OUTCOME:
    case HK_RECORD_KIND_CAPACITY:
    case HK_RECORD_KIND_BEST_INTERESTS:
    case HK_RECORD_KIND_ADVOCACY:
    default:
      break;
    }
  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if ((newline = strchr (copy, '\n')) != NULL)
    *newline = '\0';
  if (g_utf8_strlen (copy, -1) > SNIPPET_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, SNIPPET_CHARS);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&copy);
}

static GtkWidget *
create_item (HkRecord   *record,
             const char *date_key,
             const char *when)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *what = hk_timeline_describe (record, date_key);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = snippet (record);
  gboolean is_note = hk_record_get_kind (record) == HK_RECORD_KIND_NOTE;

  if (hk_record_get_kind (record) == HK_RECORD_KIND_ACTION)
    {
      g_clear_pointer (&what, g_free);
      what = g_strdup (hk_record_kind_get_label (HK_RECORD_KIND_ACTION));
    }
  if (when)
    date = strlen (when) > 10 ? hk_format_datetime (when) : hk_format_date (when);
  /* Translators: an item of evidence: "Note of a visit, 3 Mar 2026" */
  title = date ? g_strdup_printf (_("%s, %s"), what, date) : g_strdup (what);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text ? text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (hk_timeline_get_icon_name (record)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), is_note ? "casebook.edit-note" : "casebook.edit-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", hk_record_get_id (record));
  gtk_widget_set_tooltip_text (row, _("Open this record"));
  return row;
}

/* Adds @record under each principle it is tagged with, once. */
static void
place (HkPrinciplesView *self,
       GHashTable       *placed,
       HkRecord         *record,
       const char       *date_key,
       const char       *when)
{
  if (g_hash_table_contains (placed, hk_record_get_id (record)))
    return;
  g_hash_table_add (placed, (gpointer) hk_record_get_id (record));

  for (guint p = 0; p < N_PRINCIPLES; p++)
    if (is_tagged (record, principles[p].code))
      {
        GtkWidget *row = create_item (record, date_key, when);

        adw_expander_row_add_row (self->rows[p], row);
        g_ptr_array_add (self->items[p], row);
      }
}

static void
clear (HkPrinciplesView *self)
{
  for (guint p = 0; p < N_PRINCIPLES; p++)
    {
      for (guint i = 0; i < self->items[p]->len; i++)
        adw_expander_row_remove (self->rows[p], g_ptr_array_index (self->items[p], i));
      g_ptr_array_set_size (self->items[p], 0);
    }
}

static void
update_counts (HkPrinciplesView *self)
{
  for (guint p = 0; p < N_PRINCIPLES; p++)
    {
      guint n = self->items[p]->len;
      g_autofree char *count = NULL;

      if (n > 0)
        count = g_strdup_printf (ngettext ("%u item", "%u items", n), n);
      gtk_label_set_text (self->counts[p], count ? count : _("None yet"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->counts[p]), n > 0 ? "dim-label" : "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->counts[p]), n > 0 ? "accent" : "dim-label");
      /* Enabling expands the row: keep them closed, one line each. */
      if (adw_expander_row_get_enable_expansion (self->rows[p]) != (n > 0))
        {
          adw_expander_row_set_enable_expansion (self->rows[p], n > 0);
          adw_expander_row_set_expanded (self->rows[p], FALSE);
        }
    }
}

/* GObject */

static void
hk_principles_view_dispose (GObject *object)
{
  HkPrinciplesView *self = (HkPrinciplesView *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_PRINCIPLES_VIEW);
  for (guint p = 0; p < N_PRINCIPLES; p++)
    g_clear_pointer (&self->items[p], g_ptr_array_unref);

  G_OBJECT_CLASS (hk_principles_view_parent_class)->dispose (object);
}

static void
hk_principles_view_class_init (HkPrinciplesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_principles_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-principles-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HkPrinciplesView, group);
}

static void
hk_principles_view_init (HkPrinciplesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint p = 0; p < N_PRINCIPLES; p++)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *count = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hk_format_enum (HK_RECORD_KIND_NOTE, "principles", principles[p].code));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _(principles[p].statement));
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), count);
      adw_preferences_group_add (self->group, row);
      gtk_widget_set_name (row, principles[p].code);

      self->rows[p] = ADW_EXPANDER_ROW (row);
      self->counts[p] = GTK_LABEL (count);
      self->items[p] = g_ptr_array_new ();
    }
  update_counts (self);
}

GtkWidget *
hk_principles_view_new (void)
{
  return g_object_new (HK_TYPE_PRINCIPLES_VIEW, NULL);
}

void
hk_principles_view_set_records (HkPrinciplesView *self,
                                GPtrArray        *records)
{
  g_autoptr(GPtrArray) tagged = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (HK_IS_PRINCIPLES_VIEW (self));

  clear (self);

  for (guint i = 0; records && i < records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (records, i);

      if (hk_record_has_field (record, "principles"))
        g_ptr_array_add (tagged, record);
    }

  /* Newest first, as in the timeline; undated actions at the end. The
   * timeline lists an action twice (due, done): its latest event wins. */
  entries = hk_timeline_collect (tagged);
  for (guint i = 0; i < entries->len; i++)
    {
      HkTimelineEntry *entry = g_ptr_array_index (entries, i);

      place (self, placed, entry->record, entry->date_key, entry->when);
    }
  for (guint i = 0; i < tagged->len; i++)
    place (self, placed, g_ptr_array_index (tagged, i), NULL, NULL);

  update_counts (self);
}

guint
hk_principles_view_get_count (HkPrinciplesView *self,
                              const char       *principle)
{
  g_return_val_if_fail (HK_IS_PRINCIPLES_VIEW (self), 0);
  g_return_val_if_fail (principle != NULL, 0);

  for (guint p = 0; p < N_PRINCIPLES; p++)
    if (g_str_equal (principles[p].code, principle))
      return self->items[p]->len;
  return 0;
}
