/* hk-case-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-case-page.h"
#include "hk-form-format.h"
#include "hk-msp-summary.h"
#include "hk-note-row.h"
#include "hk-principles-view.h"
#include "hk-prompt-list.h"
#include "hk-timeline-row.h"

/* Longest text shown from a free-text field in a row; the editor has the rest. */
#define SNIPPET_CHARS 200

typedef enum {
  SECTION_CONCERN,
  SECTION_OUTCOMES,
  SECTION_CAPACITY,
  SECTION_ADVOCACY,
  SECTION_ACTIONS,
  N_SECTIONS
} Section;

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
  HkPromptList        *prompt_list;
  HkMspSummary        *msp_summary;
  GtkStack            *view_stack;
  AdwPreferencesGroup *concern_group;
  AdwPreferencesGroup *outcomes_group;
  AdwPreferencesGroup *capacity_group;
  AdwPreferencesGroup *advocacy_group;
  AdwPreferencesGroup *actions_group;
  HkPrinciplesView    *principles_view;
  GtkListBox          *timeline_list;

  GHashTable          *person_rows;   /* field key → AdwActionRow */
  GHashTable          *case_rows;
  GListStore          *notes;
  HkRecord            *kase;
  HkRecord            *person;
  GPtrArray           *records;       /* every record of the case, or NULL */
  GHashTable          *histories;     /* record id → GPtrArray of earlier revisions */
  GPtrArray           *section_rows[N_SECTIONS];
  GHashTable          *items;         /* record id → the widget showing it (borrowed) */
  char                *view;
};

G_DEFINE_FINAL_TYPE (HkCasePage, hk_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_sections (HkCasePage *self);

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

/* Sections: concern and enquiry, outcomes, capacity, advocacy, actions */

static const char *
nonempty (HkRecord   *record,
          const char *key)
{
  const char *value = hk_record_get_string (record, key);

  return value && *value ? value : NULL;
}

static const char *
enum_label (HkRecord   *record,
            const char *key)
{
  const char *code = nonempty (record, key);

  return code ? hk_format_enum (hk_record_get_kind (record), key, code) : NULL;
}

/* The first line of a free-text field, shortened. */
static char *
snippet (const char *text)
{
  g_autofree char *copy = NULL;
  char *newline;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if ((newline = strchr (copy, '\n')) != NULL)
    *newline = '\0';
  if (*copy == '\0')
    return NULL;
  if (g_utf8_strlen (copy, -1) > SNIPPET_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, SNIPPET_CHARS);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&copy);
}

static char *
quote (const char *text)
{
  g_autofree char *first = snippet (text);

  if (first == NULL)
    return NULL;
  /* Words typed with their own quotation marks keep just those. */
  if (g_str_has_prefix (first, "“") || g_str_has_prefix (first, "\"") || g_str_has_prefix (first, "'"))
    return g_steal_pointer (&first);
  /* Translators: the person's own words, quoted */
  return g_strdup_printf (_("“%s”"), first);
}

/* Adds @part to @text: lines separated by newlines, parts of a line by " · ". */
static void
append_part (GString    *text,
             const char *part,
             gboolean    new_line)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, new_line ? "\n" : " · ");
  g_string_append (text, part);
}

static int
compare_by_date_key (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  HkRecord *ra = *(HkRecord **) a;
  HkRecord *rb = *(HkRecord **) b;
  const char *key = user_data;
  int cmp = key ? g_strcmp0 (hk_record_get_string (ra, key), hk_record_get_string (rb, key)) : 0;
  gint64 ca, cb;

  if (cmp != 0)
    return cmp;
  ca = hk_record_get_created_at (ra);
  cb = hk_record_get_created_at (rb);
  return (ca > cb) - (ca < cb);
}

/* The records of @kind (optionally under @parent_id), oldest first by @date_key. */
static GPtrArray *
records_of_kind (HkCasePage   *self,
                 HkRecordKind  kind,
                 const char   *parent_id,
                 const char   *date_key)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; self->records && i < self->records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (self->records, i);

      if (hk_record_get_kind (record) == kind &&
          (parent_id == NULL || g_strcmp0 (hk_record_get_parent_id (record), parent_id) == 0))
        g_ptr_array_add (found, record);
    }
  g_ptr_array_sort_with_data (found, compare_by_date_key, (gpointer) date_key);
  return found;
}

