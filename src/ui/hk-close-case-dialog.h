/* hk-close-case-dialog.h
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
 * HkCloseCaseDialog:
 *
 * Closes a case through hk_vault_close_case_async(). Asks for the closing
 * date (today by default) and, when there is no closing outcome
 * conversation, why not (the case's no_conversation_reason, saved first).
 * If the vault refuses because prompts that block closing are outstanding,
 * the dialog lists them and asks for a reason (required, recorded on the
 * case as override_reason) before "Close Anyway". A modal window
 * implementing HkFormEditor; the reasons autosave as the draft
 * "case-close:<case id>".
 */
#define HK_TYPE_CLOSE_CASE_DIALOG (hk_close_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HkCloseCaseDialog, hk_close_case_dialog, HK, CLOSE_CASE_DIALOG, HkFormWindow)

/* @case_records: every record of the case (for the prompts), or NULL. */
HkCloseCaseDialog *hk_close_case_dialog_new              (HkVault           *vault,
                                                          HkRecord          *kase,
                                                          GPtrArray         *case_records);
/* Rows: "closed_on", "no_conversation_reason", "override_reason". */
HkFormFields      *hk_close_case_dialog_get_form         (HkCloseCaseDialog *self);
/* TRUE once the blocking prompts are shown and a reason is required. */
gboolean           hk_close_case_dialog_get_asking_reason (HkCloseCaseDialog *self);
/* How many blocking prompts are listed. */
guint              hk_close_case_dialog_get_n_blocking   (HkCloseCaseDialog *self);

G_END_DECLS
