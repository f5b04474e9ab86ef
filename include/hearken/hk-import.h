/* hk-import.h: structured import of people, cases and casework records
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Other systems migrate caseloads in as one JSON document in the versioned
 * "hearken-import" format (docs/IMPORT.md; JSON Schema in
 * docs/import-schema.json). The document is hostile input: all of it is
 * checked before anything is written, and it is then written in one
 * transaction, so an import adds everything or nothing.
 */
#pragma once

#include "hk-vault.h"

G_BEGIN_DECLS

#define HK_IMPORT_FORMAT      "hearken-import"
#define HK_IMPORT_VERSION     1
/* Limits of one file: larger caseloads are split over several files. */
#define HK_IMPORT_MAX_BYTES   ((gsize) 64 * 1024 * 1024)
#define HK_IMPORT_MAX_RECORDS 100000

/**
 * HkImportReport:
 * @counts: records of each #HkRecordKind in the file, indexed by kind
 * @total: all records in the file
 * @case_ids: (element-type utf8): the new cases' ids, in file order; only
 *   filled by hk_import_from_json()
 * @similar_paths: (element-type utf8): the JSON paths of people in the file
 *   with the same name and date of birth as someone already in the vault
 *   (who may be the same person: an NHS number would say for sure); NULL
 *   when there are none or no vault was looked at
 * @similar_ids: (element-type utf8): for each of @similar_paths, the id of
 *   the person already in the vault
 *
 * What an import added (or, from hk_import_validate(), would add).
 * Initialise with `HkImportReport report = { 0 };` and free its contents
 * with hk_import_report_clear().
 */
typedef struct {
  guint      counts[HK_RECORD_KIND_LAST + 1];
  guint      total;
  GPtrArray *case_ids;
  GPtrArray *similar_paths;
  GPtrArray *similar_ids;
} HkImportReport;

void      hk_import_report_clear (HkImportReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HkImportReport, hk_import_report_clear)

/**
 * hk_import_validate:
 * @data: the document (need not be NUL-terminated)
 * @len: its length in bytes
 * @report: (optional): receives the counts of what would be imported
 * @error: set to HK_ERROR_INVALID with a message that starts with the JSON
 *   path of the offending value, e.g. "$.people[2].cases[0].fields.closed_on:
 *   Closed on: is needed when the case is closed."
 *
 * Checks a whole import document without a vault: structure, keys, every
 * record's fields and rules, refs and limits. Used by hk_import_from_json()
 * and by the fuzzer.
 */
gboolean  hk_import_validate     (const char      *data,
                                  gsize            len,
                                  HkImportReport  *report,
                                  GError         **error);

/**
 * hk_import_from_json:
 * @vault: an unlocked vault
 *
 * Validates the document like hk_import_validate(), then adds every record
 * in one batch. On any failure nothing is written and @error names the JSON
 * path and the reason.
 */
gboolean  hk_import_from_json    (HkVault         *vault,
                                  const char      *data,
                                  gsize            len,
                                  HkImportReport  *report,
                                  GError         **error);

/**
 * hk_import_file_async:
 * @vault: an unlocked vault
 * @file: the document; files over %HK_IMPORT_MAX_BYTES are refused unread
 * @check_only: check everything hk_import_from_json() checks, including the
 *   people already in @vault, and write nothing
 *
 * Reads @file and imports it (or only checks it) on the vault's worker
 * thread, behind any job already queued. The copy of the file in memory is
 * wiped when done: it is personal content.
 */
void      hk_import_file_async   (HkVault              *vault,
                                  GFile                *file,
                                  gboolean              check_only,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean  hk_import_file_finish  (HkVault              *vault,
                                  GAsyncResult         *result,
                                  HkImportReport       *report,
                                  GError              **error);

/* The format's JSON Schema (draft 2020-12), generated from the field tables;
 * docs/import-schema.json is this text. */
char     *hk_import_get_schema   (void);

G_END_DECLS
