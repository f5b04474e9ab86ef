/* hk-record-schema.c: the field tables and validation rules of each record kind
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hk-record-private.h"

#define DEFAULT_TEXT_MAX      500
#define DEFAULT_LONG_TEXT_MAX 200000
#define MAX_LIST_ITEMS        100
/* Clocks on laptops drift; a note "a minute from now" is not a future event. */
#define FUTURE_TOLERANCE_USEC (G_USEC_PER_SEC * 60 * 5)

static const HkEnumValue case_status_values[] = {
  { "open",   N_("Open") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const HkEnumValue note_kind_values[] = {
  { "conversation", N_("Conversation") },
  { "visit",        N_("Visit") },
  { "phone_call",   N_("Phone call") },
  { "meeting",      N_("Meeting") },
  { "other",        N_("Other") },
  { NULL, NULL }
};

static const HkFieldSpec meta_fields[] = {
  { "owner_name", N_("Your name"), HK_FIELD_TEXT, 0, 200, NULL },
  { NULL }
};

static const HkFieldSpec person_fields[] = {
  { "name",                        N_("Name"),                       HK_FIELD_TEXT,       HK_FIELD_REQUIRED,   200, NULL },
  { "preferred_name",              N_("Preferred name"),             HK_FIELD_TEXT,       0,                   200, NULL },
  { "date_of_birth",               N_("Date of birth"),              HK_FIELD_DATE,       HK_FIELD_NOT_FUTURE, 0,   NULL },
  { "nhs_number",                  N_("NHS number"),                 HK_FIELD_NHS_NUMBER, 0,                   0,   NULL },
  { "local_ref",                   N_("Local system reference"),     HK_FIELD_TEXT,       0,                   100, NULL },
  { "address",                     N_("Address"),                    HK_FIELD_LONG_TEXT,  0,                   1000, NULL },
  { "contact",                     N_("Contact details"),            HK_FIELD_LONG_TEXT,  0,                   1000, NULL },
  { "communication_needs",         N_("Communication needs"),        HK_FIELD_LONG_TEXT,  0,                   4000, NULL },
  { "representative_name",         N_("Representative"),             HK_FIELD_TEXT,       0,                   200, NULL },
  { "representative_relationship", N_("Representative’s relationship"), HK_FIELD_TEXT,   0,                   200, NULL },
  { NULL }
};

static const HkFieldSpec case_fields[] = {
  { "status",    N_("Status"),           HK_FIELD_ENUM,      HK_FIELD_REQUIRED,                       0,    case_status_values },
  { "opened_on", N_("Opened on"),        HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0,    NULL },
  { "closed_on", N_("Closed on"),        HK_FIELD_DATE,      HK_FIELD_NOT_FUTURE,                     0,    NULL },
  { "summary",   N_("Summary"),          HK_FIELD_LONG_TEXT, 0,                                       8000, NULL },
  { "worker",    N_("Allocated worker"), HK_FIELD_TEXT,      0,                                       200,  NULL },
  { NULL }
};

static const HkFieldSpec note_fields[] = {
  { "kind",        N_("Kind of note"),     HK_FIELD_ENUM,      HK_FIELD_REQUIRED,                       0,   note_kind_values },
  { "occurred_at", N_("When it happened"), HK_FIELD_DATETIME,  HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0,   NULL },
  { "recorded_at", N_("When recorded"),    HK_FIELD_DATETIME,  HK_FIELD_AUTOMATIC,                      0,   NULL },
  { "late_entry",  N_("Late entry"),       HK_FIELD_BOOL,      HK_FIELD_AUTOMATIC,                      0,   NULL },
  { "present",     N_("Who was present"),  HK_FIELD_TEXT_LIST, 0,                                       200, NULL },
  { "text",        N_("Note"),             HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED,                       0,   NULL },
  { NULL }
};

static const HkFieldSpec no_fields[] = {
  { NULL }
};

static const struct {
  const char *name;
  const char *label;
} kind_names[] = {
  [HK_RECORD_KIND_META]   = { "meta",   N_("Vault profile") },
  [HK_RECORD_KIND_PERSON] = { "person", N_("Person") },
  [HK_RECORD_KIND_CASE]   = { "case",   N_("Case") },
  [HK_RECORD_KIND_NOTE]   = { "note",   N_("Note") },
  [HK_RECORD_KIND_DRAFT]  = { "draft",  N_("Draft") },
};

const char *
hk_record_kind_to_string (HkRecordKind kind)
{
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return "unknown";
  return kind_names[kind].name;
}

gboolean
hk_record_kind_from_string (const char   *str,
                            HkRecordKind *out_kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i <= HK_RECORD_KIND_LAST; i++)
    if (g_str_equal (str, kind_names[i].name))
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hk_record_kind_get_label (HkRecordKind kind)
{
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return _("Unknown record");
  return _(kind_names[kind].label);
}

const HkFieldSpec *
hk_record_kind_get_fields (HkRecordKind kind)
{
  switch (kind)
    {
    case HK_RECORD_KIND_META:   return meta_fields;
    case HK_RECORD_KIND_PERSON: return person_fields;
    case HK_RECORD_KIND_CASE:   return case_fields;
    case HK_RECORD_KIND_NOTE:   return note_fields;
    case HK_RECORD_KIND_DRAFT:
    default:                    return no_fields;
    }
}

const HkFieldSpec *
hk_record_kind_find_field (HkRecordKind  kind,
                           const char   *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (const HkFieldSpec *spec = hk_record_kind_get_fields (kind); spec->key; spec++)
    if (g_str_equal (spec->key, key))
      return spec;
  return NULL;
}

const char *
hk_field_spec_get_value_label (const HkFieldSpec *spec,
                               const char        *code)
{
  g_return_val_if_fail (spec != NULL, NULL);

  if (spec->values == NULL || code == NULL)
    return NULL;
  for (const HkEnumValue *v = spec->values; v->code; v++)
    if (g_str_equal (v->code, code))
      return _(v->label);
  return NULL;
}

/* ---- NHS numbers ---- */

char *
hk_nhs_number_normalize (const char *text)
{
  char digits[11];
  guint n = 0;
  int sum = 0, check;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isdigit (*p) || n == 10)
        return NULL;
      digits[n++] = *p;
    }
  if (n != 10)
    return NULL;
  digits[10] = '\0';

  /* Modulus 11: weights 10..2 over the first nine digits. */
  for (guint i = 0; i < 9; i++)
    sum += (digits[i] - '0') * (int) (10 - i);
  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  if (check == 10 || check != digits[9] - '0')
    return NULL;
  return g_strdup (digits);
}

