/* hk-cli.c: hearken-cli entry point, option parsing and error reporting
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hk-cli-private.h"

#define PROGRAM_NAME "hearken-cli"

static void
hk_cli_globals_merge (HkCliGlobals *into,
                      HkCliGlobals *from)
{
  if (from->vault != NULL)
    {
      g_free (into->vault);
      into->vault = g_steal_pointer (&from->vault);
    }
  if (from->passphrase_file != NULL)
    {
      g_free (into->passphrase_file);
      into->passphrase_file = g_steal_pointer (&from->passphrase_file);
    }
  into->json = into->json || from->json;
}

static void
hk_cli_globals_clear (HkCliGlobals *globals)
{
  g_clear_pointer (&globals->vault, g_free);
  g_clear_pointer (&globals->passphrase_file, g_free);
  globals->json = FALSE;
}

/* Options given as "--name=value" would put the value into an "unknown
 * option" message; it could be a passphrase typed in the wrong place. */
static void
sanitize_option_error (GError *error)
{
  char *eq;

  if (error == NULL || error->domain != G_OPTION_ERROR)
    return;
  eq = strchr (error->message, '=');
  if (eq != NULL)
    *eq = '\0';
}

/* Parses @entries plus the global options, which every level of commands
 * accepts and merges into @cli. */
static gboolean
parse_with_globals (HkCli               *cli,
                    const GOptionEntry  *entries,
                    const char          *parameter_string,
                    const char          *summary,
                    const char          *description,
                    gboolean             strict_posix,
                    int                 *argc,
                    char              ***argv,
                    GError             **error)
{
  HkCliGlobals local = { 0 };
  const GOptionEntry global_entries[] = {
    { "vault", 0, 0, G_OPTION_ARG_FILENAME, &local.vault,
      N_("Use the vault file at PATH (default: vault.hearken in the user data folder)"), N_("PATH") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &local.passphrase_file,
      N_("Read the passphrase from FILE (- for standard input) instead of asking on the terminal"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &local.json,
      N_("Print machine-readable JSON on standard output"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  gboolean ok;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, strict_posix);

  ok = g_option_context_parse (context, argc, argv, error);
  hk_cli_globals_merge (&cli->globals, &local);
  hk_cli_globals_clear (&local);
  if (!ok && error != NULL)
    sanitize_option_error (*error);
  return ok;
}

/* Parses a leaf command's options plus the global ones. Leftover words
 * beyond @max_args are refused: nothing is ever taken from argv as content. */
gboolean
hk_cli_parse_options_with_args (HkCli               *cli,
                                const GOptionEntry  *entries,
                                const char          *parameter_string,
                                const char          *summary,
                                const char          *description,
                                int                  max_args,
                                int                 *argc,
                                char              ***argv,
                                GError             **error)
{
  g_return_val_if_fail (cli != NULL, FALSE);

  if (!parse_with_globals (cli, entries, parameter_string, summary, description, FALSE, argc, argv, error))
    return FALSE;

  if (*argc > 1 + max_args)
    {
      /* Not echoed: a stray word may be a passphrase or a name. */
      if (max_args == 0)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Unexpected argument; “%s” takes no words besides its options, "
                       "and personal content is read from files"),
                     cli->command_path);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Unexpected argument; “%s” takes one file name besides its options"),
                     cli->command_path);
      return FALSE;
    }
  return TRUE;
}

/* For the commands that take nothing but options. */
gboolean
hk_cli_parse_options (HkCli               *cli,
                      const GOptionEntry  *entries,
                      const char          *summary,
                      const char          *description,
                      int                 *argc,
                      char              ***argv,
                      GError             **error)
{
  return hk_cli_parse_options_with_args (cli, entries, NULL, summary, description, 0, argc, argv, error);
}

/* Checked after parsing rather than by GOption, so that --help works alone. */
gboolean
hk_cli_require_option (const char  *value,
                       const char  *option,
                       GError     **error)
{
  g_return_val_if_fail (option != NULL, FALSE);

  if (value != NULL && *value != '\0')
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("The option %s is required"), option);
  return FALSE;
}

const char *
hk_cli_get_vault_path (HkCli *cli)
{
  g_return_val_if_fail (cli != NULL, NULL);

  if (cli->globals.vault == NULL)
    cli->globals.vault = hk_vault_get_default_path ();
  return cli->globals.vault;
}

/* "hearken-cli person add" and the like, from words that may be empty. */
static char *
join_words (const char *first,
            const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second);
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  return g_strdup_printf ("%s %s", first, second);
}

static char *
one_line (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");

  g_strdelimit (copy, "\r\n", ' ');
  return g_strstrip (g_steal_pointer (&copy));
}

