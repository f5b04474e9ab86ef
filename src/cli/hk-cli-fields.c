/* hk-cli-fields.c: loading records, and reading, merging and saving their fields
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-cli-private.h"

/* The kinds a user may name: everything but the vault profile and drafts. */
gboolean
hk_cli_is_user_kind (HkRecordKind kind)
{
  return kind != HK_RECORD_KIND_META && kind != HK_RECORD_KIND_DRAFT && kind <= HK_RECORD_KIND_LAST;
}

char *
hk_cli_list_user_kinds (void)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    if (hk_cli_is_user_kind (kind))
      g_strv_builder_add (names, hk_record_kind_to_string (kind));
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

/* Insists on the kind, so "show --case <a person id>" says "not found"
 * rather than printing the wrong thing. */
HkRecord *
hk_cli_load_record (HkVault     *vault,
                    const char  *id,
                    int          kind,
                    GError     **error)
{
  g_autoptr(HkRecord) record = NULL;

  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  record = hk_vault_load (vault, id, error);
  if (record == NULL)
    return NULL;

  if (kind == HK_CLI_ANY_USER_KIND && !hk_cli_is_user_kind (hk_record_get_kind (record)))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no record with that id"));
      return NULL;
    }
  if (kind != HK_CLI_ANY_USER_KIND && (int) hk_record_get_kind (record) != kind)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND,
                   _("There is no %s with that id"), hk_record_kind_to_string (kind));
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* A JSON object of @kind's fields from @file, checked for form only. */
GVariant *
hk_cli_read_fields (HkRecordKind   kind,
                    const char    *file,
                    GError       **error)
{
  g_autoptr(HkJsonNode) node = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  node = hk_cli_read_json_object (file, error);
  if (node == NULL)
    return NULL;
  return hk_record_fields_from_json (kind, node, "$", error);
}

/* @current's fields with @changes laid over them. Automatic fields are left
 * out, for the core to set again. When @json (the object @changes came from)
 * is given, its members that are null remove their field. */
GVariant *
hk_cli_merge_fields (HkRecord         *current,
                     GVariant         *changes,
                     const HkJsonNode *json)
{
  GVariantDict merged;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (HK_IS_RECORD (current), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  g_variant_dict_init (&merged, hk_record_get_fields (current));
  for (const HkFieldSpec *s = hk_record_kind_get_fields (hk_record_get_kind (current)); s->key != NULL; s++)
    if (s->flags & HK_FIELD_AUTOMATIC)
      g_variant_dict_remove (&merged, s->key);

  for (guint i = 0; json != NULL && i < hk_json_node_get_length (json); i++)
    if (hk_json_node_get_type (hk_json_node_get_member_value (json, i)) == HK_JSON_NULL)
      g_variant_dict_remove (&merged, hk_json_node_get_member_name (json, i));

  g_variant_iter_init (&iter, changes);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_variant_dict_insert_value (&merged, key, value);
      g_variant_unref (value);
    }
  return g_variant_ref_sink (g_variant_dict_end (&merged));
}

/* Saves a new record and prints it as hk_cli_print_saved() does; returns
 * the exit status. */
int
hk_cli_save_new (HkCli         *cli,
                 HkVault       *vault,
                 HkRecordKind   kind,
                 const char    *parent_id,
                 GVariant      *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) saved = NULL;

  g_return_val_if_fail (cli != NULL, HK_CLI_EXIT_USER);
  g_return_val_if_fail (HK_IS_VAULT (vault), HK_CLI_EXIT_USER);

  saved = hk_vault_save (vault, kind, NULL, parent_id, 0, fields, &error);
  if (saved == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_saved (cli, saved);
  return HK_CLI_EXIT_OK;
}

/* Saves @fields as the revision after @current and prints it as
 * hk_cli_print_saved() does; returns the exit status. */
int
hk_cli_save_revision (HkCli    *cli,
                      HkVault  *vault,
                      HkRecord *current,
                      GVariant *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) saved = NULL;

  g_return_val_if_fail (cli != NULL, HK_CLI_EXIT_USER);
  g_return_val_if_fail (HK_IS_VAULT (vault), HK_CLI_EXIT_USER);
  g_return_val_if_fail (HK_IS_RECORD (current), HK_CLI_EXIT_USER);

  saved = hk_vault_save (vault, hk_record_get_kind (current), hk_record_get_id (current),
                         hk_record_get_parent_id (current), hk_record_get_revision (current),
                         fields, &error);
  if (saved == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_saved (cli, saved);
  return HK_CLI_EXIT_OK;
}