static AdwPreferencesGroup *
section_group (HkCasePage *self,
               Section     section)
{
  switch (section)
    {
    case SECTION_CONCERN:  return self->concern_group;
    case SECTION_OUTCOMES: return self->outcomes_group;
    case SECTION_CAPACITY: return self->capacity_group;
    case SECTION_ADVOCACY: return self->advocacy_group;
    case SECTION_ACTIONS:
    default:               return self->actions_group;
    }
}

static void
section_add (HkCasePage *self,
             Section     section,
             GtkWidget  *row,
             HkRecord   *record)
{
  adw_preferences_group_add (section_group (self, section), row);
  g_ptr_array_add (self->section_rows[section], row);
  if (record)
    g_hash_table_insert (self->items, g_strdup (hk_record_get_id (record)), row);
}

static void
section_clear (HkCasePage *self,
               Section     section)
{
  GPtrArray *rows = self->section_rows[section];

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (section_group (self, section), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
set_edit_action (GtkWidget *actionable,
                 HkRecord  *record)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (actionable), "casebook.edit-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (actionable), "s", hk_record_get_id (record));
}

static GtkWidget *
kind_icon (HkRecord *record)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (hk_timeline_get_icon_name (record));

  gtk_widget_add_css_class (icon, "hk-note-kind-icon");
  return icon;
}

/* A row that opens @record's editor when activated. */
static GtkWidget *
record_row (HkRecord   *record,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles and subtitles hold what people typed: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), kind_icon (record));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this record"));
  set_edit_action (row, record);
  return row;
}

/* An expander row (a record with rows under it) and its edit button. */
static GtkWidget *
record_expander (HkRecord   *record,
                 const char *title,
                 const char *subtitle,
                 const char *edit_label)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), kind_icon (record));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, edit_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  set_edit_action (edit, record);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);
  return row;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Concern and enquiry */

static GtkWidget *
concern_row (HkRecord *concern)
{
  g_autofree char *received = hk_format_date (nonempty (concern, "received_on"));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *role = nonempty (concern, "raised_by_role");
  const char *agency = nonempty (concern, "raised_by_agency");
  const char *decision = enum_label (concern, "decision");

  /* Translators: %s is a date: "Concern received 3 Mar 2026" */
  title = g_strdup_printf (_("Concern received %s"), received ? received : "?");

  if (role || agency)
    {
      g_autofree char *raised = NULL;

      if (role && agency)
        /* Translators: who raised a concern: "Raised by district nurse (NHS trust)" */
        raised = g_strdup_printf (_("Raised by %s (%s)"), role, agency);
      else
        raised = g_strdup_printf (_("Raised by %s"), role ? role : agency);
      append_part (subtitle, raised, TRUE);
    }

  if (decision)
    {
      g_autofree char *when = hk_format_date (nonempty (concern, "decision_on"));
      g_autofree char *line = NULL;

      if (when)
        /* Translators: the decision on a concern and its date: "Decision: Section 42 enquiry, 5 Mar 2026" */
        line = g_strdup_printf (_("Decision: %s, %s"), decision, when);
      else
        line = g_strdup_printf (_("Decision: %s"), decision);
      append_part (subtitle, line, TRUE);
      append_part (subtitle, enum_label (concern, "response"), FALSE);
    }
  else
    append_part (subtitle, _("No decision yet"), TRUE);

  return record_row (concern, title, subtitle->str);
}

