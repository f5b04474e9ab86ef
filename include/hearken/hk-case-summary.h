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

G_END_DECLS
