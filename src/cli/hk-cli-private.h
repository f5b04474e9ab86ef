/* hk-cli-private.h: shared state and helpers of hearken-cli
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hearken/hearken.h>

G_BEGIN_DECLS

/* Exit codes: a contract that scripts depend on. */
#define HK_CLI_EXIT_OK        0
#define HK_CLI_EXIT_USER      1
#define HK_CLI_EXIT_INTEGRITY 2

/* Upper bounds for what is read from files: everything read is hostile. */
#define HK_CLI_MAX_SECRET_BYTES  1024
#define HK_CLI_MAX_CONTENT_BYTES (16 * 1024 * 1024)
#define HK_CLI_MAX_TEXT_BYTES    (64 * 1024)

/* The global options, which may appear before or after the subcommand. Every
 * parsing level fills its own copy; later levels win when they are merged. */
typedef struct
{
  char     *vault;
  char     *passphrase_file;
  gboolean  json;
} HkCliGlobals;

typedef struct
{
  HkCliGlobals  globals;
  char         *command_path;  /* "person add", for help and messages */
} HkCli;

typedef int (*HkCliRunFunc) (HkCli  *cli,
                             int     argc,
                             char  **argv);

typedef struct _HkCliCommand HkCliCommand;

struct _HkCliCommand
{
  const char         *name;
  const char         *summary;   /* N_() marked */
  HkCliRunFunc        run;       /* a leaf command, or NULL */
  const HkCliCommand *children;  /* a group of commands, terminated by { NULL } */
};

/* hk-cli.c */
/* Like hk_cli_parse_options(), but leaves up to @max_args words (file names,
 * never content) in argv[1…]. */
gboolean      hk_cli_parse_options_with_args (HkCli           *cli,
                                             const GOptionEntry *entries,
                                             const char       *parameter_string,
                                             const char       *summary,
                                             const char       *description,
                                             int               max_args,
                                             int              *argc,
                                             char           ***argv,
                                             GError          **error);
gboolean      hk_cli_parse_options          (HkCli            *cli,
                                             const GOptionEntry *entries,
                                             const char       *summary,
                                             const char       *description,
                                             int              *argc,
                                             char           ***argv,
                                             GError          **error);
gboolean      hk_cli_require_option         (const char       *value,
                                             const char       *option,
                                             GError          **error);
const char   *hk_cli_get_vault_path         (HkCli            *cli);
int           hk_cli_report_error           (HkCli            *cli,
                                             const GError     *error);
int           hk_cli_usage_error            (HkCli            *cli,
                                             const char       *format,
                                             ...) G_GNUC_PRINTF (2, 3);
HkVault      *hk_cli_open_vault             (HkCli            *cli,
                                             GError          **error);
HkSecret     *hk_cli_read_passphrase        (HkCli            *cli,
                                             GError          **error);
HkVault      *hk_cli_open_and_read_passphrase (HkCli          *cli,
                                             HkSecret        **out_passphrase,
                                             GError          **error);
HkVault      *hk_cli_open_and_unlock        (HkCli            *cli,
                                             GError          **error);

/* hk-cli-passphrase.c */
HkSecret     *hk_cli_read_secret            (const char       *file,
                                             const char       *what,
                                             GError          **error);
HkSecret     *hk_cli_prompt_secret          (const char       *prompt,
                                             GError          **error);
HkSecret     *hk_cli_get_secret             (const char       *file,
                                             const char       *prompt,
                                             const char       *what,
                                             GError          **error);
HkSecret     *hk_cli_read_new_passphrase    (const char       *file,
                                             GError          **error);
gboolean      hk_cli_check_passphrase_quality (const HkSecret *passphrase,
                                             GError          **error);
HkSecret     *hk_cli_normalize_recovery_key (const HkSecret   *key,
                                             GError          **error);
/* Raw bytes, unchecked (the importer reports encoding errors by path). */
GByteArray   *hk_cli_read_bytes             (const char       *file,
                                             gsize             max_bytes,
                                             GError          **error);
char         *hk_cli_read_content           (const char       *file,
                                             gsize             max_bytes,
                                             gsize            *out_len,
                                             GError          **error);
char         *hk_cli_read_text              (const char       *file,
                                             const char       *empty_message,
                                             GError          **error);
HkJsonNode   *hk_cli_read_json_object       (const char       *file,
                                             GError          **error);

/* hk-cli-fields.c */
/* For hk_cli_load_record(): any kind hk_cli_is_user_kind() accepts. */
#define HK_CLI_ANY_USER_KIND (-1)

gboolean      hk_cli_is_user_kind           (HkRecordKind      kind);
char         *hk_cli_list_user_kinds        (void);
HkRecord     *hk_cli_load_record            (HkVault          *vault,
                                             const char       *id,
                                             int               kind,
                                             GError          **error);
GVariant     *hk_cli_read_fields            (HkRecordKind      kind,
                                             const char       *file,
                                             GError          **error);
