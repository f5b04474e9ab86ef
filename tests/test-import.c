/* test-import.c: the structured importer, with hostile input
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "hk-test-utils.h"
#include "hk-test-faultvfs.h"

/* ---- Helpers ---- */

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("HEARKEN_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

static char *
read_source_file (const char *relative,
                  gsize      *out_len)
{
  g_autofree char *path = source_path (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Everything a vault holds that an import could change. */
typedef struct
{
  guint records[HK_RECORD_KIND_LAST + 1];
  guint activity;         /* every entry of the activity log */
  guint record_activity;  /* entries about records created or changed */
} VaultCounts;

static void
count_vault (HkVault     *vault,
             VaultCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activity = NULL;

  memset (counts, 0, sizeof *counts);
  for (guint kind = HK_RECORD_KIND_PERSON; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_autoptr(GPtrArray) records = NULL;

      if (kind == HK_RECORD_KIND_DRAFT)
        continue;
      records = hk_vault_list (vault, kind, NULL, NULL, &error);
      g_assert_no_error (error);
      counts->records[kind] = records->len;
    }
  activity = hk_vault_read_activity (vault, &error);
  g_assert_no_error (error);
  counts->activity = activity->len;
  for (guint i = 0; i < activity->len; i++)
    {
      HkActivityEntry *entry = activity->pdata[i];

      counts->record_activity += entry->kind == HK_ACTIVITY_RECORD_CREATED ||
                                 entry->kind == HK_ACTIVITY_RECORD_CHANGED;
    }
}

static void
assert_counts_equal (const VaultCounts *a,
                     const VaultCounts *b)
{
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    g_assert_cmpuint (a->records[kind], ==, b->records[kind]);
  g_assert_cmpuint (a->activity, ==, b->activity);
  g_assert_cmpuint (a->record_activity, ==, b->record_activity);
}

static HkRecord *
find_kind (GPtrArray    *records,
           HkRecordKind  kind,
           const char   *key,
           const char   *value)
{
  for (guint i = 0; i < records->len; i++)
    {
      HkRecord *r = records->pdata[i];

      if (hk_record_get_kind (r) == kind &&
          (key == NULL || g_strcmp0 (hk_record_get_string (r, key), value) == 0))
        return r;
    }
  return NULL;
}

static guint
count_kind (GPtrArray    *records,
            HkRecordKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    n += hk_record_get_kind (records->pdata[i]) == kind;
  return n;
}

/* ---- A realistic file imports and reads back ---- */

static void
test_valid_realistic (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) existing = hk_test_add_case (vault, "Already Here");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_auto(HkImportReport) checked = { 0 };
  g_auto(HkImportReport) report = { 0 };
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  VaultCounts before, after;
  gsize len = 0;
  g_autofree char *data = read_source_file ("fuzz/corpus/fuzz-import/valid-realistic.json", &len);
  HkRecord *r, *conversation, *closing, *capacity, *enquiry;
  static const guint expected[HK_RECORD_KIND_LAST + 1] = {
    [HK_RECORD_KIND_PERSON] = 2, [HK_RECORD_KIND_CASE] = 3, [HK_RECORD_KIND_NOTE] = 3,
    [HK_RECORD_KIND_CONCERN] = 2, [HK_RECORD_KIND_ENQUIRY] = 2, [HK_RECORD_KIND_RISK] = 3,
    [HK_RECORD_KIND_CONVERSATION] = 2, [HK_RECORD_KIND_OUTCOME] = 2, [HK_RECORD_KIND_CAPACITY] = 1,
    [HK_RECORD_KIND_BEST_INTERESTS] = 1, [HK_RECORD_KIND_ADVOCACY] = 1, [HK_RECORD_KIND_ACTION] = 2,
  };
  guint total = 0;

  /* Validation alone counts the same and writes nothing. */
  count_vault (vault, &before);
  g_assert_true (hk_import_validate (data, len, &checked, &error));
  g_assert_no_error (error);
  g_assert_null (checked.case_ids);
  count_vault (vault, &after);
  assert_counts_equal (&before, &after);

  g_assert_true (hk_import_from_json (vault, data, len, &report, &error));
  g_assert_no_error (error);
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_assert_cmpuint (report.counts[kind], ==, expected[kind]);
      g_assert_cmpuint (checked.counts[kind], ==, expected[kind]);
      total += expected[kind];
    }
  g_assert_cmpuint (report.total, ==, total);
  g_assert_cmpuint (checked.total, ==, total);
  g_assert_nonnull (report.case_ids);
  g_assert_cmpuint (report.case_ids->len, ==, 3);

  /* Exactly the file's records were added, each logged. */
  count_vault (vault, &after);
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    g_assert_cmpuint (after.records[kind], ==, before.records[kind] + expected[kind]);
  g_assert_cmpuint (after.activity, ==, before.activity + total);

  /* The first case: every kind, links resolved, labels mapped to codes. */
  g_assert_true (hk_vault_load_case (vault, report.case_ids->pdata[0], &kase, &person, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (person, "name"), ==, "Margaret Ashworth");
  g_assert_cmpstr (hk_record_get_string (person, "nhs_number"), ==, "999 123 4519");
  g_assert_cmpstr (hk_record_get_string (kase, "status"), ==, "closed");
  g_assert_cmpstr (hk_record_get_string (kase, "closed_on"), ==, "2025-04-02");
  g_assert_cmpuint (notes->len, ==, 2);

  records = hk_vault_list_case_records (vault, report.case_ids->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2 + 1 + 1 + 2 + 2 + 2 + 1 + 1 + 1 + 1);

  /* recorded_at is kept, and drives the late-entry mark. */
  r = find_kind (records, HK_RECORD_KIND_NOTE, "kind", "visit");
  g_assert_nonnull (r);
  g_assert_cmpstr (hk_record_get_string (r, "recorded_at"), ==, "2025-01-07T15:10:00+00:00");
  g_assert_false (hk_record_get_boolean (r, "late_entry"));
  {
    g_autofree const char **principles = hk_record_get_strv (r, "principles");

    g_assert_cmpstr (principles[0], ==, "empowerment");
    g_assert_null (principles[1]);
  }
  r = find_kind (records, HK_RECORD_KIND_NOTE, "kind", "phone_call");
  g_assert_cmpstr (hk_record_get_string (r, "recorded_at"), ==, "2025-01-13T11:00:00+00:00");
  g_assert_true (hk_record_get_boolean (r, "late_entry"));

  enquiry = find_kind (records, HK_RECORD_KIND_ENQUIRY, NULL, NULL);
  g_assert_nonnull (enquiry);
  g_assert_cmpstr (hk_record_get_parent_id (enquiry), ==, report.case_ids->pdata[0]);
  r = find_kind (records, HK_RECORD_KIND_RISK, "risk_type", "financial");
  g_assert_nonnull (r);
  g_assert_cmpstr (hk_record_get_parent_id (r), ==, hk_record_get_id (enquiry));
  g_assert_cmpstr (hk_record_get_string (r, "location"), ==, "own_home");
  g_assert_cmpstr (hk_record_get_string (r, "source"), ==, "known");
  g_assert_cmpstr (hk_record_get_string (r, "assessment"), ==, "identified_action");
  g_assert_cmpstr (hk_record_get_string (r, "outcome"), ==, "reduced");
  g_assert_nonnull (find_kind (records, HK_RECORD_KIND_RISK, "risk_type", "psychological"));

  conversation = find_kind (records, HK_RECORD_KIND_CONVERSATION, "phase", "at_concern");
  closing = find_kind (records, HK_RECORD_KIND_CONVERSATION, "phase", "at_closure");
  g_assert_nonnull (conversation);
  g_assert_nonnull (closing);
  g_assert_cmpstr (hk_record_get_string (closing, "asked"), ==, "asked_expressed");
  g_assert_cmpuint (count_kind (records, HK_RECORD_KIND_OUTCOME), ==, 2);
  for (guint i = 0; i < records->len; i++)
    if (hk_record_get_kind (records->pdata[i]) == HK_RECORD_KIND_OUTCOME)
      g_assert_cmpstr (hk_record_get_string (records->pdata[i], "conversation_id"), ==,
                       hk_record_get_id (conversation));
  r = find_kind (records, HK_RECORD_KIND_OUTCOME, "achieved", "partially");
  g_assert_nonnull (r);
  g_assert_cmpstr (hk_record_get_string (r, "words"), ==, "I want my money to be safe.");

  capacity = find_kind (records, HK_RECORD_KIND_CAPACITY, NULL, NULL);
  g_assert_nonnull (capacity);
  g_assert_cmpstr (hk_record_get_string (capacity, "outcome"), ==, "lacks_capacity");
  g_assert_true (hk_record_get_boolean (capacity, "relates_to_enquiry"));
  r = find_kind (records, HK_RECORD_KIND_BEST_INTERESTS, NULL, NULL);
  g_assert_cmpstr (hk_record_get_string (r, "assessment_id"), ==, hk_record_get_id (capacity));
  r = find_kind (records, HK_RECORD_KIND_ADVOCACY, NULL, NULL);
  g_assert_cmpstr (hk_record_get_string (r, "status"), ==, "ended");
  r = find_kind (records, HK_RECORD_KIND_ACTION, NULL, NULL);
  {
    g_autofree const char **principles = hk_record_get_strv (r, "principles");

    g_assert_cmpstr (principles[0], ==, "protection");
    g_assert_cmpstr (principles[1], ==, "partnership");
  }
  g_assert_nonnull (find_kind (records, HK_RECORD_KIND_CONCERN, "decision", "s42_enquiry"));

  /* The second person's first case: local wording mapped. */
  second = hk_vault_list_case_records (vault, report.case_ids->pdata[1], &error);
  g_assert_no_error (error);
  r = find_kind (second, HK_RECORD_KIND_RISK, NULL, NULL);
  g_assert_cmpstr (hk_record_get_string (r, "risk_type"), ==, "self_neglect");
  g_assert_cmpstr (hk_record_get_string (r, "location"), ==, "own_home");
  g_assert_cmpstr (hk_record_get_string (r, "source"), ==, "known");
  g_assert_false (hk_record_has_field (r, "assessment"));

  /* Both the imported people's cases are there; the earlier case is untouched. */
  {
    g_autoptr(GPtrArray) cases = hk_vault_list_cases (vault, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 4);
  }

  /* The whole vault still checks out. */
  {
    g_autoptr(HkCheckReport) check = hk_vault_check (vault, &error);

    g_assert_no_error (error);
    g_assert_true (hk_check_report_is_ok (check));
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* ---- Hostile and malformed input ---- */

#define DOC(people) "{\"format\":\"hearken-import\",\"version\":1,\"people\":" people "}"
#define PERSON_F "{\"name\":\"Ann Example\"}"
#define PEOPLE(cases) "[{\"fields\":" PERSON_F ",\"cases\":" cases "}]"
#define CASE_F "{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}"
/* A document with one person and one open case; @extra adds members to the case. */
#define IN_CASE(extra) DOC (PEOPLE ("[{\"fields\":" CASE_F extra "}]"))
#define NOTE_F "{\"kind\":\"visit\",\"occurred_at\":\"2025-01-02T10:00:00+00:00\",\"text\":\"Visited.\"}"
#define ENQ_F "{\"enquiry_type\":\"s42\",\"started_on\":\"2025-01-02\",\"lead_agency\":\"Council\"}"
#define RISK_F "{\"risk_type\":\"financial\",\"location\":\"own_home\",\"source\":\"known\"}"
#define CONV_F "{\"held_on\":\"2025-01-02\",\"phase\":\"at_concern\",\"participants\":[\"adult\"],\"asked\":\"asked_expressed\"}"
#define OUT_F "{\"words\":\"To feel safe.\",\"expressed_on\":\"2025-01-02\"}"
#define CAP_F(outcome, impairment) \
  "{\"decision\":\"Where to live\",\"assessed_on\":\"2025-01-03\",\"relevant_information\":\"Options.\"," \
  "\"practicable_steps\":\"Quiet room.\",\"impairment\":\"" impairment "\",\"understand\":\"unable\"," \
  "\"understand_evidence\":\"e\",\"retain\":\"able\",\"retain_evidence\":\"e\",\"use_weigh\":\"able\"," \
  "\"use_weigh_evidence\":\"e\",\"communicate\":\"able\",\"communicate_evidence\":\"e\"," \
  "\"outcome\":\"" outcome "\",\"assessor\":\"A. Worker\"}"

typedef struct
{
  const char *name;
  const char *json;
  const char *message;   /* the start of the error message */
} Hostile;

static const Hostile hostile[] = {
  /* Not a document at all */
  { "empty", "", "$" },
  { "whitespace", "   \n", "$" },
  { "not-json", "hearken", "$" },
  { "trailing-garbage", DOC ("[]") " x", "$" },
  { "two-documents", DOC ("[]") DOC ("[]"), "$" },
  { "array-root", "[]", "$: expected an object, found an array" },
  { "string-root", "\"hearken-import\"", "$: expected an object, found a string" },
  /* Wrong format or version */
  { "format-missing", "{\"version\":1,\"people\":[]}", "$: the key “format” is missing." },
  { "format-wrong", "{\"format\":\"csv\",\"version\":1,\"people\":[]}", "$.format: must be “hearken-import”" },
  { "format-type", "{\"format\":1,\"version\":1,\"people\":[]}", "$.format: must be “hearken-import”" },
  { "format-case", "{\"format\":\"Hearken-Import\",\"version\":1,\"people\":[]}", "$.format: must be" },
  { "version-missing", "{\"format\":\"hearken-import\",\"people\":[]}", "$: the key “version” is missing." },
  { "version-newer", "{\"format\":\"hearken-import\",\"version\":2,\"people\":[]}",
    "$.version: this file uses version 2 of the format" },
  { "version-zero", "{\"format\":\"hearken-import\",\"version\":0,\"people\":[]}", "$.version: must be the format version, 1." },
  { "version-string", "{\"format\":\"hearken-import\",\"version\":\"1\",\"people\":[]}", "$.version: must be the format version, 1." },
  { "version-fraction", "{\"format\":\"hearken-import\",\"version\":1.5,\"people\":[]}", "$.version: must be the format version, 1." },
  { "version-huge", "{\"format\":\"hearken-import\",\"version\":1e300,\"people\":[]}", "$.version" },
  /* Unknown keys at every level */
  { "unknown-top", "{\"format\":\"hearken-import\",\"version\":1,\"people\":[],\"source\":\"x\"}",
    "$.source: unknown key; the keys allowed here are format, version, people." },
  { "unknown-person", DOC ("[{\"fields\":" PERSON_F ",\"cases\":[{\"fields\":" CASE_F "}],\"id\":\"7\"}]"),
    "$.people[0].id: unknown key; the keys allowed here are fields, cases." },
  { "unknown-person-field", DOC ("[{\"fields\":{\"name\":\"A\",\"shoe_size\":\"7\"},\"cases\":[]}]"),
    "$.people[0].fields.shoe_size: not a field of a person" },
  { "unknown-case", IN_CASE (",\"documents\":[]"), "$.people[0].cases[0].documents: unknown key" },
  { "unknown-case-field", DOC (PEOPLE ("[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2025-01-01\",\"name\":\"x\"}}]")),
    "$.people[0].cases[0].fields.name: not a field of a case" },
  { "risks-on-case", IN_CASE (",\"risks\":[]"), "$.people[0].cases[0].risks: risks belong to their enquiry" },
  { "unknown-note", IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"ref\":\"n1\"}]"),
    "$.people[0].cases[0].notes[0].ref: unknown key" },
  { "unknown-enquiry", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"outcome\":\"x\"}]"),
    "$.people[0].cases[0].enquiries[0].outcome: unknown key" },
  { "unknown-risk", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":[{\"fields\":" RISK_F ",\"ref\":\"r\"}]}]"),
    "$.people[0].cases[0].enquiries[0].risks[0].ref: unknown key" },
  { "unknown-risk-field", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":[{\"fields\":{\"perpetrator\":\"x\"}}]}]"),
    "$.people[0].cases[0].enquiries[0].risks[0].fields.perpetrator: not a field of a risk" },
  { "unknown-quoted-key", IN_CASE (",\"two words\":1"), "$.people[0].cases[0][\"two words\"]: unknown key" },
  { "ref-on-concern", IN_CASE (",\"concerns\":[{\"ref\":\"c\",\"fields\":{}}]"),
    "$.people[0].cases[0].concerns[0].ref: unknown key" },
  /* Wrong types and shapes */
  { "people-object", "{\"format\":\"hearken-import\",\"version\":1,\"people\":{}}",
    "$.people: expected an array, found an object" },
  { "people-missing", "{\"format\":\"hearken-import\",\"version\":1}", "$: the key “people” is missing." },
  { "person-string", DOC ("[\"Ann\"]"), "$.people[0]: expected an object, found a string" },
  { "person-fields-missing", DOC ("[{\"cases\":[]}]"), "$.people[0]: the key “fields” is missing." },
  { "person-fields-array", DOC ("[{\"fields\":[],\"cases\":[]}]"), "$.people[0].fields: expected an object, found an array" },
  { "person-name-number", DOC ("[{\"fields\":{\"name\":5},\"cases\":[]}]"),
    "$.people[0].fields.name: expected a string, found a number" },
  { "cases-missing", DOC ("[{\"fields\":" PERSON_F "}]"), "$.people[0]: the key “cases” is missing." },
  { "cases-empty", DOC ("[{\"fields\":" PERSON_F ",\"cases\":[]}]"), "$.people[0].cases: a person needs at least one case." },
  { "cases-null", DOC ("[{\"fields\":" PERSON_F ",\"cases\":null}]"), "$.people[0].cases: expected an array, found null" },
  { "case-number", DOC (PEOPLE ("[1]")), "$.people[0].cases[0]: expected an object, found a number" },
  { "notes-object", IN_CASE (",\"notes\":{}"), "$.people[0].cases[0].notes: expected an array, found an object" },
  { "note-null", IN_CASE (",\"notes\":[null]"), "$.people[0].cases[0].notes[0]: expected an object, found null" },
  { "risks-string", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":\"none\"}]"),
    "$.people[0].cases[0].enquiries[0].risks: expected an array, found a string" },
  { "note-kind-number", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":5}}]"),
    "$.people[0].cases[0].notes[0].fields.kind: expected a string, found a number" },
  { "participants-string", IN_CASE (",\"conversations\":[{\"fields\":{\"participants\":\"adult\"}}]"),
    "$.people[0].cases[0].conversations[0].fields.participants: expected an array of strings, found a string" },
  { "large-scale-string", IN_CASE (",\"enquiries\":[{\"fields\":{\"large_scale\":\"yes\"}}]"),
    "$.people[0].cases[0].enquiries[0].fields.large_scale: expected true or false, found a string" },
  /* Invalid field values, named by path */
  { "nhs-check-digit", DOC ("[{\"fields\":{\"name\":\"A\",\"nhs_number\":\"943 476 5918\"},\"cases\":[]}]"),
    "$.people[0].fields.nhs_number: NHS number: is not a valid NHS number" },
  { "name-missing", DOC ("[{\"fields\":{\"preferred_name\":\"A\"},\"cases\":[]}]"), "$.people[0].fields.name: Name: is required." },
  { "name-two-lines", DOC ("[{\"fields\":{\"name\":\"A\\nB\"},\"cases\":[]}]"), "$.people[0].fields.name: Name: must be a single line." },
  { "control-character", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":\"visit\",\"occurred_at\":\"2025-01-02T10:00:00+00:00\",\"text\":\"a\\u0007b\"}}]"),
    "$.people[0].cases[0].notes[0].fields.text: Note: contains control characters." },
  { "future-date", DOC (PEOPLE ("[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2999-01-01\"}}]")),
    "$.people[0].cases[0].fields.opened_on: Opened on: cannot be in the future." },
  { "impossible-date", IN_CASE (",\"actions\":[{\"fields\":{\"description\":\"x\",\"due_on\":\"2025-02-30\"}}]"),
    "$.people[0].cases[0].actions[0].fields.due_on: Due date: must be a real date." },
  { "enum-unknown", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":\"letter\",\"occurred_at\":\"2025-01-02T10:00:00+00:00\",\"text\":\"x\"}}]"),
    "$.people[0].cases[0].notes[0].fields.kind: Kind of note: is not one of the allowed choices." },
  { "enum-label-not-sac", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":\"Visit\",\"occurred_at\":\"2025-01-02T10:00:00+00:00\",\"text\":\"x\"}}]"),
    "$.people[0].cases[0].notes[0].fields.kind: Kind of note: is not one of the allowed choices." },
  { "sac-wording-unknown", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":[{\"fields\":{\"risk_type\":\"Financial abuse by nephew\",\"location\":\"own_home\",\"source\":\"known\"}}]}]"),
    "$.people[0].cases[0].enquiries[0].risks[0].fields.risk_type: Type of risk: is not one of the allowed choices." },
  { "principle-twice", IN_CASE (",\"actions\":[{\"fields\":{\"description\":\"x\",\"principles\":[\"prevention\",\"prevention\"]}}]"),
    "$.people[0].cases[0].actions[0].fields.principles: Safeguarding principles: lists the same choice twice." },
  { "participant-unknown", IN_CASE (",\"conversations\":[{\"fields\":{\"held_on\":\"2025-01-02\",\"phase\":\"at_concern\",\"participants\":[\"cat\"],\"asked\":\"not_asked\"}}]"),
    "$.people[0].cases[0].conversations[0].fields.participants: Who took part: contains a choice that is not allowed." },
  { "case-closed-no-date", DOC (PEOPLE ("[{\"fields\":{\"status\":\"closed\",\"opened_on\":\"2025-01-01\"}}]")),
    "$.people[0].cases[0].fields.closed_on: Closed on: is needed when the case is closed." },
  /* Automatic fields */
  { "recorded-at-in-fields", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":\"visit\",\"recorded_at\":\"2025-01-02T10:00:00+00:00\"}}]"),
    "$.people[0].cases[0].notes[0].fields.recorded_at: give “recorded_at” on the note itself" },
  { "late-entry-in-fields", IN_CASE (",\"notes\":[{\"fields\":{\"kind\":\"visit\",\"late_entry\":true}}]"),
    "$.people[0].cases[0].notes[0].fields.late_entry: set automatically; remove it" },
  { "recorded-at-before", IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"recorded_at\":\"2025-01-02T09:00:00+00:00\"}]"),
    "$.people[0].cases[0].notes[0].recorded_at: cannot be before the note’s “occurred_at”" },
  { "recorded-at-future", IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"recorded_at\":\"2999-01-02T09:00:00+00:00\"}]"),
    "$.people[0].cases[0].notes[0].recorded_at: cannot be in the future." },
  { "recorded-at-garbage", IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"recorded_at\":\"yesterday\"}]"),
    "$.people[0].cases[0].notes[0].recorded_at: must be a real date and time" },
  { "recorded-at-number", IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"recorded_at\":1736000000}]"),
    "$.people[0].cases[0].notes[0].recorded_at: expected a string, found a number" },
  /* Conditional rules */
  { "s42-criterion-not-met", IN_CASE (",\"concerns\":[{\"fields\":{\"received_on\":\"2025-01-01\",\"raised_by_role\":\"GP\","
                                      "\"reported\":\"x\",\"criterion_needs\":\"yes\",\"criterion_needs_reason\":\"x\","
                                      "\"criterion_abuse\":\"yes\",\"criterion_abuse_reason\":\"x\",\"criterion_protect\":\"no\","
                                      "\"criterion_protect_reason\":\"x\",\"decision\":\"s42_enquiry\",\"decision_on\":\"2025-01-02\"}}]"),
    "$.people[0].cases[0].concerns[0].fields.criterion_protect: Unable to protect themselves because of those needs: must be “Yes” for a Section 42 enquiry" },
  { "no-enquiry-no-response", IN_CASE (",\"concerns\":[{\"fields\":{\"received_on\":\"2025-01-01\",\"raised_by_role\":\"GP\","
                                       "\"reported\":\"x\",\"criterion_needs\":\"yes\",\"criterion_needs_reason\":\"x\","
                                       "\"criterion_abuse\":\"no\",\"criterion_abuse_reason\":\"x\",\"criterion_protect\":\"no\","
                                       "\"criterion_protect_reason\":\"x\",\"decision\":\"no_enquiry\",\"decision_on\":\"2025-01-02\"}}]"),
    "$.people[0].cases[0].concerns[0].fields.response: Response instead of an enquiry: is needed when there is no enquiry" },
  { "enquiry-concluded-early", IN_CASE (",\"enquiries\":[{\"fields\":{\"enquiry_type\":\"s42\",\"started_on\":\"2025-01-05\",\"concluded_on\":\"2025-01-04\",\"lead_agency\":\"C\"}}]"),
    "$.people[0].cases[0].enquiries[0].fields.concluded_on: Conclusion date: cannot be before the enquiry started." },
  { "risk-outcome-without-risk", IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":[{\"fields\":" RISK_F "},{\"fields\":"
                                          "{\"risk_type\":\"neglect\",\"location\":\"own_home\",\"source\":\"known\","
                                          "\"assessment\":\"none_no_action\",\"outcome\":\"removed\"}}]}]"),
    "$.people[0].cases[0].enquiries[0].risks[1].fields.outcome: Risk outcome: can only be recorded after a “Risk identified” assessment outcome." },
  { "feedback-at-concern", IN_CASE (",\"conversations\":[{\"fields\":{\"held_on\":\"2025-01-02\",\"phase\":\"at_concern\","
                                    "\"participants\":[\"adult\"],\"asked\":\"asked_expressed\",\"feels_safer\":\"yes\"}}]"),
    "$.people[0].cases[0].conversations[0].fields.feels_safer: Do they feel safer?: is closure feedback" },
  { "rated-without-view", IN_CASE (",\"outcomes\":[{\"fields\":{\"words\":\"x\",\"expressed_on\":\"2025-01-02\","
                                   "\"achieved\":\"fully\",\"rated_on\":\"2025-01-03\"}}]"),
    "$.people[0].cases[0].outcomes[0].fields.person_view: The person’s own view: is needed with the rating" },
  { "lacks-without-impairment", IN_CASE (",\"capacity_assessments\":[{\"fields\":" CAP_F ("lacks_capacity", "no") "}]"),
    "$.people[0].cases[0].capacity_assessments[0].fields.outcome: Outcome: cannot be “lacks capacity” without an impairment" },
  { "attorney-without-name", IN_CASE (",\"best_interests\":[{\"fields\":{\"decision\":\"x\",\"decided_on\":\"2025-01-02\","
                                      "\"decision_maker\":\"y\",\"attorney_deputy\":\"deputy\",\"wishes_feelings\":\"w\","
                                      "\"regain_capacity\":\"no\",\"options\":\"o\",\"less_restrictive\":\"l\","
                                      "\"outcome_decision\":\"d\",\"reasons\":\"r\"}}]"),
    "$.people[0].cases[0].best_interests[0].fields.attorney_deputy_name: Attorney or deputy’s name: is needed" },
  { "s68-without-difficulty", IN_CASE (",\"advocacy_referrals\":[{\"fields\":{\"basis\":\"care_act_s68\",\"status\":\"referred\","
                                       "\"considered_on\":\"2025-01-02\",\"referred_on\":\"2025-01-02\"}}]"),
    "$.people[0].cases[0].advocacy_referrals[0].fields.difficulty_understanding: " },
  /* Refs and links */
  { "link-as-id", IN_CASE (",\"outcomes\":[{\"fields\":{\"words\":\"x\",\"expressed_on\":\"2025-01-02\","
                           "\"conversation_id\":\"0123456789abcdef0123456789abcdef\"}}]"),
    "$.people[0].cases[0].outcomes[0].fields.conversation_id: links between records are given with “conversation_ref”" },
  { "assessment-as-id", IN_CASE (",\"best_interests\":[{\"fields\":{\"assessment_id\":\"0123456789abcdef0123456789abcdef\"}}]"),
    "$.people[0].cases[0].best_interests[0].fields.assessment_id: links between records are given with “assessment_ref”" },
  { "ref-broken", IN_CASE (",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "}],"
                           "\"outcomes\":[{\"conversation_ref\":\"c2\",\"fields\":" OUT_F "}]"),
    "$.people[0].cases[0].outcomes[0].conversation_ref: no record in this case has this ref" },
  { "ref-wrong-kind", IN_CASE (",\"capacity_assessments\":[{\"ref\":\"a1\",\"fields\":" CAP_F ("has_capacity", "no") "}],"
                               "\"outcomes\":[{\"conversation_ref\":\"a1\",\"fields\":" OUT_F "}]"),
    "$.people[0].cases[0].outcomes[0].conversation_ref: this ref names a capacity, not a conversation." },
  { "ref-duplicate", IN_CASE (",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "},{\"ref\":\"c1\",\"fields\":" CONV_F "}]"),
    "$.people[0].cases[0].conversations[1].ref: another record in this case already has this ref." },
  { "ref-duplicate-across-kinds", IN_CASE (",\"conversations\":[{\"ref\":\"x\",\"fields\":" CONV_F "}],"
                                           "\"capacity_assessments\":[{\"ref\":\"x\",\"fields\":" CAP_F ("has_capacity", "no") "}]"),
    "$.people[0].cases[0].capacity_assessments[0].ref: another record in this case already has this ref." },
  { "ref-other-case", DOC (PEOPLE ("[{\"fields\":" CASE_F ",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "}]},"
                                   "{\"fields\":" CASE_F ",\"outcomes\":[{\"conversation_ref\":\"c1\",\"fields\":" OUT_F "}]}]")),
    "$.people[0].cases[1].outcomes[0].conversation_ref: no record in this case has this ref" },
  { "ref-empty", IN_CASE (",\"conversations\":[{\"ref\":\"\",\"fields\":" CONV_F "}]"),
    "$.people[0].cases[0].conversations[0].ref: must be between 1 and 200 characters long." },
  { "ref-number", IN_CASE (",\"conversations\":[{\"ref\":1,\"fields\":" CONV_F "}]"),
    "$.people[0].cases[0].conversations[0].ref: expected a string, found a number" },
  { "link-number", IN_CASE (",\"outcomes\":[{\"conversation_ref\":[1],\"fields\":" OUT_F "}]"),
    "$.people[0].cases[0].outcomes[0].conversation_ref: expected a string, found an array" },
  /* Encoding and parser limits */
  { "invalid-utf8", DOC ("[{\"fields\":{\"name\":\"Ann \xC3\x28\"},\"cases\":[]}]"), "$.people[0].fields.name" },
  { "overlong-utf8", DOC ("[{\"fields\":{\"name\":\"\xC0\xAF\"},\"cases\":[]}]"), "$.people[0].fields.name" },
  { "nul-escaped", DOC ("[{\"fields\":{\"name\":\"Ann\\u0000\"},\"cases\":[]}]"), "$.people[0].fields.name" },
  { "lone-surrogate", DOC ("[{\"fields\":{\"name\":\"Ann\\ud800\"},\"cases\":[]}]"), "$.people[0].fields.name" },
  { "duplicate-key", DOC ("[{\"fields\":{\"name\":\"Ann\",\"name\":\"Bea\"},\"cases\":[]}]"), "$.people[0].fields" },
  { "duplicate-top-key", "{\"format\":\"hearken-import\",\"format\":\"hearken-import\",\"version\":1,\"people\":[]}", "$" },
  { "deep-nesting", IN_CASE (",\"notes\":[{\"fields\":{\"present\":[[[[[[[[[[[[[[[[[[[[\"x\"]]]]]]]]]]]]]]]]]]]}}]"),
    "$.people[0].cases[0].notes[0].fields.present" },
};

