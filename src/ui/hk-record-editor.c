/* hk-record-editor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-capacity-guide.h"
#include "hk-form-format.h"
#include "hk-history-window.h"
#include "hk-record-editor.h"

#define N_GRID 5

typedef struct
{
  const char *id;           /* for the rows built here, or NULL */
  const char *title;        /* N_() marked */
  const char *description;  /* N_() marked, or NULL */
  const char *keys[10];
} Section;

typedef struct
{
  const char    *new_title;  /* N_() marked */
  const char    *edit_title;
  const char    *saved;      /* toasts */
  const char    *updated;
  const char    *not_saved;
  const char    *kept;
  const Section *sections;
} KindInfo;

static const Section concern_sections[] = {
  { NULL, N_("Who Raised It"), NULL,
    { "received_on", "raised_by_role", "raised_by_agency", NULL } },
  { NULL, N_("What Was Reported"), NULL,
    { "reported", NULL } },
  { NULL, N_("Section 42(1) Criteria"),
    N_("All three must be met for a Section 42 enquiry. Give the reason for each answer."),
    { "criterion_needs", "criterion_needs_reason",
      "criterion_abuse", "criterion_abuse_reason",
      "criterion_protect", "criterion_protect_reason", NULL } },
  { NULL, N_("Decision"), NULL,
    { "decision", "decision_on", "response", "response_detail", NULL } },
  { NULL }
};

static const Section enquiry_sections[] = {
  { NULL, N_("The Enquiry"), NULL,
    { "enquiry_type", "started_on", "concluded_on", NULL } },
  { NULL, N_("Agencies"), NULL,
    { "lead_agency", "caused_to", "large_scale", NULL } },
  { NULL }
};

static const Section risk_sections[] = {
  { NULL, N_("The Risk"), N_("Categories of the Safeguarding Adults Collection."),
    { "risk_type", "location", "source", "details", NULL } },
  { NULL, N_("Assessment and Outcome"),
    N_("A risk outcome can be recorded once the assessment has identified a risk."),
    { "assessment", "outcome", NULL } },
  { NULL }
};

static const Section conversation_sections[] = {
  { NULL, N_("The Conversation"), NULL,
    { "held_on", "phase", "participants", "asked", NULL } },
  { NULL, N_("Desired Outcomes"),
    N_("Add each outcome the person wants as a desired outcome of the case, in their own words, so it can be revised during the enquiry and rated at closure. Note here what was said."),
    { "summary", NULL } },
  { "wellbeing", N_("Wellbeing and Safety"),
    N_("Where the person places themselves, at the start and at closure: wellbeing from left to right, safety from bottom to top."),
    { "wellbeing", "safety", NULL } },
  { "closure", N_("Closure Feedback"),
    N_("At or after closure, in the person’s own words."),
    { "feels_safer", "feels_safer_words", "listened_to", "listened_to_words",
      "kept_informed", "kept_informed_words", NULL } },
  { NULL, N_("Safeguarding Principles"), N_("The principles this conversation shows in practice."),
    { "principles", NULL } },
  { NULL }
};

static const Section outcome_sections[] = {
  { NULL, N_("Where It Was Expressed"), NULL,
    { "expressed_on", "conversation_id", NULL } },
  { "rating", N_("Rating"),
    N_("At closure: how far the person feels the outcome was achieved, in their view."),
    { "achieved", "rated_on", "person_view", NULL } },
  { NULL }
};

static const Section capacity_sections[] = {
  { NULL }
};

static const Section best_interests_sections[] = {
  { NULL, N_("The Decision"), NULL,
    { "decision", "decided_on", "assessment_id", "decision_maker", NULL } },
  { NULL, N_("Attorney or Deputy"), NULL,
    { "attorney_deputy", "attorney_deputy_name", NULL } },
  { NULL, N_("Consultation"),
    N_("Anyone the person named, anyone caring for them or interested in their welfare, and any attorney or deputy (s4(7))."),
    { "consulted", "consulted_views", NULL } },
  { NULL, N_("The Person"),
    N_("Their past and present wishes and feelings, beliefs and values (s4(6)), and whether they may regain capacity (s4(3))."),
    { "wishes_feelings", "regain_capacity", "regain_detail", NULL } },
  { NULL, N_("Options"), NULL,
    { "options", "less_restrictive", NULL } },
  { NULL, N_("Decision and Reasons"), NULL,
    { "outcome_decision", "reasons", NULL } },
  { NULL }
};

static const Section advocacy_sections[] = {
  { NULL, N_("Referral"), NULL,
    { "basis", "status", "considered_on", "referred_on", "allocated_on", "ended_on",
      "declined_reason", NULL } },
  { "difficulty", N_("Substantial Difficulty"),
    N_("Without an advocate, would the person have substantial difficulty in any of these? Record each one (Care Act sections 67(4) and 68)."),
    { "difficulty_understanding", "difficulty_retaining", "difficulty_using",
      "difficulty_communicating", NULL } },
  { NULL, N_("Appropriate Person"),
    N_("Someone who is not paid or professional and can support the person: they consent, or it is in their best interests."),
    { "appropriate_person", "appropriate_person_name", NULL } },
  { "imca", N_("IMCA in Adult Protection"),
    N_("Why an IMCA would be of particular benefit: for example a serious risk, a life-changing decision, conflicting views on best interests, or financial abuse with a serious effect on wellbeing."),
    { "particular_benefit", NULL } },
  { NULL, N_("Advocate"), NULL,
    { "organisation", "advocate", NULL } },
  { NULL }
};

