/* hk-capacity-guide.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-capacity-guide.h"

typedef struct
{
  const char *title;        /* N_() marked, or NULL */
  const char *description;  /* N_() marked, or NULL */
  const char *keys[6];
} StepGroup;

typedef struct
{
  const char *title;  /* N_() marked */
  const char *lead;   /* N_() marked: what the step asks, with the law behind it */
  StepGroup   groups[4];
} Step;

/* The statutory order: s1(3) support, s2(1) diagnostic, s3(1) functional,
 * then the causal link that joins them. */
static const Step steps[HK_CAPACITY_GUIDE_N_STEPS] = {
  {
    N_("The Decision"),
    N_("Capacity is about one decision at one time. Say what the decision is, when it was assessed, and the information relevant to it, including the foreseeable consequences of deciding one way or another, or not at all (s3(4))."),
    {
      { NULL, NULL, { "decision", "assessed_on", "relevant_information", NULL } },
      { N_("Context"), NULL, { "relates_to_enquiry", "protective_measures", NULL } },
    }
  },
  {
    N_("Supporting the Person to Decide"),
    N_("A person is not treated as unable to decide until all practicable steps to help them have been taken without success (principle 2): for example the right time and place, plain language, pictures, an interpreter, or someone they trust being there."),
    {
      { NULL, NULL, { "practicable_steps", NULL } },
    }
  },
  {
    N_("The Diagnostic Test"),
    N_("Is there an impairment of, or a disturbance in the functioning of, the mind or brain? It may be permanent or temporary (s2(2)), and it cannot be assumed from age, appearance, a condition or behaviour (s2(3))."),
    {
      { NULL, NULL, { "impairment", "impairment_detail", NULL } },
    }
  },
  {
    N_("The Functional Test"),
    N_("Is the person unable to make the decision? Record the evidence for each part (s3(1)). Understanding an explanation given in a way that suits them counts (s3(2)); keeping the information only for a short time does not by itself mean they cannot decide (s3(3))."),
    {
      { N_("Understand"), NULL, { "understand", "understand_evidence", NULL } },
      { N_("Retain"), NULL, { "retain", "retain_evidence", NULL } },
      { N_("Use or Weigh"), NULL, { "use_weigh", "use_weigh_evidence", NULL } },
      { N_("Communicate"), N_("By any means: speech, signs, writing, pictures or gestures."), { "communicate", "communicate_evidence", NULL } },
    }
  },
  {
    N_("The Causal Link"),
    N_("A person lacks capacity only if they are unable to decide because of the impairment or disturbance (s2(1)). Say whether that is so, and why."),
    {
      { NULL, NULL, { "causal_link", "causal_link_evidence", NULL } },
    }
  },
  {
    N_("Outcome"),
    N_("The outcome follows from the answers in steps 3 to 5, for this decision only. Say who assessed and when to look at it again."),
    {
      { NULL, NULL, { "outcome", NULL } },
      { N_("Assessor and Review"), NULL, { "assessor", "review_on", NULL } },
    }
  },
};

static const char * const functional_keys[] = { "understand", "retain", "use_weigh", "communicate" };

struct _HkCapacityGuide
{
  GtkBox        parent_instance;

  GtkStack     *step_stack;
  GtkLabel     *step_counter;
  GtkLabel     *step_title;
  GtkLabel     *nav_hint;
  GtkWidget    *next_button;
  GtkWidget    *finish_button;
  GtkWidget    *principles_panel;

  GtkWidget    *causal_note;
  GtkWidget    *answers_label;
  GtkWidget    *mismatch_label;

  HkFormFields *form;
  int           step;
  const char   *answers_outcome;
};

G_DEFINE_FINAL_TYPE (HkCapacityGuide, hk_capacity_guide, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
code (HkCapacityGuide *self,
      const char      *key)
{
  return hk_form_fields_get_code (self->form, key);
}

/* The outcome of s2(1) and s3(1) from the answers, or NULL when an answer
 * that decides it is missing. */
static const char *
compute_answers_outcome (HkCapacityGuide *self,
                         gboolean        *out_any_unable,
                         gboolean        *out_all_answered)
{
  const char *impairment = code (self, "impairment");
  gboolean any_unable = FALSE;
  gboolean all_answered = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (functional_keys); i++)
    {
      const char *value = code (self, functional_keys[i]);

      any_unable |= g_strcmp0 (value, "unable") == 0;
      all_answered &= value != NULL;
    }
  if (out_any_unable)
    *out_any_unable = any_unable;
  if (out_all_answered)
    *out_all_answered = all_answered;

  if (g_strcmp0 (impairment, "no") == 0)
    return "has_capacity";
  if (impairment == NULL)
    return NULL;
  if (!any_unable)
    return all_answered ? "has_capacity" : NULL;
  if (g_strcmp0 (code (self, "causal_link"), "yes") == 0)
    return "lacks_capacity";
  if (g_strcmp0 (code (self, "causal_link"), "no") == 0)
    return "has_capacity";
  return NULL;
}

