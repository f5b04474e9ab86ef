/* hk-unlock-page.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkUnlockPage:
 *
 * Passphrase entry and "unlock-page.unlock" (Enter), which runs
 * hk_vault_unlock_async() with a spinner and emits ::unlocked. Errors appear
 * under the entry. "unlock-page.recover" opens the recovery key dialog. Shows
 * a DEMO marker for demo vaults and a warning when the vault is on a network
 * drive.
 */
#define HK_TYPE_UNLOCK_PAGE (hk_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (HkUnlockPage, hk_unlock_page, HK, UNLOCK_PAGE, AdwBin)

GtkWidget *hk_unlock_page_new       (void);
void       hk_unlock_page_set_vault (HkUnlockPage *self,
                                     HkVault      *vault);
HkVault   *hk_unlock_page_get_vault (HkUnlockPage *self);
/* Empties the entry and the error message. */
void       hk_unlock_page_reset     (HkUnlockPage *self);
/* Message for an unlock, open or recovery failure, for the user. */
char      *hk_unlock_page_describe_error (const GError *error);

G_END_DECLS
