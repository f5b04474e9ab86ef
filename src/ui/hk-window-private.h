/* hk-window-private.h: window internals for the tests
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hk-casebook.h"
#include "hk-window.h"

G_BEGIN_DECLS

/* Name of the visible page: "loading", "first-run", "create", "recovery-key",
 * "unlock", "demo", "problem" or "casebook". */
const char *_hk_window_get_page_name           (HkWindow   *self);
GtkWidget  *_hk_window_get_page                (HkWindow   *self,
                                                const char *name);
HkCasebook *_hk_window_get_casebook            (HkWindow   *self);
/* TRUE while a lock (draft flush, key wipe, checkpoint) is still running. */
gboolean    _hk_window_is_locking              (HkWindow   *self);
/* Runs the idle check as if the auto-lock period had passed since the last
 * input, without waiting for the timer. */
void        _hk_window_simulate_idle_timeout   (HkWindow   *self);
/* What win.import does once its file chooser has given @file. */
void        _hk_window_import_file             (HkWindow   *self,
                                                GFile      *file);

/* The auto-lock arithmetic: microseconds until an idle lock is due given the
 * last input and now (monotonic µs), 0 if due, -1 if @minutes is 0 (never). */
gint64      _hk_idle_remaining_usec            (gint64      last_activity,
                                                gint64      now,
                                                guint       minutes);

G_END_DECLS
