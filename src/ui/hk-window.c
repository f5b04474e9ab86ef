/* hk-window.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-activity-window.h"
#include "hk-casebook.h"
#include "hk-create-vault-page.h"
#include "hk-first-run-page.h"
#include "hk-import-dialog.h"
#include "hk-recovery-key-page.h"
#include "hk-unlock-page.h"
#include "hk-window-private.h"

/* The demo: a separate vault beside the real one, with a published passphrase. */
#define DEMO_FILE_NAME      "demo.hearken"
#define DEMO_PASSPHRASE     "demo"
#define DEMO_CASES          40
#define DEMO_NOTES_PER_CASE 8
#define DEMO_SEED           2026

struct _HkWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  HkFirstRunPage       *first_run_page;
  HkCreateVaultPage    *create_page;
  HkRecoveryKeyPage    *recovery_key_page;
  HkUnlockPage         *unlock_page;
  GtkProgressBar       *demo_progress;
  AdwStatusPage        *problem_page;
  HkCasebook           *casebook;
  GMenuModel           *primary_menu;

  /* Owned references */
  GSettings            *settings;
  char                 *vault_path;
  char                 *path_before_demo;
  HkVault              *vault;
  GCancellable         *cancellable;     /* opening, creating the demo */
  GtkNativeDialog      *chooser;
  AdwToast             *progress_toast;  /* weak: "Backing up…" */
  HkSecret             *restore_passphrase;
  char                 *restore_path;
  GPtrArray            *lock_tasks;      /* GTask waiting for the lock to finish */
  GPtrArray            *vault_dialogs;   /* GtkWindow closed when the vault locks */

  HkKdfProfile          kdf_profile;
  gint64                last_activity;
  guint                 idle_source;
  guint                 auto_lock_minutes;
  guint                 locking : 1;
  guint                 close_after_lock : 1;
  guint                 remember_path : 1;
  guint                 lock_was_idle : 1;
};

G_DEFINE_FINAL_TYPE (HkWindow, hk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VAULT_PATH,
  PROP_KDF_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_vault         (HkWindow *self);
static void schedule_idle_check (HkWindow *self);
static void lock_async          (HkWindow            *self,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);

/* Helpers */

static const char *
get_page_name (HkWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return name != NULL ? name : "";
}

static void
show_page (HkWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static gboolean
is_unlocked (HkWindow *self)
{
  return self->vault != NULL && !hk_vault_is_locked (self->vault) && !self->locking;
}

/* Async callbacks can arrive after dispose has cleared the template. */
static gboolean
is_disposed (HkWindow *self)
{
  return self->stack == NULL;
}

static gboolean
is_demo (HkWindow *self)
{
  return self->vault != NULL && (hk_vault_get_flags (self->vault) & HK_VAULT_FLAG_DEMO) != 0;
}

static void
update_actions (HkWindow *self)
{
  const char *page = get_page_name (self);
  gboolean unlocked = is_unlocked (self);
  gboolean in_casebook = unlocked && g_str_equal (page, "casebook");
  gboolean settled = !self->locking &&
                     !g_str_equal (page, "loading") && !g_str_equal (page, "demo");
  gboolean choosing = settled && !unlocked;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.lock", unlocked);
  gtk_widget_action_set_enabled (widget, "win.backup", in_casebook);
  gtk_widget_action_set_enabled (widget, "win.restore", in_casebook);
  gtk_widget_action_set_enabled (widget, "win.activity-log", in_casebook);
  gtk_widget_action_set_enabled (widget, "win.import", in_casebook);
  gtk_widget_action_set_enabled (widget, "win.new-vault", choosing);
  gtk_widget_action_set_enabled (widget, "win.try-demo", choosing);
  gtk_widget_action_set_enabled (widget, "win.open-other", choosing);
  gtk_widget_action_set_enabled (widget, "win.show-start", g_str_equal (page, "create"));
  gtk_widget_action_set_enabled (widget, "win.retry", g_str_equal (page, "problem"));
  gtk_widget_action_set_enabled (widget, "win.leave-demo", settled && is_demo (self));
}

static void
set_vault (HkWindow *self,
           HkVault  *vault)
{
  if (self->vault == vault)
    return;

  g_set_object (&self->vault, vault);
  hk_unlock_page_set_vault (self->unlock_page, vault);
}

static void
set_vault_path (HkWindow   *self,
                const char *path)
{
  if (g_strcmp0 (self->vault_path, path) == 0)
    return;

  g_free (self->vault_path);
  self->vault_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT_PATH]);
}

static char *
dup_default_vault_path (HkWindow *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "vault-path");

  if (configured[0] != '\0')
    return g_steal_pointer (&configured);

  return hk_vault_get_default_path ();
}