static const Section action_sections[] = {
  { NULL, N_("The Action"), NULL,
    { "description", "owner", "due_on", "done_on", NULL } },
  { NULL, N_("Safeguarding Principles"), N_("The principles this action puts into practice."),
    { "principles", NULL } },
  { NULL }
};

static const KindInfo kind_infos[] = {
  [HK_RECORD_KIND_CONCERN] = {
    N_("New Concern"), N_("Edit Concern"), N_("Concern saved"), N_("Concern updated"),
    N_("The concern was not saved."), N_("Unsaved concern kept as a draft"), concern_sections },
  [HK_RECORD_KIND_ENQUIRY] = {
    N_("New Enquiry"), N_("Edit Enquiry"), N_("Enquiry saved"), N_("Enquiry updated"),
    N_("The enquiry was not saved."), N_("Unsaved enquiry kept as a draft"), enquiry_sections },
  [HK_RECORD_KIND_RISK] = {
    N_("New Risk"), N_("Edit Risk"), N_("Risk saved"), N_("Risk updated"),
    N_("The risk was not saved."), N_("Unsaved risk kept as a draft"), risk_sections },
  [HK_RECORD_KIND_CONVERSATION] = {
    N_("New Outcome Conversation"), N_("Edit Outcome Conversation"), N_("Conversation saved"),
    N_("Conversation updated"), N_("The conversation was not saved."),
    N_("Unsaved conversation kept as a draft"), conversation_sections },
  [HK_RECORD_KIND_OUTCOME] = {
    N_("New Desired Outcome"), N_("Edit Desired Outcome"), N_("Desired outcome saved"),
    N_("Desired outcome updated: the earlier wording is kept in its history"),
    N_("The desired outcome was not saved."), N_("Unsaved desired outcome kept as a draft"),
    outcome_sections },
  [HK_RECORD_KIND_CAPACITY] = {
    N_("New Capacity Assessment"), N_("Edit Capacity Assessment"), N_("Capacity assessment saved"),
    N_("Capacity assessment updated"), N_("The assessment was not saved."),
    N_("Unsaved assessment kept as a draft"), capacity_sections },
  [HK_RECORD_KIND_BEST_INTERESTS] = {
    N_("New Best-Interests Decision"), N_("Edit Best-Interests Decision"),
    N_("Best-interests decision saved"), N_("Best-interests decision updated"),
    N_("The decision was not saved."), N_("Unsaved decision kept as a draft"),
    best_interests_sections },
  [HK_RECORD_KIND_ADVOCACY] = {
    N_("New Advocacy Referral"), N_("Edit Advocacy Referral"), N_("Advocacy referral saved"),
    N_("Advocacy referral updated"), N_("The referral was not saved."),
    N_("Unsaved referral kept as a draft"), advocacy_sections },
  [HK_RECORD_KIND_ACTION] = {
    N_("New Action"), N_("Edit Action"), N_("Action saved"), N_("Action updated"),
    N_("The action was not saved."), N_("Unsaved action kept as a draft"), action_sections },
};

static const char * const rating_keys[] = { "achieved", "rated_on", "person_view", NULL };
static const char * const closure_keys[] = {
  "feels_safer", "feels_safer_words", "listened_to", "listened_to_words",
  "kept_informed", "kept_informed_words", NULL
};
static const char * const difficulty_keys[] = {
  "difficulty_understanding", "difficulty_retaining", "difficulty_using",
  "difficulty_communicating", NULL
};

struct _HkRecordEditor
{
  HkFormWindow     parent_instance;

  AdwWindowTitle  *window_title;
  GtkWidget       *history_button;
  GtkStack        *stack;
  GtkWidget       *sections;
  GtkWidget       *words_box;
  GtkTextView     *words_view;
  GtkLabel        *words_error;
  HkCapacityGuide *guide;

  HkRecordKind     kind;
  char            *parent_id;
  HkRecord        *record;
  GPtrArray       *case_records;
  GHashTable      *groups;      /* section id → AdwPreferencesGroup */
  GtkWidget       *rating_switch;
  GtkWidget       *cells[N_GRID][N_GRID]; /* [wellbeing][safety], lowest first */
  GtkWidget       *history;     /* weak */
  guint            syncing;
};