static char *
risk_subtitle (HkRecord *risk)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *assessment = nonempty (risk, "assessment");

  append_part (text, enum_label (risk, "location"), TRUE);
  append_part (text, enum_label (risk, "source"), FALSE);
  if (assessment)
    {
      append_part (text, enum_label (risk, "assessment"), TRUE);
      if (nonempty (risk, "outcome"))
        append_part (text, enum_label (risk, "outcome"), FALSE);
      else if (hk_sac_risk_identified (assessment))
        append_part (text, _("Risk outcome not recorded yet"), FALSE);
    }
  else
    append_part (text, _("Not assessed yet"), TRUE);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_enquiry (HkCasePage *self,
             HkRecord   *enquiry)
{
  g_autoptr(GPtrArray) risks = records_of_kind (self, HK_RECORD_KIND_RISK, hk_record_get_id (enquiry), NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *type = enum_label (enquiry, "enquiry_type");
  GtkWidget *row, *add;

  if (nonempty (enquiry, "started_on"))
    {
      g_autofree char *date = hk_format_date (nonempty (enquiry, "started_on"));
      /* Translators: %s is a date */
      g_autofree char *part = g_strdup_printf (_("Started %s"), date ? date : "?");

      append_part (subtitle, part, TRUE);
    }
  if (nonempty (enquiry, "concluded_on"))
    {
      g_autofree char *date = hk_format_date (nonempty (enquiry, "concluded_on"));
      /* Translators: %s is a date: "Started 3 Mar 2026 · concluded 20 Apr 2026" */
      g_autofree char *part = g_strdup_printf (_("concluded %s"), date ? date : "?");

      append_part (subtitle, part, FALSE);
    }
  else
    append_part (subtitle, _("running"), FALSE);
  if (nonempty (enquiry, "lead_agency"))
    {
      g_autofree char *lead = g_strdup_printf (_("Lead agency: %s"), nonempty (enquiry, "lead_agency"));

      append_part (subtitle, lead, TRUE);
    }
  if (nonempty (enquiry, "caused_to"))
    {
      g_autofree char *caused = g_strdup_printf (_("Caused to: %s"), nonempty (enquiry, "caused_to"));

      append_part (subtitle, caused, FALSE);
    }
  if (hk_record_get_boolean (enquiry, "large_scale"))
    append_part (subtitle, _("Large-scale enquiry"), FALSE);

  row = record_expander (enquiry, type ? type : hk_record_kind_get_label (HK_RECORD_KIND_ENQUIRY),
                         subtitle->str, _("Edit Enquiry"));

  for (guint i = 0; i < risks->len; i++)
    {
      HkRecord *risk = g_ptr_array_index (risks, i);
      const char *risk_type = enum_label (risk, "risk_type");
      g_autofree char *details = risk_subtitle (risk);
      g_autofree char *title = NULL;
      GtkWidget *risk_row;

      /* Translators: %s is a type of risk, e.g. "Financial or Material Abuse" */
      title = risk_type ? g_strdup_printf (_("Risk: %s"), risk_type) : g_strdup (_("Risk"));
      risk_row = record_row (risk, title, details);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), risk_row);
      g_hash_table_insert (self->items, g_strdup (hk_record_get_id (risk)), risk_row);
    }

  add = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add Risk…"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
  gtk_widget_set_tooltip_text (add, _("Record a risk found in this enquiry"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "casebook.new-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "(ss)", "risk", hk_record_get_id (enquiry));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);

  section_add (self, SECTION_CONCERN, row, enquiry);
}

static void
build_concern_section (HkCasePage *self)
{
  g_autoptr(GPtrArray) concerns = records_of_kind (self, HK_RECORD_KIND_CONCERN, NULL, "received_on");
  g_autoptr(GPtrArray) enquiries = records_of_kind (self, HK_RECORD_KIND_ENQUIRY, NULL, "started_on");

  for (guint i = 0; i < concerns->len; i++)
    section_add (self, SECTION_CONCERN, concern_row (g_ptr_array_index (concerns, i)),
                 g_ptr_array_index (concerns, i));
  for (guint i = 0; i < enquiries->len; i++)
    add_enquiry (self, g_ptr_array_index (enquiries, i));
  if (concerns->len + enquiries->len == 0)
    section_add (self, SECTION_CONCERN, placeholder_row (_("No concern recorded yet.")), NULL);
}

/* Outcomes: the person's words first and large */

static const char *
achieved_class (const char *code)
{
  if (g_strcmp0 (code, "fully") == 0)
    return "hk-status-open";
  if (g_strcmp0 (code, "partially") == 0)
    return "hk-late";
  return "hk-status-closed";
}

static GtkWidget *
outcome_row (HkRecord *outcome)
{
  /* A preferences row, so the group puts it in its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words, *meta;
  g_autofree char *quoted = quote (nonempty (outcome, "words"));
  g_autofree char *expressed = hk_format_date (nonempty (outcome, "expressed_on"));
  g_autofree char *meta_text = NULL;
  g_autofree char *accessible = NULL;
  const char *achieved = nonempty (outcome, "achieved");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  words = gtk_label_new (quoted ? quoted : "");
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (words), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_add_css_class (words, "title-4");
  gtk_box_append (GTK_BOX (top), kind_icon (outcome));
  gtk_widget_set_valign (gtk_widget_get_first_child (top), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), words);
  gtk_box_append (GTK_BOX (top), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (box), top);

  /* Translators: %s is a date */
  meta_text = g_strdup_printf (_("Expressed %s"), expressed ? expressed : "?");
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  if (achieved)
    {
      GtkWidget *rating = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *pill = gtk_label_new (enum_label (outcome, "achieved"));
      g_autofree char *rated = hk_format_date (nonempty (outcome, "rated_on"));
      g_autofree char *rated_text = rated ? g_strdup_printf (_("Rated %s"), rated) : NULL;

      gtk_widget_add_css_class (pill, "hk-pill");
      gtk_widget_add_css_class (pill, achieved_class (achieved));
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (rating), pill);
      if (rated_text)
        {
          GtkWidget *when = gtk_label_new (rated_text);

          gtk_widget_add_css_class (when, "dim-label");
          gtk_box_append (GTK_BOX (rating), when);
        }
      gtk_box_append (GTK_BOX (box), rating);
    }
  else
    {
      GtkWidget *pending = gtk_label_new (_("Not rated yet"));

      gtk_label_set_xalign (GTK_LABEL (pending), 0);
      gtk_widget_add_css_class (pending, "dim-label");
      gtk_box_append (GTK_BOX (box), pending);
    }

  if (nonempty (outcome, "person_view"))
    {
      g_autofree char *view_quoted = quote (nonempty (outcome, "person_view"));
      /* Translators: the person's own view of how far an outcome was achieved */
      g_autofree char *view_text = g_strdup_printf (_("Their view: %s"), view_quoted);
      GtkWidget *view = gtk_label_new (view_text);

      gtk_label_set_xalign (GTK_LABEL (view), 0);
      gtk_label_set_wrap (GTK_LABEL (view), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (view), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), view);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quoted ? quoted : "");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this desired outcome"));
  set_edit_action (row, outcome);

  /* Translators: read by a screen reader: "Desired outcome: “I want to stay at home”" */
  accessible = g_strdup_printf (_("Desired outcome: %s"), quoted ? quoted : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  achieved ? enum_label (outcome, "achieved") : _("Not rated yet"),
                                  -1);
  return row;
}