/* A vault chosen with "Open Another Vault…" is remembered once it has opened. */
static void
remember_vault_path (HkWindow *self)
{
  if (!self->remember_path || self->vault == NULL || is_demo (self))
    return;

  self->remember_path = FALSE;
  g_settings_set_string (self->settings, "vault-path", hk_vault_get_path (self->vault));
}

static void
reset_cancellable (HkWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
show_problem (HkWindow     *self,
              const GError *error)
{
  if (g_error_matches (error, HK_ERROR, HK_ERROR_BUSY))
    {
      adw_status_page_set_title (self->problem_page,
                                 _("This vault is open in another Hearken window or program"));
      adw_status_page_set_description (self->problem_page,
                                       _("Only one program can use a vault at a time, so that "
                                         "its records stay intact. Close Hearken or hearken-cli "
                                         "where the vault is open, then try again."));
    }
  else
    {
      g_autofree char *message = hk_unlock_page_describe_error (error);

      adw_status_page_set_title (self->problem_page, _("The Vault Could Not Be Opened"));
      adw_status_page_set_description (self->problem_page, message);
    }

  show_page (self, "problem");
}

/* Without a portal GTK's own chooser starts in the working directory, which
 * is rarely where anyone keeps backups. */
static void
start_in_home (GtkFileChooser *chooser)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());

  gtk_file_chooser_set_current_folder (chooser, home, NULL);
}

/* What to do with the file or folder a chooser gave. */
typedef void (*ChosenFunc) (HkWindow *self,
                            GFile    *file);

static void
on_chooser_response_cb (HkWindow        *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  ChosenFunc chosen = (ChosenFunc) g_object_get_data (G_OBJECT (chooser), "hk-chosen");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && !is_disposed (self))
    chosen (self, file);
}

/* A modal chooser that starts in the home folder and hands its choice to
 * @chosen; the caller adds filters or a name, then shows self->chooser.
 * NULL while another chooser is open. */
static GtkFileChooser *
new_chooser (HkWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return NULL;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  start_in_home (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "hk-chosen", (gpointer) chosen);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  return GTK_FILE_CHOOSER (chooser);
}

static void
close_vault_dialogs (HkWindow *self)
{
  g_autoptr(GPtrArray) dialogs = g_steal_pointer (&self->vault_dialogs);

  self->vault_dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
}

/* Unlocked: show the casebook */

static void
enter_casebook (HkWindow *self)
{
  g_assert (self->vault != NULL);

  remember_vault_path (self);
  hk_recovery_key_page_clear (self->recovery_key_page);
  hk_unlock_page_reset (self->unlock_page);
  g_object_set (self->casebook, "is-demo", is_demo (self), NULL);
  hk_casebook_set_vault (self->casebook, self->vault);
  show_page (self, "casebook");

  /* Said at every unlock until the vault is restored from a backup. */
  if (hk_vault_get_log_cut (self->vault, NULL, NULL))
    hk_window_add_toast (self, _("Entries are missing from the end of this vault’s activity log. It may have been tampered with: tell your information governance team."));

  self->last_activity = g_get_monotonic_time ();
  schedule_idle_check (self);
}

static void
on_unlocked_cb (HkWindow     *self,
                HkUnlockPage *page)
{
  if (self->vault == NULL || hk_vault_is_locked (self->vault))
    return;

  enter_casebook (self);
}

/* Opening the vault at vault_path */

static void
on_vault_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;

  vault = hk_vault_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_disposed (self))
    return;

  if (vault == NULL)
    {
      show_problem (self, error);
      return;
    }

  set_vault (self, vault);
  remember_vault_path (self);
  show_page (self, "unlock");
}

/* Leaving a vault: it is closed on its worker thread, behind whatever it is
 * still doing, so its file lock is free before the window opens a vault at
 * the same path again (the demo, or the same folder chosen twice). Dropping
 * the reference is not enough: background work may still hold one. */
typedef void (*ReleasedFunc) (HkWindow *self);

typedef struct {
  HkWindow     *self;
  GCancellable *cancellable;
  ReleasedFunc  next;
} Release;

static void
on_vault_released_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Release *release = user_data;

  hk_vault_close_finish (HK_VAULT (source), result, NULL);
  /* Cancelled: the window went, or something else was chosen meanwhile. */
  if (!g_cancellable_is_cancelled (release->cancellable) && !is_disposed (release->self))
    release->next (release->self);

  g_object_unref (release->self);
  g_object_unref (release->cancellable);
  g_free (release);
}

static void
release_vault_then (HkWindow     *self,
                    ReleasedFunc  next)
{
  g_autoptr(HkVault) old = self->vault != NULL ? g_object_ref (self->vault) : NULL;
  Release *release;

  set_vault (self, NULL);
  if (old == NULL)
    {
      next (self);
      return;
    }

  release = g_new0 (Release, 1);
  release->self = g_object_ref (self);
  release->cancellable = g_object_ref (self->cancellable);
  release->next = next;
  hk_vault_close_async (old, on_vault_released_cb, release);
}

