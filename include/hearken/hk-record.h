/* hk-record.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HkRecordKind:
 *
 * The kind of a record. The numeric value is stored in the plaintext `kind`
 * column and bound into each ciphertext's associated data, so the values are
 * part of the file format: never renumber, only append.
 */
typedef enum {
  HK_RECORD_KIND_META   = 0,  /* vault profile: owner name, creation time */
  HK_RECORD_KIND_PERSON = 1,
  HK_RECORD_KIND_CASE   = 2,
  HK_RECORD_KIND_NOTE   = 3,
  HK_RECORD_KIND_DRAFT  = 4,
  /* Making Safeguarding Personal casework (parent in brackets) */
  HK_RECORD_KIND_CONCERN        = 5,   /* (case) a safeguarding concern and the s42 decision */
  HK_RECORD_KIND_ENQUIRY        = 6,   /* (case) a Section 42 or other enquiry */
  HK_RECORD_KIND_RISK           = 7,   /* (enquiry) type, location, source, outcomes */
  HK_RECORD_KIND_CONVERSATION   = 8,   /* (case) an outcome conversation */
  HK_RECORD_KIND_OUTCOME        = 9,   /* (case) a desired outcome in the person's words */
  HK_RECORD_KIND_CAPACITY       = 10,  /* (case) a capacity assessment: one decision, one date */
  HK_RECORD_KIND_BEST_INTERESTS = 11,  /* (case) a best-interests decision */
  HK_RECORD_KIND_ADVOCACY       = 12,  /* (case) an advocacy referral and its status */
  HK_RECORD_KIND_ACTION         = 13,  /* (case) an action, tagged with principles */
} HkRecordKind;

#define HK_RECORD_KIND_LAST HK_RECORD_KIND_ACTION

/* The kind a record of @kind hangs off, or -1 if it has no parent. */
int         hk_record_kind_get_parent_kind (HkRecordKind kind);

const char *hk_record_kind_to_string (HkRecordKind kind); /* "person", "case", … (stable, untranslated) */
gboolean    hk_record_kind_from_string (const char *str, HkRecordKind *out_kind);
const char *hk_record_kind_get_label (HkRecordKind kind); /* translated "Person", "Case", … */

/**
 * HkRecord:
 *
 * One decrypted revision of a record: an immutable value object. The fields
 * are a GVariant dictionary (a{sv}) whose backing buffer is wiped when the
 * last reference goes, so dropping records on lock leaves no plaintext copy
 * behind in Hearken's own allocations.
 *
 * Field values are strings ("s"), booleans ("b"), 64-bit integers ("x") or
 * string lists ("as"). Dates are ISO 8601 strings: "YYYY-MM-DD" for dates,
 * "YYYY-MM-DDTHH:MM:SS±hh:mm" for date-times.
 */
#define HK_TYPE_RECORD (hk_record_get_type ())
G_DECLARE_FINAL_TYPE (HkRecord, hk_record, HK, RECORD, GObject)

const char   *hk_record_get_id          (HkRecord   *self);  /* 32 lowercase hex chars */
HkRecordKind  hk_record_get_kind        (HkRecord   *self);
const char   *hk_record_get_parent_id   (HkRecord   *self);  /* NULL if none */
gint64        hk_record_get_revision    (HkRecord   *self);  /* 1 for a new record */
gint64        hk_record_get_created_at  (HkRecord   *self);  /* unix µs, when revision 1 was saved */
gint64        hk_record_get_modified_at (HkRecord   *self);  /* unix µs, when this revision was saved */
const char   *hk_record_get_modified_by (HkRecord   *self);  /* who saved this revision */
GVariant     *hk_record_get_fields      (HkRecord   *self);  /* a{sv}, borrowed */

/* Borrowed views of one field; NULL / FALSE / 0 when absent. */
const char   *hk_record_get_string      (HkRecord   *self,
                                         const char *key);