G_DEFINE_FINAL_TYPE (HkRecordEditor, hk_record_editor, HK_TYPE_FORM_WINDOW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_RECORD,
  PROP_CASE_RECORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static gboolean
is_casework_kind (HkRecordKind kind)
{
  return kind >= HK_RECORD_KIND_CONCERN && kind <= HK_RECORD_KIND_ACTION;
}

static const KindInfo *
kind_info (HkRecordEditor *self)
{
  return &kind_infos[self->kind];
}

static HkFormFields *
form_of (HkRecordEditor *self)
{
  return hk_form_window_get_form (HK_FORM_WINDOW (self));
}

static const char *
code (HkRecordEditor *self,
      const char     *key)
{
  return hk_form_fields_get_code (form_of (self), key);
}

static gboolean
code_is (HkRecordEditor *self,
         const char     *key,
         const char     *first,
         ...) G_GNUC_NULL_TERMINATED;

static gboolean
code_is (HkRecordEditor *self,
         const char     *key,
         const char     *first,
         ...)
{
  const char *value = code (self, key);
  gboolean found = FALSE;
  va_list args;

  if (value == NULL)
    return FALSE;
  va_start (args, first);
  for (const char *c = first; c && !found; c = va_arg (args, const char *))
    found = g_str_equal (value, c);
  va_end (args);
  return found;
}

static void
show_keys (HkRecordEditor     *self,
           const char * const *keys,
           gboolean            visible)
{
  for (guint i = 0; keys[i]; i++)
    hk_form_fields_set_field_visible (form_of (self), keys[i], visible);
}

static void
show_group (HkRecordEditor *self,
            const char     *id,
            gboolean        visible)
{
  GtkWidget *group = g_hash_table_lookup (self->groups, id);

  if (group)
    gtk_widget_set_visible (group, visible);
}

static const char *
text_of (HkRecordEditor *self,
         const char     *key)
{
  GtkWidget *widget = hk_form_fields_get_widget (form_of (self), key);

  return GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "";
}

/* The wellbeing and safety grid follows the two rows it stands for. */
static void
sync_grid (HkRecordEditor *self)
{
  const HkFieldSpec *wspec = hk_record_kind_find_field (HK_RECORD_KIND_CONVERSATION, "wellbeing");
  const HkFieldSpec *sspec = hk_record_kind_find_field (HK_RECORD_KIND_CONVERSATION, "safety");
  const char *wellbeing = code (self, "wellbeing");
  const char *safety = code (self, "safety");

  if (self->cells[0][0] == NULL)
    return;
  self->syncing++;
  for (guint w = 0; w < N_GRID; w++)
    for (guint s = 0; s < N_GRID; s++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->cells[w][s]),
                                    g_strcmp0 (wellbeing, wspec->values[w].code) == 0 &&
                                    g_strcmp0 (safety, sspec->values[s].code) == 0);
  self->syncing--;
}

/* Conditional rows: each appears only when its rule applies, and a hidden
 * row is not saved. The rules mirror hk_record_validate(). */
static void
update_rules (HkRecordEditor *self)
{
  HkFormFields *form = form_of (self);

  switch (self->kind)
    {
    case HK_RECORD_KIND_CONCERN:
      {
        gboolean none = code_is (self, "decision", "no_enquiry", NULL);

        /* A decision date goes with a decision. */
        hk_form_fields_set_field_visible (form, "decision_on", code (self, "decision") != NULL);
        hk_form_fields_set_field_visible (form, "response", none);
        hk_form_fields_set_field_visible (form, "response_detail", none);
        break;
      }

    case HK_RECORD_KIND_RISK:
      hk_form_fields_set_field_visible (form, "outcome",
                                        hk_sac_risk_identified (code (self, "assessment")));
      break;

    case HK_RECORD_KIND_CONVERSATION:
      {
        gboolean closing = code_is (self, "phase", "at_closure", "after_closure", NULL);

        show_keys (self, closure_keys, closing);
        show_group (self, "closure", closing);
        sync_grid (self);
        break;
      }

    case HK_RECORD_KIND_OUTCOME:
      {
        gboolean rating = gtk_switch_get_active (GTK_SWITCH (self->rating_switch));

        show_keys (self, rating_keys, rating);
        break;
      }

    case HK_RECORD_KIND_CAPACITY:
      {
        const char *decision = text_of (self, "decision");

        hk_capacity_guide_update (self->guide);
        /* Capacity is about one decision: the header says which. */
        adw_window_title_set_subtitle (self->window_title,
                                       decision && *decision ? decision : _("One decision, at one time"));
        break;
      }

    case HK_RECORD_KIND_BEST_INTERESTS:
      hk_form_fields_set_field_visible (form, "attorney_deputy_name",
                                        code (self, "attorney_deputy") != NULL &&
                                        !code_is (self, "attorney_deputy", "none", NULL));
      hk_form_fields_set_field_visible (form, "regain_detail",
                                        code_is (self, "regain_capacity", "yes", "not_known", NULL));
      break;

    case HK_RECORD_KIND_ADVOCACY:
      {
        gboolean care_act = code_is (self, "basis", "care_act_s67", "care_act_s68", NULL);
        gboolean imca_ap = code_is (self, "basis", "imca_adult_protection", NULL);

        show_keys (self, difficulty_keys, care_act);
        show_group (self, "difficulty", care_act);
        hk_form_fields_set_field_visible (form, "particular_benefit", imca_ap);
        show_group (self, "imca", imca_ap);
        hk_form_fields_set_field_visible (form, "appropriate_person_name",
                                          code_is (self, "appropriate_person",
                                                   "yes_consents", "yes_best_interests", NULL));
        /* The dates that go with the status: considered → referred → allocated → ended. */
        hk_form_fields_set_field_visible (form, "referred_on",
                                          code_is (self, "status", "referred", "allocated", "ended",
                                                   "declined", NULL));
        hk_form_fields_set_field_visible (form, "allocated_on",
                                          code_is (self, "status", "allocated", "ended", NULL));
        hk_form_fields_set_field_visible (form, "ended_on",
                                          code_is (self, "status", "ended", NULL));
        hk_form_fields_set_field_visible (form, "declined_reason",
                                          code_is (self, "status", "declined", NULL));
        break;
      }

    case HK_RECORD_KIND_ENQUIRY:
    case HK_RECORD_KIND_ACTION:
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_NOTE:
    case HK_RECORD_KIND_DRAFT:
    default:
      break;
    }
}

