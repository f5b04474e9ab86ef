/* hk-case-editor.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-form-window.h"

G_BEGIN_DECLS

typedef enum {
  HK_CASE_EDITOR_NEW,    /* open a new case for a person (or pick the person) */
  HK_CASE_EDITOR_EDIT,   /* every case field */
  HK_CASE_EDITOR_CLOSE,  /* just the closing date; saves status "closed" */
} HkCaseEditorMode;

/**
 * HkCaseEditor:
 *
 * A modal window to open, edit or close a case, with rows built from the
 * case schema and inline validation (a closing date cannot be in the future
 * or before the case was opened). Drafts: "case-new:<person id>" and
 * "case:<id>"; closing keeps none.
 */
#define HK_TYPE_CASE_EDITOR (hk_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (HkCaseEditor, hk_case_editor, HK, CASE_EDITOR, HkFormWindow)

/* @person_id: (nullable): the person; NULL or "" lets the user pick one. */
HkCaseEditor     *hk_case_editor_new_case        (HkVault      *vault,
                                                  const char   *person_id);
HkCaseEditor     *hk_case_editor_new_edit        (HkVault      *vault,
                                                  HkRecord     *kase);
HkCaseEditor     *hk_case_editor_new_close       (HkVault      *vault,
                                                  HkRecord     *kase);
HkCaseEditorMode  hk_case_editor_get_mode        (HkCaseEditor *self);
HkFormFields     *hk_case_editor_get_form        (HkCaseEditor *self);
/* The person picker (an AdwComboRow), shown when no person was given. */
GtkWidget        *hk_case_editor_get_person_row  (HkCaseEditor *self);

G_END_DECLS