static char *
labels_of (HkRecord   *record,
           const char *key)
{
  g_autofree const char **codes = hk_record_get_strv (record, key);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; codes && codes[i]; i++)
    g_ptr_array_add (labels, (gpointer) hk_format_enum (hk_record_get_kind (record), key, codes[i]));
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static GtkWidget *
conversation_row (HkRecord *conversation)
{
  g_autofree char *held = hk_format_date (nonempty (conversation, "held_on"));
  const char *phase = enum_label (conversation, "phase");
  g_autofree char *title = NULL;
  g_autofree char *with = labels_of (conversation, "participants");
  g_autofree char *words = quote (nonempty (conversation, "summary"));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  /* Translators: an outcome conversation's stage and date: "At the concern, 3 Mar 2026" */
  title = g_strdup_printf (_("%s, %s"), phase ? phase : _("Outcome conversation"), held ? held : "?");

  if (with)
    {
      g_autofree char *line = g_strdup_printf (_("With: %s"), with);

      append_part (subtitle, line, TRUE);
    }
  if (enum_label (conversation, "asked"))
    {
      g_autofree char *line = g_strdup_printf (_("Asked: %s"), enum_label (conversation, "asked"));

      append_part (subtitle, line, TRUE);
    }
  if (enum_label (conversation, "wellbeing") || enum_label (conversation, "safety"))
    {
      g_autofree char *wellbeing = NULL;
      g_autofree char *safety = NULL;

      if (enum_label (conversation, "wellbeing"))
        /* Translators: on the wellbeing and safety grid: "Wellbeing: Low" */
        wellbeing = g_strdup_printf (_("Wellbeing: %s"), enum_label (conversation, "wellbeing"));
      if (enum_label (conversation, "safety"))
        safety = g_strdup_printf (_("Safety: %s"), enum_label (conversation, "safety"));
      append_part (subtitle, wellbeing ? wellbeing : safety, TRUE);
      if (wellbeing)
        append_part (subtitle, safety, FALSE);
    }
  if (enum_label (conversation, "feels_safer") || enum_label (conversation, "listened_to") ||
      enum_label (conversation, "kept_informed"))
    {
      g_autoptr(GString) line = g_string_new (NULL);

      if (enum_label (conversation, "feels_safer"))
        /* Translators: closure feedback: "Feels safer: Partly" */
        g_string_append_printf (line, _("Feels safer: %s"), enum_label (conversation, "feels_safer"));
      if (enum_label (conversation, "listened_to"))
        {
          g_autofree char *part = g_strdup_printf (_("Listened to: %s"), enum_label (conversation, "listened_to"));

          append_part (line, part, FALSE);
        }
      if (enum_label (conversation, "kept_informed"))
        {
          g_autofree char *part = g_strdup_printf (_("Kept informed: %s"), enum_label (conversation, "kept_informed"));

          append_part (line, part, FALSE);
        }
      append_part (subtitle, line->str, TRUE);
    }
  append_part (subtitle, words, TRUE);

  return record_row (conversation, title, subtitle->str);
}