gboolean
hk_nhs_number_is_valid (const char *text)
{
  g_autofree char *norm = hk_nhs_number_normalize (text);
  return norm != NULL;
}

/* ---- Dates ---- */

gboolean
_hk_date_parse (const char *text,
                GDate      *out)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (y < 1800 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

GDateTime *
_hk_datetime_parse (const char *text)
{
  g_autoptr(GTimeZone) local = NULL;

  if (text == NULL || strlen (text) < 16 || strlen (text) > 40)
    return NULL;
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (text, local);
}

static gboolean
today_before (const GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_compare (&today, date) < 0;
}

/* ---- Validation ---- */

static gboolean
fail (const HkFieldSpec  *spec,
      const char        **out_field,
      GError            **error,
      const char         *rule)
{
  if (out_field)
    *out_field = spec ? spec->key : NULL;
  /* Translators: "<field label>: <rule>", e.g. "NHS number: the check digit is wrong." */
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s: %s"),
               spec ? _(spec->label) : _("Record"), rule);
  return FALSE;
}

static gboolean
check_text (const HkFieldSpec  *spec,
            const char         *text,
            gboolean            multiline,
            const char        **out_field,
            GError            **error)
{
  guint max = spec->max_length ? spec->max_length
                               : (multiline ? DEFAULT_LONG_TEXT_MAX : DEFAULT_TEXT_MAX);

  if (!g_utf8_validate (text, -1, NULL))
    return fail (spec, out_field, error, _("contains text that is not valid UTF-8."));
  if (g_utf8_strlen (text, -1) > (glong) max)
    {
      g_autofree char *rule = g_strdup_printf (_("is too long (at most %u characters)."), max);
      return fail (spec, out_field, error, rule);
    }
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c < 0x20 && c != '\t' && !(multiline && (c == '\n' || c == '\r')))
        return fail (spec, out_field, error,
                     multiline ? _("contains control characters.")
                               : _("must be a single line."));
    }
  return TRUE;
}

