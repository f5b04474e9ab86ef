/* hk-import.c: the "hearken-import" format, validated whole, written in one batch
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer works in two passes. The first walks the parsed document and
 * turns it into a plan: one entry per record, with its validated fields, the
 * index of its parent entry and of any entry it links to. Nothing touches
 * the vault until the whole plan stands. The second pass writes the plan in
 * order inside one batch, so parents and link targets get their ids before
 * the records that need them, and any failure rolls everything back.
 */
#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hearken/hk-import.h"
#include "hearken/hk-json.h"
#include "hearken/hk-record-json.h"
#include "hearken/hk-sac.h"
#include "hk-record-private.h"
#include "hk-vault-private.h"

/* Deep enough for the format (a risk's fields sit at depth 10), shallow
 * enough to refuse nesting games early. */
#define IMPORT_MAX_DEPTH  16
#define REF_MAX_CHARS     200
/* Clocks drift; a note recorded "a minute from now" is not in the future. */
#define FUTURE_TOLERANCE_USEC (G_USEC_PER_SEC * 60 * 5)

/* The arrays of a case, in the order they are written: link targets
 * (conversations, capacity assessments) before the records linking to them. */
typedef struct
{
  const char   *member;       /* key in the case object */
  HkRecordKind  kind;
  gboolean      has_ref;      /* the object may carry "ref" */
  const char   *link_member;  /* key naming another record's ref */
  const char   *link_field;   /* the field that receives its id */
  HkRecordKind  link_kind;
} ChildSpec;

static const ChildSpec case_children[] = {
  { "notes",                HK_RECORD_KIND_NOTE,           FALSE, NULL, NULL, 0 },
  { "concerns",             HK_RECORD_KIND_CONCERN,        FALSE, NULL, NULL, 0 },
  { "enquiries",            HK_RECORD_KIND_ENQUIRY,        FALSE, NULL, NULL, 0 },
  { "conversations",        HK_RECORD_KIND_CONVERSATION,   TRUE,  NULL, NULL, 0 },
  { "capacity_assessments", HK_RECORD_KIND_CAPACITY,       TRUE,  NULL, NULL, 0 },
  { "outcomes",             HK_RECORD_KIND_OUTCOME,        FALSE, "conversation_ref", "conversation_id",
    HK_RECORD_KIND_CONVERSATION },
  { "best_interests",       HK_RECORD_KIND_BEST_INTERESTS, FALSE, "assessment_ref", "assessment_id",
    HK_RECORD_KIND_CAPACITY },
  { "advocacy_referrals",   HK_RECORD_KIND_ADVOCACY,       FALSE, NULL, NULL, 0 },
  { "actions",              HK_RECORD_KIND_ACTION,         FALSE, NULL, NULL, 0 },
};

static const ChildSpec risk_child = { "risks", HK_RECORD_KIND_RISK, FALSE, NULL, NULL, 0 };

/* Fields that also accept the published SAC label or known local wording. */
static const struct
{
  HkRecordKind  kind;
  const char   *key;
  HkSacTable    table;
} sac_fields[] = {
  { HK_RECORD_KIND_RISK,         "risk_type",  HK_SAC_RISK_TYPE },
  { HK_RECORD_KIND_RISK,         "location",   HK_SAC_RISK_LOCATION },
  { HK_RECORD_KIND_RISK,         "source",     HK_SAC_RISK_SOURCE },
  { HK_RECORD_KIND_RISK,         "assessment", HK_SAC_RISK_ASSESSMENT },
  { HK_RECORD_KIND_RISK,         "outcome",    HK_SAC_RISK_OUTCOME },
  { HK_RECORD_KIND_CONVERSATION, "asked",      HK_SAC_MSP_ASKED },
  { HK_RECORD_KIND_OUTCOME,      "achieved",   HK_SAC_MSP_ACHIEVED },
};

typedef struct
{
  HkRecordKind  kind;
  GVariant     *fields;      /* validated, wiped when released */
  gint          parent;      /* index of the parent entry, -1 for a person */
  gint          link;        /* index of the linked entry, -1 for none */
  const char   *link_field;
  char         *path;        /* the object's JSON path, for errors while writing */
} PlanItem;

typedef struct
{
  GArray     *items;         /* PlanItem */
  guint       counts[HK_RECORD_KIND_LAST + 1];
  guint       total;
  GHashTable *refs;          /* ref → index + 1, for the case being read */
  GHashTable *nhs_numbers;   /* normalised NHS number → JSON path of its person */
  GPtrArray  *similar_paths; /* people who look like someone in the vault… */
  GPtrArray  *similar_ids;   /* …and who that is */
} Plan;

static void
plan_item_clear (gpointer data)
{
  PlanItem *item = data;

  g_clear_pointer (&item->fields, g_variant_unref);
  g_clear_pointer (&item->path, g_free);
}

static void
plan_init (Plan *plan)
{
  memset (plan, 0, sizeof *plan);
  plan->items = g_array_new (FALSE, TRUE, sizeof (PlanItem));
  g_array_set_clear_func (plan->items, plan_item_clear);
  plan->refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->nhs_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->similar_paths = g_ptr_array_new_with_free_func (g_free);
  plan->similar_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->items, g_array_unref);
  g_clear_pointer (&plan->refs, g_hash_table_unref);
  g_clear_pointer (&plan->nhs_numbers, g_hash_table_unref);
  g_clear_pointer (&plan->similar_paths, g_ptr_array_unref);
  g_clear_pointer (&plan->similar_ids, g_ptr_array_unref);
}

/* "name|date of birth" with the name case-folded and its spaces collapsed,
 * or NULL without both: what makes two entries look like one person. */
