/* fuzz-json.c: libFuzzer target for the JSON reader, writer and record conversion
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include <hearken/hearken.h>

#include "hk-record-private.h"

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
  g_clear_error (&error);

  /* As a record, written out and read back, the same fields return. */
  {
    gsize len = 0;
    guint8 *payload = _hk_payload_serialise (0, 1, "Fuzz", fields, &len);
    g_autoptr(HkRecord) record = _hk_record_new_from_plaintext ("00000000000000000000000000000000",
                                                                kind, NULL, 1, payload, len);
    g_autoptr(HkJsonWriter) writer = hk_json_writer_new (FALSE);
    g_autofree char *text = NULL;
    g_autoptr(HkJsonNode) root = NULL;
    g_autoptr(GVariant) again = NULL;
    GVariantIter iter;
    const char *key;
    GVariant *value;

    g_assert_nonnull (record);
    hk_record_write_json (record, writer);
    text = hk_json_writer_finish (g_steal_pointer (&writer));
    root = hk_json_parse (text, strlen (text), NULL, &error);
    g_assert_no_error (error);
    again = hk_record_fields_from_json (kind, hk_json_node_lookup (root, "fields"), "$.fields", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_variant_n_children (again), ==, g_variant_n_children (fields));
    g_variant_iter_init (&iter, fields);
    while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
      {
        g_autoptr(GVariant) owned = value;
        g_autoptr(GVariant) other = g_variant_lookup_value (again, key, NULL);

        g_assert_nonnull (other);
        g_assert_true (g_variant_equal (owned, other));
      }
  }
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