static void
build_outcomes_section (HkCasePage *self)
{
  g_autoptr(GPtrArray) outcomes = records_of_kind (self, HK_RECORD_KIND_OUTCOME, NULL, "expressed_on");
  g_autoptr(GPtrArray) conversations = records_of_kind (self, HK_RECORD_KIND_CONVERSATION, NULL, "held_on");

  for (guint i = 0; i < outcomes->len; i++)
    section_add (self, SECTION_OUTCOMES, outcome_row (g_ptr_array_index (outcomes, i)),
                 g_ptr_array_index (outcomes, i));
  for (guint i = 0; i < conversations->len; i++)
    section_add (self, SECTION_OUTCOMES, conversation_row (g_ptr_array_index (conversations, i)),
                 g_ptr_array_index (conversations, i));
  if (outcomes->len + conversations->len == 0)
    section_add (self, SECTION_OUTCOMES,
                 placeholder_row (_("No outcome conversation yet. Ask the person what they want to happen, and record it in their own words.")),
                 NULL);
}

/* Capacity */

static GtkWidget *
capacity_row (HkRecord   *assessment,
              const char *today)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *assessed = hk_format_date (nonempty (assessment, "assessed_on"));
  const char *outcome = enum_label (assessment, "outcome");
  const char *review = nonempty (assessment, "review_on");

  append_part (subtitle, outcome, TRUE);
  if (assessed)
    {
      g_autofree char *line = NULL;

      if (nonempty (assessment, "assessor"))
        /* Translators: "Assessed 3 Mar 2026 by Sam Social Worker" */
        line = g_strdup_printf (_("Assessed %s by %s"), assessed, nonempty (assessment, "assessor"));
      else
        line = g_strdup_printf (_("Assessed %s"), assessed);
      append_part (subtitle, line, TRUE);
    }
  if (review)
    {
      g_autofree char *date = hk_format_date (review);
      g_autofree char *line = NULL;

      if (date && g_strcmp0 (review, today) < 0)
        /* Translators: %s is a date in the past */
        line = g_strdup_printf (_("Review was due %s: overdue"), date);
      else if (date)
        line = g_strdup_printf (_("Review by %s"), date);
      append_part (subtitle, line, TRUE);
    }

  return record_row (assessment,
                     nonempty (assessment, "decision") ? nonempty (assessment, "decision") : _("Decision not named"),
                     subtitle->str);
}

static GtkWidget *
best_interests_row (HkRecord *decision)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *decided = hk_format_date (nonempty (decision, "decided_on"));
  g_autofree char *title = NULL;
  g_autofree char *outcome = snippet (nonempty (decision, "outcome_decision"));

  /* Translators: %s is the decision, e.g. "Where to live" */
  title = g_strdup_printf (_("Best-interests decision: %s"),
                           nonempty (decision, "decision") ? nonempty (decision, "decision") : "?");
  if (decided)
    {
      g_autofree char *line = NULL;

      if (nonempty (decision, "decision_maker"))
        /* Translators: "Decided 4 Mar 2026 by Dr Example" */
        line = g_strdup_printf (_("Decided %s by %s"), decided, nonempty (decision, "decision_maker"));
      else
        line = g_strdup_printf (_("Decided %s"), decided);
      append_part (subtitle, line, TRUE);
    }
  append_part (subtitle, outcome, TRUE);
  return record_row (decision, title, subtitle->str);
}

static void
build_capacity_section (HkCasePage *self)
{
  g_autoptr(GPtrArray) assessments = records_of_kind (self, HK_RECORD_KIND_CAPACITY, NULL, "assessed_on");
  g_autoptr(GPtrArray) decisions = records_of_kind (self, HK_RECORD_KIND_BEST_INTERESTS, NULL, "decided_on");
  g_autofree char *today = hk_today_iso ();

  for (guint i = 0; i < assessments->len; i++)
    section_add (self, SECTION_CAPACITY, capacity_row (g_ptr_array_index (assessments, i), today),
                 g_ptr_array_index (assessments, i));
  for (guint i = 0; i < decisions->len; i++)
    section_add (self, SECTION_CAPACITY, best_interests_row (g_ptr_array_index (decisions, i)),
                 g_ptr_array_index (decisions, i));
  if (assessments->len + decisions->len == 0)
    section_add (self, SECTION_CAPACITY,
                 placeholder_row (_("No capacity assessment. The person is assumed to have capacity unless it is shown, decision by decision, that they lack it.")),
                 NULL);
}