static char *
person_likeness (GVariant *fields)
{
  const char *name = NULL, *born = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;

  if (!g_variant_lookup (fields, "name", "&s", &name) ||
      !g_variant_lookup (fields, "date_of_birth", "&s", &born) || born[0] == '\0')
    return NULL;
  folded = g_utf8_casefold (name, -1);
  words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  joined = g_strjoinv (" ", words);
  /* Several spaces leave empty words: squeeze their doubled separators. */
  while (strstr (joined, "  ") != NULL)
    {
      char *at = strstr (joined, "  ");
      memmove (at, at + 1, strlen (at));
    }
  return g_strconcat (joined, "|", born, NULL);
}

/* The person's NHS number, digits only, or NULL if it has none. */
static char *
person_nhs_number (GVariant *fields)
{
  const char *text = NULL;

  if (!g_variant_lookup (fields, "nhs_number", "&s", &text) || text[0] == '\0')
    return NULL;
  return hk_nhs_number_normalize (text);
}

void
hk_import_report_clear (HkImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->case_ids, g_ptr_array_unref);
  g_clear_pointer (&report->similar_paths, g_ptr_array_unref);
  g_clear_pointer (&report->similar_ids, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

/* ---- Errors ---- */

static const char *
describe_type (const HkJsonNode *node)
{
  switch (hk_json_node_get_type (node))
    {
    case HK_JSON_NULL:   return _("null");
    case HK_JSON_BOOL:   return _("true or false");
    case HK_JSON_NUMBER: return _("a number");
    case HK_JSON_STRING: return _("a string");
    case HK_JSON_ARRAY:  return _("an array");
    case HK_JSON_OBJECT: return _("an object");
    default:             g_assert_not_reached ();
    }
}

static gboolean
wrong_type (GError           **error,
            const char        *path,
            const char        *expected,
            const HkJsonNode  *found)
{
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
               /* Translators: "$.people: expected an array, found an object" */
               _("%s: expected %s, found %s"), path, expected, describe_type (found));
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *reason)
{
  /* Translators: "<JSON path>: <reason>" */
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s: %s"), path, reason);
  return FALSE;
}

/* Said the same whether the size is seen before reading or after. */
static gboolean
too_large (GError **error)
{
  g_autofree char *reason = g_strdup_printf (_("the file is larger than the limit of %u MiB; split it into smaller files."),
                                             (guint) (HK_IMPORT_MAX_BYTES / (1024 * 1024)));

  return invalid (error, "$", reason);
}

static char *
element_path (const char *path,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

/* Refuses every member of @object not in @allowed (NULL-terminated). */
static gboolean
check_keys (const HkJsonNode   *object,
            const char         *path,
            const char * const *allowed,
            GError            **error)
{
  guint n = hk_json_node_get_length (object);

  for (guint i = 0; i < n; i++)
    {
      const char *name = hk_json_node_get_member_name (object, i);
      g_autofree char *member_path = NULL;
      g_autofree char *list = NULL;

      if (g_strv_contains (allowed, name))
        continue;
      member_path = hk_json_path_append_member (path, name);
      if (g_str_equal (name, "risks"))
        return invalid (error, member_path,
                        _("risks belong to their enquiry: give them as “risks” inside an object of “enquiries”."));
      list = g_strjoinv (", ", (char **) allowed);
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   /* Translators: "$.people[0].name: unknown key; the keys allowed here are fields, cases" */
                   _("%s: unknown key; the keys allowed here are %s."), member_path, list);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_member (const HkJsonNode  *object,
                const char        *path,
                const char        *name,
                HkJsonNode       **out,
                GError           **error)
{
  *out = hk_json_node_lookup (object, name);
  if (*out != NULL)
    return TRUE;
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
               /* Translators: "$.people[0]: the key “fields” is missing." */
               _("%s: the key “%s” is missing."), path, name);
  return FALSE;
}

/* An optional array member: absent and null both mean empty. */
static gboolean
get_array (const HkJsonNode  *object,
           const char        *path,
           const char        *name,
           HkJsonNode       **out,
           GError           **error)
{
  HkJsonNode *value = hk_json_node_lookup (object, name);

  *out = NULL;
  if (value == NULL || hk_json_node_get_type (value) == HK_JSON_NULL)
    return TRUE;
  if (hk_json_node_get_type (value) != HK_JSON_ARRAY)
    {
      g_autofree char *member_path = hk_json_path_append_member (path, name);

      return wrong_type (error, member_path, _("an array"), value);
    }
  *out = value;
  return TRUE;
}

/* ---- Records ---- */

/* Replaces SAC labels and local wording with the stable codes. */
static GVariant *
map_sac_values (HkRecordKind  kind,
                GVariant     *fields)
{
  GVariantDict dict;
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sac_fields); i++)
    {
      const char *text = NULL;
      const char *code;

      if (sac_fields[i].kind != kind ||
          !g_variant_lookup (fields, sac_fields[i].key, "&s", &text) || *text == '\0')
        continue;
      code = hk_sac_map_local (sac_fields[i].table, text);
      /* Unknown wording stays, and validation names the field. */
      if (code == NULL || g_str_equal (code, text))
        continue;
      /* Most files give codes: only copy the fields when one is mapped. */
      if (!changed)
        g_variant_dict_init (&dict, fields);
      g_variant_dict_insert (&dict, sac_fields[i].key, "s", code);
      changed = TRUE;
    }
  if (!changed)
    return g_variant_ref (fields);
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

static const ChildSpec *
find_link_spec (HkRecordKind  kind,
                const char   *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    if (case_children[i].kind == kind && g_strcmp0 (case_children[i].link_field, field) == 0)
      return &case_children[i];
  return NULL;
}

