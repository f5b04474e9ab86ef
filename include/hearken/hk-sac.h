/* hk-sac.h: Safeguarding Adults Collection categories
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One versioned table of the national Safeguarding Adults Collection (SAC)
 * categories. Records store the stable codes; exports use the published
 * labels exactly as written here, whatever the interface's language; local
 * wording maps onto the codes.
 */
#pragma once

#include "hk-record.h"

G_BEGIN_DECLS

/* The SAC collection year these labels were taken from. */
#define HK_SAC_VERSION "2025-26"

typedef enum {
  HK_SAC_RISK_TYPE,              /* SG2a: 11 types of risk */
  HK_SAC_RISK_LOCATION,          /* SG2b: 9 locations */
  HK_SAC_RISK_SOURCE,            /* SG2a/b columns: 3 sources */
  HK_SAC_RISK_ASSESSMENT,        /* SG2c: 7 risk assessment outcomes */
  HK_SAC_RISK_OUTCOME,           /* SG2e: remained / reduced / removed */
  HK_SAC_MSP_ASKED,              /* SG4a: 5 answers to "asked about desired outcomes?" */
  HK_SAC_MSP_ACHIEVED,           /* SG4a: fully / partially / not achieved */
  HK_SAC_CAPACITY,               /* SG3a: lacked capacity? 4 answers */
  HK_SAC_N_TABLES
} HkSacTable;

/* The codes and published labels of @table, terminated by { NULL, NULL }.
 * The labels are the published SAC wording, marked for translation only for
 * display; use hk_sac_get_published_label() for exports. */
const HkEnumValue *hk_sac_get_values           (HkSacTable  table);
/* The exact published label (never translated), or NULL. */
const char        *hk_sac_get_published_label  (HkSacTable  table,
                                                const char *code);
/* Maps a label or a known local variant ("Financial and Material",
 * "In the community (excluding community services)", any case) onto the
 * code. Returns NULL if nothing matches. */
const char        *hk_sac_map_local            (HkSacTable  table,
                                                const char *text);

/* Codes of the SG2c outcomes after which a risk outcome may be recorded. */
gboolean           hk_sac_risk_identified      (const char *assessment_code);

G_END_DECLS
