/* hk-record-editor.h: the editor for every casework record kind
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
 * HkRecordEditor:
 *
 * A modal editor window (implements HkFormEditor: ::saved, ::toast, ::closed,
 * drafts) for the Making Safeguarding Personal record kinds: concern,
 * enquiry, risk, outcome conversation, desired outcome, capacity assessment
 * (a guided, step-by-step form with the five statutory principles at hand),
 * best-interests decision, advocacy referral and action. Its rows come from
 * the field schema (hk_record_kind_get_fields), validation from
 * hk_record_validate, and its draft key is "record-new:<kind>:<parent id>"
 * or "record:<id>".
 *
 * @case_records: every record of the case (hk_vault_list_case_records), used
 * to offer the links a form needs (the conversation a desired outcome came
 * from, the assessment a best-interests decision rests on). May be NULL.
 */
#define HK_TYPE_RECORD_EDITOR (hk_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (HkRecordEditor, hk_record_editor, HK, RECORD_EDITOR, HkFormWindow)

/* A new record of @kind under @parent_id (a case id, or an enquiry id for a risk). */
HkRecordEditor *hk_record_editor_new_create (HkVault      *vault,
                                             HkRecordKind  kind,
                                             const char   *parent_id,
                                             GPtrArray    *case_records);
/* Edits @record (a new revision; the history is kept). */
HkRecordEditor *hk_record_editor_new_edit   (HkVault      *vault,
                                             HkRecord     *record,
                                             GPtrArray    *case_records);
HkRecordKind    hk_record_editor_get_kind   (HkRecordEditor *self);

/* Additions (msp-forms), for the case page and for tests: */

/* The parent the record hangs off (a case id, or an enquiry id for a risk). */
const char     *hk_record_editor_get_parent_id (HkRecordEditor *self);
/* The record being edited, or NULL for a new one. */
HkRecord       *hk_record_editor_get_record    (HkRecordEditor *self);
/* The form's rows (for tests: set text on the real inputs). */
HkFormFields   *hk_record_editor_get_form      (HkRecordEditor *self);
/* The draft key (and HkFormEditor identity) of an editor for @record, or
 * for a new record of @kind under @parent_id: "record:<id>" or
 * "record-new:<kind>:<parent id>", where <kind> is
 * hk_record_kind_to_string(). A restored draft's payload also carries
 * "kind", "parent-id" and, for an edit, "record-id" and "base-revision". */
char           *hk_record_editor_draft_key     (HkRecordKind  kind,
                                                const char   *parent_id,
                                                HkRecord     *record);

G_END_DECLS