/* Converts and validates the "fields" object of a record at @path. */
static GVariant *
read_fields (HkRecordKind       kind,
             const HkJsonNode  *object,
             const char        *path,
             GError           **error)
{
  g_autofree char *fields_path = hk_json_path_append_member (path, "fields");
  g_autoptr(GVariant) converted = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  HkJsonNode *node = NULL;
  const char *bad_field = NULL;

  if (!require_member (object, path, "fields", &node, error))
    return NULL;

  if (hk_json_node_get_type (node) == HK_JSON_OBJECT)
    {
      guint n = hk_json_node_get_length (node);

      /* Say where these go instead of only "not allowed". */
      for (guint i = 0; i < n; i++)
        {
          const char *name = hk_json_node_get_member_name (node, i);
          const HkFieldSpec *spec = hk_record_kind_find_field (kind, name);
          g_autofree char *member_path = NULL;

          if (spec == NULL)
            continue;
          member_path = hk_json_path_append_member (fields_path, name);
          if (kind == HK_RECORD_KIND_NOTE && g_str_equal (name, "recorded_at"))
            {
              invalid (error, member_path,
                       _("give “recorded_at” on the note itself, beside “fields”."));
              return NULL;
            }
          if (spec->type == HK_FIELD_RECORD_ID)
            {
              const ChildSpec *link = find_link_spec (kind, name);
              g_autofree char *reason = NULL;

              reason = link != NULL
                ? g_strdup_printf (_("links between records are given with “%s” beside “fields”, naming the other record’s “ref”."),
                                   link->link_member)
                : g_strdup (_("links between records cannot be imported."));
              invalid (error, member_path, reason);
              return NULL;
            }
        }
    }

  converted = hk_record_fields_from_json (kind, node, fields_path, error);
  if (converted == NULL)
    return NULL;
  fields = map_sac_values (kind, converted);
  if (!hk_record_validate (kind, fields, &bad_field, &local_error))
    {
      g_autofree char *field_path = bad_field != NULL
        ? hk_json_path_append_member (fields_path, bad_field)
        : g_strdup (fields_path);

      invalid (error, field_path, local_error->message);
      return NULL;
    }
  return _hk_variant_copy_wiped (fields);
}

/* A note's "recorded_at": when the note was first written in the other
 * system, so imported history keeps its late-entry marks. */
static GVariant *
add_recorded_at (const HkJsonNode  *object,
                 const char        *path,
                 GVariant          *fields,
                 GError           **error)
{
  HkJsonNode *value = hk_json_node_lookup (object, "recorded_at");
  g_autofree char *value_path = NULL;
  g_autoptr(GDateTime) recorded = NULL;
  g_autoptr(GDateTime) occurred = NULL;
  const char *occurred_text = NULL;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (fields);
  g_autoptr(GVariant) with_time = NULL;

  if (value == NULL || hk_json_node_get_type (value) == HK_JSON_NULL)
    return g_variant_ref (fields);

  value_path = hk_json_path_append_member (path, "recorded_at");
  if (hk_json_node_get_type (value) != HK_JSON_STRING)
    {
      wrong_type (error, value_path, _("a string"), value);
      return NULL;
    }
  recorded = _hk_datetime_parse (hk_json_node_get_string (value));
  if (recorded == NULL)
    {
      invalid (error, value_path, _("must be a real date and time, such as 2025-03-05T14:30:00+00:00."));
      return NULL;
    }
  if (g_date_time_to_unix (recorded) * G_USEC_PER_SEC > g_get_real_time () + FUTURE_TOLERANCE_USEC)
    {
      invalid (error, value_path, _("cannot be in the future."));
      return NULL;
    }
  if (g_variant_lookup (fields, "occurred_at", "&s", &occurred_text) &&
      (occurred = _hk_datetime_parse (occurred_text)) != NULL &&
      g_date_time_compare (recorded, occurred) < 0)
    {
      invalid (error, value_path, _("cannot be before the note’s “occurred_at”: a note is recorded after it happens."));
      return NULL;
    }

  g_variant_dict_insert (&dict, "recorded_at", "s", hk_json_node_get_string (value));
  with_time = g_variant_ref_sink (g_variant_dict_end (&dict));
  return _hk_variant_copy_wiped (with_time);
}

static gboolean
count_record (Plan          *plan,
              HkRecordKind   kind,
              const char    *path,
              GError       **error)
{
  if (plan->total >= HK_IMPORT_MAX_RECORDS)
    {
      g_autofree char *reason = g_strdup_printf (_("the file holds more than %u records; split it into smaller files."),
                                                 (guint) HK_IMPORT_MAX_RECORDS);

      return invalid (error, path, reason);
    }
  plan->total++;
  plan->counts[kind]++;
  return TRUE;
}

static gint
plan_add (Plan         *plan,
          HkRecordKind  kind,
          GVariant     *fields,
          gint          parent,
          const char   *path)
{
  PlanItem item = { 0 };

  item.kind = kind;
  item.fields = fields;
  item.parent = parent;
  item.link = -1;
  item.path = g_strdup (path);
  g_array_append_val (plan->items, item);
  return (gint) plan->items->len - 1;
}

