/* test-json.c: the strict JSON reader and writer
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "hk-test-utils.h"

/* Parses, writes back compactly and prettily, and checks that both parse to
 * an equal tree. */
static void
assert_round_trip (const HkJsonNode   *node,
                   const HkJsonLimits *limits)
{
  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonWriter) writer = hk_json_writer_new (pretty);
      g_autofree char *text = NULL;
      g_autoptr(HkJsonNode) again = NULL;

      hk_json_writer_node (writer, node);
      text = hk_json_writer_finish (g_steal_pointer (&writer));
      again = hk_json_parse (text, strlen (text), limits, &error);
      g_assert_no_error (error);
      g_assert_true (hk_json_node_equal (node, again));
    }
}

static const char *valid_documents[] = {
  "null",
  "true",
  "false",
  "0",
  "-0",
  "1",
  "-1",
  "123456789",
  "1.5",
  "-0.25",
  "1e10",
  "1E+10",
  "1e-10",
  "2.5E-3",
  "0.0",
  "1e-400",                         /* underflows to zero: still in range */
  "1.7976931348623157e308",
  "\"\"",
  "\"plain\"",
  "\"escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t\"",
  "\"\\u00e9\\u00E9 \\u20AC \\uD83D\\uDE00\"",
  "\"raw UTF-8: é € 😀 \xEF\xBF\xBD \xF4\x8F\xBF\xBF\"",
  "\"DEL \x7f and C1 \xC2\x85 are allowed\"",
  "[]",
  "{}",
  "[[]]",
  "[{}]",
  "{\"a\":{}}",
  " \t\r\n[ 1 , 2 , 3 ] \t\r\n",
  "[1,\"two\",true,false,null,[3],{\"four\":4}]",
  "{\"\":0}",
  "{\"a\":1,\"A\":2,\"a \":3}",
  "{\"name\":\"Ada Lovelace\",\"aliases\":[\"Ada\",\"Countess\"],\"nhs_number\":\"943 476 5919\",\"vulnerable\":true,\"notes\":null}",
  "{\"people\":[{\"name\":\"A\"},{\"name\":\"B\",\"address\":{\"lines\":[\"1 High Street\",\"Leeds\"]}}]}",
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", /* 32 levels */
  "{\"\\u0061\":1,\"b\":2}",
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonNode) node = NULL;

      g_test_message ("document %u", i);
      node = hk_json_parse (valid_documents[i], strlen (valid_documents[i]), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      assert_round_trip (node, NULL);
    }
}

typedef struct {
  const char *doc;
  gssize      len;        /* -1: strlen */
  const char *path;
  const char *what;       /* a fragment of the message */
  gsize       offset;
} InvalidCase;