static gboolean
has_rating (GVariant *fields)
{
  for (guint i = 0; rating_keys[i]; i++)
    {
      const char *value = NULL;

      if (fields && g_variant_lookup (fields, rating_keys[i], "&s", &value) && *value)
        return TRUE;
    }
  return FALSE;
}

static void
set_rating (HkRecordEditor *self,
            gboolean        rating)
{
  if (self->rating_switch == NULL)
    return;
  self->syncing++;
  gtk_switch_set_active (GTK_SWITCH (self->rating_switch), rating);
  self->syncing--;
}

/* The record a link field points at, e.g. a desired outcome's conversation. */
static HkRecordKind
link_kind (const char *key)
{
  if (g_str_equal (key, "conversation_id"))
    return HK_RECORD_KIND_CONVERSATION;
  if (g_str_equal (key, "assessment_id"))
    return HK_RECORD_KIND_CAPACITY;
  return HK_RECORD_KIND_DRAFT;
}

static const char *
link_date (HkRecord *record)
{
  const char *date = hk_record_get_string (record, "held_on");

  return date ? date : hk_record_get_string (record, "assessed_on");
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  HkRecord *ra = *(HkRecord **) a;
  HkRecord *rb = *(HkRecord **) b;
  int by_date = g_strcmp0 (link_date (rb), link_date (ra));

  if (by_date != 0)
    return by_date;
  return (hk_record_get_modified_at (ra) < hk_record_get_modified_at (rb)) -
         (hk_record_get_modified_at (ra) > hk_record_get_modified_at (rb));
}

static char *
describe_link (HkRecord *record)
{
  g_autofree char *date = hk_format_date (link_date (record));

  if (hk_record_get_kind (record) == HK_RECORD_KIND_CONVERSATION)
    {
      const char *phase = hk_format_enum (HK_RECORD_KIND_CONVERSATION, "phase",
                                          hk_record_get_string (record, "phase"));
      /* Translators: a conversation in a list: "27 Nov 2026 · At the concern" */
      return g_strdup_printf (_("%s · %s"), date ? date : "", phase ? phase : "");
    }
  /* Translators: an assessment in a list: "Where to live · 27 Nov 2026" */
  return g_strdup_printf (_("%s · %s"), hk_record_get_string (record, "decision"), date ? date : "");
}

/* Offers the case's records of the right kind to each link field; returns
 * the id to choose by default for a new record (the latest, or for a
 * best-interests decision the latest assessment that found a lack of capacity). */
static char *
fill_link_choices (HkRecordEditor *self,
                   const char     *key)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  HkRecordKind kind = link_kind (key);
  char *preferred = NULL;

  for (guint i = 0; self->case_records && i < self->case_records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (self->case_records, i);

      if (hk_record_get_kind (record) == kind &&
          !(self->record && g_str_equal (hk_record_get_id (record), hk_record_get_id (self->record))))
        g_ptr_array_add (records, record);
    }
  g_ptr_array_sort (records, compare_newest_first);

  for (guint i = 0; i < records->len; i++)
    {
      HkRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (ids, (gpointer) hk_record_get_id (record));
      g_ptr_array_add (labels, describe_link (record));
      if (preferred == NULL &&
          (kind != HK_RECORD_KIND_CAPACITY ||
           g_strcmp0 (hk_record_get_string (record, "outcome"), "lacks_capacity") == 0))
        preferred = g_strdup (hk_record_get_id (record));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  hk_form_fields_set_record_choices (form_of (self), key,
                                     (const char * const *) ids->pdata,
                                     (const char * const *) labels->pdata);
  return preferred;
}

/* Callbacks */

static void
on_form_changed_cb (HkRecordEditor *self)
{
  update_rules (self);
}

static void
on_rating_toggled_cb (HkRecordEditor *self)
{
  GtkWidget *rated_on;

  if (self->syncing)
    return;
  update_rules (self);
  rated_on = hk_form_fields_get_widget (form_of (self), "rated_on");
  /* Rated today, unless the user says otherwise. */
  if (gtk_switch_get_active (GTK_SWITCH (self->rating_switch)) &&
      *gtk_editable_get_text (GTK_EDITABLE (rated_on)) == '\0')
    {
      g_autofree char *today = hk_today_iso ();
      g_autofree char *text = hk_format_date_numeric (today);

      gtk_editable_set_text (GTK_EDITABLE (rated_on), text);
    }
  hk_form_draft_set_dirty (hk_form_window_get_draft (HK_FORM_WINDOW (self)), TRUE);
}

