/* test-record-json.c: records to and from JSON
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hk-test-utils.h"
#include "hk-record-private.h"

static HkJsonNode *
parse (const char *doc)
{
  g_autoptr(GError) error = NULL;
  HkJsonNode *node = hk_json_parse (doc, strlen (doc), NULL, &error);

  g_assert_no_error (error);
  return node;
}

static const char *person_json =
  "{\n"
  "  \"name\": \"Margaret O’Brien\",\n"
  "  \"preferred_name\": \"Peggy\",\n"
  "  \"date_of_birth\": \"1941-06-02\",\n"
  "  \"nhs_number\": \"943 476 5919\",\n"
  "  \"local_ref\": \"ASC-000123\",\n"
  "  \"address\": \"Flat 2, 14 Mill Lane\\nHolbeck\\nLeeds LS11 5AA\",\n"
  "  \"contact\": \"0113 496 0000\",\n"
  "  \"communication_needs\": \"Hard of hearing; prefers face-to-face visits.\",\n"
  "  \"representative_name\": \"Sean O’Brien\",\n"
  "  \"representative_relationship\": \"Son\"\n"
  "}";

static void
test_person_from_json (void)
{
  g_autoptr(HkJsonNode) root = parse (person_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  const char *bad_field = "unset";
  const char *s = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_PERSON, root, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fields);
  g_assert_true (g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT));
  g_assert_cmpuint (g_variant_n_children (fields), ==, 10);

  g_assert_true (g_variant_lookup (fields, "name", "&s", &s));
  g_assert_cmpstr (s, ==, "Margaret O’Brien");
  g_assert_true (g_variant_lookup (fields, "address", "&s", &s));
  g_assert_cmpstr (s, ==, "Flat 2, 14 Mill Lane\nHolbeck\nLeeds LS11 5AA");
  g_assert_true (g_variant_lookup (fields, "nhs_number", "&s", &s));
  g_assert_cmpstr (s, ==, "943 476 5919");

  g_assert_true (hk_record_validate (HK_RECORD_KIND_PERSON, fields, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_null (bad_field);
}

/* JSON null means "absent": the key is left out of the dictionary. */
static void
test_null_is_absent (void)
{
  g_autoptr(HkJsonNode) root = parse ("{\"name\":\"A\",\"preferred_name\":null,\"address\":null}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_PERSON, root, "$", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (fields), ==, 1);
  g_assert_false (g_variant_lookup (fields, "preferred_name", "&s", NULL));
}

static void
test_note_from_json (void)
{
  g_autoptr(HkJsonNode) root = parse ("{\"kind\":\"visit\",\"occurred_at\":\"2025-01-02T10:30:00+00:00\","
                                      "\"present\":[\"Margaret\",\"Sean (son)\"],\"text\":\"Visited at home.\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GVariant) present = NULL;
  g_autofree const char **names = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_NOTE, root, NULL, &error);
  g_assert_no_error (error);
  present = g_variant_lookup_value (fields, "present", NULL);
  g_assert_nonnull (present);
  g_assert_true (g_variant_is_of_type (present, G_VARIANT_TYPE_STRING_ARRAY));
  names = g_variant_get_strv (present, NULL);
  g_assert_cmpstr (names[0], ==, "Margaret");
  g_assert_cmpstr (names[1], ==, "Sean (son)");
  g_assert_null (names[2]);
  g_assert_true (hk_record_validate (HK_RECORD_KIND_NOTE, fields, NULL, &error));
  g_assert_no_error (error);

  /* An empty list is still a list. */
  {
    g_autoptr(HkJsonNode) empty = parse ("{\"present\":[]}");
    g_autoptr(GVariant) f = hk_record_fields_from_json (HK_RECORD_KIND_NOTE, empty, NULL, &error);
    g_autoptr(GVariant) v = NULL;

    g_assert_no_error (error);
    v = g_variant_lookup_value (f, "present", G_VARIANT_TYPE_STRING_ARRAY);
    g_assert_nonnull (v);
    g_assert_cmpuint (g_variant_n_children (v), ==, 0);
  }
}

/* Choices from a list (ENUM_LIST) are arrays of codes; links (RECORD_ID) are strings. */
static void
test_enum_list_and_record_id (void)
{
  g_autoptr(HkJsonNode) conversation = parse ("{\"held_on\":\"2025-02-03\",\"phase\":\"at_concern\","
                                              "\"participants\":[\"adult\",\"advocate\"],"
                                              "\"asked\":\"asked_expressed\",\"principles\":[]}");
  g_autoptr(HkJsonNode) outcome = parse ("{\"words\":\"I want to feel safe at home.\",\"expressed_on\":\"2025-02-03\","
                                         "\"conversation_id\":\"0123456789abcdef0123456789abcdef\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GVariant) participants = NULL;
  g_autoptr(GVariant) principles = NULL;
  g_autofree const char **codes = NULL;
  const char *id = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_CONVERSATION, conversation, NULL, &error);
  g_assert_no_error (error);
  participants = g_variant_lookup_value (fields, "participants", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (participants);
  codes = g_variant_get_strv (participants, NULL);
  g_assert_cmpstr (codes[0], ==, "adult");
  g_assert_cmpstr (codes[1], ==, "advocate");
  g_assert_null (codes[2]);
  principles = g_variant_lookup_value (fields, "principles", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (principles);
  g_assert_cmpuint (g_variant_n_children (principles), ==, 0);
  g_assert_true (hk_record_validate (HK_RECORD_KIND_CONVERSATION, fields, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fields, g_variant_unref);

  fields = hk_record_fields_from_json (HK_RECORD_KIND_OUTCOME, outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (fields, "conversation_id", "&s", &id));
  g_assert_cmpstr (id, ==, "0123456789abcdef0123456789abcdef");
  g_assert_true (hk_record_validate (HK_RECORD_KIND_OUTCOME, fields, NULL, &error));
  g_assert_no_error (error);

  /* The conversion keeps any string; validation then refuses what is not a choice or an id. */
  {
    g_autoptr(HkJsonNode) bad = parse ("{\"words\":\"x\",\"expressed_on\":\"2025-02-03\",\"conversation_id\":\"ABC\"}");
    g_autoptr(GVariant) f = hk_record_fields_from_json (HK_RECORD_KIND_OUTCOME, bad, NULL, &error);
    const char *field = NULL;

    g_assert_no_error (error);
    g_assert_false (hk_record_validate (HK_RECORD_KIND_OUTCOME, f, &field, &error));
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_cmpstr (field, ==, "conversation_id");
    g_clear_error (&error);
  }
  {
    g_autoptr(HkJsonNode) bad = parse ("{\"description\":\"x\",\"principles\":[\"protection\",\"kindness\"]}");
    g_autoptr(GVariant) f = hk_record_fields_from_json (HK_RECORD_KIND_ACTION, bad, NULL, &error);
    const char *field = NULL;

    g_assert_no_error (error);
    g_assert_false (hk_record_validate (HK_RECORD_KIND_ACTION, f, &field, &error));
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_cmpstr (field, ==, "principles");
  }
}

static const struct {
  HkRecordKind kind;
  const char  *json;
  const char  *path;
  const char  *message;
} refusals[] = {
  { HK_RECORD_KIND_PERSON, "{\"name\":\"A\",\"foo\":1}", "$.fields",
    "$.fields.foo: not a field of a person" },
  { HK_RECORD_KIND_PERSON, "{\"two words\":\"x\"}", NULL,
    "$[\"two words\"]: not a field of a person" },
  { HK_RECORD_KIND_PERSON, "{\"id\":\"abc\"}", "$.people[3]",
    "$.people[3].id: not a field of a person" },
  { HK_RECORD_KIND_CASE, "{\"name\":\"A\"}", NULL,
    "$.name: not a field of a case" },
  { HK_RECORD_KIND_NOTE, "{\"kind\":\"visit\",\"recorded_at\":\"2025-01-01T00:00:00Z\"}", "$.x",
    "$.x.recorded_at: set automatically; remove it" },
  { HK_RECORD_KIND_NOTE, "{\"late_entry\":true}", NULL,
    "$.late_entry: set automatically; remove it" },
  { HK_RECORD_KIND_NOTE, "{\"late_entry\":null}", NULL,
    "$.late_entry: set automatically; remove it" },
  { HK_RECORD_KIND_PERSON, "{\"name\":5}", NULL,
    "$.name: expected a string, found a number" },
  { HK_RECORD_KIND_PERSON, "{\"name\":true}", NULL,
    "$.name: expected a string, found true or false" },
  { HK_RECORD_KIND_PERSON, "{\"date_of_birth\":[\"1941-06-02\"]}", NULL,
    "$.date_of_birth: expected a string, found an array" },
  { HK_RECORD_KIND_PERSON, "{\"nhs_number\":9434765919}", NULL,
    "$.nhs_number: expected a string, found a number" },
  { HK_RECORD_KIND_CASE, "{\"status\":{\"code\":\"open\"}}", "$.case",
    "$.case.status: expected a string, found an object" },
  { HK_RECORD_KIND_NOTE, "{\"present\":\"Margaret\"}", NULL,
    "$.present: expected an array of strings, found a string" },
  { HK_RECORD_KIND_NOTE, "{\"present\":[\"Margaret\",1]}", NULL,
    "$.present[1]: expected a string, found a number" },
  { HK_RECORD_KIND_NOTE, "{\"present\":[null]}", NULL,
    "$.present[0]: expected a string, found null" },
  { HK_RECORD_KIND_NOTE, "{\"present\":[[\"x\"]]}", NULL,
    "$.present[0]: expected a string, found an array" },
  { HK_RECORD_KIND_PERSON, "[{\"name\":\"A\"}]", NULL,
    "$: expected an object, found an array" },
  { HK_RECORD_KIND_PERSON, "\"A\"", "$.people[0]",
    "$.people[0]: expected an object, found a string" },
  { HK_RECORD_KIND_PERSON, "null", NULL,
    "$: expected an object, found null" },
  { HK_RECORD_KIND_CONVERSATION, "{\"participants\":\"adult\"}", "$.c",
    "$.c.participants: expected an array of strings, found a string" },
  { HK_RECORD_KIND_CONVERSATION, "{\"participants\":[\"adult\",true]}", NULL,
    "$.participants[1]: expected a string, found true or false" },
  { HK_RECORD_KIND_ACTION, "{\"principles\":{\"protection\":true}}", NULL,
    "$.principles: expected an array of strings, found an object" },
  { HK_RECORD_KIND_OUTCOME, "{\"conversation_id\":5}", NULL,
    "$.conversation_id: expected a string, found a number" },
  { HK_RECORD_KIND_BEST_INTERESTS, "{\"assessment_id\":[\"0123456789abcdef0123456789abcdef\"]}", NULL,
    "$.assessment_id: expected a string, found an array" },
  { HK_RECORD_KIND_RISK, "{\"risk_type\":\"financial\",\"person\":\"x\"}", NULL,
    "$.person: not a field of a risk" },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(HkJsonNode) root = parse (refusals[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) fields = NULL;

      fields = hk_record_fields_from_json (refusals[i].kind, root, refusals[i].path, &error);
      g_assert_null (fields);
      g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refusals[i].message);
    }
}

/* The conversion checks shape only; the rules are hk_record_validate()'s. */
static void
test_validate_is_separate (void)
{
  g_autoptr(HkJsonNode) root = parse ("{\"name\":\"A\",\"nhs_number\":\"123\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  const char *bad_field = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_PERSON, root, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (hk_record_validate (HK_RECORD_KIND_PERSON, fields, &bad_field, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (bad_field, ==, "nhs_number");
}

static gint64
usec_from_iso (const char *text)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* A record built directly, so every byte of the output can be checked. */
static void
test_write_exact (void)
{
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(HkRecord) note = NULL;
  g_autoptr(HkJsonWriter) writer = hk_json_writer_new (TRUE);
  g_autofree char *text = NULL;
  guint8 *payload;
  gsize len;
  GVariantBuilder b;
  const char *present[] = { "Margaret", "Dr \"Ash\" Patel", NULL };

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  /* Deliberately not in schema order. */
  g_variant_builder_add (&b, "{sv}", "text", g_variant_new_string ("Line one\nline two"));
  g_variant_builder_add (&b, "{sv}", "late_entry", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&b, "{sv}", "present", g_variant_new_strv (present, -1));
  g_variant_builder_add (&b, "{sv}", "kind", g_variant_new_string ("phone_call"));
  g_variant_builder_add (&b, "{sv}", "occurred_at", g_variant_new_string ("2025-01-02T10:30:00+00:00"));
  g_variant_builder_add (&b, "{sv}", "recorded_at", g_variant_new_string ("2025-01-04T09:00:00+00:00"));
  fields = g_variant_ref_sink (g_variant_builder_end (&b));

  payload = _hk_payload_serialise (usec_from_iso ("2025-01-04T09:00:00Z"),
                                   usec_from_iso ("2025-01-05T12:34:56.5Z"),
                                   "Test Worker", fields, &len);
  note = _hk_record_new_from_plaintext ("0123456789abcdef0123456789abcdef", HK_RECORD_KIND_NOTE,
                                        "fedcba9876543210fedcba9876543210", 2, payload, len);
  g_assert_nonnull (note);

  hk_record_write_json (note, writer);
  text = hk_json_writer_finish (g_steal_pointer (&writer));
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"id\": \"0123456789abcdef0123456789abcdef\",\n"
                   "  \"kind\": \"note\",\n"
                   "  \"revision\": 2,\n"
                   "  \"parent_id\": \"fedcba9876543210fedcba9876543210\",\n"
                   "  \"created_at\": \"2025-01-04T09:00:00Z\",\n"
                   "  \"modified_at\": \"2025-01-05T12:34:56.500000Z\",\n"
                   "  \"modified_by\": \"Test Worker\",\n"
                   "  \"fields\": {\n"
                   "    \"kind\": \"phone_call\",\n"
                   "    \"occurred_at\": \"2025-01-02T10:30:00+00:00\",\n"
                   "    \"recorded_at\": \"2025-01-04T09:00:00+00:00\",\n"
                   "    \"late_entry\": true,\n"
                   "    \"present\": [\n"
                   "      \"Margaret\",\n"
                   "      \"Dr \\\"Ash\\\" Patel\"\n"
                   "    ],\n"
                   "    \"text\": \"Line one\\u000aline two\"\n"
                   "  }\n"
                   "}");

  /* Automatic fields are written, so feeding the output back is refused. */
  {
    g_autoptr(HkJsonNode) root = parse (text);
    g_autoptr(GError) error = NULL;
    g_autoptr(GVariant) again = NULL;

    again = hk_record_fields_from_json (HK_RECORD_KIND_NOTE, hk_json_node_lookup (root, "fields"),
                                        "$.fields", &error);
    g_assert_null (again);
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "$.fields.recorded_at: set automatically; remove it");
  }
}

static void
assert_fields_equal (GVariant *expected,
                     GVariant *actual)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_assert_cmpuint (g_variant_n_children (expected), ==, g_variant_n_children (actual));
  g_variant_iter_init (&iter, expected);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned = value;
      g_autoptr(GVariant) other = g_variant_lookup_value (actual, key, NULL);

      g_assert_nonnull (other);
      g_assert_true (g_variant_equal (owned, other));
    }
}

