/* hk-import-dialog.c: checks an import file, shows what it holds, imports it
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-import-dialog.h"

struct _HkImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *busy_page;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *similar_group;
  GtkLabel             *error_label;

  HkVault              *vault;
  GFile                *file;
  GCancellable         *cancellable;
  GPtrArray            *count_rows;
  const char           *state;   /* interned */
};

G_DEFINE_FINAL_TYPE (HkImportDialog, hk_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order a caseworker reads a case in, not the enum's. */
static const HkRecordKind shown_kinds[] = {
  HK_RECORD_KIND_PERSON, HK_RECORD_KIND_CASE, HK_RECORD_KIND_NOTE, HK_RECORD_KIND_CONCERN,
  HK_RECORD_KIND_ENQUIRY, HK_RECORD_KIND_RISK, HK_RECORD_KIND_CONVERSATION,
  HK_RECORD_KIND_OUTCOME, HK_RECORD_KIND_CAPACITY, HK_RECORD_KIND_BEST_INTERESTS,
  HK_RECORD_KIND_ADVOCACY, HK_RECORD_KIND_ACTION,
};

static void
set_state (HkImportDialog *self,
           const char     *state)
{
  gboolean busy = g_str_equal (state, "checking") || g_str_equal (state, "importing");

  if (busy)
    adw_status_page_set_title (self->busy_page, g_str_equal (state, "checking")
                                                ? _("Checking the File")
                                                : _("Importing"));
  gtk_stack_set_visible_child_name (self->stack, busy ? "checking" : state);
  self->state = g_intern_string (state);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", g_str_equal (state, "ready"));
  /* Once the import runs it finishes as one transaction: leaving then would
   * only hide the result. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !g_str_equal (state, "importing"));
  gtk_window_set_deletable (GTK_WINDOW (self), !g_str_equal (state, "importing"));
  gtk_button_set_label (self->cancel_button, g_str_equal (state, "error") ? _("_Close") : _("_Cancel"));

  /* So that Enter imports once the file is checked, and closes if refused. */
  if (g_str_equal (state, "ready"))
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
  else if (g_str_equal (state, "error"))
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
show_error (HkImportDialog *self,
            const GError   *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, HK_ERROR, HK_ERROR_INVALID))
    /* Translators: the importer's "JSON path: reason", then this. */
    text = g_strdup_printf (_("%s\n\nNothing was added. Correct the file and import it again."), error->message);
  else if (error->domain == G_IO_ERROR)
    text = g_strdup_printf (_("The file could not be read: %s"), error->message);
  else
    text = g_strdup_printf (_("%s\n\nNothing was added."), error->message);
  gtk_label_set_text (self->error_label, text);
  set_state (self, "error");
}

static void
clear_count_rows (HkImportDialog *self)
{
  for (guint i = 0; i < self->count_rows->len; i++)
    {
      GtkWidget *row = self->count_rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->count_rows, 0);
}

/* Rows name the entry by its JSON path and the person by id: nothing
 * personal on screen that the worker did not open. */
static void
show_similar (HkImportDialog       *self,
              const HkImportReport *report)
{
  guint n = report->similar_paths != NULL ? report->similar_paths->len : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Like person %s"), (const char *) report->similar_ids->pdata[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), report->similar_paths->pdata[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->similar_group, row);
      g_ptr_array_add (self->count_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group), n > 0);
}

static void
show_counts (HkImportDialog       *self,
             const HkImportReport *report)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *description = NULL;

  clear_count_rows (self);
  for (guint i = 0; i < G_N_ELEMENTS (shown_kinds); i++)
    {
      guint n = report->counts[shown_kinds[i]];
      g_autofree char *count = NULL;
      GtkWidget *row, *label;

      if (n == 0)
        continue;
      count = g_strdup_printf ("%u", n);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hk_record_kind_get_label (shown_kinds[i]));
      label = gtk_label_new (count);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->counts_group, row);
      g_ptr_array_add (self->count_rows, row);
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” holds %u record. It is checked and ready: Import adds it.",
                                              "“%s” holds %u records. They are checked and ready: Import adds "
                                              "them all in one go, or, if anything fails, none of them.",
                                              report->total),
                                 name, report->total);
  adw_preferences_group_set_description (self->counts_group, description);
  show_similar (self, report);
  set_state (self, "ready");
}

/* Both steps end here: TRUE with @report filled if it worked and the dialog
 * is still there to say so; otherwise the error is shown (if it can be). */
static gboolean
finish_step (HkImportDialog *self,
             GObject        *source,
             GAsyncResult   *result,
             HkImportReport *report)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = hk_import_file_finish (HK_VAULT (source), result, report, &error);

  /* Disposed (closed, or the vault locked): nothing left to show it in. */
  if (self->vault == NULL)
    return FALSE;
  if (!ok)
    show_error (self, error);
  return ok;
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkImportDialog) self = user_data;
  g_auto(HkImportReport) report = { 0 };

  if (!finish_step (self, source, result, &report))
    return;

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, report.total,
                 report.case_ids != NULL ? report.case_ids->len : 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkImportDialog *self = HK_IMPORT_DIALOG (widget);

  set_state (self, "importing");
  /* Read and checked again, not reused: the file may have changed since the
   * check, and the import must write what it has just checked. */
  hk_import_file_async (self->vault, self->file, FALSE, self->cancellable,
                        on_imported_cb, g_object_ref (self));
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HkImportDialog) self = user_data;
  g_auto(HkImportReport) report = { 0 };

  if (finish_step (self, source, result, &report))
    show_counts (self, &report);
}

static gboolean
hk_import_dialog_close_request (GtkWindow *window)
{
  HkImportDialog *self = HK_IMPORT_DIALOG (window);

  /* Escape while importing: the records are going in; stay to say so. */
  if (self->state == g_intern_static_string ("importing"))
    return TRUE;

  return GTK_WINDOW_CLASS (hk_import_dialog_parent_class)->close_request (window);
}

static void
hk_import_dialog_dispose (GObject *object)
{
  HkImportDialog *self = HK_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->file);
  g_clear_pointer (&self->count_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_import_dialog_parent_class)->dispose (object);
}

static void
hk_import_dialog_class_init (HkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hk_import_dialog_dispose;
  window_class->close_request = hk_import_dialog_close_request;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import-dialog.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, similar_group);
  gtk_widget_class_bind_template_child (widget_class, HkImportDialog, error_label);
}

static void
hk_import_dialog_init (HkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Import Records"));
  self->cancellable = g_cancellable_new ();
  self->count_rows = g_ptr_array_new ();
  set_state (self, "checking");
}

/**
 * hk_import_dialog_new:
 * @parent: (nullable): the main window
 * @vault: an unlocked vault
 * @file: the file to import
 *
 * Returns: (transfer none): a new dialog that starts checking @file;
 *   present it
 */
GtkWidget *
hk_import_dialog_new (GtkWindow *parent,
                      HkVault   *vault,
                      GFile     *file)
{
  HkImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HK_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->vault = g_object_ref (vault);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  hk_import_file_async (vault, file, TRUE, self->cancellable, on_checked_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}

const char *
hk_import_dialog_get_state (HkImportDialog *self)
{
  g_return_val_if_fail (HK_IS_IMPORT_DIALOG (self), NULL);

  return self->state;
}
