/* hk-note-row.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkNoteRow:
 *
 * One note in a case's timeline: kind (icon and label), when it happened,
 * a "Late entry" tag, who was present, the text, and an "Edited" link to the
 * note's history when it has earlier revisions.
 */
#define HK_TYPE_NOTE_ROW (hk_note_row_get_type ())
G_DECLARE_FINAL_TYPE (HkNoteRow, hk_note_row, HK, NOTE_ROW, GtkListBoxRow)

GtkWidget  *hk_note_row_new      (HkRecord  *note);
HkRecord   *hk_note_row_get_note (HkNoteRow *self);
/* The icon name of a note kind code. */
const char *hk_note_kind_get_icon_name (const char *kind);

G_END_DECLS