static void
open_vault_path (HkWindow *self)
{
  if (!hk_vault_exists (self->vault_path))
    {
      show_page (self, "first-run");
      return;
    }

  show_page (self, "loading");
  hk_vault_open_async (self->vault_path, self->cancellable,
                       on_vault_opened_cb, g_object_ref (self));
}

static void
start_vault (HkWindow *self)
{
  reset_cancellable (self);
  show_page (self, "loading");
  release_vault_then (self, open_vault_path);
}

/* Creating a vault */

static void
on_vault_created_cb (HkWindow          *self,
                     HkVault           *vault,
                     HkSecret          *recovery_key,
                     HkCreateVaultPage *page)
{
  set_vault (self, vault);
  remember_vault_path (self);
  hk_recovery_key_page_set_key (self->recovery_key_page, recovery_key, hk_vault_get_id (vault));
  show_page (self, "recovery-key");

  /* The vault is unlocked from here on, so auto-lock applies. */
  self->last_activity = g_get_monotonic_time ();
  schedule_idle_check (self);
}

static void
on_recovery_key_done_cb (HkWindow          *self,
                         HkRecoveryKeyPage *page)
{
  hk_recovery_key_page_clear (self->recovery_key_page);

  if (is_unlocked (self))
    enter_casebook (self);
  else
    show_page (self, "unlock");
}

static void
new_vault_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);

  if (hk_vault_exists (self->vault_path))
    {
      hk_window_add_toast (self, _("There is already a vault here. Unlock it, or open another one."));
      start_vault (self);
      return;
    }

  hk_create_vault_page_setup (self->create_page, self->vault_path, self->kdf_profile);
  show_page (self, "create");
}

static void
show_start_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);

  hk_create_vault_page_reset (self->create_page);
  show_page (self, self->vault != NULL ? "unlock" : "first-run");
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_vault (HK_WINDOW (widget));
}

/* The demo */

typedef struct {
  HkWindow *self;
  double    fraction;
} DemoProgress;

static void
demo_progress_free (gpointer data)
{
  DemoProgress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

static gboolean
demo_progress_idle (gpointer data)
{
  DemoProgress *progress = data;

  if (!is_disposed (progress->self))
    gtk_progress_bar_set_fraction (progress->self->demo_progress, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: hand the number to the main thread. */
static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  DemoProgress *progress = g_new0 (DemoProgress, 1);

  progress->self = g_object_ref (HK_WINDOW (user_data));
  progress->fraction = total > 0 ? (double) done / total : 1.0;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_idle,
                              progress, demo_progress_free);
}

static void
demo_populate_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  HkVault *vault = task_data;
  GError *error = NULL;

  if (!hk_demo_populate (vault, DEMO_CASES, DEMO_NOTES_PER_CASE, DEMO_SEED,
                         demo_progress_cb, source_object, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_demo_populated_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HkWindow *self = HK_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A partly filled demo is still a demo: show what is there. */
      hk_window_add_toast (self, _("The demo could not be filled completely. Some made-up cases are missing."));
    }

  if (is_unlocked (self))
    enter_casebook (self);
  else
    show_page (self, self->vault != NULL ? "unlock" : "first-run");
}

static void
on_demo_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) recovery_key = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(GTask) task = NULL;

  vault = hk_vault_create_finish (result, &recovery_key, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_disposed (self))
    return;

  if (vault == NULL)
    {
      show_problem (self, error);
      return;
    }

  set_vault (self, vault);

  task = g_task_new (self, self->cancellable, on_demo_populated_cb, NULL);
  g_task_set_source_tag (task, on_demo_created_cb);
  g_task_set_task_data (task, g_object_ref (vault), g_object_unref);
  g_task_run_in_thread (task, demo_populate_thread);
}

static void
on_demo_unlocked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hk_vault_unlock_finish (HK_VAULT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_disposed (self))
        return;
      /* Someone changed the demo's passphrase: let them type it. */
      show_page (self, "unlock");
      return;
    }

  enter_casebook (self);
}

static void
on_demo_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;

  vault = hk_vault_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_disposed (self))
    return;

  if (vault == NULL)
    {
      show_problem (self, error);
      return;
    }

  set_vault (self, vault);
  passphrase = hk_secret_new_from_string (DEMO_PASSPHRASE);
  hk_vault_unlock_async (vault, passphrase, self->cancellable,
                         on_demo_unlocked_cb, g_object_ref (self));
}