static gboolean
read_ref (Plan              *plan,
          const HkJsonNode  *object,
          const char        *path,
          gint               index,
          GError           **error)
{
  HkJsonNode *value = hk_json_node_lookup (object, "ref");
  g_autofree char *ref_path = NULL;
  const char *ref;

  if (value == NULL || hk_json_node_get_type (value) == HK_JSON_NULL)
    return TRUE;
  ref_path = hk_json_path_append_member (path, "ref");
  if (hk_json_node_get_type (value) != HK_JSON_STRING)
    return wrong_type (error, ref_path, _("a string"), value);
  ref = hk_json_node_get_string (value);
  if (*ref == '\0' || g_utf8_strlen (ref, -1) > REF_MAX_CHARS)
    {
      g_autofree char *reason = g_strdup_printf (_("must be between 1 and %u characters long."), REF_MAX_CHARS);

      return invalid (error, ref_path, reason);
    }
  /* Values are never echoed: a ref may be another system's identifier. */
  if (g_hash_table_contains (plan->refs, ref))
    return invalid (error, ref_path, _("another record in this case already has this ref."));
  g_hash_table_insert (plan->refs, g_strdup (ref), GINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
read_link (Plan              *plan,
           const ChildSpec   *spec,
           const HkJsonNode  *object,
           const char        *path,
           gint               index,
           GError           **error)
{
  HkJsonNode *value = hk_json_node_lookup (object, spec->link_member);
  g_autofree char *link_path = NULL;
  PlanItem *item = &g_array_index (plan->items, PlanItem, index);
  PlanItem *target;
  gpointer found;

  if (value == NULL || hk_json_node_get_type (value) == HK_JSON_NULL)
    return TRUE;
  link_path = hk_json_path_append_member (path, spec->link_member);
  if (hk_json_node_get_type (value) != HK_JSON_STRING)
    return wrong_type (error, link_path, _("a string"), value);
  found = g_hash_table_lookup (plan->refs, hk_json_node_get_string (value));
  if (found == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("no record in this case has this ref; give the same “ref” on the %s it links to."),
                                                 hk_record_kind_to_string (spec->link_kind));

      return invalid (error, link_path, reason);
    }
  target = &g_array_index (plan->items, PlanItem, GPOINTER_TO_INT (found) - 1);
  if (target->kind != spec->link_kind)
    {
      g_autofree char *reason = NULL;

      /* Translators: "this ref names a capacity, not a conversation." (record kinds) */
      reason = g_strdup_printf (_("this ref names a %s, not a %s."),
                                hk_record_kind_to_string (target->kind),
                                hk_record_kind_to_string (spec->link_kind));
      return invalid (error, link_path, reason);
    }
  item->link = GPOINTER_TO_INT (found) - 1;
  item->link_field = spec->link_field;
  return TRUE;
}

static gboolean read_children (Plan *plan, const ChildSpec *spec, const HkJsonNode *array,
                               const char *path, gint parent, GError **error);

/* One object of a case's (or an enquiry's) array. */
static gboolean
read_child (Plan              *plan,
            const ChildSpec   *spec,
            const HkJsonNode  *object,
            const char        *path,
            gint               parent,
            GError           **error)
{
  const char *allowed[6] = { "fields", NULL };
  guint n_allowed = 1;
  g_autoptr(GVariant) fields = NULL;
  HkJsonNode *risks = NULL;
  gint index;

  if (hk_json_node_get_type (object) != HK_JSON_OBJECT)
    return wrong_type (error, path, _("an object"), object);

  if (spec->has_ref)
    allowed[n_allowed++] = "ref";
  if (spec->link_member != NULL)
    allowed[n_allowed++] = spec->link_member;
  if (spec->kind == HK_RECORD_KIND_NOTE)
    allowed[n_allowed++] = "recorded_at";
  if (spec->kind == HK_RECORD_KIND_ENQUIRY)
    allowed[n_allowed++] = "risks";
  allowed[n_allowed] = NULL;
  if (!check_keys (object, path, allowed, error) ||
      !count_record (plan, spec->kind, path, error))
    return FALSE;

  fields = read_fields (spec->kind, object, path, error);
  if (fields == NULL)
    return FALSE;
  if (spec->kind == HK_RECORD_KIND_NOTE)
    {
      GVariant *with_time = add_recorded_at (object, path, fields, error);

      if (with_time == NULL)
        return FALSE;
      g_variant_unref (fields);
      fields = with_time;
    }

  index = plan_add (plan, spec->kind, g_steal_pointer (&fields), parent, path);
  if (spec->has_ref && !read_ref (plan, object, path, index, error))
    return FALSE;
  if (spec->link_member != NULL && !read_link (plan, spec, object, path, index, error))
    return FALSE;

  if (spec->kind == HK_RECORD_KIND_ENQUIRY)
    {
      g_autofree char *risks_path = hk_json_path_append_member (path, "risks");

      if (!get_array (object, path, "risks", &risks, error))
        return FALSE;
      if (risks != NULL && !read_children (plan, &risk_child, risks, risks_path, index, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_children (Plan              *plan,
               const ChildSpec   *spec,
               const HkJsonNode  *array,
               const char        *path,
               gint               parent,
               GError           **error)
{
  guint n = hk_json_node_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *child_path = element_path (path, i);

      if (!read_child (plan, spec, hk_json_node_get_element (array, i), child_path, parent, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_case (Plan              *plan,
           const HkJsonNode  *object,
           const char        *path,
           gint               person,
           GError           **error)
{
  const char *allowed[G_N_ELEMENTS (case_children) + 2] = { "fields", NULL };
  GVariant *fields;
  gint index;

  if (hk_json_node_get_type (object) != HK_JSON_OBJECT)
    return wrong_type (error, path, _("an object"), object);
  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    allowed[i + 1] = case_children[i].member;
  if (!check_keys (object, path, allowed, error) ||
      !count_record (plan, HK_RECORD_KIND_CASE, path, error))
    return FALSE;

  fields = read_fields (HK_RECORD_KIND_CASE, object, path, error);
  if (fields == NULL)
    return FALSE;
  index = plan_add (plan, HK_RECORD_KIND_CASE, fields, person, path);

  /* Refs link records of one case only. */
  g_hash_table_remove_all (plan->refs);
  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    {
      g_autofree char *member_path = hk_json_path_append_member (path, case_children[i].member);
      HkJsonNode *array = NULL;

      if (!get_array (object, path, case_children[i].member, &array, error))
        return FALSE;
      if (array != NULL && !read_children (plan, &case_children[i], array, member_path, index, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_person (Plan              *plan,
             const HkJsonNode  *object,
             const char        *path,
             GError           **error)
{
  static const char *allowed[] = { "fields", "cases", NULL };
  g_autofree char *cases_path = hk_json_path_append_member (path, "cases");
  g_autofree char *nhs = NULL;
  HkJsonNode *cases = NULL;
  GVariant *fields;
  gint index;
  guint n;

  if (hk_json_node_get_type (object) != HK_JSON_OBJECT)
    return wrong_type (error, path, _("an object"), object);
  if (!check_keys (object, path, allowed, error) ||
      !count_record (plan, HK_RECORD_KIND_PERSON, path, error))
    return FALSE;

  fields = read_fields (HK_RECORD_KIND_PERSON, object, path, error);
  if (fields == NULL)
    return FALSE;
  index = plan_add (plan, HK_RECORD_KIND_PERSON, fields, -1, path);

  /* An NHS number belongs to one person: twice in a file is a mistake that
   * would split one person's records over two. */
  nhs = person_nhs_number (fields);
  if (nhs != NULL)
    {
      const char *first = g_hash_table_lookup (plan->nhs_numbers, nhs);
      g_autofree char *nhs_path = g_strconcat (path, ".fields.nhs_number", NULL);

      if (first != NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("the same NHS number as the person at %s. Put all of one person’s cases under one entry."),
                                                     first);
          return invalid (error, nhs_path, reason);
        }
      g_hash_table_insert (plan->nhs_numbers, g_steal_pointer (&nhs), g_strdup (path));
    }

  if (!require_member (object, path, "cases", &cases, error))
    return FALSE;
  if (hk_json_node_get_type (cases) != HK_JSON_ARRAY)
    return wrong_type (error, cases_path, _("an array"), cases);
  n = hk_json_node_get_length (cases);
  /* Hearken shows people through their cases: a person without one would
   * be stored but never seen. */
  if (n == 0)
    return invalid (error, cases_path, _("a person needs at least one case."));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *case_path = element_path (cases_path, i);

      if (!read_case (plan, hk_json_node_get_element (cases, i), case_path, index, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_document (Plan        *plan,
               const char  *data,
               gsize        len,
               GError     **error)
{
  static const char *allowed[] = { "format", "version", "people", NULL };
  HkJsonLimits limits = { 0 };
  g_autoptr(HkJsonNode) root = NULL;
  HkJsonNode *format = NULL;
  HkJsonNode *version = NULL;
  HkJsonNode *people = NULL;
  gint64 number = 0;
  guint n;

  if (len > HK_IMPORT_MAX_BYTES)
    {
      return too_large (error);
    }

  limits.max_bytes = HK_IMPORT_MAX_BYTES;
  limits.max_depth = IMPORT_MAX_DEPTH;
  limits.max_members = HK_IMPORT_MAX_RECORDS;
  root = hk_json_parse (data, len, &limits, error);
  if (root == NULL)
    return FALSE;

  if (hk_json_node_get_type (root) != HK_JSON_OBJECT)
    return wrong_type (error, "$", _("an object"), root);
  if (!check_keys (root, "$", allowed, error) ||
      !require_member (root, "$", "format", &format, error))
    return FALSE;
  if (hk_json_node_get_type (format) != HK_JSON_STRING ||
      !g_str_equal (hk_json_node_get_string (format), HK_IMPORT_FORMAT))
    return invalid (error, "$.format", _("must be “hearken-import”: this is not a Hearken import file."));
  if (!require_member (root, "$", "version", &version, error))
    return FALSE;
  if (hk_json_node_get_type (version) != HK_JSON_NUMBER || !hk_json_node_get_int (version, &number) ||
      number < 1)
    return invalid (error, "$.version", _("must be the format version, 1."));
  if (number > HK_IMPORT_VERSION)
    {
      g_autofree char *reason = g_strdup_printf (_("this file uses version %" G_GINT64_FORMAT " of the format, which is newer than this Hearken reads (version %d). Update Hearken."),
                                                 number, HK_IMPORT_VERSION);

      return invalid (error, "$.version", reason);
    }
  if (!require_member (root, "$", "people", &people, error))
    return FALSE;
  if (hk_json_node_get_type (people) != HK_JSON_ARRAY)
    return wrong_type (error, "$.people", _("an array"), people);

  n = hk_json_node_get_length (people);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *person_path = element_path ("$.people", i);

      if (!read_person (plan, hk_json_node_get_element (people, i), person_path, error))
        return FALSE;
    }
  return TRUE;
}

static void
fill_report (HkImportReport *report,
             const Plan     *plan)
{
  if (report == NULL)
    return;
  hk_import_report_clear (report);
  memcpy (report->counts, plan->counts, sizeof report->counts);
  report->total = plan->total;
  if (plan->similar_paths->len > 0)
    {
      report->similar_paths = g_ptr_array_ref (plan->similar_paths);
      report->similar_ids = g_ptr_array_ref (plan->similar_ids);
    }
}

gboolean
hk_import_validate (const char      *data,
                    gsize            len,
                    HkImportReport  *report,
                    GError         **error)
{
  Plan plan;
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan_init (&plan);
  ok = read_document (&plan, data != NULL ? data : "", len, error);
  if (ok)
    fill_report (report, &plan);
  plan_clear (&plan);
  return ok;
}

/* ---- Writing ---- */

/* People already in the vault. One with an NHS number in the file stops the
 * import: the same file imported twice, or a person migrated before, would
 * make a second copy. One with the same name and date of birth (and no NHS
 * number to tell) is only reported: two people can share both. */
static gboolean
check_against_vault (HkVault  *vault,
                     Plan     *plan,
                     GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) alike = NULL;           /* people without an NHS number */
  g_autoptr(GHashTable) alike_numbered = NULL;  /* and with one */

  people = hk_vault_list (vault, HK_RECORD_KIND_PERSON, NULL, NULL, error);
  if (people == NULL)
    return FALSE;
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  alike = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  alike_numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      GVariant *fields = hk_record_get_fields (people->pdata[i]);
      const char *id = hk_record_get_id (people->pdata[i]);
      char *nhs = person_nhs_number (fields);
      char *likeness = person_likeness (fields);

      if (nhs != NULL)
        g_hash_table_replace (known, nhs, (gpointer) id);
      if (likeness != NULL)
        g_hash_table_replace (nhs != NULL ? alike_numbered : alike, likeness, (gpointer) id);
    }

  for (guint i = 0; i < plan->items->len; i++)
    {
      PlanItem *item = &g_array_index (plan->items, PlanItem, i);
      g_autofree char *nhs = NULL;
      g_autofree char *likeness = NULL;
      const char *id;

      if (item->kind != HK_RECORD_KIND_PERSON)
        continue;
      nhs = person_nhs_number (item->fields);
      if (nhs != NULL && (id = g_hash_table_lookup (known, nhs)) != NULL)
        {
          g_autofree char *nhs_path = g_strconcat (item->path, ".fields.nhs_number", NULL);
          g_autofree char *reason = g_strdup_printf (_("a person with this NHS number is already in the vault (person %s), perhaps from an earlier import. Take them out of the file, and add anything new to the existing person."),
                                                     id);
          return invalid (error, nhs_path, reason);
        }
      /* Two different NHS numbers are two people, whatever else they share. */
      likeness = person_likeness (item->fields);
      if (likeness != NULL &&
          ((id = g_hash_table_lookup (alike, likeness)) != NULL ||
           (nhs == NULL && (id = g_hash_table_lookup (alike_numbered, likeness)) != NULL)))
        {
          g_ptr_array_add (plan->similar_paths, g_strdup (item->path));
          g_ptr_array_add (plan->similar_ids, g_strdup (id));
        }
    }
  return TRUE;
}

static gboolean
write_plan (HkVault         *vault,
            Plan            *plan,
            HkImportReport  *report,
            GError         **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_full (plan->items->len, g_free);
  g_autoptr(GPtrArray) case_ids = g_ptr_array_new_with_free_func (g_free);

  if (!hk_vault_begin_batch (vault, error))
    return FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      PlanItem *item = &g_array_index (plan->items, PlanItem, i);
      const char *parent_id = item->parent >= 0 ? ids->pdata[item->parent] : NULL;
      g_autoptr(GVariant) fields = g_variant_ref (item->fields);
      g_autoptr(HkRecord) record = NULL;
      g_autoptr(GError) local_error = NULL;

      if (item->link >= 0)
        {
          g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (item->fields);

          g_variant_dict_insert (&dict, item->link_field, "s", (const char *) ids->pdata[item->link]);
          g_variant_unref (fields);
          fields = g_variant_ref_sink (g_variant_dict_end (&dict));
        }

      /* Notes keep the recording time they had in the other system. */
      if (item->kind == HK_RECORD_KIND_NOTE)
        record = _hk_vault_save_import (vault, item->kind, parent_id, fields, &local_error);
      else
        record = hk_vault_save (vault, item->kind, NULL, parent_id, 0, fields, &local_error);
      if (record == NULL)
        {
          hk_vault_rollback_batch (vault);
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: %s"), item->path, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (ids, g_strdup (hk_record_get_id (record)));
      if (item->kind == HK_RECORD_KIND_CASE)
        g_ptr_array_add (case_ids, g_strdup (hk_record_get_id (record)));
    }

  if (!hk_vault_commit_batch (vault, error))
    return FALSE;

  if (report != NULL)
    {
      fill_report (report, plan);
      report->case_ids = g_steal_pointer (&case_ids);
    }
  return TRUE;
}

static gboolean import_bytes (HkVault *vault, const char *data, gsize len, gboolean check_only,
                              HkImportReport *report, GError **error);

gboolean
hk_import_from_json (HkVault         *vault,
                     const char      *data,
                     gsize            len,
                     HkImportReport  *report,
                     GError         **error)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_bytes (vault, data != NULL ? data : "", len, FALSE, report, error);
}

/* ---- Files, on the vault's worker ---- */

typedef struct
{
  GFile    *file;
  gboolean  check_only;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_free (job);
}

static void
import_report_free (gpointer data)
{
  HkImportReport *report = data;

  hk_import_report_clear (report);
  g_free (report);
}

static gboolean
import_bytes (HkVault         *vault,
              const char      *data,
              gsize            len,
              gboolean         check_only,
              HkImportReport  *report,
              GError         **error)
{
  Plan plan;
  gboolean ok;

  if (hk_vault_is_locked (vault))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_LOCKED, _("The vault is locked."));
      return FALSE;
    }

  plan_init (&plan);
  ok = read_document (&plan, data, len, error) &&
       check_against_vault (vault, &plan, error);
  if (ok && check_only)
    fill_report (report, &plan);
  else if (ok)
    ok = write_plan (vault, &plan, report, error);
  plan_clear (&plan);
  return ok;
}

static void
import_file_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GFileInfo) info = NULL;
  HkImportReport *report = NULL;
  GError *error = NULL;
  char *data = NULL;
  gsize len = 0;
  gboolean ok;

  /* Refuse an oversized file before reading any of it. */
  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_size (info) > (goffset) HK_IMPORT_MAX_BYTES)
    {
      too_large (&error);
      g_task_return_error (task, error);
      return;
    }
  if (!g_file_load_contents (job->file, cancellable, &data, &len, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  report = g_new0 (HkImportReport, 1);
  ok = import_bytes (source, data, len, job->check_only, report, &error);
  sodium_memzero (data, len);
  g_free (data);
  if (!ok)
    {
      import_report_free (report);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, report, import_report_free);
}

void
hk_import_file_async (HkVault              *vault,
                      GFile                *file,
                      gboolean              check_only,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (HK_IS_VAULT (vault));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->check_only = check_only;
  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, hk_import_file_async);
  g_task_set_task_data (task, job, import_job_free);
  _hk_vault_queue_job (vault, task, import_file_thread);
}

gboolean
hk_import_file_finish (HkVault         *vault,
                       GAsyncResult    *result,
                       HkImportReport  *report,
                       GError         **error)
{
  HkImportReport *done;

  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (report != NULL)
    {
      hk_import_report_clear (report);
      *report = *done;
      memset (done, 0, sizeof *done);
    }
  import_report_free (done);
  return TRUE;
}

/* ---- JSON Schema ---- */

#define SINGLE_LINE_PATTERN "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"
#define MULTI_LINE_PATTERN  "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$"

static void
schema_nullable_type (HkJsonWriter *w,
                      const char   *type)
{
  hk_json_writer_key (w, "type");
  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, type);
  hk_json_writer_string (w, "null");
  hk_json_writer_end_array (w);
}

static void
schema_codes (HkJsonWriter      *w,
              const HkEnumValue *values,
              gboolean           labels,
              gboolean           with_null)
{
  hk_json_writer_key (w, "enum");
  hk_json_writer_begin_array (w);
  for (const HkEnumValue *v = values; v->code != NULL; v++)
    hk_json_writer_string (w, labels ? v->label : v->code);
  if (with_null)
    hk_json_writer_null (w);
  hk_json_writer_end_array (w);
}

static gboolean
is_sac_field (HkRecordKind  kind,
              const char   *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sac_fields); i++)
    if (sac_fields[i].kind == kind && g_str_equal (sac_fields[i].key, key))
      return TRUE;
  return FALSE;
}

static void
schema_field (HkJsonWriter      *w,
              HkRecordKind       kind,
              const HkFieldSpec *spec)
{
  guint max = spec->max_length;

  hk_json_writer_begin_object (w);
  /* The English labels, as the schema is not translated. */
  hk_json_writer_key (w, "description");
  hk_json_writer_string (w, spec->label);
  switch (spec->type)
    {
    case HK_FIELD_TEXT:
    case HK_FIELD_LONG_TEXT:
      schema_nullable_type (w, "string");
      hk_json_writer_key (w, "maxLength");
      hk_json_writer_int (w, max != 0 ? max : (spec->type == HK_FIELD_TEXT ? 500 : 200000));
      /* No control characters; one line unless the field takes several. */
      hk_json_writer_key (w, "pattern");
      hk_json_writer_string (w, spec->type == HK_FIELD_TEXT ? SINGLE_LINE_PATTERN : MULTI_LINE_PATTERN);
      break;

    case HK_FIELD_DATE:
      schema_nullable_type (w, "string");
      hk_json_writer_key (w, "pattern");
      hk_json_writer_string (w, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
      break;

    case HK_FIELD_DATETIME:
      schema_nullable_type (w, "string");
      hk_json_writer_key (w, "format");
      hk_json_writer_string (w, "date-time");
      break;

    case HK_FIELD_ENUM:
      if (is_sac_field (kind, spec->key))
        {
          hk_json_writer_key (w, "anyOf");
          hk_json_writer_begin_array (w);
          hk_json_writer_begin_object (w);
          schema_codes (w, spec->values, FALSE, TRUE);
          hk_json_writer_end_object (w);
          hk_json_writer_begin_object (w);
          hk_json_writer_key (w, "description");
          hk_json_writer_string (w, "The published SAC label, mapped to its code.");
          schema_codes (w, spec->values, TRUE, FALSE);
          hk_json_writer_end_object (w);
          hk_json_writer_begin_object (w);
          hk_json_writer_key (w, "description");
          hk_json_writer_string (w, "A label in other capitals or known local wording (see IMPORT.md), mapped to its code; Hearken refuses any other text.");
          hk_json_writer_key (w, "type");
          hk_json_writer_string (w, "string");
          hk_json_writer_end_object (w);
          hk_json_writer_end_array (w);
        }
      else
        schema_codes (w, spec->values, FALSE, TRUE);
      break;

    case HK_FIELD_BOOL:
      schema_nullable_type (w, "boolean");
      break;

    case HK_FIELD_NHS_NUMBER:
      schema_nullable_type (w, "string");
      hk_json_writer_key (w, "pattern");
      hk_json_writer_string (w, "^[0-9 -]+$");
      break;

    case HK_FIELD_TEXT_LIST:
      schema_nullable_type (w, "array");
      hk_json_writer_key (w, "maxItems");
      hk_json_writer_int (w, 100);
      hk_json_writer_key (w, "items");
      hk_json_writer_begin_object (w);
      hk_json_writer_key (w, "type");
      hk_json_writer_string (w, "string");
      hk_json_writer_key (w, "maxLength");
      hk_json_writer_int (w, max != 0 ? max : 500);
      hk_json_writer_key (w, "pattern");
      hk_json_writer_string (w, SINGLE_LINE_PATTERN);
      hk_json_writer_end_object (w);
      break;

    case HK_FIELD_ENUM_LIST:
      schema_nullable_type (w, "array");
      hk_json_writer_key (w, "uniqueItems");
      hk_json_writer_bool (w, TRUE);
      hk_json_writer_key (w, "items");
      hk_json_writer_begin_object (w);
      schema_codes (w, spec->values, FALSE, FALSE);
      hk_json_writer_end_object (w);
      break;

    case HK_FIELD_RECORD_ID:
    default:
      g_assert_not_reached ();
    }
  hk_json_writer_end_object (w);
}

static void
schema_fields (HkJsonWriter *w,
               HkRecordKind  kind)
{
  hk_json_writer_key (w, "type");
  hk_json_writer_string (w, "object");
  hk_json_writer_key (w, "additionalProperties");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_key (w, "required");
  hk_json_writer_begin_array (w);
  for (const HkFieldSpec *s = hk_record_kind_get_fields (kind); s->key != NULL; s++)
    if (s->flags & HK_FIELD_REQUIRED)
      hk_json_writer_string (w, s->key);
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "properties");
  hk_json_writer_begin_object (w);
  /* Automatic fields are the core's; links are given as refs. */
  for (const HkFieldSpec *s = hk_record_kind_get_fields (kind); s->key != NULL; s++)
    if (!(s->flags & HK_FIELD_AUTOMATIC) && s->type != HK_FIELD_RECORD_ID)
      {
        hk_json_writer_key (w, s->key);
        schema_field (w, kind, s);
      }
  hk_json_writer_end_object (w);
}

static void
schema_ref (HkJsonWriter *w,
            const char   *def)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "$ref");
  hk_json_writer_string (w, ref);
  hk_json_writer_end_object (w);
}

/* Required arrays have @min_items; optional ones may also be null. */
static void
schema_array_of (HkJsonWriter *w,
                 const char   *def,
                 guint         min_items,
                 gboolean      optional)
{
  hk_json_writer_begin_object (w);
  if (optional)
    schema_nullable_type (w, "array");
  else
    {
      hk_json_writer_key (w, "type");
      hk_json_writer_string (w, "array");
    }
  if (min_items > 0)
    {
      hk_json_writer_key (w, "minItems");
      hk_json_writer_int (w, min_items);
    }
  hk_json_writer_key (w, "maxItems");
  hk_json_writer_int (w, HK_IMPORT_MAX_RECORDS);
  hk_json_writer_key (w, "items");
  schema_ref (w, def);
  hk_json_writer_end_object (w);
}

static void
schema_string_def (HkJsonWriter *w,
                   const char   *description)
{
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "description");
  hk_json_writer_string (w, description);
  schema_nullable_type (w, "string");
  hk_json_writer_key (w, "minLength");
  hk_json_writer_int (w, 1);
  hk_json_writer_key (w, "maxLength");
  hk_json_writer_int (w, REF_MAX_CHARS);
  hk_json_writer_end_object (w);
}

