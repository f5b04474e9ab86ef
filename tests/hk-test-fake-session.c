/* hk-test-fake-session.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CI has no system bus and no desktop, so auto-lock tests bring their own:
 * two GTestDBus daemons and a connection on each that owns the well-known
 * names of the real services and emits their signals on demand.
 */
#include "hk-test-fake-session.h"

struct _HkTestFakeSession
{
  GTestDBus       *session_dbus;
  GTestDBus       *system_dbus;

  GDBusConnection *session_client;
  GDBusConnection *system_client;

  GDBusConnection *screensaver;     /* the fake screensaver, on the session bus */
  GDBusConnection *logind;          /* the fake logind, on the system bus */
};

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (connection);

  return connection;
}

static void
own_name (GDBusConnection *connection,
          const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 result = 0;

  /* Synchronously, so the name is ours before any test step runs. */
  reply = g_dbus_connection_call_sync (connection,
                                       "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", name, 4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* PRIMARY_OWNER */);
}

static void
round_trip (GDBusConnection *connection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (connection,
                                       "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus",
                                       "GetId",
                                       NULL,
                                       G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
}

void
hk_test_fake_session_start_watcher (void)
{
  /* What g_test_dbus_up() and g_test_dbus_down() unset. */
  static const char * const names[] = {
    "DISPLAY",
    "DBUS_SESSION_BUS_ADDRESS",
    "DBUS_STARTER_ADDRESS",
    "DBUS_STARTER_BUS_TYPE",
    "XDG_RUNTIME_DIR",
  };
  g_autoptr(GTestDBus) bus = NULL;
  char *saved[G_N_ELEMENTS (names)];

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    saved[i] = g_strdup (g_getenv (names[i]));

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_test_dbus_down (bus);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (saved[i] != NULL)
        g_setenv (names[i], saved[i], TRUE);
      else
        g_unsetenv (names[i]);
      g_free (saved[i]);
    }
}

HkTestFakeSession *
hk_test_fake_session_new (void)
{
  HkTestFakeSession *self = g_new0 (HkTestFakeSession, 1);

  /* g_test_dbus_up() points DBUS_SESSION_BUS_ADDRESS at the bus it starts:
   * start the "system" one first so the variable ends up naming the session
   * bus, as it would on a desktop. */
  self->system_dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->system_dbus);
  self->session_dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->session_dbus);

  self->session_client = connect_to (self->session_dbus);
  self->system_client = connect_to (self->system_dbus);

  self->screensaver = connect_to (self->session_dbus);
  own_name (self->screensaver, "org.freedesktop.ScreenSaver");
  own_name (self->screensaver, "org.gnome.ScreenSaver");

  self->logind = connect_to (self->system_dbus);
  own_name (self->logind, "org.freedesktop.login1");

  return self;
}

static void
close_connection (GDBusConnection **connection)
{
  if (*connection == NULL)
    return;

  g_dbus_connection_close_sync (*connection, NULL, NULL);
  g_clear_object (connection);
}

void
hk_test_fake_session_free (HkTestFakeSession *self)
{
  if (self == NULL)
    return;

  close_connection (&self->screensaver);
  close_connection (&self->logind);
  close_connection (&self->session_client);
  close_connection (&self->system_client);

  g_test_dbus_down (self->session_dbus);
  g_test_dbus_down (self->system_dbus);
  g_clear_object (&self->session_dbus);
  g_clear_object (&self->system_dbus);

  g_free (self);
}

GDBusConnection *
hk_test_fake_session_get_session_bus (HkTestFakeSession *self)
{
  g_assert_nonnull (self);
  return self->session_client;
}

GDBusConnection *
hk_test_fake_session_get_system_bus (HkTestFakeSession *self)
{
  g_assert_nonnull (self);
  return self->system_client;
}

void
hk_test_fake_session_sync (HkTestFakeSession *self)
{
  g_assert_nonnull (self);

  /* The bus handles one connection's messages in order, so a reply to this
   * call means every AddMatch sent before it is in force. */
  round_trip (self->session_client);
  round_trip (self->system_client);
}

void
hk_test_fake_session_emit_signal (HkTestFakeSession *self,
                                  gboolean           on_system_bus,
                                  const char        *object_path,
                                  const char        *interface_name,
                                  const char        *signal_name,
                                  GVariant          *parameters)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *sender;

  g_assert_nonnull (self);

  sender = on_system_bus ? self->logind : self->screensaver;

  g_dbus_connection_emit_signal (sender, NULL, object_path, interface_name,
                                 signal_name, parameters, &error);
  g_assert_no_error (error);

  g_dbus_connection_flush_sync (sender, NULL, &error);
  g_assert_no_error (error);
}

void
hk_test_fake_session_emit_screensaver_active (HkTestFakeSession *self,
                                              gboolean           active)
{
  hk_test_fake_session_emit_signal (self, FALSE,
                                    "/org/freedesktop/ScreenSaver",
                                    "org.freedesktop.ScreenSaver",
                                    "ActiveChanged",
                                    g_variant_new ("(b)", active));
}

void
hk_test_fake_session_emit_gnome_screensaver_active (HkTestFakeSession *self,
                                                    gboolean           active)
{
  hk_test_fake_session_emit_signal (self, FALSE,
                                    "/org/gnome/ScreenSaver",
                                    "org.gnome.ScreenSaver",
                                    "ActiveChanged",
                                    g_variant_new ("(b)", active));
}

void
hk_test_fake_session_emit_prepare_for_sleep (HkTestFakeSession *self,
                                             gboolean           start)
{
  hk_test_fake_session_emit_signal (self, TRUE,
                                    "/org/freedesktop/login1",
                                    "org.freedesktop.login1.Manager",
                                    "PrepareForSleep",
                                    g_variant_new ("(b)", start));
}

void
hk_test_fake_session_emit_session_lock (HkTestFakeSession *self)
{
  hk_test_fake_session_emit_signal (self, TRUE,
                                    "/org/freedesktop/login1/session/_31",
                                    "org.freedesktop.login1.Session",
                                    "Lock",
                                    NULL);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
hk_test_wait_for_count (const guint *counter,
                        guint        target)
{
  GMainContext *context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) guard = g_timeout_source_new_seconds (30);
  gboolean timed_out = FALSE;

  /* A failure guard only: the loop ends as soon as the events arrive. */
  g_source_set_callback (guard, on_wait_timeout, &timed_out, NULL);
  g_source_attach (guard, context);

  while (*counter < target && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (guard);
  g_main_context_unref (context);

  /* Fails here if the guard fired first. */
  g_assert_cmpuint (*counter, >=, target);
}