gboolean      hk_record_get_boolean     (HkRecord   *self,
                                         const char *key);
gint64        hk_record_get_int         (HkRecord   *self,
                                         const char *key);
const char  **hk_record_get_strv        (HkRecord   *self,   /* free the container with g_free() */
                                         const char *key);
gboolean      hk_record_has_field       (HkRecord   *self,
                                         const char *key);

/* A person's display name: the preferred name if set, else the name. */
const char   *hk_person_get_display_name (HkRecord  *person);

/* ---- Field schema: one table per kind drives validation, forms, JSON and the CLI ---- */

typedef enum {
  HK_FIELD_TEXT,        /* one line */
  HK_FIELD_LONG_TEXT,   /* multi-line */
  HK_FIELD_DATE,        /* YYYY-MM-DD */
  HK_FIELD_DATETIME,    /* ISO 8601 with offset */
  HK_FIELD_ENUM,        /* one of the spec's codes */
  HK_FIELD_BOOL,
  HK_FIELD_NHS_NUMBER,  /* 10 digits, modulus 11 check digit; spaces allowed on input */
  HK_FIELD_TEXT_LIST,   /* as */
  HK_FIELD_ENUM_LIST,   /* as of the spec's codes, no repeats */
  HK_FIELD_RECORD_ID,   /* a link to another record: 32 lowercase hex characters */
} HkFieldType;

typedef struct {
  const char *code;   /* stable, stored, untranslated: "phone_call" */
  const char *label;  /* N_() marked: "Phone call" */
} HkEnumValue;

typedef enum {
  HK_FIELD_NO_FLAGS   = 0,
  HK_FIELD_REQUIRED   = 1 << 0,
  HK_FIELD_NOT_FUTURE = 1 << 1,  /* dates and date-times may not lie in the future */
  HK_FIELD_AUTOMATIC  = 1 << 2,  /* set by the core, never by the user (recorded_at, late_entry) */
} HkFieldFlags;

typedef struct {
  const char        *key;        /* "date_of_birth" */
  const char        *label;      /* N_() marked: "Date of birth" */
  HkFieldType        type;
  HkFieldFlags       flags;
  guint              max_length; /* in characters, for text types; 0 = default */
  const HkEnumValue *values;     /* for HK_FIELD_ENUM, terminated by { NULL, NULL } */
} HkFieldSpec;

/* The spec table for @kind, terminated by an entry whose key is NULL. */
const HkFieldSpec *hk_record_kind_get_fields (HkRecordKind kind);
const HkFieldSpec *hk_record_kind_find_field (HkRecordKind kind,
                                              const char  *key);
/* Translated label of an enum code, or NULL if the code is unknown. */
const char        *hk_field_spec_get_value_label (const HkFieldSpec *spec,
                                                  const char        *code);

/**
 * hk_record_validate:
 * @kind: the record kind
 * @fields: an a{sv} dictionary of the user's values
 * @out_field: (optional): the key of the first offending field, for inline validation
 * @error: set to HK_ERROR_INVALID naming the field and the rule broken
 *
 * Checks @fields against the kind's schema: required fields, types, lengths,
 * enum codes, date formats and ranges, NHS number check digit, and cross-field
 * rules (a closed case needs a closing date on or after its opening date).
 * Unknown keys are refused. Automatic fields are ignored.
 */
gboolean hk_record_validate (HkRecordKind   kind,
                             GVariant      *fields,
                             const char   **out_field,
                             GError       **error);

/* NHS number helpers: digits only, 10 long, modulus 11. */
gboolean hk_nhs_number_is_valid  (const char *text);
char    *hk_nhs_number_normalize (const char *text);  /* "943 476 5919" → "9434765919", NULL if invalid */

/* Note late-entry rule: recorded more than this long after it happened. */
#define HK_LATE_ENTRY_THRESHOLD_USEC (G_GINT64_CONSTANT (24) * 60 * 60 * G_USEC_PER_SEC)

G_END_DECLS
