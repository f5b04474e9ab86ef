/* test-cli.c: hearken-cli driven as a real process
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#ifdef G_OS_UNIX
# include <unistd.h>
#endif

#include "hk-test-utils.h"

#define PASS       "correct horse battery staple 42"
#define NEW_PASS   "a different passphrase entirely 7"
#define WRONG_PASS "not the right passphrase at all 99"

#define VALID_NHS   "943 476 5919"
#define INVALID_NHS "943 476 5918"

typedef struct
{
  char *dir;
  char *vault;
  char *recovery_key;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

#ifdef G_OS_UNIX
/* No controlling terminal: a command that wrongly prompts fails at once
 * instead of waiting on the developer's terminal. */
static void
detach_from_tty (gpointer user_data)
{
  setsid ();
}
#endif

static CliResult *
run_cli_argv (const char         *input,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = NULL;
  const char *cli = g_getenv ("HEARKEN_CLI");
  CliResult *r = g_new0 (CliResult, 1);
  int fd;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Standard input comes from a file, not a pipe: a command that exits
   * without reading all of it must not make the test fail on EPIPE. */
  fd = g_file_open_tmp ("hearken-cli-input-XXXXXX", &input_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (input_path, input != NULL ? input : "", -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
#ifdef G_OS_UNIX
  g_subprocess_launcher_set_child_setup (launcher, detach_from_tty, NULL, NULL);
#endif
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_unlink (input_path);

  /* A crash, or a GLib warning made fatal by G_DEBUG, is never acceptable. */
  if (!g_subprocess_get_if_exited (proc))
    g_error ("hearken-cli died (%s): stderr: %s", args[0], r->err);
  r->status = g_subprocess_get_exit_status (proc);
  if (r->out == NULL)
    r->out = g_strdup ("");
  if (r->err == NULL)
    r->err = g_strdup ("");
  {
    g_autofree char *command = g_strjoinv (" ", (char **) args);

    g_autofree char *err = g_strchomp (g_strdup (r->err));

    g_test_message ("hearken-cli %s -> %d; stderr: %s", command, r->status, err);
  }
  return r;
}

/* Runs hearken-cli --vault <fixture vault> ARGS…, NULL-terminated. */
static CliResult *
run_cli (Fixture    *f,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--vault");
  g_ptr_array_add (args, f->vault);
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_cli_argv (input, (const char * const *) args->pdata);
}

/* User errors: exactly one line on stderr, starting with the program name. */
static void
assert_one_error_line (CliResult *r)
{
  g_assert_true (g_str_has_prefix (r->err, "hearken-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
}

static HkJsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  HkJsonNode *node = hk_json_parse (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static const char *
json_string (HkJsonNode *object,
             const char *key)
{
  HkJsonNode *value = hk_json_node_lookup (object, key);

  g_assert_nonnull (value);
  g_assert_cmpint (hk_json_node_get_type (value), ==, HK_JSON_STRING);
  return hk_json_node_get_string (value);
}

static char *
chomp (const char *text)
{
  return g_strchomp (g_strdup (text));
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CliResult) r = NULL;
  g_autoptr(HkJsonNode) created = NULL;

  f->dir = hk_test_make_tmpdir ();
  f->vault = g_build_filename (f->dir, "sub", "vault.hearken", NULL);

  r = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "init", "--kdf-profile", "test-weak", NULL);
  g_assert_cmpint (r->status, ==, 0);
  created = parse_json (r->out);
  g_assert_cmpstr (json_string (created, "vault"), ==, f->vault);
  g_assert_cmpuint (strlen (json_string (created, "id")), >, 0);
  f->recovery_key = g_strdup (json_string (created, "recovery_key"));
  g_assert_true (hk_vault_exists (f->vault));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->vault);
  g_free (f->recovery_key);
}

/* Adds a person from JSON and returns the id. */
static char *
add_person (Fixture    *f,
            const char *json)
{
  g_autofree char *input = g_strconcat (PASS "\n", json, NULL);
  g_autoptr(CliResult) r = run_cli (f, input, "--passphrase-file", "-", "person", "add", "--file", "-", NULL);
  char *id;

  g_assert_cmpint (r->status, ==, 0);
  id = chomp (r->out);
  g_assert_cmpuint (strlen (id), ==, 32);
  return id;
}

static char *
open_case (Fixture    *f,
           const char *person_id)
{
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-",
                                    "case", "open", "--person", person_id, NULL);

  g_assert_cmpint (r->status, ==, 0);
  return chomp (r->out);
}

static char *
add_note (Fixture    *f,
          const char *case_id,
          const char *text)
{
  g_autofree char *input = g_strconcat (PASS "\n", text, NULL);
  g_autoptr(CliResult) r = run_cli (f, input, "note", "add", "--case", case_id, "--file", "-",
                                    "--passphrase-file", "-", NULL);

  g_assert_cmpint (r->status, ==, 0);
  return chomp (r->out);
}

static HkJsonNode *
list_json (Fixture    *f,
           const char *status)
{
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", "--json",
                                    "--status", status, NULL);
  HkJsonNode *node;

  g_assert_cmpint (r->status, ==, 0);
  node = parse_json (r->out);
  g_assert_cmpint (hk_json_node_get_type (node), ==, HK_JSON_ARRAY);
  return node;
}

/* ---- tests ---- */

static void
test_init_and_list_empty (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CliResult) human = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) plain = NULL;
  g_autoptr(HkJsonNode) list = list_json (f, "all");
  g_autofree char *other = g_build_filename (f->dir, "plain.hearken", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (human->status, ==, 0);
  g_assert_cmpstr (human->err, ==, "");
  g_assert_cmpuint (hk_json_node_get_length (list), ==, 0);

  /* An existing vault is never replaced. */
  again = run_cli (f, PASS "\n", "--passphrase-file", "-", "init", "--kdf-profile", "test-weak", NULL);
  g_assert_cmpint (again->status, ==, 1);
  assert_one_error_line (again);

  /* Without --json: the recovery key alone on stdout, the warning on stderr. */
  plain = run_cli_argv (PASS "\n", (const char *[]) { "init", "--vault", other, "--passphrase-file", "-",
                                                      "--kdf-profile", "test-weak", NULL });
  g_assert_cmpint (plain->status, ==, 0);
  lines = g_strsplit (plain->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpuint (strlen (lines[0]), ==, 65);  /* 11 groups of 5 and 10 dashes */
  g_assert_nonnull (strstr (plain->err, "recovery key"));
  g_assert_null (strstr (plain->err, lines[0]));
}

static void
test_init_refuses_weak_passphrase (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "weak.hearken", NULL);
  g_autoptr(CliResult) r = run_cli_argv ("password\n",
                                         (const char *[]) { "--vault", path, "--passphrase-file", "-",
                                                            "init", "--kdf-profile", "test-weak", NULL });
  g_autoptr(CliResult) empty = run_cli_argv ("\n",
                                             (const char *[]) { "--vault", path, "--passphrase-file", "-",
                                                                "init", "--kdf-profile", "test-weak", NULL });

  g_assert_cmpint (r->status, ==, 1);
  assert_one_error_line (r);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (empty->status, ==, 1);
  assert_one_error_line (empty);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_person_add (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = add_person (f, "{\"name\": \"Ada Lovelace\", \"date_of_birth\": \"1815-12-10\", "
                                       "\"nhs_number\": \"" VALID_NHS "\"}");
  g_autoptr(CliResult) bad_nhs = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) not_json = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) show_json = NULL;
  g_autoptr(CliResult) with_json = NULL;
  g_autoptr(HkJsonNode) record = NULL;
  g_autoptr(HkJsonNode) added = NULL;
  g_autofree char *file = NULL;

  bad_nhs = run_cli (f, PASS "\n{\"name\": \"Bad Number\", \"nhs_number\": \"" INVALID_NHS "\"}",
                     "--passphrase-file", "-", "person", "add", "--file", "-", NULL);
  g_assert_cmpint (bad_nhs->status, ==, 1);
  assert_one_error_line (bad_nhs);
  g_assert_nonnull (strstr (bad_nhs->err, "NHS number"));

  unknown = run_cli (f, PASS "\n{\"name\": \"Shoe\", \"shoe_size\": \"9\"}",
                     "--passphrase-file", "-", "person", "add", "--file", "-", NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  assert_one_error_line (unknown);
  g_assert_nonnull (strstr (unknown->err, "$.shoe_size"));

  not_json = run_cli (f, PASS "\n[1, 2", "--passphrase-file", "-", "person", "add", "--file", "-", NULL);
  g_assert_cmpint (not_json->status, ==, 1);
  assert_one_error_line (not_json);

  show = run_cli (f, PASS "\n", "--passphrase-file", "-", "person", "show", "--person", id, NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_nonnull (strstr (show->out, "Ada Lovelace"));
  g_assert_nonnull (strstr (show->out, "10/12/1815"));

  show_json = run_cli (f, PASS "\n", "--passphrase-file", "-", "person", "show", "--person", id, "--json", NULL);
  g_assert_cmpint (show_json->status, ==, 0);
  record = parse_json (show_json->out);
  g_assert_cmpstr (json_string (record, "id"), ==, id);
  g_assert_cmpstr (json_string (hk_json_node_lookup (record, "fields"), "name"), ==, "Ada Lovelace");

  /* From a file rather than stdin, with the whole record printed. */
  file = write_file (f, "person.json", "{\"name\": \"Grace Hopper\"}");
  with_json = run_cli (f, PASS "\n", "--json", "person", "add", "--passphrase-file", "-", "--file", file, NULL);
  g_assert_cmpint (with_json->status, ==, 0);
  added = parse_json (with_json->out);
  g_assert_cmpstr (json_string (added, "kind"), ==, "person");
}

static void
test_person_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = add_person (f, "{\"name\": \"Margaret Jones\"}");
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(HkJsonNode) record = NULL;
  HkJsonNode *fields;
  gint64 revision = 0;

  edit = run_cli (f, PASS "\n{\"preferred_name\": \"Peggy\"}", "--passphrase-file", "-",
                  "person", "edit", "--person", id, "--file", "-", NULL);
  g_assert_cmpint (edit->status, ==, 0);

  show = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "person", "show", "--person", id, NULL);
  g_assert_cmpint (show->status, ==, 0);
  record = parse_json (show->out);
  g_assert_true (hk_json_node_get_int (hk_json_node_lookup (record, "revision"), &revision));
  g_assert_cmpint (revision, ==, 2);
  fields = hk_json_node_lookup (record, "fields");
  g_assert_cmpstr (json_string (fields, "name"), ==, "Margaret Jones");
  g_assert_cmpstr (json_string (fields, "preferred_name"), ==, "Peggy");
}

