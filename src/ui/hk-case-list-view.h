/* hk-case-list-view.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkCaseListView:
 *
 * The sidebar's case list: search-as-you-type across people, cases and
 * note text (hk_vault_search_async, debounced, older queries cancelled),
 * an Open / Closed / All filter (casebook.filter), a stage filter
 * (casebook.filter-stage: "all", "none", "concern", "enquiry", "concluded",
 * "closed") and a "with outstanding prompts" toggle (casebook.filter-prompts),
 * all combined, and a GtkListView of HkCaseRow over a GListStore of
 * HkCaseSummary, open cases first, then the most recently opened. After the
 * list loads, each case's stage and prompt counts are worked out in the
 * background (hk_vault_list_case_status_async). Arrow keys move, Enter or a
 * click opens the case (casebook.show-case). Shows "No cases yet" and
 * "No results" states.
 */
#define HK_TYPE_CASE_LIST_VIEW (hk_case_list_view_get_type ())
G_DECLARE_FINAL_TYPE (HkCaseListView, hk_case_list_view, HK, CASE_LIST_VIEW, AdwBin)

GtkWidget     *hk_case_list_view_new              (void);
/* Loads the cases of @vault; NULL empties every model and the search. */
void           hk_case_list_view_set_vault        (HkCaseListView *self,
                                                   HkVault        *vault);
/* Reads the case list again (after a save), keeping search and selection. */
void           hk_case_list_view_reload           (HkCaseListView *self);
/* "open", "closed" or "all". */
void           hk_case_list_view_set_filter       (HkCaseListView *self,
                                                   const char     *filter);
const char    *hk_case_list_view_get_filter       (HkCaseListView *self);
/* "all" or a stage (hk_case_stage_to_string()). */
void           hk_case_list_view_set_stage_filter (HkCaseListView *self,
                                                   const char     *stage);
const char    *hk_case_list_view_get_stage_filter (HkCaseListView *self);
/* Only cases with outstanding prompts (warnings or blocking). */
void           hk_case_list_view_set_prompts_filter (HkCaseListView *self,
                                                     gboolean        prompts);
gboolean       hk_case_list_view_get_prompts_filter (HkCaseListView *self);
void           hk_case_list_view_focus_search     (HkCaseListView *self);
void           hk_case_list_view_select_case      (HkCaseListView *self,
                                                   const char     *case_id);
HkCaseSummary *hk_case_list_view_lookup           (HkCaseListView *self,
                                                   const char     *case_id);
/* Every loaded case (HkCaseSummary). */
GListModel    *hk_case_list_view_get_cases        (HkCaseListView *self);
/* The cases shown, filtered and sorted. */
GListModel    *hk_case_list_view_get_shown        (HkCaseListView *self);
GtkEditable   *hk_case_list_view_get_search_entry (HkCaseListView *self);
/* TRUE while the list, a search or the stages and prompt counts are loading. */
gboolean       hk_case_list_view_get_busy         (HkCaseListView *self);

G_END_DECLS