static char *
describe_answers (HkCapacityGuide *self,
                  const char      *outcome)
{
  const char *impairment = code (self, "impairment");
  g_autoptr(GString) unable = g_string_new (NULL);
  static const char *verbs[] = {
    N_("understand the relevant information"),
    N_("retain it"),
    N_("use or weigh it"),
    N_("communicate the decision"),
  };

  if (outcome == NULL)
    {
      if (impairment == NULL)
        return g_strdup (_("Answer the diagnostic test (step 3) first."));
      return g_strdup (_("Answer the functional test (step 4) and, where it applies, the causal link (step 5)."));
    }

  if (g_strcmp0 (outcome, "lacks_capacity") == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (functional_keys); i++)
        if (g_strcmp0 (code (self, functional_keys[i]), "unable") == 0)
          {
            if (unable->len > 0)
              g_string_append (unable, _(", or "));
            g_string_append (unable, _(verbs[i]));
          }
      /* Translators: %s lists what the person cannot do, e.g. "retain it, or use or weigh it" */
      return g_strdup_printf (_("The answers mean the person lacks capacity for this decision: because of an impairment or disturbance of the mind or brain, they are unable to %s."),
                              unable->str);
    }

  if (g_strcmp0 (impairment, "no") == 0)
    return g_strdup (_("The answers mean the person has capacity for this decision: without an impairment or disturbance of the mind or brain, nobody can be found to lack capacity (s2(1))."));
  if (g_strcmp0 (code (self, "causal_link"), "no") == 0)
    return g_strdup (_("The answers mean the person has capacity for this decision: what stops them deciding is not the impairment or disturbance, so the test in s2(1) is not met."));
  return g_strdup (_("The answers mean the person has capacity for this decision: they can understand, retain, use or weigh the information, and communicate their decision. An unwise decision is not a lack of capacity (principle 3)."));
}

static void
update_nav (HkCapacityGuide *self)
{
  gboolean last = self->step == HK_CAPACITY_GUIDE_N_STEPS - 1;
  g_autofree char *counter = NULL;
  g_autofree char *page = g_strdup_printf ("step-%d", self->step);
  GtkRoot *root;

  /* Translators: "Step 2 of 6" */
  counter = g_strdup_printf (_("Step %d of %d"), self->step + 1, HK_CAPACITY_GUIDE_N_STEPS);
  gtk_label_set_text (self->step_counter, counter);
  gtk_label_set_text (self->step_title, _(steps[self->step].title));
  if (gtk_stack_get_child_by_name (self->step_stack, page))
    gtk_stack_set_visible_child_name (self->step_stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.back", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.next", !last);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->finish_button, last);
  gtk_label_set_text (self->nav_hint, last ? _("Saving keeps every earlier version") : "");

  /* Enter in a one-line entry moves on (or saves on the last step). */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->form && GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), last ? self->finish_button : self->next_button);
}

static void
build_step (HkCapacityGuide *self,
            int              index)
{
  const Step *step = &steps[index];
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_autofree char *name = g_strdup_printf ("step-%d", index);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 680);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), make_label (_(step->lead), NULL));

  if (index == HK_CAPACITY_GUIDE_N_STEPS - 1)
    {
      /* What the answers mean, before the outcome is chosen. */
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *heading = make_label (_("What the Answers Mean"), "heading");

      gtk_widget_set_name (card, "answers_card");
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "hk-answers-card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      gtk_box_append (GTK_BOX (card), heading);
      gtk_box_append (GTK_BOX (card),
                      make_label (_("A person lacks capacity for a decision only when all three hold: an impairment or disturbance of the mind or brain (step 3); they are unable to understand, retain, use or weigh the information, or communicate the decision (step 4); and that inability is because of the impairment or disturbance (step 5). Otherwise they have capacity for this decision."),
                                  NULL));
      self->answers_label = make_label (NULL, "hk-answers");
      gtk_widget_set_name (self->answers_label, "answers_label");
      gtk_box_append (GTK_BOX (card), self->answers_label);
      self->mismatch_label = make_label (NULL, "error");
      gtk_widget_set_name (self->mismatch_label, "mismatch_label");
      gtk_widget_set_visible (self->mismatch_label, FALSE);
      gtk_box_append (GTK_BOX (card), self->mismatch_label);
      gtk_box_append (GTK_BOX (box), card);
    }

  for (guint g = 0; g < G_N_ELEMENTS (step->groups) && step->groups[g].keys[0]; g++)
    {
      const StepGroup *sg = &step->groups[g];
      GtkWidget *group = adw_preferences_group_new ();

      if (sg->title)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sg->title));
      if (sg->description)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(sg->description));
      hk_form_fields_add_rows (self->form, ADW_PREFERENCES_GROUP (group), sg->keys);
      gtk_box_append (GTK_BOX (box), group);
    }

  if (index == 4)
    {
      /* Shown instead of the rows when no causal link is needed. */
      self->causal_note = make_label (NULL, "dim-label");
      gtk_widget_set_name (self->causal_note, "causal_note");
      gtk_box_append (GTK_BOX (box), self->causal_note);
    }

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->step_stack, scrolled, name);
}