/* Advocacy, with its status history */

static const struct {
  const char *status;
  const char *date_key;
} status_steps[] = {
  { "considered", "considered_on" },
  { "referred",   "referred_on" },
  { "allocated",  "allocated_on" },
  { "ended",      "ended_on" },
  { "declined",   NULL },
};

typedef struct {
  const char *status;  /* static */
  char       *date;    /* ISO date */
  guint       order;
} Step;

static void
step_free (Step *step)
{
  g_free (step->date);
  g_free (step);
}

static int
status_order (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_steps); i++)
    if (g_strcmp0 (status_steps[i].status, status) == 0)
      return i;
  return -1;
}

static char *
revision_date (HkRecord *revision)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (hk_record_get_modified_at (revision) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
}

static void
add_step (GPtrArray  *steps,
          HkRecord   *revision,
          const char *status)
{
  int order = status_order (status);
  Step *step;
  const char *dated;

  if (order < 0)
    return;
  for (guint i = 0; i < steps->len; i++)
    if (((Step *) g_ptr_array_index (steps, i))->order == (guint) order)
      return;
  dated = status_steps[order].date_key ? nonempty (revision, status_steps[order].date_key) : NULL;
  step = g_new0 (Step, 1);
  step->status = status_steps[order].status;
  step->order = order;
  step->date = dated ? g_strdup (dated) : revision_date (revision);
  g_ptr_array_add (steps, step);
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *sa = *(Step **) a;
  const Step *sb = *(Step **) b;
  int cmp = g_strcmp0 (sa->date, sb->date);

  return cmp != 0 ? cmp : (int) sa->order - (int) sb->order;
}

/* Every status the referral has had, with its date: from the dates on the
 * record and from its earlier revisions (statuses later corrected away). */
static GPtrArray *
status_history (HkRecord  *referral,
                GPtrArray *revisions)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  for (guint i = 0; i < G_N_ELEMENTS (status_steps); i++)
    if (status_steps[i].date_key && nonempty (referral, status_steps[i].date_key))
      add_step (steps, referral, status_steps[i].status);
  add_step (steps, referral, nonempty (referral, "status"));
  for (guint i = 0; revisions && i < revisions->len; i++)
    add_step (steps, g_ptr_array_index (revisions, i), nonempty (g_ptr_array_index (revisions, i), "status"));
  g_ptr_array_sort (steps, compare_steps);
  return steps;
}

static void
add_advocacy (HkCasePage *self,
              HkRecord   *referral)
{
  GPtrArray *revisions = g_hash_table_lookup (self->histories, hk_record_get_id (referral));
  g_autoptr(GPtrArray) steps = status_history (referral, revisions);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *basis = enum_label (referral, "basis");
  const char *organisation = nonempty (referral, "organisation");
  const char *advocate = nonempty (referral, "advocate");
  GtkWidget *row;

  append_part (subtitle, enum_label (referral, "status"), TRUE);
  if (advocate && organisation)
    {
      /* Translators: an advocate and their organisation: "Sam Advocate, Advocacy Together" */
      g_autofree char *who = g_strdup_printf (_("%s, %s"), advocate, organisation);

      append_part (subtitle, who, FALSE);
    }
  else
    append_part (subtitle, advocate ? advocate : organisation, FALSE);

  row = record_expander (referral, basis ? basis : hk_record_kind_get_label (HK_RECORD_KIND_ADVOCACY),
                         subtitle->str, _("Edit Advocacy Referral"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);
      GtkWidget *step_row = adw_action_row_new ();
      g_autofree char *date = hk_format_date (step->date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row),
                                     hk_format_enum (HK_RECORD_KIND_ADVOCACY, "status", step->status));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), date ? date : "");
      gtk_widget_add_css_class (step_row, "hk-property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), step_row);
    }
  if (nonempty (referral, "declined_reason"))
    {
      GtkWidget *reason = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Why it was declined"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reason), nonempty (referral, "declined_reason"));
      gtk_widget_add_css_class (reason, "hk-property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
    }

  section_add (self, SECTION_ADVOCACY, row, referral);
}