int
hk_cli_report_error (HkCli        *cli,
                     const GError *error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (error != NULL, HK_CLI_EXIT_USER);

  if (g_error_matches (error, HK_ERROR, HK_ERROR_BUSY))
    message = g_strdup (_("The vault is open elsewhere (another Hearken window or process); "
                          "close it there and try again"));
  else if (error->domain == G_OPTION_ERROR)
    {
      g_autofree char *command = NULL;

      command = join_words (PROGRAM_NAME, cli != NULL ? cli->command_path : NULL);
      message = g_strdup_printf (_("%s (see “%s --help”)"), error->message, command);
    }
  else
    message = g_strdup (error->message);

  {
    g_autofree char *line = one_line (message);

    g_printerr ("%s: %s\n", PROGRAM_NAME, line);
  }

  return hk_error_is_integrity (error) ? HK_CLI_EXIT_INTEGRITY : HK_CLI_EXIT_USER;
}

int
hk_cli_usage_error (HkCli      *cli,
                    const char *format,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return hk_cli_report_error (cli, error);
}

HkVault *
hk_cli_open_vault (HkCli   *cli,
                   GError **error)
{
  const char *path;

  g_return_val_if_fail (cli != NULL, NULL);

  path = hk_cli_get_vault_path (cli);
  if (!hk_vault_exists (path))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_FOUND,
                   _("There is no vault at %s; create one with “%s init” or choose another with --vault"),
                   path, PROGRAM_NAME);
      return NULL;
    }
  return hk_vault_open (path, error);
}

HkSecret *
hk_cli_read_passphrase (HkCli   *cli,
                        GError **error)
{
  g_return_val_if_fail (cli != NULL, NULL);

  return hk_cli_get_secret (cli->globals.passphrase_file, _("Passphrase: "),
                            _("passphrase"), error);
}

/* For commands that read content too: the passphrase comes first on standard
 * input and the content after it, and the content is read and checked before
 * the caller's (slow) hk_vault_unlock(). */
HkVault *
hk_cli_open_and_read_passphrase (HkCli     *cli,
                                 HkSecret **out_passphrase,
                                 GError   **error)
{
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;

  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail (out_passphrase != NULL && *out_passphrase == NULL, NULL);

  /* Open first, so "open elsewhere" or "no vault" comes before a prompt. */
  vault = hk_cli_open_vault (cli, error);
  if (vault == NULL)
    return NULL;

  passphrase = hk_cli_read_passphrase (cli, error);
  if (passphrase == NULL)
    return NULL;

  *out_passphrase = g_steal_pointer (&passphrase);
  return g_steal_pointer (&vault);
}

HkVault *
hk_cli_open_and_unlock (HkCli   *cli,
                        GError **error)
{
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;

  g_return_val_if_fail (cli != NULL, NULL);

  vault = hk_cli_open_and_read_passphrase (cli, &passphrase, error);
  if (vault == NULL || !hk_vault_unlock (vault, passphrase, NULL, error))
    return NULL;

  return g_steal_pointer (&vault);
}

static char *
describe_commands (const HkCliCommand *children,
                   const char         *path)
{
  GString *out = g_string_new (_("Commands:"));
  gsize width = 0;

  for (const HkCliCommand *c = children; c->name != NULL; c++)
    width = MAX (width, strlen (c->name));

  g_string_append_c (out, '\n');
  for (const HkCliCommand *c = children; c->name != NULL; c++)
    g_string_append_printf (out, "  %-*s  %s\n", (int) width, c->name, _(c->summary));

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Run “%s%s%s COMMAND --help” for a command’s options and examples."),
                          PROGRAM_NAME, path[0] != '\0' ? " " : "", path);
  g_string_append_c (out, '\n');
  if (path[0] == '\0')
    {
      g_string_append_c (out, '\n');
      g_string_append (out,
                       _("Passphrases, recovery keys and personal details are never taken from the "
                         "command line: they are read from files, standard input or a terminal prompt.\n"
                         "\n"
                         "Exit status: 0 on success, 1 for a user error (bad option, wrong passphrase, "
                         "invalid input, not found, vault open elsewhere), 2 when the vault fails an "
                         "integrity check."));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static int
run_command (HkCli              *cli,
             const HkCliCommand *command,
             int                 argc,
             char              **argv)
{
  g_autofree char *prgname = join_words (PROGRAM_NAME, cli->command_path);

  g_set_prgname (prgname);

  if (command->run != NULL)
    return command->run (cli, argc, argv);

  /* A group: parse global options up to the first word, which names the child. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *description = describe_commands (command->children, cli->command_path);
    const HkCliCommand *child = NULL;
    g_autofree char *child_path = NULL;

    if (!parse_with_globals (cli, NULL, _("COMMAND [OPTION…]"),
                             command->summary != NULL ? _(command->summary) : NULL, description,
                             TRUE, &argc, &argv, &error))
      return hk_cli_report_error (cli, error);

    if (argc < 2)
      return hk_cli_usage_error (cli, _("Missing command"));

    for (const HkCliCommand *c = command->children; c->name != NULL; c++)
      if (g_str_equal (c->name, argv[1]))
        child = c;
    if (child == NULL)
      return hk_cli_usage_error (cli, _("Unknown command"));

    child_path = join_words (cli->command_path, child->name);
    g_free (cli->command_path);
    cli->command_path = g_steal_pointer (&child_path);

    /* The child sees its own name as argv[0], which GOption skips. */
    return run_command (cli, child, argc - 1, argv + 1);
  }
}

