/* hk-capacity-guide.h: the guided, step-by-step capacity assessment form
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hk-form-fields.h"

G_BEGIN_DECLS

/**
 * HkCapacityGuide:
 *
 * Lays the rows of a capacity assessment's HkFormFields out as six steps in
 * the order of the Mental Capacity Act 2005: the decision, support to decide,
 * the diagnostic test, the functional test, the causal link, and the outcome.
 * The five statutory principles (s1) stay visible in a side panel. The last
 * step explains what the answers mean and flags an outcome that contradicts
 * them; the rows of the impairment's details and of the causal link appear
 * only when they apply.
 *
 * Actions: guide.next, guide.back and guide.step (i: 0 to 5, the "step"
 * property). The editor hosting it adds the keyboard shortcuts.
 */
#define HK_TYPE_CAPACITY_GUIDE (hk_capacity_guide_get_type ())
G_DECLARE_FINAL_TYPE (HkCapacityGuide, hk_capacity_guide, HK, CAPACITY_GUIDE, GtkBox)

#define HK_CAPACITY_GUIDE_N_STEPS 6

GtkWidget  *hk_capacity_guide_new                 (void);
/* Builds the steps from @form (a form for HK_RECORD_KIND_CAPACITY without
 * rows yet). Call once. */
void        hk_capacity_guide_set_form            (HkCapacityGuide *self,
                                                   HkFormFields    *form);
int         hk_capacity_guide_get_step            (HkCapacityGuide *self);
void        hk_capacity_guide_set_step            (HkCapacityGuide *self,
                                                   int              step);
/* The step that holds the row of @key, or -1. */
int         hk_capacity_guide_find_step           (HkCapacityGuide *self,
                                                   const char      *key);
/* Re-reads the form: conditional rows and the outcome's explanation. Runs
 * by itself on every change the user makes; call it after filling the form
 * from code. */
void        hk_capacity_guide_update              (HkCapacityGuide *self);
/* The outcome the answers lead to ("has_capacity" or "lacks_capacity"), or
 * NULL while the answers that decide it are missing. */
const char *hk_capacity_guide_get_answers_outcome (HkCapacityGuide *self);
/* Focuses the first input of the current step. */
void        hk_capacity_guide_focus_step          (HkCapacityGuide *self);

G_END_DECLS