/* One record object: {"fields": …} plus the extra members of its kind. */
static void
schema_record (HkJsonWriter    *w,
               const ChildSpec *spec)
{
  g_autofree char *fields_def = g_strconcat (hk_record_kind_to_string (spec->kind), "_fields", NULL);

  hk_json_writer_key (w, hk_record_kind_to_string (spec->kind));
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "type");
  hk_json_writer_string (w, "object");
  hk_json_writer_key (w, "additionalProperties");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_key (w, "required");
  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, "fields");
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "properties");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "fields");
  schema_ref (w, fields_def);
  if (spec->has_ref)
    {
      hk_json_writer_key (w, "ref");
      schema_ref (w, "ref");
    }
  if (spec->link_member != NULL)
    {
      hk_json_writer_key (w, spec->link_member);
      schema_ref (w, "ref");
    }
  if (spec->kind == HK_RECORD_KIND_NOTE)
    {
      hk_json_writer_key (w, "recorded_at");
      hk_json_writer_begin_object (w);
      hk_json_writer_key (w, "description");
      hk_json_writer_string (w, "When the note was first recorded in the other system; not before occurred_at.");
      schema_nullable_type (w, "string");
      hk_json_writer_key (w, "format");
      hk_json_writer_string (w, "date-time");
      hk_json_writer_end_object (w);
    }
  if (spec->kind == HK_RECORD_KIND_ENQUIRY)
    {
      hk_json_writer_key (w, "risks");
      schema_array_of (w, "risk", 0, TRUE);
    }
  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);

  hk_json_writer_key (w, fields_def);
  hk_json_writer_begin_object (w);
  schema_fields (w, spec->kind);
  hk_json_writer_end_object (w);
}

