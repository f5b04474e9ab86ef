/* hk-case-summary.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearken/hk-case-summary.h"

struct _HkCaseSummary
{
  GObject   parent_instance;
  HkRecord *kase;
  HkRecord *person;
  guint     note_count;
  HkCaseStage stage;
  guint     prompt_count;
  guint     blocking_count;
};

G_DEFINE_FINAL_TYPE (HkCaseSummary, hk_case_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_STATUS,
  PROP_IS_OPEN,
  PROP_OPENED_ON,
  PROP_CLOSED_ON,
  PROP_SUMMARY,
  PROP_WORKER,
  PROP_NOTE_COUNT,
  PROP_CASE,
  PROP_PERSON,
  PROP_STAGE,
  PROP_PROMPT_COUNT,
  PROP_BLOCKING_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hk_case_summary_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HkCaseSummary *self = HK_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:     g_value_set_string (value, hk_case_summary_get_case_id (self)); break;
    case PROP_PERSON_ID:   g_value_set_string (value, hk_case_summary_get_person_id (self)); break;
    case PROP_PERSON_NAME: g_value_set_string (value, hk_case_summary_get_person_name (self)); break;
    case PROP_STATUS:      g_value_set_string (value, hk_case_summary_get_status (self)); break;
    case PROP_IS_OPEN:     g_value_set_boolean (value, hk_case_summary_get_is_open (self)); break;
    case PROP_OPENED_ON:   g_value_set_string (value, hk_case_summary_get_opened_on (self)); break;
    case PROP_CLOSED_ON:   g_value_set_string (value, hk_case_summary_get_closed_on (self)); break;
    case PROP_SUMMARY:     g_value_set_string (value, hk_case_summary_get_summary (self)); break;
    case PROP_WORKER:      g_value_set_string (value, hk_case_summary_get_worker (self)); break;
    case PROP_NOTE_COUNT:  g_value_set_uint (value, self->note_count); break;
    case PROP_CASE:        g_value_set_object (value, self->kase); break;
    case PROP_PERSON:      g_value_set_object (value, self->person); break;
    case PROP_STAGE:       g_value_set_int (value, self->stage); break;
    case PROP_PROMPT_COUNT: g_value_set_uint (value, self->prompt_count); break;
    case PROP_BLOCKING_COUNT: g_value_set_uint (value, self->blocking_count); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_summary_dispose (GObject *object)
{
  HkCaseSummary *self = HK_CASE_SUMMARY (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->person);
  G_OBJECT_CLASS (hk_case_summary_parent_class)->dispose (object);
}

static void
hk_case_summary_class_init (HkCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hk_case_summary_get_property;
  object_class->dispose = hk_case_summary_dispose;

#define STR_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  STR_PROP (PROP_CASE_ID, "case-id");
  STR_PROP (PROP_PERSON_ID, "person-id");
  STR_PROP (PROP_PERSON_NAME, "person-name");
  STR_PROP (PROP_STATUS, "status");
  STR_PROP (PROP_OPENED_ON, "opened-on");
  STR_PROP (PROP_CLOSED_ON, "closed-on");
  STR_PROP (PROP_SUMMARY, "summary");
  STR_PROP (PROP_WORKER, "worker");
#undef STR_PROP
  properties[PROP_IS_OPEN] =
    g_param_spec_boolean ("is-open", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_COUNT] =
    g_param_spec_uint ("note-count", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, HK_TYPE_RECORD, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, HK_TYPE_RECORD, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, HK_CASE_STAGE_NONE, HK_CASE_STAGE_CLOSED, HK_CASE_STAGE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROMPT_COUNT] =
    g_param_spec_uint ("prompt-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKING_COUNT] =
    g_param_spec_uint ("blocking-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hk_case_summary_init (HkCaseSummary *self)
{
}

HkCaseSummary *
hk_case_summary_new (HkRecord *kase,
                     HkRecord *person,
                     guint     note_count)
{
  HkCaseSummary *self;

  g_return_val_if_fail (HK_IS_RECORD (kase), NULL);
  g_return_val_if_fail (person == NULL || HK_IS_RECORD (person), NULL);

  self = g_object_new (HK_TYPE_CASE_SUMMARY, NULL);
  self->kase = g_object_ref (kase);
  self->person = person ? g_object_ref (person) : NULL;
  self->note_count = note_count;
  return self;
}

const char *
hk_case_summary_get_case_id (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_id (self->kase);
}

const char *
hk_case_summary_get_person_id (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_parent_id (self->kase);
}

const char *
hk_case_summary_get_person_name (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  /* A person that failed authentication is shown without a name, not hidden. */
  return self->person ? hk_person_get_display_name (self->person) : NULL;
}

const char *
hk_case_summary_get_status (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_string (self->kase, "status");
}

gboolean
hk_case_summary_get_is_open (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), FALSE);
  return g_strcmp0 (hk_record_get_string (self->kase, "status"), "open") == 0;
}

const char *
hk_case_summary_get_opened_on (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_string (self->kase, "opened_on");
}

const char *
hk_case_summary_get_closed_on (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_string (self->kase, "closed_on");
}

const char *
hk_case_summary_get_summary (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_string (self->kase, "summary");
}

const char *
hk_case_summary_get_worker (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return hk_record_get_string (self->kase, "worker");
}

guint
hk_case_summary_get_note_count (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), 0);
  return self->note_count;
}

HkRecord *
hk_case_summary_get_case (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return self->kase;
}

HkRecord *
hk_case_summary_get_person (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), NULL);
  return self->person;
}

void
hk_case_summary_set_status (HkCaseSummary *self,
                            HkCaseStage    stage,
                            guint          prompt_count,
                            guint          blocking_count)
{
  g_return_if_fail (HK_IS_CASE_SUMMARY (self));

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  if (self->prompt_count != prompt_count)
    {
      self->prompt_count = prompt_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPT_COUNT]);
    }
  if (self->blocking_count != blocking_count)
    {
      self->blocking_count = blocking_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKING_COUNT]);
    }
}

HkCaseStage
hk_case_summary_get_stage (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), HK_CASE_STAGE_NONE);
  return self->stage;
}

guint
hk_case_summary_get_prompt_count (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), 0);
  return self->prompt_count;
}

guint
hk_case_summary_get_blocking_count (HkCaseSummary *self)
{
  g_return_val_if_fail (HK_IS_CASE_SUMMARY (self), 0);
  return self->blocking_count;
}

const char *
hk_case_stage_to_string (HkCaseStage stage)
{
  static const char *names[] = { "none", "concern", "enquiry", "concluded", "closed" };

  return (guint) stage < G_N_ELEMENTS (names) ? names[stage] : "none";
}

const char *
hk_case_stage_get_label (HkCaseStage stage)
{
  switch (stage)
    {
    case HK_CASE_STAGE_CONCERN:   return _("Concern");
    case HK_CASE_STAGE_ENQUIRY:   return _("Enquiry");
    case HK_CASE_STAGE_CONCLUDED: return _("Enquiry concluded");
    case HK_CASE_STAGE_CLOSED:    return _("Closed");
    case HK_CASE_STAGE_NONE:
    default:                      return _("No concern recorded");
    }
}
