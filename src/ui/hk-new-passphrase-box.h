/* hk-new-passphrase-box.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkNewPassphraseBox:
 *
 * A new passphrase typed twice, with a live strength bar and feedback in
 * words from hk_passphrase_quality_check(), and a mismatch message. Used when
 * creating a vault, changing the passphrase and recovering.
 *
 * "acceptable" (read-only) is TRUE when the passphrase is strong enough and
 * both entries match. "user-name" feeds the quality check (a passphrase that
 * contains the user's name is weaker). ::activate is emitted when Enter is
 * pressed in the confirmation entry.
 */
#define HK_TYPE_NEW_PASSPHRASE_BOX (hk_new_passphrase_box_get_type ())
G_DECLARE_FINAL_TYPE (HkNewPassphraseBox, hk_new_passphrase_box, HK, NEW_PASSPHRASE_BOX, GtkBox)

GtkWidget *hk_new_passphrase_box_new            (void);
gboolean   hk_new_passphrase_box_get_acceptable (HkNewPassphraseBox *self);
void       hk_new_passphrase_box_set_user_name  (HkNewPassphraseBox *self,
                                                 const char         *user_name);
/* Copies the passphrase into secure memory and clears both entries. */
HkSecret  *hk_new_passphrase_box_take_secret    (HkNewPassphraseBox *self);
void       hk_new_passphrase_box_clear          (HkNewPassphraseBox *self);

G_END_DECLS
