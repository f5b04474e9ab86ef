/* hk-cli-output.c: dates, tables and JSON for hearken-cli
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#ifdef G_OS_UNIX
# include <unistd.h>
#else
# include <io.h>
#endif

#include "hk-cli-private.h"

/* "2026-03-05" → "05/03/2026": caseworkers read dates day first. */
char *
hk_cli_format_date (const char *iso_date)
{
  int y, m, d;
  char tail;

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
    return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
  return g_strdup (iso_date);
}

char *
hk_cli_format_datetime (const char *iso_datetime)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_datetime == NULL)
    return g_strdup ("");
  parsed = g_date_time_new_from_iso8601 (iso_datetime, NULL);
  if (parsed == NULL)
    return hk_cli_format_date (iso_datetime);
  local = g_date_time_to_local (parsed);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

char *
hk_cli_format_usec (gint64 unix_usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M:%S");
}

static char *
format_iso8601 (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
hk_cli_iso8601_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return format_iso8601 (now);
}

/* Accepts ISO 8601 with or without an offset (local time if absent), a space
 * instead of "T", or a bare date (midnight); returns the canonical form. */
char *
hk_cli_normalize_datetime (const char  *text,
                           GError     **error)
{
  g_autoptr(GTimeZone) local_tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  /* GLib wants seconds; people write "14:30". */
  if (strlen (copy) >= 16 && copy[10] == 'T' && copy[13] == ':' &&
      (copy[16] == '\0' || copy[16] == '+' || copy[16] == '-' || copy[16] == 'Z'))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", copy, copy + 16);

      g_free (copy);
      copy = g_steal_pointer (&with_seconds);
    }
  if (strlen (copy) == 10)
    {
      g_autofree char *midnight = g_strconcat (copy, "T00:00:00", NULL);

      dt = g_date_time_new_from_iso8601 (midnight, local_tz);
    }
  else
    dt = g_date_time_new_from_iso8601 (copy, local_tz);

  if (dt == NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("--occurred-at: expected a date and time such as 2026-03-05T14:30 or 2026-03-05T14:30:00+00:00"));
      return NULL;
    }
  return format_iso8601 (dt);
}

