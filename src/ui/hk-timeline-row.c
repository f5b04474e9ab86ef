/* hk-timeline-row.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-form-format.h"
#include "hk-note-row.h"
#include "hk-timeline-row.h"

/* Longest summary kept from free text; the label ellipsizes the rest. */
#define SUMMARY_CHARS 240

struct _HkTimelineRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *when_label;
  GtkLabel      *summary_label;

  HkRecord      *record;
  const char    *date_key;
  char          *when;
  char          *title;
};

G_DEFINE_FINAL_TYPE (HkTimelineRow, hk_timeline_row, GTK_TYPE_LIST_BOX_ROW)

/* The dated fields of each kind, in the order events happen. */
static const char * const note_keys[]           = { "occurred_at", NULL };
static const char * const concern_keys[]        = { "received_on", "decision_on", NULL };
static const char * const enquiry_keys[]        = { "started_on", "concluded_on", NULL };
static const char * const conversation_keys[]   = { "held_on", NULL };
static const char * const outcome_keys[]        = { "expressed_on", "rated_on", NULL };
static const char * const capacity_keys[]       = { "assessed_on", NULL };
static const char * const best_interests_keys[] = { "decided_on", NULL };
static const char * const advocacy_keys[]       = { "considered_on", "referred_on", "allocated_on", "ended_on", NULL };
static const char * const action_keys[]         = { "due_on", "done_on", NULL };

static const char * const *
dated_keys (HkRecordKind kind)
{
  switch (kind)
    {
    case HK_RECORD_KIND_NOTE:           return note_keys;
    case HK_RECORD_KIND_CONCERN:        return concern_keys;
    case HK_RECORD_KIND_ENQUIRY:        return enquiry_keys;
    case HK_RECORD_KIND_CONVERSATION:   return conversation_keys;
    case HK_RECORD_KIND_OUTCOME:        return outcome_keys;
    case HK_RECORD_KIND_CAPACITY:       return capacity_keys;
    case HK_RECORD_KIND_BEST_INTERESTS: return best_interests_keys;
    case HK_RECORD_KIND_ADVOCACY:       return advocacy_keys;
    case HK_RECORD_KIND_ACTION:         return action_keys;
    case HK_RECORD_KIND_RISK:
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_DRAFT:
    default:
      return NULL;
    }
}

static const char *
nonempty (HkRecord   *record,
          const char *key)
{
  const char *value = hk_record_get_string (record, key);

  return value && *value ? value : NULL;
}

/* Date-times become local "YYYY-MM-DD HH:MM:SS" so they sort with plain
 * dates as strings; a plain date sorts before the timed events of its day. */
static char *
make_sort_key (const char *when)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (strlen (when) <= 10)
    return g_strdup (when);
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (when, utc);
  if (dt == NULL)
    return g_strdup (when);
  local = g_date_time_to_local (dt);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static HkTimelineEntry *
entry_new (HkRecord   *record,
           const char *date_key,
           const char *when)
{
  HkTimelineEntry *entry = g_new0 (HkTimelineEntry, 1);

  entry->record = g_object_ref (record);
  entry->date_key = date_key;
  entry->when = g_strdup (when);
  entry->sort_key = make_sort_key (when);
  return entry;
}

void
hk_timeline_entry_free (HkTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->record);
  g_free (entry->when);
  g_free (entry->sort_key);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const HkTimelineEntry *ea = *(HkTimelineEntry **) a;
  const HkTimelineEntry *eb = *(HkTimelineEntry **) b;
  gint64 ca, cb;
  int cmp;

  cmp = strcmp (eb->sort_key, ea->sort_key);
  if (cmp != 0)
    return cmp;
  /* Same moment: the record written later comes first. */
  ca = hk_record_get_created_at (ea->record);
  cb = hk_record_get_created_at (eb->record);
  if (ca != cb)
    return ca < cb ? 1 : -1;
  return g_strcmp0 (hk_record_get_id (ea->record), hk_record_get_id (eb->record));
}