static void
select_enum (HkRecordEditor *self,
             const char     *key,
             int             index)
{
  /* Both grid rows are optional: entry 0 is "Not recorded". */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hk_form_fields_get_widget (form_of (self), key)),
                              index < 0 ? 0 : (guint) index + 1);
}

static void
on_cell_toggled_cb (GtkToggleButton *cell,
                    HkRecordEditor  *self)
{
  int w = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "hk-wellbeing"));
  int s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "hk-safety"));

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (cell))
    {
      select_enum (self, "wellbeing", w);
      select_enum (self, "safety", s);
    }
  else
    {
      /* Pressing the chosen cell again clears the answer. */
      select_enum (self, "wellbeing", -1);
      select_enum (self, "safety", -1);
    }
  sync_grid (self);
}

/* Actions */

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (widget);
  HkHistoryWindow *history;

  if (self->record == NULL || hk_form_window_is_gone (HK_FORM_WINDOW (self)))
    return;
  if (self->history)
    {
      gtk_window_present (GTK_WINDOW (self->history));
      return;
    }
  history = hk_history_window_new (hk_form_window_get_vault (HK_FORM_WINDOW (self)), self->record);
  gtk_window_set_transient_for (GTK_WINDOW (history), GTK_WINDOW (self));
  self->history = GTK_WIDGET (history);
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *) &self->history);
  gtk_window_present (GTK_WINDOW (history));
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (widget);

  if (self->kind == HK_RECORD_KIND_CAPACITY && hk_form_editor_get_ready (HK_FORM_EDITOR (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->guide), "guide.next", NULL);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (widget);

  if (self->kind == HK_RECORD_KIND_CAPACITY && hk_form_editor_get_ready (HK_FORM_EDITOR (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->guide), "guide.back", NULL);
}

/* Building the form */

static GtkWidget *
make_caption (const char *text,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.9 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "hk-grid-axis");
  return label;
}

/* The two-axis grid of the wellbeing and safety tool (MSP, Appendix 2):
 * wellbeing across, safety up; one toggle per cell, with arrow keys
 * moving between them. */
