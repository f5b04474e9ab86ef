/* hk-passphrase-dialog.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-new-passphrase-box.h"
#include "hk-passphrase-dialog.h"
#include "hk-unlock-page.h"

struct _HkPassphraseDialog
{
  AdwWindow               parent_instance;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkLabel               *apply_label;
  GtkLabel               *description_label;
  GtkLabel               *current_label;
  GtkEditable            *current_entry;
  HkNewPassphraseBox     *passphrase_box;
  GtkLabel               *error_label;
  GtkSpinner             *spinner;

  HkVault                *vault;
  HkPassphraseDialogMode  mode;
  GCancellable           *cancellable;
  gboolean                busy;
};

G_DEFINE_FINAL_TYPE (HkPassphraseDialog, hk_passphrase_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (HkPassphraseDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "passphrase-dialog.apply",
                                 !self->busy && self->vault != NULL &&
                                 gtk_editable_get_text (self->current_entry)[0] != '\0' &&
                                 hk_new_passphrase_box_get_acceptable (self->passphrase_box));
}

static void
set_busy (HkPassphraseDialog *self,
          gboolean            busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Unfocus properly before the entries go insensitive, or GtkText keeps
   * blinking without focus and warns. */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->current_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_box), !busy);
  update_actions (self);
}

static void
show_error (HkPassphraseDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_finished_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkPassphraseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->mode == HK_PASSPHRASE_DIALOG_RECOVER)
    ok = hk_vault_recover_finish (HK_VAULT (source), result, &error);
  else
    ok = hk_vault_change_passphrase_finish (HK_VAULT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (!ok)
    {
      g_autofree char *message = NULL;

      if (self->mode == HK_PASSPHRASE_DIALOG_RECOVER &&
          g_error_matches (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE))
        message = g_strdup (_("That recovery key did not open the vault. Check each group of "
                              "characters and try again."));
      else if (self->mode == HK_PASSPHRASE_DIALOG_CHANGE &&
               g_error_matches (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE))
        message = g_strdup (_("The current passphrase is not right. Check Caps Lock and try again."));
      else
        message = hk_unlock_page_describe_error (error);

      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->current_entry));
      return;
    }

  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HkPassphraseDialog *self = HK_PASSPHRASE_DIALOG (widget);
  g_autoptr(HkSecret) current = NULL;
  g_autoptr(HkSecret) new_passphrase = NULL;

  if (self->busy || self->vault == NULL ||
      gtk_editable_get_text (self->current_entry)[0] == '\0' ||
      !hk_new_passphrase_box_get_acceptable (self->passphrase_box))
    return;

  current = hk_secret_new_from_string (gtk_editable_get_text (self->current_entry));
  gtk_editable_set_text (self->current_entry, "");
  new_passphrase = hk_new_passphrase_box_take_secret (self->passphrase_box);
  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->mode == HK_PASSPHRASE_DIALOG_RECOVER)
    hk_vault_recover_async (self->vault, current, new_passphrase, self->cancellable,
                            on_finished_cb, g_object_ref (self));
  else
    hk_vault_change_passphrase_async (self->vault, current, new_passphrase, self->cancellable,
                                      on_finished_cb, g_object_ref (self));
}

static void
on_changed_cb (HkPassphraseDialog *self,
               GtkEditable        *editable)
{
  update_actions (self);
}

static void
on_current_activate_cb (HkPassphraseDialog *self,
                        GtkWidget          *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_box));
}

static void
on_acceptable_changed_cb (HkPassphraseDialog *self,
                          GParamSpec         *pspec,
                          GObject            *box)
{
  update_actions (self);
}

static void
on_box_activate_cb (HkPassphraseDialog *self,
                    GtkWidget          *box)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "passphrase-dialog.apply", NULL);
}

static void
setup_mode (HkPassphraseDialog *self)
{
  if (self->mode == HK_PASSPHRASE_DIALOG_RECOVER)
    {
      adw_window_title_set_title (self->window_title, _("Recover Vault"));
      gtk_label_set_text_with_mnemonic (self->apply_label, _("_Recover"));
      gtk_label_set_text (self->description_label,
                          _("Type the recovery key you printed or saved when the vault was "
                            "created, then choose a new passphrase."));
      gtk_label_set_text_with_mnemonic (self->current_label, _("Recovery _key"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Change Passphrase"));
      gtk_label_set_text_with_mnemonic (self->apply_label, _("C_hange"));
      gtk_label_set_text (self->description_label,
                          _("Your case notes stay as they are; only the key that opens them "
                            "is locked again with the new passphrase."));
      gtk_label_set_text_with_mnemonic (self->current_label, _("C_urrent passphrase"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->apply_label))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->apply_label), -1);
  update_actions (self);
}

static void
hk_passphrase_dialog_dispose (GObject *object)
{
  HkPassphraseDialog *self = HK_PASSPHRASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  if (self->current_entry != NULL)
    gtk_editable_set_text (self->current_entry, "");

  G_OBJECT_CLASS (hk_passphrase_dialog_parent_class)->dispose (object);
}

static void
hk_passphrase_dialog_class_init (HkPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_passphrase_dialog_dispose;

  /**
   * HkPassphraseDialog::done:
   *
   * The passphrase was changed, or the vault was recovered (and unlocked).
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "passphrase-dialog.apply", NULL, apply_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (HK_TYPE_NEW_PASSPHRASE_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-passphrase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, apply_label);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, current_entry);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, passphrase_box);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HkPassphraseDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_current_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptable_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_box_activate_cb);
}

static void
hk_passphrase_dialog_init (HkPassphraseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Window titles reach the desktop; never put anything about the vault in them. */
  gtk_window_set_title (GTK_WINDOW (self), "Hearken");
}

/**
 * hk_passphrase_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @vault: the vault (locked for recovery, unlocked for a change)
 * @mode: change the passphrase, or recover with the recovery key
 *
 * Returns: (transfer none): a new dialog; present it
 */
GtkWidget *
hk_passphrase_dialog_new (GtkWindow              *parent,
                          HkVault                *vault,
                          HkPassphraseDialogMode  mode)
{
  HkPassphraseDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);

  self = g_object_new (HK_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->vault = g_object_ref (vault);
  self->mode = mode;
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  setup_mode (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->current_entry));

  return GTK_WIDGET (self);
}
