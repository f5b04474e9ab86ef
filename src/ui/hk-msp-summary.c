/* hk-msp-summary.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-form-format.h"
#include "hk-msp-summary.h"

typedef enum {
  ANSWER_NEUTRAL,    /* nothing to do yet, or not applicable */
  ANSWER_GOOD,       /* what MSP asks for is there */
  ANSWER_ATTENTION,  /* something is missing */
} AnswerState;

enum {
  Q_ASKED,
  Q_EXPRESSED,
  Q_ACHIEVED,
  Q_CAPACITY,
  Q_ADVOCACY,
  N_QUESTIONS
};

static const char * const question_names[N_QUESTIONS] = {
  "asked", "expressed", "achieved", "capacity", "advocacy",
};

struct _HkMspSummary
{
  AdwBin     parent_instance;

  GtkImage  *asked_icon;
  GtkLabel  *asked_label;
  GtkLabel  *asked_detail;
  GtkImage  *expressed_icon;
  GtkLabel  *expressed_label;
  GtkLabel  *expressed_detail;
  GtkImage  *achieved_icon;
  GtkLabel  *achieved_label;
  GtkLabel  *achieved_detail;
  GtkImage  *capacity_icon;
  GtkLabel  *capacity_label;
  GtkLabel  *capacity_detail;
  GtkImage  *advocacy_icon;
  GtkLabel  *advocacy_label;
  GtkLabel  *advocacy_detail;
};

G_DEFINE_FINAL_TYPE (HkMspSummary, hk_msp_summary, ADW_TYPE_BIN)

/* SAC SG4a answers, best first: the case's answer is the best one given. */
static const char * const asked_order[] = {
  "asked_expressed", "asked_not_expressed", "not_asked", "dont_know", "not_recorded", NULL
};

/* Auxiliary methods */

static const char *
nonempty (HkRecord   *record,
          const char *key)
{
  const char *value = hk_record_get_string (record, key);

  return value && *value ? value : NULL;
}

static void
get_widgets (HkMspSummary  *self,
             guint          question,
             GtkImage     **icon,
             GtkLabel     **label,
             GtkLabel     **detail)
{
  switch (question)
    {
    case Q_ASKED:     *icon = self->asked_icon;     *label = self->asked_label;     *detail = self->asked_detail;     break;
    case Q_EXPRESSED: *icon = self->expressed_icon; *label = self->expressed_label; *detail = self->expressed_detail; break;
    case Q_ACHIEVED:  *icon = self->achieved_icon;  *label = self->achieved_label;  *detail = self->achieved_detail;  break;
    case Q_CAPACITY:  *icon = self->capacity_icon;  *label = self->capacity_label;  *detail = self->capacity_detail;  break;
    case Q_ADVOCACY:
    default:          *icon = self->advocacy_icon;  *label = self->advocacy_label;  *detail = self->advocacy_detail;  break;
    }
}

static void
set_answer (HkMspSummary *self,
            guint         question,
            AnswerState   state,
            const char   *answer,
            const char   *detail)
{
  GtkImage *icon;
  GtkLabel *label;
  GtkLabel *detail_label;
  GtkWidget *icon_widget;

  get_widgets (self, question, &icon, &label, &detail_label);
  icon_widget = GTK_WIDGET (icon);

  gtk_widget_remove_css_class (icon_widget, "success");
  gtk_widget_remove_css_class (icon_widget, "warning");
  gtk_widget_remove_css_class (icon_widget, "dim-label");
  switch (state)
    {
    case ANSWER_GOOD:
      gtk_image_set_from_icon_name (icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (icon_widget, "success");
      break;
    case ANSWER_ATTENTION:
      gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon_widget, "warning");
      break;
    case ANSWER_NEUTRAL:
    default:
      gtk_image_set_from_icon_name (icon, "content-loading-symbolic");
      gtk_widget_add_css_class (icon_widget, "dim-label");
      break;
    }
  gtk_widget_set_visible (icon_widget, answer != NULL);

  gtk_label_set_text (label, answer ? answer : "");
  gtk_label_set_text (detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (detail_label), detail != NULL && *detail != '\0');
}

static GPtrArray *
of_kind (GPtrArray    *records,
         HkRecordKind  kind)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; records && i < records->len; i++)
    if (hk_record_get_kind (g_ptr_array_index (records, i)) == kind)
      g_ptr_array_add (found, g_ptr_array_index (records, i));
  return found;
}

static int
asked_rank (const char *code)
{
  for (int i = 0; asked_order[i]; i++)
    if (g_strcmp0 (asked_order[i], code) == 0)
      return i;
  return G_N_ELEMENTS (asked_order);
}

