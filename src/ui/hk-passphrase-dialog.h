/* hk-passphrase-dialog.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

typedef enum {
  HK_PASSPHRASE_DIALOG_CHANGE,   /* current passphrase, then a new one */
  HK_PASSPHRASE_DIALOG_RECOVER,  /* recovery key, then a new passphrase */
} HkPassphraseDialogMode;

/**
 * HkPassphraseDialog:
 *
 * A small modal window that changes the passphrase
 * (hk_vault_change_passphrase_async) or recovers with the recovery key
 * (hk_vault_recover_async, which also unlocks). Emits ::done on success and
 * closes itself.
 */
#define HK_TYPE_PASSPHRASE_DIALOG (hk_passphrase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HkPassphraseDialog, hk_passphrase_dialog, HK, PASSPHRASE_DIALOG, AdwWindow)

GtkWidget *hk_passphrase_dialog_new (GtkWindow              *parent,
                                     HkVault                *vault,
                                     HkPassphraseDialogMode  mode);

G_END_DECLS
