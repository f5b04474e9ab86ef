/* fuzz-import.c: libFuzzer target for the import format's validation
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs hk_import_validate(), the whole of the importer except the writes:
 * parsing, structure, keys, every record's fields and rules, refs, limits.
 */
#include <stdint.h>
#include <string.h>

#include <hearken/hearken.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised = FALSE;
  g_autoptr(GError) error = NULL;
  g_auto(HkImportReport) report = { 0 };
  guint sum = 0;

  if (!initialised)
    {
      /* A critical from a g_return_if_fail is a bug too. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialised = TRUE;
    }

  if (!hk_import_validate ((const char *) data, size, &report, &error))
    {
      /* Refused: an invalid-input error that starts with the JSON path. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == HK_ERROR && error->code == HK_ERROR_INVALID);
      g_assert_true (error->message[0] == '$');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (report.total, ==, 0);
      return 0;
    }
  g_assert_no_error (error);

  /* Accepted: well-formed text, and counts that add up. */
  g_assert_true (g_utf8_validate_len ((const char *) data, size, NULL));
  g_assert_null (memchr (data, '\0', size));
  g_assert_null (report.case_ids);
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    sum += report.counts[kind];
  g_assert_cmpuint (sum, ==, report.total);
  g_assert_cmpuint (report.total, <=, HK_IMPORT_MAX_RECORDS);
  g_assert_cmpuint (report.counts[HK_RECORD_KIND_META], ==, 0);
  g_assert_cmpuint (report.counts[HK_RECORD_KIND_DRAFT], ==, 0);
  /* Every person comes with at least one case, every risk with an enquiry. */
  g_assert_cmpuint (report.counts[HK_RECORD_KIND_CASE], >=, report.counts[HK_RECORD_KIND_PERSON]);
  g_assert_true (report.counts[HK_RECORD_KIND_RISK] == 0 || report.counts[HK_RECORD_KIND_ENQUIRY] > 0);

  /* Validation is a pure function of the input. */
  {
    g_auto(HkImportReport) again = { 0 };

    g_assert_true (hk_import_validate ((const char *) data, size, &again, &error));
    g_assert_no_error (error);
    g_assert_cmpmem (again.counts, sizeof again.counts, report.counts, sizeof report.counts);
  }
  return 0;
}
