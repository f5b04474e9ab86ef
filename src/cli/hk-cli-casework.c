/* hk-cli-casework.c: import, prompts and the generic record commands
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gi18n.h>

#include "hk-cli-private.h"

/* Fields that link to another record of the same case, and its kind. */
static const struct
{
  HkRecordKind  kind;
  const char   *field;
  HkRecordKind  target;
} links[] = {
  { HK_RECORD_KIND_OUTCOME,        "conversation_id", HK_RECORD_KIND_CONVERSATION },
  { HK_RECORD_KIND_BEST_INTERESTS, "assessment_id",   HK_RECORD_KIND_CAPACITY },
};

/* ---- Ordering and prompts, shared with "show" ---- */

/* The date that places a record of each kind on the case's timeline. */
static const char *
timeline_date (HkRecord *record)
{
  static const char *keys[HK_RECORD_KIND_LAST + 1] = {
    [HK_RECORD_KIND_NOTE]           = "occurred_at",
    [HK_RECORD_KIND_CONCERN]        = "received_on",
    [HK_RECORD_KIND_ENQUIRY]        = "started_on",
    [HK_RECORD_KIND_CONVERSATION]   = "held_on",
    [HK_RECORD_KIND_OUTCOME]        = "expressed_on",
    [HK_RECORD_KIND_CAPACITY]       = "assessed_on",
    [HK_RECORD_KIND_BEST_INTERESTS] = "decided_on",
    [HK_RECORD_KIND_ADVOCACY]       = "considered_on",
    [HK_RECORD_KIND_ACTION]         = "due_on",
  };
  HkRecordKind kind = hk_record_get_kind (record);

  if ((guint) kind > HK_RECORD_KIND_LAST || keys[kind] == NULL)
    return NULL;
  return hk_record_get_string (record, keys[kind]);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  HkRecord *ra = *(HkRecord **) a;
  HkRecord *rb = *(HkRecord **) b;
  const char *da = timeline_date (ra);
  const char *db = timeline_date (rb);
  int c;

  /* Oldest first; undated after dated. */
  if (da != NULL && db != NULL && (c = strcmp (da, db)) != 0)
    return c;
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (hk_record_get_created_at (ra) != hk_record_get_created_at (rb))
    return hk_record_get_created_at (ra) < hk_record_get_created_at (rb) ? -1 : 1;
  return strcmp (hk_record_get_id (ra), hk_record_get_id (rb));
}

/* A stable order, so output does not depend on storage order. */
void
hk_cli_sort_records (GPtrArray *records)
{
  g_ptr_array_sort (records, compare_records);
}

void
hk_cli_write_prompts_json (GPtrArray    *prompts,
                           HkJsonWriter *writer)
{
  hk_json_writer_begin_array (writer);
  for (guint i = 0; i < prompts->len; i++)
    {
      HkPrompt *p = prompts->pdata[i];

      hk_json_writer_begin_object (writer);
      hk_cli_json_string_member (writer, "code", p->code);
      hk_cli_json_string_member (writer, "severity", hk_prompt_severity_to_string (p->severity));
      hk_cli_json_string_member (writer, "text", p->text);
      hk_cli_json_string_member (writer, "record_id", p->record_id);
      hk_json_writer_end_object (writer);
    }
  hk_json_writer_end_array (writer);
}

void
hk_cli_print_prompts (GPtrArray *prompts)
{
  int last = -1;

  if (prompts->len == 0)
    {
      g_print ("%s\n", _("No outstanding prompts."));
      return;
    }
  for (guint i = 0; i < prompts->len; i++)
    {
      HkPrompt *p = prompts->pdata[i];

      /* Most severe first, so each heading appears once. */
      if ((int) p->severity != last)
        {
          if (last != -1)
            g_print ("\n");
          g_print ("%s\n", hk_prompt_severity_get_label (p->severity));
          last = p->severity;
        }
      g_print ("  • %s\n    [%s%s%s]\n", p->text, p->code,
               p->record_id != NULL ? " " : "", p->record_id != NULL ? p->record_id : "");
    }
}

/* ---- import ---- */