static const InvalidCase invalid_documents[] = {
  /* Structure */
  { "", -1, "$", "empty document", 0 },
  { "  \n ", -1, "$", "empty document", 4 },
  { "[1,]", -1, "$", "trailing comma before ‘]’", 3 },
  { "{\"a\":1,}", -1, "$", "trailing comma before ‘}’", 7 },
  { "[1,}", -1, "$[1]", "expected a value, found ‘}’", 3 },
  { "[1 2]", -1, "$", "expected ‘,’ or ‘]’, found ‘2’", 3 },
  { "{\"a\":1 \"b\":2}", -1, "$", "expected ‘,’ or ‘}’, found ‘\"’", 7 },
  { "{\"a\" 1}", -1, "$.a", "expected ‘:’ after the key", 5 },
  { "{a:1}", -1, "$", "expected a key in quotes, found ‘a’", 1 },
  { "{,}", -1, "$", "expected a key in quotes, found ‘,’", 1 },
  { "[,1]", -1, "$[0]", "expected a value, found ‘,’", 1 },
  { "]", -1, "$", "expected a value, found ‘]’", 0 },
  { "{\"a\":}", -1, "$.a", "expected a value, found ‘}’", 5 },
  { "[[1,2],[3,x]]", -1, "$[1][1]", "expected a value, found ‘x’", 10 },
  { "['a']", -1, "$[0]", "expected a value, found ‘'’", 1 },
  { "[", -1, "$[0]", "unexpected end of input", 1 },
  { "[1", -1, "$", "unexpected end of input", 2 },
  { "[1,", -1, "$[1]", "unexpected end of input", 3 },
  { "{", -1, "$", "unexpected end of input", 1 },
  { "{\"a\":", -1, "$.a", "unexpected end of input", 5 },
  { "{\"a\":1", -1, "$", "unexpected end of input", 6 },
  { "1 2", -1, "$", "unexpected data after the value", 2 },
  { "{} x", -1, "$", "unexpected data after the value", 3 },
  { "[1]]", -1, "$", "unexpected data after the value", 3 },
  { "\xEF\xBB\xBF{}", -1, "$", "byte order mark not allowed", 0 },
  /* Comments and other extensions */
  { "// comment\n1", -1, "$", "expected a value, found ‘/’", 0 },
  { "/* comment */ 1", -1, "$", "expected a value, found ‘/’", 0 },
  { "[1] // comment", -1, "$", "unexpected data after the value", 4 },
  { "\f1", -1, "$", "expected a value, found character 0x0C", 0 },
  { "\xC2\xA0" "1", -1, "$", "expected a value, found byte 0xC2", 0 },
  { "NaN", -1, "$", "expected a value, found ‘N’", 0 },
  { "Infinity", -1, "$", "expected a value, found ‘I’", 0 },
  { "True", -1, "$", "expected a value, found ‘T’", 0 },
  { "tru", -1, "$", "invalid literal (expected ‘true’)", 3 },
  { "[nul]", -1, "$[0]", "invalid literal (expected ‘null’)", 4 },
  { "falsey", -1, "$", "unexpected data after the value", 5 },
  /* Numbers */
  { "01", -1, "$", "invalid number: leading zero", 1 },
  { "-01", -1, "$", "invalid number: leading zero", 2 },
  { "-", -1, "$", "invalid number: digit expected", 1 },
  { "-a", -1, "$", "invalid number: digit expected", 1 },
  { "1.", -1, "$", "invalid number: digit expected after ‘.’", 2 },
  { "[1.e5]", -1, "$[0]", "invalid number: digit expected after ‘.’", 3 },
  { ".5", -1, "$", "expected a value, found ‘.’", 0 },
  { "+1", -1, "$", "expected a value, found ‘+’", 0 },
  { "1e", -1, "$", "invalid number: digit expected in exponent", 2 },
  { "1e+", -1, "$", "invalid number: digit expected in exponent", 3 },
  { "0x10", -1, "$", "unexpected data after the value", 1 },
  { "1e400", -1, "$", "number out of range", 0 },
  { "{\"n\":-1e400}", -1, "$.n", "number out of range", 5 },
  /* Strings */
  { "\"abc", -1, "$", "unterminated string", 0 },
  { "[\"abc", -1, "$[0]", "unterminated string", 1 },
  { "\"abc\\", -1, "$", "unterminated string", 0 },
  { "\"a\tb\"", -1, "$", "control character in string", 2 },
  { "\"a\nb\"", -1, "$", "control character in string", 2 },
  { "\"\x1f\"", -1, "$", "control character in string", 1 },
  { "\"\\x\"", -1, "$", "invalid escape", 1 },
  { "\"\\'\"", -1, "$", "invalid escape", 1 },
  { "\"\\u12\"", -1, "$", "\\u escape needs four hexadecimal digits", 5 },
  { "\"\\u12G4\"", -1, "$", "\\u escape needs four hexadecimal digits", 5 },
  { "\"\\uD800\"", -1, "$", "lone high surrogate \\uD800", 1 },
  { "\"\\uD800\\u0041\"", -1, "$", "lone high surrogate \\uD800", 1 },
  { "\"\\uDBFF\\uDBFF\"", -1, "$", "lone high surrogate \\uDBFF", 1 },
  { "\"\\uD800\\", -1, "$", "lone high surrogate \\uD800", 1 },
  { "\"\\uDC00\"", -1, "$", "lone low surrogate \\uDC00", 1 },
  { "[\"ok\",\"\\uDFFF\"]", -1, "$[1]", "lone low surrogate \\uDFFF", 7 },
  /* NUL, raw or escaped, anywhere */
  { "[\"a\0b\"]", 7, "$[0]", "NUL byte in string", 3 },
  { "[\"\\u0000\"]", -1, "$[0]", "\\u0000 (NUL) not allowed", 2 },
  { "{\"a\\u0000\":1}", -1, "$", "\\u0000 (NUL) not allowed", 3 },
  { "[1]\0", 4, "$", "NUL byte after the value", 3 },
  { "\0", 1, "$", "expected a value, found a NUL byte", 0 },
  { "[1,\0]", 5, "$[1]", "expected a value, found a NUL byte", 3 },
  /* UTF-8 */
  { "{\"people\":[{\"name\":\"\xC3\x28\"}]}", -1, "$.people[0].name", "invalid UTF-8", 20 },
  { "\"\xC0\xAF\"", -1, "$", "invalid UTF-8", 1 },             /* overlong '/' */
  { "\"\xC1\xBF\"", -1, "$", "invalid UTF-8", 1 },             /* overlong */
  { "\"\xE0\x80\xAF\"", -1, "$", "invalid UTF-8", 1 },         /* overlong, 3 bytes */
  { "\"\xF0\x80\x80\xAF\"", -1, "$", "invalid UTF-8", 1 },     /* overlong, 4 bytes */
  { "\"\xED\xA0\x80\"", -1, "$", "invalid UTF-8", 1 },         /* encoded surrogate */
  { "\"\xF4\x90\x80\x80\"", -1, "$", "invalid UTF-8", 1 },     /* above U+10FFFF */
  { "\"\xF5\x80\x80\x80\"", -1, "$", "invalid UTF-8", 1 },
  { "\"\xFF\"", -1, "$", "invalid UTF-8", 1 },
  { "\"\x80\"", -1, "$", "invalid UTF-8", 1 },                 /* lone continuation */
  { "\"ab\xE2\x82\"", -1, "$", "invalid UTF-8", 3 },           /* truncated */
  { "\"\xE2\x82", -1, "$", "invalid UTF-8", 1 },               /* truncated at the end */
  { "{\"na\xFFme\":1}", -1, "$", "invalid UTF-8", 4 },         /* in a key: the object's path */
  { "[\xC3\xA9]", -1, "$[0]", "expected a value, found byte 0xC3", 1 },
  /* Duplicate keys */
  { "{\"people\":[{\"name\":1,\"name\":2}]}", -1, "$.people[0]", "duplicate key \"name\"", 21 },
  { "{\"a\":1,\"\\u0061\":2}", -1, "$", "duplicate key \"a\"", 7 },
  { "{\"a b\":{\"x\":1,\"x\":2}}", -1, "$[\"a b\"]", "duplicate key \"x\"", 14 },
  /* Paths through quoted keys */
  { "{\"a\":{\"b c\":[0,{\"d\":tru}]}}", -1, "$.a[\"b c\"][1].d", "invalid literal", 23 },
  { "{\"say \\\"hi\\\"\":x}", -1, "$[\"say \\\"hi\\\"\"]", "expected a value", 14 },
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_documents); i++)
    {
      const InvalidCase *c = &invalid_documents[i];
      gsize len = c->len < 0 ? strlen (c->doc) : (gsize) c->len;
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonNode) node = NULL;
      g_autofree char *prefix = g_strconcat (c->path, ": ", NULL);
      g_autofree char *suffix = g_strdup_printf (" at byte %" G_GSIZE_FORMAT, c->offset);

      node = hk_json_parse (c->doc, len, NULL, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(parsed)");
      g_assert_null (node);
      g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_true (g_str_has_suffix (error->message, suffix));
      g_assert_nonnull (strstr (error->message, c->what));
    }
}

