/* hk-principles-view.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkPrinciplesView:
 *
 * The evidence of a case gathered under each of the six safeguarding
 * principles (empowerment, prevention, proportionality, protection,
 * partnership, accountability): the notes, actions and outcome conversations
 * tagged with each, newest first. Each item opens its editor.
 */
#define HK_TYPE_PRINCIPLES_VIEW (hk_principles_view_get_type ())
G_DECLARE_FINAL_TYPE (HkPrinciplesView, hk_principles_view, HK, PRINCIPLES_VIEW, AdwBin)

GtkWidget *hk_principles_view_new         (void);
/* @records: every record of the case; NULL empties the view (on lock). */
void       hk_principles_view_set_records (HkPrinciplesView *self,
                                           GPtrArray        *records);
/* How many items are tagged with @principle (its code, e.g. "empowerment"). */
guint      hk_principles_view_get_count   (HkPrinciplesView *self,
                                           const char       *principle);

G_END_DECLS