static void
test_case_and_notes (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Edith Clarke\"}");
  g_autofree char *kase = open_case (f, person);
  g_autofree char *note = add_note (f, kase, "Visited at home; Edith said she felt safe.\nSecond line.");
  g_autofree char *present = write_file (f, "present.txt", "Edith Clarke\n\n  Dr Patel  \n");
  g_autoptr(CliResult) late = NULL;
  g_autoptr(CliResult) bad_kind = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) show_json = NULL;
  g_autoptr(CliResult) human_list = NULL;
  g_autoptr(HkJsonNode) list = list_json (f, "all");
  g_autoptr(HkJsonNode) shown = NULL;
  g_autofree char *late_id = NULL;
  HkJsonNode *first;
  HkJsonNode *notes;
  gint64 count = 0;

  g_assert_cmpuint (strlen (kase), ==, 32);
  g_assert_cmpuint (strlen (note), ==, 32);

  g_assert_cmpuint (hk_json_node_get_length (list), ==, 1);
  first = hk_json_node_get_element (list, 0);
  g_assert_cmpstr (json_string (first, "id"), ==, kase);
  g_assert_cmpstr (json_string (first, "person_id"), ==, person);
  g_assert_cmpstr (json_string (first, "person_name"), ==, "Edith Clarke");
  g_assert_cmpstr (json_string (first, "status"), ==, "open");
  g_assert_nonnull (hk_json_node_lookup (first, "opened_on"));
  g_assert_nonnull (hk_json_node_lookup (first, "closed_on"));
  g_assert_true (hk_json_node_get_int (hk_json_node_lookup (first, "note_count"), &count));
  g_assert_cmpint (count, ==, 1);

  human_list = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (human_list->status, ==, 0);
  g_assert_nonnull (strstr (human_list->out, kase));
  g_assert_nonnull (strstr (human_list->out, "Edith Clarke"));

  /* A call years ago, recorded now: a late entry. */
  late = run_cli (f, PASS "\nPhone call with the GP about medication.", "--passphrase-file", "-",
                  "note", "add", "--case", kase, "--file", "-", "--kind", "phone_call",
                  "--occurred-at", "2020-01-06T09:15:00+00:00", "--present-file", present, NULL);
  g_assert_cmpint (late->status, ==, 0);
  late_id = chomp (late->out);

  bad_kind = run_cli (f, PASS "\ntext", "--passphrase-file", "-", "note", "add", "--case", kase,
                      "--file", "-", "--kind", "gossip", NULL);
  g_assert_cmpint (bad_kind->status, ==, 1);
  assert_one_error_line (bad_kind);

  show = run_cli (f, PASS "\n", "--passphrase-file", "-", "show", "--case", kase, NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_nonnull (strstr (show->out, "Edith Clarke"));
  g_assert_nonnull (strstr (show->out, "felt safe"));
  g_assert_nonnull (strstr (show->out, "LATE ENTRY"));
  g_assert_nonnull (strstr (show->out, "06/01/2020"));
  g_assert_nonnull (strstr (show->out, "Dr Patel"));
  /* Newest first: the 2020 phone call comes after today's note. */
  g_assert_true (strstr (show->out, note) < strstr (show->out, late_id));

  show_json = run_cli (f, PASS "\n", "--passphrase-file", "-", "show", "--json", "--case", kase, NULL);
  g_assert_cmpint (show_json->status, ==, 0);
  shown = parse_json (show_json->out);
  g_assert_cmpstr (json_string (hk_json_node_lookup (shown, "case"), "id"), ==, kase);
  g_assert_cmpstr (json_string (hk_json_node_lookup (shown, "person"), "id"), ==, person);
  notes = hk_json_node_lookup (shown, "notes");
  g_assert_cmpuint (hk_json_node_get_length (notes), ==, 2);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < 2; i++)
      {
        HkJsonNode *n = hk_json_node_get_element (notes, i);
        HkJsonNode *fields = hk_json_node_lookup (n, "fields");

        if (g_str_equal (json_string (n, "id"), note))
          {
            g_assert_cmpstr (json_string (fields, "text"), ==,
                             "Visited at home; Edith said she felt safe.\nSecond line.");
            g_assert_cmpstr (json_string (fields, "kind"), ==, "conversation");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

static HkJsonNode *
show_json (Fixture    *f,
           const char *case_id)
{
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "show", "--case", case_id,
                                    "--json", NULL);

  g_assert_cmpint (r->status, ==, 0);
  return parse_json (r->out);
}

/* A case with no closing conversation has a blocking prompt: it closes only
 * with a recorded reason. */
static void
test_case_close (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Olive Morris\"}");
  g_autofree char *kase = open_case (f, person);
  g_autofree char *reason_file = write_file (f, "reason.txt", "\n  Moved out of area; case passed to the new council.  \n");
  g_autofree char *empty_file = write_file (f, "empty.txt", " \n");
  g_autoptr(CliResult) blocked = NULL;
  g_autoptr(CliResult) empty = NULL;
  g_autoptr(CliResult) future = NULL;
  g_autoptr(CliResult) close = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(HkJsonNode) open_cases = NULL;
  g_autoptr(HkJsonNode) closed_cases = NULL;
  g_autoptr(HkJsonNode) closed = NULL;
  g_autoptr(HkJsonNode) shown = NULL;
  HkJsonNode *fields;

  blocked = run_cli (f, PASS "\n", "--passphrase-file", "-", "case", "close", "--case", kase, NULL);
  g_assert_cmpint (blocked->status, ==, 1);
  assert_one_error_line (blocked);
  g_assert_nonnull (strstr (blocked->err, "cannot close"));
  g_assert_nonnull (strstr (blocked->err, "closing outcome conversation"));
  g_assert_cmpstr (blocked->out, ==, "");
  open_cases = list_json (f, "open");
  g_assert_cmpuint (hk_json_node_get_length (open_cases), ==, 1);

  empty = run_cli (f, PASS "\n", "--passphrase-file", "-", "case", "close", "--case", kase,
                   "--reason-file", empty_file, NULL);
  g_assert_cmpint (empty->status, ==, 1);
  assert_one_error_line (empty);

  future = run_cli (f, PASS "\n", "--passphrase-file", "-", "case", "close", "--case", kase,
                    "--date", "2999-01-01", "--reason-file", reason_file, NULL);
  g_assert_cmpint (future->status, ==, 1);
  assert_one_error_line (future);
  g_assert_nonnull (strstr (future->err, "future"));

  close = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "case", "close", "--case", kase,
                   "--reason-file", reason_file, NULL);
  g_assert_cmpint (close->status, ==, 0);
  closed = parse_json (close->out);
  fields = hk_json_node_lookup (closed, "fields");
  g_assert_cmpstr (json_string (fields, "status"), ==, "closed");
  g_assert_cmpstr (json_string (fields, "override_reason"), ==, "Moved out of area; case passed to the new council.");

  closed_cases = list_json (f, "closed");
  g_assert_cmpuint (hk_json_node_get_length (closed_cases), ==, 1);
  g_assert_cmpint (hk_json_node_get_type (hk_json_node_lookup (hk_json_node_get_element (closed_cases, 0),
                                                               "closed_on")), ==, HK_JSON_STRING);
  shown = show_json (f, kase);
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_lookup (shown, "case"), "fields"), "override_reason"),
                   ==, "Moved out of area; case passed to the new council.");

  again = run_cli (f, PASS "\n", "--passphrase-file", "-", "case", "close", "--case", kase,
                   "--reason-file", reason_file, NULL);
  g_assert_cmpint (again->status, ==, 1);
  assert_one_error_line (again);
}