/* Input need not be NUL-terminated: nothing past @len is read. */
static void
test_not_terminated (void)
{
  const char *docs[] = { "123", "true", "\"abc\"", "[1,2]", "-1.5e3" };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      gsize len = strlen (docs[i]);
      g_autofree char *copy = g_memdup2 (docs[i], len);
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonNode) node = hk_json_parse (copy, len, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (node);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkJsonNode) node = hk_json_parse ("12345", 2, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (hk_json_node_get_number (node), ==, 12);
  }
}

static void
test_accessors (void)
{
  const char *doc =
    "{\"name\":\"Ada\",\"age\":36,\"ratio\":0.5,\"alive\":false,\"spouse\":null,"
    "\"aliases\":[\"A\",\"\\uD83D\\uDE00x\"],\"nested\":{\"k\":[]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) root = hk_json_parse (doc, strlen (doc), NULL, &error);
  HkJsonNode *v;
  gint64 n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (hk_json_node_get_type (root), ==, HK_JSON_OBJECT);
  g_assert_cmpuint (hk_json_node_get_length (root), ==, 7);

  /* Document order */
  g_assert_cmpstr (hk_json_node_get_member_name (root, 0), ==, "name");
  g_assert_cmpstr (hk_json_node_get_member_name (root, 6), ==, "nested");
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_get_member_value (root, 0)), ==, "Ada");

  v = hk_json_node_lookup (root, "age");
  g_assert_cmpint (hk_json_node_get_type (v), ==, HK_JSON_NUMBER);
  g_assert_cmpfloat (hk_json_node_get_number (v), ==, 36);
  g_assert_true (hk_json_node_get_int (v, &n));
  g_assert_cmpint (n, ==, 36);

  v = hk_json_node_lookup (root, "ratio");
  g_assert_false (hk_json_node_get_int (v, &n));

  v = hk_json_node_lookup (root, "alive");
  g_assert_cmpint (hk_json_node_get_type (v), ==, HK_JSON_BOOL);
  g_assert_false (hk_json_node_get_bool (v));

  v = hk_json_node_lookup (root, "spouse");
  g_assert_cmpint (hk_json_node_get_type (v), ==, HK_JSON_NULL);

  v = hk_json_node_lookup (root, "aliases");
  g_assert_cmpint (hk_json_node_get_type (v), ==, HK_JSON_ARRAY);
  g_assert_cmpuint (hk_json_node_get_length (v), ==, 2);
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_get_element (v, 1)), ==, "😀x");
  g_assert_cmpuint (hk_json_node_get_string_length (hk_json_node_get_element (v, 1)), ==, 5);
  g_assert_false (hk_json_node_get_int (v, &n)); /* not a number */

  v = hk_json_node_lookup (root, "nested");
  v = hk_json_node_lookup (v, "k");
  g_assert_cmpuint (hk_json_node_get_length (v), ==, 0);

  g_assert_null (hk_json_node_lookup (root, "missing"));
  g_assert_null (hk_json_node_lookup (root, "Name"));
}