static GtkWidget *
build_grid_row (HkRecordEditor *self)
{
  const HkFieldSpec *wspec = hk_record_kind_find_field (HK_RECORD_KIND_CONVERSATION, "wellbeing");
  const HkFieldSpec *sspec = hk_record_kind_find_field (HK_RECORD_KIND_CONVERSATION, "safety");
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Wellbeing and safety grid"));
  GtkWidget *grid;
  GtkWidget *axis;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Wellbeing and safety grid"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_box_append (GTK_BOX (box), title);

  grid = g_object_new (GTK_TYPE_GRID,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       "row-spacing", 4,
                       "column-spacing", 4,
                       "halign", GTK_ALIGN_CENTER,
                       NULL);
  gtk_widget_set_name (grid, "wellbeing_grid");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);

  /* Safety on the left, highest at the top. */
  /* Translators: the vertical axis of the grid, the arrow pointing up */
  axis = make_caption (_("Safety ↑"), 1.0);
  gtk_widget_add_css_class (axis, "heading");
  gtk_grid_attach (GTK_GRID (grid), axis, 0, 0, 1, 1);
  for (guint s = 0; s < N_GRID; s++)
    {
      GtkWidget *label = make_caption (_(sspec->values[s].label), 1.0);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), label, 0, N_GRID - s, 1, 1);
    }
  for (guint w = 0; w < N_GRID; w++)
    {
      GtkWidget *label = make_caption (_(wspec->values[w].label), 0.5);

      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_grid_attach (GTK_GRID (grid), label, w + 1, N_GRID + 1, 1, 1);
    }
  /* Translators: the horizontal axis of the grid, the arrow pointing right */
  axis = make_caption (_("Wellbeing →"), 0.5);
  gtk_widget_add_css_class (axis, "heading");
  gtk_widget_set_margin_top (axis, 4);
  gtk_grid_attach (GTK_GRID (grid), axis, 1, N_GRID + 2, N_GRID, 1);

  for (guint w = 0; w < N_GRID; w++)
    for (guint s = 0; s < N_GRID; s++)
      {
        GtkWidget *cell = gtk_toggle_button_new ();
        g_autofree char *name = g_strdup_printf ("cell-%s-%s", wspec->values[w].code, sspec->values[s].code);
        g_autofree char *wellbeing = g_utf8_strdown (_(wspec->values[w].label), -1);
        g_autofree char *safety = g_utf8_strdown (_(sspec->values[s].label), -1);
        g_autofree char *label = NULL;
        guint zone = w + s;

        /* Translators: the accessible name of a cell of the grid, e.g. "Wellbeing: low, safety: unsafe" */
        label = g_strdup_printf (_("Wellbeing: %s, safety: %s"), wellbeing, safety);
        gtk_widget_set_name (cell, name);
        gtk_widget_set_tooltip_text (cell, label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        gtk_widget_add_css_class (cell, "hk-grid-cell");
        gtk_widget_add_css_class (cell, zone <= 2 ? "hk-zone-poor" : zone >= 6 ? "hk-zone-good" : "hk-zone-mixed");
        g_object_set_data (G_OBJECT (cell), "hk-wellbeing", GINT_TO_POINTER (w));
        g_object_set_data (G_OBJECT (cell), "hk-safety", GINT_TO_POINTER (s));
        g_signal_connect_object (cell, "toggled", G_CALLBACK (on_cell_toggled_cb), self, 0);
        gtk_grid_attach (GTK_GRID (grid), cell, w + 1, N_GRID - s, 1, 1);
        self->cells[w][s] = cell;
      }

  gtk_box_append (GTK_BOX (box), grid);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
build_rating_row (HkRecordEditor *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Rate how far it was achieved"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The rating, when it was made and the person’s own view"));
  self->rating_switch = gtk_switch_new ();
  gtk_widget_set_name (self->rating_switch, "rating_switch");
  gtk_widget_set_valign (self->rating_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rate how far it was achieved"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->rating_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->rating_switch);
  g_signal_connect_object (self->rating_switch, "notify::active",
                           G_CALLBACK (on_rating_toggled_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static HkFormFields *
build_form (HkRecordEditor *self)
{
  const Section *sections = kind_info (self)->sections;
  g_autoptr(HkFormFields) form = hk_form_fields_new (self->kind);
  AdwPreferencesGroup *last = NULL;

  /* Nothing is recorded that the worker did not choose. */
  hk_form_fields_set_require_choice (form, TRUE);

  if (self->kind == HK_RECORD_KIND_CAPACITY)
    {
      hk_capacity_guide_set_form (self->guide, form);
      gtk_stack_set_visible_child_name (self->stack, "guide");
      return g_steal_pointer (&form);
    }

  if (self->kind == HK_RECORD_KIND_OUTCOME)
    {
      hk_form_fields_bind_text_view (form, "words", self->words_view, self->words_error);
      gtk_widget_set_visible (self->words_box, TRUE);
    }

  for (guint i = 0; sections[i].title; i++)
    {
      const Section *section = &sections[i];
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(section->title));
      if (section->description)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(section->description));
      if (g_strcmp0 (section->id, "wellbeing") == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_grid_row (self));
      if (g_strcmp0 (section->id, "rating") == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_rating_row (self));
      hk_form_fields_add_rows (form, ADW_PREFERENCES_GROUP (group), section->keys);
      if (section->id)
        {
          gtk_widget_set_name (group, section->id);
          g_hash_table_insert (self->groups, (gpointer) section->id, group);
        }
      gtk_box_append (GTK_BOX (self->sections), group);
      last = ADW_PREFERENCES_GROUP (group);
    }

  /* A field the layout does not know yet still gets a row. */
  if (last)
    hk_form_fields_add_rows (form, last, NULL);
  return g_steal_pointer (&form);
}

/* HkFormWindow */

static void
hk_record_editor_fill_initial_values (HkFormWindow *window)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);
  HkFormFields *form = hk_form_window_get_form (window);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) values = NULL;
  g_autofree char *today = NULL;
  g_autofree char *conversation = NULL;
  g_autofree char *assessment = NULL;
  const char *owner;

  if (hk_form_fields_has_field (form, "conversation_id"))
    conversation = fill_link_choices (self, "conversation_id");
  if (hk_form_fields_has_field (form, "assessment_id"))
    assessment = fill_link_choices (self, "assessment_id");

  if (self->record)
    {
      hk_form_fields_set_values (form, hk_record_get_fields (self->record));
      set_rating (self, has_rating (hk_record_get_fields (self->record)));
      update_rules (self);
      return;
    }

  today = hk_today_iso ();
  owner = hk_vault_get_owner_name (hk_form_window_get_vault (window));
  switch (self->kind)
    {
    case HK_RECORD_KIND_CONCERN:
      g_variant_dict_insert (&dict, "received_on", "s", today);
      break;
    case HK_RECORD_KIND_ENQUIRY:
      g_variant_dict_insert (&dict, "started_on", "s", today);
      break;
    case HK_RECORD_KIND_CONVERSATION:
      g_variant_dict_insert (&dict, "held_on", "s", today);
      break;
    case HK_RECORD_KIND_OUTCOME:
      g_variant_dict_insert (&dict, "expressed_on", "s", today);
      if (conversation)
        g_variant_dict_insert (&dict, "conversation_id", "s", conversation);
      break;
    case HK_RECORD_KIND_CAPACITY:
      g_variant_dict_insert (&dict, "assessed_on", "s", today);
      if (owner && *owner)
        g_variant_dict_insert (&dict, "assessor", "s", owner);
      break;
    case HK_RECORD_KIND_BEST_INTERESTS:
      g_variant_dict_insert (&dict, "decided_on", "s", today);
      if (assessment)
        g_variant_dict_insert (&dict, "assessment_id", "s", assessment);
      break;
    case HK_RECORD_KIND_ADVOCACY:
      g_variant_dict_insert (&dict, "status", "s", "considered");
      g_variant_dict_insert (&dict, "considered_on", "s", today);
      break;
    case HK_RECORD_KIND_RISK:
    case HK_RECORD_KIND_ACTION:
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_NOTE:
    case HK_RECORD_KIND_DRAFT:
    default:
      break;
    }
  values = g_variant_ref_sink (g_variant_dict_end (&dict));
  hk_form_fields_set_values (form, values);
  set_rating (self, FALSE);
  update_rules (self);
}

