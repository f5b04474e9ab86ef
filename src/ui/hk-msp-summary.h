/* hk-msp-summary.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkMspSummary:
 *
 * The Making Safeguarding Personal summary card at the top of a case page.
 * It answers five questions from the case's records:
 * - "asked": was the person asked about their desired outcomes (the best
 *   SAC answer over every outcome conversation)?
 * - "expressed": are desired outcomes recorded (in the person's words)?
 * - "achieved": how many were fully, partially or not achieved?
 * - "capacity": each decision assessed, with the latest outcome for it
 *   (capacity is per decision and date, never a flag on the person);
 * - "advocacy": each referral and its current status.
 * Each answer has an icon (presentation only) and its meaning in words.
 */
#define HK_TYPE_MSP_SUMMARY (hk_msp_summary_get_type ())
G_DECLARE_FINAL_TYPE (HkMspSummary, hk_msp_summary, HK, MSP_SUMMARY, AdwBin)

GtkWidget  *hk_msp_summary_new         (void);
/* @kase: the case (for the decisions where capacity is in doubt); @records:
 * every record of the case. NULL for both empties every label (on lock). */
void        hk_msp_summary_set_records (HkMspSummary *self,
                                        HkRecord     *kase,
                                        GPtrArray    *records);
/* The answer shown for @question ("asked", "expressed", "achieved",
 * "capacity" or "advocacy"), or NULL. */
const char *hk_msp_summary_get_answer  (HkMspSummary *self,
                                        const char   *question);

G_END_DECLS
