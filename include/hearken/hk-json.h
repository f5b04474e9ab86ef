/* hk-json.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small, strict JSON reader and writer for hostile input: no recursion,
 * hard caps on size, depth, members and string length, UTF-8 validated, NUL
 * refused, duplicate object keys refused. Errors carry the JSON path.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HK_JSON_NULL,
  HK_JSON_BOOL,
  HK_JSON_NUMBER,
  HK_JSON_STRING,
  HK_JSON_ARRAY,
  HK_JSON_OBJECT,
} HkJsonType;

typedef struct _HkJsonNode HkJsonNode;

typedef struct {
  gsize max_bytes;        /* default 64 MiB */
  guint max_depth;        /* default 32 */
  gsize max_string_bytes; /* default 1 MiB */
  guint max_members;      /* per object/array, default 1,000,000 */
} HkJsonLimits;

/* Parses @data (need not be NUL-terminated). On failure sets HK_ERROR_INVALID
 * with a message like "$.people[3].name: string is not valid UTF-8 (byte 1234)". */
HkJsonNode  *hk_json_parse           (const char          *data,
                                      gsize                len,
                                      const HkJsonLimits  *limits,
                                      GError             **error);
void         hk_json_node_free       (HkJsonNode *node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkJsonNode, hk_json_node_free)

HkJsonType   hk_json_node_get_type   (const HkJsonNode *node);
gboolean     hk_json_node_get_bool   (const HkJsonNode *node);
double       hk_json_node_get_number (const HkJsonNode *node);
/* TRUE and the value if the number is an integer within ±2^53. */
gboolean     hk_json_node_get_int    (const HkJsonNode *node,
                                      gint64           *out);
const char  *hk_json_node_get_string (const HkJsonNode *node);  /* NUL-terminated UTF-8 */
gsize        hk_json_node_get_string_length (const HkJsonNode *node);
guint        hk_json_node_get_length (const HkJsonNode *node);  /* array elements or object members */
HkJsonNode  *hk_json_node_get_element (const HkJsonNode *node,
                                       guint             index);
/* Object members in document order. */
const char  *hk_json_node_get_member_name (const HkJsonNode *node,
                                           guint             index);
HkJsonNode  *hk_json_node_get_member_value (const HkJsonNode *node,
                                            guint             index);
HkJsonNode  *hk_json_node_lookup     (const HkJsonNode *node,
                                      const char       *name);   /* NULL if absent */
/* TRUE if both trees have the same types and values, with object members in
 * the same order. Numbers compare as doubles. */
gboolean     hk_json_node_equal      (const HkJsonNode *a,
                                      const HkJsonNode *b);

/* The path of member @name of the value at @path, as used in error messages:
 * "$.people" + "name" gives "$.people.name"; other keys are quoted and long
 * ones shortened: $.people["two words"]. */
char        *hk_json_path_append_member (const char *path,
                                         const char *name);

/* Writer: appends to a GString with correct escaping; the caller adds
 * structure with the begin/end calls. Indented when @pretty. */
typedef struct _HkJsonWriter HkJsonWriter;

HkJsonWriter *hk_json_writer_new          (gboolean pretty);
void          hk_json_writer_free         (HkJsonWriter *self);
/* Returns the text and frees the writer. */
char         *hk_json_writer_finish       (HkJsonWriter *self);
void          hk_json_writer_begin_object (HkJsonWriter *self);
void          hk_json_writer_end_object   (HkJsonWriter *self);
void          hk_json_writer_begin_array  (HkJsonWriter *self);
void          hk_json_writer_end_array    (HkJsonWriter *self);
void          hk_json_writer_key          (HkJsonWriter *self, const char *key);
void          hk_json_writer_string       (HkJsonWriter *self, const char *value); /* NULL → null */
void          hk_json_writer_int          (HkJsonWriter *self, gint64 value);
void          hk_json_writer_bool         (HkJsonWriter *self, gboolean value);
void          hk_json_writer_null         (HkJsonWriter *self);
/* The shortest text that parses back to the same double; null if not finite. */
void          hk_json_writer_number       (HkJsonWriter *self, double value);
/* Writes a whole parsed tree (iteratively, whatever its depth). */
void          hk_json_writer_node         (HkJsonWriter *self, const HkJsonNode *node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkJsonWriter, hk_json_writer_free)

G_END_DECLS
