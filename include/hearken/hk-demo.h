/* hk-demo.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hk-vault.h"

G_BEGIN_DECLS

/**
 * hk_demo_populate:
 * @vault: an unlocked vault
 * @n_cases: how many cases to add (each with a new synthetic person)
 * @notes_per_case: notes to add to each case
 * @seed: seed for the deterministic generator (same seed, same records)
 * @progress: (nullable): called after each case with (done, total, user_data)
 *
 * Adds realistic synthetic records: names from a fixed list, valid NHS
 * numbers from the synthetic test range (999 000 0000 onwards is not issued),
 * a mix of open and closed cases, and notes of every kind in plausible
 * casework language. Runs in batched transactions.
 */
gboolean hk_demo_populate (HkVault   *vault,
                           guint      n_cases,
                           guint      notes_per_case,
                           guint32    seed,
                           void     (*progress) (guint done, guint total, gpointer user_data),
                           gpointer   user_data,
                           GError   **error);

G_END_DECLS
