/* hk-recovery-key-page.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkRecoveryKeyPage:
 *
 * Shows a new vault's recovery key once, with "Print…" and "Save…", and a
 * check button that enables "Continue" (::done). The key is wiped from the
 * label and from memory by hk_recovery_key_page_clear(). ::toast (const char *)
 * reports saves and errors.
 */
#define HK_TYPE_RECOVERY_KEY_PAGE (hk_recovery_key_page_get_type ())
G_DECLARE_FINAL_TYPE (HkRecoveryKeyPage, hk_recovery_key_page, HK, RECOVERY_KEY_PAGE, AdwBin)

GtkWidget *hk_recovery_key_page_new     (void);
void       hk_recovery_key_page_set_key (HkRecoveryKeyPage *self,
                                         const HkSecret    *recovery_key,
                                         const char        *vault_id);
void       hk_recovery_key_page_clear   (HkRecoveryKeyPage *self);

G_END_DECLS
