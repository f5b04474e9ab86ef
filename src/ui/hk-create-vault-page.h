/* hk-create-vault-page.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkCreateVaultPage:
 *
 * Owner name and a new passphrase; "create-page.create" runs
 * hk_vault_create_async() with a spinner and emits ::created (HkVault *vault,
 * HkSecret *recovery_key, both borrowed for the emission).
 */
#define HK_TYPE_CREATE_VAULT_PAGE (hk_create_vault_page_get_type ())
G_DECLARE_FINAL_TYPE (HkCreateVaultPage, hk_create_vault_page, HK, CREATE_VAULT_PAGE, AdwBin)

GtkWidget *hk_create_vault_page_new    (void);
void       hk_create_vault_page_setup  (HkCreateVaultPage *self,
                                        const char        *vault_path,
                                        HkKdfProfile       kdf_profile);
void       hk_create_vault_page_reset  (HkCreateVaultPage *self);
/* @path with the home folder shown as "~", for labels. */
char      *hk_create_vault_page_display_path (const char *path);

G_END_DECLS