/* Runs one hostile document through validation and a real import. */
static void
assert_refused (HkVault    *vault,
                const char *name,
                const char *data,
                gsize       len,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_auto(HkImportReport) report = { 0 };
  VaultCounts before, after;

  g_assert_false (hk_import_validate (data, len, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_test_message ("hostile input %s: %s", name, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (!g_str_has_prefix (error->message, message))
    g_error ("%s: expected a message starting with “%s”, got “%s”", name, message, error->message);
  g_clear_error (&error);

  count_vault (vault, &before);
  g_assert_false (hk_import_from_json (vault, data, len, &report, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, message));
  g_assert_cmpuint (report.total, ==, 0);
  g_assert_null (report.case_ids);
  count_vault (vault, &after);
  assert_counts_equal (&before, &after);
}

static void
test_hostile (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) existing = hk_test_add_case (vault, "Already Here");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    assert_refused (vault, hostile[i].name, hostile[i].json, strlen (hostile[i].json), hostile[i].message);

  /* A raw NUL inside a string, and one after the document. */
  {
    static const char nul_inside[] = DOC ("[{\"fields\":{\"name\":\"Ann\0x\"},\"cases\":[]}]");
    static const char nul_after[] = DOC ("[]") "\0";

    assert_refused (vault, "nul-raw", nul_inside, sizeof nul_inside - 1, "$.people[0].fields.name");
    assert_refused (vault, "nul-after", nul_after, sizeof nul_after - 1, "$");
  }

  /* The valid documents the table is made of do import, so each refusal
   * above is about its one flaw. */
  {
    static const char *valid[] = {
      IN_CASE (""),
      IN_CASE (",\"notes\":[{\"fields\":" NOTE_F ",\"recorded_at\":\"2025-01-02T10:00:00+00:00\"}]"),
      IN_CASE (",\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":[{\"fields\":" RISK_F "}]}]"),
      IN_CASE (",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "}],"
               "\"outcomes\":[{\"conversation_ref\":\"c1\",\"fields\":" OUT_F "}],"
               "\"capacity_assessments\":[{\"ref\":\"a1\",\"fields\":" CAP_F ("has_capacity", "no") "}]"),
      DOC ("[]"),
      DOC (PEOPLE ("[{\"fields\":" CASE_F ",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "}]},"
                   "{\"fields\":" CASE_F ",\"conversations\":[{\"ref\":\"c1\",\"fields\":" CONV_F "}],"
                   "\"outcomes\":[{\"conversation_ref\":\"c1\",\"fields\":" OUT_F "}]}]")),
      /* null means absent, for members and fields alike */
      IN_CASE (",\"notes\":null,\"concerns\":[],\"enquiries\":[{\"fields\":" ENQ_F ",\"risks\":null}],"
               "\"conversations\":[{\"ref\":null,\"fields\":" CONV_F "}]"),
    };

    for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
      {
        g_autoptr(GError) error = NULL;
        g_auto(HkImportReport) report = { 0 };

        g_assert_true (hk_import_from_json (vault, valid[i], strlen (valid[i]), &report, &error));
        g_assert_no_error (error);
      }
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* Too many records, too large a file, too long a field. */
static void
test_oversized (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) existing = hk_test_add_case (vault, "Already Here");

  /* One array longer than the record limit is refused by the parser. */
  {
    GString *doc = g_string_new ("{\"format\":\"hearken-import\",\"version\":1,\"people\":[");

    for (guint i = 0; i <= HK_IMPORT_MAX_RECORDS; i++)
      g_string_append (doc, i ? ",{}" : "{}");
    g_string_append (doc, "]}");
    assert_refused (vault, "people-array-too-long", doc->str, doc->len, "$.people");
    g_string_free (doc, TRUE);
  }

  /* Records counted over the whole file: 1 person + 1 case + notes. */
  {
    GString *doc = g_string_new (NULL);
    g_autofree char *expected = NULL;
    guint n_notes = HK_IMPORT_MAX_RECORDS - 1;

    g_string_append (doc, "{\"format\":\"hearken-import\",\"version\":1,\"people\":[{\"fields\":{\"name\":\"A\"},"
                          "\"cases\":[{\"fields\":" CASE_F ",\"notes\":[");
    for (guint i = 0; i < n_notes; i++)
      g_string_append (doc, i ? ",{\"fields\":" NOTE_F "}" : "{\"fields\":" NOTE_F "}");
    g_string_append (doc, "]}]}]}");
    expected = g_strdup_printf ("$.people[0].cases[0].notes[%u]: the file holds more than %u records",
                                n_notes - 1, (guint) HK_IMPORT_MAX_RECORDS);
    assert_refused (vault, "too-many-records", doc->str, doc->len, expected);

    /* One note fewer is within the limit. */
    {
      g_autoptr(GError) error = NULL;
      g_auto(HkImportReport) report = { 0 };
      char *last = strrchr (doc->str, '{');

      /* Drop the last note: ",{"fields":{…}}" */
      while (last > doc->str && *last != ',')
        last--;
      g_string_truncate (doc, last - doc->str);
      g_string_append (doc, "]}]}]}");
      g_assert_true (hk_import_validate (doc->str, doc->len, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.total, ==, HK_IMPORT_MAX_RECORDS);
      g_assert_cmpuint (report.counts[HK_RECORD_KIND_NOTE], ==, HK_IMPORT_MAX_RECORDS - 2);
    }
    g_string_free (doc, TRUE);
  }

  /* A file over the size limit is refused before parsing. */
  {
    gsize len = HK_IMPORT_MAX_BYTES + 1;
    g_autofree char *big = g_malloc (len);

    memset (big, ' ', len);
    assert_refused (vault, "file-too-large", big, len, "$: the file is larger than the limit of 64 MiB");
  }

  /* A field over its length limit. */
  {
    g_autoptr(GString) doc = g_string_new ("{\"format\":\"hearken-import\",\"version\":1,\"people\":[{\"fields\":{\"name\":\"");

    for (guint i = 0; i < 201; i++)
      g_string_append (doc, "é");
    g_string_append (doc, "\"},\"cases\":[{\"fields\":" CASE_F "}]}]}");
    assert_refused (vault, "name-too-long", doc->str, doc->len,
                    "$.people[0].fields.name: Name: is too long (at most 200 characters).");
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(GError) error = NULL;
  static const char doc[] = IN_CASE ("");

  hk_vault_lock (vault);
  g_assert_false (hk_import_from_json (vault, doc, strlen (doc), NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_LOCKED);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* A disk that fills up while the batch is written: nothing stays behind,
 * in this session or on disk. */
static void
test_write_failure_rolls_back (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vault.hearken", NULL);
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) existing = hk_test_add_case (vault, "Already Here");
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = read_source_file ("fuzz/corpus/fuzz-import/valid-realistic.json", &len);
  VaultCounts before, after;

  count_vault (vault, &before);
  hk_test_fault_arm (0, ENOSPC, HK_TEST_FAULT_PERSISTENT);
  g_assert_false (hk_import_from_json (vault, data, len, NULL, &error));
  g_assert_true (hk_test_fault_fired ());
  hk_test_fault_disarm ();
  g_assert_error (error, HK_ERROR, HK_ERROR_NO_SPACE);
  g_clear_error (&error);

  count_vault (vault, &after);
  assert_counts_equal (&before, &after);

  g_clear_object (&vault);
  vault = hk_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hk_vault_unlock (vault, passphrase, NULL, &error));
  g_assert_no_error (error);
  count_vault (vault, &after);
  /* Locking and unlocking are logged; nothing else is new. */
  for (guint kind = 0; kind <= HK_RECORD_KIND_LAST; kind++)
    g_assert_cmpuint (after.records[kind], ==, before.records[kind]);
  g_assert_cmpuint (after.record_activity, ==, before.record_activity);

  /* With space again, the same file goes in. */
  g_assert_true (hk_import_from_json (vault, data, len, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* One person, one NHS number: twice in a file, or a person already in the
 * vault (the same file imported again), is refused and nothing is added. */
static void
test_duplicate_people (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = read_source_file ("fuzz/corpus/fuzz-import/valid-realistic.json", &len);
  static const char twice[] = DOC (
    "[{\"fields\":{\"name\":\"A\",\"nhs_number\":\"9991234519\"},\"cases\":[{\"fields\":"
    "{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]},"
    "{\"fields\":{\"name\":\"B\",\"nhs_number\":\"999-123-4519\"},\"cases\":[{\"fields\":"
    "{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]}]");
  VaultCounts before, after;

  /* Spaces and dashes do not make a different number. */
  g_assert_false (hk_import_validate (twice, strlen (twice), NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.people[1].fields.nhs_number: the same NHS number as the person at $.people[0]. "
                   "Put all of one person’s cases under one entry.");
  g_clear_error (&error);

  g_assert_true (hk_import_from_json (vault, data, len, NULL, &error));
  g_assert_no_error (error);
  count_vault (vault, &before);
  /* The file checks out on its own… */
  g_assert_true (hk_import_validate (data, len, NULL, &error));
  /* …but its people are in the vault now. */
  g_assert_false (hk_import_from_json (vault, data, len, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "$.people[0].fields.nhs_number: a person with this NHS number is already in the vault (person "));
  count_vault (vault, &after);
  assert_counts_equal (&before, &after);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* The same name and date of birth is reported, not refused: two people can
 * share both. Two different NHS numbers are two people. */
static void
test_similar_people (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) plain = NULL;
  g_autoptr(HkRecord) numbered = NULL;
  g_auto(HkImportReport) report = { 0 };
  static const char doc[] = DOC (
    /* 0: like the person without a number, spelt differently */
    "[{\"fields\":{\"name\":\"  margaret   ASHWORTH \",\"date_of_birth\":\"1938-04-11\"},"
    "\"cases\":[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]},"
    /* 1: like the numbered person, with no number of its own */
    "{\"fields\":{\"name\":\"Peter Lowe\",\"date_of_birth\":\"1950-02-02\"},"
    "\"cases\":[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]},"
    /* 2: like the numbered person, but another number: someone else */
    "{\"fields\":{\"name\":\"Peter Lowe\",\"date_of_birth\":\"1950-02-02\",\"nhs_number\":\"9434765919\"},"
    "\"cases\":[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]},"
    /* 3: same name, another birthday */
    "{\"fields\":{\"name\":\"Margaret Ashworth\",\"date_of_birth\":\"1938-04-12\"},"
    "\"cases\":[{\"fields\":{\"status\":\"open\",\"opened_on\":\"2025-01-01\"}}]}]");

  plain = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0,
                         hk_test_fields ("name", "Margaret Ashworth", "date_of_birth", "1938-04-11", NULL), &error);
  g_assert_no_error (error);
  numbered = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0,
                            hk_test_fields ("name", "Peter Lowe", "date_of_birth", "1950-02-02",
                                            "nhs_number", "999 123 4519", NULL), &error);
  g_assert_no_error (error);

  g_assert_true (hk_import_from_json (vault, doc, strlen (doc), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[HK_RECORD_KIND_PERSON], ==, 4);
  g_assert_nonnull (report.similar_paths);
  g_assert_cmpuint (report.similar_paths->len, ==, 2);
  g_assert_cmpstr (report.similar_paths->pdata[0], ==, "$.people[0]");
  g_assert_cmpstr (report.similar_ids->pdata[0], ==, hk_record_get_id (plain));
  g_assert_cmpstr (report.similar_paths->pdata[1], ==, "$.people[1]");
  g_assert_cmpstr (report.similar_ids->pdata[1], ==, hk_record_get_id (numbered));

  /* Without a vault there is nobody to be like. */
  hk_import_report_clear (&report);
  g_assert_true (hk_import_validate (doc, strlen (doc), &report, &error));
  g_assert_null (report.similar_paths);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* The app's way in: a file, read and imported on the vault's worker. */
typedef struct
{
  gboolean        done;
  gboolean        ok;
  HkImportReport  report;
  GError         *error;
} FileImport;

static void
file_imported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FileImport *fi = user_data;

  fi->ok = hk_import_file_finish (HK_VAULT (source), result, &fi->report, &fi->error);
  fi->done = TRUE;
}

static void
run_file_import (HkVault    *vault,
                 GFile      *file,
                 gboolean    check_only,
                 FileImport *fi)
{
  hk_import_report_clear (&fi->report);
  g_clear_error (&fi->error);
  fi->done = FALSE;
  hk_import_file_async (vault, file, check_only, NULL, file_imported_cb, fi);
  while (!fi->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_file_async (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autofree char *source = g_build_filename (g_getenv ("HEARKEN_SOURCE_ROOT"),
                                              "fuzz/corpus/fuzz-import/valid-realistic.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autofree char *big_path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "nothing.json", NULL);
  FileImport fi = { 0 };
  VaultCounts before, after;
  int fd;

  /* Checking writes nothing, but counts what would go in. */
  count_vault (vault, &before);
  run_file_import (vault, file, TRUE, &fi);
  g_assert_no_error (fi.error);
  g_assert_true (fi.ok);
  g_assert_cmpuint (fi.report.total, ==, 24);
  g_assert_cmpuint (fi.report.counts[HK_RECORD_KIND_CASE], ==, 3);
  g_assert_null (fi.report.case_ids);
  count_vault (vault, &after);
  assert_counts_equal (&before, &after);

  run_file_import (vault, file, FALSE, &fi);
  g_assert_no_error (fi.error);
  g_assert_cmpuint (fi.report.case_ids->len, ==, 3);
  count_vault (vault, &after);
  g_assert_cmpuint (after.records[HK_RECORD_KIND_CASE], ==, before.records[HK_RECORD_KIND_CASE] + 3);

  /* A check now sees the people already there. */
  run_file_import (vault, file, TRUE, &fi);
  g_assert_false (fi.ok);
  g_assert_error (fi.error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_nonnull (strstr (fi.error->message, "already in the vault"));

  /* Too large is refused without reading it (a sparse file: no disk used). */
  fd = g_open (big_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) HK_IMPORT_MAX_BYTES + 1), ==, 0);
  g_close (fd, NULL);
  run_file_import (vault, big, TRUE, &fi);
  g_assert_error (fi.error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_nonnull (strstr (fi.error->message, "larger than the limit"));

  run_file_import (vault, missing, FALSE, &fi);
  g_assert_error (fi.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Locked: refused, nothing read. */
  hk_vault_lock (vault);
  run_file_import (vault, file, FALSE, &fi);
  g_assert_error (fi.error, HK_ERROR, HK_ERROR_LOCKED);

  hk_import_report_clear (&fi.report);
  g_clear_error (&fi.error);
  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

/* ---- Encryption at rest for every new kind ---- */

#define MARK(n) "QZVIMPORTMARK" #n

static const char at_rest_doc[] = DOC (
  "[{\"fields\":{\"name\":\"" MARK (1) "\",\"address\":\"" MARK (2) "\"},\"cases\":[{\"fields\":"
  "{\"status\":\"open\",\"opened_on\":\"2019-03-14\",\"summary\":\"" MARK (3) "\"},"
  "\"notes\":[{\"fields\":{\"kind\":\"visit\",\"occurred_at\":\"2019-03-15T10:17:00+00:00\",\"text\":\"" MARK (4) "\","
  "\"principles\":[\"accountability\"]},\"recorded_at\":\"2019-03-16T11:29:00+00:00\"}],"
  "\"concerns\":[{\"fields\":{\"received_on\":\"2019-03-14\",\"raised_by_role\":\"" MARK (5) "\","
  "\"raised_by_agency\":\"" MARK (6) "\",\"reported\":\"" MARK (7) "\",\"criterion_needs\":\"yes\","
  "\"criterion_needs_reason\":\"" MARK (8) "\",\"criterion_abuse\":\"yes\",\"criterion_abuse_reason\":\"" MARK (9) "\","
  "\"criterion_protect\":\"yes\",\"criterion_protect_reason\":\"" MARK (10) "\",\"decision\":\"s42_enquiry\","
  "\"decision_on\":\"2019-03-15\"}}],"
  "\"enquiries\":[{\"fields\":{\"enquiry_type\":\"s42\",\"started_on\":\"2019-03-15\",\"lead_agency\":\"" MARK (11) "\","
  "\"caused_to\":\"" MARK (12) "\"},\"risks\":[{\"fields\":{\"risk_type\":\"Modern Slavery\",\"location\":\"hospital_mental_health\","
  "\"source\":\"unknown\",\"assessment\":\"identified_no_action\",\"outcome\":\"remained\",\"details\":\"" MARK (13) "\"}}]}],"
  "\"conversations\":[{\"ref\":\"" MARK (14) "\",\"fields\":{\"held_on\":\"2019-03-17\",\"phase\":\"at_concern\","
  "\"participants\":[\"imca\"],\"asked\":\"asked_not_expressed\",\"summary\":\"" MARK (15) "\"}}],"
  "\"capacity_assessments\":[{\"ref\":\"" MARK (16) "\",\"fields\":{\"decision\":\"" MARK (17) "\",\"assessed_on\":\"2019-03-18\","
  "\"relevant_information\":\"" MARK (18) "\",\"practicable_steps\":\"" MARK (19) "\",\"impairment\":\"yes\","
  "\"impairment_detail\":\"" MARK (20) "\",\"understand\":\"unable\",\"understand_evidence\":\"" MARK (21) "\","
  "\"retain\":\"unable\",\"retain_evidence\":\"" MARK (22) "\",\"use_weigh\":\"unable\",\"use_weigh_evidence\":\"" MARK (23) "\","
  "\"communicate\":\"unable\",\"communicate_evidence\":\"" MARK (24) "\",\"causal_link\":\"yes\","
  "\"causal_link_evidence\":\"" MARK (25) "\",\"outcome\":\"lacks_capacity\",\"assessor\":\"" MARK (26) "\"}}],"
  "\"outcomes\":[{\"conversation_ref\":\"" MARK (14) "\",\"fields\":{\"words\":\"" MARK (27) "\",\"expressed_on\":\"2019-03-17\"}}],"
  "\"best_interests\":[{\"assessment_ref\":\"" MARK (16) "\",\"fields\":{\"decision\":\"" MARK (28) "\",\"decided_on\":\"2019-03-19\","
  "\"decision_maker\":\"" MARK (29) "\",\"attorney_deputy\":\"lpa_health\",\"attorney_deputy_name\":\"" MARK (30) "\","
  "\"consulted\":[\"" MARK (31) "\"],\"consulted_views\":\"" MARK (32) "\",\"wishes_feelings\":\"" MARK (33) "\","
  "\"regain_capacity\":\"not_known\",\"regain_detail\":\"" MARK (34) "\",\"options\":\"" MARK (35) "\","
  "\"less_restrictive\":\"" MARK (36) "\",\"outcome_decision\":\"" MARK (37) "\",\"reasons\":\"" MARK (38) "\"}}],"
  "\"advocacy_referrals\":[{\"fields\":{\"basis\":\"imca_adult_protection\",\"particular_benefit\":\"" MARK (39) "\","
  "\"appropriate_person\":\"yes_consents\",\"appropriate_person_name\":\"" MARK (40) "\",\"organisation\":\"" MARK (41) "\","
  "\"advocate\":\"" MARK (42) "\",\"status\":\"declined\",\"considered_on\":\"2019-03-20\",\"declined_reason\":\"" MARK (43) "\"}}],"
  "\"actions\":[{\"fields\":{\"description\":\"" MARK (44) "\",\"owner\":\"" MARK (45) "\",\"due_on\":\"2019-03-21\"}}]"
  "}]}]");

static void
assert_no_needle_in_dir (const char *dir,
                         GPtrArray  *needles)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      files++;
      for (guint i = 0; i < needles->len; i++)
        if (hk_test_file_contains (path, needles->pdata[i]))
          g_error ("%s holds “%s” unencrypted", name, (const char *) needles->pdata[i]);
    }
  g_assert_cmpuint (files, >, 0);
}

static void
test_at_rest (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_auto(HkImportReport) report = { 0 };
  static const char *codes[] = {
    "s42_enquiry", "identified_no_action", "hospital_mental_health", "modern_slavery", "remained",
    "asked_not_expressed", "lacks_capacity", "imca_adult_protection", "yes_consents", "lpa_health",
    "accountability", "Modern Slavery", "2019-03-1", "10:17", "11:29",
  };

  g_assert_true (hk_import_from_json (vault, at_rest_doc, strlen (at_rest_doc), &report, &error));
  g_assert_no_error (error);
  for (guint kind = HK_RECORD_KIND_PERSON; kind <= HK_RECORD_KIND_LAST; kind++)
    if (kind != HK_RECORD_KIND_DRAFT)
      g_assert_cmpuint (report.counts[kind], ==, 1);

  /* Every marker made it into a record, so its absence from disk means something. */
  {
    g_autoptr(GPtrArray) records = hk_vault_list_case_records (vault, report.case_ids->pdata[0], &error);
    g_autoptr(GString) all = g_string_new (NULL);

    g_assert_no_error (error);
    for (guint i = 0; i < records->len; i++)
      {
        g_autofree char *text = g_variant_print (hk_record_get_fields (records->pdata[i]), FALSE);

        g_string_append (all, text);
      }
    /* 1 to 3 are the person's and the case's own fields. */
    for (guint n = 4; n <= 45; n++)
      {
        g_autofree char *quoted = g_strdup_printf ("'QZVIMPORTMARK%u'", n);

        /* Refs (14, 16) are not stored at all. */
        if (n == 14 || n == 16)
          g_assert_null (strstr (all->str, quoted));
        else
          g_assert_nonnull (strstr (all->str, quoted));
      }
  }

  g_ptr_array_add (needles, g_strdup ("QZVIMPORTMARK"));
  g_ptr_array_add (needles, g_strdup ("qzvimportmark"));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_ptr_array_add (needles, g_strdup (codes[i]));

  assert_no_needle_in_dir (dir, needles);
  hk_vault_lock (vault);
  assert_no_needle_in_dir (dir, needles);
  g_clear_object (&vault);
  assert_no_needle_in_dir (dir, needles);
  hk_test_rm_rf (dir);
}

/* ---- Demo data: every casework kind, plausible, valid and deterministic ---- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes and words of every casework record, in a stable order: what a
 * seed must reproduce (dates and ids depend on the day and the vault). */
static char *
demo_fingerprint (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint kind = HK_RECORD_KIND_CONCERN; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_autoptr(GPtrArray) records = hk_vault_list (vault, kind, NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < records->len; i++)
        {
          GString *line = g_string_new (hk_record_kind_to_string (kind));

          for (const HkFieldSpec *s = hk_record_kind_get_fields (kind); s->key != NULL; s++)
            {
              const char *text = hk_record_get_string (records->pdata[i], s->key);

              if (s->type == HK_FIELD_ENUM || ((s->type == HK_FIELD_TEXT || s->type == HK_FIELD_LONG_TEXT) && text))
                g_string_append_printf (line, "|%s=%s", s->key, text ? text : "");
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
test_demo (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *dir2 = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkVault) again = hk_test_create_vault (dir2, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) enquiries = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  VaultCounts counts;
  const guint n_cases = 200;
  guint s42 = 0, other = 0, revised = 0, linked = 0, rated = 0, closed = 0;

  g_assert_true (hk_demo_populate (vault, n_cases, 2, 7, NULL, NULL, &error));
  g_assert_no_error (error);
  count_vault (vault, &counts);
  g_assert_cmpuint (counts.records[HK_RECORD_KIND_CASE], ==, n_cases);
  for (guint kind = HK_RECORD_KIND_CONCERN; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_test_message ("%s: %u", hk_record_kind_to_string (kind), counts.records[kind]);
      g_assert_cmpuint (counts.records[kind], >, 0);
    }

  /* Most cases have a concern; about 40% a Section 42 enquiry, 20% another. */
  g_assert_cmpuint (counts.records[HK_RECORD_KIND_CONCERN], >=, n_cases * 85 / 100);
  enquiries = hk_vault_list (vault, HK_RECORD_KIND_ENQUIRY, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < enquiries->len; i++)
    {
      g_autoptr(GPtrArray) risks = hk_vault_list (vault, HK_RECORD_KIND_RISK,
                                                  hk_record_get_id (enquiries->pdata[i]), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (risks->len, >=, 1);
      g_assert_cmpuint (risks->len, <=, 3);
      if (g_strcmp0 (hk_record_get_string (enquiries->pdata[i], "enquiry_type"), "s42") == 0)
        s42++;
      else
        other++;
    }
  g_assert_cmpuint (s42, >=, n_cases * 25 / 100);
  g_assert_cmpuint (s42, <=, n_cases * 55 / 100);
  g_assert_cmpuint (other, >=, n_cases * 10 / 100);
  g_assert_cmpuint (other, <=, n_cases * 35 / 100);

  /* Outcomes: in the person's words, linked to their conversation, some
   * revised with the history kept, rated on closed cases. */
  {
    g_autoptr(GPtrArray) outcomes = hk_vault_list (vault, HK_RECORD_KIND_OUTCOME, NULL, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < outcomes->len; i++)
      {
        HkRecord *o = outcomes->pdata[i];
        g_autoptr(HkRecord) conversation = NULL;

        /* First person: "I want…", "I'd like…", "I don't…" */
        g_assert_true (g_str_has_prefix (hk_record_get_string (o, "words"), "I"));
        conversation = hk_vault_load (vault, hk_record_get_string (o, "conversation_id"), &error);
        g_assert_no_error (error);
        g_assert_cmpint (hk_record_get_kind (conversation), ==, HK_RECORD_KIND_CONVERSATION);
        g_assert_cmpstr (hk_record_get_parent_id (conversation), ==, hk_record_get_parent_id (o));
        linked++;
        rated += hk_record_get_string (o, "achieved") != NULL;
        if (strstr (hk_record_get_string (o, "words"), "choose who visits") != NULL)
          {
            g_autoptr(GPtrArray) revisions = hk_vault_list_revisions (vault, hk_record_get_id (o), &error);

            g_assert_no_error (error);
            g_assert_cmpuint (revisions->len, >=, 1);
            g_assert_null (strstr (hk_record_get_string (revisions->pdata[0], "words"), "choose who visits"));
            revised++;
          }
      }
    g_assert_cmpuint (linked, >, 0);
    g_assert_cmpuint (rated, >, 0);
    g_assert_cmpuint (revised, >, 0);
  }

  /* Best-interests decisions follow an assessment that found capacity lacking. */
  {
    g_autoptr(GPtrArray) decisions = hk_vault_list (vault, HK_RECORD_KIND_BEST_INTERESTS, NULL, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < decisions->len; i++)
      {
        g_autoptr(HkRecord) assessment = hk_vault_load (vault, hk_record_get_string (decisions->pdata[i], "assessment_id"),
                                                        &error);

        g_assert_no_error (error);
        g_assert_cmpstr (hk_record_get_string (assessment, "outcome"), ==, "lacks_capacity");
      }
  }

  /* Closed cases were closed properly: nothing blocking is left on them. */
  cases = hk_vault_list (vault, HK_RECORD_KIND_CASE, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(GPtrArray) prompts = NULL;

      if (g_strcmp0 (hk_record_get_string (cases->pdata[i], "status"), "closed") != 0)
        continue;
      closed++;
      prompts = hk_vault_case_prompts (vault, hk_record_get_id (cases->pdata[i]), &error);
      g_assert_no_error (error);
      for (guint p = 0; p < prompts->len; p++)
        if (((HkPrompt *) prompts->pdata[p])->severity == HK_PROMPT_BLOCKING)
          g_error ("closed demo case with a blocking prompt: %s", ((HkPrompt *) prompts->pdata[p])->code);
    }
  g_assert_cmpuint (closed, >, 0);

  {
    g_autoptr(HkCheckReport) check = hk_vault_check (vault, &error);

    g_assert_no_error (error);
    g_assert_true (hk_check_report_is_ok (check));
  }

  /* The same seed gives the same casework. */
  g_assert_true (hk_demo_populate (again, n_cases, 2, 7, NULL, NULL, &error));
  g_assert_no_error (error);
  first = demo_fingerprint (vault);
  second = demo_fingerprint (again);
  g_assert_cmpstr (first, ==, second);

  g_clear_object (&vault);
  g_clear_object (&again);
  hk_test_rm_rf (dir);
  hk_test_rm_rf (dir2);
}

/* ---- The fuzz corpus: seeds named valid-… import, hostile-… are refused ---- */

static void
test_corpus (void)
{
  g_autofree char *dir_path = source_path ("fuzz/corpus/fuzz-import");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_valid = 0, n_hostile = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;
      gboolean ok;

      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);
      ok = hk_import_validate (data, len, NULL, &error);
      if (g_str_has_prefix (name, "valid-"))
        {
          if (!ok)
            g_error ("%s: %s", name, error->message);
          n_valid++;
        }
      else if (g_str_has_prefix (name, "hostile-"))
        {
          if (ok)
            g_error ("%s was accepted", name);
          g_assert_true (error->message[0] == '$');
          g_test_message ("%s: %s", name, error->message);
          n_hostile++;
        }
    }
  g_assert_cmpuint (n_valid, >=, 5);
  g_assert_cmpuint (n_hostile, >=, 20);
}

/* ---- The schema in docs/ is the generated one ---- */

static void
test_schema (void)
{
  g_autofree char *schema = hk_import_get_schema ();
  gsize len = 0;
  g_autofree char *docs = read_source_file ("docs/import-schema.json", &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) root = hk_json_parse (schema, strlen (schema), NULL, &error);
  HkJsonNode *defs;

  g_assert_no_error (error);
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (root, "$schema")), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  defs = hk_json_node_lookup (root, "$defs");
  g_assert_nonnull (defs);
  for (guint kind = HK_RECORD_KIND_PERSON; kind <= HK_RECORD_KIND_LAST; kind++)
    {
      g_autofree char *fields = NULL;

      if (kind == HK_RECORD_KIND_DRAFT)
        continue;
      fields = g_strconcat (hk_record_kind_to_string (kind), "_fields", NULL);
      g_assert_nonnull (hk_json_node_lookup (defs, hk_record_kind_to_string (kind)));
      g_assert_nonnull (hk_json_node_lookup (defs, fields));
    }

  /* Regenerate with: hearken-cli import --schema > docs/import-schema.json */
  g_strchomp (docs);
  if (!g_str_equal (docs, schema))
    g_error ("docs/import-schema.json is out of date: regenerate it with “hearken-cli import --schema”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!hk_init ())
    return 1;

  g_test_add_func ("/import/valid-realistic", test_valid_realistic);
  g_test_add_func ("/import/hostile", test_hostile);
  g_test_add_func ("/import/oversized", test_oversized);
  g_test_add_func ("/import/locked", test_locked);
  g_test_add_func ("/import/write-failure-rolls-back", test_write_failure_rolls_back);
  g_test_add_func ("/import/duplicate-people", test_duplicate_people);
  g_test_add_func ("/import/file-async", test_file_async);
  g_test_add_func ("/import/similar-people", test_similar_people);
  g_test_add_func ("/import/at-rest", test_at_rest);
  g_test_add_func ("/import/corpus", test_corpus);
  g_test_add_func ("/import/demo", test_demo);
  g_test_add_func ("/import/schema", test_schema);

  return g_test_run ();
}
