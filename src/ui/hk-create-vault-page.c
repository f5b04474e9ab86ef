/* hk-create-vault-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hk-create-vault-page.h"
#include "hk-new-passphrase-box.h"
#include "hk-unlock-page.h"

struct _HkCreateVaultPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkEditable        *owner_entry;
  HkNewPassphraseBox *passphrase_box;
  GtkLabel           *location_label;
  GtkLabel           *error_label;
  GtkSpinner         *spinner;

  char               *vault_path;
  HkKdfProfile        kdf_profile;
  GCancellable       *cancellable;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (HkCreateVaultPage, hk_create_vault_page, ADW_TYPE_BIN)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_owner_name (HkCreateVaultPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->owner_entry)));
}

static void
update_actions (HkCreateVaultPage *self)
{
  g_autofree char *owner = get_owner_name (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-page.create",
                                 !self->busy && owner[0] != '\0' &&
                                 hk_new_passphrase_box_get_acceptable (self->passphrase_box));
}

static void
set_busy (HkCreateVaultPage *self,
          gboolean           busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Unfocus properly before the entries go insensitive, or GtkText keeps
   * blinking without focus and warns. */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_box), !busy);
  update_actions (self);
}

static void
show_error (HkCreateVaultPage *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_vault_created_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HkCreateVaultPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) recovery_key = NULL;
  g_autoptr(HkVault) vault = NULL;

  vault = hk_vault_create_finish (result, &recovery_key, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (vault == NULL)
    {
      g_autofree char *message = hk_unlock_page_describe_error (error);
      g_autofree char *text = g_strdup_printf (_("The vault could not be created. %s"), message);

      show_error (self, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_box));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, vault, recovery_key);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkCreateVaultPage *self = HK_CREATE_VAULT_PAGE (widget);
  g_autofree char *owner = get_owner_name (self);
  g_autoptr(HkSecret) passphrase = NULL;

  if (self->busy || self->vault_path == NULL || owner[0] == '\0' ||
      !hk_new_passphrase_box_get_acceptable (self->passphrase_box))
    return;

  show_error (self, NULL);
  passphrase = hk_new_passphrase_box_take_secret (self->passphrase_box);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hk_vault_create_async (self->vault_path, passphrase, self->kdf_profile,
                         HK_VAULT_FLAG_NONE, owner, self->cancellable,
                         on_vault_created_cb, g_object_ref (self));
}

static void
on_owner_changed_cb (HkCreateVaultPage *self,
                     GtkEditable       *editable)
{
  g_autofree char *owner = get_owner_name (self);

  hk_new_passphrase_box_set_user_name (self->passphrase_box, owner);
  update_actions (self);
}

static void
on_owner_activate_cb (HkCreateVaultPage *self,
                      GtkWidget         *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_box));
}

static void
on_acceptable_changed_cb (HkCreateVaultPage *self,
                          GParamSpec        *pspec,
                          GObject           *box)
{
  update_actions (self);
}

static void
on_passphrase_activate_cb (HkCreateVaultPage *self,
                           GtkWidget         *box)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "create-page.create", NULL);
}

static gboolean
hk_create_vault_page_grab_focus (GtkWidget *widget)
{
  HkCreateVaultPage *self = HK_CREATE_VAULT_PAGE (widget);

  /* The name is usually filled in already; start where typing is needed. */
  if (gtk_editable_get_text (self->owner_entry)[0] == '\0')
    return gtk_widget_grab_focus (GTK_WIDGET (self->owner_entry));

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_box));
}

static void
hk_create_vault_page_dispose (GObject *object)
{
  HkCreateVaultPage *self = HK_CREATE_VAULT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CREATE_VAULT_PAGE);

  G_OBJECT_CLASS (hk_create_vault_page_parent_class)->dispose (object);
}

static void
hk_create_vault_page_finalize (GObject *object)
{
  HkCreateVaultPage *self = HK_CREATE_VAULT_PAGE (object);

  g_clear_pointer (&self->vault_path, g_free);

  G_OBJECT_CLASS (hk_create_vault_page_parent_class)->finalize (object);
}

static void
hk_create_vault_page_class_init (HkCreateVaultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_create_vault_page_dispose;
  object_class->finalize = hk_create_vault_page_finalize;

  widget_class->grab_focus = hk_create_vault_page_grab_focus;

  /**
   * HkCreateVaultPage::created:
   * @self: the page
   * @vault: the new, unlocked vault
   * @recovery_key: its recovery key, to be shown once
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  HK_TYPE_VAULT,
                  HK_TYPE_SECRET | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "create-page.create", NULL, create_activated);

  g_type_ensure (HK_TYPE_NEW_PASSPHRASE_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-create-vault-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCreateVaultPage, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, HkCreateVaultPage, passphrase_box);
  gtk_widget_class_bind_template_child (widget_class, HkCreateVaultPage, location_label);
  gtk_widget_class_bind_template_child (widget_class, HkCreateVaultPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HkCreateVaultPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptable_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activate_cb);
}

static void
hk_create_vault_page_init (HkCreateVaultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kdf_profile = HK_KDF_PROFILE_MODERATE;
  update_actions (self);
}

GtkWidget *
hk_create_vault_page_new (void)
{
  return g_object_new (HK_TYPE_CREATE_VAULT_PAGE, NULL);
}

/**
 * hk_create_vault_page_setup:
 * @self: the page
 * @vault_path: where the vault will be created
 * @kdf_profile: the key derivation profile (MODERATE outside tests)
 *
 * Prepares the page for a new vault and empties the form.
 */
void
hk_create_vault_page_setup (HkCreateVaultPage *self,
                            const char        *vault_path,
                            HkKdfProfile       kdf_profile)
{
  g_autofree char *text = NULL;
  g_autofree char *display_path = NULL;

  g_return_if_fail (HK_IS_CREATE_VAULT_PAGE (self));
  g_return_if_fail (vault_path != NULL);

  display_path = hk_create_vault_page_display_path (vault_path);

  g_free (self->vault_path);
  self->vault_path = g_strdup (vault_path);
  self->kdf_profile = kdf_profile;

  /* Translators: %s is a file path. */
  text = g_strdup_printf (_("The vault will be saved as %s"), display_path);
  gtk_label_set_text (self->location_label, text);

  hk_create_vault_page_reset (self);
}

/**
 * hk_create_vault_page_reset:
 * @self: the page
 *
 * Cancels a running creation and empties the form; the owner name starts as
 * the account's real name.
 */
void
hk_create_vault_page_reset (HkCreateVaultPage *self)
{
  const char *real_name;

  g_return_if_fail (HK_IS_CREATE_VAULT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  show_error (self, NULL);
  hk_new_passphrase_box_clear (self->passphrase_box);

  /* GLib answers "Unknown" when the account has no real name. */
  real_name = g_get_real_name ();
  gtk_editable_set_text (self->owner_entry,
                         g_strcmp0 (real_name, "Unknown") != 0 ? real_name : "");
}

/**
 * hk_create_vault_page_display_path:
 * @path: a file path
 *
 * Returns: (transfer full): @path with the home folder shown as "~"
 */
char *
hk_create_vault_page_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = home != NULL ? strlen (home) : 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (len > 1 && strncmp (path, home, len) == 0 && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);

  return g_strdup (path);
}
