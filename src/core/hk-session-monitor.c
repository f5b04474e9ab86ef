/* hk-session-monitor.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Listens for the desktop telling us the user has walked away: the screen
 * saver starting, the session being locked, or the machine suspending. Any
 * sender may trigger a lock, since locking is always the safe direction; we
 * only insist that the signal has the documented signature.
 */

#include "config.h"

#include "hearken/hk-session-monitor.h"

struct _HkSessionMonitor
{
  GObject parent_instance;

  GDBusConnection *session_bus;
  GDBusConnection *system_bus;

  guint freedesktop_screensaver_id;
  guint gnome_screensaver_id;
  guint prepare_for_sleep_id;
  guint session_lock_id;
};

G_DEFINE_FINAL_TYPE (HkSessionMonitor, hk_session_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION_BUS,
  PROP_SYSTEM_BUS,
  N_PROPS
};

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
request_lock (HkSessionMonitor *self,
              const char       *reason)
{
  g_signal_emit (self, signals[LOCK_REQUESTED], 0, reason);
}

static void
on_screensaver_active_changed (GDBusConnection *connection,
                               const char      *sender_name,
                               const char      *object_path,
                               const char      *interface_name,
                               const char      *signal_name,
                               GVariant        *parameters,
                               gpointer         user_data)
{
  HkSessionMonitor *self = user_data;
  gboolean active = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  if (active)
    request_lock (self, "screensaver");
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  HkSessionMonitor *self = user_data;
  gboolean starting = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  /* FALSE is the resume notification: nothing to do. */
  g_variant_get (parameters, "(b)", &starting);
  if (starting)
    request_lock (self, "suspend");
}

static void
on_session_lock (GDBusConnection *connection,
                 const char      *sender_name,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  HkSessionMonitor *self = user_data;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE_UNIT))
    return;

  request_lock (self, "session-lock");
}

static guint
subscribe (HkSessionMonitor    *self,
           GDBusConnection     *bus,
           const char          *interface_name,
           const char          *member,
           const char          *object_path,
           GDBusSignalCallback  callback)
{
  /* The callbacks hold no reference: dispose unsubscribes, and GDBus does not
   * run a callback whose subscription is gone. */
  return g_dbus_connection_signal_subscribe (bus,
                                             NULL,
                                             interface_name,
                                             member,
                                             object_path,
                                             NULL,
                                             G_DBUS_SIGNAL_FLAGS_NONE,
                                             callback,
                                             self,
                                             NULL);
}

static void
unsubscribe (GDBusConnection *bus,
             guint           *id)
{
  if (*id != 0 && bus != NULL)
    g_dbus_connection_signal_unsubscribe (bus, *id);
  *id = 0;
}

static GDBusConnection *
get_default_bus (GBusType bus_type)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_sync (bus_type, NULL, &error);
  if (bus == NULL)
    return NULL;

  if (g_dbus_connection_is_closed (bus))
    {
      g_object_unref (bus);
      return NULL;
    }

  return bus;
}

static void
hk_session_monitor_constructed (GObject *object)
{
  HkSessionMonitor *self = HK_SESSION_MONITOR (object);

  G_OBJECT_CLASS (hk_session_monitor_parent_class)->constructed (object);

  if (self->session_bus == NULL)
    self->session_bus = get_default_bus (G_BUS_TYPE_SESSION);
  if (self->system_bus == NULL)
    self->system_bus = get_default_bus (G_BUS_TYPE_SYSTEM);

  if (self->session_bus != NULL)
    {
      self->freedesktop_screensaver_id =
        subscribe (self, self->session_bus,
                   "org.freedesktop.ScreenSaver", "ActiveChanged",
                   "/org/freedesktop/ScreenSaver",
                   on_screensaver_active_changed);
      self->gnome_screensaver_id =
        subscribe (self, self->session_bus,
                   "org.gnome.ScreenSaver", "ActiveChanged",
                   "/org/gnome/ScreenSaver",
                   on_screensaver_active_changed);
    }

  if (self->system_bus != NULL)
    {
      self->prepare_for_sleep_id =
        subscribe (self, self->system_bus,
                   "org.freedesktop.login1.Manager", "PrepareForSleep",
                   "/org/freedesktop/login1",
                   on_prepare_for_sleep);
      /* Any session path: logind names sessions per seat and login. */
      self->session_lock_id =
        subscribe (self, self->system_bus,
                   "org.freedesktop.login1.Session", "Lock",
                   NULL,
                   on_session_lock);
    }

  if (self->session_bus == NULL || self->system_bus == NULL)
    g_debug ("Session monitor: %s bus unavailable; auto-lock relies on the idle timer there",
             self->session_bus == NULL ? (self->system_bus == NULL ? "session and system" : "session")
                                       : "system");
}

static void
hk_session_monitor_dispose (GObject *object)
{
  HkSessionMonitor *self = HK_SESSION_MONITOR (object);

  unsubscribe (self->session_bus, &self->freedesktop_screensaver_id);
  unsubscribe (self->session_bus, &self->gnome_screensaver_id);
  unsubscribe (self->system_bus, &self->prepare_for_sleep_id);
  unsubscribe (self->system_bus, &self->session_lock_id);

  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (hk_session_monitor_parent_class)->dispose (object);
}

static void
hk_session_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HkSessionMonitor *self = HK_SESSION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION_BUS:
      g_value_set_object (value, self->session_bus);
      break;

    case PROP_SYSTEM_BUS:
      g_value_set_object (value, self->system_bus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_session_monitor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HkSessionMonitor *self = HK_SESSION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION_BUS:
      self->session_bus = g_value_dup_object (value);
      break;

    case PROP_SYSTEM_BUS:
      self->system_bus = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_session_monitor_class_init (HkSessionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hk_session_monitor_constructed;
  object_class->dispose = hk_session_monitor_dispose;
  object_class->get_property = hk_session_monitor_get_property;
  object_class->set_property = hk_session_monitor_set_property;

  /**
   * HkSessionMonitor:session-bus:
   *
   * The bus carrying screen saver signals; %NULL at construction means the
   * user's session bus, if there is one.
   */
  properties[PROP_SESSION_BUS] =
    g_param_spec_object ("session-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * HkSessionMonitor:system-bus:
   *
   * The bus carrying logind signals; %NULL at construction means the system
   * bus, if there is one.
   */
  properties[PROP_SYSTEM_BUS] =
    g_param_spec_object ("system-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HkSessionMonitor::lock-requested:
   * @self: the monitor
   * @reason: "screensaver", "session-lock" or "suspend" (not translated)
   *
   * The desktop asked, directly or indirectly, for the vault to be locked.
   */
  signals[LOCK_REQUESTED] =
    g_signal_new ("lock-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hk_session_monitor_init (HkSessionMonitor *self)
{
}

HkSessionMonitor *
hk_session_monitor_new (GDBusConnection *session_bus,
                        GDBusConnection *system_bus)
{
  g_return_val_if_fail (session_bus == NULL || G_IS_DBUS_CONNECTION (session_bus), NULL);
  g_return_val_if_fail (system_bus == NULL || G_IS_DBUS_CONNECTION (system_bus), NULL);

  return g_object_new (HK_TYPE_SESSION_MONITOR,
                       "session-bus", session_bus,
                       "system-bus", system_bus,
                       NULL);
}