void
hk_cli_print_json (HkJsonWriter *writer)
{
  g_autofree char *text = hk_json_writer_finish (writer);

  /* JSON is UTF-8 whatever the locale, so bypass g_print's conversion. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* One member of the object being written, as the key and value calls would. */
void
hk_cli_json_string_member (HkJsonWriter *writer,
                           const char   *key,
                           const char   *value)
{
  hk_json_writer_key (writer, key);
  hk_json_writer_string (writer, value);
}

void
hk_cli_json_int_member (HkJsonWriter *writer,
                        const char   *key,
                        gint64        value)
{
  hk_json_writer_key (writer, key);
  hk_json_writer_int (writer, value);
}

void
hk_cli_json_bool_member (HkJsonWriter *writer,
                         const char   *key,
                         gboolean      value)
{
  hk_json_writer_key (writer, key);
  hk_json_writer_bool (writer, value);
}

/* Terminal columns taken by @text. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_padded (GString    *out,
               const char *text,
               gsize       width)
{
  gsize w = display_width (text);

  g_string_append (out, text);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

/* Control characters in stored text must not drive the terminal. */
static char *
printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        g_string_append_unichar (out, c);
      else if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
format_field_value (const HkFieldSpec *spec,
                    HkRecord          *record)
{
  switch (spec->type)
    {
    case HK_FIELD_BOOL:
      return g_strdup (hk_record_get_boolean (record, spec->key) ? _("Yes") : _("No"));

    case HK_FIELD_DATE:
      return hk_cli_format_date (hk_record_get_string (record, spec->key));

    case HK_FIELD_DATETIME:
      return hk_cli_format_datetime (hk_record_get_string (record, spec->key));

    case HK_FIELD_ENUM:
      {
        const char *code = hk_record_get_string (record, spec->key);
        const char *label = hk_field_spec_get_value_label (spec, code);

        return g_strdup (label != NULL ? label : (code != NULL ? code : ""));
      }

    case HK_FIELD_TEXT_LIST:
      {
        g_autofree const char **items = hk_record_get_strv (record, spec->key);

        return items != NULL ? g_strjoinv (", ", (char **) items) : g_strdup ("");
      }

    case HK_FIELD_ENUM_LIST:
      {
        g_autofree const char **items = hk_record_get_strv (record, spec->key);
        g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
        g_auto(GStrv) list = NULL;

        for (guint i = 0; items != NULL && items[i] != NULL; i++)
          {
            const char *label = hk_field_spec_get_value_label (spec, items[i]);

            g_strv_builder_add (labels, label != NULL ? label : items[i]);
          }
        list = g_strv_builder_end (labels);
        return g_strjoinv (", ", list);
      }

    case HK_FIELD_TEXT:
    case HK_FIELD_LONG_TEXT:
    case HK_FIELD_NHS_NUMBER:
    default:
      {
        GVariant *fields = hk_record_get_fields (record);
        g_autoptr(GVariant) value = g_variant_lookup_value (fields, spec->key, NULL);

        if (value == NULL)
          return g_strdup ("");
        if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
          return g_variant_dup_string (value, NULL);
        if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
          return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
        return g_variant_print (value, FALSE);
      }
    }
}

void
hk_cli_print_record_fields (HkRecord   *record,
                            const char *indent)
{
  const HkFieldSpec *specs;
  gsize width = 0;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_if_fail (HK_IS_RECORD (record));

  specs = hk_record_kind_get_fields (hk_record_get_kind (record));
  if (specs == NULL)
    return;

  for (const HkFieldSpec *s = specs; s->key != NULL; s++)
    if (hk_record_has_field (record, s->key) && s->type != HK_FIELD_LONG_TEXT)
      width = MAX (width, display_width (_(s->label)) + 1);

  for (const HkFieldSpec *s = specs; s->key != NULL; s++)
    {
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *label = NULL;

      if (!hk_record_has_field (record, s->key))
        continue;
      value = format_field_value (s, record);
      shown = printable (value);
      label = g_strdup_printf ("%s:", _(s->label));

      if (s->type == HK_FIELD_LONG_TEXT)
        {
          g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);

          g_string_append_printf (out, "%s%s\n", indent, label);
          for (guint i = 0; lines[i] != NULL; i++)
            g_string_append_printf (out, "%s  %s\n", indent, lines[i]);
        }
      else
        {
          g_string_append (out, indent);
          append_padded (out, label, width);
          g_string_append_printf (out, " %s\n", shown);
        }
    }

  g_print ("%s", out->str);
}

void
hk_cli_write_case_summary_json (HkCaseSummary *summary,
                                HkJsonWriter  *writer)
{
  hk_json_writer_begin_object (writer);
  hk_cli_json_string_member (writer, "id", hk_case_summary_get_case_id (summary));
  hk_cli_json_string_member (writer, "person_id", hk_case_summary_get_person_id (summary));
  hk_cli_json_string_member (writer, "person_name", hk_case_summary_get_person_name (summary));
  hk_cli_json_string_member (writer, "status", hk_case_summary_get_status (summary));
  hk_cli_json_string_member (writer, "opened_on", hk_case_summary_get_opened_on (summary));
  hk_cli_json_string_member (writer, "closed_on", hk_case_summary_get_closed_on (summary));
  hk_cli_json_string_member (writer, "summary", hk_case_summary_get_summary (summary));
  hk_cli_json_string_member (writer, "worker", hk_case_summary_get_worker (summary));
  hk_cli_json_int_member (writer, "note_count", hk_case_summary_get_note_count (summary));
  hk_json_writer_end_object (writer);
}

static const char *
status_label (const char *status)
{
  const HkFieldSpec *spec = hk_record_kind_find_field (HK_RECORD_KIND_CASE, "status");
  const char *label = spec != NULL && status != NULL ? hk_field_spec_get_value_label (spec, status) : NULL;

  return label != NULL ? label : (status != NULL ? status : "");
}