static void
test_integers (void)
{
  static const struct {
    const char *doc;
    gboolean    is_int;
    gint64      value;
  } cases[] = {
    { "0", TRUE, 0 },
    { "-0", TRUE, 0 },
    { "1E2", TRUE, 100 },
    { "2.0", TRUE, 2 },
    { "-42", TRUE, -42 },
    { "9007199254740992", TRUE, G_GINT64_CONSTANT (9007199254740992) },
    { "-9007199254740992", TRUE, G_GINT64_CONSTANT (-9007199254740992) },
    { "18014398509481984", FALSE, 0 },  /* 2^54 */
    { "1e300", FALSE, 0 },
    { "0.5", FALSE, 0 },
    { "1e-5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonNode) node = hk_json_parse (cases[i].doc, strlen (cases[i].doc), NULL, &error);
      gint64 value = -1;

      g_assert_no_error (error);
      g_assert_cmpint (hk_json_node_get_int (node, &value), ==, cases[i].is_int);
      if (cases[i].is_int)
        g_assert_cmpint (value, ==, cases[i].value);
    }
}

static HkJsonNode *
parse_str (const char          *doc,
           const HkJsonLimits  *limits,
           GError             **error)
{
  return hk_json_parse (doc, strlen (doc), limits, error);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  HkJsonLimits limits = { 0 };

  /* Depth: exactly the cap parses, one more is refused. */
  limits.max_depth = 3;
  node = parse_str ("[[[1]]]", &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, hk_json_node_free);
  node = parse_str ("[{\"a\":[[1]]}]", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$[0].a[0]: nesting deeper than 3 levels at byte 7");
  g_clear_error (&error);

  /* String bytes, counted after decoding */
  limits = (HkJsonLimits) { .max_string_bytes = 4 };
  node = parse_str ("[\"abcd\",\"\\u00e9\\u00e9\"]", &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, hk_json_node_free);
  node = parse_str ("[\"abcde\"]", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$[0]: string longer than 4 bytes at byte 6");
  g_clear_error (&error);
  node = parse_str ("\"abc\\u00e9\"", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: string longer than 4 bytes at byte 4");
  g_clear_error (&error);
  node = parse_str ("\"abc\xC3\xA9\"", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: string longer than 4 bytes at byte 4");
  g_clear_error (&error);
  node = parse_str ("{\"abcde\":1}", &limits, &error);  /* keys too */
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: string longer than 4 bytes at byte 6");
  g_clear_error (&error);

  /* Members per container */
  limits = (HkJsonLimits) { .max_members = 3 };
  node = parse_str ("[[1,2,3],{\"a\":1,\"b\":2,\"c\":3}]", &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, hk_json_node_free);
  node = parse_str ("[1,2,3,4]", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: array has more than 3 elements at byte 7");
  g_clear_error (&error);
  node = parse_str ("{\"x\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$.x: object has more than 3 members at byte 24");
  g_clear_error (&error);

  /* Whole document */
  limits = (HkJsonLimits) { .max_bytes = 10 };
  node = parse_str ("[1,2,3,45]", &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, hk_json_node_free);
  node = parse_str ("[1,2,3,456]", &limits, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: document larger than 10 bytes at byte 10");
  g_clear_error (&error);

  /* Numbers have an implementation limit on their length. */
  {
    GString *s = g_string_new ("0.");

    for (guint i = 0; i < 1100; i++)
      g_string_append_c (s, '1');
    node = hk_json_parse (s->str, s->len, NULL, &error);
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "$: number longer than 1024 characters at byte 0");
    g_clear_error (&error);
    g_string_free (s, TRUE);
  }
}

static void
test_default_depth (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  g_autoptr(GString) expected = g_string_new ("$");

  for (guint i = 0; i < 33; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 33; i++)
    g_string_append_c (s, ']');

  node = hk_json_parse (s->str, s->len, NULL, &error);
  g_assert_null (node);
  for (guint i = 0; i < 32; i++)
    g_string_append (expected, "[0]");
  g_string_append (expected, ": nesting deeper than 32 levels at byte 32");
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected->str);

  g_string_free (s, TRUE);
}

static void
make_nested (guint     depth,
             GString **out_arrays,
             GString **out_objects)
{
  GString *arrays = g_string_new (NULL);
  GString *objects = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
    }
  g_string_append (objects, "1");
  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (arrays, ']');
      g_string_append_c (objects, '}');
    }
  *out_arrays = arrays;
  *out_objects = objects;
}

/* 10,000 levels are refused by the default cap, without crashing. */
static void
test_deep_nesting (void)
{
  GString *arrays, *objects;

  make_nested (10000, &arrays, &objects);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkJsonNode) node = hk_json_parse (arrays->str, arrays->len, NULL, &error);

    g_assert_null (node);
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nesting deeper than 32 levels at byte 32"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkJsonNode) node = hk_json_parse (objects->str, objects->len, NULL, &error);
    g_autoptr(GString) path = g_string_new ("$");

    for (guint i = 0; i < 32; i++)
      g_string_append (path, ".a");
    g_string_append (path, ": nesting deeper than 32 levels at byte 160");
    g_assert_null (node);
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, path->str);
  }
  g_string_free (arrays, TRUE);
  g_string_free (objects, TRUE);
}

