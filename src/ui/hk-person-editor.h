/* hk-person-editor.h
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
 * HkPersonEditor:
 *
 * A modal window to add a person or edit one, with rows built from the
 * person schema and inline validation. A new person can have a case opened
 * straight away ("Open a case now", on by default); ::saved then carries the
 * case as its second record. Drafts: "person-new" or "person:<id>".
 */
#define HK_TYPE_PERSON_EDITOR (hk_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (HkPersonEditor, hk_person_editor, HK, PERSON_EDITOR, HkFormWindow)

/* @person: (nullable): the person to edit, or NULL to add one. */
HkPersonEditor *hk_person_editor_new           (HkVault        *vault,
                                                HkRecord       *person);
HkRecord       *hk_person_editor_get_person    (HkPersonEditor *self);
HkFormFields   *hk_person_editor_get_form      (HkPersonEditor *self);
/* The "Open a case now" check button (new people only). */
GtkWidget      *hk_person_editor_get_open_case_check (HkPersonEditor *self);

G_END_DECLS
