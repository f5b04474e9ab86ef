/* hk-first-run-page.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkFirstRunPage:
 *
 * Shown when there is no vault yet: "Create a Vault" (win.new-vault), "Try the
 * Demo" (win.try-demo) and "Open Another Vault…" (win.open-other).
 */
#define HK_TYPE_FIRST_RUN_PAGE (hk_first_run_page_get_type ())
G_DECLARE_FINAL_TYPE (HkFirstRunPage, hk_first_run_page, HK, FIRST_RUN_PAGE, AdwBin)

GtkWidget *hk_first_run_page_new (void);

G_END_DECLS