GVariant     *hk_cli_merge_fields           (HkRecord         *current,
                                             GVariant         *changes,
                                             const HkJsonNode *json);
int           hk_cli_save_new               (HkCli            *cli,
                                             HkVault          *vault,
                                             HkRecordKind      kind,
                                             const char       *parent_id,
                                             GVariant         *fields);
int           hk_cli_save_revision          (HkCli            *cli,
                                             HkVault          *vault,
                                             HkRecord         *current,
                                             GVariant         *fields);

/* hk-cli-output.c */
char         *hk_cli_format_date            (const char       *iso_date);
char         *hk_cli_format_datetime        (const char       *iso_datetime);
char         *hk_cli_format_usec            (gint64            unix_usec);
char         *hk_cli_iso8601_now            (void);
char         *hk_cli_normalize_datetime     (const char       *text,
                                             GError          **error);
void          hk_cli_print_json             (HkJsonWriter     *writer);
void          hk_cli_json_string_member     (HkJsonWriter     *writer,
                                             const char       *key,
                                             const char       *value);
void          hk_cli_json_int_member        (HkJsonWriter     *writer,
                                             const char       *key,
                                             gint64            value);
void          hk_cli_json_bool_member       (HkJsonWriter     *writer,
                                             const char       *key,
                                             gboolean          value);
void          hk_cli_print_record_fields    (HkRecord         *record,
                                             const char       *indent);
void          hk_cli_write_case_summary_json (HkCaseSummary   *summary,
                                             HkJsonWriter     *writer);
void          hk_cli_print_table            (const char * const *headers,
                                             guint             n_cols,
                                             GPtrArray        *rows);
char         *hk_cli_table_cell             (const char       *text);
void          hk_cli_print_case_table       (GPtrArray        *summaries);
char         *hk_cli_describe_fields        (HkRecordKind      kind);
void          hk_cli_print_record_json      (HkRecord         *record);
void          hk_cli_print_record           (HkRecord         *record,
                                             const char       *heading,
                                             const char       *marker);
void          hk_cli_show_record            (HkCli            *cli,
                                             HkRecord         *record,
                                             const char       *heading);
void          hk_cli_print_saved            (HkCli            *cli,
                                             HkRecord         *record);
void          hk_cli_write_records_json     (GPtrArray        *records,
                                             HkJsonWriter     *writer);
void          hk_cli_print_revisions        (HkCli            *cli,
                                             GPtrArray        *revisions,
                                             const char       *heading,
                                             const char       *none);
void          hk_cli_progress               (const char       *label,
                                             guint             done,
                                             guint             total);

/* hk-cli-records.c */
int hk_cli_run_person_add   (HkCli *cli, int argc, char **argv);
int hk_cli_run_person_show  (HkCli *cli, int argc, char **argv);
int hk_cli_run_person_edit  (HkCli *cli, int argc, char **argv);
int hk_cli_run_case_open    (HkCli *cli, int argc, char **argv);
int hk_cli_run_case_close   (HkCli *cli, int argc, char **argv);
int hk_cli_run_note_add     (HkCli *cli, int argc, char **argv);
int hk_cli_run_note_edit    (HkCli *cli, int argc, char **argv);
int hk_cli_run_note_history (HkCli *cli, int argc, char **argv);
int hk_cli_run_list         (HkCli *cli, int argc, char **argv);
int hk_cli_run_show         (HkCli *cli, int argc, char **argv);
int hk_cli_run_search       (HkCli *cli, int argc, char **argv);

/* hk-cli-casework.c */
int hk_cli_run_import         (HkCli *cli, int argc, char **argv);
int hk_cli_run_prompts        (HkCli *cli, int argc, char **argv);
int hk_cli_run_record_add     (HkCli *cli, int argc, char **argv);
int hk_cli_run_record_edit    (HkCli *cli, int argc, char **argv);
int hk_cli_run_record_show    (HkCli *cli, int argc, char **argv);
int hk_cli_run_record_history (HkCli *cli, int argc, char **argv);
void hk_cli_write_prompts_json (GPtrArray      *prompts,
                                HkJsonWriter   *writer);
void hk_cli_print_prompts      (GPtrArray      *prompts);
void hk_cli_sort_records       (GPtrArray      *records);

/* hk-cli-vault.c */
int hk_cli_run_init         (HkCli *cli, int argc, char **argv);
int hk_cli_run_demo         (HkCli *cli, int argc, char **argv);
int hk_cli_run_check        (HkCli *cli, int argc, char **argv);
int hk_cli_run_passwd       (HkCli *cli, int argc, char **argv);
int hk_cli_run_recover      (HkCli *cli, int argc, char **argv);
int hk_cli_run_backup       (HkCli *cli, int argc, char **argv);
int hk_cli_run_restore      (HkCli *cli, int argc, char **argv);
int hk_cli_run_log          (HkCli *cli, int argc, char **argv);

G_END_DECLS
