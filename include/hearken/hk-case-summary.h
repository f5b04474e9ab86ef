/* hk-case-summary.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hk-record.h"

G_BEGIN_DECLS

/**
 * HkCaseSummary:
 *
 * One row of the case list: a case joined with its person. Read-only
 * properties so list views can bind to them: "case-id", "person-id",
 * "person-name" (display name), "status" ("open"/"closed"), "opened-on",
 * "closed-on" (ISO dates or NULL), "summary", "worker", "note-count",
 * "is-open", "case" and "person" (the HkRecords).
 */
#define HK_TYPE_CASE_SUMMARY (hk_case_summary_get_type ())
G_DECLARE_FINAL_TYPE (HkCaseSummary, hk_case_summary, HK, CASE_SUMMARY, GObject)

HkCaseSummary *hk_case_summary_new            (HkRecord      *kase,
                                               HkRecord      *person,
                                               guint          note_count);
const char    *hk_case_summary_get_case_id     (HkCaseSummary *self);
const char    *hk_case_summary_get_person_id   (HkCaseSummary *self);
const char    *hk_case_summary_get_person_name (HkCaseSummary *self);
const char    *hk_case_summary_get_status      (HkCaseSummary *self);
gboolean       hk_case_summary_get_is_open     (HkCaseSummary *self);
const char    *hk_case_summary_get_opened_on   (HkCaseSummary *self);
const char    *hk_case_summary_get_closed_on   (HkCaseSummary *self);
const char    *hk_case_summary_get_summary     (HkCaseSummary *self);
const char    *hk_case_summary_get_worker      (HkCaseSummary *self);
guint          hk_case_summary_get_note_count  (HkCaseSummary *self);
HkRecord      *hk_case_summary_get_case        (HkCaseSummary *self);
HkRecord      *hk_case_summary_get_person      (HkCaseSummary *self);

/**
 * HkCaseStage:
 *
 * Where a case is in the safeguarding process, derived from its records.
 */
typedef enum {
  HK_CASE_STAGE_NONE,       /* no concern recorded yet */
  HK_CASE_STAGE_CONCERN,    /* a concern, no enquiry running */
  HK_CASE_STAGE_ENQUIRY,    /* an enquiry is running */
  HK_CASE_STAGE_CONCLUDED,  /* enquiries concluded, case still open */
  HK_CASE_STAGE_CLOSED,
} HkCaseStage;

const char    *hk_case_stage_to_string         (HkCaseStage    stage); /* "none", "concern", … */
const char    *hk_case_stage_get_label         (HkCaseStage    stage); /* translated */

/* Filled in after the list loads (hk_vault_list_case_status): properties
 * "stage" (int, HkCaseStage), "prompt-count" and "blocking-count" (uint),
 * notified on change. Call on the main thread. */
void           hk_case_summary_set_status      (HkCaseSummary *self,
                                                HkCaseStage    stage,
                                                guint          prompt_count,
                                                guint          blocking_count);
HkCaseStage    hk_case_summary_get_stage       (HkCaseSummary *self);
guint          hk_case_summary_get_prompt_count   (HkCaseSummary *self);
guint          hk_case_summary_get_blocking_count (HkCaseSummary *self);

/* One case's status as computed by hk_vault_list_case_status(). */
typedef struct {
  HkCaseStage stage;
  guint       prompt_count;    /* warnings and blocking prompts */
  guint       blocking_count;
} HkCaseStatus;

G_END_DECLS
