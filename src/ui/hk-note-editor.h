/* hk-note-editor.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-form-window.h"

G_BEGIN_DECLS

/**
 * HkNoteEditor:
 *
 * A modal window to write a new note on a case or edit one: kind, when it
 * happened (date and time, default now, not in the future), who was present
 * (one name per line) and the text. Autosaves an encrypted draft under
 * "note-new:<case id>" or "note:<note id>" after a pause in typing, when it
 * is closed or destroyed, and restores it when opened again. Cancel and
 * Escape keep what was typed as a draft.
 */
#define HK_TYPE_NOTE_EDITOR (hk_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (HkNoteEditor, hk_note_editor, HK, NOTE_EDITOR, HkFormWindow)

/* @note: (nullable): the note to edit, or NULL for a new note on @case_id. */
HkNoteEditor *hk_note_editor_new      (HkVault      *vault,
                                       const char   *case_id,
                                       HkRecord     *note);
const char   *hk_note_editor_get_case_id (HkNoteEditor *self);
HkRecord     *hk_note_editor_get_note (HkNoteEditor *self);
HkFormFields *hk_note_editor_get_form (HkNoteEditor *self);
/* The draft key: "note-new:<case id>" or "note:<note id>". */
char         *hk_note_editor_draft_key (const char  *case_id,
                                        HkRecord    *note);

G_END_DECLS
