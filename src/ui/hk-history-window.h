/* hk-history-window.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkHistoryWindow:
 *
 * A read-only window listing every revision of a record, newest first: the
 * revision number, when and by whom it was saved, and for a note the text
 * then. For any other kind each revision shows what it changed from the one
 * before (a referral's status, a rating), and a desired outcome its wording
 * at the time, large. @note may be a record of any kind; the "note" names
 * are kept for the casebook.
 */
#define HK_TYPE_HISTORY_WINDOW (hk_history_window_get_type ())
G_DECLARE_FINAL_TYPE (HkHistoryWindow, hk_history_window, HK, HISTORY_WINDOW, AdwWindow)

HkHistoryWindow *hk_history_window_new           (HkVault         *vault,
                                                  HkRecord        *note);
const char      *hk_history_window_get_note_id   (HkHistoryWindow *self);
/* Every revision shown (HkRecord), newest first; empty until loaded. */
GListModel      *hk_history_window_get_revisions (HkHistoryWindow *self);
gboolean         hk_history_window_get_loaded    (HkHistoryWindow *self);
/* Drops the decrypted text and closes (on lock). */
void             hk_history_window_shutdown      (HkHistoryWindow *self);

G_END_DECLS
