/* hk-case-page.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkCasePage:
 *
 * One case, read-only: the person's display name as a heading (inside the
 * window, never in its title), the practice prompts (HkPromptList), the
 * Making Safeguarding Personal summary (HkMspSummary), then either the
 * sections (person, case, concern and enquiry with their risks, outcomes in
 * the person's words and outcome conversations, capacity and best
 * interests, advocacy with its status history, actions, the evidence under
 * each principle, notes) or the timeline of everything dated, newest first
 * (HkTimelineRow). Switch with the case-page.view action ("sections" or
 * "timeline"; Alt+1 and Alt+2). Buttons activate casebook.* actions
 * (new-record, edit-record, edit-note, …); the casebook loads the records and
 * hands them over.
 */
#define HK_TYPE_CASE_PAGE (hk_case_page_get_type ())
G_DECLARE_FINAL_TYPE (HkCasePage, hk_case_page, HK, CASE_PAGE, AdwBin)

GtkWidget  *hk_case_page_new          (void);
/* @notes: HkRecord notes, any order. */
void        hk_case_page_set_records  (HkCasePage *self,
                                       HkRecord   *kase,
                                       HkRecord   *person,
                                       GPtrArray  *notes);
void        hk_case_page_set_case     (HkCasePage *self,
                                       HkRecord   *kase);
void        hk_case_page_set_person   (HkCasePage *self,
                                       HkRecord   *person);
/* Adds a new note or replaces the older revision of the same note. */
void        hk_case_page_upsert_note  (HkCasePage *self,
                                       HkRecord   *note);
/* Every record of the case (hk_vault_list_case_records: notes included),
 * any order; NULL while loading. Rebuilds the sections, the timeline, the
 * summary card and the principles. */
void        hk_case_page_set_case_records (HkCasePage *self,
                                           GPtrArray  *records);
/* Borrowed; NULL until set. */
GPtrArray  *hk_case_page_get_case_records (HkCasePage *self);
/* Any record shown: the case, the person, a note or a casework record. */
HkRecord   *hk_case_page_find_record  (HkCasePage *self,
                                       const char *record_id);
/* The widget showing @record_id in the sections, or NULL. */
GtkWidget  *hk_case_page_find_item    (HkCasePage *self,
                                       const char *record_id);
/* The case's prompts (HkPrompt*, most severe first); copied. */
void        hk_case_page_set_prompts  (HkCasePage *self,
                                       GPtrArray  *prompts);
/* The earlier revisions of a record (oldest first), for the advocacy status
 * history; the page keeps a reference. */
void        hk_case_page_set_record_history (HkCasePage *self,
                                             const char *record_id,
                                             GPtrArray  *revisions);
/* "sections" or "timeline". */
void        hk_case_page_set_view     (HkCasePage *self,
                                       const char *view);
const char *hk_case_page_get_view     (HkCasePage *self);
/* The timeline's rows (HkTimelineRow), newest first. */
GtkListBox *hk_case_page_get_timeline (HkCasePage *self);

/* Drops every record and empties every label (on lock). */
void        hk_case_page_clear        (HkCasePage *self);

HkRecord   *hk_case_page_get_case     (HkCasePage *self);
HkRecord   *hk_case_page_get_person   (HkCasePage *self);
/* The notes shown (HkRecord), newest first. */
GListModel *hk_case_page_get_notes    (HkCasePage *self);
HkRecord   *hk_case_page_find_note    (HkCasePage *self,
                                       const char *note_id);
/* Scrolls back to the top (a new case was shown). */
void        hk_case_page_scroll_to_top (HkCasePage *self);

G_END_DECLS