static void
open_demo (HkWindow *self)
{
  g_autoptr(HkSecret) passphrase = NULL;

  if (hk_vault_exists (self->vault_path))
    {
      hk_vault_open_async (self->vault_path, self->cancellable,
                           on_demo_opened_cb, g_object_ref (self));
      return;
    }

  passphrase = hk_secret_new_from_string (DEMO_PASSPHRASE);
  hk_vault_create_async (self->vault_path, passphrase, self->kdf_profile, HK_VAULT_FLAG_DEMO,
                         _("Demo Worker"), self->cancellable,
                         on_demo_created_cb, g_object_ref (self));
}

static void
try_demo_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);
  g_autofree char *dir = g_path_get_dirname (self->vault_path);
  g_autofree char *demo_path = g_build_filename (dir, DEMO_FILE_NAME, NULL);

  self->remember_path = FALSE;
  if (self->path_before_demo == NULL && g_strcmp0 (self->vault_path, demo_path) != 0)
    self->path_before_demo = g_strdup (self->vault_path);
  set_vault_path (self, demo_path);
  reset_cancellable (self);
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  show_page (self, "demo");
  release_vault_then (self, open_demo);
}

static void
on_left_demo_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autofree char *path = NULL;

  g_task_propagate_boolean (G_TASK (result), NULL);
  if (is_disposed (self))
    return;

  /* Back to the vault the window had before the demo. */
  path = self->path_before_demo != NULL ? g_strdup (self->path_before_demo)
                                        : dup_default_vault_path (self);
  g_clear_pointer (&self->path_before_demo, g_free);
  set_vault_path (self, path);
  start_vault (self);
}

static void
leave_demo_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);

  lock_async (self, on_left_demo_cb, g_object_ref (self));
}

/* Opening another vault */

static void
open_other_chosen (HkWindow *self,
                   GFile    *folder)
{
  g_autofree char *path = NULL;

  if (g_file_peek_path (folder) == NULL)
    {
      hk_window_add_toast (self, _("Choose a folder on this computer."));
      return;
    }

  /* SQLite keeps sidecar files next to the vault, so the user chooses the
   * folder, and the vault inside it has a fixed name. */
  path = g_build_filename (g_file_peek_path (folder), "vault.hearken", NULL);
  self->remember_path = TRUE;
  g_clear_pointer (&self->path_before_demo, g_free);
  set_vault_path (self, path);
  start_vault (self);

  if (!hk_vault_exists (path))
    hk_window_add_toast (self, _("There is no vault in that folder yet. You can create one there."));
}

static void
open_other_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);

  if (new_chooser (self, _("Open Another Vault"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                   _("_Open"), open_other_chosen) != NULL)
    gtk_native_dialog_show (self->chooser);
}

/* Locking */

static void
on_vault_locked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  /* The keys were wiped before the call returned; a failure here is only the
   * WAL checkpoint, which the next unlock or open repeats. */
  hk_vault_lock_finish (HK_VAULT (source), result, &error);

  self->locking = FALSE;
  if (!is_disposed (self))
    update_actions (self);

  tasks = g_steal_pointer (&self->lock_tasks);
  self->lock_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), TRUE);

  if (self->close_after_lock && !is_disposed (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
finish_lock (HkWindow *self,
             gboolean  drafts_saved)
{
  /* Drop every decrypted thing the window shows before the keys go. */
  hk_casebook_set_vault (self->casebook, NULL);
  hk_recovery_key_page_clear (self->recovery_key_page);
  hk_unlock_page_reset (self->unlock_page);
  close_vault_dialogs (self);
  show_page (self, "unlock");

  if (!drafts_saved)
    hk_window_add_toast (self, _("A draft could not be saved before locking. Unlock and check your open notes."));
  else if (self->lock_was_idle)
    hk_window_add_toast (self, _("The vault was locked because Hearken was not used for a while."));
  self->lock_was_idle = FALSE;

  hk_vault_lock_async (self->vault, NULL, on_vault_locked_cb, g_object_ref (self));
}

static void
on_drafts_flushed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = hk_casebook_flush_drafts_finish (HK_CASEBOOK (source), result, &error);
  if (is_disposed (self))
    return;
  finish_lock (self, saved);
}

static void
lock_async (HkWindow            *self,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, lock_async);

  if (!self->locking && (self->vault == NULL || hk_vault_is_locked (self->vault)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->lock_tasks, g_steal_pointer (&task));
  if (self->locking)
    return;

  self->locking = TRUE;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  update_actions (self);

  /* Whatever has been typed is saved (encrypted) before the keys go. */
  if (hk_casebook_get_vault (self->casebook) != NULL)
    hk_casebook_flush_drafts_async (self->casebook, NULL,
                                    on_drafts_flushed_cb, g_object_ref (self));
  else
    finish_lock (self, TRUE);
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hk_window_lock (HK_WINDOW (widget));
}

/* Auto-lock after inactivity */

gint64
_hk_idle_remaining_usec (gint64 last_activity,
                         gint64 now,
                         guint  minutes)
{
  gint64 period;

  if (minutes == 0)
    return -1;

  period = (gint64) minutes * 60 * G_USEC_PER_SEC;
  if (now < last_activity)
    return period;
  if (now - last_activity >= period)
    return 0;

  return period - (now - last_activity);
}

static void
check_idle (HkWindow *self,
            gint64    now)
{
  gint64 remaining;

  if (!is_unlocked (self))
    return;

  remaining = _hk_idle_remaining_usec (self->last_activity, now, self->auto_lock_minutes);
  if (remaining == 0)
    {
      self->lock_was_idle = TRUE;
      hk_window_lock (self);
    }
  else if (remaining > 0)
    schedule_idle_check (self);
}

static gboolean
on_idle_timeout_cb (gpointer user_data)
{
  HkWindow *self = HK_WINDOW (user_data);

  self->idle_source = 0;
  check_idle (self, g_get_monotonic_time ());

  return G_SOURCE_REMOVE;
}

static void
schedule_idle_check (HkWindow *self)
{
  gint64 remaining;
  guint seconds;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (!is_unlocked (self))
    return;

  remaining = _hk_idle_remaining_usec (self->last_activity, g_get_monotonic_time (),
                                       self->auto_lock_minutes);
  if (remaining < 0)
    return;

  /* Input only moves last_activity; the timer re-arms itself when it fires
   * early, so typing costs nothing. */
  seconds = (guint) MIN (remaining / G_USEC_PER_SEC + 1, G_MAXUINT);
  self->idle_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, seconds,
                                                  on_idle_timeout_cb, self, NULL);
}

