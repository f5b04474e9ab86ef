/* hk-window.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkWindow:
 *
 * The main window. It follows one vault through its life: first run (create
 * a vault, try the demo, open another), unlock, the casebook while unlocked,
 * and lock (by action, idle timeout or the session monitor).
 *
 * Properties: "vault-path" (construct; default from GSettings "vault-path" or
 * hk_vault_get_default_path()) and "kdf-profile" (construct-only; tests pass
 * HK_KDF_PROFILE_TEST_WEAK). The title is always "Hearken".
 *
 * Actions: win.lock, win.new-vault, win.try-demo, win.open-other,
 * win.show-start, win.retry, win.backup, win.restore, win.activity-log.
 */
#define HK_TYPE_WINDOW (hk_window_get_type ())
G_DECLARE_FINAL_TYPE (HkWindow, hk_window, HK, WINDOW, AdwApplicationWindow)

HkWindow     *hk_window_new              (GtkApplication *application);
const char   *hk_window_get_vault_path   (HkWindow       *self);
HkKdfProfile  hk_window_get_kdf_profile  (HkWindow       *self);
HkVault      *hk_window_get_vault        (HkWindow       *self);
gboolean      hk_window_is_unlocked      (HkWindow       *self);
void          hk_window_lock             (HkWindow       *self);
void          hk_window_add_toast        (HkWindow       *self,
                                          const char     *title);
/* Input in @dialog counts as activity for auto-lock; with @close_on_lock it
 * is destroyed when the vault locks (for anything showing vault content). */
void          hk_window_adopt_dialog     (HkWindow       *self,
                                          GtkWindow      *dialog,
                                          gboolean        close_on_lock);

G_END_DECLS
