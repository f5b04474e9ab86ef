/* hk-cli-records.c: person, case, note, list, show and search commands
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gi18n.h>

#include "hk-cli-private.h"

/* ---- person ---- */

int
hk_cli_run_person_add (HkCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read the person as a JSON object from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *fields_help = hk_cli_describe_fields (HK_RECORD_KIND_PERSON);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GVariant) fields = NULL;

  description = g_strdup_printf (_("JSON keys:\n%s\n"
                                   "Examples:\n"
                                   "  hearken-cli person add --file person.json\n"
                                   "  hearken-cli --passphrase-file pass.txt person add --file - < person.json\n"
                                   "  where person.json holds {\"name\": \"Jo Bloggs\", \"date_of_birth\": \"1950-04-01\"}\n"
                                   "\n"
                                   "Prints the new person’s id (with --json, the whole record)."),
                                 fields_help);
  if (!hk_cli_parse_options (cli, entries, _("Add a person."), description, &argc, &argv, &error) ||
      !hk_cli_require_option (file, "--file", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (fields = hk_cli_read_fields (HK_RECORD_KIND_PERSON, file, &error)) == NULL ||
      !hk_vault_unlock (vault, passphrase, NULL, &error))
    return hk_cli_report_error (cli, error);

  return hk_cli_save_new (cli, vault, HK_RECORD_KIND_PERSON, NULL, fields);
}