/* Prints aligned columns; @rows holds char*[n_cols] arrays (GStrv). */
void
hk_cli_print_table (const char * const *headers,
                    guint               n_cols,
                    GPtrArray          *rows)
{
  g_autofree gsize *widths = g_new0 (gsize, n_cols);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < n_cols; c++)
    {
      widths[c] = display_width (headers[c]);
      for (guint i = 0; i < rows->len; i++)
        widths[c] = MAX (widths[c], display_width (((char **) g_ptr_array_index (rows, i))[c]));
    }

  for (guint i = 0; i <= rows->len; i++)
    {
      const char * const *row = i == 0 ? headers : g_ptr_array_index (rows, i - 1);

      for (guint c = 0; c < n_cols; c++)
        {
          if (c + 1 < n_cols)
            {
              append_padded (out, row[c], widths[c]);
              g_string_append (out, "  ");
            }
          else
            g_string_append (out, row[c]);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  g_print ("%s", out->str);
}

/* One line of stored text for a table cell. */
char *
hk_cli_table_cell (const char *text)
{
  char *cell = printable (text != NULL ? text : "");

  g_strdelimit (cell, "\n\t", ' ');
  return cell;
}

void
hk_cli_print_case_table (GPtrArray *summaries)
{
  enum { COL_ID, COL_NAME, COL_STATUS, COL_OPENED, COL_NOTES, N_COLS };
  const char *headers[N_COLS] = {
    C_("case list column", "Case"),
    C_("case list column", "Person"),
    C_("case list column", "Status"),
    C_("case list column", "Opened"),
    C_("case list column", "Notes"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (summaries->len == 0)
    {
      g_print ("%s\n", _("No cases."));
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      HkCaseSummary *s = g_ptr_array_index (summaries, i);
      char **row = g_new0 (char *, N_COLS + 1);

      row[COL_ID] = g_strdup (hk_case_summary_get_case_id (s));
      row[COL_NAME] = hk_cli_table_cell (hk_case_summary_get_person_name (s));
      row[COL_STATUS] = g_strdup (status_label (hk_case_summary_get_status (s)));
      row[COL_OPENED] = hk_cli_format_date (hk_case_summary_get_opened_on (s));
      row[COL_NOTES] = g_strdup_printf ("%u", hk_case_summary_get_note_count (s));
      g_ptr_array_add (rows, row);
    }

  hk_cli_print_table (headers, N_COLS, rows);
}

/* Counts only: progress on stderr never names anyone. */
void
hk_cli_progress (const char *label,
                 guint       done,
                 guint       total)
{
  if (!isatty (2))
    return;
  g_printerr ("\r%s %u/%u", label, done, total);
  if (done >= total)
    g_printerr ("\n");
}

static const char *
field_type_hint (const HkFieldSpec *spec)
{
  switch (spec->type)
    {
    case HK_FIELD_DATE:       return _("date, YYYY-MM-DD");
    case HK_FIELD_DATETIME:   return _("date and time, YYYY-MM-DDTHH:MM:SS+00:00");
    case HK_FIELD_BOOL:       return _("true or false");
    case HK_FIELD_NHS_NUMBER: return _("10 digits, spaces allowed");
    case HK_FIELD_TEXT_LIST:  return _("array of strings");
    case HK_FIELD_RECORD_ID:  return _("a record id, 32 lowercase hexadecimal characters");
    case HK_FIELD_LONG_TEXT:  return _("text, several lines");
    case HK_FIELD_ENUM:
    case HK_FIELD_ENUM_LIST:  return NULL;
    case HK_FIELD_TEXT:
    default:                  return _("text");
    }
}

/* The JSON keys a command accepts, straight from the core's schema so that
 * help never drifts from validation. */
char *
hk_cli_describe_fields (HkRecordKind kind)
{
  GString *out = g_string_new (NULL);
  gsize width = 0;

  for (const HkFieldSpec *s = hk_record_kind_get_fields (kind); s->key != NULL; s++)
    if (!(s->flags & HK_FIELD_AUTOMATIC))
      width = MAX (width, strlen (s->key));

  for (const HkFieldSpec *s = hk_record_kind_get_fields (kind); s->key != NULL; s++)
    {
      g_autofree char *hint = NULL;

      if (s->flags & HK_FIELD_AUTOMATIC)
        continue;
      if ((s->type == HK_FIELD_ENUM || s->type == HK_FIELD_ENUM_LIST) && s->values != NULL)
        {
          g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;
          g_autofree char *joined = NULL;

          for (const HkEnumValue *v = s->values; v->code != NULL; v++)
            g_strv_builder_add (codes, v->code);
          list = g_strv_builder_end (codes);
          joined = g_strjoinv ("|", list);
          hint = s->type == HK_FIELD_ENUM ? g_strdup_printf (_("one of %s"), joined)
                                          : g_strdup_printf (_("array of %s, each at most once"), joined);
        }
      else
        hint = g_strdup (field_type_hint (s));

      g_string_append_printf (out, "  %-*s  %s (%s%s)\n", (int) width, s->key, _(s->label), hint,
                              (s->flags & HK_FIELD_REQUIRED) ? _(", required") : "");
    }
  return g_string_free (out, FALSE);
}

void
hk_cli_print_record_json (HkRecord *record)
{
  HkJsonWriter *writer = hk_json_writer_new (TRUE);

  hk_record_write_json (record, writer);
  hk_cli_print_json (writer);
}

void
hk_cli_print_record (HkRecord   *record,
                     const char *heading,
                     const char *marker)
{
  g_autofree char *saved = hk_cli_format_usec (hk_record_get_modified_at (record));
  g_autofree char *by = printable (hk_record_get_modified_by (record));
  g_autofree char *line = NULL;

  if (*by != '\0')
    /* Translators: revision number, day-first date and time, who saved it */
    line = g_strdup_printf (_("Revision %" G_GINT64_FORMAT ", saved %s by %s"),
                            hk_record_get_revision (record), saved, by);
  else
    line = g_strdup_printf (_("Revision %" G_GINT64_FORMAT ", saved %s"),
                            hk_record_get_revision (record), saved);
  if (marker != NULL)
    g_print ("%s %s [%s]\n  %s\n", heading, hk_record_get_id (record), marker, line);
  else
    g_print ("%s %s\n  %s\n", heading, hk_record_get_id (record), line);
  hk_cli_print_record_fields (record, "  ");
}

/* A record, or with --json the record object. */
void
hk_cli_show_record (HkCli      *cli,
                    HkRecord   *record,
                    const char *heading)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (HK_IS_RECORD (record));

  if (cli->globals.json)
    hk_cli_print_record_json (record);
  else
    hk_cli_print_record (record, heading, NULL);
}

/* What the commands that save a record print: its id, or with --json the
 * whole record. */
void
hk_cli_print_saved (HkCli    *cli,
                    HkRecord *record)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (HK_IS_RECORD (record));

  if (cli->globals.json)
    hk_cli_print_record_json (record);
  else
    g_print ("%s\n", hk_record_get_id (record));
}

/* A JSON array of @records, which may be NULL for none. */
void
hk_cli_write_records_json (GPtrArray    *records,
                           HkJsonWriter *writer)
{
  hk_json_writer_begin_array (writer);
  for (guint i = 0; records != NULL && i < records->len; i++)
    hk_record_write_json (g_ptr_array_index (records, i), writer);
  hk_json_writer_end_array (writer);
}

/* A record's earlier revisions, oldest first, each under @heading; @none
 * says there are none. */
void
hk_cli_print_revisions (HkCli      *cli,
                        GPtrArray  *revisions,
                        const char *heading,
                        const char *none)
{
  g_return_if_fail (cli != NULL);
  g_return_if_fail (revisions != NULL);

  if (cli->globals.json)
    {
      HkJsonWriter *writer = hk_json_writer_new (TRUE);

      hk_cli_write_records_json (revisions, writer);
      hk_cli_print_json (writer);
      return;
    }

  if (revisions->len == 0)
    g_print ("%s\n", none);
  for (guint i = 0; i < revisions->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      hk_cli_print_record (g_ptr_array_index (revisions, i), heading, NULL);
    }
}
