/* test-search.c: the in-memory search index
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hk-test-utils.h"

static GHashTable *
search (HkVault    *vault,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GHashTable *result = hk_vault_search (vault, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
add_note (HkVault    *vault,
          HkRecord   *kase,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) note = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (kase), 0,
                                            hk_test_fields ("kind", "phone_call",
                                                            "occurred_at", "2026-02-01T09:30:00+00:00",
                                                            "text", text, NULL), &error);
  g_assert_no_error (error);
}

static void
test_search (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) ann = hk_test_add_case (vault, "Ann Ashworth");
  g_autoptr(HkRecord) bob = hk_test_add_case (vault, "Bob Clegg");
  g_autoptr(HkRecord) ann2 = NULL;
  g_autoptr(GHashTable) r = NULL;
  g_autoptr(GError) error = NULL;

  add_note (vault, ann, "Discussed the lodger and the bank statements.");
  add_note (vault, bob, "Visited with the district nurse; café trip planned.");

  r = search (vault, "ash");                 /* name prefix */
  g_assert_cmpuint (g_hash_table_size (r), ==, 1);
  g_assert_true (g_hash_table_contains (r, hk_record_get_id (ann)));
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "LODGER");              /* note text, any case */
  g_assert_true (g_hash_table_contains (r, hk_record_get_id (ann)));
  g_assert_cmpuint (g_hash_table_size (r), ==, 1);
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "cafe");                /* diacritics folded */
  g_assert_true (g_hash_table_contains (r, hk_record_get_id (bob)));
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "clegg nurse");         /* words across person and note */
  g_assert_cmpuint (g_hash_table_size (r), ==, 1);
  g_assert_true (g_hash_table_contains (r, hk_record_get_id (bob)));
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "clegg lodger");        /* every word must match the case */
  g_assert_cmpuint (g_hash_table_size (r), ==, 0);
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "\" OR * NEAR( ");      /* FTS syntax is never interpreted */
  g_assert_cmpuint (g_hash_table_size (r), ==, 0);
  g_clear_pointer (&r, g_hash_table_unref);

  r = search (vault, "  ");                  /* nothing to search: all cases */
  g_assert_cmpuint (g_hash_table_size (r), ==, 2);
  g_clear_pointer (&r, g_hash_table_unref);

  /* The index follows saves after it is built: a second case for Ann's
   * person, an edited person. */
  ann2 = hk_vault_open_case (vault, hk_record_get_parent_id (ann), NULL, &error);
  g_assert_no_error (error);
  r = search (vault, "ashworth");
  g_assert_cmpuint (g_hash_table_size (r), ==, 2);
  g_clear_pointer (&r, g_hash_table_unref);

  {
    g_autoptr(HkRecord) person = hk_vault_load (vault, hk_record_get_parent_id (bob), &error);
    g_autoptr(HkRecord) renamed = hk_vault_save (vault, HK_RECORD_KIND_PERSON, hk_record_get_id (person), NULL,
                                                 hk_record_get_revision (person),
                                                 hk_test_fields ("name", "Robert Fairclough", NULL), &error);
    g_assert_no_error (error);
  }
  r = search (vault, "clegg");
  g_assert_cmpuint (g_hash_table_size (r), ==, 0);
  g_clear_pointer (&r, g_hash_table_unref);
  r = search (vault, "fairclough");
  g_assert_cmpuint (g_hash_table_size (r), ==, 1);
  g_clear_pointer (&r, g_hash_table_unref);

  /* Locking drops the index; searching needs the keys again. */
  hk_vault_lock (vault);
  r = hk_vault_search (vault, "ash", &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_LOCKED);
  g_assert_null (r);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_demo_scale (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) r = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  g_assert_true (hk_demo_populate (vault, 60, 5, 42, NULL, NULL, &error));
  g_assert_no_error (error);
  cases = hk_vault_list_cases (vault, &error);
  g_assert_cmpuint (cases->len, ==, 60);
  r = search (vault, "dosette");
  g_assert_cmpuint (g_hash_table_size (r), >, 0);
  g_assert_cmpuint (g_hash_table_size (r), <, 60);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/search/basic", test_search);
  g_test_add_func ("/search/demo-scale", test_demo_scale);
  return g_test_run ();
}
