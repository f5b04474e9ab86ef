/* hk-preferences-window.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-create-vault-page.h"
#include "hk-passphrase-dialog.h"
#include "hk-preferences-window.h"

struct _HkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *auto_lock_row;
  GtkStringList        *auto_lock_model;
  GtkSwitch            *screen_lock_switch;
  GtkSwitch            *suspend_switch;
  AdwActionRow         *change_passphrase_row;
  AdwActionRow         *location_row;
  GtkWidget            *network_row;

  HkWindow             *window;     /* weak: the main window outlives us */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (HkPreferencesWindow, hk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const guint auto_lock_choices[] = { 0, 1, 2, 5, 10, 15, 30, 60 };

guint
hk_preferences_auto_lock_index_to_minutes (guint index)
{
  return auto_lock_choices[MIN (index, G_N_ELEMENTS (auto_lock_choices) - 1)];
}

/* Values set outside the dialog (the schema allows up to 240) show as the
 * nearest choice, rounding down so the vault never stays open longer. */
guint
hk_preferences_auto_lock_minutes_to_index (guint minutes)
{
  guint best = 0;

  if (minutes == 0)
    return 0;

  for (guint i = 1; i < G_N_ELEMENTS (auto_lock_choices); i++)
    if (auto_lock_choices[i] <= minutes)
      best = i;

  return best == 0 ? 1 : best;
}

static gboolean
get_auto_lock_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_uint (value, hk_preferences_auto_lock_minutes_to_index (g_variant_get_uint32 (variant)));
  return TRUE;
}

static GVariant *
set_auto_lock_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  return g_variant_new_uint32 (hk_preferences_auto_lock_index_to_minutes (g_value_get_uint (value)));
}

static void
fill_auto_lock_model (HkPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (auto_lock_choices); i++)
    {
      guint minutes = auto_lock_choices[i];
      g_autofree char *label = NULL;

      if (minutes == 0)
        label = g_strdup (_("Never"));
      else if (minutes == 60)
        label = g_strdup (_("1 hour"));
      else
        label = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);

      gtk_string_list_append (self->auto_lock_model, label);
    }
}

static void
update_vault_state (HkPreferencesWindow *self)
{
  HkVault *vault = self->window != NULL ? hk_window_get_vault (self->window) : NULL;
  gboolean unlocked = self->window != NULL && hk_window_is_unlocked (self->window);
  const char *path = self->window != NULL ? hk_window_get_vault_path (self->window) : NULL;
  g_autofree char *display_path = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.change-passphrase", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.restore", unlocked);
  adw_action_row_set_subtitle (self->change_passphrase_row,
                               unlocked ? "" : _("Unlock the vault to change its passphrase."));

  display_path = path != NULL ? hk_create_vault_page_display_path (path) : g_strdup ("");
  adw_action_row_set_subtitle (self->location_row, display_path);
  gtk_widget_set_visible (self->network_row,
                          vault != NULL && hk_platform_is_network_fs (hk_vault_get_path (vault)));
}

static void
on_passphrase_changed_cb (HkPreferencesWindow *self,
                          GtkWidget           *dialog)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Passphrase changed. Use the new one next time you unlock.")));
}

static void
change_passphrase_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HkPreferencesWindow *self = HK_PREFERENCES_WINDOW (widget);
  GtkWidget *dialog;

  update_vault_state (self);
  if (self->window == NULL || !hk_window_is_unlocked (self->window))
    return;

  dialog = hk_passphrase_dialog_new (GTK_WINDOW (self), hk_window_get_vault (self->window),
                                     HK_PASSPHRASE_DIALOG_CHANGE);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_passphrase_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hk_window_adopt_dialog (self->window, GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forward_to_window (HkPreferencesWindow *self,
                   const char          *action_name)
{
  HkWindow *window = self->window;

  if (window == NULL)
    return;

  /* The file chooser belongs to the main window, so get out of its way. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (window), action_name, NULL);
  g_object_unref (window);
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward_to_window (HK_PREFERENCES_WINDOW (widget), "win.backup");
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  forward_to_window (HK_PREFERENCES_WINDOW (widget), "win.restore");
}

static void
hk_preferences_window_dispose (GObject *object)
{
  HkPreferencesWindow *self = HK_PREFERENCES_WINDOW (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hk_preferences_window_parent_class)->dispose (object);
}

static void
hk_preferences_window_class_init (HkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_preferences_window_dispose;

  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL,
                                   change_passphrase_activated);
  gtk_widget_class_install_action (widget_class, "prefs.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, auto_lock_row);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, auto_lock_model);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, screen_lock_switch);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, suspend_switch);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, change_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, HkPreferencesWindow, network_row);
}

static void
hk_preferences_window_init (HkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));

  fill_auto_lock_model (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "auto-lock-minutes",
                                self->auto_lock_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                get_auto_lock_mapping, set_auto_lock_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "lock-on-screen-lock",
                   self->screen_lock_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "lock-on-suspend",
                   self->suspend_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * hk_preferences_window_new:
 * @window: the main window whose vault the preferences act on
 *
 * Returns: (transfer none): a new preferences window; present it
 */
GtkWidget *
hk_preferences_window_new (HkWindow *window)
{
  HkPreferencesWindow *self;

  g_return_val_if_fail (HK_IS_WINDOW (window), NULL);

  self = g_object_new (HK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  g_set_weak_pointer (&self->window, window);
  hk_window_adopt_dialog (window, GTK_WINDOW (self), FALSE);
  update_vault_state (self);

  return GTK_WIDGET (self);
}
