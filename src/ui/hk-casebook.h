/* hk-casebook.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkCasebook:
 *
 * The unlocked part of the main window: an AdwLeaflet with the case list
 * (search-as-you-type, open/closed filter) on the left and the case page
 * (person, case, notes timeline) on the right, plus the editors it opens.
 *
 * Contract with the window (HkWindow):
 * - hk_casebook_set_vault() with an unlocked vault fills the list; with NULL
 *   (on lock) it drops every decrypted record from its models and widgets and
 *   closes its editors. Before that the window calls
 *   hk_casebook_flush_drafts_async() so that nothing typed is lost.
 * - ::toast (const char *title) asks the window to show a toast.
 * - "is-demo" (boolean) shows a clear DEMO marker.
 * - hk_casebook_set_primary_menu() gives the menu for the sidebar header's
 *   primary menu button.
 * - Widget actions (the interface tests and shortcuts use):
 *   casebook.search, casebook.new-person, casebook.new-case (s: person id, "" to pick),
 *   casebook.new-note, casebook.show-case (s: case id), casebook.edit-person,
 *   casebook.edit-case, casebook.close-case, casebook.show-history (s: note id),
 *   casebook.filter (s: "open", "closed" or "all"); also casebook.edit-note
 *   (s: note id), casebook.back (Escape: back to the list when folded) and
 *   casebook.report-error (s: a toast, for the casebook's own views).
 * - Shortcuts (window-wide while unlocked): Ctrl+F search, Ctrl+N new note,
 *   Ctrl+Shift+N new person.
 * - Read-only properties for tests: "current-case-id" (the case shown) and
 *   "loading" (a case is being loaded).
 * - Editors and history windows are modal windows transient for the main
 *   window; when it is an HkWindow they are adopted with
 *   hk_window_adopt_dialog() so typing in them counts as activity.
 */
#define HK_TYPE_CASEBOOK (hk_casebook_get_type ())
G_DECLARE_FINAL_TYPE (HkCasebook, hk_casebook, HK, CASEBOOK, AdwBin)

GtkWidget *hk_casebook_new                 (void);
void       hk_casebook_set_vault           (HkCasebook          *self,
                                            HkVault             *vault);
HkVault   *hk_casebook_get_vault           (HkCasebook          *self);
/* Lists the cases again, after records came in from outside (an import). */
void       hk_casebook_reload              (HkCasebook          *self);
void       hk_casebook_set_primary_menu    (HkCasebook          *self,
                                            GMenuModel          *menu);
void       hk_casebook_flush_drafts_async  (HkCasebook          *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean   hk_casebook_flush_drafts_finish (HkCasebook          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
