/* hk-case-row.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkCaseRow:
 *
 * One case in the case list: the person's display name, a status pill,
 * the opening date (day first), the number of notes, the safeguarding stage
 * (a pill) and a badge counting outstanding prompts (icon, number and an
 * accessible description). A click opens the case (casebook.show-case).
 */
#define HK_TYPE_CASE_ROW (hk_case_row_get_type ())
G_DECLARE_FINAL_TYPE (HkCaseRow, hk_case_row, HK, CASE_ROW, AdwBin)

GtkWidget     *hk_case_row_new         (void);
HkCaseSummary *hk_case_row_get_summary (HkCaseRow     *self);
/* NULL empties every label (rows are recycled, and cleared on lock). */
void           hk_case_row_set_summary (HkCaseRow     *self,
                                        HkCaseSummary *summary);

G_END_DECLS
