/* hk-application.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-application.h"
#include "hk-preferences-window.h"
#include "hk-window.h"

struct _HkApplication
{
  AdwApplication    parent_instance;

  GDBusConnection  *session_bus;
  GDBusConnection  *system_bus;
  HkSessionMonitor *monitor;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (HkApplication, hk_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION_BUS,
  PROP_SYSTEM_BUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HkWindow *
get_main_window (HkApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (HK_IS_WINDOW (active))
    return HK_WINDOW (active);

  /* The active window may be a dialog; fall back to the first main window. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (HK_IS_WINDOW (l->data))
      return HK_WINDOW (l->data);

  return NULL;
}

static void
on_lock_requested_cb (HkApplication    *self,
                      const char       *reason,
                      HkSessionMonitor *monitor)
{
  const char *key;

  g_assert (HK_IS_APPLICATION (self));

  key = g_strcmp0 (reason, "suspend") == 0 ? "lock-on-suspend" : "lock-on-screen-lock";
  if (!g_settings_get_boolean (self->settings, key))
    return;

  hk_application_lock_all (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HkApplication *self = HK_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing each window flushes drafts and locks its vault first; the
   * application ends by itself when the last window has gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HkApplication *self = HK_APPLICATION (user_data);
  HkWindow *window = get_main_window (self);
  GtkWidget *prefs;

  if (window == NULL)
    return;

  prefs = hk_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HkApplication *self = HK_APPLICATION (user_data);
  GtkWindow *parent = GTK_WINDOW (get_main_window (self));
  const char *developers[] = { _("The Hearken Developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", "Hearken",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Hearken Developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Hearken Developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/hearken/hearken",
                        "issue-url", "https://github.com/hearken/hearken/issues",
                        "comments", _("Encrypted case notes for adult safeguarding "
                                      "work. Everything stays on this computer, "
                                      "locked with your passphrase."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lock_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  hk_application_lock_all (HK_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "lock", lock_activated },
};

static void
hk_application_activate (GApplication *app)
{
  HkApplication *self = HK_APPLICATION (app);
  HkWindow *window = get_main_window (self);

  /* A second launch lands here too: present the window we already have. */
  if (window == NULL)
    window = hk_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
}

static void
hk_application_startup (GApplication *app)
{
  HkApplication *self = HK_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.lock", { "<Control>l", NULL } },
  };

  G_APPLICATION_CLASS (hk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  self->monitor = hk_session_monitor_new (self->session_bus, self->system_bus);
  g_signal_connect_object (self->monitor, "lock-requested",
                           G_CALLBACK (on_lock_requested_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
hk_application_dispose (GObject *object)
{
  HkApplication *self = HK_APPLICATION (object);

  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (hk_application_parent_class)->dispose (object);
}

static void
hk_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HkApplication *self = HK_APPLICATION (object);

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
hk_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HkApplication *self = HK_APPLICATION (object);

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
hk_application_class_init (HkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hk_application_dispose;
  object_class->get_property = hk_application_get_property;
  object_class->set_property = hk_application_set_property;

  app_class->startup = hk_application_startup;
  app_class->activate = hk_application_activate;

  properties[PROP_SESSION_BUS] =
    g_param_spec_object ("session-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYSTEM_BUS] =
    g_param_spec_object ("system-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hk_application_init (HkApplication *self)
{
}

HkApplication *
hk_application_new (void)
{
  /* Resources live at the stable path even in the .Devel profile, so the
   * shortcuts window and templates resolve the same way in both. */
  return g_object_new (HK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/hearken/Hearken",
                       NULL);
}

/**
 * hk_application_get_session_monitor:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the session monitor, once started up
 */
HkSessionMonitor *
hk_application_get_session_monitor (HkApplication *self)
{
  g_return_val_if_fail (HK_IS_APPLICATION (self), NULL);

  return self->monitor;
}

/**
 * hk_application_lock_all:
 * @self: the application
 *
 * Locks the vault of every main window (drafts are flushed first).
 */
void
hk_application_lock_all (HkApplication *self)
{
  g_return_if_fail (HK_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (HK_IS_WINDOW (l->data))
      hk_window_lock (HK_WINDOW (l->data));
}
