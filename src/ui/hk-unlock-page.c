/* hk-unlock-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-passphrase-dialog.h"
#include "hk-unlock-page.h"

struct _HkUnlockPage
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkEditable  *passphrase_entry;
  GtkLabel     *error_label;
  GtkLabel     *demo_label;
  GtkLabel     *subtitle_label;
  GtkWidget    *network_warning;
  GtkSpinner   *spinner;

  HkVault      *vault;
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (HkUnlockPage, hk_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (HkUnlockPage *self)
{
  gboolean can_act = self->vault != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock-page.unlock",
                                 can_act && gtk_editable_get_text (self->passphrase_entry)[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock-page.recover", can_act);
}

static void
set_busy (HkUnlockPage *self,
          gboolean      busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Unfocus properly before the entries go insensitive, or GtkText keeps
   * blinking without focus and warns. */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !busy);
  update_actions (self);
}

static void
show_error (HkUnlockPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_unlocked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = hk_vault_unlock_finish (HK_VAULT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  /* The page may have moved on to another vault meanwhile. */
  if (HK_VAULT (source) != self->vault)
    return;

  if (!ok)
    {
      g_autofree char *message = hk_unlock_page_describe_error (error);

      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return;
    }

  g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
unlock_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkUnlockPage *self = HK_UNLOCK_PAGE (widget);
  g_autoptr(HkSecret) passphrase = NULL;

  if (self->vault == NULL || self->busy ||
      gtk_editable_get_text (self->passphrase_entry)[0] == '\0')
    return;

  /* The passphrase never stays in the entry: it moves to secure memory now. */
  passphrase = hk_secret_new_from_string (gtk_editable_get_text (self->passphrase_entry));
  gtk_editable_set_text (self->passphrase_entry, "");
  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hk_vault_unlock_async (self->vault, passphrase, self->cancellable,
                         on_unlocked_cb, g_object_ref (self));
}

static void
on_recovered_cb (HkUnlockPage *self,
                 GtkWidget    *dialog)
{
  if (self->vault != NULL && !hk_vault_is_locked (self->vault))
    g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
recover_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HkUnlockPage *self = HK_UNLOCK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->vault == NULL || self->busy)
    return;

  dialog = hk_passphrase_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->vault, HK_PASSPHRASE_DIALOG_RECOVER);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_recovered_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_entry_activate_cb (HkUnlockPage *self,
                      GtkWidget    *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock-page.unlock", NULL);
}

static void
on_entry_changed_cb (HkUnlockPage *self,
                     GtkEditable  *editable)
{
  update_actions (self);
}

static gboolean
hk_unlock_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (HK_UNLOCK_PAGE (widget)->passphrase_entry));
}

static void
hk_unlock_page_dispose (GObject *object)
{
  HkUnlockPage *self = HK_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  if (self->passphrase_entry != NULL)
    gtk_editable_set_text (self->passphrase_entry, "");
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_UNLOCK_PAGE);

  G_OBJECT_CLASS (hk_unlock_page_parent_class)->dispose (object);
}

static void
hk_unlock_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HkUnlockPage *self = HK_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_unlock_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HkUnlockPage *self = HK_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      hk_unlock_page_set_vault (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_unlock_page_class_init (HkUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_unlock_page_dispose;
  object_class->get_property = hk_unlock_page_get_property;
  object_class->set_property = hk_unlock_page_set_property;

  widget_class->grab_focus = hk_unlock_page_grab_focus;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HkUnlockPage::unlocked:
   *
   * The vault is unlocked (by passphrase or by recovery key).
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "unlock-page.unlock", NULL, unlock_activated);
  gtk_widget_class_install_action (widget_class, "unlock-page.recover", NULL, recover_activated);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, network_warning);
  gtk_widget_class_bind_template_child (widget_class, HkUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
hk_unlock_page_init (HkUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
hk_unlock_page_new (void)
{
  return g_object_new (HK_TYPE_UNLOCK_PAGE, NULL);
}

/**
 * hk_unlock_page_set_vault:
 * @self: the page
 * @vault: (nullable): the open, locked vault
 */
void
hk_unlock_page_set_vault (HkUnlockPage *self,
                          HkVault      *vault)
{
  gboolean is_demo;

  g_return_if_fail (HK_IS_UNLOCK_PAGE (self));
  g_return_if_fail (vault == NULL || HK_IS_VAULT (vault));

  if (self->vault == vault)
    {
      hk_unlock_page_reset (self);
      return;
    }

  g_set_object (&self->vault, vault);
  hk_unlock_page_reset (self);

  is_demo = vault != NULL && (hk_vault_get_flags (vault) & HK_VAULT_FLAG_DEMO) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label), is_demo);
  gtk_label_set_text (self->subtitle_label,
                      is_demo ? _("This demo vault holds made-up cases only. Its passphrase is “demo”.")
                              : _("Enter your passphrase to open your case notes."));
  gtk_widget_set_visible (self->network_warning,
                          vault != NULL && hk_platform_is_network_fs (hk_vault_get_path (vault)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT]);
}

HkVault *
hk_unlock_page_get_vault (HkUnlockPage *self)
{
  g_return_val_if_fail (HK_IS_UNLOCK_PAGE (self), NULL);

  return self->vault;
}

void
hk_unlock_page_reset (HkUnlockPage *self)
{
  g_return_if_fail (HK_IS_UNLOCK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_editable_set_text (self->passphrase_entry, "");
  show_error (self, NULL);
  set_busy (self, FALSE);
}

/**
 * hk_unlock_page_describe_error:
 * @error: an error from opening, unlocking or recovering a vault
 *
 * Returns: (transfer full): a sentence saying what happened and what to do
 */
char *
hk_unlock_page_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == HK_ERROR)
    {
      switch ((HkError) error->code)
        {
        case HK_ERROR_WRONG_PASSPHRASE:
          return g_strdup (_("That passphrase did not open the vault. Check Caps Lock and try again."));
        case HK_ERROR_TAMPERED:
          return g_strdup (_("The vault’s header has been changed or damaged, so Hearken will not "
                             "open it. Restore the vault from a backup."));
        case HK_ERROR_NOT_A_VAULT:
          return g_strdup (_("This file is not a Hearken vault. Open another vault or create a new one."));
        case HK_ERROR_TOO_NEW:
          return g_strdup (_("This vault was made by a newer version of Hearken. Update Hearken to open it."));
        case HK_ERROR_BUSY:
          return g_strdup (_("This vault is open in another Hearken window or program. "
                             "Close it there, then try again."));
        case HK_ERROR_NO_MEMORY:
          return g_strdup (_("There is not enough free memory to unlock the vault. "
                             "Close other programs and try again."));
        case HK_ERROR_CORRUPT:
          return g_strdup (_("The vault file is damaged. Restore the vault from a backup."));
        case HK_ERROR_NO_SPACE:
          return g_strdup (_("The disk is full. Free some space and try again."));
        case HK_ERROR_IO:
          return g_strdup (_("The computer could not read or write the vault file. "
                             "Check the disk and try again."));
        default:
          break;
        }
    }

  /* Core messages are single sentences written for the user. */
  return g_strdup (error->message);
}
