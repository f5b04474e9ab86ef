/* test-drafts.c: encrypted autosave of editors
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hk-test-utils.h"

static void
test_drafts (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autofree char *key = g_strdup_printf ("note-new:%s", hk_record_get_id (kase));
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) log_before = NULL;
  g_autoptr(GPtrArray) log_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  const char *text = NULL;

  loaded = hk_vault_load_draft (vault, key, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  log_before = hk_vault_read_activity (vault, &error);
  g_assert_true (hk_vault_save_draft (vault, key, hk_test_fields ("text", "First words", NULL), &error));
  g_assert_true (hk_vault_save_draft (vault, key, hk_test_fields ("text", "First words and more", NULL), &error));
  g_assert_no_error (error);
  /* Autosave does not flood the activity log. */
  log_after = hk_vault_read_activity (vault, &error);
  g_assert_cmpuint (log_after->len, ==, log_before->len);

  /* Survives lock, close and reopen (a crash or a restart). */
  hk_vault_lock (vault);
  g_clear_object (&vault);
  vault = hk_vault_open (path, &error);
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);

  keys = hk_vault_list_drafts (vault, &error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (keys->pdata[0], ==, key);

  loaded = hk_vault_load_draft (vault, key, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (loaded, "text", "&s", &text));
  g_assert_cmpstr (text, ==, "First words and more");

  g_assert_true (hk_vault_discard_draft (vault, key, &error));
  g_clear_pointer (&loaded, g_variant_unref);
  loaded = hk_vault_load_draft (vault, key, &error);
  g_assert_null (loaded);
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = hk_vault_list_drafts (vault, &error);
  g_assert_cmpuint (keys->len, ==, 0);
  /* Discarding nothing is fine. */
  g_assert_true (hk_vault_discard_draft (vault, key, &error));
  g_assert_no_error (error);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GVariant  *draft;
} AsyncState;

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *s = user_data;
  g_autoptr(GError) error = NULL;

  s->ok = hk_vault_save_draft_finish (HK_VAULT (source), result, &error);
  g_assert_no_error (error);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *s = user_data;
  g_autoptr(GError) error = NULL;

  s->draft = hk_vault_load_draft_finish (HK_VAULT (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (s->loop);
}

static void
test_async_order (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  AsyncState s = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  const char *text = NULL;

  /* Queued one after the other: the load sees the last save. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *t = g_strdup_printf ("version %u", i);
      hk_vault_save_draft_async (vault, "person-new", hk_test_fields ("name", t, NULL), NULL, saved_cb, &s);
    }
  hk_vault_load_draft_async (vault, "person-new", NULL, loaded_cb, &s);
  g_main_loop_run (s.loop);
  g_assert_true (s.ok);
  g_assert_true (g_variant_lookup (s.draft, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "version 4");

  g_variant_unref (s.draft);
  g_main_loop_unref (s.loop);
  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/drafts/round-trip", test_drafts);
  g_test_add_func ("/drafts/async-order", test_async_order);
  return g_test_run ();
}