static void
build_advocacy_section (HkCasePage *self)
{
  g_autoptr(GPtrArray) referrals = records_of_kind (self, HK_RECORD_KIND_ADVOCACY, NULL, "considered_on");

  for (guint i = 0; i < referrals->len; i++)
    add_advocacy (self, g_ptr_array_index (referrals, i));
  if (referrals->len == 0)
    section_add (self, SECTION_ADVOCACY, placeholder_row (_("No advocacy referral.")), NULL);
}

/* Actions */

static GtkWidget *
action_row (HkRecord   *action,
            const char *today)
{
  g_autofree char *title = snippet (nonempty (action, "description"));
  g_autofree char *principles = labels_of (action, "principles");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *due = nonempty (action, "due_on");
  gboolean done = nonempty (action, "done_on") != NULL;

  if (nonempty (action, "owner"))
    {
      /* Translators: who will do an action */
      g_autofree char *who = g_strdup_printf (_("Who: %s"), nonempty (action, "owner"));

      append_part (subtitle, who, TRUE);
    }
  if (done)
    {
      g_autofree char *date = hk_format_date (nonempty (action, "done_on"));
      /* Translators: %s is a date */
      g_autofree char *part = g_strdup_printf (_("Done %s"), date ? date : "?");

      append_part (subtitle, part, FALSE);
    }
  else if (due)
    {
      g_autofree char *date = hk_format_date (due);
      g_autofree char *part = NULL;

      if (g_strcmp0 (due, today) < 0)
        /* Translators: %s is a date in the past */
        part = g_strdup_printf (_("Overdue: was due %s"), date ? date : "?");
      else
        /* Translators: %s is a date */
        part = g_strdup_printf (_("Due %s"), date ? date : "?");
      append_part (subtitle, part, FALSE);
    }
  else
    append_part (subtitle, _("Not done yet"), FALSE);
  if (principles)
    {
      /* Translators: the safeguarding principles an action serves */
      g_autofree char *line = g_strdup_printf (_("Principles: %s"), principles);

      append_part (subtitle, line, TRUE);
    }

  return record_row (action, title ? title : hk_record_kind_get_label (HK_RECORD_KIND_ACTION), subtitle->str);
}

static void
build_actions_section (HkCasePage *self)
{
  g_autoptr(GPtrArray) actions = records_of_kind (self, HK_RECORD_KIND_ACTION, NULL, "due_on");
  g_autofree char *today = hk_today_iso ();

  for (guint i = 0; i < actions->len; i++)
    section_add (self, SECTION_ACTIONS, action_row (g_ptr_array_index (actions, i), today),
                 g_ptr_array_index (actions, i));
  if (actions->len == 0)
    section_add (self, SECTION_ACTIONS, placeholder_row (_("No actions yet.")), NULL);
}

static void
clear_timeline (HkCasePage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->timeline_list, 0)) != NULL)
    gtk_list_box_remove (self->timeline_list, GTK_WIDGET (row));
}

static void
rebuild_timeline (HkCasePage *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  clear_timeline (self);
  if (self->records == NULL)
    return;
  entries = hk_timeline_collect (self->records);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->timeline_list, hk_timeline_row_new (g_ptr_array_index (entries, i)));
}

static void
rebuild_sections (HkCasePage *self)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    section_clear (self, s);
  g_hash_table_remove_all (self->items);

  gtk_widget_set_visible (GTK_WIDGET (self->msp_summary), self->records != NULL);
  if (self->records == NULL)
    {
      hk_msp_summary_set_records (self->msp_summary, NULL, NULL);
      hk_principles_view_set_records (self->principles_view, NULL);
      clear_timeline (self);
      return;
    }

  build_concern_section (self);
  build_outcomes_section (self);
  build_capacity_section (self);
  build_advocacy_section (self);
  build_actions_section (self);
  hk_msp_summary_set_records (self->msp_summary, self->kase, self->records);
  hk_principles_view_set_records (self->principles_view, self->records);
  rebuild_timeline (self);
}