/* With the closing work done there is nothing blocking, and no reason is asked for. */
static void
test_case_close_clean (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Len Clean\"}");
  g_autofree char *kase = open_case (f, person);
  g_autofree char *conversation = write_file (f, "conversation.json",
                                              "{\"held_on\": \"2025-02-01\", \"phase\": \"at_closure\", "
                                              "\"participants\": [\"adult\"], \"asked\": \"asked_not_expressed\"}");
  g_autoptr(CliResult) add = run_cli (f, PASS "\n", "--passphrase-file", "-", "record", "add", "--kind",
                                      "conversation", "--parent", kase, "--file", conversation, NULL);
  g_autoptr(CliResult) close = NULL;
  g_autoptr(HkJsonNode) shown = NULL;

  g_assert_cmpint (add->status, ==, 0);
  close = run_cli (f, PASS "\n", "--passphrase-file", "-", "case", "close", "--case", kase, NULL);
  g_assert_cmpint (close->status, ==, 0);
  g_assert_cmpstr (g_strchomp (close->out), ==, kase);
  shown = show_json (f, kase);
  g_assert_null (hk_json_node_lookup (hk_json_node_lookup (hk_json_node_lookup (shown, "case"), "fields"),
                                      "override_reason"));
}

static char *
source_file (const char *relative)
{
  return g_build_filename (g_getenv ("HEARKEN_SOURCE_ROOT"), relative, NULL);
}

/* Activity entries about records created or changed. */
static guint
count_record_activity (Fixture *f)
{
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "log", "--json", NULL);
  g_autoptr(HkJsonNode) entries = NULL;
  guint n = 0;

  g_assert_cmpint (r->status, ==, 0);
  entries = parse_json (r->out);
  for (guint i = 0; i < hk_json_node_get_length (entries); i++)
    {
      const char *event = json_string (hk_json_node_get_element (entries, i), "event");

      n += g_str_equal (event, "record-created") || g_str_equal (event, "record-changed");
    }
  return n;
}

static gint64
json_int (HkJsonNode *object,
          const char *key)
{
  gint64 n = -1;

  g_assert_true (hk_json_node_get_int (hk_json_node_lookup (object, key), &n));
  return n;
}

/* Imports the realistic example and returns the new case ids. */
static GStrv
import_example (Fixture *f)
{
  g_autofree char *file = source_file ("fuzz/corpus/fuzz-import/valid-realistic.json");
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "import", file, NULL);
  g_autoptr(HkJsonNode) report = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  HkJsonNode *case_ids;

  g_assert_cmpint (r->status, ==, 0);
  report = parse_json (r->out);
  case_ids = hk_json_node_lookup (report, "case_ids");
  for (guint i = 0; i < hk_json_node_get_length (case_ids); i++)
    g_strv_builder_add (ids, hk_json_node_get_string (hk_json_node_get_element (case_ids, i)));
  return g_strv_builder_end (ids);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *file = source_file ("fuzz/corpus/fuzz-import/valid-realistic.json");
  g_autofree char *schema_file = source_file ("docs/import-schema.json");
  g_autofree char *bad = write_file (f, "bad.json",
                                     "{\"format\": \"hearken-import\", \"version\": 1, \"people\": ["
                                     "{\"fields\": {\"name\": \"Fine Person\"}, \"cases\": [{\"fields\": "
                                     "{\"status\": \"open\", \"opened_on\": \"2025-01-01\"}}]},"
                                     "{\"fields\": {\"name\": \"Second\"}, \"cases\": [{\"fields\": "
                                     "{\"status\": \"closed\", \"opened_on\": \"2025-01-01\"}}]}]}");
  g_autofree char *not_utf8 = write_file (f, "latin1.json",
                                          "{\"format\": \"hearken-import\", \"version\": 1, \"people\": ["
                                          "{\"fields\": {\"name\": \"Ren\xE9\"}, \"cases\": []}]}");
  g_autofree char *contents = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliResult) dry = NULL;
  g_autoptr(CliResult) human = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) latin1 = NULL;
  g_autoptr(CliResult) piped = NULL;
  g_autoptr(CliResult) printed = NULL;
  g_autoptr(CliResult) missing = NULL;
  g_autoptr(HkJsonNode) report = NULL;
  g_autoptr(HkJsonNode) cases = NULL;
  HkJsonNode *counts;
  guint activity;

  /* A dry run needs no vault. */
  dry = run_cli_argv (NULL, (const char *[]) { "--vault", "/nonexistent/vault.hearken", "--json", "import",
                                               "--dry-run", file, NULL });
  g_assert_cmpint (dry->status, ==, 0);
  report = parse_json (dry->out);
  g_assert_true (hk_json_node_get_bool (hk_json_node_lookup (report, "dry_run")));
  g_assert_cmpint (json_int (report, "total"), ==, 24);
  g_assert_cmpuint (hk_json_node_get_length (hk_json_node_lookup (report, "case_ids")), ==, 0);
  counts = hk_json_node_lookup (report, "counts");
  g_assert_cmpuint (hk_json_node_get_length (counts), ==, 12);
  g_assert_cmpint (json_int (counts, "person"), ==, 2);
  g_assert_cmpint (json_int (counts, "risk"), ==, 3);
  g_assert_cmpint (json_int (counts, "best_interests"), ==, 1);
  g_clear_pointer (&report, hk_json_node_free);

  /* Refused files: one line naming the path, exit 1, nothing written. */
  activity = count_record_activity (f);
  refused = run_cli (f, PASS "\n", "--passphrase-file", "-", "import", bad, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  assert_one_error_line (refused);
  g_assert_true (g_str_has_prefix (refused->err,
                                   "hearken-cli: $.people[1].cases[0].fields.closed_on: Closed on: is needed when the case is closed."));
  g_assert_cmpstr (refused->out, ==, "");
  latin1 = run_cli (f, PASS "\n", "--passphrase-file", "-", "import", not_utf8, NULL);
  g_assert_cmpint (latin1->status, ==, 1);
  assert_one_error_line (latin1);
  g_assert_true (g_str_has_prefix (latin1->err, "hearken-cli: $.people[0].fields.name: "));
  missing = run_cli (f, PASS "\n", "--passphrase-file", "-", "import", NULL);
  g_assert_cmpint (missing->status, ==, 1);
  assert_one_error_line (missing);
  cases = list_json (f, "all");
  g_assert_cmpuint (hk_json_node_get_length (cases), ==, 0);
  g_clear_pointer (&cases, hk_json_node_free);
  g_assert_cmpuint (count_record_activity (f), ==, activity);

  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "import", file, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_true (g_str_has_prefix (human->out, "Imported 24 records:\n"));
  g_assert_nonnull (strstr (human->out, "Best-interests decision"));
  g_assert_nonnull (strstr (human->out, "New cases:"));

  /* The same file again: its people are already there, so nothing goes in. */
  again = run_cli (f, PASS "\n", "--passphrase-file", "-", "import", file, NULL);
  g_assert_cmpint (again->status, ==, 1);
  assert_one_error_line (again);
  g_assert_nonnull (strstr (again->err, "$.people[0].fields.nhs_number: a person with this NHS number is already in the vault"));
  cases = list_json (f, "all");
  g_assert_cmpuint (hk_json_node_get_length (cases), ==, 3);
  g_clear_pointer (&cases, hk_json_node_free);

  /* The passphrase, then the document, on standard input. */
  g_file_get_contents (file, &contents, NULL, &error);
  g_assert_no_error (error);
  {
    /* Other people: the file with its NHS numbers taken out. */
    g_autoptr(GRegex) nhs = g_regex_new ("\"nhs_number\": \"[0-9 ]*\",", 0, 0, NULL);
    g_autofree char *others = g_regex_replace_literal (nhs, contents, -1, 0, "", 0, NULL);

    input = g_strconcat (PASS "\n", others, NULL);
  }
  piped = run_cli (f, input, "--passphrase-file", "-", "--json", "import", "-", NULL);
  g_assert_cmpint (piped->status, ==, 0);
  report = parse_json (piped->out);
  g_assert_false (hk_json_node_get_bool (hk_json_node_lookup (report, "dry_run")));
  g_assert_cmpuint (hk_json_node_get_length (hk_json_node_lookup (report, "case_ids")), ==, 3);
  /* Without their NHS numbers they only look like the people already there. */
  {
    HkJsonNode *similar = hk_json_node_lookup (report, "similar_people");

    g_assert_cmpuint (hk_json_node_get_length (similar), >=, 1);
    g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (hk_json_node_get_element (similar, 0), "path")),
                     ==, "$.people[0]");
    g_assert_cmpuint (strlen (hk_json_node_get_string (hk_json_node_lookup (hk_json_node_get_element (similar, 0),
                                                                            "person_id"))), ==, 32);
  }
  cases = list_json (f, "all");
  g_assert_cmpuint (hk_json_node_get_length (cases), ==, 6);

  /* The schema in docs/ is what the program prints. */
  printed = run_cli_argv (NULL, (const char *[]) { "import", "--schema", NULL });
  g_assert_cmpint (printed->status, ==, 0);
  g_file_get_contents (schema_file, &schema, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (printed->out, ==, schema);
}

