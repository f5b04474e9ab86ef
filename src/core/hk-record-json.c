/* hk-record-json.c: records to and from JSON, driven by the field schema
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hearken/hk-record-json.h"

static const char *
describe_type (const HkJsonNode *node)
{
  switch (hk_json_node_get_type (node))
    {
    case HK_JSON_NULL:
      return _("null");
    case HK_JSON_BOOL:
      return _("true or false");
    case HK_JSON_NUMBER:
      return _("a number");
    case HK_JSON_STRING:
      return _("a string");
    case HK_JSON_ARRAY:
      return _("an array");
    case HK_JSON_OBJECT:
      return _("an object");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
wrong_type (GError           **error,
            const char        *path,
            const char        *expected,
            const HkJsonNode  *found)
{
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
               /* Translators: "$.fields.name: expected a string, found a number" */
               _("%s: expected %s, found %s"), path, expected, describe_type (found));
  return FALSE;
}

static gboolean
add_field (GVariantBuilder    *builder,
           const HkFieldSpec  *spec,
           const HkJsonNode   *value,
           const char         *path,
           GError            **error)
{
  switch (spec->type)
    {
    case HK_FIELD_TEXT:
    case HK_FIELD_LONG_TEXT:
    case HK_FIELD_DATE:
    case HK_FIELD_DATETIME:
    case HK_FIELD_ENUM:
    case HK_FIELD_NHS_NUMBER:
    case HK_FIELD_RECORD_ID:
      if (hk_json_node_get_type (value) != HK_JSON_STRING)
        return wrong_type (error, path, _("a string"), value);
      /* The parser guarantees valid UTF-8 without NUL, as GVariant needs. */
      g_variant_builder_add (builder, "{sv}", spec->key,
                             g_variant_new_string (hk_json_node_get_string (value)));
      return TRUE;

    case HK_FIELD_BOOL:
      if (hk_json_node_get_type (value) != HK_JSON_BOOL)
        return wrong_type (error, path, _("true or false"), value);
      g_variant_builder_add (builder, "{sv}", spec->key,
                             g_variant_new_boolean (hk_json_node_get_bool (value)));
      return TRUE;

    case HK_FIELD_TEXT_LIST:
    case HK_FIELD_ENUM_LIST:
      {
        GVariantBuilder list;
        guint n;

        if (hk_json_node_get_type (value) != HK_JSON_ARRAY)
          return wrong_type (error, path, _("an array of strings"), value);

        n = hk_json_node_get_length (value);
        for (guint i = 0; i < n; i++)
          {
            const HkJsonNode *item = hk_json_node_get_element (value, i);

            if (hk_json_node_get_type (item) != HK_JSON_STRING)
              {
                g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);

                return wrong_type (error, item_path, _("a string"), item);
              }
          }

        g_variant_builder_init (&list, G_VARIANT_TYPE_STRING_ARRAY);
        for (guint i = 0; i < n; i++)
          g_variant_builder_add (&list, "s",
                                 hk_json_node_get_string (hk_json_node_get_element (value, i)));
        g_variant_builder_add (builder, "{sv}", spec->key, g_variant_builder_end (&list));
        return TRUE;
      }

    default:
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("%s: this field cannot be read from JSON"), path);
      return FALSE;
    }
}

GVariant *
hk_record_fields_from_json (HkRecordKind       kind,
                            const HkJsonNode  *object,
                            const char        *path,
                            GError           **error)
{
  GVariantBuilder builder;
  guint n;

  g_return_val_if_fail ((guint) kind <= HK_RECORD_KIND_LAST, NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = "$";

  if (hk_json_node_get_type (object) != HK_JSON_OBJECT)
    {
      wrong_type (error, path, _("an object"), object);
      return NULL;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  n = hk_json_node_get_length (object);
  for (guint i = 0; i < n; i++)
    {
      const char *name = hk_json_node_get_member_name (object, i);
      const HkJsonNode *value = hk_json_node_get_member_value (object, i);
      const HkFieldSpec *spec = hk_record_kind_find_field (kind, name);
      g_autofree char *member_path = hk_json_path_append_member (path, name);

      if (spec == NULL)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       /* Translators: "$.fields.foo: not a field of a person" */
                       _("%s: not a field of a %s"), member_path,
                       hk_record_kind_to_string (kind));
          g_variant_builder_clear (&builder);
          return NULL;
        }
      if (spec->flags & HK_FIELD_AUTOMATIC)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       _("%s: set automatically; remove it"), member_path);
          g_variant_builder_clear (&builder);
          return NULL;
        }
      /* null means the field is absent. */
      if (hk_json_node_get_type (value) == HK_JSON_NULL)
        continue;
      if (!add_field (&builder, spec, value, member_path, error))
        {
          g_variant_builder_clear (&builder);
          return NULL;
        }
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
write_timestamp (HkJsonWriter *writer,
                 gint64        usec)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) dt = g_date_time_add (epoch, usec);
  g_autofree char *text = dt ? g_date_time_format_iso8601 (dt) : NULL;

  hk_json_writer_string (writer, text);
}

static void
write_value (HkJsonWriter *writer,
             GVariant     *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      hk_json_writer_string (writer, g_variant_get_string (value, NULL));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    {
      hk_json_writer_bool (writer, g_variant_get_boolean (value));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      hk_json_writer_int (writer, g_variant_get_int64 (value));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      GVariantIter iter;
      const char *item;

      hk_json_writer_begin_array (writer);
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "&s", &item))
        hk_json_writer_string (writer, item);
      hk_json_writer_end_array (writer);
    }
  else
    {
      hk_json_writer_null (writer);
    }
}

void
hk_record_write_json (HkRecord     *record,
                      HkJsonWriter *writer)
{
  HkRecordKind kind;
  GVariant *fields;

  g_return_if_fail (HK_IS_RECORD (record));
  g_return_if_fail (writer != NULL);

  kind = hk_record_get_kind (record);
  fields = hk_record_get_fields (record);

  hk_json_writer_begin_object (writer);
  hk_json_writer_key (writer, "id");
  hk_json_writer_string (writer, hk_record_get_id (record));
  hk_json_writer_key (writer, "kind");
  hk_json_writer_string (writer, hk_record_kind_to_string (kind));
  hk_json_writer_key (writer, "revision");
  hk_json_writer_int (writer, hk_record_get_revision (record));
  hk_json_writer_key (writer, "parent_id");
  hk_json_writer_string (writer, hk_record_get_parent_id (record));
  hk_json_writer_key (writer, "created_at");
  write_timestamp (writer, hk_record_get_created_at (record));
  hk_json_writer_key (writer, "modified_at");
  write_timestamp (writer, hk_record_get_modified_at (record));
  hk_json_writer_key (writer, "modified_by");
  hk_json_writer_string (writer, hk_record_get_modified_by (record));

  hk_json_writer_key (writer, "fields");
  hk_json_writer_begin_object (writer);
  /* Schema order, so output is stable whatever order the dictionary has. */
  for (const HkFieldSpec *spec = hk_record_kind_get_fields (kind); fields && spec->key; spec++)
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (fields, spec->key, NULL);

      if (value == NULL)
        continue;
      hk_json_writer_key (writer, spec->key);
      write_value (writer, value);
    }
  hk_json_writer_end_object (writer);

  hk_json_writer_end_object (writer);
}
