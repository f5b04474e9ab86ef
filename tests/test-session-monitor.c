/* test-session-monitor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HkSessionMonitor against fake screensaver and logind services on private
 * buses. Negative cases are followed by a valid "sentinel" signal from the
 * same sender: the bus keeps one sender's signals in order, so once the
 * sentinel has arrived anything the monitor wrongly accepted would have too.
 */
#include "hk-test-utils.h"
#include "hk-test-fake-session.h"

typedef struct {
  HkTestFakeSession *session;
  HkSessionMonitor  *monitor;
  GPtrArray         *reasons;
  guint              count;
} Fixture;

static void
on_lock_requested (HkSessionMonitor *monitor,
                   const char       *reason,
                   gpointer          user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->reasons, g_strdup (reason));
  fixture->count++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = hk_test_fake_session_new ();
  fixture->reasons = g_ptr_array_new_with_free_func (g_free);
  fixture->monitor = hk_session_monitor_new (hk_test_fake_session_get_session_bus (fixture->session),
                                             hk_test_fake_session_get_system_bus (fixture->session));
  g_signal_connect (fixture->monitor, "lock-requested",
                    G_CALLBACK (on_lock_requested), fixture);
  hk_test_fake_session_sync (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->monitor != NULL)
    g_assert_finalize_object (fixture->monitor);
  g_clear_pointer (&fixture->session, hk_test_fake_session_free);
  g_clear_pointer (&fixture->reasons, g_ptr_array_unref);
}

static void
assert_reasons (Fixture    *fixture,
                const char *first,
                ...)
{
  va_list ap;
  guint i = 0;

  va_start (ap, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (ap, const char *), i++)
    {
      g_assert_cmpuint (i, <, fixture->reasons->len);
      g_assert_cmpstr (g_ptr_array_index (fixture->reasons, i), ==, expected);
    }
  va_end (ap);

  g_assert_cmpuint (fixture->reasons->len, ==, i);
}

static void
test_screensaver (Fixture       *fixture,
                  gconstpointer  data)
{
  hk_test_fake_session_emit_screensaver_active (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 1);
  assert_reasons (fixture, "screensaver", NULL);

  hk_test_fake_session_emit_gnome_screensaver_active (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 2);
  assert_reasons (fixture, "screensaver", "screensaver", NULL);
}

static void
test_suspend (Fixture       *fixture,
              gconstpointer  data)
{
  hk_test_fake_session_emit_prepare_for_sleep (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 1);
  assert_reasons (fixture, "suspend", NULL);
}

static void
test_session_lock (Fixture       *fixture,
                   gconstpointer  data)
{
  hk_test_fake_session_emit_session_lock (fixture->session);
  hk_test_wait_for_count (&fixture->count, 1);
  assert_reasons (fixture, "session-lock", NULL);

  /* Any session object path counts. */
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1/session/c2",
                                    "org.freedesktop.login1.Session", "Lock", NULL);
  hk_test_wait_for_count (&fixture->count, 2);
  assert_reasons (fixture, "session-lock", "session-lock", NULL);
}

static void
test_false_values (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Screen saver ending and resume from sleep must not lock. */
  hk_test_fake_session_emit_screensaver_active (fixture->session, FALSE);
  hk_test_fake_session_emit_gnome_screensaver_active (fixture->session, FALSE);
  hk_test_fake_session_emit_screensaver_active (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 1);

  hk_test_fake_session_emit_prepare_for_sleep (fixture->session, FALSE);
  hk_test_fake_session_emit_session_lock (fixture->session);
  hk_test_wait_for_count (&fixture->count, 2);

  assert_reasons (fixture, "screensaver", "session-lock", NULL);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const screensavers[][2] = {
    { "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver" },
    { "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (screensavers); i++)
    {
      const char *path = screensavers[i][0];
      const char *iface = screensavers[i][1];

      hk_test_fake_session_emit_signal (fixture->session, FALSE, path, iface, "ActiveChanged", NULL);
      hk_test_fake_session_emit_signal (fixture->session, FALSE, path, iface, "ActiveChanged",
                                        g_variant_new ("(s)", "true"));
      hk_test_fake_session_emit_signal (fixture->session, FALSE, path, iface, "ActiveChanged",
                                        g_variant_new ("(u)", 1));
      hk_test_fake_session_emit_signal (fixture->session, FALSE, path, iface, "ActiveChanged",
                                        g_variant_new ("(bb)", TRUE, TRUE));
      hk_test_fake_session_emit_signal (fixture->session, FALSE, path, iface, "ActiveChanged",
                                        g_variant_new ("(v)", g_variant_new_boolean (TRUE)));
    }

  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                    "PrepareForSleep", NULL);
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                    "PrepareForSleep", g_variant_new ("(i)", 1));
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                    "PrepareForSleep", g_variant_new ("(bs)", TRUE, "x"));
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1/session/_31", "org.freedesktop.login1.Session",
                                    "Lock", g_variant_new ("(b)", TRUE));

  /* Sentinels, one per sender. */
  hk_test_fake_session_emit_gnome_screensaver_active (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 1);
  hk_test_fake_session_emit_prepare_for_sleep (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 2);

  assert_reasons (fixture, "screensaver", "suspend", NULL);
}

