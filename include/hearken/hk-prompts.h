/* hk-prompts.h: practice prompts for Making Safeguarding Personal
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hk-record.h"

G_BEGIN_DECLS

typedef enum {
  HK_PROMPT_INFO,      /* worth considering */
  HK_PROMPT_WARNING,   /* practice falls short of MSP or the law's expectations */
  HK_PROMPT_BLOCKING,  /* the case cannot close without a recorded reason */
} HkPromptSeverity;

const char *hk_prompt_severity_to_string (HkPromptSeverity severity); /* "info", "warning", "blocking" */
const char *hk_prompt_severity_get_label (HkPromptSeverity severity); /* translated */

typedef struct {
  const char       *code;       /* stable, e.g. "msp-not-asked-at-concern" */
  HkPromptSeverity  severity;
  char             *text;       /* one plain-English, translated sentence */
  char             *record_id;  /* the record it is about, or NULL for the case */
} HkPrompt;

void hk_prompt_free (HkPrompt *prompt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkPrompt, hk_prompt_free)

typedef struct {
  guint advocacy_allocation_days;  /* a referral not allocated after this many days; default 14 */
} HkPromptSettings;

/**
 * hk_prompts_evaluate:
 * @kase: the case
 * @records: every record belonging to the case (any kind, risks included)
 * @today: "YYYY-MM-DD", so results do not depend on the clock in tests
 * @closing: evaluate as if the case were being closed now
 * @settings: (nullable): thresholds; NULL for the defaults
 *
 * Runs the rules table over the case. Returns HkPrompt*s, most severe first.
 */
GPtrArray *hk_prompts_evaluate (HkRecord               *kase,
                                GPtrArray              *records,
                                const char             *today,
                                gboolean                closing,
                                const HkPromptSettings *settings);

/* Codes of every rule, for documentation and tests (NULL-terminated). */
const char * const *hk_prompts_get_codes (void);

G_END_DECLS
