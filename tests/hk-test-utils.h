/* hk-test-utils.h: fixtures shared by the tests
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hearken/hearken.h>

G_BEGIN_DECLS

/* SQL for one byte that differs from byte @pos (1-based) of blob column
 * @column, for tampering: a fixed value would already be there in one run
 * out of 256, and the test would fail for no reason. */
#define HK_TEST_OTHER_BYTE(column, pos) \
  "(CASE WHEN substr(" column ", " #pos ", 1) = x'FF' THEN x'FE' ELSE x'FF' END)"

/* A fresh private directory under $TMPDIR; remove with hk_test_rm_rf(). */
char     *hk_test_make_tmpdir  (void);
void      hk_test_rm_rf        (const char *path);

/* The passphrase every test vault uses, and a different one. */
HkSecret *hk_test_passphrase   (void);
HkSecret *hk_test_other_passphrase (void);

/* A new unlocked vault at @dir/vault.hearken with the explicit weak KDF
 * profile (fast); @out_recovery (optional) receives the recovery key. */
HkVault  *hk_test_create_vault (const char *dir,
                                HkSecret  **out_recovery);

/* Builds a floating a{sv} from "key", "string value" pairs, NULL-terminated:
 * pass it straight to a call that takes it, or g_variant_ref_sink() it. */
GVariant *hk_test_fields       (const char *first_key,
                                ...) G_GNUC_NULL_TERMINATED;

/* Adds a person with @name, a case for them and returns the case (ref). */
HkRecord *hk_test_add_case     (HkVault    *vault,
                                const char *name);

/* Reads a whole file into memory; fails the test if it cannot. */
GBytes   *hk_test_read_file    (const char *path);
/* TRUE if @needle occurs anywhere in the file at @path (binary search). */
gboolean  hk_test_file_contains (const char *path,
                                 const char *needle);

G_END_DECLS