/* With the cap lifted, 200,000 levels (far more than a recursive parser's C
 * stack would survive) parse, write, compare and free without recursion. */
static void
test_deep_nesting_lifted (void)
{
  const guint depth = 200000;
  HkJsonLimits limits = { .max_depth = depth };
  GString *arrays, *objects;

  make_nested (depth, &arrays, &objects);
  for (guint k = 0; k < 2; k++)
    {
      GString *doc = k == 0 ? arrays : objects;
      g_autoptr(GError) error = NULL;
      g_autoptr(HkJsonNode) node = hk_json_parse (doc->str, doc->len, &limits, &error);
      g_autoptr(HkJsonNode) again = NULL;
      g_autoptr(HkJsonWriter) writer = hk_json_writer_new (FALSE);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      hk_json_writer_node (writer, node);
      text = hk_json_writer_finish (g_steal_pointer (&writer));
      g_assert_cmpstr (text, ==, doc->str);
      again = hk_json_parse (text, strlen (text), &limits, &error);
      g_assert_no_error (error);
      g_assert_true (hk_json_node_equal (node, again));
    }

  /* Unclosed: the error path must not recurse either. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkJsonNode) node = hk_json_parse (arrays->str, depth, &limits, &error);

    g_assert_null (node);
    g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
    g_assert_true (g_str_has_suffix (error->message, "unexpected end of input at byte 200000"));
  }
  g_string_free (arrays, TRUE);
  g_string_free (objects, TRUE);

  /* Pretty output grows with the square of the depth, so go less deep. */
  limits.max_depth = 1000;
  make_nested (1000, &arrays, &objects);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HkJsonNode) node = hk_json_parse (objects->str, objects->len, &limits, &error);

    g_assert_no_error (error);
    assert_round_trip (node, &limits);
  }
  g_string_free (arrays, TRUE);
  g_string_free (objects, TRUE);
}

