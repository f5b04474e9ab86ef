/* hk-cli-vault.c: init, demo, check, passwd, recover, backup, restore and log
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
# include <unistd.h>
#else
# include <io.h>
#endif

#include "hk-cli-private.h"

#define KDF_PROFILE_HELP \
  N_("Key derivation strength: moderate (default) or sensitive (slower to unlock, harder to " \
     "crack); test-weak is for tests and benchmarks only and must never hold real records")

#define RECOVERY_KEY_PLACEHOLDER "@HEARKEN_RECOVERY_KEY@"

static gboolean
parse_kdf_profile (const char    *name,
                   HkKdfProfile  *out,
                   GError       **error)
{
  if (name == NULL || g_str_equal (name, "moderate"))
    *out = HK_KDF_PROFILE_MODERATE;
  else if (g_str_equal (name, "sensitive"))
    *out = HK_KDF_PROFILE_SENSITIVE;
  else if (g_str_equal (name, "test-weak"))
    *out = HK_KDF_PROFILE_TEST_WEAK;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--kdf-profile: expected moderate, sensitive or test-weak"));
      return FALSE;
    }
  return TRUE;
}

static char *
read_owner_name (const char  *file,
                 GError     **error)
{
  g_autofree char *text = NULL;
  const char *real_name;

  if (file == NULL)
    {
      /* GLib says "Unknown" when the account has no full name. */
      real_name = g_get_real_name ();
      if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
        real_name = g_get_user_name ();
      return g_strdup (real_name);
    }

  text = hk_cli_read_content (file, 4096, NULL, error);
  if (text == NULL)
    return NULL;
  g_strstrip (text);
  if (*text == '\0' || strchr (text, '\n') != NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("--owner-name-file: expected one line holding your name"));
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gboolean
ensure_parent_directory (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not create the folder %s: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Creates the vault at the chosen path with the rules of "init": refuses to
 * replace anything, reads and checks the new passphrase. */
static HkVault *
create_vault (HkCli         *cli,
              const char    *kdf_name,
              const char    *owner_file,
              HkVaultFlags   flags,
              HkSecret     **out_recovery,
              GError       **error)
{
  const char *path = hk_cli_get_vault_path (cli);
  g_autoptr(HkSecret) passphrase = NULL;
  g_autofree char *owner = NULL;
  HkKdfProfile profile;

  if (!parse_kdf_profile (kdf_name, &profile, error))
    return NULL;

  if (hk_vault_exists (path) || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("There is already a file at %s; nothing was changed"), path);
      return NULL;
    }

  /* Secrets first on standard input, then content. */
  passphrase = hk_cli_read_new_passphrase (cli->globals.passphrase_file, error);
  if (passphrase == NULL)
    return NULL;
  owner = read_owner_name (owner_file, error);
  if (owner == NULL ||
      !hk_cli_check_passphrase_quality (passphrase, error) ||
      !ensure_parent_directory (path, error))
    return NULL;

  return hk_vault_create (path, passphrase, profile, flags, owner, out_recovery, error);
}

static gboolean
recovery_key_is_plain (const HkSecret *key)
{
  const char *data = hk_secret_get_data (key);

  for (gsize i = 0; i < hk_secret_get_length (key); i++)
    if (!g_ascii_isalnum (data[i]) && data[i] != '-' && data[i] != ' ')
      return FALSE;
  return TRUE;
}

static void
write_all (const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (1, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      data += n;
      len -= n;
    }
}

/* The recovery key goes straight from secure memory to the file descriptor,
 * never through a GString or a stdio buffer. */
static void
write_recovery_key (const HkSecret *key)
{
  fflush (stdout);
  write_all (hk_secret_get_data (key), hk_secret_get_length (key));
}

/* Finishes @writer (an open object), with "recovery_key" when @key is given,
 * and prints it. */
