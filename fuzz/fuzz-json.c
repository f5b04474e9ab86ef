/* fuzz-json.c: libFuzzer target for the JSON reader, writer and record conversion
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include <hearken/hearken.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *
write_tree (const HkJsonNode *node,
            gboolean          pretty)
{
  HkJsonWriter *writer = hk_json_writer_new (pretty);

  hk_json_writer_node (writer, node);
  return hk_json_writer_finish (writer);
}

static void
check_conversion (HkRecordKind      kind,
                  const HkJsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = hk_record_fields_from_json (kind, node, "$", &error);

  if (fields == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HK_ERROR && error->code == HK_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT));
  g_assert_true (g_variant_is_normal_form (fields));

  /* Whatever came through must be safe to validate. */
  if (!hk_record_validate (kind, fields, NULL, &error))
    g_assert_true (error->domain == HK_ERROR && error->code == HK_ERROR_INVALID);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;

  if (!initialised)
    {
      /* A critical from a g_return_if_fail is a bug too. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialised = TRUE;
    }

  node = hk_json_parse ((const char *) data, size, NULL, &error);
  if (node == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HK_ERROR && error->code == HK_ERROR_INVALID);
      g_assert_true (error->message[0] == '$');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  /* Anything accepted is valid UTF-8 without NUL, as RFC 8259 and GVariant need. */
  g_assert_true (g_utf8_validate_len ((const char *) data, size, NULL));
  g_assert_null (memchr (data, '\0', size));

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *text = write_tree (node, pretty);
      g_autoptr(HkJsonNode) again = hk_json_parse (text, strlen (text), NULL, &error);
      g_autofree char *text2 = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_true (hk_json_node_equal (node, again));

      /* Writing is deterministic: a second round gives the same bytes. */
      text2 = write_tree (again, pretty);
      g_assert_cmpstr (text, ==, text2);
    }

  check_conversion (HK_RECORD_KIND_PERSON, node);
  check_conversion (HK_RECORD_KIND_NOTE, node);
  return 0;
}