/* Save a person from JSON in a real vault, write the saved record, and read
 * it back: the same fields come out. */
static void
test_vault_round_trip (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkJsonNode) input = parse (person_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(HkRecord) kase = NULL;

  fields = hk_record_fields_from_json (HK_RECORD_KIND_PERSON, input, NULL, &error);
  g_assert_no_error (error);
  person = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, fields, &error);
  g_assert_no_error (error);
  kase = hk_vault_open_case (vault, hk_record_get_id (person), NULL, &error);
  g_assert_no_error (error);

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(HkJsonWriter) writer = hk_json_writer_new (pretty);
      g_autofree char *text = NULL;
      g_autoptr(HkJsonNode) root = NULL;
      g_autoptr(GVariant) again = NULL;
      HkJsonNode *v;
      gint64 n = 0;

      hk_record_write_json (person, writer);
      text = hk_json_writer_finish (g_steal_pointer (&writer));
      root = parse (text);

      g_assert_cmpuint (hk_json_node_get_length (root), ==, 8);
      g_assert_cmpstr (hk_json_node_get_member_name (root, 0), ==, "id");
      g_assert_cmpstr (hk_json_node_get_member_name (root, 7), ==, "fields");
      g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "id")), ==,
                       hk_record_get_id (person));
      g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "kind")), ==, "person");
      g_assert_true (hk_json_node_get_int (hk_json_node_lookup (root, "revision"), &n));
      g_assert_cmpint (n, ==, 1);
      g_assert_cmpint (hk_json_node_get_type (hk_json_node_lookup (root, "parent_id")), ==, HK_JSON_NULL);
      g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "modified_by")), ==,
                       hk_record_get_modified_by (person));

      v = hk_json_node_lookup (root, "created_at");
      g_assert_true (g_str_has_suffix (hk_json_node_get_string (v), "Z"));
      g_assert_cmpint (usec_from_iso (hk_json_node_get_string (v)), ==, hk_record_get_created_at (person));
      v = hk_json_node_lookup (root, "modified_at");
      g_assert_cmpint (usec_from_iso (hk_json_node_get_string (v)), ==, hk_record_get_modified_at (person));

      /* Fields come out in schema order. */
      v = hk_json_node_lookup (root, "fields");
      {
        guint i = 0;

        for (const HkFieldSpec *spec = hk_record_kind_get_fields (HK_RECORD_KIND_PERSON); spec->key; spec++)
          if (hk_record_has_field (person, spec->key))
            g_assert_cmpstr (hk_json_node_get_member_name (v, i++), ==, spec->key);
        g_assert_cmpuint (i, ==, hk_json_node_get_length (v));
      }

      again = hk_record_fields_from_json (HK_RECORD_KIND_PERSON, v, "$.fields", &error);
      g_assert_no_error (error);
      assert_fields_equal (hk_record_get_fields (person), again);
    }

  /* A case has its person as parent. */
  {
    g_autoptr(HkJsonWriter) writer = hk_json_writer_new (FALSE);
    g_autofree char *text = NULL;
    g_autoptr(HkJsonNode) root = NULL;
    g_autoptr(GVariant) again = NULL;

    hk_record_write_json (kase, writer);
    text = hk_json_writer_finish (g_steal_pointer (&writer));
    root = parse (text);
    g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "kind")), ==, "case");
    g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "parent_id")), ==,
                     hk_record_get_id (person));
    again = hk_record_fields_from_json (HK_RECORD_KIND_CASE, hk_json_node_lookup (root, "fields"),
                                        "$.fields", &error);
    g_assert_no_error (error);
    assert_fields_equal (hk_record_get_fields (kase), again);
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* One full record of every casework kind, as JSON fields. "@LINK@" is
 * replaced with the id of the record saved just before. */
