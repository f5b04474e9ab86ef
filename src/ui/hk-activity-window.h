/* hk-activity-window.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkActivityWindow:
 *
 * The vault's activity log (time, event, record kind), read with
 * hk_vault_read_activity_async(). Shows no personal content.
 */
#define HK_TYPE_ACTIVITY_WINDOW (hk_activity_window_get_type ())
G_DECLARE_FINAL_TYPE (HkActivityWindow, hk_activity_window, HK, ACTIVITY_WINDOW, AdwWindow)

GtkWidget *hk_activity_window_new (GtkWindow *parent,
                                   HkVault   *vault);

G_END_DECLS
