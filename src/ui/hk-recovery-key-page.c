/* hk-recovery-key-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hk-recovery-key-page.h"

struct _HkRecoveryKeyPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkLabel             *key_label;
  GtkCheckButton       *stored_check;

  HkSecret             *key;
  char                 *vault_id;
  GtkFileChooserNative *chooser;
  GtkPrintOperation    *print_operation;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (HkRecoveryKeyPage, hk_recovery_key_page, ADW_TYPE_BIN)

enum {
  DONE,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (HkRecoveryKeyPage *self)
{
  gboolean has_key = self->key != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery-page.print", has_key);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery-page.save", has_key);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery-page.continue",
                                 has_key && gtk_check_button_get_active (self->stored_check));
}

static void
toast (HkRecoveryKeyPage *self,
       const char        *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static char *
dup_explanation (void)
{
  return g_strdup (_("If you forget your passphrase, this key is the only way to open "
                     "the vault. Anyone who has it and a copy of the vault can read "
                     "your case notes, so keep it somewhere safe, away from the "
                     "computer."));
}

/* Printing */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  const HkSecret *key = g_object_get_data (G_OBJECT (operation), "hk-recovery-key");
  const char *vault_id = g_object_get_data (G_OBJECT (operation), "hk-vault-id");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *explanation = dup_explanation ();
  g_autofree char *id_line = NULL;
  int height;
  double y = 0;

  if (key == NULL)
    return;

  layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 18");
    pango_layout_set_font_description (layout, font);
    pango_layout_set_text (layout, _("Hearken Recovery Key"), -1);
    cairo_move_to (cr, 0, y);
    pango_cairo_show_layout (cr, layout);
    pango_layout_get_pixel_size (layout, NULL, &height);
    y += height + 24;
  }

  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Monospace Bold 20");
    pango_layout_set_font_description (layout, font);
    pango_layout_set_text (layout, hk_secret_get_data (key), (int) hk_secret_get_length (key));
    cairo_move_to (cr, 0, y);
    pango_cairo_show_layout (cr, layout);
    pango_layout_get_pixel_size (layout, NULL, &height);
    y += height + 24;
    /* Pango keeps its own copy of the text; replace it before the layout goes. */
    pango_layout_set_text (layout, "", 0);
  }

  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
    pango_layout_set_font_description (layout, font);
    /* Translators: %s is the vault's random identifier (hexadecimal). */
    id_line = g_strdup_printf (_("Vault identifier: %s"), vault_id != NULL ? vault_id : "");
    pango_layout_set_text (layout, id_line, -1);
    cairo_move_to (cr, 0, y);
    pango_cairo_show_layout (cr, layout);
    pango_layout_get_pixel_size (layout, NULL, &height);
    y += height + 12;

    pango_layout_set_text (layout, explanation, -1);
    cairo_move_to (cr, 0, y);
    pango_cairo_show_layout (cr, layout);
  }
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (user_data);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, _("The recovery key could not be printed. Check the printer, or save the key instead."));

  g_object_set_data (G_OBJECT (operation), "hk-recovery-key", NULL);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  GtkRoot *root;

  if (self->key == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Hearken recovery key"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "hk-recovery-key",
                          hk_secret_copy (self->key), (GDestroyNotify) hk_secret_free);
  g_object_set_data_full (G_OBJECT (operation), "hk-vault-id",
                          g_strdup (self->vault_id), g_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), NULL);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  /* Kept until the next print or the page goes; ::done wipes its key copy. */
  g_clear_object (&self->print_operation);
  self->print_operation = operation;

  root = gtk_widget_get_root (widget);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, _("The recovery key could not be printed. Check the printer, or save the key instead."));
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_set_data (G_OBJECT (operation), "hk-recovery-key", NULL);
}

/* Saving */

typedef struct {
  char     *path;
  HkSecret *contents;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  hk_secret_free (data->contents);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  /* 0600 and durable: the key must survive a crash and stay private. */
  if (!g_file_set_contents_full (data->path,
                                 hk_secret_get_data (data->contents),
                                 (gssize) hk_secret_get_length (data->contents),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("The recovery key could not be saved there. Choose another place and try again."));
      return;
    }

  toast (self, _("Recovery key saved"));
}