static void
print_vault_json (HkJsonWriter   *writer,
                  const HkSecret *key)
{
  g_autofree char *text = NULL;
  char *mark;

  if (key == NULL)
    {
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
      return;
    }

  hk_json_writer_key (writer, "recovery_key");
  if (!recovery_key_is_plain (key))
    {
      hk_json_writer_string (writer, hk_secret_get_data (key));
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
      return;
    }

  hk_json_writer_string (writer, RECOVERY_KEY_PLACEHOLDER);
  hk_json_writer_end_object (writer);
  text = hk_json_writer_finish (writer);
  mark = strstr (text, RECOVERY_KEY_PLACEHOLDER);
  g_assert (mark != NULL);
  *mark = '\0';

  fputs (text, stdout);
  write_recovery_key (key);
  fputs (mark + strlen (RECOVERY_KEY_PLACEHOLDER), stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* Without --json: the warning on standard error, the key alone on standard output. */
static void
print_recovery_key (HkVault        *vault,
                    const HkSecret *key)
{
  g_printerr (_("Created the vault at %s.\n"), hk_vault_get_path (vault));
  g_printerr ("%s\n",
              _("The recovery key below is shown only this once. Print it or write it down and keep "
                "it somewhere safe, away from this computer: anyone who has it can open the vault, "
                "and without it a forgotten passphrase means the records are lost."));
  if (hk_vault_get_kdf_profile (vault) == HK_KDF_PROFILE_TEST_WEAK)
    g_printerr ("%s\n", _("Warning: this vault uses the weak test key derivation; never put real records in it."));

  write_recovery_key (key);
  write_all ("\n", 1);
}

/* The --json output of the commands that make or copy a vault opens with
 * its path and id; print_vault_json() finishes it. */
static HkJsonWriter *
begin_vault_json (HkVault *vault)
{
  HkJsonWriter *writer = hk_json_writer_new (TRUE);

  hk_json_writer_begin_object (writer);
  hk_cli_json_string_member (writer, "vault", hk_vault_get_path (vault));
  hk_cli_json_string_member (writer, "id", hk_vault_get_id (vault));
  return writer;
}

/* ---- init ---- */

int
hk_cli_run_init (HkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *kdf = NULL;
  g_autofree char *owner_file = NULL;
  const GOptionEntry entries[] = {
    { "kdf-profile", 0, 0, G_OPTION_ARG_STRING, &kdf, KDF_PROFILE_HELP, N_("PROFILE") },
    { "owner-name-file", 0, 0, G_OPTION_ARG_FILENAME, &owner_file,
      N_("Read your name, recorded as the author of changes, from FILE (default: your account’s full name)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) recovery = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Create a new, empty vault."),
                             _("The passphrase is asked for twice on the terminal, or read once from "
                               "--passphrase-file, and refused if it is too easy to guess. An existing "
                               "file is never replaced. The recovery key is printed once on standard "
                               "output; with --json the output is {\"vault\": PATH, \"id\": VAULT_ID, "
                               "\"recovery_key\": KEY}.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli init\n"
                               "  hearken-cli --vault ~/Documents/team.hearken init --kdf-profile sensitive\n"
                               "  hearken-cli --passphrase-file pass.txt --json init > created.json"),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  vault = create_vault (cli, kdf, owner_file, HK_VAULT_FLAG_NONE, &recovery, &error);
  if (vault == NULL)
    return hk_cli_report_error (cli, error);

  if (cli->globals.json)
    print_vault_json (begin_vault_json (vault), recovery);
  else
    print_recovery_key (vault, recovery);
  return HK_CLI_EXIT_OK;
}

/* ---- demo ---- */

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  hk_cli_progress (_("Adding demonstration cases:"), done, total);
}

int
hk_cli_run_demo (HkCli  *cli,
                 int     argc,
                 char  **argv)
{
  int n_cases = 20;
  int notes_per_case = 10;
  gint64 seed = 1;
  gboolean create = FALSE;
  gboolean force = FALSE;
  g_autofree char *kdf = NULL;
  g_autofree char *owner_file = NULL;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to add, each with a new person (default: 20)"), N_("N") },
    { "notes-per-case", 0, 0, G_OPTION_ARG_INT, &notes_per_case, N_("Notes in each case (default: 10)"), N_("M") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed for the generator; the same seed gives the same records (default: 1)"), N_("S") },
    { "create", 0, 0, G_OPTION_ARG_NONE, &create, N_("Create a new vault marked DEMO first, as “init” does"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Add to a vault that is not marked DEMO"), NULL },
    { "kdf-profile", 0, 0, G_OPTION_ARG_STRING, &kdf, KDF_PROFILE_HELP, N_("PROFILE") },
    { "owner-name-file", 0, 0, G_OPTION_ARG_FILENAME, &owner_file,
      N_("With --create: read your name from FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) recovery = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Add synthetic demonstration records."),
                             _("The records are invented: names from a fixed list, NHS numbers from the "
                               "range that is never issued, and notes in plausible casework language. "
                               "Synthetic records are only added to a vault marked DEMO (made with "
                               "--create) unless --force is given. With --create the recovery key is "
                               "printed as by “init”.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli --vault demo.hearken demo --create --cases 50 --notes-per-case 20 --seed 7\n"
                               "  hearken-cli --vault demo.hearken demo --cases 10"),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  if (n_cases < 0 || n_cases > 1000000)
    return hk_cli_usage_error (cli, _("--cases: expected a number from 0 to 1000000"));
  if (notes_per_case < 0 || notes_per_case > 10000)
    return hk_cli_usage_error (cli, _("--notes-per-case: expected a number from 0 to 10000"));
  if (seed < 0 || seed > G_MAXUINT32)
    return hk_cli_usage_error (cli, _("--seed: expected a number from 0 to 4294967295"));
  if (!create && (kdf != NULL || owner_file != NULL))
    return hk_cli_usage_error (cli, _("--kdf-profile and --owner-name-file only apply with --create"));

  if (create)
    vault = create_vault (cli, kdf, owner_file, HK_VAULT_FLAG_DEMO, &recovery, &error);
  else
    vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL)
    return hk_cli_report_error (cli, error);

  if (!create && !force && !(hk_vault_get_flags (vault) & HK_VAULT_FLAG_DEMO))
    return hk_cli_usage_error (cli, _("This vault is not marked DEMO, so synthetic records would mix with "
                                      "real ones; use --create for a new demo vault, or --force"));

  if (recovery != NULL && !cli->globals.json)
    print_recovery_key (vault, recovery);

  if (!hk_demo_populate (vault, n_cases, notes_per_case, (guint32) seed, demo_progress, NULL, &error))
    return hk_cli_report_error (cli, error);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = begin_vault_json (vault);

      hk_cli_json_bool_member (writer, "demo", (hk_vault_get_flags (vault) & HK_VAULT_FLAG_DEMO) != 0);
      hk_cli_json_int_member (writer, "cases", n_cases);
      hk_cli_json_int_member (writer, "notes_per_case", notes_per_case);
      hk_cli_json_int_member (writer, "seed", seed);
      print_vault_json (writer, recovery);
    }
  else
    {
      g_autofree char *cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d case", "%d cases", n_cases),
                                                n_cases);
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d note", "%d notes",
                                                             notes_per_case),
                                                notes_per_case);

      /* Translators: "Added 20 cases with 10 notes each." */
      g_printerr (_("Added %s with %s each.\n"), cases, notes);
    }
  return HK_CLI_EXIT_OK;
}

/* ---- check ---- */

static void
write_failure_json (HkJsonWriter          *writer,
                    const HkRecordFailure *failure)
{
  hk_json_writer_begin_object (writer);
  hk_cli_json_string_member (writer, "kind", hk_record_kind_to_string (failure->kind));
  hk_cli_json_string_member (writer, "id", failure->id);
  hk_cli_json_int_member (writer, "revision", failure->revision);
  hk_cli_json_string_member (writer, "description", failure->message);
  hk_json_writer_end_object (writer);
}

int
hk_cli_run_check (HkCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  gboolean ok;

  if (!hk_cli_parse_options (cli, NULL, _("Check the vault’s integrity."),
                             _("Runs SQLite’s integrity check, authenticates every revision of every "
                               "record, and verifies the activity log’s hash chain. Exits with 0 when "
                               "all is well and 2 when anything failed; failing records are listed by "
                               "kind and id. With --json: {\"ok\", \"sqlite_ok\", \"sqlite_message\", "
                               "\"records_checked\", \"record_failures\": [{\"kind\", \"id\", "
                               "\"revision\", \"description\"}], \"activity_ok\", \"activity_entries\", "
                               "\"activity_message\"}.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli check\n"
                               "  hearken-cli check --json || echo \"vault damaged\""),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (report = hk_vault_check (vault, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  ok = hk_check_report_is_ok (report);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_object (writer);
      hk_cli_json_bool_member (writer, "ok", ok);
      hk_cli_json_bool_member (writer, "sqlite_ok", report->sqlite_ok);
      hk_cli_json_string_member (writer, "sqlite_message", report->sqlite_message);
      hk_cli_json_int_member (writer, "records_checked", report->records_checked);
      hk_json_writer_key (writer, "record_failures");
      hk_json_writer_begin_array (writer);
      for (guint i = 0; i < report->failures->len; i++)
        write_failure_json (writer, g_ptr_array_index (report->failures, i));
      hk_json_writer_end_array (writer);
      hk_cli_json_bool_member (writer, "activity_ok", report->activity_ok);
      hk_cli_json_int_member (writer, "activity_entries", report->activity_entries);
      hk_cli_json_string_member (writer, "activity_message", report->activity_message);
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
    }
  else
    {
      guint n_failures = report->record_failures != NULL ? report->record_failures->len : 0;

      if (report->sqlite_ok)
        g_print ("%s\n", _("SQLite integrity: ok"));
      else
        g_print (_("SQLite integrity: FAILED (%s)\n"),
                 report->sqlite_message != NULL ? report->sqlite_message : "");

      g_print (_("Records: %u revisions checked, %u failed authentication\n"),
               report->records_checked, n_failures);
      for (guint i = 0; i < n_failures; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (report->record_failures, i));

      if (report->activity_ok)
        g_print (_("Activity log: %u entries, chain intact\n"), report->activity_entries);
      else
        g_print (_("Activity log: %u entries, FAILED (%s)\n"), report->activity_entries,
                 report->activity_message != NULL ? report->activity_message : "");

      g_print ("%s\n", ok ? _("The vault passed every check.") : _("The vault FAILED the check."));
    }

  if (!ok)
    {
      fflush (stdout);
      g_printerr ("hearken-cli: %s\n", _("The vault failed the integrity check"));
      return HK_CLI_EXIT_INTEGRITY;
    }
  return HK_CLI_EXIT_OK;
}

/* ---- passwd, recover ---- */

int
hk_cli_run_passwd (HkCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *new_file = NULL;
  const GOptionEntry entries[] = {
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from FILE (- for standard input) instead of asking twice"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) current = NULL;
  g_autoptr(HkSecret) new_passphrase = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Change the vault passphrase."),
                             _("The current passphrase comes from --passphrase-file or a prompt, the new "
                               "one from --new-passphrase-file or two prompts. When both files are “-”, "
                               "standard input holds the current passphrase on its first line and the new "
                               "one on its second. Only the key wrapping changes; records are not rewritten, "
                               "and the recovery key keeps working.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli passwd\n"
                               "  printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | hearken-cli --passphrase-file - passwd "
                               "--new-passphrase-file -"),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_read_passphrase (cli, &current, &error);
  if (vault == NULL ||
      !hk_vault_unlock (vault, current, NULL, &error) ||
      (new_passphrase = hk_cli_read_new_passphrase (new_file, &error)) == NULL ||
      !hk_cli_check_passphrase_quality (new_passphrase, &error))
    return hk_cli_report_error (cli, error);

  if (hk_secret_equal (current, new_passphrase))
    return hk_cli_usage_error (cli, _("The new passphrase is the same as the current one; nothing was changed"));

  if (!hk_vault_change_passphrase (vault, current, new_passphrase, &error))
    return hk_cli_report_error (cli, error);

  g_printerr ("%s\n", _("The passphrase has been changed."));
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_recover (HkCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *key_file = NULL;
  g_autofree char *new_file = NULL;
  const GOptionEntry entries[] = {
    { "recovery-key-file", 0, 0, G_OPTION_ARG_FILENAME, &key_file,
      N_("Read the recovery key from FILE (- for standard input) instead of asking"), N_("FILE") },
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from FILE (- for standard input) instead of asking twice; "
         "--passphrase-file is used if this is not given"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) typed_key = NULL;
  g_autoptr(HkSecret) key = NULL;
  g_autoptr(HkSecret) new_passphrase = NULL;
  const char *new_source;

  if (!hk_cli_parse_options (cli, entries, _("Set a new passphrase using the recovery key."),
                             _("For a forgotten passphrase. The recovery key may be typed in any case, "
                               "with or without its dashes and spaces. When both files are “-”, standard "
                               "input holds the recovery key on its first line and the new passphrase on "
                               "its second.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli recover\n"
                               "  hearken-cli recover --recovery-key-file key.txt --new-passphrase-file new.txt"),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  new_source = new_file != NULL ? new_file : cli->globals.passphrase_file;

  vault = hk_cli_open_vault (cli, &error);
  if (vault == NULL ||
      (typed_key = hk_cli_get_secret (key_file, _("Recovery key: "), _("recovery key"), &error)) == NULL ||
      (key = hk_cli_normalize_recovery_key (typed_key, &error)) == NULL ||
      (new_passphrase = hk_cli_read_new_passphrase (new_source, &error)) == NULL ||
      !hk_cli_check_passphrase_quality (new_passphrase, &error) ||
      !hk_vault_recover (vault, key, new_passphrase, &error))
    return hk_cli_report_error (cli, error);

  g_printerr ("%s\n", _("The new passphrase is set. The recovery key still works: keep it safe."));
  return HK_CLI_EXIT_OK;
}

/* ---- backup, restore ---- */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
hk_cli_run_backup (HkCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *to = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &to, N_("Write the backup to PATH"), N_("PATH") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace PATH if it already exists"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;

  if (!hk_cli_parse_options (cli, entries, _("Write a consistent, encrypted copy of the vault."),
                             _("The copy is taken with SQLite’s online backup, so it is consistent, and "
                               "it is exactly as encrypted as the vault: it opens with the same "
                               "passphrase and recovery key. An existing file is only replaced with --force.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli backup --to /media/usb/hearken-2026-03-05.hearken\n"
                               "  hearken-cli backup --to weekly.hearken --force"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (to, "--to", &error))
    return hk_cli_report_error (cli, error);

  if (g_file_test (to, G_FILE_TEST_IS_DIR))
    return hk_cli_usage_error (cli, _("--to names a folder; give the path of the backup file"));
  if (g_file_test (to, G_FILE_TEST_EXISTS) && !force)
    {
      g_set_error (&error, HK_ERROR, HK_ERROR_INVALID,
                   _("%s already exists; use --force to replace it"), to);
      return hk_cli_report_error (cli, error);
    }
  if (same_file (to, hk_cli_get_vault_path (cli)))
    return hk_cli_usage_error (cli, _("The backup cannot replace the vault itself"));

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL ||
      !ensure_parent_directory (to, &error) ||
      !hk_vault_backup (vault, to, &error))
    return hk_cli_report_error (cli, error);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = begin_vault_json (vault);

      hk_cli_json_string_member (writer, "backup", to);
      print_vault_json (writer, NULL);
    }
  else
    g_printerr (_("Backup written to %s.\n"), to);
  return HK_CLI_EXIT_OK;
}

int
hk_cli_run_restore (HkCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *from = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The backup file to restore"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(HkSecret) passphrase = NULL;
  const char *path;

  if (!hk_cli_parse_options (cli, entries, _("Replace the vault with a backup."),
                             _("The passphrase asked for (or read from --passphrase-file) is the backup’s. "
                               "The backup is unlocked and checked completely first; the vault is only "
                               "replaced if it passes. If there is no vault yet, the backup is copied into "
                               "place.\n"
                               "\n"
                               "Example:\n"
                               "  hearken-cli restore --from /media/usb/hearken-2026-03-05.hearken"),
                             &argc, &argv, &error) ||
      !hk_cli_require_option (from, "--from", &error))
    return hk_cli_report_error (cli, error);

  path = hk_cli_get_vault_path (cli);
  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, HK_ERROR, HK_ERROR_NOT_FOUND, _("There is no backup file at %s"), from);
      return hk_cli_report_error (cli, error);
    }
  if (same_file (from, path))
    return hk_cli_usage_error (cli, _("The backup is the vault itself"));

  if (hk_vault_exists (path))
    {
      vault = hk_cli_open_and_read_passphrase (cli, &passphrase, &error);
      if (vault == NULL ||
          !hk_vault_restore (vault, from, passphrase, &error))
        return hk_cli_report_error (cli, error);
    }
  else
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (&error, HK_ERROR, HK_ERROR_INVALID,
                       _("%s exists but is not a vault; nothing was changed"), path);
          return hk_cli_report_error (cli, error);
        }
      if ((passphrase = hk_cli_read_passphrase (cli, &error)) == NULL ||
          (vault = hk_vault_restore_as_new (from, path, passphrase, &error)) == NULL)
        return hk_cli_report_error (cli, error);
    }

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_object (writer);
      hk_cli_json_string_member (writer, "vault", path);
      hk_cli_json_string_member (writer, "restored_from", from);
      hk_json_writer_end_object (writer);
      hk_cli_print_json (writer);
    }
  else
    g_printerr (_("Restored the vault at %s from %s.\n"), path, from);
  return HK_CLI_EXIT_OK;
}

/* ---- log ---- */

/* The same form as the records' created_at and modified_at. */
static char *
format_iso_usec (gint64 usec)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) dt = g_date_time_add (epoch, usec);

  return dt != NULL ? g_date_time_format_iso8601 (dt) : NULL;
}

int
hk_cli_run_log (HkCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) vault = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (!hk_cli_parse_options (cli, NULL, _("Show the activity log, oldest first."),
                             _("The log is append-only and hash-chained: unlocks and failed unlocks, locks, "
                               "cases viewed, records created or changed, backups, passphrase changes and "
                               "recoveries. A broken chain exits with 2. With --json, an array of objects "
                               "with the keys seq, time (ISO 8601), event, actor, record_kind, record_id, "
                               "revision and detail.\n"
                               "\n"
                               "Examples:\n"
                               "  hearken-cli log\n"
                               "  hearken-cli log --json"),
                             &argc, &argv, &error))
    return hk_cli_report_error (cli, error);

  vault = hk_cli_open_and_unlock (cli, &error);
  if (vault == NULL || (entries = hk_vault_read_activity (vault, &error)) == NULL)
    return hk_cli_report_error (cli, error);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_json_writer_begin_array (writer);
      for (guint i = 0; i < entries->len; i++)
        {
          HkActivityEntry *e = g_ptr_array_index (entries, i);
          g_autofree char *time = format_iso_usec (e->time);

          hk_json_writer_begin_object (writer);
          hk_cli_json_int_member (writer, "seq", e->seq);
          hk_cli_json_string_member (writer, "time", time);
          hk_cli_json_string_member (writer, "event", hk_activity_kind_to_string (e->kind));
          hk_cli_json_string_member (writer, "actor", e->actor);
          hk_cli_json_string_member (writer, "record_kind",
                                     e->record_kind >= 0 ? hk_record_kind_to_string (e->record_kind) : NULL);
          hk_cli_json_string_member (writer, "record_id", e->record_id);
          hk_cli_json_int_member (writer, "revision", e->revision);
          hk_cli_json_string_member (writer, "detail", e->detail);
          hk_json_writer_end_object (writer);
        }
      hk_json_writer_end_array (writer);
      hk_cli_print_json (writer);
    }
  else
    {
      const char *headers[] = {
        C_("activity log column", "Time"),
        C_("activity log column", "Event"),
        C_("activity log column", "Record"),
        C_("activity log column", "Detail"),
      };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < entries->len; i++)
        {
          HkActivityEntry *e = g_ptr_array_index (entries, i);
          char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

          row[0] = hk_cli_format_usec (e->time);
          row[1] = g_strdup (hk_activity_kind_get_label (e->kind));
          if (e->record_id != NULL && e->record_kind >= 0)
            row[2] = g_strdup_printf ("%s %s", hk_record_kind_to_string (e->record_kind), e->record_id);
          else
            row[2] = g_strdup ("");
          row[3] = hk_cli_table_cell (e->detail);
          g_ptr_array_add (rows, row);
        }
      hk_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }
  return HK_CLI_EXIT_OK;
}