char *
hk_import_get_schema (void)
{
  HkJsonWriter *w = hk_json_writer_new (TRUE);
  g_autofree char *title = g_strdup_printf ("Hearken import file, version %d", HK_IMPORT_VERSION);

  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "$schema");
  hk_json_writer_string (w, "https://json-schema.org/draft/2020-12/schema");
  hk_json_writer_key (w, "$id");
  hk_json_writer_string (w, "urn:org.hearken.Hearken:import:1");
  hk_json_writer_key (w, "title");
  hk_json_writer_string (w, title);
  hk_json_writer_key (w, "description");
  hk_json_writer_string (w, "People, their cases and everything recorded on them, for hearken-cli import. "
                            "Generated from Hearken's field tables. Hearken checks more than this schema can say "
                            "(the rules between fields, check digits, dates not in the future, refs); "
                            "see docs/IMPORT.md.");
  hk_json_writer_key (w, "type");
  hk_json_writer_string (w, "object");
  hk_json_writer_key (w, "additionalProperties");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_key (w, "required");
  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, "format");
  hk_json_writer_string (w, "version");
  hk_json_writer_string (w, "people");
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "properties");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "format");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "const");
  hk_json_writer_string (w, HK_IMPORT_FORMAT);
  hk_json_writer_end_object (w);
  hk_json_writer_key (w, "version");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "const");
  hk_json_writer_int (w, HK_IMPORT_VERSION);
  hk_json_writer_end_object (w);
  hk_json_writer_key (w, "people");
  schema_array_of (w, "person", 0, FALSE);
  hk_json_writer_end_object (w);

  hk_json_writer_key (w, "$defs");
  hk_json_writer_begin_object (w);

  hk_json_writer_key (w, "ref");
  schema_string_def (w, "A name for a record, unique within its case, by which another record of the case links to it. Not stored.");

  hk_json_writer_key (w, "person");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "type");
  hk_json_writer_string (w, "object");
  hk_json_writer_key (w, "additionalProperties");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_key (w, "required");
  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, "fields");
  hk_json_writer_string (w, "cases");
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "properties");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "fields");
  schema_ref (w, "person_fields");
  hk_json_writer_key (w, "cases");
  schema_array_of (w, "case", 1, FALSE);
  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);
  hk_json_writer_key (w, "person_fields");
  hk_json_writer_begin_object (w);
  schema_fields (w, HK_RECORD_KIND_PERSON);
  hk_json_writer_end_object (w);

  hk_json_writer_key (w, "case");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "type");
  hk_json_writer_string (w, "object");
  hk_json_writer_key (w, "additionalProperties");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_key (w, "required");
  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, "fields");
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "properties");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "fields");
  schema_ref (w, "case_fields");
  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    {
      hk_json_writer_key (w, case_children[i].member);
      schema_array_of (w, hk_record_kind_to_string (case_children[i].kind), 0, TRUE);
    }
  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);
  hk_json_writer_key (w, "case_fields");
  hk_json_writer_begin_object (w);
  schema_fields (w, HK_RECORD_KIND_CASE);
  hk_json_writer_end_object (w);

  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    {
      schema_record (w, &case_children[i]);
      if (case_children[i].kind == HK_RECORD_KIND_ENQUIRY)
        schema_record (w, &risk_child);
    }

  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);
  return hk_json_writer_finish (w);
}
