/* hk-casebook-stub.c: temporary stand-in until hk-casebook.c lands
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only while src/ui/hk-casebook.c does not exist (see meson.build), so
 * the window links. It follows the contract in hk-casebook.h and shows nothing
 * from the vault. Delete it once the real casebook is in.
 */
#include "config.h"

#include "hk-casebook.h"

struct _HkCasebook
{
  AdwBin          parent_instance;

  HkVault        *vault;
  GtkMenuButton  *menu_button;
  gboolean        is_demo;
};

G_DEFINE_FINAL_TYPE (HkCasebook, hk_casebook, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_IS_DEMO,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
hk_casebook_dispose (GObject *object)
{
  HkCasebook *self = HK_CASEBOOK (object);

  g_clear_object (&self->vault);

  G_OBJECT_CLASS (hk_casebook_parent_class)->dispose (object);
}

static void
hk_casebook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_IS_DEMO:
      g_value_set_boolean (value, HK_CASEBOOK (object)->is_demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_casebook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_IS_DEMO:
      HK_CASEBOOK (object)->is_demo = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_casebook_class_init (HkCasebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hk_casebook_dispose;
  object_class->get_property = hk_casebook_get_property;
  object_class->set_property = hk_casebook_set_property;

  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hk_casebook_init (HkCasebook *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu", -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->menu_button));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "org.hearken.Hearken");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Casebook");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
hk_casebook_new (void)
{
  return g_object_new (HK_TYPE_CASEBOOK, NULL);
}

void
hk_casebook_set_vault (HkCasebook *self,
                       HkVault    *vault)
{
  g_return_if_fail (HK_IS_CASEBOOK (self));

  g_set_object (&self->vault, vault);
}

HkVault *
hk_casebook_get_vault (HkCasebook *self)
{
  g_return_val_if_fail (HK_IS_CASEBOOK (self), NULL);

  return self->vault;
}

void
hk_casebook_set_primary_menu (HkCasebook *self,
                              GMenuModel *menu)
{
  g_return_if_fail (HK_IS_CASEBOOK (self));

  gtk_menu_button_set_menu_model (self->menu_button, menu);
}

void
hk_casebook_flush_drafts_async (HkCasebook          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_return_boolean (task, TRUE);
}

gboolean
hk_casebook_flush_drafts_finish (HkCasebook    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
