/* test-ui-autolock.c: the vault locks on screen lock, suspend and inactivity
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application gets private buses with a fake screensaver and a fake
 * logind (CI has neither a desktop nor a system bus), and a real window with
 * an unlocked vault; the fakes emit the desktop's signals and the test checks
 * the vault through the core API.
 */
#include "config.h"

#include "hk-application.h"
#include "hk-casebook.h"
#include "hk-preferences-window.h"
#include "hk-test-fake-session.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

static HkTestFakeSession *fake_session;
static HkApplication *app;

typedef struct {
  char      *dir;
  HkWindow  *window;
  GSettings *settings;
  guint      lock_requests;
  gulong     handler;
} Fixture;

static void
on_lock_requested_cb (HkSessionMonitor *monitor,
                      const char       *reason,
                      Fixture          *fixture)
{
  fixture->lock_requests++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  /* The memory backend lives as long as the process: start from defaults. */
  g_settings_reset (fixture->settings, "auto-lock-minutes");
  g_settings_reset (fixture->settings, "lock-on-screen-lock");
  g_settings_reset (fixture->settings, "lock-on-suspend");

  fixture->dir = hk_test_make_tmpdir ();
  fixture->window = hk_test_ui_new_unlocked_window (fixture->dir, GTK_APPLICATION (app));
  g_assert_false (hk_vault_is_locked (hk_window_get_vault (fixture->window)));

  /* Connected after the application's own handler, so by the time this one
   * counts a request the application has acted on it. */
  fixture->handler = g_signal_connect (hk_application_get_session_monitor (app), "lock-requested",
                                       G_CALLBACK (on_lock_requested_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handler_disconnect (hk_application_get_session_monitor (app), fixture->handler);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  hk_test_ui_flush ();
  hk_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->settings);
}

static void
assert_locked (Fixture *fixture)
{
  HkVault *vault = hk_window_get_vault (fixture->window);

  hk_test_ui_wait_for_page (fixture->window, "unlock");
  g_assert_true (hk_vault_is_locked (vault));
  g_assert_null (hk_casebook_get_vault (_hk_window_get_casebook (fixture->window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hk_test_ui_get_by_id (
                     _hk_window_get_page (fixture->window, "unlock"), "passphrase_entry"))), ==, "");
}

static void
assert_unlocked (Fixture *fixture)
{
  g_assert_cmpstr (_hk_window_get_page_name (fixture->window), ==, "casebook");
  g_assert_false (_hk_window_is_locking (fixture->window));
  g_assert_false (hk_vault_is_locked (hk_window_get_vault (fixture->window)));
  g_assert_true (hk_casebook_get_vault (_hk_window_get_casebook (fixture->window)) ==
                 hk_window_get_vault (fixture->window));
}

static void
test_screensaver (Fixture       *fixture,
                  gconstpointer  data)
{
  hk_test_fake_session_emit_screensaver_active (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  assert_locked (fixture);
}

static void
test_gnome_screensaver (Fixture       *fixture,
                        gconstpointer  data)
{
  hk_test_fake_session_emit_gnome_screensaver_active (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  assert_locked (fixture);
}

static void
test_session_lock (Fixture       *fixture,
                   gconstpointer  data)
{
  hk_test_fake_session_emit_session_lock (fake_session);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  assert_locked (fixture);
}

static void
test_suspend (Fixture       *fixture,
              gconstpointer  data)
{
  hk_test_fake_session_emit_prepare_for_sleep (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  assert_locked (fixture);

  /* A second request while locked changes nothing and does not fail. */
  hk_test_fake_session_emit_prepare_for_sleep (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 2);
  assert_locked (fixture);
}

static void
test_suspend_disabled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "lock-on-suspend", FALSE);

  hk_test_fake_session_emit_prepare_for_sleep (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  hk_test_ui_flush ();
  assert_unlocked (fixture);

  /* The screen lock setting is separate and still on. */
  hk_test_fake_session_emit_screensaver_active (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 2);
  assert_locked (fixture);
}

static void
test_screen_lock_disabled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "lock-on-screen-lock", FALSE);

  hk_test_fake_session_emit_screensaver_active (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 1);
  hk_test_ui_flush ();
  assert_unlocked (fixture);

  hk_test_fake_session_emit_prepare_for_sleep (fake_session, TRUE);
  hk_test_wait_for_count (&fixture->lock_requests, 2);
  assert_locked (fixture);
}

static void
test_idle_timeout (Fixture       *fixture,
                   gconstpointer  data)
{
  g_settings_set_uint (fixture->settings, "auto-lock-minutes", 5);
  _hk_window_simulate_idle_timeout (fixture->window);
  assert_locked (fixture);
}

static void
test_idle_never (Fixture       *fixture,
                 gconstpointer  data)
{
  g_settings_set_uint (fixture->settings, "auto-lock-minutes", 0);
  _hk_window_simulate_idle_timeout (fixture->window);
  hk_test_ui_flush ();
  assert_unlocked (fixture);

  /* Turning auto-lock back on applies at once. */
  g_settings_set_uint (fixture->settings, "auto-lock-minutes", 1);
  _hk_window_simulate_idle_timeout (fixture->window);
  assert_locked (fixture);
}

static void
test_app_lock_action (Fixture       *fixture,
                      gconstpointer  data)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  assert_locked (fixture);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *prefs = hk_preferences_window_new (fixture->window);
  AdwComboRow *row = ADW_COMBO_ROW (hk_test_ui_get_by_id (prefs, "auto_lock_row"));
  GtkSwitch *suspend = GTK_SWITCH (hk_test_ui_get_by_id (prefs, "suspend_switch"));

  /* The combo row and the switches are bound to GSettings both ways. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, hk_preferences_auto_lock_minutes_to_index (5));
  adw_combo_row_set_selected (row, hk_preferences_auto_lock_minutes_to_index (15));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "auto-lock-minutes"), ==, 15);
  g_settings_set_uint (fixture->settings, "auto-lock-minutes", 0);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  g_assert_true (gtk_switch_get_active (suspend));
  gtk_switch_set_active (suspend, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "lock-on-suspend"));

  /* Changing the passphrase needs the vault unlocked. */
  g_assert_true (gtk_widget_get_sensitive (hk_test_ui_get_by_id (prefs, "change_passphrase_row")));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_auto_lock_choices (void)
{
  g_assert_cmpuint (hk_preferences_auto_lock_index_to_minutes (0), ==, 0);
  g_assert_cmpuint (hk_preferences_auto_lock_minutes_to_index (0), ==, 0);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpuint (hk_preferences_auto_lock_minutes_to_index (hk_preferences_auto_lock_index_to_minutes (i)), ==, i);
  /* Values only GSettings can hold show as the next shorter choice. */
  g_assert_cmpuint (hk_preferences_auto_lock_index_to_minutes (hk_preferences_auto_lock_minutes_to_index (7)), ==, 5);
  g_assert_cmpuint (hk_preferences_auto_lock_index_to_minutes (hk_preferences_auto_lock_minutes_to_index (240)), ==, 60);
}

static void
test_idle_arithmetic (void)
{
  const gint64 minute = 60 * G_USEC_PER_SEC;
  const gint64 t0 = 1000 * G_USEC_PER_SEC;

  /* 0 minutes means never. */
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 + 1000 * minute, 0), ==, -1);
  /* Just after input: the whole period is left. */
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0, 5), ==, 5 * minute);
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 + 2 * minute, 5), ==, 3 * minute);
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 + 5 * minute - 1, 5), ==, 1);
  /* Due exactly at the period, and still due long after. */
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 + 5 * minute, 5), ==, 0);
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 + 500 * minute, 5), ==, 0);
  /* A clock that went backwards never locks early. */
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0 - minute, 5), ==, 5 * minute);
  /* Long periods do not overflow. */
  g_assert_cmpint (_hk_idle_remaining_usec (t0, t0, 240), ==, 240 * minute);
}