static void
test_prompts (Fixture       *f,
              gconstpointer  data)
{
  g_auto(GStrv) ids = import_example (f);
  g_autofree char *person = add_person (f, "{\"name\": \"Nora Prompt\"}");
  g_autofree char *bare = open_case (f, person);
  g_autoptr(CliResult) none = NULL;
  g_autoptr(CliResult) human = NULL;
  g_autoptr(CliResult) missing = NULL;
  g_autoptr(HkJsonNode) empty = NULL;
  guint total = 0;

  for (guint c = 0; ids[c] != NULL; c++)
    {
      g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "prompts", "--case", ids[c],
                                        "--json", NULL);
      g_autoptr(HkJsonNode) prompts = NULL;

      g_assert_cmpint (r->status, ==, 0);
      prompts = parse_json (r->out);
      g_assert_cmpint (hk_json_node_get_type (prompts), ==, HK_JSON_ARRAY);
      for (guint i = 0; i < hk_json_node_get_length (prompts); i++)
        {
          HkJsonNode *p = hk_json_node_get_element (prompts, i);
          HkJsonNode *record_id = hk_json_node_lookup (p, "record_id");
          const char *severity = json_string (p, "severity");

          g_assert_cmpuint (hk_json_node_get_length (p), ==, 4);
          g_assert_cmpstr (hk_json_node_get_member_name (p, 0), ==, "code");
          g_assert_cmpstr (hk_json_node_get_member_name (p, 1), ==, "severity");
          g_assert_cmpstr (hk_json_node_get_member_name (p, 2), ==, "text");
          g_assert_cmpstr (hk_json_node_get_member_name (p, 3), ==, "record_id");
          g_assert_true (g_strv_contains (hk_prompts_get_codes (), json_string (p, "code")));
          g_assert_true (g_str_equal (severity, "info") || g_str_equal (severity, "warning") ||
                         g_str_equal (severity, "blocking"));
          g_assert_cmpuint (strlen (json_string (p, "text")), >, 0);
          g_assert_nonnull (record_id);
          g_assert_true (hk_json_node_get_type (record_id) == HK_JSON_NULL ||
                         strlen (hk_json_node_get_string (record_id)) == 32);
          total++;
        }
    }
  /* Kwame's open case has a concern but nobody asked him about outcomes. */
  g_assert_cmpuint (total, >, 0);

  none = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "prompts", "--case", bare, NULL);
  g_assert_cmpint (none->status, ==, 0);
  empty = parse_json (none->out);
  g_assert_cmpuint (hk_json_node_get_length (empty), ==, 0);

  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "prompts", "--case", ids[1], NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "msp-not-asked-at-concern"));
  g_assert_nonnull (strstr (human->out, "Needs attention"));

  missing = run_cli (f, PASS "\n", "--passphrase-file", "-", "prompts", "--case", person, NULL);
  g_assert_cmpint (missing->status, ==, 1);
  assert_one_error_line (missing);
}

static void
test_show_casework (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(GStrv) ids = import_example (f);
  g_autoptr(HkJsonNode) shown = show_json (f, ids[0]);
  g_autoptr(CliResult) human = NULL;
  static const struct { const char *key; guint n; } arrays[] = {
    { "notes", 2 }, { "concerns", 1 }, { "enquiries", 1 }, { "conversations", 2 }, { "outcomes", 2 },
    { "capacity_assessments", 1 }, { "best_interests", 1 }, { "advocacy_referrals", 1 }, { "actions", 1 },
  };
  HkJsonNode *enquiry, *risks, *conversations, *outcomes;

  g_assert_nonnull (hk_json_node_lookup (shown, "case"));
  g_assert_nonnull (hk_json_node_lookup (shown, "person"));
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      HkJsonNode *array = hk_json_node_lookup (shown, arrays[i].key);

      g_assert_nonnull (array);
      g_assert_cmpint (hk_json_node_get_type (array), ==, HK_JSON_ARRAY);
      g_assert_cmpuint (hk_json_node_get_length (array), ==, arrays[i].n);
    }
  g_assert_null (hk_json_node_lookup (shown, "risks"));
  g_assert_cmpint (hk_json_node_get_type (hk_json_node_lookup (shown, "prompts")), ==, HK_JSON_ARRAY);

  /* Risks sit in their enquiry, which is otherwise a plain record. */
  enquiry = hk_json_node_get_element (hk_json_node_lookup (shown, "enquiries"), 0);
  g_assert_cmpstr (json_string (enquiry, "kind"), ==, "enquiry");
  g_assert_cmpstr (hk_json_node_get_member_name (enquiry, 7), ==, "fields");
  risks = hk_json_node_lookup (enquiry, "risks");
  g_assert_cmpuint (hk_json_node_get_length (risks), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      HkJsonNode *risk = hk_json_node_get_element (risks, i);

      g_assert_cmpstr (json_string (risk, "kind"), ==, "risk");
      g_assert_cmpstr (json_string (risk, "parent_id"), ==, json_string (enquiry, "id"));
    }

  /* Oldest first, and links resolved to ids. */
  conversations = hk_json_node_lookup (shown, "conversations");
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_get_element (conversations, 0), "fields"), "phase"),
                   ==, "at_concern");
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_get_element (conversations, 1), "fields"), "phase"),
                   ==, "at_closure");
  outcomes = hk_json_node_lookup (shown, "outcomes");
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_get_element (outcomes, 0), "fields"),
                                "conversation_id"),
                   ==, json_string (hk_json_node_get_element (conversations, 0), "id"));
  {
    HkJsonNode *participants = hk_json_node_lookup (hk_json_node_lookup (hk_json_node_get_element (conversations, 0),
                                                                         "fields"), "participants");

    g_assert_cmpuint (hk_json_node_get_length (participants), ==, 2);
    g_assert_cmpstr (hk_json_node_get_string (hk_json_node_get_element (participants, 1)), ==, "representative");
  }

  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "show", "--case", ids[0], NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "== Enquiries and their risks (1) =="));
  g_assert_nonnull (strstr (human->out, "Financial or Material Abuse"));
  g_assert_nonnull (strstr (human->out, "== Capacity assessments (1) =="));
  g_assert_nonnull (strstr (human->out, "Who took part"));
  g_assert_nonnull (strstr (human->out, "The adult, A representative"));
  g_assert_nonnull (strstr (human->out, "== Practice prompts =="));
}

static char *
record_add (Fixture    *f,
            const char *kind,
            const char *parent,
            const char *json,
            int         expect_status)
{
  g_autofree char *input = g_strconcat (PASS "\n", json, NULL);
  g_autoptr(CliResult) r = NULL;

  if (parent != NULL)
    r = run_cli (f, input, "--passphrase-file", "-", "record", "add", "--kind", kind, "--parent", parent,
                 "--file", "-", NULL);
  else
    r = run_cli (f, input, "--passphrase-file", "-", "record", "add", "--kind", kind, "--file", "-", NULL);
  g_assert_cmpint (r->status, ==, expect_status);
  if (expect_status != 0)
    {
      assert_one_error_line (r);
      return g_strdup (r->err);
    }
  return chomp (r->out);
}

static HkJsonNode *
record_show (Fixture    *f,
             const char *id)
{
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "record", "show", "--id", id, NULL);

  g_assert_cmpint (r->status, ==, 0);
  return parse_json (r->out);
}