static void
test_large_array (void)
{
  const guint n = 200000;
  GString *s = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  gint64 value = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\":%u,\"name\":\"person %u\"}", i ? "," : "", i, i);
  g_string_append_c (s, ']');

  node = hk_json_parse (s->str, s->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hk_json_node_get_length (node), ==, n);
  g_assert_true (hk_json_node_get_int (hk_json_node_lookup (hk_json_node_get_element (node, n - 1), "id"),
                                       &value));
  g_assert_cmpint (value, ==, n - 1);
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_lookup (hk_json_node_get_element (node, 12345), "name")),
                   ==, "person 12345");
  assert_round_trip (node, NULL);

  g_string_free (s, TRUE);
}

/* A large object takes the hashed duplicate check; a duplicate at the very
 * end must still be found. */
static void
test_large_object (void)
{
  const guint n = 200000;
  GString *s = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  gsize dup_offset;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"k%u\":%u", i ? "," : "", i, i);

  g_string_append_c (s, '}');
  node = hk_json_parse (s->str, s->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hk_json_node_get_length (node), ==, n);
  g_assert_cmpstr (hk_json_node_get_member_name (node, n - 1), ==, "k199999");
  g_clear_pointer (&node, hk_json_node_free);

  g_string_truncate (s, s->len - 1);
  dup_offset = s->len + 1;
  g_string_append (s, ",\"k777\":0}");
  node = hk_json_parse (s->str, s->len, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  {
    g_autofree char *expected = g_strdup_printf ("$: duplicate key \"k777\" at byte %" G_GSIZE_FORMAT,
                                                 dup_offset);
    g_assert_cmpstr (error->message, ==, expected);
  }

  g_string_free (s, TRUE);
}