GPtrArray *
hk_timeline_collect (GPtrArray *records)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hk_timeline_entry_free);
  g_autoptr(GHashTable) enquiries = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; records && i < records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (records, i);

      if (hk_record_get_kind (record) == HK_RECORD_KIND_ENQUIRY)
        g_hash_table_insert (enquiries, (gpointer) hk_record_get_id (record), record);
    }

  for (guint i = 0; records && i < records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (records, i);
      HkRecordKind kind = hk_record_get_kind (record);
      const char * const *keys = dated_keys (kind);

      if (kind == HK_RECORD_KIND_RISK)
        {
          /* A risk is found during its enquiry: it sits at the enquiry's start. */
          HkRecord *enquiry = hk_record_get_parent_id (record)
                              ? g_hash_table_lookup (enquiries, hk_record_get_parent_id (record))
                              : NULL;
          const char *when = enquiry ? nonempty (enquiry, "started_on") : NULL;

          if (when)
            g_ptr_array_add (entries, entry_new (record, "started_on", when));
          continue;
        }

      for (guint k = 0; keys && keys[k]; k++)
        {
          const char *when = nonempty (record, keys[k]);

          /* Once an action is done, when it was due is no longer news. */
          if (kind == HK_RECORD_KIND_ACTION && g_str_equal (keys[k], "due_on") && nonempty (record, "done_on"))
            continue;
          if (when)
            g_ptr_array_add (entries, entry_new (record, keys[k], when));
        }
    }

  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

const char *
hk_timeline_get_icon_name (HkRecord *record)
{
  g_return_val_if_fail (HK_IS_RECORD (record), NULL);

  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:           return hk_note_kind_get_icon_name (hk_record_get_string (record, "kind"));
    case HK_RECORD_KIND_CONCERN:        return "mail-mark-important-symbolic";
    case HK_RECORD_KIND_ENQUIRY:        return "edit-find-symbolic";
    case HK_RECORD_KIND_RISK:           return "security-low-symbolic";
    case HK_RECORD_KIND_CONVERSATION:   return "chat-message-new-symbolic";
    case HK_RECORD_KIND_OUTCOME:        return "starred-symbolic";
    case HK_RECORD_KIND_CAPACITY:       return "dialog-question-symbolic";
    case HK_RECORD_KIND_BEST_INTERESTS: return "emblem-favorite-symbolic";
    case HK_RECORD_KIND_ADVOCACY:       return "system-users-symbolic";
    case HK_RECORD_KIND_ACTION:
      return nonempty (record, "done_on") ? "emblem-ok-symbolic" : "task-due-symbolic";
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_DRAFT:
    default:
      return "text-x-generic-symbolic";
    }
}

static const char *
enum_label (HkRecord   *record,
            const char *key)
{
  const char *code = nonempty (record, key);

  return code ? hk_format_enum (hk_record_get_kind (record), key, code) : NULL;
}

static char *
describe_note (HkRecord *note)
{
  const char *kind = hk_record_get_string (note, "kind");

  if (g_strcmp0 (kind, "conversation") == 0)
    return g_strdup (_("Note of a conversation"));
  if (g_strcmp0 (kind, "visit") == 0)
    return g_strdup (_("Note of a visit"));
  if (g_strcmp0 (kind, "phone_call") == 0)
    return g_strdup (_("Note of a phone call"));
  if (g_strcmp0 (kind, "meeting") == 0)
    return g_strdup (_("Note of a meeting"));
  return g_strdup (_("Note"));
}

char *
hk_timeline_describe (HkRecord   *record,
                      const char *date_key)
{
  const char *type;

  g_return_val_if_fail (HK_IS_RECORD (record), NULL);

  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:
      return describe_note (record);

    case HK_RECORD_KIND_CONCERN:
      if (g_strcmp0 (date_key, "decision_on") == 0)
        {
          const char *decision = enum_label (record, "decision");

          /* Translators: %s is the decision, e.g. "Section 42 enquiry" */
          return decision ? g_strdup_printf (_("Concern decided: %s"), decision) : g_strdup (_("Concern decided"));
        }
      return g_strdup (_("Concern received"));

    case HK_RECORD_KIND_ENQUIRY:
      type = hk_record_get_string (record, "enquiry_type");
      if (g_strcmp0 (date_key, "concluded_on") == 0)
        {
          if (g_strcmp0 (type, "s42") == 0)
            return g_strdup (_("Section 42 enquiry concluded"));
          if (g_strcmp0 (type, "other") == 0)
            return g_strdup (_("Other safeguarding enquiry concluded"));
          return g_strdup (_("Enquiry concluded"));
        }
      if (g_strcmp0 (type, "s42") == 0)
        return g_strdup (_("Section 42 enquiry started"));
      if (g_strcmp0 (type, "other") == 0)
        return g_strdup (_("Other safeguarding enquiry started"));
      return g_strdup (_("Enquiry started"));

    case HK_RECORD_KIND_RISK:
      type = enum_label (record, "risk_type");
      /* Translators: %s is a type of risk, e.g. "Financial or Material Abuse" */
      return type ? g_strdup_printf (_("Risk: %s"), type) : g_strdup (_("Risk"));

    case HK_RECORD_KIND_CONVERSATION:
      return g_strdup (_("Outcome conversation"));

    case HK_RECORD_KIND_OUTCOME:
      if (g_strcmp0 (date_key, "rated_on") == 0)
        {
          const char *achieved = enum_label (record, "achieved");

          /* Translators: %s is how far it was achieved, e.g. "Partially Achieved" */
          return achieved ? g_strdup_printf (_("Desired outcome rated: %s"), achieved)
                          : g_strdup (_("Desired outcome rated"));
        }
      return g_strdup (_("Desired outcome expressed"));

    case HK_RECORD_KIND_CAPACITY:
      return g_strdup (_("Capacity assessed"));

    case HK_RECORD_KIND_BEST_INTERESTS:
      return g_strdup (_("Best-interests decision made"));

    case HK_RECORD_KIND_ADVOCACY:
      if (g_strcmp0 (date_key, "referred_on") == 0)
        return g_strdup (_("Referred for advocacy"));
      if (g_strcmp0 (date_key, "allocated_on") == 0)
        return g_strdup (_("Advocate allocated"));
      if (g_strcmp0 (date_key, "ended_on") == 0)
        return g_strdup (_("Advocacy ended"));
      return g_strdup (_("Advocacy considered"));

    case HK_RECORD_KIND_ACTION:
      if (g_strcmp0 (date_key, "done_on") == 0)
        return g_strdup (_("Action done"));
      return g_strdup (_("Action due"));

    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_DRAFT:
    default:
      return g_strdup (hk_record_kind_get_label (hk_record_get_kind (record)));
    }
}