static void
update_asked (HkMspSummary *self,
              GPtrArray    *records)
{
  g_autoptr(GPtrArray) conversations = of_kind (records, HK_RECORD_KIND_CONVERSATION);
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  HkRecord *best = NULL;
  int best_rank = G_MAXINT;

  if (conversations->len == 0)
    {
      set_answer (self, Q_ASKED, ANSWER_ATTENTION, _("Not yet: no outcome conversation recorded"), NULL);
      return;
    }

  for (guint i = 0; i < conversations->len; i++)
    {
      HkRecord *c = g_ptr_array_index (conversations, i);
      int rank = asked_rank (hk_record_get_string (c, "asked"));

      /* Among equal answers, the earliest conversation says when. */
      if (rank < best_rank ||
          (rank == best_rank && g_strcmp0 (nonempty (c, "held_on"), nonempty (best, "held_on")) < 0))
        {
          best = c;
          best_rank = rank;
        }
    }

  when = hk_format_date (nonempty (best, "held_on"));
  if (when && hk_record_get_string (best, "phase"))
    /* Translators: when the person was asked: "At the concern, 3 Mar 2026 · 2 conversations" */
    detail = g_strdup_printf (ngettext ("%s, %s · %u outcome conversation",
                                        "%s, %s · %u outcome conversations",
                                        conversations->len),
                              hk_format_enum (HK_RECORD_KIND_CONVERSATION, "phase", hk_record_get_string (best, "phase")),
                              when, conversations->len);
  else
    detail = g_strdup_printf (ngettext ("%u outcome conversation", "%u outcome conversations", conversations->len),
                              conversations->len);

  set_answer (self, Q_ASKED,
              best_rank <= 1 ? ANSWER_GOOD : ANSWER_ATTENTION,
              best_rank < (int) G_N_ELEMENTS (asked_order) - 1
                ? hk_format_enum (HK_RECORD_KIND_CONVERSATION, "asked", asked_order[best_rank])
                : _("Not recorded"),
              detail);
}

static int
compare_expressed (gconstpointer a,
                   gconstpointer b)
{
  HkRecord *ra = *(HkRecord **) a;
  HkRecord *rb = *(HkRecord **) b;

  return g_strcmp0 (hk_record_get_string (ra, "expressed_on"), hk_record_get_string (rb, "expressed_on"));
}

static void
update_expressed_and_achieved (HkMspSummary *self,
                               GPtrArray    *records)
{
  g_autoptr(GPtrArray) outcomes = of_kind (records, HK_RECORD_KIND_OUTCOME);
  g_autoptr(GPtrArray) conversations = of_kind (records, HK_RECORD_KIND_CONVERSATION);
  static const char * const achieved_codes[] = { "fully", "partially", "not" };
  guint counts[G_N_ELEMENTS (achieved_codes)] = { 0 };
  guint unrated = 0;
  g_autoptr(GString) achieved = g_string_new (NULL);
  g_autofree char *answer = NULL;
  g_autofree char *detail = NULL;
  gboolean none_expressed = FALSE;

  for (guint i = 0; i < conversations->len; i++)
    none_expressed |= g_strcmp0 (hk_record_get_string (g_ptr_array_index (conversations, i), "asked"),
                                 "asked_not_expressed") == 0;

  if (outcomes->len == 0)
    {
      set_answer (self, Q_EXPRESSED, none_expressed ? ANSWER_NEUTRAL : ANSWER_ATTENTION,
                  none_expressed ? _("Asked, and no outcomes were expressed") : _("No desired outcomes recorded yet"),
                  NULL);
      set_answer (self, Q_ACHIEVED, ANSWER_NEUTRAL, _("Nothing to rate yet"), NULL);
      return;
    }

  g_ptr_array_sort (outcomes, compare_expressed);
  /* Translators: the number of desired outcomes the person expressed */
  answer = g_strdup_printf (ngettext ("Yes: %u desired outcome", "Yes: %u desired outcomes", outcomes->len),
                            outcomes->len);
  {
    g_autofree char *first = NULL;
    const char *words = nonempty (g_ptr_array_index (outcomes, 0), "words");

    if (words)
      {
        g_autofree char *line = g_strstrip (g_strdup (words));
        char *newline = strchr (line, '\n');

        if (newline)
          *newline = '\0';
        if (g_str_has_prefix (line, "“") || g_str_has_prefix (line, "\"") || g_str_has_prefix (line, "'"))
          first = g_strdup (line);
        else
          /* Translators: the person's own words, quoted */
          first = g_strdup_printf (_("“%s”"), line);
        if (outcomes->len > 1)
          /* Translators: the first desired outcome, then how many more: "“I want to stay at home” and 2 more" */
          detail = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", outcomes->len - 1),
                                    first, outcomes->len - 1);
        else
          detail = g_steal_pointer (&first);
      }
  }
  set_answer (self, Q_EXPRESSED, ANSWER_GOOD, answer, detail);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const char *code = nonempty (g_ptr_array_index (outcomes, i), "achieved");
      gboolean known = FALSE;

      for (guint c = 0; code && c < G_N_ELEMENTS (achieved_codes); c++)
        if (g_str_equal (code, achieved_codes[c]))
          {
            counts[c]++;
            known = TRUE;
          }
      if (!known)
        unrated++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (achieved_codes); c++)
    {
      if (counts[c] == 0)
        continue;
      if (achieved->len > 0)
        g_string_append (achieved, " · ");
      /* Translators: a rating and how many outcomes have it: "Partially Achieved: 2" */
      g_string_append_printf (achieved, _("%s: %u"),
                              hk_format_enum (HK_RECORD_KIND_OUTCOME, "achieved", achieved_codes[c]), counts[c]);
    }

  g_clear_pointer (&detail, g_free);
  if (unrated > 0 && achieved->len > 0)
    detail = g_strdup_printf (ngettext ("%u not rated yet", "%u not rated yet", unrated), unrated);

  if (achieved->len == 0)
    set_answer (self, Q_ACHIEVED, ANSWER_NEUTRAL, _("Not rated yet: outcomes are rated at closure"), NULL);
  else
    set_answer (self, Q_ACHIEVED, unrated > 0 ? ANSWER_ATTENTION : ANSWER_GOOD, achieved->str, detail);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