static gboolean
check_value (const HkFieldSpec  *spec,
             GVariant           *value,
             const char        **out_field,
             GError            **error)
{
  const char *text = NULL;

  switch (spec->type)
    {
    case HK_FIELD_BOOL:
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        return fail (spec, out_field, error, _("must be yes or no."));
      return TRUE;

    case HK_FIELD_TEXT_LIST:
      {
        GVariantIter iter;
        const char *item;
        guint n = 0;

        if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
          return fail (spec, out_field, error, _("must be a list of names."));
        g_variant_iter_init (&iter, value);
        while (g_variant_iter_next (&iter, "&s", &item))
          {
            if (++n > MAX_LIST_ITEMS)
              return fail (spec, out_field, error, _("has too many entries."));
            if (!check_text (spec, item, FALSE, out_field, error))
              return FALSE;
          }
        return TRUE;
      }

    default:
      break;
    }

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return fail (spec, out_field, error, _("must be text."));
  text = g_variant_get_string (value, NULL);
  if (*text == '\0')
    return TRUE; /* empty means absent; the required check handles it */

  switch (spec->type)
    {
    case HK_FIELD_TEXT:
      return check_text (spec, text, FALSE, out_field, error);

    case HK_FIELD_LONG_TEXT:
      return check_text (spec, text, TRUE, out_field, error);

    case HK_FIELD_ENUM:
      if (hk_field_spec_get_value_label (spec, text) == NULL)
        return fail (spec, out_field, error, _("is not one of the allowed choices."));
      return TRUE;

    case HK_FIELD_NHS_NUMBER:
      {
        g_autofree char *digits = NULL;
        guint n = 0;

        for (const char *p = text; *p; p++)
          if (g_ascii_isdigit (*p))
            n++;
        if (n != 10)
          return fail (spec, out_field, error, _("must have 10 digits."));
        digits = hk_nhs_number_normalize (text);
        if (digits == NULL)
          return fail (spec, out_field, error,
                       _("is not a valid NHS number (the check digit does not match). Check each digit."));
        return TRUE;
      }

    case HK_FIELD_DATE:
      {
        GDate date;

        if (!_hk_date_parse (text, &date))
          return fail (spec, out_field, error, _("must be a real date."));
        if ((spec->flags & HK_FIELD_NOT_FUTURE) && today_before (&date))
          return fail (spec, out_field, error, _("cannot be in the future."));
        return TRUE;
      }

    case HK_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = _hk_datetime_parse (text);

        if (dt == NULL)
          return fail (spec, out_field, error, _("must be a real date and time."));
        if ((spec->flags & HK_FIELD_NOT_FUTURE) &&
            g_date_time_to_unix (dt) * G_USEC_PER_SEC > g_get_real_time () + FUTURE_TOLERANCE_USEC)
          return fail (spec, out_field, error, _("cannot be in the future."));
        return TRUE;
      }

    case HK_FIELD_BOOL:
    case HK_FIELD_TEXT_LIST:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_present (GVariant   *fields,
            const char *key)
{
  g_autoptr(GVariant) v = g_variant_lookup_value (fields, key, NULL);

  if (v == NULL)
    return FALSE;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return *g_variant_get_string (v, NULL) != '\0';
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    return g_variant_n_children (v) > 0;
  return TRUE;
}

static gboolean
check_cross_fields (HkRecordKind   kind,
                    GVariant      *fields,
                    const char   **out_field,
                    GError       **error)
{
  if (kind == HK_RECORD_KIND_CASE)
    {
      const char *status = NULL, *opened = NULL, *closed = NULL;
      const HkFieldSpec *closed_spec = hk_record_kind_find_field (kind, "closed_on");

      g_variant_lookup (fields, "status", "&s", &status);
      g_variant_lookup (fields, "opened_on", "&s", &opened);
      g_variant_lookup (fields, "closed_on", "&s", &closed);
      if (closed && *closed == '\0')
        closed = NULL;

      if (g_strcmp0 (status, "closed") == 0 && closed == NULL)
        return fail (closed_spec, out_field, error, _("is needed when the case is closed."));
      if (g_strcmp0 (status, "open") == 0 && closed != NULL)
        return fail (closed_spec, out_field, error, _("must be empty while the case is open."));
      /* ISO dates compare correctly as strings. */
      if (closed && opened && strcmp (closed, opened) < 0)
        return fail (closed_spec, out_field, error, _("cannot be before the case was opened."));
    }
  return TRUE;
}

gboolean
hk_record_validate (HkRecordKind   kind,
                    GVariant      *fields,
                    const char   **out_field,
                    GError       **error)
{
  const HkFieldSpec *specs = hk_record_kind_get_fields (kind);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (out_field)
    *out_field = NULL;
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return fail (NULL, out_field, error, _("unknown kind of record."));
  if (!g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT))
    return fail (NULL, out_field, error, _("fields must be a dictionary."));

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned = value;
      const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);

      if (spec == NULL)
        {
          if (out_field)
            *out_field = NULL;
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       /* Translators: "foo is not a field of a person" */
                       _("“%s” is not a field of a %s."), key,
                       hk_record_kind_to_string (kind));
          return FALSE;
        }
      if (spec->flags & HK_FIELD_AUTOMATIC)
        continue;
      if (!check_value (spec, owned, out_field, error))
        return FALSE;
    }

  for (const HkFieldSpec *spec = specs; spec->key; spec++)
    if ((spec->flags & HK_FIELD_REQUIRED) && !is_present (fields, spec->key))
      return fail (spec, out_field, error, _("is required."));

  return check_cross_fields (kind, fields, out_field, error);
}