/* Joins the non-NULL parts with " · ". */
static char *
join_parts (const char *first,
            ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != (const char *) -1; part = va_arg (args, const char *))
    {
      if (part == NULL || *part == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }
  va_end (args);
  return g_string_free (text, FALSE);
}

#define END_PARTS ((const char *) -1)

static char *
first_text (const char *text)
{
  g_autofree char *copy = NULL;
  char *newline;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if ((newline = strchr (copy, '\n')) != NULL)
    *newline = '\0';
  if (g_utf8_strlen (copy, -1) > SUMMARY_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, SUMMARY_CHARS);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&copy);
}

static char *
quoted (const char *text)
{
  g_autofree char *first = first_text (text);

  if (first == NULL)
    return NULL;
  /* Words typed with their own quotation marks keep just those. */
  if (g_str_has_prefix (first, "“") || g_str_has_prefix (first, "\"") || g_str_has_prefix (first, "'"))
    return g_steal_pointer (&first);
  /* Translators: the person's own words, quoted */
  return g_strdup_printf (_("“%s”"), first);
}

static char *
participants_text (HkRecord *conversation)
{
  g_autofree const char **codes = hk_record_get_strv (conversation, "participants");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; codes && codes[i]; i++)
    g_ptr_array_add (labels, (gpointer) hk_format_enum (HK_RECORD_KIND_CONVERSATION, "participants", codes[i]));
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);
  /* Translators: who took part in a conversation: "With: The adult, An IMCA" */
  return g_strdup_printf (_("With: %s"), joined);
}

