/* hk-session-monitor.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * HkSessionMonitor:
 *
 * Watches the desktop session for reasons to lock the vault: the screen
 * saver activating (org.freedesktop.ScreenSaver and org.gnome.ScreenSaver
 * ActiveChanged on the session bus) and the machine going to sleep (logind
 * PrepareForSleep on the system bus). Emits ::lock-requested with a short
 * untranslated reason ("screensaver", "suspend"). Buses that are missing are
 * ignored. Tests pass private buses.
 */
#define HK_TYPE_SESSION_MONITOR (hk_session_monitor_get_type ())
G_DECLARE_FINAL_TYPE (HkSessionMonitor, hk_session_monitor, HK, SESSION_MONITOR, GObject)

/* Either bus may be NULL, meaning "get the real one if there is one". */
HkSessionMonitor *hk_session_monitor_new (GDBusConnection *session_bus,
                                          GDBusConnection *system_bus);

G_END_DECLS