static gboolean
on_input_event_cb (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   HkWindow                 *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = g_get_monotonic_time ();
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
watch_input (HkWindow  *self,
             GtkWidget *widget)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  /* Capture phase sees every event before any child can consume it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input_event_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

static void
on_auto_lock_changed_cb (HkWindow   *self,
                         const char *key,
                         GSettings  *settings)
{
  self->auto_lock_minutes = g_settings_get_uint (settings, "auto-lock-minutes");
  schedule_idle_check (self);
}

/* Backup */

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);

  if (!hk_vault_backup_finish (HK_VAULT (source), result, &error) && !is_disposed (self))
    {
      g_autofree char *message = hk_unlock_page_describe_error (error);
      g_autofree char *text = g_strdup_printf (_("The backup could not be saved. %s"), message);

      hk_window_add_toast (self, text);
      return;
    }

  if (!is_disposed (self))
    hk_window_add_toast (self, _("Backup saved"));
}

static void
backup_chosen (HkWindow *self,
               GFile    *file)
{
  if (!is_unlocked (self))
    return;

  if (g_file_peek_path (file) == NULL)
    {
      hk_window_add_toast (self, _("Backups can only be saved to a folder on this computer or a connected drive."));
      return;
    }

  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  self->progress_toast = adw_toast_new (_("Backing up…"));
  adw_toast_set_timeout (self->progress_toast, 0);
  g_object_add_weak_pointer (G_OBJECT (self->progress_toast), (gpointer *) &self->progress_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->progress_toast);
  hk_vault_backup_async (self->vault, g_file_peek_path (file), NULL,
                         on_backup_done_cb, g_object_ref (self));
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  if (!is_unlocked (self) ||
      (chooser = new_chooser (self, _("Back Up Vault"), GTK_FILE_CHOOSER_ACTION_SAVE,
                              _("_Save"), backup_chosen)) == NULL)
    return;

  /* Translators: a file name; %s is the date as YYYY-MM-DD. Keep it free of spaces. */
  name = g_strdup_printf (_("hearken-backup-%s.hearken"), date);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_show (self->chooser);
}

/* Restore */

static void
clear_restore (HkWindow *self)
{
  g_clear_pointer (&self->restore_passphrase, hk_secret_free);
  g_clear_pointer (&self->restore_path, g_free);
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  clear_restore (self);
  if (is_disposed (self))
    return;
  hk_unlock_page_reset (self->unlock_page);
  show_page (self, "unlock");

  if (!hk_vault_restore_finish (HK_VAULT (source), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE))
        text = g_strdup (_("That passphrase did not open the backup. Your vault has not been changed."));
      else
        {
          g_autofree char *message = hk_unlock_page_describe_error (error);
          text = g_strdup_printf (_("The backup was not restored: %s Your vault has not been changed."),
                                  message);
        }
      hk_window_add_toast (self, text);
      return;
    }

  hk_window_add_toast (self, _("The vault was restored from the backup. Unlock it with the backup’s passphrase."));
}

