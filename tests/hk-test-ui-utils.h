/* hk-test-ui-utils.h: helpers for the UI tests (suite 'ui')
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UI tests build the real widgets, drive them through actions and by setting
 * text on the real entries, then assert on the model read back through the
 * core API. They never sleep: they iterate the main context until a condition
 * holds, and fail (instead of hanging) when it has not after a generous bound.
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-window.h"

G_BEGIN_DECLS

/* How long any single wait may take before the test fails. */
#define HK_TEST_UI_WAIT_SECONDS 120

/* gtk_test_init() + adw_init(), and g_test_init() options. Call first in main(). */
void       hk_test_ui_init            (int          *argc,
                                       char       ***argv);

/* ---- Waiting ---- */

typedef gboolean (*HkTestUiCondition) (gpointer user_data);

/* Iterates the default main context until @condition returns TRUE; fails the
 * test after HK_TEST_UI_WAIT_SECONDS, naming @what. */
void       hk_test_ui_wait            (HkTestUiCondition  condition,
                                       gpointer           user_data,
                                       const char        *what);

/* The same for an expression, which is re-evaluated after each iteration:
 *   HK_TEST_UI_WAIT_UNTIL (hk_vault_is_locked (vault));                     */
typedef struct _HkTestUiDeadline HkTestUiDeadline;
HkTestUiDeadline *hk_test_ui_deadline_new     (const char       *what);
void              hk_test_ui_deadline_iterate (HkTestUiDeadline *deadline);
void              hk_test_ui_deadline_free    (HkTestUiDeadline *deadline);

#define HK_TEST_UI_WAIT_UNTIL(expr)                                          \
  G_STMT_START {                                                             \
    HkTestUiDeadline *hk_test_ui_deadline_ = hk_test_ui_deadline_new (#expr); \
    while (!(expr))                                                          \
      hk_test_ui_deadline_iterate (hk_test_ui_deadline_);                    \
    hk_test_ui_deadline_free (hk_test_ui_deadline_);                         \
  } G_STMT_END

/* Runs whatever is pending in the default main context, without blocking. */
void       hk_test_ui_flush           (void);

/* ---- Finding and driving widgets ---- */

/* First descendant of @root (depth first, @root included, hidden widgets and
 * stack pages included) whose GtkBuilder id (the id="" in a .ui file,
 * composite template children included) or widget name equals @id. */
GtkWidget *hk_test_ui_find_by_id      (GtkWidget   *root,
                                       const char  *id);
/* Same as hk_test_ui_find_by_id() but fails the test when there is none. */
GtkWidget *hk_test_ui_get_by_id       (GtkWidget   *root,
                                       const char  *id);
/* First descendant of @root that is of @type (or a subclass), or NULL. */
GtkWidget *hk_test_ui_find_by_type    (GtkWidget   *root,
                                       GType        type);
/* First GtkLabel under @root whose text contains @text, or NULL. */
GtkWidget *hk_test_ui_find_label      (GtkWidget   *root,
                                       const char  *text);
/* First toplevel window of @type, or NULL (for dialogs a test opened). */
GtkWindow *hk_test_ui_find_toplevel   (GType        type);

/* Sets the text of a GtkEditable (GtkEntry, GtkPasswordEntry, AdwEntryRow, …)
 * as if typed; "changed" handlers run. */
void       hk_test_ui_set_text        (GtkWidget   *editable,
                                       const char  *text);
/* Activates @action ("group.name") from @widget, failing the test if no
 * such action is reachable. (A disabled action does nothing; to check the
 * enabled state, look at the sensitivity of a button bound to it.) */
void       hk_test_ui_activate        (GtkWidget   *widget,
                                       const char  *action,
                                       GVariant    *parameter);

/* ---- Main windows ---- */

/* A presented HkWindow for @dir/vault.hearken with the weak test KDF profile.
 * @application may be NULL. Destroy it with gtk_window_destroy(). */
HkWindow  *hk_test_ui_new_window      (const char     *dir,
                                       GtkApplication *application);
/* Waits until the window shows @page (see _hk_window_get_page_name()). */
void       hk_test_ui_wait_for_page   (HkWindow       *window,
                                       const char     *page);
/* Creates a vault in @dir with hk_test_create_vault() (passphrase
 * hk_test_passphrase()), closes it, opens a window on it, unlocks it through
 * the unlock page and waits for the casebook. */
HkWindow  *hk_test_ui_new_unlocked_window (const char     *dir,
                                           GtkApplication *application);
/* Types @passphrase into the unlock page and waits for the casebook. */
void       hk_test_ui_unlock          (HkWindow       *window,
                                       const char     *passphrase);
/* Activates win.lock and waits until the vault is locked and the unlock page
 * shows. */
void       hk_test_ui_lock            (HkWindow       *window);

G_END_DECLS
