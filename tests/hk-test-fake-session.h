/* hk-test-fake-session.h: private session and system buses with fake
 * screensaver and logind services, for auto-lock tests
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _HkTestFakeSession HkTestFakeSession;

/* GTestDBus forks a watcher process the first time it starts a bus, and the
 * watcher leaves through exit() when this process ends. fork() copies only
 * the calling thread, so if GTK's threads already exist, LeakSanitizer in the
 * watcher cannot scan them and reports whatever only they point to. Call this
 * first thing in main(), before anything starts a thread, to fork the watcher
 * from a single-threaded process. Leaves the environment as it found it. */
void               hk_test_fake_session_start_watcher (void);

/* Starts two private dbus-daemons (one plays the session bus, one the system
 * bus). A fake screensaver owns org.freedesktop.ScreenSaver and
 * org.gnome.ScreenSaver on the first; a fake logind owns org.freedesktop.login1
 * on the second. Fails the test if a bus cannot be started. */
HkTestFakeSession *hk_test_fake_session_new  (void);

/* Stops the services and both buses. Drop every reference to the client
 * connections (monitors included) before calling this. */
void               hk_test_fake_session_free (HkTestFakeSession *self);

/* Connections for the code under test to pass to hk_session_monitor_new().
 * Borrowed; they live until hk_test_fake_session_free(). */
GDBusConnection   *hk_test_fake_session_get_session_bus (HkTestFakeSession *self);
GDBusConnection   *hk_test_fake_session_get_system_bus  (HkTestFakeSession *self);

/* Call after creating the monitor and before emitting: a round trip on both
 * client connections, so their signal subscriptions (AddMatch) have reached
 * the bus and no emitted signal can overtake them. */
void               hk_test_fake_session_sync (HkTestFakeSession *self);

/* org.freedesktop.ScreenSaver.ActiveChanged(b) on /org/freedesktop/ScreenSaver. */
void hk_test_fake_session_emit_screensaver_active       (HkTestFakeSession *self,
                                                         gboolean           active);
/* org.gnome.ScreenSaver.ActiveChanged(b) on /org/gnome/ScreenSaver. */
void hk_test_fake_session_emit_gnome_screensaver_active (HkTestFakeSession *self,
                                                         gboolean           active);
/* org.freedesktop.login1.Manager.PrepareForSleep(b) on /org/freedesktop/login1. */
void hk_test_fake_session_emit_prepare_for_sleep        (HkTestFakeSession *self,
                                                         gboolean           start);
/* org.freedesktop.login1.Session.Lock() on /org/freedesktop/login1/session/_31. */
void hk_test_fake_session_emit_session_lock             (HkTestFakeSession *self);

/* Any signal from the fake screensaver (@on_system_bus FALSE) or the fake
 * logind (TRUE), for malformed and unrelated signals. @parameters is
 * consumed if floating. */
void hk_test_fake_session_emit_signal (HkTestFakeSession *self,
                                       gboolean           on_system_bus,
                                       const char        *object_path,
                                       const char        *interface_name,
                                       const char        *signal_name,
                                       GVariant          *parameters);

/* Iterates the thread-default main context until *@counter >= @target. Fails
 * the test (instead of hanging) if that has not happened after 30 s. */
void hk_test_wait_for_count (const guint *counter,
                             guint        target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkTestFakeSession, hk_test_fake_session_free)

G_END_DECLS