static const struct {
  HkRecordKind kind;
  const char  *json;
} casework[] = {
  { HK_RECORD_KIND_CONCERN,
    "{\"received_on\":\"2025-01-06\",\"raised_by_role\":\"District nurse\",\"raised_by_agency\":\"Community health\","
    "\"reported\":\"Unpaid bills and a nephew \\\"looking after\\\" her bank card.\","
    "\"criterion_needs\":\"yes\",\"criterion_needs_reason\":\"Dementia; daily home care.\","
    "\"criterion_abuse\":\"yes\",\"criterion_abuse_reason\":\"Possible financial abuse.\","
    "\"criterion_protect\":\"yes\",\"criterion_protect_reason\":\"Cannot manage money unaided.\","
    "\"decision\":\"s42_enquiry\",\"decision_on\":\"2025-01-08\"}" },
  { HK_RECORD_KIND_ENQUIRY,
    "{\"enquiry_type\":\"s42\",\"started_on\":\"2025-01-08\",\"concluded_on\":\"2025-03-01\","
    "\"lead_agency\":\"Adult social care\",\"caused_to\":\"Police\",\"large_scale\":false}" },
  { HK_RECORD_KIND_RISK,
    "{\"risk_type\":\"financial\",\"location\":\"own_home\",\"source\":\"known\","
    "\"assessment\":\"identified_action\",\"outcome\":\"reduced\",\"details\":\"Card cancelled.\"}" },
  { HK_RECORD_KIND_CONVERSATION,
    "{\"held_on\":\"2025-03-01\",\"phase\":\"at_closure\",\"participants\":[\"adult\",\"representative\"],"
    "\"asked\":\"asked_expressed\",\"summary\":\"“I feel better now the card is stopped.”\","
    "\"wellbeing\":\"good\",\"safety\":\"safe\",\"feels_safer\":\"yes\",\"feels_safer_words\":\"Yes.\","
    "\"listened_to\":\"partly\",\"listened_to_words\":\"Mostly.\",\"kept_informed\":\"yes\","
    "\"kept_informed_words\":\"You rang me every week.\",\"principles\":[\"empowerment\",\"protection\"]}" },
  { HK_RECORD_KIND_OUTCOME,
    "{\"words\":\"I want my money to be safe.\",\"expressed_on\":\"2025-01-10\",\"conversation_id\":\"@LINK@\","
    "\"achieved\":\"partially\",\"person_view\":\"Safer, but I miss seeing him.\",\"rated_on\":\"2025-03-01\"}" },
  { HK_RECORD_KIND_CAPACITY,
    "{\"decision\":\"Whether to let her nephew manage her bank account\",\"assessed_on\":\"2025-01-20\","
    "\"relevant_information\":\"Who has the card, what has been spent.\",\"practicable_steps\":\"Morning visit, large print.\","
    "\"impairment\":\"yes\",\"impairment_detail\":\"Vascular dementia.\",\"understand\":\"unable\","
    "\"understand_evidence\":\"Could not say what the card is for.\",\"retain\":\"able\",\"retain_evidence\":\"Recalled it.\","
    "\"use_weigh\":\"unable\",\"use_weigh_evidence\":\"Could not weigh the risk.\",\"communicate\":\"able\","
    "\"communicate_evidence\":\"Clear speech.\",\"causal_link\":\"yes\",\"causal_link_evidence\":\"Memory loss.\","
    "\"outcome\":\"lacks_capacity\",\"assessor\":\"A. Worker\",\"review_on\":\"2025-07-20\","
    "\"relates_to_enquiry\":true,\"protective_measures\":false}" },
  { HK_RECORD_KIND_BEST_INTERESTS,
    "{\"decision\":\"Whether to let her nephew manage her bank account\",\"decided_on\":\"2025-01-27\","
    "\"assessment_id\":\"@LINK@\",\"decision_maker\":\"Allocated social worker\",\"attorney_deputy\":\"none\","
    "\"consulted\":[\"Daughter\",\"GP\"],\"consulted_views\":\"Both support a change.\","
    "\"wishes_feelings\":\"She values her independence.\",\"regain_capacity\":\"no\","
    "\"options\":\"Nephew; daughter; appointee.\",\"less_restrictive\":\"Daughter helps with a joint account.\","
    "\"outcome_decision\":\"Daughter to help.\",\"reasons\":\"Least restrictive and what she would have chosen.\"}" },
  { HK_RECORD_KIND_ADVOCACY,
    "{\"basis\":\"care_act_s68\",\"difficulty_understanding\":\"yes\",\"difficulty_retaining\":\"no\","
    "\"difficulty_using\":\"yes\",\"difficulty_communicating\":\"not_known\",\"appropriate_person\":\"none\","
    "\"organisation\":\"Advocacy service\",\"advocate\":\"B. Advocate\",\"status\":\"allocated\","
    "\"considered_on\":\"2025-01-09\",\"referred_on\":\"2025-01-10\",\"allocated_on\":\"2025-01-15\"}" },
  { HK_RECORD_KIND_ACTION,
    "{\"description\":\"Ask the bank to cancel the card.\",\"owner\":\"A. Worker\",\"due_on\":\"2025-02-01\","
    "\"done_on\":\"2025-01-30\",\"principles\":[\"prevention\",\"partnership\"]}" },
};