static HkSecret *
build_file_contents (HkRecoveryKeyPage *self)
{
  g_autofree char *explanation = dup_explanation ();
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  gsize head_len, key_len, tail_len;
  HkSecret *contents;
  guint8 *p;

  /* Translators: %s is the vault's random identifier (hexadecimal). */
  head = g_strdup_printf (_("Hearken recovery key\n\nVault identifier: %s\n\n"),
                          self->vault_id != NULL ? self->vault_id : "");
  tail = g_strdup_printf ("\n\n%s\n", explanation);

  /* The key goes straight from secure memory to secure memory. */
  head_len = strlen (head);
  key_len = hk_secret_get_length (self->key);
  tail_len = strlen (tail);
  contents = hk_secret_new (head_len + key_len + tail_len);
  p = hk_secret_get_mutable_data (contents);
  memcpy (p, head, head_len);
  memcpy (p + head_len, hk_secret_get_data (self->key), key_len);
  memcpy (p + head_len + key_len, tail, tail_len);

  return contents;
}

static void
on_chooser_response_cb (HkRecoveryKeyPage *self,
                        int                response,
                        GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL || self->key == NULL)
    return;

  if (g_file_peek_path (file) == NULL)
    {
      toast (self, _("The recovery key can only be saved to a local folder. Choose another place."));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->path = g_file_get_path (file);
  data->contents = build_file_contents (self);

  task = g_task_new (self, self->cancellable, on_saved_cb, NULL);
  g_task_set_source_tag (task, on_chooser_response_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (widget);
  GtkRoot *root;

  if (self->key == NULL || self->chooser != NULL)
    return;

  root = gtk_widget_get_root (widget);
  self->chooser = gtk_file_chooser_native_new (_("Save Recovery Key"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     /* Translators: a file name; keep it short and without spaces. */
                                     _("hearken-recovery-key.txt"));
  {
    /* GTK's own chooser would start in the working directory. */
    g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), home, NULL);
  }
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
continue_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (widget);

  if (self->key == NULL || !gtk_check_button_get_active (self->stored_check))
    return;

  g_signal_emit (self, signals[DONE], 0);
}

static void
on_stored_toggled_cb (HkRecoveryKeyPage *self,
                      GtkCheckButton    *button)
{
  update_actions (self);
}

static gboolean
hk_recovery_key_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (HK_RECOVERY_KEY_PAGE (widget)->stored_check));
}

static void
hk_recovery_key_page_dispose (GObject *object)
{
  HkRecoveryKeyPage *self = HK_RECOVERY_KEY_PAGE (object);

  if (self->key_label != NULL)
    hk_recovery_key_page_clear (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->print_operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_RECOVERY_KEY_PAGE);

  G_OBJECT_CLASS (hk_recovery_key_page_parent_class)->dispose (object);
}

static void
hk_recovery_key_page_class_init (HkRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_recovery_key_page_dispose;

  widget_class->grab_focus = hk_recovery_key_page_grab_focus;

  /**
   * HkRecoveryKeyPage::done:
   *
   * The user confirmed that the key is stored and pressed Continue.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HkRecoveryKeyPage::toast:
   * @title: what to tell the user
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "recovery-page.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "recovery-page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "recovery-page.continue", NULL, continue_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "recovery-page.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "recovery-page.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HkRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, HkRecoveryKeyPage, stored_check);
  gtk_widget_class_bind_template_callback (widget_class, on_stored_toggled_cb);
}

static void
hk_recovery_key_page_init (HkRecoveryKeyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

GtkWidget *
hk_recovery_key_page_new (void)
{
  return g_object_new (HK_TYPE_RECOVERY_KEY_PAGE, NULL);
}

/**
 * hk_recovery_key_page_set_key:
 * @self: the page
 * @recovery_key: the grouped recovery key text
 * @vault_id: (nullable): the vault's identifier, printed beside the key
 *
 * Shows @recovery_key (a copy is kept in secure memory until
 * hk_recovery_key_page_clear()).
 */
void
hk_recovery_key_page_set_key (HkRecoveryKeyPage *self,
                              const HkSecret    *recovery_key,
                              const char        *vault_id)
{
  g_return_if_fail (HK_IS_RECOVERY_KEY_PAGE (self));
  g_return_if_fail (recovery_key != NULL);

  hk_recovery_key_page_clear (self);

  self->key = hk_secret_copy (recovery_key);
  self->vault_id = g_strdup (vault_id);
  gtk_label_set_text (self->key_label, hk_secret_get_data (self->key));
  update_actions (self);
}

/**
 * hk_recovery_key_page_clear:
 * @self: the page
 *
 * Removes the key from the label and wipes Hearken's copy.
 */
void
hk_recovery_key_page_clear (HkRecoveryKeyPage *self)
{
  g_return_if_fail (HK_IS_RECOVERY_KEY_PAGE (self));

  gtk_label_set_text (self->key_label, "");
  g_clear_pointer (&self->key, hk_secret_free);
  g_clear_pointer (&self->vault_id, g_free);
  gtk_check_button_set_active (self->stored_check, FALSE);
  update_actions (self);
}