update_capacity (HkMspSummary *self,
                 HkRecord     *kase,
                 GPtrArray    *records)
{
  g_autoptr(GPtrArray) assessments = of_kind (records, HK_RECORD_KIND_CAPACITY);
  g_autoptr(GPtrArray) decisions = of_kind (records, HK_RECORD_KIND_BEST_INTERESTS);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree const char **doubts = kase ? hk_record_get_strv (kase, "capacity_doubts") : NULL;
  gboolean missing = FALSE;

  /* One line per decision: the latest assessment of it. */
  for (guint i = 0; i < assessments->len; i++)
    {
      HkRecord *a = g_ptr_array_index (assessments, i);
      g_autofree char *raw = g_utf8_casefold (nonempty (a, "decision") ? nonempty (a, "decision") : "", -1);
      char *key = g_strstrip (raw);
      HkRecord *known = g_hash_table_lookup (latest, key);

      if (known == NULL)
        g_ptr_array_add (order, g_strdup (key));
      if (known == NULL || g_strcmp0 (nonempty (a, "assessed_on"), nonempty (known, "assessed_on")) > 0)
        g_hash_table_insert (latest, g_strdup (key), a);
    }

  g_ptr_array_sort (order, compare_keys);
  for (guint i = 0; i < order->len; i++)
    {
      HkRecord *a = g_hash_table_lookup (latest, g_ptr_array_index (order, i));
      g_autofree char *when = hk_format_date (nonempty (a, "assessed_on"));
      g_autofree char *decision = g_strstrip (g_strdup (nonempty (a, "decision") ? nonempty (a, "decision") : ""));
      const char *outcome = nonempty (a, "outcome");

      if (answer->len > 0)
        g_string_append_c (answer, '\n');
      /* Translators: one decision's capacity: "Moving into a care home: Lacks capacity for this decision (3 Mar 2026)" */
      g_string_append_printf (answer, _("%s: %s (%s)"),
                              *decision ? decision : _("Decision not named"),
                              outcome ? hk_format_enum (HK_RECORD_KIND_CAPACITY, "outcome", outcome) : _("no outcome"),
                              when ? when : "?");
    }

  for (guint d = 0; doubts && doubts[d]; d++)
    {
      g_autofree char *raw = g_utf8_casefold (doubts[d], -1);

      if (g_hash_table_contains (latest, g_strstrip (raw)))
        continue;
      missing = TRUE;
      if (detail->len > 0)
        g_string_append_c (detail, '\n');
      /* Translators: a decision where capacity is doubted and not yet assessed */
      g_string_append_printf (detail, _("In doubt, not yet assessed: %s"), doubts[d]);
    }

  if (decisions->len > 0)
    {
      if (detail->len > 0)
        g_string_append_c (detail, '\n');
      g_string_append_printf (detail, ngettext ("%u best-interests decision", "%u best-interests decisions",
                                                decisions->len),
                              decisions->len);
    }

  if (answer->len == 0)
    set_answer (self, Q_CAPACITY, missing ? ANSWER_ATTENTION : ANSWER_NEUTRAL,
                _("No assessments: capacity is assumed unless assessed, decision by decision"),
                detail->str);
  else
    set_answer (self, Q_CAPACITY, missing ? ANSWER_ATTENTION : ANSWER_GOOD, answer->str, detail->str);
}

