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
 * window, never in its title), the person's details, the case's details and
 * the notes timeline (HkNoteRow, newest first). Buttons activate casebook.*
 * actions; the casebook loads the records and hands them over.
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
