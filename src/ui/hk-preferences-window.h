/* hk-preferences-window.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-window.h"

G_BEGIN_DECLS

/**
 * HkPreferencesWindow:
 *
 * Security (auto-lock period, lock on screen lock and suspend, change
 * passphrase) and Vault (location, network drive warning, back up, restore).
 * Settings are bound to GSettings; vault actions act on @window's vault.
 */
#define HK_TYPE_PREFERENCES_WINDOW (hk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HkPreferencesWindow, hk_preferences_window, HK, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *hk_preferences_window_new (HkWindow *window);

/* Auto-lock choices shown in the combo row, in minutes (0 = never). */
guint      hk_preferences_auto_lock_index_to_minutes (guint index);
guint      hk_preferences_auto_lock_minutes_to_index (guint minutes);

G_END_DECLS