static void
hk_record_editor_restore_draft (HkFormWindow *window,
                                GVariant     *payload)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);

  if (self->kind == HK_RECORD_KIND_OUTCOME)
    {
      g_autoptr(GVariant) raw = hk_form_draft_payload_get_form (payload);

      set_rating (self, has_rating (raw));
    }
  update_rules (self);
}

static void
hk_record_editor_focus_first_input (HkFormWindow *window)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);
  HkFormFields *form = hk_form_window_get_form (window);
  const Section *sections = kind_info (self)->sections;

  if (self->kind == HK_RECORD_KIND_CAPACITY)
    {
      hk_capacity_guide_focus_step (self->guide);
      return;
    }
  if (self->kind == HK_RECORD_KIND_OUTCOME)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
      return;
    }
  for (guint i = 0; sections[i].title; i++)
    for (guint k = 0; sections[i].keys[k]; k++)
      if (hk_form_fields_get_field_visible (form, sections[i].keys[k]))
        {
          gtk_widget_grab_focus (hk_form_fields_get_widget (form, sections[i].keys[k]));
          return;
        }
}

static void
hk_record_editor_reveal_field (HkFormWindow *window,
                               const char   *key)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);
  int step;

  if (self->kind != HK_RECORD_KIND_CAPACITY)
    return;
  step = hk_capacity_guide_find_step (self->guide, key);
  if (step >= 0)
    hk_capacity_guide_set_step (self->guide, step);
}

static GVariant *
hk_record_editor_check (HkFormWindow *window)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);

  return hk_form_window_build_fields (window, self->record ? hk_record_get_fields (self->record) : NULL);
}

static void
hk_record_editor_save (HkFormWindow *window,
                       GVariant     *fields)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);
  const KindInfo *info = kind_info (self);

  hk_form_window_save_record (window, self->record, self->parent_id, fields,
                              self->record ? _(info->updated) : _(info->saved));
}

static void
hk_record_editor_wipe (HkFormWindow *window)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (window);

  if (self->history)
    hk_history_window_shutdown (HK_HISTORY_WINDOW (self->history));
  adw_window_title_set_subtitle (self->window_title, "");
}

/* GObject */

static void
hk_record_editor_constructed (GObject *object)
{
  HkRecordEditor *self = (HkRecordEditor *)object;
  HkFormWindow *window = HK_FORM_WINDOW (self);
  g_autoptr(HkFormFields) form = NULL;
  g_autofree char *identity = NULL;
  g_auto(GVariantDict) context = G_VARIANT_DICT_INIT (NULL);
  const KindInfo *info;

  G_OBJECT_CLASS (hk_record_editor_parent_class)->constructed (object);

  if (self->record)
    {
      self->kind = hk_record_get_kind (self->record);
      g_free (self->parent_id);
      self->parent_id = g_strdup (hk_record_get_parent_id (self->record));
    }
  g_assert (is_casework_kind (self->kind));
  g_assert (self->parent_id != NULL);
  info = kind_info (self);

  form = build_form (self);
  g_signal_connect_object (form, "changed", G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  hk_form_window_set_form (window, form);

  adw_window_title_set_title (self->window_title, _(self->record ? info->edit_title : info->new_title));
  gtk_widget_set_visible (self->history_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-history", self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.next-step", self->kind == HK_RECORD_KIND_CAPACITY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.previous-step", self->kind == HK_RECORD_KIND_CAPACITY);

  if (self->kind == HK_RECORD_KIND_CAPACITY)
    {
      /* Steps are for the whole window, even from inside a text view (whose
       * own Ctrl+Page keys would otherwise win): catch them first. */
      GtkEventController *shortcuts = gtk_shortcut_controller_new ();
      static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
        { GDK_KEY_Right,     GDK_ALT_MASK,     "editor.next-step" },
        { GDK_KEY_Left,      GDK_ALT_MASK,     "editor.previous-step" },
        { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "editor.next-step" },
        { GDK_KEY_Page_Up,   GDK_CONTROL_MASK, "editor.previous-step" },
      };

      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                                gtk_named_action_new (keys[i].action)));
      gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
      gtk_window_set_default_size (GTK_WINDOW (self), 1060, 780);
    }

  identity = hk_record_editor_draft_key (self->kind, self->parent_id, self->record);
  hk_form_window_set_identity (window, identity, TRUE);
  g_variant_dict_insert (&context, "kind", "s", hk_record_kind_to_string (self->kind));
  g_variant_dict_insert (&context, "parent-id", "s", self->parent_id);
  if (self->record)
    {
      g_variant_dict_insert (&context, "record-id", "s", hk_record_get_id (self->record));
      g_variant_dict_insert (&context, "base-revision", "x", hk_record_get_revision (self->record));
    }
  hk_form_draft_set_context (hk_form_window_get_draft (window), g_variant_dict_end (&context));
  hk_form_window_set_messages (window, _(info->not_saved), _(info->kept));

  hk_form_window_load (window);
}

