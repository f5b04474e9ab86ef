/* hk-import-dialog.h: checks an import file, shows what it holds, imports it
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkImportDialog:
 *
 * Imports a "hearken-import" file in two steps, both on the vault's worker:
 * a check (everything the import checks, people already in the vault
 * included) that lists what the file holds, then, when the worker presses
 * Import, the import itself, all or nothing. A refused file shows the JSON
 * path and the reason. Actions: import-dialog.import; Escape cancels.
 *
 * ::imported (guint total, guint new_cases) is emitted once the records are
 * in, just before the dialog closes.
 */
#define HK_TYPE_IMPORT_DIALOG (hk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HkImportDialog, hk_import_dialog, HK, IMPORT_DIALOG, AdwWindow)

GtkWidget  *hk_import_dialog_new       (GtkWindow      *parent,
                                        HkVault        *vault,
                                        GFile          *file);
/* "checking", "ready", "importing" or "error", for tests. */
const char *hk_import_dialog_get_state (HkImportDialog *self);

G_END_DECLS