static void
test_record_commands (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *person = record_add (f, "person", NULL, "{\"name\": \"Rita Record\"}", 0);
  g_autofree char *kase = record_add (f, "case", person, "{\"status\": \"open\", \"opened_on\": \"2025-01-02\"}", 0);
  g_autofree char *enquiry = record_add (f, "enquiry", kase,
                                         "{\"enquiry_type\": \"s42\", \"started_on\": \"2025-01-03\", \"lead_agency\": \"Council\"}", 0);
  g_autofree char *risk = record_add (f, "risk", enquiry,
                                      "{\"risk_type\": \"financial\", \"location\": \"own_home\", \"source\": \"known\"}", 0);
  g_autofree char *conversation = record_add (f, "conversation", kase,
                                              "{\"held_on\": \"2025-01-03\", \"phase\": \"at_concern\", "
                                              "\"participants\": [\"adult\"], \"asked\": \"asked_expressed\"}", 0);
  g_autofree char *outcome_json = g_strdup_printf ("{\"words\": \"I want to keep my savings.\", \"expressed_on\": "
                                                   "\"2025-01-03\", \"conversation_id\": \"%s\"}", conversation);
  g_autofree char *wrong_link = g_strdup_printf ("{\"words\": \"x\", \"expressed_on\": \"2025-01-03\", "
                                                 "\"conversation_id\": \"%s\"}", risk);
  g_autofree char *outcome = NULL;
  g_autofree char *err = NULL;
  g_autofree char *edit_file = write_file (f, "edit.json", "{\"assessment\": \"identified_action\", \"outcome\": \"reduced\"}");
  g_autofree char *remove_file = write_file (f, "remove.json", "{\"outcome\": null, \"assessment\": \"inconclusive_action\"}");
  g_autofree char *bad_edit = write_file (f, "bad-edit.json", "{\"outcome\": \"removed\"}");
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) refused = NULL;
  g_autoptr(CliResult) removed = NULL;
  g_autoptr(CliResult) history = NULL;
  g_autoptr(CliResult) human = NULL;
  g_autoptr(HkJsonNode) shown = NULL;
  g_autoptr(HkJsonNode) revisions = NULL;
  HkJsonNode *fields;

  g_assert_cmpuint (strlen (risk), ==, 32);
  outcome = record_add (f, "outcome", kase, outcome_json, 0);
  g_assert_cmpuint (strlen (outcome), ==, 32);

  /* Refusals name the option or the field's path. */
  err = record_add (f, "outcome", kase, wrong_link, 1);
  g_assert_true (g_str_has_prefix (err, "hearken-cli: $.conversation_id: there is no conversation with that id in this case"));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "risk", enquiry, "{\"risk_type\": \"Financial\", \"location\": \"own_home\", \"source\": \"known\"}", 1);
  g_assert_true (g_str_has_prefix (err, "hearken-cli: $.risk_type: Type of risk: is not one of the allowed choices."));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "risk", kase, "{\"risk_type\": \"financial\", \"location\": \"own_home\", \"source\": \"known\"}", 1);
  g_assert_nonnull (strstr (err, "enquiry"));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "concern", NULL, "{}", 1);
  g_assert_nonnull (strstr (err, "--parent"));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "person", kase, "{\"name\": \"X\"}", 1);
  g_assert_nonnull (strstr (err, "--parent"));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "draft", kase, "{}", 1);
  g_assert_nonnull (strstr (err, "--kind"));
  g_clear_pointer (&err, g_free);
  err = record_add (f, "action", kase, "{\"description\": \"x\", \"colour\": \"red\"}", 1);
  g_assert_true (g_str_has_prefix (err, "hearken-cli: $.colour: not a field of a action"));
  g_clear_pointer (&err, g_free);

  /* Edit: the risk is assessed and its outcome recorded; a conditional rule holds. */
  edit = run_cli (f, PASS "\n", "--passphrase-file", "-", "record", "edit", "--id", risk, "--file", edit_file, NULL);
  g_assert_cmpint (edit->status, ==, 0);
  shown = record_show (f, risk);
  fields = hk_json_node_lookup (shown, "fields");
  g_assert_cmpstr (json_string (fields, "outcome"), ==, "reduced");
  g_assert_cmpstr (json_string (fields, "risk_type"), ==, "financial");
  g_assert_cmpint (json_int (shown, "revision"), ==, 2);
  g_clear_pointer (&shown, hk_json_node_free);

  removed = run_cli (f, PASS "\n", "--passphrase-file", "-", "record", "edit", "--id", risk, "--file", remove_file, NULL);
  g_assert_cmpint (removed->status, ==, 0);
  shown = record_show (f, risk);
  fields = hk_json_node_lookup (shown, "fields");
  g_assert_null (hk_json_node_lookup (fields, "outcome"));
  g_assert_cmpstr (json_string (fields, "assessment"), ==, "inconclusive_action");

  refused = run_cli (f, PASS "\n", "--passphrase-file", "-", "record", "edit", "--id", risk, "--file", bad_edit, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  assert_one_error_line (refused);
  g_assert_true (g_str_has_prefix (refused->err, "hearken-cli: $.outcome: Risk outcome: can only be recorded after"));

  /* History keeps both earlier revisions, oldest first. */
  history = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "record", "history", "--id", risk, NULL);
  g_assert_cmpint (history->status, ==, 0);
  revisions = parse_json (history->out);
  g_assert_cmpuint (hk_json_node_get_length (revisions), ==, 2);
  g_assert_null (hk_json_node_lookup (hk_json_node_lookup (hk_json_node_get_element (revisions, 0), "fields"), "outcome"));
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_get_element (revisions, 1), "fields"), "outcome"),
                   ==, "reduced");
  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "record", "history", "--id", risk, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Risk reduced"));
  g_assert_nonnull (strstr (human->out, "Revision 1"));
}

/* A null in "person edit" leaves the field alone ("record edit" removes it). */
static void
test_person_edit_null (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_person (f, "{\"name\": \"Nell Null\", \"preferred_name\": \"Nell\"}");
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(HkJsonNode) record = NULL;
  HkJsonNode *fields;

  edit = run_cli (f, PASS "\n{\"preferred_name\": null, \"local_ref\": \"R-17\"}", "--passphrase-file", "-",
                  "--json", "person", "edit", "--person", id, "--file", "-", NULL);
  g_assert_cmpint (edit->status, ==, 0);
  record = parse_json (edit->out);
  g_assert_cmpstr (json_string (record, "id"), ==, id);
  g_clear_pointer (&record, hk_json_node_free);

  show = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "person", "show", "--person", id, NULL);
  g_assert_cmpint (show->status, ==, 0);
  record = parse_json (show->out);
  fields = hk_json_node_lookup (record, "fields");
  g_assert_cmpstr (json_string (fields, "preferred_name"), ==, "Nell");
  g_assert_cmpstr (json_string (fields, "local_ref"), ==, "R-17");
}

/* "note edit" changes only the parts given; both commands refuse two
 * contents on standard input, and an edit with nothing to change. */
static void
test_note_edit_parts (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Pat Parts\"}");
  g_autofree char *kase = open_case (f, person);
  g_autofree char *note = add_note (f, kase, "The original text.");
  g_autofree char *present = write_file (f, "present.txt", "Pat Parts\nA. Khan\n");
  g_autoptr(CliResult) both_add = NULL;
  g_autoptr(CliResult) both_edit = NULL;
  g_autoptr(CliResult) empty = NULL;
  g_autoptr(CliResult) nothing = NULL;
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) human = NULL;
  g_autoptr(HkJsonNode) record = NULL;
  g_autoptr(HkJsonNode) shown = NULL;
  HkJsonNode *fields;
  HkJsonNode *who;

  both_add = run_cli (f, PASS "\ntext", "--passphrase-file", "-", "note", "add", "--case", kase,
                      "--file", "-", "--present-file", "-", NULL);
  g_assert_cmpint (both_add->status, ==, 1);
  assert_one_error_line (both_add);
  g_assert_nonnull (strstr (both_add->err, "cannot both read standard input"));

  both_edit = run_cli (f, PASS "\ntext", "--passphrase-file", "-", "note", "edit", "--note", note,
                       "--file", "-", "--present-file", "-", NULL);
  g_assert_cmpint (both_edit->status, ==, 1);
  assert_one_error_line (both_edit);
  g_assert_nonnull (strstr (both_edit->err, "cannot both read standard input"));

  /* Nothing after the passphrase: an empty note, which the core refuses. */
  empty = run_cli (f, PASS "\n", "--passphrase-file", "-", "note", "add", "--case", kase, "--file", "-", NULL);
  g_assert_cmpint (empty->status, ==, 1);
  assert_one_error_line (empty);
  g_assert_cmpstr (empty->out, ==, "");

  nothing = run_cli (f, PASS "\n", "--passphrase-file", "-", "note", "edit", "--note", note, NULL);
  g_assert_cmpint (nothing->status, ==, 1);
  assert_one_error_line (nothing);
  g_assert_nonnull (strstr (nothing->err, "Nothing to change"));

  edit = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "note", "edit", "--note", note,
                  "--kind", "visit", "--occurred-at", "2024-05-06 07:08", "--present-file", present, NULL);
  g_assert_cmpint (edit->status, ==, 0);
  record = parse_json (edit->out);
  g_assert_cmpint (json_int (record, "revision"), ==, 2);
  fields = hk_json_node_lookup (record, "fields");
  g_assert_cmpstr (json_string (fields, "kind"), ==, "visit");
  g_assert_true (g_str_has_prefix (json_string (fields, "occurred_at"), "2024-05-06T07:08:00"));
  g_assert_cmpstr (json_string (fields, "text"), ==, "The original text.");
  who = hk_json_node_lookup (fields, "present");
  g_assert_cmpuint (hk_json_node_get_length (who), ==, 2);
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_get_element (who, 1)), ==, "A. Khan");

  /* A correction, not a second note. */
  shown = show_json (f, kase);
  g_assert_cmpuint (hk_json_node_get_length (hk_json_node_lookup (shown, "notes")), ==, 1);
  g_assert_cmpint (json_int (hk_json_node_get_element (hk_json_node_lookup (shown, "notes"), 0), "revision"),
                   ==, 2);

  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "note", "history", "--note", note, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_true (g_str_has_prefix (human->out, "Note "));
  g_assert_nonnull (strstr (human->out, "The original text."));
}