static void
test_writer_compact (void)
{
  g_autoptr(HkJsonWriter) w = hk_json_writer_new (FALSE);
  g_autofree char *text = NULL;

  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "a");
  hk_json_writer_int (w, -5);
  hk_json_writer_key (w, "b");
  hk_json_writer_begin_array (w);
  hk_json_writer_bool (w, TRUE);
  hk_json_writer_null (w);
  hk_json_writer_begin_object (w);
  hk_json_writer_end_object (w);
  hk_json_writer_begin_array (w);
  hk_json_writer_end_array (w);
  hk_json_writer_string (w, NULL);
  hk_json_writer_number (w, 0.1);
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "c");
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "d");
  hk_json_writer_string (w, "e");
  hk_json_writer_key (w, "f");
  hk_json_writer_bool (w, FALSE);
  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);
  text = hk_json_writer_finish (g_steal_pointer (&w));

  g_assert_cmpstr (text, ==,
                   "{\"a\":-5,\"b\":[true,null,{},[],null,0.1],\"c\":{\"d\":\"e\",\"f\":false}}");
}

static void
test_writer_pretty (void)
{
  g_autoptr(HkJsonWriter) w = hk_json_writer_new (TRUE);
  g_autofree char *text = NULL;

  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "a");
  hk_json_writer_int (w, 1);
  hk_json_writer_key (w, "b");
  hk_json_writer_begin_array (w);
  hk_json_writer_int (w, 2);
  hk_json_writer_begin_object (w);
  hk_json_writer_key (w, "c");
  hk_json_writer_begin_array (w);
  hk_json_writer_end_array (w);
  hk_json_writer_end_object (w);
  hk_json_writer_end_array (w);
  hk_json_writer_key (w, "d");
  hk_json_writer_begin_object (w);
  hk_json_writer_end_object (w);
  hk_json_writer_end_object (w);
  text = hk_json_writer_finish (g_steal_pointer (&w));

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"a\": 1,\n"
                   "  \"b\": [\n"
                   "    2,\n"
                   "    {\n"
                   "      \"c\": []\n"
                   "    }\n"
                   "  ],\n"
                   "  \"d\": {}\n"
                   "}");
}

static void
test_writer_escaping (void)
{
  g_autoptr(HkJsonWriter) w = hk_json_writer_new (FALSE);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  const char *value = "q\" b\\ s/ \x01\x1f\n\t\r é 😀 \x7f";

  hk_json_writer_begin_array (w);
  hk_json_writer_string (w, value);
  hk_json_writer_string (w, "bad \xC3\x28 \xED\xA0\x80 end");
  hk_json_writer_end_array (w);
  text = hk_json_writer_finish (g_steal_pointer (&w));

  g_assert_cmpstr (text, ==,
                   "[\"q\\\" b\\\\ s/ \\u0001\\u001f\\u000a\\u0009\\u000d é 😀 \x7f\","
                   "\"bad \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end\"]");

  node = hk_json_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_json_node_get_string (hk_json_node_get_element (node, 0)), ==, value);
}

static void
test_writer_numbers (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 0.0, "0" },
    { -0.0, "-0" },
    { 1.0, "1" },
    { 0.1, "0.1" },
    { -2.5, "-2.5" },
    { 1e21, "1e+21" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 9007199254740993.0, "9007199254740992" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HkJsonWriter) w = hk_json_writer_new (FALSE);
      g_autofree char *text = NULL;

      hk_json_writer_number (w, cases[i].value);
      text = hk_json_writer_finish (g_steal_pointer (&w));
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autoptr(HkJsonWriter) w = hk_json_writer_new (FALSE);
    g_autofree char *text = NULL;

    hk_json_writer_begin_array (w);
    hk_json_writer_number (w, INFINITY);
    hk_json_writer_number (w, NAN);
    hk_json_writer_int (w, G_MININT64);
    hk_json_writer_end_array (w);
    text = hk_json_writer_finish (g_steal_pointer (&w));
    g_assert_cmpstr (text, ==, "[null,null,-9223372036854775808]");
  }
}