static void
hk_record_editor_dispose (GObject *object)
{
  HkRecordEditor *self = (HkRecordEditor *)object;

  if (self->history)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->history), (gpointer *) &self->history);
      hk_history_window_shutdown (HK_HISTORY_WINDOW (self->history));
      self->history = NULL;
    }
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (hk_record_editor_parent_class)->dispose (object);
}

static void
hk_record_editor_finalize (GObject *object)
{
  HkRecordEditor *self = (HkRecordEditor *)object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->case_records, g_ptr_array_unref);
  g_clear_pointer (&self->parent_id, g_free);

  G_OBJECT_CLASS (hk_record_editor_parent_class)->finalize (object);
}

static void
hk_record_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_CASE_RECORDS:
      g_value_set_boxed (value, self->case_records);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_record_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HkRecordEditor *self = HK_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_PARENT_ID:
      self->parent_id = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_CASE_RECORDS:
      self->case_records = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_record_editor_class_init (HkRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HkFormWindowClass *form_window_class = HK_FORM_WINDOW_CLASS (klass);

  object_class->constructed = hk_record_editor_constructed;
  object_class->dispose = hk_record_editor_dispose;
  object_class->finalize = hk_record_editor_finalize;
  object_class->get_property = hk_record_editor_get_property;
  object_class->set_property = hk_record_editor_set_property;

  form_window_class->fill_initial_values = hk_record_editor_fill_initial_values;
  form_window_class->restore_draft = hk_record_editor_restore_draft;
  form_window_class->focus_first_input = hk_record_editor_focus_first_input;
  form_window_class->reveal_field = hk_record_editor_reveal_field;
  form_window_class->check = hk_record_editor_check;
  form_window_class->save = hk_record_editor_save;
  form_window_class->wipe = hk_record_editor_wipe;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, HK_RECORD_KIND_LAST, HK_RECORD_KIND_CONCERN,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_RECORDS] =
    g_param_spec_boxed ("case-records", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HK_TYPE_CAPACITY_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-record-editor.ui");
  hk_form_window_class_bind_template_children (widget_class, "stack");
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, history_button);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, sections);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, words_box);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, words_view);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, words_error);
  gtk_widget_class_bind_template_child (widget_class, HkRecordEditor, guide);

  gtk_widget_class_install_action (widget_class, "editor.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "editor.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "editor.previous-step", NULL, previous_step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.show-history", NULL);
}

static void
hk_record_editor_init (HkRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Public API */

HkRecordEditor *
hk_record_editor_new_create (HkVault      *vault,
                             HkRecordKind  kind,
                             const char   *parent_id,
                             GPtrArray    *case_records)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (is_casework_kind (kind), NULL);
  g_return_val_if_fail (parent_id != NULL, NULL);

  return g_object_new (HK_TYPE_RECORD_EDITOR,
                       "vault", vault,
                       "kind", kind,
                       "parent-id", parent_id,
                       "case-records", case_records,
                       NULL);
}

HkRecordEditor *
hk_record_editor_new_edit (HkVault   *vault,
                           HkRecord  *record,
                           GPtrArray *case_records)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (HK_IS_RECORD (record), NULL);
  g_return_val_if_fail (is_casework_kind (hk_record_get_kind (record)), NULL);
  g_return_val_if_fail (hk_record_get_parent_id (record) != NULL, NULL);

  return g_object_new (HK_TYPE_RECORD_EDITOR,
                       "vault", vault,
                       "kind", hk_record_get_kind (record),
                       "record", record,
                       "case-records", case_records,
                       NULL);
}

HkRecordKind
hk_record_editor_get_kind (HkRecordEditor *self)
{
  g_return_val_if_fail (HK_IS_RECORD_EDITOR (self), HK_RECORD_KIND_DRAFT);

  return self->kind;
}

const char *
hk_record_editor_get_parent_id (HkRecordEditor *self)
{
  g_return_val_if_fail (HK_IS_RECORD_EDITOR (self), NULL);

  return self->parent_id;
}

HkRecord *
hk_record_editor_get_record (HkRecordEditor *self)
{
  g_return_val_if_fail (HK_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

HkFormFields *
hk_record_editor_get_form (HkRecordEditor *self)
{
  g_return_val_if_fail (HK_IS_RECORD_EDITOR (self), NULL);

  return form_of (self);
}

char *
hk_record_editor_draft_key (HkRecordKind  kind,
                            const char   *parent_id,
                            HkRecord     *record)
{
  g_return_val_if_fail (record != NULL || parent_id != NULL, NULL);

  if (record)
    return g_strdup_printf ("record:%s", hk_record_get_id (record));
  return g_strdup_printf ("record-new:%s:%s", hk_record_kind_to_string (kind), parent_id);
}
