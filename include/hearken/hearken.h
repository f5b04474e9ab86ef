/* hearken.h: the core library (GLib/GIO, SQLite and libsodium; no GTK)
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hk-error.h"
#include "hk-secret.h"
#include "hk-record.h"
#include "hk-activity.h"
#include "hk-case-summary.h"
#include "hk-vault.h"
#include "hk-demo.h"
#include "hk-json.h"
#include "hk-platform.h"
#include "hk-session-monitor.h"
#include "hk-record-json.h"
#include "hk-sac.h"
#include "hk-prompts.h"
#include "hk-import.h"

G_BEGIN_DECLS

/* Calls sodium_init() once and disables core dumps. Returns FALSE (and logs)
 * if libsodium cannot initialise; callers must then exit. */
gboolean hk_init (void);

G_END_DECLS