static void
print_import_report (HkCli                *cli,
                     const HkImportReport *report,
                     gboolean              dry_run)
{
  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_object (writer);
      hk_cli_json_bool_member (writer, "dry_run", dry_run);
      hk_cli_json_int_member (writer, "total", report->total);
      hk_json_writer_key (writer, "counts");
      hk_json_writer_begin_object (writer);
      for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
        if (hk_cli_is_user_kind (kind))
          hk_cli_json_int_member (writer, hk_record_kind_to_string (kind), report->counts[kind]);
      hk_json_writer_end_object (writer);
      hk_json_writer_key (writer, "case_ids");
      hk_json_writer_begin_array (writer);
      for (guint i = 0; report->case_ids != NULL && i < report->case_ids->len; i++)
        hk_json_writer_string (writer, report->case_ids->pdata[i]);
      hk_json_writer_end_array (writer);
      hk_json_writer_key (writer, "similar_people");
      hk_json_writer_begin_array (writer);
      for (guint i = 0; report->similar_paths != NULL && i < report->similar_paths->len; i++)
        {
          hk_json_writer_begin_object (writer);
          hk_cli_json_string_member (writer, "path", report->similar_paths->pdata[i]);
          hk_cli_json_string_member (writer, "person_id", report->similar_ids->pdata[i]);
          hk_json_writer_end_object (writer);
        }
      hk_json_writer_end_array (writer);
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
      return;
    }

  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "The file is valid. Importing it would add %u record:\n",
                          "The file is valid. Importing it would add %u records:\n",
                          report->total),
             report->total);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u record:\n", "Imported %u records:\n", report->total),
             report->total);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    const char *headers[] = { C_("import summary column", "Kind"), C_("import summary column", "Records") };

    for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
      if (hk_cli_is_user_kind (kind) && report->counts[kind] > 0)
        {
          char **row = g_new0 (char *, 3);

          row[0] = g_strdup (hk_record_kind_get_label (kind));
          row[1] = g_strdup_printf ("%u", report->counts[kind]);
          g_ptr_array_add (rows, row);
        }
    if (rows->len > 0)
      hk_cli_print_table (headers, 2, rows);
  }
  if (report->case_ids != NULL && report->case_ids->len > 0)
    {
      g_print ("\n%s\n", _("New cases:"));
      for (guint i = 0; i < report->case_ids->len; i++)
        g_print ("  %s\n", (const char *) report->case_ids->pdata[i]);
    }
  if (report->similar_paths != NULL && report->similar_paths->len > 0)
    {
      g_print ("\n%s\n", _("Check these people: each has the same name and date of birth as someone "
                            "already in the vault, and no NHS number tells them apart."));
      for (guint i = 0; i < report->similar_paths->len; i++)
        /* Translators: "$.people[3] and person 0416c1c6…" */
        g_print (_("  %s and person %s\n"), (const char *) report->similar_paths->pdata[i],
                 (const char *) report->similar_ids->pdata[i]);
    }
}

static GByteArray *
read_import_file (const char  *file,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GByteArray *bytes = hk_cli_read_bytes (file, HK_IMPORT_MAX_BYTES, &local_error);

  if (bytes != NULL)
    return bytes;
  /* The reader's only refusal is the size; say it the importer's way. */
  if (g_error_matches (local_error, HK_ERROR, HK_ERROR_INVALID))
    g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                 _("$: the file is larger than the limit of %u MiB; split it into smaller files."),
                 (guint) (HK_IMPORT_MAX_BYTES / (1024 * 1024)));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