/* Callbacks */

static void
on_form_changed_cb (HkCapacityGuide *self)
{
  hk_capacity_guide_update (self);
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkCapacityGuide *self = HK_CAPACITY_GUIDE (widget);

  if (self->step < HK_CAPACITY_GUIDE_N_STEPS - 1)
    {
      hk_capacity_guide_set_step (self, self->step + 1);
      hk_capacity_guide_focus_step (self);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkCapacityGuide *self = HK_CAPACITY_GUIDE (widget);

  if (self->step > 0)
    {
      hk_capacity_guide_set_step (self, self->step - 1);
      hk_capacity_guide_focus_step (self);
    }
}

/* GtkWidget */

static void
hk_capacity_guide_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hk_capacity_guide_parent_class)->root (widget);
  update_nav (HK_CAPACITY_GUIDE (widget));
}

/* GObject */

static void
hk_capacity_guide_dispose (GObject *object)
{
  HkCapacityGuide *self = (HkCapacityGuide *)object;

  if (self->form)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CAPACITY_GUIDE);

  G_OBJECT_CLASS (hk_capacity_guide_parent_class)->dispose (object);
}

static void
hk_capacity_guide_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HkCapacityGuide *self = HK_CAPACITY_GUIDE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_capacity_guide_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HkCapacityGuide *self = HK_CAPACITY_GUIDE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      hk_capacity_guide_set_step (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_capacity_guide_class_init (HkCapacityGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_capacity_guide_dispose;
  object_class->get_property = hk_capacity_guide_get_property;
  object_class->set_property = hk_capacity_guide_set_property;

  widget_class->root = hk_capacity_guide_root;

  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 0, HK_CAPACITY_GUIDE_N_STEPS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-capacity-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, step_stack);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, step_counter);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, step_title);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, nav_hint);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, next_button);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, finish_button);
  gtk_widget_class_bind_template_child (widget_class, HkCapacityGuide, principles_panel);

  gtk_widget_class_install_action (widget_class, "guide.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "guide.back", NULL, back_action);
  gtk_widget_class_install_property_action (widget_class, "guide.step", "step");
}

static void
hk_capacity_guide_init (HkCapacityGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_nav (self);
}

/* Public API */

GtkWidget *
hk_capacity_guide_new (void)
{
  return g_object_new (HK_TYPE_CAPACITY_GUIDE, NULL);
}