static const HkCliCommand person_commands[] = {
  { "add",  N_("Add a person from a JSON file and print the new id"), hk_cli_run_person_add, NULL },
  { "show", N_("Show a person’s details"), hk_cli_run_person_show, NULL },
  { "edit", N_("Change a person’s details from a JSON file"), hk_cli_run_person_edit, NULL },
  { NULL }
};

static const HkCliCommand case_commands[] = {
  { "open",  N_("Open a case for a person and print the case id"), hk_cli_run_case_open, NULL },
  { "close", N_("Close a case, with a reason if prompts are outstanding"), hk_cli_run_case_close, NULL },
  { NULL }
};

static const HkCliCommand note_commands[] = {
  { "add",     N_("Add a note to a case from a text file and print the note id"), hk_cli_run_note_add, NULL },
  { "edit",    N_("Correct a note, keeping the previous revision"), hk_cli_run_note_edit, NULL },
  { "history", N_("Show a note’s earlier revisions"), hk_cli_run_note_history, NULL },
  { NULL }
};

static const HkCliCommand record_commands[] = {
  { "add",     N_("Add a record of any kind from a JSON file and print its id"), hk_cli_run_record_add, NULL },
  { "edit",    N_("Change a record from a JSON file, keeping the previous revision"), hk_cli_run_record_edit, NULL },
  { "show",    N_("Show one record"), hk_cli_run_record_show, NULL },
  { "history", N_("Show a record’s earlier revisions"), hk_cli_run_record_history, NULL },
  { NULL }
};

static const HkCliCommand top_commands[] = {
  { "init",    N_("Create a new vault and print its recovery key"), hk_cli_run_init, NULL },
  { "demo",    N_("Add synthetic demonstration records (optionally to a new demo vault)"), hk_cli_run_demo, NULL },
  { "person",  N_("Add, show or edit people"), NULL, person_commands },
  { "case",    N_("Open or close cases"), NULL, case_commands },
  { "note",    N_("Add and correct notes, and read their history"), NULL, note_commands },
  { "record",  N_("Add, change and read casework records of any kind"), NULL, record_commands },
  { "import",  N_("Import people, cases and casework records from a JSON file"), hk_cli_run_import, NULL },
  { "prompts", N_("List a case’s outstanding practice prompts"), hk_cli_run_prompts, NULL },
  { "list",    N_("List cases"), hk_cli_run_list, NULL },
  { "show",    N_("Show a case with its person, notes, casework records and prompts"), hk_cli_run_show, NULL },
  { "search",  N_("Find cases by words in people, cases and notes"), hk_cli_run_search, NULL },
  { "check",   N_("Check the vault’s integrity"), hk_cli_run_check, NULL },
  { "passwd",  N_("Change the vault passphrase"), hk_cli_run_passwd, NULL },
  { "recover", N_("Set a new passphrase using the recovery key"), hk_cli_run_recover, NULL },
  { "backup",  N_("Write a consistent, encrypted copy of the vault"), hk_cli_run_backup, NULL },
  { "restore", N_("Replace the vault with a checked backup"), hk_cli_run_restore, NULL },
  { "log",     N_("Show the activity log"), hk_cli_run_log, NULL },
  { NULL }
};

int
main (int    argc,
      char **argv)
{
  static const HkCliCommand root = {
    NULL,
    N_("Work with a Hearken vault of safeguarding case notes from the command line."),
    NULL,
    top_commands,
  };
  HkCli cli = { { 0 }, NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!hk_init ())
    {
      g_printerr ("%s: %s\n", PROGRAM_NAME, _("The cryptography library could not be initialised"));
      return HK_CLI_EXIT_USER;
    }

  cli.command_path = g_strdup ("");
  status = run_command (&cli, &root, argc, argv);

  hk_cli_globals_clear (&cli.globals);
  g_free (cli.command_path);
  return status;
}