static void
test_note_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Mary Seacole\"}");
  g_autofree char *kase = open_case (f, person);
  g_autofree char *note = add_note (f, kase, "First version of the note.");
  g_autoptr(CliResult) none = NULL;
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) history = NULL;
  g_autoptr(CliResult) human = NULL;
  g_autoptr(HkJsonNode) revisions = NULL;
  g_autoptr(HkJsonNode) empty = NULL;

  none = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "note", "history", "--note", note, NULL);
  g_assert_cmpint (none->status, ==, 0);
  empty = parse_json (none->out);
  g_assert_cmpuint (hk_json_node_get_length (empty), ==, 0);

  edit = run_cli (f, PASS "\nCorrected version of the note.", "--passphrase-file", "-",
                  "note", "edit", "--note", note, "--file", "-", NULL);
  g_assert_cmpint (edit->status, ==, 0);

  history = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "note", "history", "--note", note, NULL);
  g_assert_cmpint (history->status, ==, 0);
  revisions = parse_json (history->out);
  g_assert_cmpuint (hk_json_node_get_length (revisions), ==, 1);
  g_assert_cmpstr (json_string (hk_json_node_lookup (hk_json_node_get_element (revisions, 0), "fields"), "text"),
                   ==, "First version of the note.");

  human = run_cli (f, PASS "\n", "--passphrase-file", "-", "note", "history", "--note", note, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "First version"));
  g_assert_null (strstr (human->out, "Corrected"));
}

static guint
search_count (Fixture    *f,
              const char *query,
              const char *expect_id)
{
  g_autofree char *input = g_strconcat (PASS "\n", query, "\n", NULL);
  g_autoptr(CliResult) r = run_cli (f, input, "--passphrase-file", "-", "search", "--query-file", "-",
                                    "--json", NULL);
  g_autoptr(HkJsonNode) list = NULL;

  g_assert_cmpint (r->status, ==, 0);
  list = parse_json (r->out);
  if (expect_id != NULL)
    {
      g_assert_cmpuint (hk_json_node_get_length (list), >=, 1);
      g_assert_cmpstr (json_string (hk_json_node_get_element (list, 0), "id"), ==, expect_id);
    }
  return hk_json_node_get_length (list);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *anne = add_person (f, "{\"name\": \"Anne Zanzibar\"}");
  g_autofree char *bert = add_person (f, "{\"name\": \"Bertram Quill\"}");
  g_autofree char *case_a = open_case (f, anne);
  g_autofree char *case_b = open_case (f, bert);
  g_autofree char *note_b = add_note (f, case_b, "Discussed the xylophone lessons and the carer rota.");
  g_autofree char *query = write_file (f, "query.txt", "zanzib\n");
  g_autoptr(CliResult) from_file = NULL;
  g_autoptr(CliResult) empty = NULL;

  g_assert_cmpuint (search_count (f, "Zanzibar", case_a), ==, 1);
  g_assert_cmpuint (search_count (f, "xylophone", case_b), ==, 1);
  g_assert_cmpuint (search_count (f, "bertram xylo", case_b), ==, 1);
  g_assert_cmpuint (search_count (f, "nonexistentword", NULL), ==, 0);

  from_file = run_cli (f, PASS "\n", "--passphrase-file", "-", "search", "--query-file", query, NULL);
  g_assert_cmpint (from_file->status, ==, 0);
  g_assert_nonnull (strstr (from_file->out, case_a));
  g_assert_null (strstr (from_file->out, case_b));

  empty = run_cli (f, PASS "\n   \n", "--passphrase-file", "-", "search", "--query-file", "-", NULL);
  g_assert_cmpint (empty->status, ==, 1);
  assert_one_error_line (empty);
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CliResult) r = run_cli (f, WRONG_PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_autoptr(CliResult) no_tty = run_cli (f, NULL, "list", NULL);
  g_autoptr(CliResult) missing = NULL;
  g_autofree char *nowhere = g_build_filename (f->dir, "missing.hearken", NULL);

  g_assert_cmpint (r->status, ==, 1);
  assert_one_error_line (r);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_null (strstr (r->err, WRONG_PASS));

  /* No terminal to prompt on and no --passphrase-file. */
  g_assert_cmpint (no_tty->status, ==, 1);
  assert_one_error_line (no_tty);
  g_assert_nonnull (strstr (no_tty->err, "--passphrase-file"));

  missing = run_cli_argv (PASS "\n", (const char *[]) { "--vault", nowhere, "--passphrase-file", "-",
                                                        "list", NULL });
  g_assert_cmpint (missing->status, ==, 1);
  assert_one_error_line (missing);
}