/* Every casework kind: from JSON, validated, saved, written and read back. */
static void
test_casework_round_trip (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ada Round");
  g_autofree char *enquiry_id = NULL;
  g_autofree char *previous_id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (casework); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) parts = g_strsplit (casework[i].json, "@LINK@", -1);
      g_autofree char *json = g_strjoinv (previous_id, parts);
      g_autoptr(HkJsonNode) input = parse (json);
      g_autoptr(GVariant) fields = NULL;
      g_autoptr(HkRecord) saved = NULL;
      g_autoptr(HkRecord) loaded = NULL;
      g_autoptr(HkJsonWriter) writer = hk_json_writer_new (FALSE);
      g_autofree char *text = NULL;
      g_autoptr(HkJsonNode) root = NULL;
      g_autoptr(GVariant) again = NULL;
      const char *parent;

      fields = hk_record_fields_from_json (casework[i].kind, input, "$", &error);
      g_assert_no_error (error);
      g_assert_true (hk_record_validate (casework[i].kind, fields, NULL, &error));
      g_assert_no_error (error);

      parent = casework[i].kind == HK_RECORD_KIND_RISK ? enquiry_id : hk_record_get_id (kase);
      saved = hk_vault_save (vault, casework[i].kind, NULL, parent, 0, fields, &error);
      g_assert_no_error (error);
      if (casework[i].kind == HK_RECORD_KIND_ENQUIRY)
        enquiry_id = g_strdup (hk_record_get_id (saved));
      g_free (previous_id);
      previous_id = g_strdup (hk_record_get_id (saved));

      loaded = hk_vault_load (vault, hk_record_get_id (saved), &error);
      g_assert_no_error (error);
      hk_record_write_json (loaded, writer);
      text = hk_json_writer_finish (g_steal_pointer (&writer));
      root = parse (text);
      g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "kind")), ==,
                       hk_record_kind_to_string (casework[i].kind));
      g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "parent_id")), ==, parent);
      /* Written in schema order, with every field given. */
      g_assert_cmpuint (hk_json_node_get_length (hk_json_node_lookup (root, "fields")), ==,
                        hk_json_node_get_length (input));
      again = hk_record_fields_from_json (casework[i].kind, hk_json_node_lookup (root, "fields"),
                                          "$.fields", &error);
      g_assert_no_error (error);
      assert_fields_equal (fields, again);
      assert_fields_equal (hk_record_get_fields (loaded), again);
    }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hk_init ();

  g_test_add_func ("/record-json/person", test_person_from_json);
  g_test_add_func ("/record-json/null-is-absent", test_null_is_absent);
  g_test_add_func ("/record-json/note", test_note_from_json);
  g_test_add_func ("/record-json/enum-list-and-record-id", test_enum_list_and_record_id);
  g_test_add_func ("/record-json/refusals", test_refusals);
  g_test_add_func ("/record-json/validate-is-separate", test_validate_is_separate);
  g_test_add_func ("/record-json/write-exact", test_write_exact);
  g_test_add_func ("/record-json/vault-round-trip", test_vault_round_trip);
  g_test_add_func ("/record-json/casework-round-trip", test_casework_round_trip);

  return g_test_run ();
}