int
hk_cli_run_person_show (HkCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autofree char *person_id = NULL;
  const GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person_id, N_("The person’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkRecord) person = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Show a person’s details."),
                             _("Example:\n  hearken-cli person show --person 5f0c…e1"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (person_id, "--person", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL ||
      (person = hk_cli_load_record (vault, person_id, HK_RECORD_KIND_PERSON, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_show_record (cli, person, _("Person"));
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_person_edit (HkCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autofree char *person_id = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person_id, N_("The person’s id"), N_("ID") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read the fields to change as a JSON object from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *fields_help = hk_cli_describe_fields (HK_RECORD_KIND_PERSON);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GVariant) changes = NULL;
  g_autoptr(HkRecord) current = NULL;
  g_autoptr(GVariant) fields = NULL;

  description = g_strdup_printf (_("Only the keys in the file change; the others keep their values. "
                                   "The previous revision is kept.\n"
                                   "\n"
                                   "JSON keys:\n%s\n"
                                   "Example:\n"
                                   "  hearken-cli person edit --person 5f0c…e1 --file changes.json\n"
                                   "  where changes.json holds {\"preferred_name\": \"Jo\"}"),
                                 fields_help);
  if (!hk_cli_parse_options (cli, entries, _("Change a person’s details."), description,
                             &argc, &argv, &error) ||
      !hk_cli_require_option (person_id, "--person", &error) ||
      !hk_cli_require_option (file, "--file", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (changes = hk_cli_read_fields (HK_RECORD_KIND_PERSON, file, &error)) == NULL ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (current = hk_cli_load_record (vault, person_id, HK_RECORD_KIND_PERSON, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  /* Unlike "record edit", a null in the file leaves the field as it is. */
  fields = hk_cli_merge_fields (current, changes, NULL);
  return hk_cli_save_revision (cli, vault, current, fields);
}

/* ---- case ---- */

int
hk_cli_run_case_open (HkCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autofree char *person_id = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person_id, N_("The person the case is about"), N_("ID") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read extra case fields as a JSON object from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *fields_help = hk_cli_describe_fields (HK_RECORD_KIND_CASE);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GVariant) extra = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(HkRecord) kase = NULL;

  description = g_strdup_printf (_("The case opens today with status “open”. Optional JSON keys:\n%s\n"
                                   "Examples:\n"
                                   "  hearken-cli case open --person 5f0c…e1\n"
                                   "  hearken-cli case open --person 5f0c…e1 --file case.json\n"
                                   "  where case.json holds {\"summary\": \"Concerns raised by GP\", \"worker\": \"A. Khan\"}\n"
                                   "\n"
                                   "Prints the new case id (with --json, the whole record)."),
                                 fields_help);
  if (!hk_cli_parse_options (cli, entries, _("Open a case for a person."), description,
                             &argc, &argv, &error) ||
      !hk_cli_require_option (person_id, "--person", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (file != NULL && (extra = hk_cli_read_fields (HK_RECORD_KIND_CASE, file, &error)) == NULL) ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (person = hk_cli_load_record (vault, person_id, HK_RECORD_KIND_PERSON, &error)) == NULL ||
      (kase = hk_vault_open_case (vault, person_id, extra, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_saved (cli, kase);
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_case_close (HkCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autofree char *case_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason_file = NULL;
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_STRING, &case_id, N_("The case to close"), N_("ID") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("The closing date, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "reason-file", 'r', 0, G_OPTION_ARG_FILENAME, &reason_file,
      N_("Read why the case closes with blocking prompts outstanding from FILE (- for standard input)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) saved = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *closed_on = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Close a case."),
                             _("The closing date may not lie in the future or before the opening date. A case "
                               "with blocking practice prompts (see “hearken-cli prompts”) does not close: the "
                               "command fails and lists them, unless --reason-file gives the reason for closing "
                               "anyway, which is recorded on the case.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli case close --case 9a1d…07\n"
                               "  hearken-cli case close --case 9a1d…07 --date 2026-03-31 --reason-file reason.txt"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (case_id, "--case", &error))
    return hk_cli_report_error (cli, error);

  if (date != NULL)
    closed_on = g_strstrip (g_strdup (date));

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (reason_file != NULL &&
       (reason = hk_cli_read_text (reason_file, _("The reason file is empty"), &error)) == NULL) ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (kase = hk_cli_load_record (vault, case_id, HK_RECORD_KIND_CASE, &error)) == NULL ||
      (saved = hk_vault_close_case (vault, case_id, closed_on, reason, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_saved (cli, saved);
  return HK_CLI_EXIT_OK;
}

/* ---- note ---- */

static GVariant *
read_present_file (const char  *file,
                   GError     **error)
{
  g_autofree char *text = hk_cli_read_content (file, HK_CLI_MAX_CONTENT_BYTES, NULL, error);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  g_auto(GStrv) list = NULL;

  if (text == NULL)
    return NULL;

  names = g_strv_builder_new ();
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (names, lines[i]);
    }
  list = g_strv_builder_end (names);
  return g_variant_ref_sink (g_variant_new_strv ((const char * const *) list, -1));
}

/* What "note add" and "note edit" take besides the case or the note. */
typedef struct
{
  /* Options */
  char     *file;
  char     *kind;
  char     *occurred;
  char     *present_file;
  /* Checked and read */
  char     *occurred_at;
  char     *text;
  GVariant *present;
} NoteInput;

static void
note_input_clear (NoteInput *input)
{
  g_clear_pointer (&input->file, g_free);
  g_clear_pointer (&input->kind, g_free);
  g_clear_pointer (&input->occurred, g_free);
  g_clear_pointer (&input->present_file, g_free);
  g_clear_pointer (&input->occurred_at, g_free);
  g_clear_pointer (&input->text, g_free);
  g_clear_pointer (&input->present, g_variant_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NoteInput, note_input_clear)

/* The help differs only where "note add" has defaults. */
#define NOTE_INPUT_ENTRIES(input, file_help, kind_help, occurred_help) \
  { "file", 'f', 0, G_OPTION_ARG_FILENAME, &(input).file, file_help, N_("FILE") }, \
  { "kind", 'k', 0, G_OPTION_ARG_STRING, &(input).kind, kind_help, N_("KIND") }, \
  { "occurred-at", 0, 0, G_OPTION_ARG_STRING, &(input).occurred, occurred_help, N_("WHEN") }, \
  { "present-file", 0, 0, G_OPTION_ARG_FILENAME, &(input).present_file, \
    N_("Read who was present from FILE, one name per line"), N_("FILE") }

/* Everything that can be checked before the vault is opened. */
static gboolean
note_input_check (NoteInput  *input,
                  GError    **error)
{
  const HkFieldSpec *kind_spec = hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "kind");

  if (input->kind != NULL && hk_field_spec_get_value_label (kind_spec, input->kind) == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--kind: expected conversation, visit, phone_call, meeting or other"));
      return FALSE;
    }
  if (input->occurred != NULL &&
      (input->occurred_at = hk_cli_normalize_datetime (input->occurred, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (input->file, "-") == 0 && g_strcmp0 (input->present_file, "-") == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--file and --present-file cannot both read standard input"));
      return FALSE;
    }
  return TRUE;
}

/* The content, read after the passphrase. */
static gboolean
note_input_read (NoteInput  *input,
                 GError    **error)
{
  if (input->file != NULL &&
      (input->text = hk_cli_read_content (input->file, HK_CLI_MAX_CONTENT_BYTES, NULL, error)) == NULL)
    return FALSE;
  if (input->present_file != NULL &&
      (input->present = read_present_file (input->present_file, error)) == NULL)
    return FALSE;
  return TRUE;
}

/* @base (may be NULL) with the parts given laid over it. */
static GVariant *
note_input_to_fields (NoteInput *input,
                      GVariant  *base)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, base);
  if (input->kind != NULL)
    g_variant_dict_insert (&dict, "kind", "s", input->kind);
  if (input->occurred_at != NULL)
    g_variant_dict_insert (&dict, "occurred_at", "s", input->occurred_at);
  if (input->text != NULL)
    g_variant_dict_insert (&dict, "text", "s", input->text);
  if (input->present != NULL)
    g_variant_dict_insert_value (&dict, "present", input->present);
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

int
hk_cli_run_note_add (HkCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autofree char *case_id = NULL;
  g_auto(NoteInput) input = { 0 };
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_STRING, &case_id, N_("The case the note belongs to"), N_("ID") },
    NOTE_INPUT_ENTRIES (input,
                        N_("Read the note text from FILE (- for standard input)"),
                        N_("conversation (default), visit, phone_call, meeting or other"),
                        N_("When it happened, ISO 8601 such as 2026-03-05T14:30 (default: now)")),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GVariant) fields = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Add a note to a case."),
                             _("A note recorded more than a day after it happened is marked as a late entry.\n"
                               "Only one of --file and --present-file may be standard input; the passphrase, "
                               "when also read from standard input, is its first line.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli note add --case 9a1d…07 --file visit.txt --kind visit\n"
                               "  hearken-cli note add --case 9a1d…07 --file - --occurred-at 2026-03-05T14:30 "
                               "--present-file present.txt < note.txt\n"
                               "\n"
                               "Prints the new note’s id (with --json, the whole record)."),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (case_id, "--case", &error) ||
      !hk_cli_require_option (input.file, "--file", &error) ||
      !note_input_check (&input, &error))
    return hk_cli_report_error (cli, error);

  if (input.kind == NULL)
    input.kind = g_strdup ("conversation");
  if (input.occurred_at == NULL)
    input.occurred_at = hk_cli_iso8601_now ();

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      !note_input_read (&input, &error) ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (kase = hk_cli_load_record (vault, case_id, HK_RECORD_KIND_CASE, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  fields = note_input_to_fields (&input, NULL);
  return hk_cli_save_new (cli, vault, HK_RECORD_KIND_NOTE, case_id, fields);
}

int
hk_cli_run_note_edit (HkCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autofree char *note_id = NULL;
  g_auto(NoteInput) input = { 0 };
  const GOptionEntry entries[] = {
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note_id, N_("The note’s id"), N_("ID") },
    NOTE_INPUT_ENTRIES (input,
                        N_("Read the new note text from FILE (- for standard input)"),
                        N_("conversation, visit, phone_call, meeting or other"),
                        N_("When it happened, ISO 8601 such as 2026-03-05T14:30")),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(HkRecord) current = NULL;
  g_autoptr(GVariant) fields = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Correct a note."),
                             _("Only the parts given change. The previous revision is kept and can be read "
                               "with “hearken-cli note history”.\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli note edit --note 3c7e…5b --file corrected.txt"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (note_id, "--note", &error))
    return hk_cli_report_error (cli, error);

  if (input.file == NULL && input.kind == NULL && input.occurred == NULL && input.present_file == NULL)
    return hk_cli_usage_error (cli, _("Nothing to change: give --file, --kind, --occurred-at or --present-file"));
  if (!note_input_check (&input, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      !note_input_read (&input, &error) ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (current = hk_cli_load_record (vault, note_id, HK_RECORD_KIND_NOTE, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  fields = note_input_to_fields (&input, hk_record_get_fields (current));
  return hk_cli_save_revision (cli, vault, current, fields);
}

int
hk_cli_run_note_history (HkCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autofree char *note_id = NULL;
  const GOptionEntry entries[] = {
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note_id, N_("The note’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkRecord) note = NULL;
  g_autoptr(GPtrArray) revisions = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Show a note’s earlier revisions, oldest first."),
                             _("The current revision is shown by “hearken-cli show”; this lists the ones it "
                               "replaced, each with who saved it and when.\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli note history --note 3c7e…5b"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (note_id, "--note", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL ||
      (note = hk_cli_load_record (vault, note_id, HK_RECORD_KIND_NOTE, &error)) == NULL ||
      (revisions = hk_vault_list_revisions (vault, note_id, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  hk_cli_print_revisions (cli, revisions, _("Note"), _("This note has no earlier revisions."));
  return HK_CLI_EXIT_OK;
}

/* ---- list, show, search ---- */

static gboolean
parse_status_filter (const char  *status,
                     const char **out,
                     GError     **error)
{
  if (status == NULL || g_str_equal (status, "all"))
    *out = NULL;
  else if (g_str_equal (status, "open") || g_str_equal (status, "closed"))
    *out = status;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--status: expected open, closed or all"));
      return FALSE;
    }
  return TRUE;
}

static void
print_cases (HkCli      *cli,
             GPtrArray  *summaries,
             const char *status,
             GHashTable *only_ids)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  for (guint i = 0; i < summaries->len; i++)
    {
      HkCaseSummary *s = g_ptr_array_index (summaries, i);

      if (status != NULL && g_strcmp0 (hk_case_summary_get_status (s), status) != 0)
        continue;
      if (only_ids != NULL && !g_hash_table_contains (only_ids, hk_case_summary_get_case_id (s)))
        continue;
      g_ptr_array_add (shown, s);
    }

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_array (writer);
      for (guint i = 0; i < shown->len; i++)
        hk_cli_write_case_summary_json (g_ptr_array_index (shown, i), writer);
      hk_json_writer_end_array (writer);
      hk_cli_print_json (writer);
    }
  else
    hk_cli_print_case_table (shown);
}

#define LIST_STATUS_ENTRY(var) \
  { "status", 's', 0, G_OPTION_ARG_STRING, &(var), \
    N_("Which cases: open, closed or all (default: all)"), N_("STATUS") }

int
hk_cli_run_list (HkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *status = NULL;
  const GOptionEntry entries[] = {
    LIST_STATUS_ENTRY (status),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  const char *filter = NULL;

  if (!hk_cli_parse_options (cli, entries, _("List cases."),
                             _("Columns: case id, the person’s name, status, date opened (day first) and "
                               "number of notes. With --json, an array of objects with the keys id, "
                               "person_id, person_name, status, opened_on, closed_on, summary, worker and "
                               "note_count (dates as YYYY-MM-DD).\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli list\n"
                               "  hearken-cli list --status open --json"),
                             &argc, &argv, &error) ||
      !parse_status_filter (status, &filter, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (summaries = hk_vault_list_cases (vault, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  print_cases (cli, summaries, filter, NULL);
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_search (HkCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *status = NULL;
  const GOptionEntry entries[] = {
    { "query-file", 'q', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Read the words to search for from FILE (- for standard input)"), N_("FILE") },
    LIST_STATUS_ENTRY (status),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) matches = NULL;
  g_autofree char *query = NULL;
  const char *filter = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Find cases by words in people, cases and notes."),
                             _("A case matches when every word of the query starts a word in its person’s "
                               "details, the case or one of its notes. The query is read from a file because "
                               "it is personal content. The output is the same as “hearken-cli list”.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli search --query-file query.txt\n"
                               "  hearken-cli --passphrase-file pass.txt search --query-file - --json <<< 'bloggs fall'"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (file, "--query-file", &error) ||
      !parse_status_filter (status, &filter, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
  if (vault == NULL ||
      (query = hk_cli_read_text (file, _("The search query is empty"), &error)) == NULL ||
      !hk_vault_unlock (vault, passphrase, NULL, &error) ||
      (matches = hk_vault_search (vault, query, &error)) == NULL ||
      (summaries = hk_vault_list_cases (vault, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  print_cases (cli, summaries, filter, matches);
  return HK_CLI_EXIT_OK;
}

/* The case's records other than notes, by kind; risks separately. */
typedef struct
{
  GPtrArray *by_kind[HK_RECORD_KIND_LAST + 1];
} CaseRecords;

static void
case_records_init (CaseRecords *cr,
                   GPtrArray   *records)
{
  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    cr->by_kind[k] = g_ptr_array_new ();
  hk_cli_sort_records (records);
  for (guint i = 0; i < records->len; i++)
    {
      HkRecordKind kind = hk_record_get_kind (records->pdata[i]);

      if ((guint) kind <= HK_RECORD_KIND_LAST)
        g_ptr_array_add (cr->by_kind[kind], records->pdata[i]);
    }
}

static void
case_records_clear (CaseRecords *cr)
{
  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    g_clear_pointer (&cr->by_kind[k], g_ptr_array_unref);
}

/* The JSON arrays of "show", in the import format's names and order. */
static const struct
{
  const char   *key;
  HkRecordKind  kind;
  const char   *heading;  /* N_() marked */
} show_sections[] = {
  { "concerns",             HK_RECORD_KIND_CONCERN,        N_("Concerns") },
  { "enquiries",            HK_RECORD_KIND_ENQUIRY,        N_("Enquiries and their risks") },
  { "conversations",        HK_RECORD_KIND_CONVERSATION,   N_("Outcome conversations") },
  { "outcomes",             HK_RECORD_KIND_OUTCOME,        N_("Desired outcomes") },
  { "capacity_assessments", HK_RECORD_KIND_CAPACITY,       N_("Capacity assessments") },
  { "best_interests",       HK_RECORD_KIND_BEST_INTERESTS, N_("Best-interests decisions") },
  { "advocacy_referrals",   HK_RECORD_KIND_ADVOCACY,       N_("Advocacy referrals") },
  { "actions",              HK_RECORD_KIND_ACTION,         N_("Actions") },
};

/* An enquiry object with its risks as one more member. */
static void
write_enquiry_json (HkJsonWriter *writer,
                    HkRecord     *enquiry,
                    GPtrArray    *risks)
{
  g_autoptr(HkJsonWriter) inner = hk_json_writer_new (FALSE);
  g_autofree char *text = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  /* Our own output, so only the size limits could refuse it. */
  HkJsonLimits limits = { G_MAXSIZE, 64, G_MAXSIZE, G_MAXUINT32 - 1 };

  hk_record_write_json (enquiry, inner);
  text = hk_json_writer_finish (g_steal_pointer (&inner));
  node = hk_json_parse (text, strlen (text), &limits, NULL);

  hk_json_writer_begin_object (writer);
  for (guint i = 0; node != NULL && i < hk_json_node_get_length (node); i++)
    {
      hk_json_writer_key (writer, hk_json_node_get_member_name (node, i));
      hk_json_writer_node (writer, hk_json_node_get_member_value (node, i));
    }
  hk_json_writer_key (writer, "risks");
  hk_json_writer_begin_array (writer);
  for (guint i = 0; i < risks->len; i++)
    if (g_strcmp0 (hk_record_get_parent_id (risks->pdata[i]), hk_record_get_id (enquiry)) == 0)
      hk_record_write_json (risks->pdata[i], writer);
  hk_json_writer_end_array (writer);
  hk_json_writer_end_object (writer);
  sodium_memzero (text, strlen (text));
}

int
hk_cli_run_show (HkCli  *cli,
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
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  CaseRecords cr;

  if (!hk_cli_parse_options (cli, entries,
                             _("Show a case with its person, notes, casework records and prompts."),
                             _("Notes are listed newest first; notes recorded more than a day after the "
                               "event are marked as late entries. Casework records follow, oldest first, then "
                               "the outstanding practice prompts. Viewing is recorded in the activity log.\n"
                               "\n"
                               "With --json: {\"case\": {…}, \"person\": {…}, \"notes\": […], \"concerns\": […], "
                               "\"enquiries\": […], \"conversations\": […], \"outcomes\": […], "
                               "\"capacity_assessments\": […], \"best_interests\": […], "
                               "\"advocacy_referrals\": […], \"actions\": […], \"prompts\": […]}. Each record has "
                               "id, kind, revision, parent_id, created_at, modified_at, modified_by and fields; "
                               "each enquiry also has \"risks\": […]; prompts are as in “hearken-cli prompts”.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli show --case 9a1d…07\n"
                               "  hearken-cli show --case 9a1d…07 --json"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (case_id, "--case", &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL ||
      !hk_vault_load_case (vault, case_id, &kase, &person, &notes, &error) ||
      (records = hk_vault_list_case_records (vault, case_id, &error)) == NULL ||
      (prompts = hk_vault_case_prompts (vault, case_id, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  case_records_init (&cr, records);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_object (writer);
      hk_json_writer_key (writer, "case");
      hk_record_write_json (kase, writer);
      hk_json_writer_key (writer, "person");
      if (person != NULL)
        hk_record_write_json (person, writer);
      else
        hk_json_writer_null (writer);
      hk_json_writer_key (writer, "notes");
      hk_cli_write_records_json (notes, writer);
      for (guint s = 0; s < G_N_ELEMENTS (show_sections); s++)
        {
          GPtrArray *list = cr.by_kind[show_sections[s].kind];

          hk_json_writer_key (writer, show_sections[s].key);
          hk_json_writer_begin_array (writer);
          for (guint i = 0; i < list->len; i++)
            if (show_sections[s].kind == HK_RECORD_KIND_ENQUIRY)
              write_enquiry_json (writer, list->pdata[i], cr.by_kind[HK_RECORD_KIND_RISK]);
            else
              hk_record_write_json (list->pdata[i], writer);
          hk_json_writer_end_array (writer);
        }
      hk_json_writer_key (writer, "prompts");
      hk_cli_write_prompts_json (prompts, writer);
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
      case_records_clear (&cr);
      return HK_CLI_EXIT_OK;
    }

  hk_cli_print_record (kase, _("Case"), NULL);
  g_print ("\n");
  if (person != NULL)
    hk_cli_print_record (person, _("Person"), NULL);
  else
    g_print ("%s\n", _("The person’s record could not be read."));

  g_print ("\n");
  if (notes == NULL || notes->len == 0)
    g_print ("%s\n", _("No notes yet."));
  else
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u note, newest first",
                                                              "%u notes, newest first",
                                                              notes->len),
                                                  notes->len);
      g_print ("%s\n", heading);
    }

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      HkRecord *note = g_ptr_array_index (notes, i);

      g_print ("\n");
      hk_cli_print_record (note, _("Note"),
                           hk_record_get_boolean (note, "late_entry") ? _("LATE ENTRY") : NULL);
    }

  for (guint s = 0; s < G_N_ELEMENTS (show_sections); s++)
    {
      GPtrArray *list = cr.by_kind[show_sections[s].kind];
      const char *label = hk_record_kind_get_label (show_sections[s].kind);

      if (list->len == 0)
        continue;
      g_print ("\n== %s (%u) ==\n", _(show_sections[s].heading), list->len);
      for (guint i = 0; i < list->len; i++)
        {
          HkRecord *record = list->pdata[i];
          GPtrArray *risks = cr.by_kind[HK_RECORD_KIND_RISK];

          g_print ("\n");
          hk_cli_print_record (record, label, NULL);
          if (show_sections[s].kind != HK_RECORD_KIND_ENQUIRY)
            continue;
          for (guint r = 0; r < risks->len; r++)
            if (g_strcmp0 (hk_record_get_parent_id (risks->pdata[r]), hk_record_get_id (record)) == 0)
              {
                g_print ("\n");
                hk_cli_print_record (risks->pdata[r], hk_record_kind_get_label (HK_RECORD_KIND_RISK), NULL);
              }
        }
    }

  g_print ("\n== %s ==\n\n", _("Practice prompts"));
  hk_cli_print_prompts (prompts);
  case_records_clear (&cr);
  return HK_CLI_EXIT_OK;
}