static void
tamper_record (const char *vault,
               const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree guint8 *payload = NULL;
  int len;

  g_assert_cmpint (sqlite3_open_v2 (vault, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT payload FROM records WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  len = sqlite3_column_bytes (stmt, 0);
  g_assert_cmpint (len, >, 0);
  payload = g_memdup2 (sqlite3_column_blob (stmt, 0), len);
  sqlite3_finalize (stmt);

  payload[len / 2] ^= 0x01;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE records SET payload = ? WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, payload, len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_check_and_tamper (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *victim = add_person (f, "{\"name\": \"Tampered Person\"}");
  g_autofree char *other = add_person (f, "{\"name\": \"Untouched Person\"}");
  g_autoptr(CliResult) ok = run_cli (f, PASS "\n", "--passphrase-file", "-", "check", NULL);
  g_autoptr(CliResult) ok_json = run_cli (f, PASS "\n", "--passphrase-file", "-", "check", "--json", NULL);
  g_autoptr(CliResult) bad = NULL;
  g_autoptr(CliResult) bad_json = NULL;
  g_autoptr(CliResult) still = NULL;
  g_autoptr(HkJsonNode) report = NULL;
  g_autoptr(HkJsonNode) bad_report = NULL;
  HkJsonNode *failures;

  g_assert_cmpint (ok->status, ==, 0);
  g_assert_cmpstr (ok->err, ==, "");
  g_assert_cmpint (ok_json->status, ==, 0);
  report = parse_json (ok_json->out);
  g_assert_true (hk_json_node_get_bool (hk_json_node_lookup (report, "ok")));
  g_assert_cmpuint (hk_json_node_get_length (hk_json_node_lookup (report, "record_failures")), ==, 0);

  tamper_record (f->vault, victim);

  bad = run_cli (f, PASS "\n", "--passphrase-file", "-", "check", NULL);
  g_assert_cmpint (bad->status, ==, 2);
  g_assert_nonnull (strstr (bad->out, victim));
  g_assert_null (strstr (bad->out, other));
  assert_one_error_line (bad);

  bad_json = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "check", NULL);
  g_assert_cmpint (bad_json->status, ==, 2);
  bad_report = parse_json (bad_json->out);
  g_assert_false (hk_json_node_get_bool (hk_json_node_lookup (bad_report, "ok")));
  failures = hk_json_node_lookup (bad_report, "record_failures");
  g_assert_cmpuint (hk_json_node_get_length (failures), >=, 1);
  g_assert_cmpstr (json_string (hk_json_node_get_element (failures, 0), "kind"), ==, "person");
  g_assert_cmpstr (json_string (hk_json_node_get_element (failures, 0), "id"), ==, victim);

  /* Every other record still opens. */
  still = run_cli (f, PASS "\n", "--passphrase-file", "-", "person", "show", "--person", other, NULL);
  g_assert_cmpint (still->status, ==, 0);
  g_assert_nonnull (strstr (still->out, "Untouched Person"));
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *first = add_person (f, "{\"name\": \"Before Backup\"}");
  g_autofree char *first_case = open_case (f, first);
  g_autofree char *backup = g_build_filename (f->dir, "backups", "copy.hearken", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh", "vault.hearken", NULL);
  g_autofree char *second = NULL;
  g_autofree char *second_case = NULL;
  g_autoptr(CliResult) r = NULL;
  g_autoptr(CliResult) exists = NULL;
  g_autoptr(CliResult) forced = NULL;
  g_autoptr(CliResult) restore = NULL;
  g_autoptr(CliResult) wrong = NULL;
  g_autoptr(CliResult) into_fresh = NULL;
  g_autoptr(CliResult) fresh_list = NULL;
  g_autoptr(HkJsonNode) before = NULL;
  g_autoptr(HkJsonNode) after = NULL;

  r = run_cli (f, PASS "\n", "--passphrase-file", "-", "backup", "--to", backup, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (hk_test_file_contains (backup, "Before Backup"));

  exists = run_cli (f, PASS "\n", "--passphrase-file", "-", "backup", "--to", backup, NULL);
  g_assert_cmpint (exists->status, ==, 1);
  assert_one_error_line (exists);

  forced = run_cli (f, PASS "\n", "--passphrase-file", "-", "backup", "--to", backup, "--force", NULL);
  g_assert_cmpint (forced->status, ==, 0);

  second = add_person (f, "{\"name\": \"After Backup\"}");
  second_case = open_case (f, second);
  before = list_json (f, "all");
  g_assert_cmpuint (hk_json_node_get_length (before), ==, 2);

  wrong = run_cli (f, WRONG_PASS "\n", "--passphrase-file", "-", "restore", "--from", backup, NULL);
  g_assert_cmpint (wrong->status, ==, 1);
  assert_one_error_line (wrong);

  restore = run_cli (f, PASS "\n", "--passphrase-file", "-", "restore", "--from", backup, NULL);
  g_assert_cmpint (restore->status, ==, 0);
  after = list_json (f, "all");
  g_assert_cmpuint (hk_json_node_get_length (after), ==, 1);
  g_assert_cmpstr (json_string (hk_json_node_get_element (after, 0), "id"), ==, first_case);

  /* Restoring where there is no vault yet. */
  into_fresh = run_cli_argv (PASS "\n", (const char *[]) { "--vault", fresh, "--passphrase-file", "-",
                                                           "restore", "--from", backup, NULL });
  g_assert_cmpint (into_fresh->status, ==, 0);
  fresh_list = run_cli_argv (PASS "\n", (const char *[]) { "--vault", fresh, "--passphrase-file", "-",
                                                           "list", "--json", NULL });
  g_assert_cmpint (fresh_list->status, ==, 0);
  g_assert_nonnull (strstr (fresh_list->out, first_case));
}

/* Options that a command cannot do without, and the --json of backup and
 * restore. */
static void
test_required_options (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "copy.hearken", NULL);
  g_autoptr(CliResult) no_to = run_cli (f, PASS "\n", "--passphrase-file", "-", "backup", NULL);
  g_autoptr(CliResult) no_from = run_cli (f, PASS "\n", "--passphrase-file", "-", "restore", NULL);
  g_autoptr(CliResult) no_file = run_cli (f, PASS "\n", "--passphrase-file", "-", "person", "add", NULL);
  g_autoptr(CliResult) saved = NULL;
  g_autoptr(CliResult) restored = NULL;
  g_autoptr(HkJsonNode) report = NULL;

  g_assert_cmpint (no_to->status, ==, 1);
  assert_one_error_line (no_to);
  g_assert_cmpstr (no_to->err, ==, "hearken-cli: The option --to is required (see “hearken-cli backup --help”)\n");
  g_assert_cmpint (no_from->status, ==, 1);
  g_assert_cmpstr (no_from->err, ==, "hearken-cli: The option --from is required (see “hearken-cli restore --help”)\n");
  g_assert_cmpint (no_file->status, ==, 1);
  g_assert_cmpstr (no_file->err, ==,
                   "hearken-cli: The option --file is required (see “hearken-cli person add --help”)\n");

  saved = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "backup", "--to", backup, NULL);
  g_assert_cmpint (saved->status, ==, 0);
  report = parse_json (saved->out);
  g_assert_cmpuint (hk_json_node_get_length (report), ==, 3);
  g_assert_cmpstr (json_string (report, "vault"), ==, f->vault);
  g_assert_cmpuint (strlen (json_string (report, "id")), >, 0);
  g_assert_cmpstr (json_string (report, "backup"), ==, backup);
  g_clear_pointer (&report, hk_json_node_free);

  restored = run_cli (f, PASS "\n", "--passphrase-file", "-", "--json", "restore", "--from", backup, NULL);
  g_assert_cmpint (restored->status, ==, 0);
  report = parse_json (restored->out);
  g_assert_cmpuint (hk_json_node_get_length (report), ==, 2);
  g_assert_cmpstr (json_string (report, "vault"), ==, f->vault);
  g_assert_cmpstr (json_string (report, "restored_from"), ==, backup);
}

static void
test_passwd (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *new_file = write_file (f, "new.txt", NEW_PASS "\n");
  g_autoptr(CliResult) weak = NULL;
  g_autoptr(CliResult) changed = NULL;
  g_autoptr(CliResult) old = NULL;
  g_autoptr(CliResult) fresh = NULL;
  g_autoptr(CliResult) back = NULL;

  weak = run_cli (f, PASS "\nabc\n", "--passphrase-file", "-", "passwd", "--new-passphrase-file", "-", NULL);
  g_assert_cmpint (weak->status, ==, 1);
  assert_one_error_line (weak);

  changed = run_cli (f, PASS "\n", "--passphrase-file", "-", "passwd", "--new-passphrase-file", new_file, NULL);
  g_assert_cmpint (changed->status, ==, 0);

  old = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (old->status, ==, 1);
  assert_one_error_line (old);

  fresh = run_cli (f, NEW_PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (fresh->status, ==, 0);

  /* Both passphrases on standard input, one a line. */
  back = run_cli (f, NEW_PASS "\n" PASS "\n", "--passphrase-file", "-", "passwd", "--new-passphrase-file", "-", NULL);
  g_assert_cmpint (back->status, ==, 0);
}

static void
test_recover (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sloppy = NULL;
  g_autofree char *input = NULL;
  g_autofree char *wrong_input = NULL;
  g_autoptr(CliResult) wrong = NULL;
  g_autoptr(CliResult) recovered = NULL;
  g_autoptr(CliResult) old = NULL;
  g_autoptr(CliResult) fresh = NULL;
  GString *s = g_string_new (NULL);

  /* Typed back from paper: lower case, dashes dropped, a space every ten. */
  for (const char *p = f->recovery_key; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (s->len % 11 == 10)
        g_string_append_c (s, ' ');
      g_string_append_c (s, g_ascii_tolower (*p));
    }
  sloppy = g_string_free (s, FALSE);

  wrong_input = g_strdup_printf ("%s\n%s\n", "AAAAA-BBBBB-CCCCC", NEW_PASS);
  wrong = run_cli (f, wrong_input, "recover", "--recovery-key-file", "-", "--new-passphrase-file", "-", NULL);
  g_assert_cmpint (wrong->status, ==, 1);
  assert_one_error_line (wrong);

  input = g_strdup_printf ("%s\n%s\n", sloppy, NEW_PASS);
  recovered = run_cli (f, input, "recover", "--recovery-key-file", "-", "--new-passphrase-file", "-", NULL);
  g_assert_cmpint (recovered->status, ==, 0);

  old = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (old->status, ==, 1);
  fresh = run_cli (f, NEW_PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (fresh->status, ==, 0);
}

static gboolean
log_has (HkJsonNode *log,
         const char *event)
{
  for (guint i = 0; i < hk_json_node_get_length (log); i++)
    if (g_str_equal (json_string (hk_json_node_get_element (log, i), "event"), event))
      return TRUE;
  return FALSE;
}

static void
test_log (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *person = add_person (f, "{\"name\": \"Logged Person\"}");
  g_autoptr(CliResult) wrong = run_cli (f, WRONG_PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_autoptr(CliResult) r = run_cli (f, PASS "\n", "--passphrase-file", "-", "log", "--json", NULL);
  g_autoptr(CliResult) human = run_cli (f, PASS "\n", "--passphrase-file", "-", "log", NULL);
  g_autoptr(HkJsonNode) log = NULL;
  gboolean found_person = FALSE;

  g_assert_cmpint (wrong->status, ==, 1);
  g_assert_cmpint (r->status, ==, 0);
  log = parse_json (r->out);
  g_assert_cmpint (hk_json_node_get_type (log), ==, HK_JSON_ARRAY);
  g_assert_true (log_has (log, "unlock"));
  g_assert_true (log_has (log, "record-created"));
  for (guint i = 0; i < hk_json_node_get_length (log); i++)
    {
      HkJsonNode *e = hk_json_node_get_element (log, i);
      HkJsonNode *id = hk_json_node_lookup (e, "record_id");

      g_assert_nonnull (hk_json_node_lookup (e, "time"));
      if (hk_json_node_get_type (id) == HK_JSON_STRING && g_str_equal (hk_json_node_get_string (id), person))
        found_person = TRUE;
    }
  g_assert_true (found_person);

  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, person));
  /* The log never holds personal content. */
  g_assert_null (strstr (human->out, "Logged Person"));
}

static void
test_open_elsewhere (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) held = hk_vault_open (f->vault, &error);
  g_autoptr(CliResult) r = NULL;
  g_autoptr(CliResult) after = NULL;

  g_assert_no_error (error);
  r = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (r->status, ==, 1);
  assert_one_error_line (r);
  g_assert_nonnull (strstr (r->err, "open elsewhere"));

  hk_vault_close (held);
  after = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", NULL);
  g_assert_cmpint (after->status, ==, 0);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (f->dir, "demo.hearken", NULL);
  g_autoptr(CliResult) created = NULL;
  g_autoptr(CliResult) more = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(CliResult) real = NULL;
  g_autoptr(HkJsonNode) info = NULL;
  g_autoptr(HkJsonNode) cases = NULL;

  created = run_cli_argv (PASS "\n", (const char *[]) { "--vault", demo, "--passphrase-file", "-", "--json",
                                                        "demo", "--create", "--kdf-profile", "test-weak",
                                                        "--cases", "3", "--notes-per-case", "2",
                                                        "--seed", "5", NULL });
  g_assert_cmpint (created->status, ==, 0);
  info = parse_json (created->out);
  g_assert_true (hk_json_node_get_bool (hk_json_node_lookup (info, "demo")));
  g_assert_nonnull (hk_json_node_lookup (info, "recovery_key"));

  more = run_cli_argv (PASS "\n", (const char *[]) { "--vault", demo, "--passphrase-file", "-",
                                                     "demo", "--cases", "2", "--notes-per-case", "1", NULL });
  g_assert_cmpint (more->status, ==, 0);
  g_assert_cmpstr (more->out, ==, "");

  list = run_cli_argv (PASS "\n", (const char *[]) { "--vault", demo, "--passphrase-file", "-",
                                                     "list", "--json", NULL });
  g_assert_cmpint (list->status, ==, 0);
  cases = parse_json (list->out);
  g_assert_cmpuint (hk_json_node_get_length (cases), ==, 5);

  /* Synthetic people never slip into a real vault by accident. */
  real = run_cli (f, PASS "\n", "--passphrase-file", "-", "demo", "--cases", "1", NULL);
  g_assert_cmpint (real->status, ==, 1);
  assert_one_error_line (real);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char *commands[] = {
    "", "init", "demo", "person", "person add", "person show", "person edit", "case", "case open",
    "case close", "note", "note add", "note edit", "note history", "record", "record add", "record edit",
    "record show", "record history", "import", "prompts", "list", "show", "search", "check",
    "passwd", "recover", "backup", "restore", "log",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint h = 0; h < 2; h++)
      {
        g_auto(GStrv) words = g_strsplit (commands[i], " ", -1);
        g_autoptr(GPtrArray) args = g_ptr_array_new ();
        g_autoptr(CliResult) r = NULL;

        for (guint w = 0; words[w] != NULL; w++)
          if (*words[w] != '\0')
            g_ptr_array_add (args, words[w]);
        g_ptr_array_add (args, (gpointer) (h == 0 ? "--help" : "-h"));
        g_ptr_array_add (args, NULL);

        r = run_cli_argv (NULL, (const char * const *) args->pdata);
        g_assert_cmpint (r->status, ==, 0);
        g_assert_nonnull (strstr (r->out, "Usage:"));
        g_assert_nonnull (strstr (r->out, "--vault"));
        g_assert_nonnull (strstr (r->out, "--passphrase-file"));
        if (i == 0)
          {
            for (guint c = 1; c < G_N_ELEMENTS (commands); c++)
              if (strchr (commands[c], ' ') == NULL)
                g_assert_nonnull (strstr (r->out, commands[c]));
          }
        else if (strchr (commands[i], ' ') != NULL || g_str_equal (commands[i], "list"))
          g_assert_nonnull (strstr (r->out, "xample"));
      }
}

static void
test_argv_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CliResult) option = run_cli (f, PASS "\n", "--passphrase-file", "-", "list",
                                         "--passphrase", "hunter2hunter2", NULL);
  g_autoptr(CliResult) equals = run_cli (f, PASS "\n", "--passphrase=hunter3hunter3", "list", NULL);
  g_autoptr(CliResult) word = run_cli (f, PASS "\n", "--passphrase-file", "-", "list", "hunter4hunter4", NULL);
  g_autoptr(CliResult) command = run_cli (f, PASS "\n", "hunter5hunter5", NULL);
  g_autoptr(CliResult) nothing = run_cli (f, NULL, NULL);

  g_assert_cmpint (option->status, ==, 1);
  assert_one_error_line (option);
  g_assert_null (strstr (option->err, "hunter2"));

  g_assert_cmpint (equals->status, ==, 1);
  assert_one_error_line (equals);
  g_assert_null (strstr (equals->err, "hunter3"));

  g_assert_cmpint (word->status, ==, 1);
  assert_one_error_line (word);
  g_assert_null (strstr (word->err, "hunter4"));
  g_assert_cmpstr (word->out, ==, "");

  g_assert_cmpint (command->status, ==, 1);
  assert_one_error_line (command);
  g_assert_null (strstr (command->err, "hunter5"));

  g_assert_cmpint (nothing->status, ==, 1);
  assert_one_error_line (nothing);
}

