/* test-record.c: the field schema and every validation rule
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-test-utils.h"

typedef struct
{
  HkRecordKind  kind;
  const char   *fields;      /* GVariant text of an a{sv} */
  const char   *bad_field;   /* NULL when valid */
  const char   *message_part;
} Case;

static const Case cases[] = {
  /* people */
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann Example'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "@a{sv} {}", "name", "required" },
  { HK_RECORD_KIND_PERSON, "{'name': <''>}", "name", "required" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann\\nExample'>}", "name", "single line" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'943 476 5919'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'9434765919'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'9434765918'>}", "nhs_number", "check digit" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'94347659'>}", "nhs_number", "10 digits" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'1931-07-19'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'1931-02-30'>}", "date_of_birth", "real date" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'19/07/1931'>}", "date_of_birth", "real date" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'2999-01-01'>}", "date_of_birth", "future" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'address': <'1 Mill Lane\\nLowford'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'shoe_size': <'6'>}", NULL, "not a field" },
  { HK_RECORD_KIND_PERSON, "{'name': <42>}", "name", "text" },
  /* cases */
  { HK_RECORD_KIND_CASE, "{'status': <'open'>, 'opened_on': <'2026-01-02'>}", NULL, NULL },
  { HK_RECORD_KIND_CASE, "{'status': <'pending'>, 'opened_on': <'2026-01-02'>}", "status", "allowed" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>}", "closed_on", "needed" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-01-01'>}", "closed_on", "before" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-01-02'>}", NULL, NULL },
  { HK_RECORD_KIND_CASE, "{'status': <'open'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-03-02'>}", "closed_on", "empty" },
  { HK_RECORD_KIND_CASE, "{'status': <'open'>}", "opened_on", "required" },
  /* notes */
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00+00:00'>, 'text': <'x'>}", NULL, NULL },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'present': <['Ann', 'Bob']>}", NULL, NULL },
  { HK_RECORD_KIND_NOTE, "{'kind': <'telepathy'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>}", "kind", "allowed" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'yesterday'>, 'text': <'x'>}", "occurred_at", "date and time" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2999-01-02T10:00:00Z'>, 'text': <'x'>}", "occurred_at", "future" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>}", "text", "required" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'present': <'Ann'>}", "present", "list" },
  /* automatic fields are ignored on input */
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'late_entry': <'nonsense'>}", NULL, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) fields = g_variant_parse (G_VARIANT_TYPE_VARDICT, c->fields, NULL, NULL, &error);
      const char *field = NULL;
      gboolean ok;

      g_assert_no_error (error);
      ok = hk_record_validate (c->kind, fields, &field, &error);
      g_test_message ("case %u: %s → %s", i, c->fields, error ? error->message : "ok");
      if (c->bad_field == NULL && c->message_part == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
          g_assert_cmpstr (field, ==, c->bad_field);
          g_assert_nonnull (strstr (error->message, c->message_part));
          if (c->bad_field)
            {
              /* The message names the field by its label. */
              const HkFieldSpec *spec = hk_record_kind_find_field (c->kind, c->bad_field);
              g_assert_true (g_str_has_prefix (error->message, spec->label));
            }
        }
    }
}

static void
test_lengths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'a');
  g_autoptr(GVariant) fields = hk_test_fields ("name", long_name, NULL);
  const char *field = NULL;

  g_assert_false (hk_record_validate (HK_RECORD_KIND_PERSON, fields, &field, &error));
  g_assert_cmpstr (field, ==, "name");
  g_assert_nonnull (strstr (error->message, "200"));
}

static void
test_nhs (void)
{
  g_autofree char *norm = hk_nhs_number_normalize ("943-476-5919");

  g_assert_cmpstr (norm, ==, "9434765919");
  g_assert_true (hk_nhs_number_is_valid ("401 023 2137"));
  g_assert_false (hk_nhs_number_is_valid ("401 023 2138"));
  g_assert_false (hk_nhs_number_is_valid ("94347659190"));
  g_assert_false (hk_nhs_number_is_valid ("94347a5919"));
  g_assert_false (hk_nhs_number_is_valid (""));
  g_assert_false (hk_nhs_number_is_valid (NULL));
}

static void
test_kinds (void)
{
  HkRecordKind kind;

  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    {
      g_assert_true (hk_record_kind_from_string (hk_record_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (hk_record_kind_get_label (k));
    }
  g_assert_false (hk_record_kind_from_string ("potato", &kind));
  g_assert_cmpstr (hk_field_spec_get_value_label (hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "kind"),
                                                  "phone_call"), ==, "Phone call");
  g_assert_null (hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "nope"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/record/validation-table", test_table);
  g_test_add_func ("/record/lengths", test_lengths);
  g_test_add_func ("/record/nhs", test_nhs);
  g_test_add_func ("/record/kinds", test_kinds);
  return g_test_run ();
}
