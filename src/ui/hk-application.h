/* hk-application.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkApplication:
 *
 * The application: app.* actions (quit, preferences, about, lock), the
 * shortcuts window, and the session monitor that locks every window's vault
 * when the screen locks or the machine suspends.
 *
 * The construct-only properties "session-bus" and "system-bus" (both
 * GDBusConnection, NULL = the real buses) let tests hand the session monitor
 * private buses with fake screensaver and logind services.
 */
#define HK_TYPE_APPLICATION (hk_application_get_type ())
G_DECLARE_FINAL_TYPE (HkApplication, hk_application, HK, APPLICATION, AdwApplication)

HkApplication    *hk_application_new                 (void);
HkSessionMonitor *hk_application_get_session_monitor (HkApplication *self);
void              hk_application_lock_all            (HkApplication *self);

G_END_DECLS