static void
test_global_options_anywhere (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pass_file = write_file (f, "pass.txt", PASS "\n");
  g_autoptr(CliResult) before = run_cli_argv (NULL, (const char *[]) { "--json", "--passphrase-file", pass_file,
                                                                       "--vault", f->vault, "list", NULL });
  g_autoptr(CliResult) after = run_cli_argv (NULL, (const char *[]) { "list", "--vault", f->vault,
                                                                      "--passphrase-file", pass_file,
                                                                      "--json", NULL });
  g_autoptr(CliResult) between = run_cli_argv (NULL, (const char *[]) { "--vault", f->vault, "person",
                                                                        "--passphrase-file", pass_file,
                                                                        "show", "--person", "00", NULL });

  g_assert_cmpint (before->status, ==, 0);
  g_assert_cmpstr (before->out, ==, after->out);
  g_assert_cmpint (after->status, ==, 0);
  g_assert_true (g_str_has_prefix (after->out, "["));
  /* Parsed fine; the id is simply unknown. */
  g_assert_cmpint (between->status, ==, 1);
  assert_one_error_line (between);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!hk_init ())
    return 1;
  /* A CLI that exits before reading all of its stdin must fail an assertion
   * about its exit status, not kill the test with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("init-and-list-empty", test_init_and_list_empty);
  ADD ("init-refuses-weak-passphrase", test_init_refuses_weak_passphrase);
  ADD ("person-add", test_person_add);
  ADD ("person-edit", test_person_edit);
  ADD ("case-and-notes", test_case_and_notes);
  ADD ("case-close", test_case_close);
  ADD ("case-close-clean", test_case_close_clean);
  ADD ("import", test_import);
  ADD ("prompts", test_prompts);
  ADD ("show-casework", test_show_casework);
  ADD ("record-commands", test_record_commands);
  ADD ("note-history", test_note_history);
  ADD ("person-edit-null", test_person_edit_null);
  ADD ("note-edit-parts", test_note_edit_parts);
  ADD ("required-options", test_required_options);
  ADD ("search", test_search);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("check-and-tamper", test_check_and_tamper);
  ADD ("backup-restore", test_backup_restore);
  ADD ("passwd", test_passwd);
  ADD ("recover", test_recover);
  ADD ("log", test_log);
  ADD ("open-elsewhere", test_open_elsewhere);
  ADD ("demo", test_demo);
  ADD ("help", test_help);
  ADD ("argv-refused", test_argv_refused);
  ADD ("global-options-anywhere", test_global_options_anywhere);

#undef ADD

  return g_test_run ();
}