static void
test_unrelated (Fixture       *fixture,
                gconstpointer  data)
{
  /* Right member, wrong path or interface. */
  hk_test_fake_session_emit_signal (fixture->session, FALSE,
                                    "/org/freedesktop/ScreenSaver/Other", "org.freedesktop.ScreenSaver",
                                    "ActiveChanged", g_variant_new ("(b)", TRUE));
  hk_test_fake_session_emit_signal (fixture->session, FALSE,
                                    "/org/gnome/ScreenSaver", "org.freedesktop.ScreenSaver",
                                    "ActiveChanged", g_variant_new ("(b)", TRUE));
  hk_test_fake_session_emit_signal (fixture->session, FALSE,
                                    "/org/freedesktop/ScreenSaver", "org.example.ScreenSaver",
                                    "ActiveChanged", g_variant_new ("(b)", TRUE));
  /* Other members of the same interfaces. */
  hk_test_fake_session_emit_signal (fixture->session, FALSE,
                                    "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                                    "WakeUpScreen", NULL);
  /* logind signals on the session bus are not logind. */
  hk_test_fake_session_emit_signal (fixture->session, FALSE,
                                    "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                    "PrepareForSleep", g_variant_new ("(b)", TRUE));

  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                    "PrepareForShutdown", g_variant_new ("(b)", TRUE));
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1/session/_31", "org.freedesktop.login1.Session",
                                    "Unlock", NULL);
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1/user/_1000", "org.freedesktop.login1.User",
                                    "Lock", NULL);
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/login1/seat/seat0", "org.freedesktop.login1.Manager",
                                    "PrepareForSleep", g_variant_new ("(b)", TRUE));
  /* Screen saver signals on the system bus are not the session's. */
  hk_test_fake_session_emit_signal (fixture->session, TRUE,
                                    "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                                    "ActiveChanged", g_variant_new ("(b)", TRUE));

  hk_test_fake_session_emit_screensaver_active (fixture->session, TRUE);
  hk_test_wait_for_count (&fixture->count, 1);
  hk_test_fake_session_emit_session_lock (fixture->session);
  hk_test_wait_for_count (&fixture->count, 2);

  assert_reasons (fixture, "screensaver", "session-lock", NULL);
}

static void
on_lock_requested_fail (HkSessionMonitor *monitor,
                        const char       *reason,
                        gpointer          user_data)
{
  g_assert_not_reached ();
}

static void
test_disposed (Fixture       *fixture,
               gconstpointer  data)
{
  HkSessionMonitor *doomed;

  /* A monitor that is gone must not be called back, even for signals
   * already on their way to it. */
  doomed = hk_session_monitor_new (hk_test_fake_session_get_session_bus (fixture->session),
                                   hk_test_fake_session_get_system_bus (fixture->session));
  g_signal_connect (doomed, "lock-requested", G_CALLBACK (on_lock_requested_fail), NULL);
  hk_test_fake_session_sync (fixture->session);

  hk_test_fake_session_emit_screensaver_active (fixture->session, TRUE);
  hk_test_fake_session_emit_prepare_for_sleep (fixture->session, TRUE);
  g_assert_finalize_object (doomed);

  hk_test_wait_for_count (&fixture->count, 2);
  hk_test_fake_session_emit_screensaver_active (fixture->session, TRUE);
  hk_test_fake_session_emit_session_lock (fixture->session);
  hk_test_wait_for_count (&fixture->count, 4);

  g_assert_cmpuint (fixture->count, ==, 4);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDBusConnection) session_bus = NULL;
  g_autoptr(GDBusConnection) system_bus = NULL;

  g_object_get (fixture->monitor,
                "session-bus", &session_bus,
                "system-bus", &system_bus,
                NULL);
  g_assert_true (session_bus == hk_test_fake_session_get_session_bus (fixture->session));
  g_assert_true (system_bus == hk_test_fake_session_get_system_bus (fixture->session));
}

static void
test_no_buses (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(HkSessionMonitor) monitor = NULL;
      g_autoptr(GDBusConnection) session_bus = NULL;
      g_autoptr(GDBusConnection) system_bus = NULL;

      /* Addresses that lead nowhere, as on a machine without D-Bus. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hearken-test/session", TRUE);
      g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/hearken-test/system", TRUE);

      monitor = hk_session_monitor_new (NULL, NULL);
      g_assert_nonnull (monitor);

      g_object_get (monitor,
                    "session-bus", &session_bus,
                    "system-bus", &system_bus,
                    NULL);
      g_assert_null (session_bus);
      g_assert_null (system_bus);

      g_assert_finalize_object (g_steal_pointer (&monitor));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* Silence: at most a g_debug, which is not shown by default. */
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session-monitor/screensaver", test_screensaver);
  ADD ("/session-monitor/suspend", test_suspend);
  ADD ("/session-monitor/session-lock", test_session_lock);
  ADD ("/session-monitor/false-values", test_false_values);
  ADD ("/session-monitor/malformed", test_malformed);
  ADD ("/session-monitor/unrelated", test_unrelated);
  ADD ("/session-monitor/disposed", test_disposed);
  ADD ("/session-monitor/properties", test_properties);

#undef ADD

  g_test_add_func ("/session-monitor/no-buses", test_no_buses);

  return g_test_run ();
}
