/* hk-form-format.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hk-form-format.h"

static gboolean
split_iso_date (const char *iso,
                int        *y,
                int        *m,
                int        *d)
{
  char tail;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (sscanf (iso, "%4d-%2d-%2d%c", y, m, d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (*d, *m, *y);
}

static GDateTime *
date_time_from_iso_date (const char *iso)
{
  int y, m, d;

  if (!split_iso_date (iso, &y, &m, &d))
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

char *
hk_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = date_time_from_iso_date (iso_date);

  if (dt == NULL)
    return NULL;
  /* Translators: a date, day first: "27 Nov 2026". See g_date_time_format(). */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
hk_format_date_numeric (const char *iso_date)
{
  int y, m, d;

  if (!split_iso_date (iso_date, &y, &m, &d))
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

int
hk_age_on (const char *iso_date,
           GDateTime  *now)
{
  int y, m, d, age;
  int ny, nm, nd;

  if (!split_iso_date (iso_date, &y, &m, &d) || now == NULL)
    return -1;
  g_date_time_get_ymd (now, &ny, &nm, &nd);
  age = ny - y;
  if (nm < m || (nm == m && nd < d))
    age--;
  return age >= 0 ? age : -1;
}

char *
hk_format_date_of_birth (const char *iso_date,
                         GDateTime  *now)
{
  g_autofree char *date = hk_format_date (iso_date);
  int age;

  if (date == NULL)
    return NULL;
  age = hk_age_on (iso_date, now);
  if (age < 0)
    return g_steal_pointer (&date);
  /* Translators: a date of birth and the age in years: "2 Mar 1950 (age 76)" */
  return g_strdup_printf (_("%s (age %d)"), date, age);
}

char *
hk_format_datetime (const char *iso_datetime)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) here = NULL;

  if (iso_datetime == NULL || *iso_datetime == '\0')
    return NULL;
  dt = g_date_time_new_from_iso8601 (iso_datetime, local);
  if (dt == NULL)
    return NULL;
  here = g_date_time_to_local (dt);
  /* Translators: a date and time, day first: "27 Nov 2026, 14:30" */
  return g_date_time_format (here, _("%-d %b %Y, %H:%M"));
}

char *
hk_format_timestamp (gint64 unix_usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_usec / G_USEC_PER_SEC);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

char *
hk_format_nhs_number (const char *text)
{
  g_autofree char *digits = NULL;

  if (text == NULL)
    return NULL;
  digits = hk_nhs_number_normalize (text);
  if (digits == NULL)
    return g_strdup (text);
  return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
}

const char *
hk_format_enum (HkRecordKind  kind,
                const char   *key,
                const char   *code)
{
  const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);
  const char *label = NULL;

  if (spec != NULL)
    label = hk_field_spec_get_value_label (spec, code);
  return label ? label : code;
}

char *
hk_parse_date (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  int d, m, y;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  /* Already ISO: accept it as is, so pasted values work too. */
  if (strlen (copy) == 10 && copy[4] == '-' && copy[7] == '-')
    {
      if (split_iso_date (copy, &y, &m, &d))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return NULL;
    }

  g_strdelimit (copy, "-. ", '/');
  parts = g_strsplit (copy, "/", -1);
  if (g_strv_length (parts) != 3)
    return NULL;
  for (guint i = 0; i < 3; i++)
    {
      gsize len = strlen (parts[i]);
      if (len == 0 || len > 4)
        return NULL;
      for (const char *p = parts[i]; *p; p++)
        if (!g_ascii_isdigit (*p))
          return NULL;
    }
  if (strlen (parts[0]) > 2 || strlen (parts[1]) > 2)
    return NULL;
  d = atoi (parts[0]);
  m = atoi (parts[1]);
  y = atoi (parts[2]);
  if (strlen (parts[2]) == 2)
    {
      /* Two-digit years: the nearest past-or-present century. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int this_year = g_date_time_get_year (now);
      y += (this_year / 100) * 100;
      if (y > this_year)
        y -= 100;
    }
  else if (strlen (parts[2]) != 4)
    return NULL;
  if (y < 1800 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
hk_parse_time (const char *text,
               int        *out_hour,
               int        *out_minute)
{
  g_autofree char *copy = NULL;
  char digits[5];
  guint n = 0;
  gboolean separator = FALSE;
  int h, m;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  for (const char *p = copy; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == 4)
            return FALSE;
          digits[n++] = *p;
        }
      else if ((*p == ':' || *p == '.') && !separator && n > 0)
        {
          separator = TRUE;
          /* "9:05": pad the hour to two digits. */
          if (n == 1)
            {
              digits[1] = digits[0];
              digits[0] = '0';
              n = 2;
            }
          else if (n != 2)
            return FALSE;
        }
      else
        return FALSE;
    }
  if (n == 3 && !separator)
    {
      /* "930" → 09:30 */
      memmove (digits + 1, digits, 3);
      digits[0] = '0';
      n = 4;
    }
  if (n != 4)
    return FALSE;
  h = (digits[0] - '0') * 10 + (digits[1] - '0');
  m = (digits[2] - '0') * 10 + (digits[3] - '0');
  if (h > 23 || m > 59)
    return FALSE;
  if (out_hour)
    *out_hour = h;
  if (out_minute)
    *out_minute = m;
  return TRUE;
}

char *
hk_parse_local_datetime (const char *date_text,
                         const char *time_text)
{
  g_autofree char *iso = hk_parse_date (date_text);
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;

  if (iso == NULL || !hk_parse_time (time_text, &h, &mi))
    return NULL;
  if (!split_iso_date (iso, &y, &mo, &d))
    return NULL;
  dt = g_date_time_new_local (y, mo, d, h, mi, 0);
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
hk_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