static char *
summarise (HkRecord   *record,
           const char *date_key)
{
  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:
      return first_text (hk_record_get_string (record, "text"));

    case HK_RECORD_KIND_CONCERN:
      if (g_strcmp0 (date_key, "decision_on") == 0)
        return g_strdup (enum_label (record, "response"));
      else
        {
          const char *role = nonempty (record, "raised_by_role");
          const char *agency = nonempty (record, "raised_by_agency");

          if (role && agency)
            /* Translators: who raised a concern: "Raised by district nurse (NHS trust)" */
            return g_strdup_printf (_("Raised by %s (%s)"), role, agency);
          if (role || agency)
            return g_strdup_printf (_("Raised by %s"), role ? role : agency);
          return NULL;
        }

    case HK_RECORD_KIND_ENQUIRY:
      {
        g_autofree char *lead = NULL;
        g_autofree char *caused = NULL;

        if (nonempty (record, "lead_agency"))
          /* Translators: %s is an organisation */
          lead = g_strdup_printf (_("Lead agency: %s"), nonempty (record, "lead_agency"));
        if (nonempty (record, "caused_to"))
          /* Translators: %s is an organisation the enquiry was caused to */
          caused = g_strdup_printf (_("Caused to: %s"), nonempty (record, "caused_to"));
        return join_parts (lead, caused,
                           hk_record_get_boolean (record, "large_scale") ? _("Large-scale enquiry") : NULL,
                           END_PARTS);
      }

    case HK_RECORD_KIND_RISK:
      return join_parts (enum_label (record, "location"), enum_label (record, "source"),
                         enum_label (record, "assessment"), enum_label (record, "outcome"), END_PARTS);

    case HK_RECORD_KIND_CONVERSATION:
      {
        g_autofree char *with = participants_text (record);
        g_autofree char *asked = NULL;

        if (enum_label (record, "asked"))
          /* Translators: whether the person was asked about desired outcomes: "Asked: No" */
          asked = g_strdup_printf (_("Asked: %s"), enum_label (record, "asked"));
        return join_parts (enum_label (record, "phase"), with, asked, END_PARTS);
      }

    case HK_RECORD_KIND_OUTCOME:
      return quoted (hk_record_get_string (record, "words"));

    case HK_RECORD_KIND_CAPACITY:
      {
        const char *decision = nonempty (record, "decision");
        const char *outcome = enum_label (record, "outcome");

        if (decision && outcome)
          /* Translators: a capacity assessment: "Moving to a care home: Lacks capacity for this decision" */
          return g_strdup_printf (_("%s: %s"), decision, outcome);
        return g_strdup (decision ? decision : outcome);
      }

    case HK_RECORD_KIND_BEST_INTERESTS:
      return first_text (hk_record_get_string (record, "decision"));

    case HK_RECORD_KIND_ADVOCACY:
      return join_parts (enum_label (record, "basis"), nonempty (record, "organisation"), END_PARTS);

    case HK_RECORD_KIND_ACTION:
      return first_text (hk_record_get_string (record, "description"));

    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_DRAFT:
    default:
      return NULL;
    }
}

static char *
format_when (const char *when)
{
  if (when == NULL)
    return NULL;
  if (strlen (when) <= 10)
    return hk_format_date (when);
  return hk_format_datetime (when);
}

static void
update (HkTimelineRow *self)
{
  g_autofree char *when = format_when (self->when);
  g_autofree char *summary = summarise (self->record, self->date_key);
  g_autofree char *accessible = NULL;
  gboolean is_note = hk_record_get_kind (self->record) == HK_RECORD_KIND_NOTE;

  g_free (self->title);
  self->title = hk_timeline_describe (self->record, self->date_key);

  gtk_image_set_from_icon_name (self->icon, hk_timeline_get_icon_name (self->record));
  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->when_label, when ? when : "");
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), is_note ? "casebook.edit-note" : "casebook.edit-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", hk_record_get_id (self->record));

  /* Translators: a timeline entry read out by a screen reader: "Concern received, 3 Mar 2026" */
  accessible = g_strdup_printf (_("%s, %s"), self->title, when ? when : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
}

static void
hk_timeline_row_dispose (GObject *object)
{
  HkTimelineRow *self = (HkTimelineRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_TIMELINE_ROW);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (hk_timeline_row_parent_class)->dispose (object);
}

static void
hk_timeline_row_finalize (GObject *object)
{
  HkTimelineRow *self = (HkTimelineRow *)object;

  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (hk_timeline_row_parent_class)->finalize (object);
}

static void
hk_timeline_row_class_init (HkTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_timeline_row_dispose;
  object_class->finalize = hk_timeline_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HkTimelineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, HkTimelineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HkTimelineRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, HkTimelineRow, summary_label);
}

static void
hk_timeline_row_init (HkTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hk_timeline_row_new (const HkTimelineEntry *entry)
{
  HkTimelineRow *self;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (HK_IS_RECORD (entry->record), NULL);

  self = g_object_new (HK_TYPE_TIMELINE_ROW, NULL);
  self->record = g_object_ref (entry->record);
  self->date_key = entry->date_key;
  self->when = g_strdup (entry->when);
  update (self);
  return GTK_WIDGET (self);
}

HkRecord *
hk_timeline_row_get_record (HkTimelineRow *self)
{
  g_return_val_if_fail (HK_IS_TIMELINE_ROW (self), NULL);

  return self->record;
}

const char *
hk_timeline_row_get_date_key (HkTimelineRow *self)
{
  g_return_val_if_fail (HK_IS_TIMELINE_ROW (self), NULL);

  return self->date_key;
}

const char *
hk_timeline_row_get_when (HkTimelineRow *self)
{
  g_return_val_if_fail (HK_IS_TIMELINE_ROW (self), NULL);

  return self->when;
}

const char *
hk_timeline_row_get_title (HkTimelineRow *self)
{
  g_return_val_if_fail (HK_IS_TIMELINE_ROW (self), NULL);

  return self->title;
}