int
hk_cli_run_import (HkCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean dry_run = FALSE;
  gboolean schema = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file and report what it would add; needs no vault or passphrase"), NULL },
    { "schema", 0, 0, G_OPTION_ARG_NONE, &schema,
      N_("Print the format’s JSON Schema and exit"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_auto(HkImportReport) report = { 0 };
  const char *file;
  gboolean ok;

  if (!hk_cli_parse_options_with_args (cli, entries, _("FILE"),
                                       _("Import people, cases and casework records from a JSON file."),
                                       _("FILE is a “hearken-import” document, version 1 (see docs/IMPORT.md); "
                                         "- reads it from standard input, after the passphrase. Everything in it is "
                                         "checked before anything is written, and it is written in one transaction: "
                                         "an invalid file is refused with the JSON path of the first problem, and "
                                         "nothing is added.\n"
                                         "\n"
                                         "Prints how many records of each kind were added and the new case ids. With "
                                         "--json: {\"dry_run\": false, \"total\": N, \"counts\": {\"person\": N, …}, "
                                         "\"case_ids\": […]}.\n"
                                         "\n"
                                         "Examples:\n"
                                         "  hearken-cli import --dry-run caseload.json\n"
                                         "  hearken-cli import caseload.json\n"
                                         "  hearken-cli --passphrase-file - import - < pass-and-caseload.txt\n"
                                         "  hearken-cli import --schema > import-schema.json"),
                                       1, &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  if (schema)
    {
      g_autofree char *text = NULL;

      if (argc > 1)
        return hk_cli_usage_error (cli, _("--schema takes no file"));
      text = hk_import_get_schema ();
      fputs (text, stdout);
      fputc ('\n', stdout);
      return HK_CLI_EXIT_OK;
    }
  if (argc < 2)
    return hk_cli_usage_error (cli, _("Missing the file to import"));
  file = argv[1];

  /* The passphrase comes first on standard input, then the file; a dry run
   * needs neither the vault nor the passphrase. */
  if (!dry_run && (vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error)) == NULL)
    return hk_cli_report_error (cli, error);
  data = read_import_file (file, &error);
  if (data == NULL)
    return hk_cli_report_error (cli, error);

  /* Either way the whole file is checked before anything is written. */
  if (dry_run)
    ok = hk_import_validate ((const char *) data->data, data->len, &report, &error);
  else
    ok = hk_vault_unlock (vault, passphrase, NULL, &error) &&
         hk_import_from_json (vault, (const char *) data->data, data->len, &report, &error);
  /* The file is personal content: leave no copy in freed memory. */
  sodium_memzero (data->data, data->len);
  if (!ok)
    return hk_cli_report_error (cli, error);

  print_import_report (cli, &report, dry_run);
  return HK_CLI_EXIT_OK;
}

/* ---- prompts ---- */

int
hk_cli_run_prompts (HkCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *case_id = NULL;
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_STRING, &case_id, N_("The case’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) prompts = NULL;

  if (!hk_cli_parse_options (cli, entries, _("List a case’s outstanding practice prompts."),
                             _("Prompts come from the Making Safeguarding Personal rules, most severe first: "
                               "blocking (the case cannot close without a recorded reason), warning and info. "
                               "With --json: an array of objects with the keys code (stable), severity "
                               "(\"info\", \"warning\" or \"blocking\"), text and record_id (the record the "
                               "prompt is about, or null for the case).\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli prompts --case 9a1d…07\n"
                               "  hearken-cli prompts --case 9a1d…07 --json"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (case_id, "--case", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (kase = hk_cli_load_record (vault, case_id, HK_RECORD_KIND_CASE, &error)) == NULL ||
      (prompts = hk_vault_case_prompts (vault, case_id, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_cli_write_prompts_json (prompts, writer);
      hk_cli_print_json (writer);
    }
  else
    hk_cli_print_prompts (prompts);
  return HK_CLI_EXIT_OK;
}

/* ---- record add, edit, show, history ---- */

/* Links must point at a record of the right kind in the same case: the core
 * only checks their form. */
static gboolean
check_links (HkVault       *vault,
             HkRecordKind   kind,
             const char    *case_id,
             GVariant      *fields,
             GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const char *target_id = NULL;
      g_autoptr(HkRecord) target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (links[i].kind != kind || !g_variant_lookup (fields, links[i].field, "&s", &target_id) ||
          *target_id == '\0')
        continue;
      target = hk_vault_load (vault, target_id, &local_error);
      if (target == NULL && !g_error_matches (local_error, HK_ERROR, HK_ERROR_NOT_FOUND) &&
          !g_error_matches (local_error, HK_ERROR, HK_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (target == NULL || hk_record_get_kind (target) != links[i].target ||
          g_strcmp0 (hk_record_get_parent_id (target), case_id) != 0)
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       /* Translators: "$.conversation_id: there is no conversation with that id in this case" */
                       _("$.%s: there is no %s with that id in this case"),
                       links[i].field, hk_record_kind_to_string (links[i].target));
          return FALSE;
        }
    }
  return TRUE;
}

/* Validates as the vault would, naming the field by its JSON path. */
static gboolean
validate_fields (HkRecordKind   kind,
                 GVariant      *fields,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;

  if (hk_record_validate (kind, fields, &field, &local_error))
    return TRUE;
  if (field != NULL)
    g_set_error (error, HK_ERROR, HK_ERROR_INVALID, "$.%s: %s", field, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The checks of "record add" and "record edit" beyond the fields' form, on
 * a record of @kind under @parent_id. */
static gboolean
check_fields (HkVault       *vault,
              HkRecordKind   kind,
              const char    *parent_id,
              GVariant      *fields,
              GError       **error)
{
  /* Only the kinds that hang off a case can link (never risks). */
  const char *case_id = hk_record_kind_get_parent_kind (kind) == HK_RECORD_KIND_CASE ? parent_id : NULL;

  return validate_fields (kind, fields, error) && check_links (vault, kind, case_id, fields, error);
}

int
hk_cli_run_record_add (HkCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *parent_id = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("The kind of record, such as concern or risk"), N_("KIND") },
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent_id,
      N_("The record it belongs to: a case, an enquiry for a risk, a person for a case"), N_("ID") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read the record’s fields as a JSON object from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *kinds = hk_cli_list_user_kinds ();
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(HkRecord) parent = NULL;
  HkRecordKind kind;
  int parent_kind;

  description = g_strdup_printf (_("KIND is one of %s. Risks belong to an enquiry, cases to a person, people to "
                                   "nothing, and everything else to a case. The JSON keys of each kind are listed in "
                                   "docs/CLI.md and in the import schema (“hearken-cli import --schema”); links to "
                                   "other records (an outcome’s conversation_id, a best-interests decision’s "
                                   "assessment_id) must name a record of that kind in the same case.\n"
                                   "\n"
                                   "Examples:\n"
                                   "  hearken-cli record add --kind concern --parent 9a1d…07 --file concern.json\n"
                                   "  hearken-cli record add --kind risk --parent 41bb…c2 --file risk.json\n"
                                   "  where risk.json holds {\"risk_type\": \"financial\", \"location\": \"own_home\", "
                                   "\"source\": \"known\"}\n"
                                   "\n"
                                   "Prints the new record’s id (with --json, the whole record)."),
                                 kinds);
  if (!hk_cli_parse_options (cli, entries, _("Add a record of any kind."), description,
                             &argc, &argv, &error) ||
      !hk_cli_require_option (kind_name, "--kind", &error) ||
      !hk_cli_require_option (file, "--file", &error))
    return hk_cli_report_error (cli, error);
  if (!hk_record_kind_from_string (kind_name, &kind) || !hk_cli_is_user_kind (kind))
    return hk_cli_usage_error (cli, _("--kind: expected one of %s"), kinds);
  parent_kind = hk_record_kind_get_parent_kind (kind);
  if (parent_kind >= 0 && parent_id == NULL)
    return hk_cli_usage_error (cli, _("--parent: a %s needs the id of its %s"),
                               hk_record_kind_to_string (kind), hk_record_kind_to_string (parent_kind));
  if (parent_kind < 0 && parent_id != NULL)
    return hk_cli_usage_error (cli, _("--parent: a %s has no parent record"), hk_record_kind_to_string (kind));

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (fields = hk_cli_read_fields (kind, file, &error)) == NULL ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (parent_id != NULL && (parent = hk_cli_load_record (vault, parent_id, parent_kind, &error)) == NULL) ||
      !check_fields (vault, kind, parent_id, fields, &error))
    return hk_cli_report_error (cli, error);

  return hk_cli_save_new (cli, vault, kind, parent_id, fields);
}

int
hk_cli_run_record_edit (HkCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autofree char *id = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_STRING, &id, N_("The record’s id"), N_("ID") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read the fields to change as a JSON object from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  g_autoptr(GVariant) changes = NULL;
  g_autoptr(HkRecord) current = NULL;
  g_autoptr(GVariant) fields = NULL;
  HkRecordKind kind;

  if (!hk_cli_parse_options (cli, entries, _("Change a record of any kind."),
                             _("Only the keys in the file change; a key given as null is removed; the others "
                               "keep their values. The record is checked again as a whole, and the previous "
                               "revision is kept (see “hearken-cli record history”).\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli record edit --id 41bb…c2 --file changes.json\n"
                               "  where changes.json holds {\"assessment\": \"identified_action\", \"outcome\": \"reduced\"}"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (id, "--id", &error) ||
      !hk_cli_require_option (file, "--file", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (node = hk_cli_read_json_object (file, &error)) == NULL ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (current = hk_cli_load_record (vault, id, HK_CLI_ANY_USER_KIND, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  /* The kind, and so the fields allowed, is the stored record's. */
  kind = hk_record_get_kind (current);
  changes = hk_record_fields_from_json (kind, node, "$", &error);
  if (changes == NULL)
    return hk_cli_report_error (cli, error);

  fields = hk_cli_merge_fields (current, changes, node);
  if (!check_fields (vault, kind, hk_record_get_parent_id (current), fields, &error))
    return hk_cli_report_error (cli, error);

  return hk_cli_save_revision (cli, vault, current, fields);
}

int
hk_cli_run_record_show (HkCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autofree char *id = NULL;
  const GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_STRING, &id, N_("The record’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkRecord) record = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Show one record of any kind."),
                             _("With --json: the record with id, kind, revision, parent_id, created_at, "
                               "modified_at, modified_by and fields.\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli record show --id 41bb…c2 --json"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (id, "--id", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (record = hk_cli_load_record (vault, id, HK_CLI_ANY_USER_KIND, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_show_record (cli, record, hk_record_kind_get_label (hk_record_get_kind (record)));
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_record_history (HkCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autofree char *id = NULL;
  const GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_STRING, &id, N_("The record’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkRecord) record = NULL;
  g_autoptr(GPtrArray) revisions = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Show a record’s earlier revisions, oldest first."),
                             _("Works for every kind of record: a desired outcome revised during the enquiry "
                               "keeps each earlier wording here. The current revision is shown by "
                               "“hearken-cli record show”. With --json: an array of records.\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli record history --id 41bb…c2"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (id, "--id", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (record = hk_cli_load_record (vault, id, HK_CLI_ANY_USER_KIND, &error)) == NULL ||
      (revisions = hk_vault_list_revisions (vault, id, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_revisions (cli, revisions, hk_record_kind_get_label (hk_record_get_kind (record)),
                          _("This record has no earlier revisions."));
  return HK_CLI_EXIT_OK;
}
