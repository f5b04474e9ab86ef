/* hk-new-passphrase-box.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hk-new-passphrase-box.h"
#include "hk-passphrase-quality.h"

struct _HkNewPassphraseBox
{
  GtkBox       parent_instance;

  /* Template widgets */
  GtkEditable *passphrase_entry;
  GtkEditable *confirm_entry;
  GtkLevelBar *strength_bar;
  GtkLabel    *strength_label;
  GtkLabel    *feedback_label;
  GtkLabel    *mismatch_label;

  char        *user_name;
  gboolean     acceptable;
};

G_DEFINE_FINAL_TYPE (HkNewPassphraseBox, hk_new_passphrase_box, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ACCEPTABLE,
  PROP_USER_NAME,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *default_feedback =
  N_("Use four or more unrelated words, or a long sentence only you would think of.");

static void
set_acceptable (HkNewPassphraseBox *self,
                gboolean            acceptable)
{
  if (self->acceptable == acceptable)
    return;

  self->acceptable = acceptable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
}

static void
update (HkNewPassphraseBox *self)
{
  const char *text = gtk_editable_get_text (self->passphrase_entry);
  const char *confirm = gtk_editable_get_text (self->confirm_entry);
  gboolean quality_ok = FALSE;
  gboolean matches;

  if (text[0] == '\0')
    {
      gtk_level_bar_set_value (self->strength_bar, 0);
      gtk_label_set_text (self->strength_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->strength_label), "warning");
      gtk_label_set_text (self->feedback_label, _(default_feedback));
    }
  else
    {
      /* The check is a few dictionary look-ups: fast enough for every keystroke. */
      g_autoptr(HkSecret) secret = hk_secret_new_from_string (text);
      g_autoptr(HkPassphraseQuality) quality = hk_passphrase_quality_check (secret, self->user_name);

      gtk_level_bar_set_value (self->strength_bar, (double) quality->strength);
      /* Adwaita 1.2 paints every filled block in the accent colour except
       * "full", so the word carries the warning for weak passphrases. */
      if (quality->acceptable)
        gtk_widget_remove_css_class (GTK_WIDGET (self->strength_label), "warning");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->strength_label), "warning");
      gtk_label_set_text (self->strength_label, hk_strength_get_label (quality->strength));
      gtk_label_set_text (self->feedback_label, quality->feedback != NULL ? quality->feedback : "");
      quality_ok = quality->acceptable;
    }

  matches = g_strcmp0 (text, confirm) == 0;
  /* While the confirmation is still a prefix of the passphrase the user is
   * probably typing it; say nothing until it goes wrong or is complete. */
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label),
                          confirm[0] != '\0' && !matches &&
                          (!g_str_has_prefix (text, confirm) ||
                           strlen (confirm) >= strlen (text)));

  set_acceptable (self, quality_ok && matches);
}

static void
on_entry_changed_cb (HkNewPassphraseBox *self,
                     GtkEditable        *editable)
{
  update (self);
}

static void
on_passphrase_activate_cb (HkNewPassphraseBox *self,
                           GtkWidget          *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_entry));
}

static void
on_confirm_activate_cb (HkNewPassphraseBox *self,
                        GtkWidget          *entry)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static gboolean
hk_new_passphrase_box_grab_focus (GtkWidget *widget)
{
  HkNewPassphraseBox *self = HK_NEW_PASSPHRASE_BOX (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
hk_new_passphrase_box_dispose (GObject *object)
{
  HkNewPassphraseBox *self = HK_NEW_PASSPHRASE_BOX (object);

  if (self->passphrase_entry != NULL)
    hk_new_passphrase_box_clear (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_NEW_PASSPHRASE_BOX);

  G_OBJECT_CLASS (hk_new_passphrase_box_parent_class)->dispose (object);
}

static void
hk_new_passphrase_box_finalize (GObject *object)
{
  HkNewPassphraseBox *self = HK_NEW_PASSPHRASE_BOX (object);

  g_clear_pointer (&self->user_name, g_free);

  G_OBJECT_CLASS (hk_new_passphrase_box_parent_class)->finalize (object);
}

static void
hk_new_passphrase_box_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HkNewPassphraseBox *self = HK_NEW_PASSPHRASE_BOX (object);

  switch (prop_id)
    {
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, self->acceptable);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_new_passphrase_box_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HkNewPassphraseBox *self = HK_NEW_PASSPHRASE_BOX (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      hk_new_passphrase_box_set_user_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_new_passphrase_box_class_init (HkNewPassphraseBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_new_passphrase_box_dispose;
  object_class->finalize = hk_new_passphrase_box_finalize;
  object_class->get_property = hk_new_passphrase_box_get_property;
  object_class->set_property = hk_new_passphrase_box_set_property;

  widget_class->grab_focus = hk_new_passphrase_box_grab_focus;

  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HkNewPassphraseBox::activate:
   *
   * Enter was pressed in the confirmation entry.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-new-passphrase-box.ui");
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, strength_label);
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, HkNewPassphraseBox, mismatch_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_activate_cb);
}

static void
hk_new_passphrase_box_init (HkNewPassphraseBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Adwaita colours "low" as a warning and "high"/"full" as success: weak is
   * a warning, fair and better count as good enough to colour green. */
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW, HK_STRENGTH_WEAK);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH, HK_STRENGTH_GOOD);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL, HK_STRENGTH_STRONG);
}

GtkWidget *
hk_new_passphrase_box_new (void)
{
  return g_object_new (HK_TYPE_NEW_PASSPHRASE_BOX, NULL);
}

gboolean
hk_new_passphrase_box_get_acceptable (HkNewPassphraseBox *self)
{
  g_return_val_if_fail (HK_IS_NEW_PASSPHRASE_BOX (self), FALSE);

  return self->acceptable;
}

void
hk_new_passphrase_box_set_user_name (HkNewPassphraseBox *self,
                                     const char         *user_name)
{
  g_return_if_fail (HK_IS_NEW_PASSPHRASE_BOX (self));

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

/**
 * hk_new_passphrase_box_take_secret:
 * @self: the box
 *
 * Returns: (transfer full): the passphrase in secure memory; both entries are
 *   emptied so the text does not linger in a widget.
 */
HkSecret *
hk_new_passphrase_box_take_secret (HkNewPassphraseBox *self)
{
  HkSecret *secret;

  g_return_val_if_fail (HK_IS_NEW_PASSPHRASE_BOX (self), NULL);

  secret = hk_secret_new_from_string (gtk_editable_get_text (self->passphrase_entry));
  hk_new_passphrase_box_clear (self);

  return secret;
}

void
hk_new_passphrase_box_clear (HkNewPassphraseBox *self)
{
  g_return_if_fail (HK_IS_NEW_PASSPHRASE_BOX (self));

  gtk_editable_set_text (self->passphrase_entry, "");
  gtk_editable_set_text (self->confirm_entry, "");
  update (self);
}