static void
on_locked_for_restore_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  HkWindow *self = HK_WINDOW (source);

  g_task_propagate_boolean (G_TASK (result), NULL);

  if (is_disposed (self) || self->vault == NULL ||
      self->restore_passphrase == NULL || self->restore_path == NULL)
    {
      clear_restore (self);
      return;
    }

  show_page (self, "loading");
  /* The core checks the backup completely before it replaces anything. */
  hk_vault_restore_async (self->vault, self->restore_path, self->restore_passphrase, NULL,
                          on_restored_cb, g_object_ref (self));
}

static void
on_restore_confirmed_cb (HkWindow         *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "replace") != 0 || !is_unlocked (self))
    {
      clear_restore (self);
      return;
    }

  lock_async (self, on_locked_for_restore_cb, NULL);
}

static void
confirm_restore (HkWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Replace the current vault with this backup?"),
                                   _("Changes since the backup will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_restore_confirmed_cb), self, G_CONNECT_SWAPPED);
  hk_window_adopt_dialog (self, GTK_WINDOW (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_passphrase_response_cb (HkWindow         *self,
                                   const char       *response,
                                   AdwMessageDialog *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "continue") != 0 || gtk_editable_get_text (entry)[0] == '\0')
    {
      gtk_editable_set_text (entry, "");
      clear_restore (self);
      return;
    }

  g_clear_pointer (&self->restore_passphrase, hk_secret_free);
  self->restore_passphrase = hk_secret_new_from_string (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  confirm_restore (self);
}

static void
on_restore_entry_changed_cb (AdwMessageDialog *dialog,
                             GtkEditable      *entry)
{
  adw_message_dialog_set_response_enabled (dialog, "continue",
                                           gtk_editable_get_text (entry)[0] != '\0');
}

static void
ask_restore_passphrase (HkWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Backup Passphrase"),
                                   _("Enter the passphrase the vault had when this backup was made."));
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  /* Enter answers "continue" through the dialog's default response, so the
   * dialog closes in the normal way. */
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backup passphrase"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  /* GTK 4.8's GtkPasswordEntry leaves a handler on its window; when the
   * dialog is disposed after its extra child that handler meets a freed
   * entry. Keeping the entry until the dialog is finalised avoids it. */
  g_object_set_data_full (G_OBJECT (dialog), "hk-entry", g_object_ref (entry), g_object_unref);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_restore_entry_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_restore_passphrase_response_cb), self, G_CONNECT_SWAPPED);
  hk_window_adopt_dialog (self, GTK_WINDOW (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
restore_chosen (HkWindow *self,
                GFile    *file)
{
  if (!is_unlocked (self))
    return;

  if (g_file_peek_path (file) == NULL)
    {
      hk_window_add_toast (self, _("Choose a backup on this computer or a connected drive."));
      return;
    }

  clear_restore (self);
  self->restore_path = g_file_get_path (file);
  ask_restore_passphrase (self);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (!is_unlocked (self) ||
      (chooser = new_chooser (self, _("Restore From Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
                              _("_Open"), restore_chosen)) == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Hearken backups"));
  gtk_file_filter_add_pattern (filter, "*.hearken");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_native_dialog_show (self->chooser);
}

/* Activity log */

static void
activity_log_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);
  GtkWidget *window;

  if (!is_unlocked (self))
    return;

  window = hk_activity_window_new (GTK_WINDOW (self), self->vault);
  hk_window_adopt_dialog (self, GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* Import */

static void
on_imported_cb (HkWindow       *self,
                guint           total,
                guint           new_cases,
                HkImportDialog *dialog)
{
  g_autofree char *records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", total),
                                              total);
  g_autofree char *cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new case", "%u new cases",
                                                         new_cases), new_cases);
  /* Translators: "Imported 24 records, 3 new cases" */
  g_autofree char *text = g_strdup_printf (_("Imported %s, %s"), records, cases);

  hk_casebook_reload (self->casebook);
  hk_window_add_toast (self, text);
}

static void
open_import_dialog (HkWindow *self,
                    GFile    *file)
{
  GtkWidget *dialog;

  if (!is_unlocked (self))
    return;

  dialog = hk_import_dialog_new (GTK_WINDOW (self), self->vault, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  hk_window_adopt_dialog (self, GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkWindow *self = HK_WINDOW (widget);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (!is_unlocked (self) ||
      (chooser = new_chooser (self, _("Import Records"), GTK_FILE_CHOOSER_ACTION_OPEN,
                              _("_Open"), open_import_dialog)) == NULL)
    return;

  gtk_file_filter_set_name (json, _("Hearken import files (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_native_dialog_show (self->chooser);
}

/* Signal handlers */

static void
on_toast_cb (HkWindow   *self,
             const char *title,
             GtkWidget  *source)
{
  hk_window_add_toast (self, title);
}

static void
on_visible_page_changed_cb (HkWindow   *self,
                            GParamSpec *pspec,
                            GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  const char *page = get_page_name (self);

  update_actions (self);

  /* Put the keyboard focus where the user starts on each page. */
  if (g_str_equal (page, "first-run"))
    gtk_widget_grab_focus (GTK_WIDGET (self->first_run_page));
  else if (g_str_equal (page, "create"))
    gtk_widget_grab_focus (GTK_WIDGET (self->create_page));
  else if (g_str_equal (page, "unlock"))
    gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
  else if (g_str_equal (page, "recovery-key"))
    gtk_widget_grab_focus (GTK_WIDGET (self->recovery_key_page));
  else if (child != NULL)
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
on_dialog_destroyed_cb (HkWindow  *self,
                        GtkWindow *dialog)
{
  if (self->vault_dialogs != NULL)
    g_ptr_array_remove (self->vault_dialogs, dialog);
}

/* GObject and GtkWidget overrides */

static void
save_geometry (HkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
hk_window_close_request (GtkWindow *window)
{
  HkWindow *self = HK_WINDOW (window);

  save_geometry (self);

  if (self->locking || is_unlocked (self))
    {
      /* Drafts are flushed and the keys wiped first; the window goes after. */
      self->close_after_lock = TRUE;
      hk_window_lock (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hk_window_parent_class)->close_request (window);
}

static void
hk_window_constructed (GObject *object)
{
  HkWindow *self = HK_WINDOW (object);

  G_OBJECT_CLASS (hk_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->vault_path == NULL)
    self->vault_path = dup_default_vault_path (self);

  start_vault (self);
}

static void
hk_window_dispose (GObject *object)
{
  HkWindow *self = HK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->progress_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->progress_toast), (gpointer *) &self->progress_toast);
  self->progress_toast = NULL;
  clear_restore (self);
  if (self->vault_dialogs != NULL)
    close_vault_dialogs (self);
  g_clear_pointer (&self->vault_dialogs, g_ptr_array_unref);

  /* An unlocked vault loses its keys here even if the window goes without a
   * close request (for example when the application is shut down). The lock
   * is queued behind the draft saves the casebook starts for its open
   * editors, so nothing typed is lost; the task keeps the vault alive. */
  if (self->vault != NULL)
    {
      if (!hk_vault_is_locked (self->vault))
        {
          hk_casebook_set_vault (self->casebook, NULL);
          hk_vault_lock_async (self->vault, NULL, NULL, NULL);
        }
      /* Let go of the file even if background work still holds the object. */
      hk_vault_close_async (self->vault, NULL, NULL);
    }
  g_clear_object (&self->vault);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_WINDOW);

  G_OBJECT_CLASS (hk_window_parent_class)->dispose (object);
}

static void
hk_window_finalize (GObject *object)
{
  HkWindow *self = HK_WINDOW (object);

  g_clear_pointer (&self->lock_tasks, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->vault_path, g_free);
  g_clear_pointer (&self->path_before_demo, g_free);

  G_OBJECT_CLASS (hk_window_parent_class)->finalize (object);
}

static void
hk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HkWindow *self = HK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT_PATH:
      g_value_set_string (value, self->vault_path);
      break;

    case PROP_KDF_PROFILE:
      g_value_set_int (value, self->kdf_profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HkWindow *self = HK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT_PATH:
      g_free (self->vault_path);
      self->vault_path = g_value_dup_string (value);
      break;

    case PROP_KDF_PROFILE:
      self->kdf_profile = (HkKdfProfile) g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_window_class_init (HkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hk_window_constructed;
  object_class->dispose = hk_window_dispose;
  object_class->finalize = hk_window_finalize;
  object_class->get_property = hk_window_get_property;
  object_class->set_property = hk_window_set_property;

  window_class->close_request = hk_window_close_request;

  /**
   * HkWindow:vault-path:
   *
   * The vault file this window opens. %NULL at construction means the
   * GSettings "vault-path", or the default vault when that is empty.
   */
  properties[PROP_VAULT_PATH] =
    g_param_spec_string ("vault-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HkWindow:kdf-profile:
   *
   * The HkKdfProfile for vaults this window creates. Only tests change it.
   */
  properties[PROP_KDF_PROFILE] =
    g_param_spec_int ("kdf-profile", NULL, NULL,
                      HK_KDF_PROFILE_MODERATE, HK_KDF_PROFILE_TEST_WEAK, HK_KDF_PROFILE_MODERATE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_install_action (widget_class, "win.new-vault", NULL, new_vault_activated);
  gtk_widget_class_install_action (widget_class, "win.try-demo", NULL, try_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, leave_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.open-other", NULL, open_other_activated);
  gtk_widget_class_install_action (widget_class, "win.show-start", NULL, show_start_activated);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "win.activity-log", NULL, activity_log_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);

  /* Also bound here so the window locks with Ctrl+L without an application. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-start", NULL);

  g_type_ensure (HK_TYPE_CASEBOOK);
  g_type_ensure (HK_TYPE_CREATE_VAULT_PAGE);
  g_type_ensure (HK_TYPE_FIRST_RUN_PAGE);
  g_type_ensure (HK_TYPE_RECOVERY_KEY_PAGE);
  g_type_ensure (HK_TYPE_UNLOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, recovery_key_page);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, casebook);
  gtk_widget_class_bind_template_child (widget_class, HkWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_vault_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_key_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);
}

static void
hk_window_init (HkWindow *self)
{
  self->kdf_profile = HK_KDF_PROFILE_MODERATE;
  self->lock_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->vault_dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APP_ID);
  self->auto_lock_minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");
  g_signal_connect_object (self->settings, "changed::auto-lock-minutes",
                           G_CALLBACK (on_auto_lock_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  hk_casebook_set_primary_menu (self->casebook, self->primary_menu);
  watch_input (self, GTK_WIDGET (self));
  update_actions (self);
}

/**
 * hk_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer none): a main window for the configured vault
 */
HkWindow *
hk_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (HK_TYPE_WINDOW, "application", application, NULL);
}

const char *
hk_window_get_vault_path (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), NULL);

  return self->vault_path;
}

HkKdfProfile
hk_window_get_kdf_profile (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), HK_KDF_PROFILE_MODERATE);

  return self->kdf_profile;
}

/**
 * hk_window_get_vault:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the open vault, locked or not
 */
HkVault *
hk_window_get_vault (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), NULL);

  return self->vault;
}

gboolean
hk_window_is_unlocked (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), FALSE);

  return is_unlocked (self);
}

/**
 * hk_window_lock:
 * @self: the window
 *
 * Saves open drafts, drops decrypted records from the casebook, wipes the
 * keys and shows the unlock page. Does nothing if the vault is not unlocked.
 */
void
hk_window_lock (HkWindow *self)
{
  g_return_if_fail (HK_IS_WINDOW (self));

  lock_async (self, NULL, NULL);
}

void
hk_window_add_toast (HkWindow   *self,
                     const char *title)
{
  AdwToast *toast;

  g_return_if_fail (HK_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * hk_window_adopt_dialog:
 * @self: the main window
 * @dialog: a window opened on its behalf
 * @close_on_lock: whether to destroy @dialog when the vault locks
 */
void
hk_window_adopt_dialog (HkWindow  *self,
                        GtkWindow *dialog,
                        gboolean   close_on_lock)
{
  g_return_if_fail (HK_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  watch_input (self, GTK_WIDGET (dialog));

  if (close_on_lock)
    {
      g_ptr_array_add (self->vault_dialogs, g_object_ref (dialog));
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/* Private API for tests */

void
_hk_window_import_file (HkWindow *self,
                        GFile    *file)
{
  g_return_if_fail (HK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_import_dialog (self, file);
}

const char *
_hk_window_get_page_name (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), NULL);

  return get_page_name (self);
}

GtkWidget *
_hk_window_get_page (HkWindow   *self,
                     const char *name)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "first-run") == 0)
    return GTK_WIDGET (self->first_run_page);
  if (g_strcmp0 (name, "create") == 0)
    return GTK_WIDGET (self->create_page);
  if (g_strcmp0 (name, "recovery-key") == 0)
    return GTK_WIDGET (self->recovery_key_page);
  if (g_strcmp0 (name, "unlock") == 0)
    return GTK_WIDGET (self->unlock_page);
  if (g_strcmp0 (name, "casebook") == 0)
    return GTK_WIDGET (self->casebook);
  if (g_strcmp0 (name, "problem") == 0)
    return GTK_WIDGET (self->problem_page);

  return gtk_stack_get_child_by_name (self->stack, name);
}

HkCasebook *
_hk_window_get_casebook (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), NULL);

  return self->casebook;
}

gboolean
_hk_window_is_locking (HkWindow *self)
{
  g_return_val_if_fail (HK_IS_WINDOW (self), FALSE);

  return self->locking;
}

void
_hk_window_simulate_idle_timeout (HkWindow *self)
{
  g_return_if_fail (HK_IS_WINDOW (self));

  if (self->auto_lock_minutes == 0)
    {
      check_idle (self, g_get_monotonic_time ());
      return;
    }

  check_idle (self, self->last_activity + (gint64) self->auto_lock_minutes * 60 * G_USEC_PER_SEC);
}