static void
test_equal (void)
{
  static const struct {
    const char *a;
    const char *b;
    gboolean    equal;
  } cases[] = {
    { "1", "1.0", TRUE },
    { "0", "-0", TRUE },
    { "1", "2", FALSE },
    { "1", "\"1\"", FALSE },
    { "null", "false", FALSE },
    { "true", "true", TRUE },
    { "\"a\"", "\"\\u0061\"", TRUE },
    { "\"a\"", "\"ab\"", FALSE },
    { "[1,[2]]", "[1,[2]]", TRUE },
    { "[1,[2]]", "[1,[3]]", FALSE },
    { "[1]", "[1,1]", FALSE },
    { "{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":2}", TRUE },
    { "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", FALSE },  /* order matters */
    { "{\"a\":1}", "{\"b\":1}", FALSE },
    { "{\"a\":[]}", "{\"a\":{}}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HkJsonNode) a = hk_json_parse (cases[i].a, strlen (cases[i].a), NULL, NULL);
      g_autoptr(HkJsonNode) b = hk_json_parse (cases[i].b, strlen (cases[i].b), NULL, NULL);

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (hk_json_node_equal (a, b), ==, cases[i].equal);
      g_assert_cmpint (hk_json_node_equal (b, a), ==, cases[i].equal);
    }
}

static void
test_path_append (void)
{
  static const struct {
    const char *path;
    const char *name;
    const char *expected;
  } cases[] = {
    { NULL, "name", "$.name" },
    { "$.people[3]", "date_of_birth", "$.people[3].date_of_birth" },
    { "$", "_x9", "$._x9" },
    { "$", "9x", "$[\"9x\"]" },
    { "$", "", "$[\"\"]" },
    { "$", "two words", "$[\"two words\"]" },
    { "$", "q\"\\", "$[\"q\\\"\\\\\"]" },
    { "$", "é", "$[\"é\"]" },
    { "$", "\n", "$[\"\\u000a\"]" },
    { "$", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
      "$[\"abcdefghijklmnopqrstuvwxyzabcdefghijklmn…\"]" },
    /* Cut at a character boundary, never inside one */
    { "$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa€€",
      "$[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = hk_json_path_append_member (cases[i].path, cases[i].name);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_free_null (void)
{
  hk_json_node_free (NULL);
  hk_json_writer_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hk_init ();

  g_test_add_func ("/json/valid", test_valid);
  g_test_add_func ("/json/invalid", test_invalid);
  g_test_add_func ("/json/not-terminated", test_not_terminated);
  g_test_add_func ("/json/accessors", test_accessors);
  g_test_add_func ("/json/integers", test_integers);
  g_test_add_func ("/json/limits", test_limits);
  g_test_add_func ("/json/default-depth", test_default_depth);
  g_test_add_func ("/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/deep-nesting-lifted", test_deep_nesting_lifted);
  g_test_add_func ("/json/large-array", test_large_array);
  g_test_add_func ("/json/large-object", test_large_object);
  g_test_add_func ("/json/writer/compact", test_writer_compact);
  g_test_add_func ("/json/writer/pretty", test_writer_pretty);
  g_test_add_func ("/json/writer/escaping", test_writer_escaping);
  g_test_add_func ("/json/writer/numbers", test_writer_numbers);
  g_test_add_func ("/json/equal", test_equal);
  g_test_add_func ("/json/path-append", test_path_append);
  g_test_add_func ("/json/free-null", test_free_null);

  return g_test_run ();
}