/* The tests run inside g_application_run(), so the application registers,
 * starts up (creating the session monitor) and unregisters the normal way. */
static void
on_activate_cb (GApplication *application,
                int          *result)
{
  /* Instead of the default handler, which would open the user's own vault. */
  g_signal_stop_emission_by_name (application, "activate");

  g_assert_nonnull (hk_application_get_session_monitor (app));
  hk_test_fake_session_sync (fake_session);

#define ADD(path, func) \
  g_test_add ("/ui/autolock/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("screensaver", test_screensaver);
  ADD ("gnome-screensaver", test_gnome_screensaver);
  ADD ("session-lock", test_session_lock);
  ADD ("suspend", test_suspend);
  ADD ("suspend-disabled", test_suspend_disabled);
  ADD ("screen-lock-disabled", test_screen_lock_disabled);
  ADD ("idle-timeout", test_idle_timeout);
  ADD ("idle-never", test_idle_never);
  ADD ("app-lock-action", test_app_lock_action);
  ADD ("preferences", test_preferences);
#undef ADD
  g_test_add_func ("/ui/autolock/idle-arithmetic", test_idle_arithmetic);
  g_test_add_func ("/ui/autolock/auto-lock-choices", test_auto_lock_choices);

  *result = g_test_run ();
}

int
main (int   argc,
      char *argv[])
{
  int result = 1;

  hk_test_fake_session_start_watcher ();

  /* g_test_dbus_down() waits for the session bus singleton to be finalised,
   * but GTK and libadwaita would keep one for their portal proxies as long as
   * the process lives. So this process gets no session bus of its own at all
   * (GApplication then runs as a plain non-unique application), and only the
   * monitor talks D-Bus, on the fake buses it is handed. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  /* After GTK has its display: GTestDBus unsets DISPLAY and points the
   * session bus address at its own bus. */
  fake_session = hk_test_fake_session_new ();
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);

  app = g_object_new (HK_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/org/hearken/Hearken",
                      "session-bus", hk_test_fake_session_get_session_bus (fake_session),
                      "system-bus", hk_test_fake_session_get_system_bus (fake_session),
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &result);
  g_application_run (G_APPLICATION (app), 0, NULL);

  /* The monitor holds the fake buses' client connections: drop it first. */
  g_assert_finalize_object (app);
  app = NULL;

  g_clear_pointer (&fake_session, hk_test_fake_session_free);

  return result;
}