static void
set_view (HkCasePage *self,
          const char *view)
{
  if (g_strcmp0 (view, "sections") != 0 && g_strcmp0 (view, "timeline") != 0)
    {
      g_warning ("Unknown case page view");
      return;
    }
  if (g_strcmp0 (self->view, view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
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
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->histories, g_hash_table_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&self->section_rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (hk_case_page_parent_class)->dispose (object);
}

static void
hk_case_page_finalize (GObject *object)
{
  HkCasePage *self = (HkCasePage *)object;

  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (hk_case_page_parent_class)->finalize (object);
}

static void
hk_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HkCasePage *self = HK_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HkCasePage *self = HK_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_page_class_init (HkCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_case_page_dispose;
  object_class->finalize = hk_case_page_finalize;
  object_class->get_property = hk_case_page_get_property;
  object_class->set_property = hk_case_page_set_property;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "sections",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HK_TYPE_MSP_SUMMARY);
  g_type_ensure (HK_TYPE_PRINCIPLES_VIEW);
  g_type_ensure (HK_TYPE_PROMPT_LIST);

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
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, prompt_list);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, msp_summary);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, concern_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, capacity_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, advocacy_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, principles_view);
  gtk_widget_class_bind_template_child (widget_class, HkCasePage, timeline_list);

  gtk_widget_class_install_property_action (widget_class, "case-page.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "case-page.view", "s", "sections");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "case-page.view", "s", "timeline");
}

static void
hk_case_page_init (HkCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->case_rows = g_hash_table_new (g_str_hash, g_str_equal);
  build_rows (self, HK_RECORD_KIND_PERSON, self->person_group, self->person_rows);
  build_rows (self, HK_RECORD_KIND_CASE, self->case_group, self->case_rows);

  self->view = g_strdup ("sections");
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    self->section_rows[i] = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->msp_summary), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_list), FALSE);

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
  /* The decisions where capacity is in doubt live on the case. */
  if (self->records)
    hk_msp_summary_set_records (self->msp_summary, self->kase, self->records);
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
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_hash_table_remove_all (self->histories);
  update_rows (NULL, HK_RECORD_KIND_PERSON, self->person_rows);
  update_rows (NULL, HK_RECORD_KIND_CASE, self->case_rows);
  update_header (self);
  rebuild_sections (self);
  hk_case_page_set_prompts (self, NULL);
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

void
hk_case_page_set_case_records (HkCasePage *self,
                               GPtrArray  *records)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));

  if (records)
    g_ptr_array_ref (records);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = records;
  rebuild_sections (self);
}

GPtrArray *
hk_case_page_get_case_records (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return self->records;
}

HkRecord *
hk_case_page_find_record (HkCasePage *self,
                          const char *record_id)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  if (self->kase && g_str_equal (hk_record_get_id (self->kase), record_id))
    return self->kase;
  if (self->person && g_str_equal (hk_record_get_id (self->person), record_id))
    return self->person;
  for (guint i = 0; self->records && i < self->records->len; i++)
    if (g_str_equal (hk_record_get_id (g_ptr_array_index (self->records, i)), record_id))
      return g_ptr_array_index (self->records, i);
  return hk_case_page_find_note (self, record_id);
}

GtkWidget *
hk_case_page_find_item (HkCasePage *self,
                        const char *record_id)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  return g_hash_table_lookup (self->items, record_id);
}

void
hk_case_page_set_prompts (HkCasePage *self,
                          GPtrArray  *prompts)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));

  hk_prompt_list_set_prompts (self->prompt_list, prompts);
  /* Hidden, it leaves no gap in the page. */
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_list), hk_prompt_list_get_n_prompts (self->prompt_list) > 0);
}

void
hk_case_page_set_record_history (HkCasePage *self,
                                 const char *record_id,
                                 GPtrArray  *revisions)
{
  HkRecord *record;

  g_return_if_fail (HK_IS_CASE_PAGE (self));
  g_return_if_fail (record_id != NULL);

  if (revisions)
    g_hash_table_insert (self->histories, g_strdup (record_id), g_ptr_array_ref (revisions));
  else
    g_hash_table_remove (self->histories, record_id);

  record = hk_case_page_find_record (self, record_id);
  if (record && hk_record_get_kind (record) == HK_RECORD_KIND_ADVOCACY)
    {
      section_clear (self, SECTION_ADVOCACY);
      build_advocacy_section (self);
    }
}

void
hk_case_page_set_view (HkCasePage *self,
                       const char *view)
{
  g_return_if_fail (HK_IS_CASE_PAGE (self));

  set_view (self, view);
}

const char *
hk_case_page_get_view (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return self->view;
}

GtkListBox *
hk_case_page_get_timeline (HkCasePage *self)
{
  g_return_val_if_fail (HK_IS_CASE_PAGE (self), NULL);

  return self->timeline_list;
}
