/* hk-record-json.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conversion between records and JSON, used by the CLI (person add --file,
 * show --json, list --json) and later by import and export.
 */
#pragma once

#include "hk-json.h"
#include "hk-record.h"

G_BEGIN_DECLS

/* Converts a JSON object into an a{sv} fields dictionary for @kind, using the
 * field schema (strings, booleans, string arrays). Unknown keys and wrong types
 * are refused with the JSON path in the message. Does not run
 * hk_record_validate(); callers do. */
GVariant *hk_record_fields_from_json (HkRecordKind       kind,
                                      const HkJsonNode  *object,
                                      const char        *path,
                                      GError           **error);

/* Writes {"id":…, "kind":…, "revision":…, "parent_id":…, "created_at":…,
 * "modified_at":…, "modified_by":…, "fields":{…}} for @record. */
void      hk_record_write_json       (HkRecord     *record,
                                      HkJsonWriter *writer);

G_END_DECLS
