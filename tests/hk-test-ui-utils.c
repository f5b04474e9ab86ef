/* hk-test-ui-utils.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

void
hk_test_ui_init (int    *argc,
                 char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Waiting */

struct _HkTestUiDeadline
{
  char     *what;
  guint     source;
  gboolean  expired;
};

static gboolean
deadline_expired_cb (gpointer user_data)
{
  HkTestUiDeadline *deadline = user_data;

  deadline->expired = TRUE;
  deadline->source = 0;

  return G_SOURCE_REMOVE;
}

HkTestUiDeadline *
hk_test_ui_deadline_new (const char *what)
{
  HkTestUiDeadline *deadline = g_new0 (HkTestUiDeadline, 1);

  deadline->what = g_strdup (what);
  /* The timeout source also guarantees the blocking iteration wakes up. */
  deadline->source = g_timeout_add_seconds (HK_TEST_UI_WAIT_SECONDS, deadline_expired_cb, deadline);

  return deadline;
}

void
hk_test_ui_deadline_iterate (HkTestUiDeadline *deadline)
{
  if (deadline->expired)
    g_error ("Gave up after %u s waiting for: %s", HK_TEST_UI_WAIT_SECONDS, deadline->what);

  g_main_context_iteration (NULL, TRUE);
}

void
hk_test_ui_deadline_free (HkTestUiDeadline *deadline)
{
  g_clear_handle_id (&deadline->source, g_source_remove);
  g_free (deadline->what);
  g_free (deadline);
}

void
hk_test_ui_wait (HkTestUiCondition  condition,
                 gpointer           user_data,
                 const char        *what)
{
  HkTestUiDeadline *deadline = hk_test_ui_deadline_new (what);

  while (!condition (user_data))
    hk_test_ui_deadline_iterate (deadline);

  hk_test_ui_deadline_free (deadline);
}

void
hk_test_ui_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Finding widgets */

static gboolean
widget_has_id (GtkWidget  *widget,
               const char *id)
{
  const char *buildable_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return g_strcmp0 (buildable_id, id) == 0 || g_strcmp0 (gtk_widget_get_name (widget), id) == 0;
}

GtkWidget *
hk_test_ui_find_by_id (GtkWidget  *root,
                       const char *id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (widget_has_id (root, id))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hk_test_ui_find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
hk_test_ui_get_by_id (GtkWidget  *root,
                      const char *id)
{
  GtkWidget *widget = hk_test_ui_find_by_id (root, id);

  if (widget == NULL)
    g_error ("No widget with id “%s” under %s", id, G_OBJECT_TYPE_NAME (root));

  return widget;
}

GtkWidget *
hk_test_ui_find_by_type (GtkWidget *root,
                         GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hk_test_ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
hk_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hk_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
hk_test_ui_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

/* Driving widgets */

void
hk_test_ui_set_text (GtkWidget  *editable,
                     const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
hk_test_ui_activate (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  /* GTK borrows the parameter and never sinks it: a floating one would leak. */
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (GTK_IS_WIDGET (widget));

  if (!gtk_widget_activate_action_variant (widget, action, owned))
    g_error ("Action “%s” is not reachable from %s", action, G_OBJECT_TYPE_NAME (widget));
}

/* Main windows */

HkWindow *
hk_test_ui_new_window (const char     *dir,
                       GtkApplication *application)
{
  g_autofree char *path = g_build_filename (dir, "vault.hearken", NULL);
  HkWindow *window;

  window = g_object_new (HK_TYPE_WINDOW,
                         "application", application,
                         "vault-path", path,
                         "kdf-profile", HK_KDF_PROFILE_TEST_WEAK,
                         NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

typedef struct {
  HkWindow   *window;
  const char *page;
} PageWait;

static gboolean
page_is_shown (gpointer user_data)
{
  PageWait *wait = user_data;

  return g_strcmp0 (_hk_window_get_page_name (wait->window), wait->page) == 0 &&
         !_hk_window_is_locking (wait->window);
}

void
hk_test_ui_wait_for_page (HkWindow   *window,
                          const char *page)
{
  PageWait wait = { window, page };
  g_autofree char *what = g_strdup_printf ("the window to show the “%s” page", page);
  HkTestUiDeadline *deadline = hk_test_ui_deadline_new (what);

  while (!page_is_shown (&wait))
    {
      /* Say where the window got stuck, or a timeout in CI tells nothing. */
      if (deadline->expired)
        g_error ("Gave up after %u s waiting for: %s (it shows “%s”%s)",
                 HK_TEST_UI_WAIT_SECONDS, what, _hk_window_get_page_name (window),
                 _hk_window_is_locking (window) ? ", still locking" : "");
      hk_test_ui_deadline_iterate (deadline);
    }

  hk_test_ui_deadline_free (deadline);
}

void
hk_test_ui_unlock (HkWindow   *window,
                   const char *passphrase)
{
  GtkWidget *page;

  hk_test_ui_wait_for_page (window, "unlock");
  page = _hk_window_get_page (window, "unlock");
  hk_test_ui_set_text (hk_test_ui_get_by_id (page, "passphrase_entry"), passphrase);
  hk_test_ui_activate (page, "unlock-page.unlock", NULL);
  hk_test_ui_wait_for_page (window, "casebook");
}

HkWindow *
hk_test_ui_new_unlocked_window (const char     *dir,
                                GtkApplication *application)
{
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  HkWindow *window;

  /* Release the file lock so the window can open the vault. */
  hk_vault_close (vault);
  g_clear_object (&vault);

  window = hk_test_ui_new_window (dir, application);
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));

  return window;
}

void
hk_test_ui_lock (HkWindow *window)
{
  hk_test_ui_activate (GTK_WIDGET (window), "win.lock", NULL);
  hk_test_ui_wait_for_page (window, "unlock");
  g_assert_true (hk_vault_is_locked (hk_window_get_vault (window)));
}