static void
update_advocacy (HkMspSummary *self,
                 GPtrArray    *records)
{
  g_autoptr(GPtrArray) referrals = of_kind (records, HK_RECORD_KIND_ADVOCACY);
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean waiting = FALSE;

  if (referrals->len == 0)
    {
      set_answer (self, Q_ADVOCACY, ANSWER_NEUTRAL, _("No advocacy referral"), NULL);
      return;
    }

  for (guint i = 0; i < referrals->len; i++)
    {
      HkRecord *a = g_ptr_array_index (referrals, i);
      const char *status = nonempty (a, "status");
      const char *basis = nonempty (a, "basis");

      if (answer->len > 0)
        g_string_append_c (answer, '\n');
      /* Translators: an advocacy referral and its status: "IMCA: adult protection: Allocated" */
      g_string_append_printf (answer, _("%s: %s"),
                              basis ? hk_format_enum (HK_RECORD_KIND_ADVOCACY, "basis", basis) : _("Advocacy"),
                              status ? hk_format_enum (HK_RECORD_KIND_ADVOCACY, "status", status) : _("no status"));
      waiting |= g_strcmp0 (status, "referred") == 0 || g_strcmp0 (status, "considered") == 0;
      if (nonempty (a, "organisation") || nonempty (a, "advocate"))
        {
          if (detail->len > 0)
            g_string_append_c (detail, '\n');
          if (nonempty (a, "organisation") && nonempty (a, "advocate"))
            /* Translators: an advocate and their organisation: "Sam Advocate, Advocacy Together" */
            g_string_append_printf (detail, _("%s, %s"), nonempty (a, "advocate"), nonempty (a, "organisation"));
          else
            g_string_append (detail, nonempty (a, "advocate") ? nonempty (a, "advocate") : nonempty (a, "organisation"));
        }
    }

  set_answer (self, Q_ADVOCACY, waiting ? ANSWER_NEUTRAL : ANSWER_GOOD, answer->str, detail->str);
}

/* GObject */

static void
hk_msp_summary_dispose (GObject *object)
{
  HkMspSummary *self = (HkMspSummary *)object;

  /* AdwBin keeps its own pointer to the child: let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_MSP_SUMMARY);

  G_OBJECT_CLASS (hk_msp_summary_parent_class)->dispose (object);
}

static void
hk_msp_summary_class_init (HkMspSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_msp_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-msp-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, asked_icon);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, asked_label);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, asked_detail);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, expressed_icon);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, expressed_label);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, expressed_detail);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, achieved_icon);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, achieved_label);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, achieved_detail);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, capacity_icon);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, capacity_detail);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, advocacy_icon);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, advocacy_label);
  gtk_widget_class_bind_template_child (widget_class, HkMspSummary, advocacy_detail);
}

static void
hk_msp_summary_init (HkMspSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hk_msp_summary_set_records (self, NULL, NULL);
}

GtkWidget *
hk_msp_summary_new (void)
{
  return g_object_new (HK_TYPE_MSP_SUMMARY, NULL);
}

void
hk_msp_summary_set_records (HkMspSummary *self,
                            HkRecord     *kase,
                            GPtrArray    *records)
{
  g_return_if_fail (HK_IS_MSP_SUMMARY (self));
  g_return_if_fail (kase == NULL || HK_IS_RECORD (kase));

  if (kase == NULL && records == NULL)
    {
      for (guint q = 0; q < N_QUESTIONS; q++)
        set_answer (self, q, ANSWER_NEUTRAL, NULL, NULL);
      return;
    }

  update_asked (self, records);
  update_expressed_and_achieved (self, records);
  update_capacity (self, kase, records);
  update_advocacy (self, records);
}

const char *
hk_msp_summary_get_answer (HkMspSummary *self,
                           const char   *question)
{
  g_return_val_if_fail (HK_IS_MSP_SUMMARY (self), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  for (guint q = 0; q < N_QUESTIONS; q++)
    if (g_str_equal (question, question_names[q]))
      {
        GtkImage *icon;
        GtkLabel *label;
        GtkLabel *detail;

        get_widgets (self, q, &icon, &label, &detail);
        return gtk_label_get_text (label);
      }
  return NULL;
}