void
hk_capacity_guide_set_form (HkCapacityGuide *self,
                            HkFormFields    *form)
{
  g_return_if_fail (HK_IS_CAPACITY_GUIDE (self));
  g_return_if_fail (HK_IS_FORM_FIELDS (form));
  g_return_if_fail (hk_form_fields_get_kind (form) == HK_RECORD_KIND_CAPACITY);
  g_return_if_fail (self->form == NULL);

  self->form = g_object_ref (form);
  for (int i = 0; i < HK_CAPACITY_GUIDE_N_STEPS; i++)
    build_step (self, i);

  /* Enter in a one-line entry presses Next. */
  for (int i = 0; i < HK_CAPACITY_GUIDE_N_STEPS; i++)
    for (guint g = 0; g < G_N_ELEMENTS (steps[i].groups); g++)
      for (guint k = 0; steps[i].groups[g].keys[k]; k++)
        {
          GtkWidget *input = hk_form_fields_get_widget (form, steps[i].groups[g].keys[k]);

          if (ADW_IS_ENTRY_ROW (input))
            adw_entry_row_set_activates_default (ADW_ENTRY_ROW (input), TRUE);
          else if (GTK_IS_ENTRY (input))
            gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
        }

  g_signal_connect_object (form, "changed", G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  update_nav (self);
  hk_capacity_guide_update (self);
}

int
hk_capacity_guide_get_step (HkCapacityGuide *self)
{
  g_return_val_if_fail (HK_IS_CAPACITY_GUIDE (self), 0);

  return self->step;
}

void
hk_capacity_guide_set_step (HkCapacityGuide *self,
                            int              step)
{
  g_return_if_fail (HK_IS_CAPACITY_GUIDE (self));

  step = CLAMP (step, 0, HK_CAPACITY_GUIDE_N_STEPS - 1);
  if (step == self->step)
    return;
  self->step = step;
  update_nav (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

int
hk_capacity_guide_find_step (HkCapacityGuide *self,
                             const char      *key)
{
  g_return_val_if_fail (HK_IS_CAPACITY_GUIDE (self), -1);
  g_return_val_if_fail (key != NULL, -1);

  for (int i = 0; i < HK_CAPACITY_GUIDE_N_STEPS; i++)
    for (guint g = 0; g < G_N_ELEMENTS (steps[i].groups); g++)
      for (guint k = 0; steps[i].groups[g].keys[k]; k++)
        if (g_str_equal (steps[i].groups[g].keys[k], key))
          return i;
  return -1;
}

void
hk_capacity_guide_focus_step (HkCapacityGuide *self)
{
  const Step *step;

  g_return_if_fail (HK_IS_CAPACITY_GUIDE (self));

  if (self->form == NULL)
    return;
  step = &steps[self->step];
  for (guint g = 0; g < G_N_ELEMENTS (step->groups); g++)
    for (guint k = 0; step->groups[g].keys[k]; k++)
      if (hk_form_fields_get_field_visible (self->form, step->groups[g].keys[k]))
        {
          gtk_widget_grab_focus (hk_form_fields_get_widget (self->form, step->groups[g].keys[k]));
          return;
        }
}

void
hk_capacity_guide_update (HkCapacityGuide *self)
{
  gboolean impairment, any_unable, all_answered, causal;
  const char *outcome;
  const char *chosen;
  g_autofree char *answers = NULL;

  g_return_if_fail (HK_IS_CAPACITY_GUIDE (self));

  if (self->form == NULL)
    return;

  impairment = g_strcmp0 (code (self, "impairment"), "yes") == 0;
  self->answers_outcome = outcome = compute_answers_outcome (self, &any_unable, &all_answered);

  /* Conditional rows: the impairment's details, and the causal link only
   * when there is both an impairment and an inability to decide. */
  causal = impairment && any_unable;
  hk_form_fields_set_field_visible (self->form, "impairment_detail", impairment);
  hk_form_fields_set_field_visible (self->form, "causal_link", causal);
  hk_form_fields_set_field_visible (self->form, "causal_link_evidence", causal);
  gtk_widget_set_visible (self->causal_note, !causal);
  if (code (self, "impairment") == NULL)
    gtk_label_set_text (GTK_LABEL (self->causal_note), _("Answer the diagnostic test (step 3) first."));
  else if (!impairment)
    gtk_label_set_text (GTK_LABEL (self->causal_note),
                        _("Not needed: there is no impairment or disturbance of the mind or brain (step 3)."));
  else if (all_answered)
    gtk_label_set_text (GTK_LABEL (self->causal_note),
                        _("Not needed: the person can understand, retain, use or weigh the information, and communicate their decision (step 4)."));
  else
    gtk_label_set_text (GTK_LABEL (self->causal_note), _("Answer the functional test (step 4) first."));

  answers = describe_answers (self, outcome);
  gtk_label_set_text (GTK_LABEL (self->answers_label), answers);

  chosen = code (self, "outcome");
  if (outcome && chosen && !g_str_equal (outcome, chosen))
    {
      const HkFieldSpec *spec = hk_record_kind_find_field (HK_RECORD_KIND_CAPACITY, "outcome");
      g_autofree char *text = NULL;

      /* Translators: both %s are outcomes, e.g. "Has capacity for this decision" */
      text = g_strdup_printf (_("“%s” does not match these answers, so it cannot be saved. Choose “%s”, or look again at the earlier steps."),
                              hk_field_spec_get_value_label (spec, chosen),
                              hk_field_spec_get_value_label (spec, outcome));
      gtk_label_set_text (GTK_LABEL (self->mismatch_label), text);
      gtk_widget_set_visible (self->mismatch_label, TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->mismatch_label), "");
      gtk_widget_set_visible (self->mismatch_label, FALSE);
    }
}

const char *
hk_capacity_guide_get_answers_outcome (HkCapacityGuide *self)
{
  g_return_val_if_fail (HK_IS_CAPACITY_GUIDE (self), NULL);

  return self->answers_outcome;
}
