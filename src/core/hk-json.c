/* hk-json.c: a strict, non-recursive JSON reader and writer for hostile input
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "hearken/hk-error.h"
#include "hearken/hk-json.h"

#define DEFAULT_MAX_BYTES        ((gsize) 64 * 1024 * 1024)
#define DEFAULT_MAX_DEPTH        32
#define DEFAULT_MAX_STRING_BYTES ((gsize) 1024 * 1024)
#define DEFAULT_MAX_MEMBERS      1000000

/* RFC 8259 leaves number range and precision to implementations; no double
 * needs more characters than this, and it bounds strtod's work. */
#define MAX_NUMBER_CHARS 1024
/* Below this many members, finding a duplicate key by scanning is cheaper
 * than hashing. */
#define LINEAR_KEY_CHECK_MAX 16
/* Long keys are shortened in paths so error messages stay one readable line. */
#define PATH_KEY_MAX_BYTES 40

#define ARENA_FIRST_CHUNK  ((gsize) 4096)
#define ARENA_MAX_CHUNK    ((gsize) 1024 * 1024)

/* Nodes are 16 bytes and children are stored inline in one block per
 * container, so even "[0,0,0,…]" (2 bytes a value) stays within 8× its size. */
struct _HkJsonNode
{
  guint8  type;
  guint8  is_root;
  guint8  boolean;
  guint32 length;   /* string bytes, or element / member count */
  union {
    double        number;
    const char   *string;
    HkJsonNode   *elements;
    struct _HkJsonMember *members;
  } v;
};

typedef struct _HkJsonMember
{
  const char *name;
  HkJsonNode  value;
} HkJsonMember;

/* Every node, string and child block of one document lives in an arena that
 * is wiped and released in one go: freeing needs no tree walk at all. */
typedef struct _ArenaChunk
{
  struct _ArenaChunk *next;
  gsize               size;
  gsize               used;
  /* data follows, 16-byte aligned by the header size */
  gsize               pad;
} ArenaChunk;

typedef struct
{
  ArenaChunk *head;       /* the chunk being filled */
  ArenaChunk *large;      /* dedicated chunks for big blocks */
  gsize       next_size;
} Arena;

typedef struct
{
  HkJsonNode root;        /* first, so a root node pointer is the document */
  Arena      arena;
} HkJsonDocument;

G_STATIC_ASSERT (sizeof (HkJsonNode) == 16);
G_STATIC_ASSERT (sizeof (ArenaChunk) % 16 == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (HkJsonDocument, root) == 0);

static inline guint8 *
chunk_data (ArenaChunk *chunk)
{
  return (guint8 *) (chunk + 1);
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  ArenaChunk *chunk;
  gpointer mem;

  size = (size + 7) & ~(gsize) 7;
  if (size == 0)
    size = 8;

  if (arena->next_size == 0)
    arena->next_size = ARENA_FIRST_CHUNK;

  /* Big blocks (large arrays and strings) get their own chunk so the
   * common chunk is not abandoned half full. */
  if (size > ARENA_MAX_CHUNK / 4)
    {
      chunk = g_malloc (sizeof (ArenaChunk) + size);
      chunk->size = size;
      chunk->used = size;
      chunk->next = arena->large;
      arena->large = chunk;
      return chunk_data (chunk);
    }

  chunk = arena->head;
  if (chunk == NULL || chunk->size - chunk->used < size)
    {
      gsize chunk_size = arena->next_size;

      while (chunk_size < size)
        chunk_size *= 2;
      chunk = g_malloc (sizeof (ArenaChunk) + chunk_size);
      chunk->size = chunk_size;
      chunk->used = 0;
      chunk->next = arena->head;
      arena->head = chunk;
      if (arena->next_size < ARENA_MAX_CHUNK)
        arena->next_size *= 2;
    }

  mem = chunk_data (chunk) + chunk->used;
  chunk->used += size;
  return mem;
}

static void
arena_chunks_free (ArenaChunk *chunk)
{
  while (chunk != NULL)
    {
      ArenaChunk *next = chunk->next;

      /* Parsed documents hold people's details: leave no copy in freed memory. */
      sodium_memzero (chunk_data (chunk), chunk->used);
      g_free (chunk);
      chunk = next;
    }
}

static void
arena_clear (Arena *arena)
{
  arena_chunks_free (arena->head);
  arena_chunks_free (arena->large);
  arena->head = NULL;
  arena->large = NULL;
}

/* ---- Paths ---- */

static gboolean
is_plain_key (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len);

/* Appends @name escaped, cut at a character boundary if it is long. */
static void
append_shortened (GString    *out,
                  const char *name)
{
  gsize len = strlen (name);

  if (len > PATH_KEY_MAX_BYTES)
    {
      const char *end = name + PATH_KEY_MAX_BYTES;

      /* Back up to the start of a character. */
      while (end > name && ((guint8) *end & 0xC0) == 0x80)
        end--;
      append_escaped (out, name, end - name);
      g_string_append (out, "…");
    }
  else
    {
      append_escaped (out, name, len);
    }
}

static void
path_append_member (GString    *path,
                    const char *name)
{
  if (is_plain_key (name) && strlen (name) <= PATH_KEY_MAX_BYTES)
    {
      g_string_append_c (path, '.');
      g_string_append (path, name);
      return;
    }

  g_string_append (path, "[\"");
  append_shortened (path, name);
  g_string_append (path, "\"]");
}

char *
hk_json_path_append_member (const char *path,
                            const char *name)
{
  GString *s;

  g_return_val_if_fail (name != NULL, NULL);

  s = g_string_new (path ? path : "$");
  path_append_member (s, name);
  return g_string_free (s, FALSE);
}

/* ---- Parser ---- */

typedef struct
{
  gboolean    is_object;
  guint       start;        /* first child's index in the parser's item stack */
  const char *key;          /* the member being parsed (objects) */
  GHashTable *keys;         /* the keys seen so far, once the object is large */
} Frame;

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
  HkJsonLimits  limits;
  Arena        *arena;

  Frame        *frames;     /* open containers, innermost last */
  guint         n_frames;
  guint         frames_size;

  HkJsonMember *items;      /* finished children of open containers */
  gsize         n_items;
  gsize         items_size;

  guint8       *scratch;    /* a string being decoded */
  gsize         scratch_len;
  gsize         scratch_size;

  GError      **error;
} Parser;

static guint8 hash_key[crypto_shorthash_KEYBYTES];

/* Seeded SipHash, so hostile keys cannot be chosen to collide. */
static guint
key_hash (gconstpointer key)
{
  const char *s = key;
  guint8 out[crypto_shorthash_BYTES];
  guint h;

  crypto_shorthash (out, (const guint8 *) s, strlen (s), hash_key);
  memcpy (&h, out, sizeof h);
  return h;
}

static void
ensure_hash_key (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      randombytes_buf (hash_key, sizeof hash_key);
      g_once_init_leave (&once, 1);
    }
}

static char *
parser_path (Parser   *p,
             gboolean  with_child)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < p->n_frames; i++)
    {
      Frame *f = &p->frames[i];
      gboolean last = i + 1 == p->n_frames;

      if (last && !with_child)
        break;
      if (f->is_object)
        {
          if (f->key == NULL)
            break;
          path_append_member (path, f->key);
        }
      else
        {
          gsize end = last ? p->n_items : p->frames[i + 1].start;

          g_string_append_printf (path, "[%" G_GSIZE_FORMAT "]", end - f->start);
        }
    }
  return g_string_free (path, FALSE);
}

static gboolean parser_fail (Parser     *p,
                             gboolean    with_child,
                             gsize       offset,
                             const char *format,
                             ...) G_GNUC_PRINTF (4, 5);

/* Every message reads "<path>: <what> at byte <offset>". */
static gboolean
parser_fail (Parser     *p,
             gboolean    with_child,
             gsize       offset,
             const char *format,
             ...)
{
  g_autofree char *path = NULL;
  g_autofree char *what = NULL;
  g_autofree char *at = NULL;
  va_list ap;

  if (p->error == NULL)
    return FALSE;

  path = parser_path (p, with_child);
  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  /* Formatted apart: xgettext cannot see through G_GSIZE_FORMAT. */
  at = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
  /* Translators: "$.people[3].name: invalid UTF-8 at byte 1234" */
  g_set_error (p->error, HK_ERROR, HK_ERROR_INVALID, _("%s: %s at byte %s"), path, what, at);
  return FALSE;
}

static gboolean
fail_string_too_long (Parser   *p,
                      gboolean  with_child,
                      gsize     offset)
{
  gsize max = p->limits.max_string_bytes;
  g_autofree char *n = g_strdup_printf ("%" G_GSIZE_FORMAT, max);

  return parser_fail (p, with_child, offset,
                      ngettext ("string longer than %s byte", "string longer than %s bytes",
                                (gulong) MIN (max, G_MAXULONG)),
                      n);
}

static void
skip_whitespace (Parser *p)
{
  while (p->pos < p->len)
    {
      guint8 c = p->data[p->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      p->pos++;
    }
}

/* Names what was found, for "expected X, found Y" messages, without echoing
 * bytes that might not be printable or valid. */
static char *
describe_byte (Parser *p)
{
  guint8 c;

  if (p->pos >= p->len)
    return g_strdup (_("end of input"));
  c = p->data[p->pos];
  if (c == '\0')
    return g_strdup (_("a NUL byte"));
  if (c >= 0x21 && c < 0x7f)
    return g_strdup_printf ("‘%c’", c);
  if (c < 0x80)
    return g_strdup_printf (_("character 0x%02X"), c);
  return g_strdup_printf (_("byte 0x%02X"), c);
}

static void
scratch_reserve (Parser *p,
                 gsize   extra)
{
  if (p->scratch_size - p->scratch_len >= extra)
    return;

  {
    gsize size = MAX (p->scratch_size * 2, p->scratch_len + extra);
    guint8 *buf = g_malloc (size);

    if (p->scratch_len)
      memcpy (buf, p->scratch, p->scratch_len);
    if (p->scratch)
      {
        sodium_memzero (p->scratch, p->scratch_size);
        g_free (p->scratch);
      }
    p->scratch = buf;
    p->scratch_size = size;
  }
}

static inline void
scratch_append (Parser       *p,
                const guint8 *bytes,
                gsize         n)
{
  scratch_reserve (p, n);
  memcpy (p->scratch + p->scratch_len, bytes, n);
  p->scratch_len += n;
}

static int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits of a \u escape at @pos (just after the 'u'). */
static gboolean
read_hex4 (Parser   *p,
           gboolean  with_child,
           gsize     pos,
           guint    *out)
{
  guint v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = pos + i < p->len ? hex_value (p->data[pos + i]) : -1;

      if (d < 0)
        return parser_fail (p, with_child, pos + i,
                            _("\\u escape needs four hexadecimal digits"));
      v = v << 4 | (guint) d;
    }
  *out = v;
  return TRUE;
}

/* Length of the valid UTF-8 sequence at @s, or 0 if it is not one
 * (overlong forms, surrogates and values above U+10FFFF included). */
static gsize
utf8_sequence_length (const guint8 *s,
                      gsize         avail)
{
  guint8 c = s[0];
  guint8 lo = 0x80, hi = 0xBF;
  gsize n;

  if (c < 0x80)
    return 1;
  else if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if (avail < n)
    return 0;
  if (s[1] < lo || s[1] > hi)
    return 0;
  for (gsize i = 2; i < n; i++)
    if (s[i] < 0x80 || s[i] > 0xBF)
      return 0;
  return n;
}

static gsize
utf8_encode (guint   cp,
             guint8 *out)
{
  if (cp < 0x80)
    {
      out[0] = cp;
      return 1;
    }
  if (cp < 0x800)
    {
      out[0] = 0xC0 | (cp >> 6);
      out[1] = 0x80 | (cp & 0x3F);
      return 2;
    }
  if (cp < 0x10000)
    {
      out[0] = 0xE0 | (cp >> 12);
      out[1] = 0x80 | ((cp >> 6) & 0x3F);
      out[2] = 0x80 | (cp & 0x3F);
      return 3;
    }
  out[0] = 0xF0 | (cp >> 18);
  out[1] = 0x80 | ((cp >> 12) & 0x3F);
  out[2] = 0x80 | ((cp >> 6) & 0x3F);
  out[3] = 0x80 | (cp & 0x3F);
  return 4;
}

/* Decodes the string starting at the opening quote into the arena. Errors in
 * a key belong to the object, errors in a value to that value's path. */
static gboolean
parse_string (Parser      *p,
              gboolean     with_child,
              const char **out,
              guint32     *out_len)
{
  gsize start = p->pos;
  gsize max = p->limits.max_string_bytes;
  char *copy;

  p->pos++;
  p->scratch_len = 0;

  for (;;)
    {
      gsize run = p->pos;
      guint8 c;

      /* Copy plain ASCII in runs. */
      while (run < p->len)
        {
          c = p->data[run];
          if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
            break;
          run++;
        }
      if (run > p->pos)
        {
          if (p->scratch_len + (run - p->pos) > max)
            return fail_string_too_long (p, with_child, p->pos + (max - p->scratch_len));
          scratch_append (p, p->data + p->pos, run - p->pos);
          p->pos = run;
        }

      if (p->pos >= p->len)
        return parser_fail (p, with_child, start, _("unterminated string"));

      c = p->data[p->pos];
      if (c == '"')
        {
          p->pos++;
          break;
        }
      else if (c == '\\')
        {
          guint8 buf[4];
          gsize n = 1;
          gsize esc = p->pos;

          if (esc + 1 >= p->len)
            return parser_fail (p, with_child, start, _("unterminated string"));

          switch (p->data[esc + 1])
            {
            case '"':  buf[0] = '"'; break;
            case '\\': buf[0] = '\\'; break;
            case '/':  buf[0] = '/'; break;
            case 'b':  buf[0] = '\b'; break;
            case 'f':  buf[0] = '\f'; break;
            case 'n':  buf[0] = '\n'; break;
            case 'r':  buf[0] = '\r'; break;
            case 't':  buf[0] = '\t'; break;
            case 'u':
              {
                guint cp;

                if (!read_hex4 (p, with_child, esc + 2, &cp))
                  return FALSE;
                p->pos = esc + 6;
                if (cp == 0)
                  return parser_fail (p, with_child, esc, _("\\u0000 (NUL) not allowed"));
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                  return parser_fail (p, with_child, esc, _("lone low surrogate \\u%04X"), cp);
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    guint lo;

                    if (p->pos + 1 >= p->len ||
                        p->data[p->pos] != '\\' || p->data[p->pos + 1] != 'u')
                      return parser_fail (p, with_child, esc,
                                          _("lone high surrogate \\u%04X"), cp);
                    if (!read_hex4 (p, with_child, p->pos + 2, &lo))
                      return FALSE;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                      return parser_fail (p, with_child, esc,
                                          _("lone high surrogate \\u%04X"), cp);
                    p->pos += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                  }
                n = utf8_encode (cp, buf);
                goto append;
              }
            default:
              return parser_fail (p, with_child, esc, _("invalid escape"));
            }
          p->pos = esc + 2;
        append:
          if (p->scratch_len + n > max)
            return fail_string_too_long (p, with_child, esc);
          scratch_append (p, buf, n);
        }
      else if (c == '\0')
        {
          return parser_fail (p, with_child, p->pos, _("NUL byte in string"));
        }
      else if (c < 0x20)
        {
          return parser_fail (p, with_child, p->pos, _("control character in string"));
        }
      else
        {
          gsize n = utf8_sequence_length (p->data + p->pos, p->len - p->pos);

          if (n == 0)
            return parser_fail (p, with_child, p->pos, _("invalid UTF-8"));
          if (p->scratch_len + n > max)
            return fail_string_too_long (p, with_child, p->pos);
          scratch_append (p, p->data + p->pos, n);
          p->pos += n;
        }
    }

  if (p->scratch_len > G_MAXUINT32)
    return parser_fail (p, with_child, start, _("string too long"));

  if (p->scratch_len == 0)
    {
      *out = "";
    }
  else
    {
      copy = arena_alloc (p->arena, p->scratch_len + 1);
      memcpy (copy, p->scratch, p->scratch_len);
      copy[p->scratch_len] = '\0';
      *out = copy;
    }
  *out_len = p->scratch_len;
  return TRUE;
}

static gboolean
parse_number (Parser     *p,
              HkJsonNode *node)
{
  gsize start = p->pos;
  gsize i = p->pos;
  char stack_buf[64];
  g_autofree char *heap_buf = NULL;
  char *buf = stack_buf;
  gboolean has_point_or_exponent = FALSE;
  double value;

#define DIGIT_AT(k) ((k) < p->len && g_ascii_isdigit (p->data[k]))

  if (i < p->len && p->data[i] == '-')
    i++;
  if (!DIGIT_AT (i))
    return parser_fail (p, TRUE, i, _("invalid number: digit expected"));
  if (p->data[i] == '0')
    {
      i++;
      if (DIGIT_AT (i))
        return parser_fail (p, TRUE, i, _("invalid number: leading zero"));
    }
  else
    {
      while (DIGIT_AT (i))
        i++;
    }
  if (i < p->len && p->data[i] == '.')
    {
      has_point_or_exponent = TRUE;
      i++;
      if (!DIGIT_AT (i))
        return parser_fail (p, TRUE, i, _("invalid number: digit expected after ‘.’"));
      while (DIGIT_AT (i))
        i++;
    }
  if (i < p->len && (p->data[i] == 'e' || p->data[i] == 'E'))
    {
      has_point_or_exponent = TRUE;
      i++;
      if (i < p->len && (p->data[i] == '+' || p->data[i] == '-'))
        i++;
      if (!DIGIT_AT (i))
        return parser_fail (p, TRUE, i, _("invalid number: digit expected in exponent"));
      while (DIGIT_AT (i))
        i++;
    }
#undef DIGIT_AT

  /* Most numbers are small integers, exact in a double: skip strtod. */
  if (!has_point_or_exponent && i - start <= 16)
    {
      gsize k = start;
      gboolean negative = p->data[k] == '-';
      gint64 n = 0;

      if (negative)
        k++;
      if (i - k <= 15)
        {
          for (; k < i; k++)
            n = n * 10 + (p->data[k] - '0');
          node->type = HK_JSON_NUMBER;
          node->v.number = negative ? -(double) n : (double) n;
          p->pos = i;
          return TRUE;
        }
    }

  if (i - start > MAX_NUMBER_CHARS)
    return parser_fail (p, TRUE, start, _("number longer than %d characters"), MAX_NUMBER_CHARS);

  /* The input need not be NUL-terminated, so convert a copy. */
  if (i - start >= sizeof stack_buf)
    buf = heap_buf = g_malloc (i - start + 1);
  memcpy (buf, p->data + start, i - start);
  buf[i - start] = '\0';
  value = g_ascii_strtod (buf, NULL);
  if (!isfinite (value))
    return parser_fail (p, TRUE, start, _("number out of range"));

  node->type = HK_JSON_NUMBER;
  node->v.number = value;
  p->pos = i;
  return TRUE;
}

static gboolean
parse_literal (Parser     *p,
               HkJsonNode *node)
{
  static const struct {
    const char *text;
    gsize       len;
    HkJsonType  type;
    gboolean    value;
  } literals[] = {
    { "true", 4, HK_JSON_BOOL, TRUE },
    { "false", 5, HK_JSON_BOOL, FALSE },
    { "null", 4, HK_JSON_NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      if (p->data[p->pos] != literals[i].text[0])
        continue;
      for (gsize k = 1; k < literals[i].len; k++)
        if (p->pos + k >= p->len || p->data[p->pos + k] != (guint8) literals[i].text[k])
          return parser_fail (p, TRUE, p->pos + k, _("invalid literal (expected ‘%s’)"),
                              literals[i].text);
      node->type = literals[i].type;
      node->boolean = literals[i].value;
      p->pos += literals[i].len;
      return TRUE;
    }

  {
    g_autofree char *found = describe_byte (p);

    return parser_fail (p, TRUE, p->pos, _("expected a value, found %s"), found);
  }
}

static void
push_item (Parser           *p,
           const char       *name,
           const HkJsonNode *value)
{
  if (p->n_items == p->items_size)
    {
      p->items_size = MAX (64, p->items_size * 2);
      p->items = g_renew (HkJsonMember, p->items, p->items_size);
    }
  p->items[p->n_items].name = name;
  p->items[p->n_items].value = *value;
  p->n_items++;
}

/* Checks the key just read against the object's earlier keys. */
static gboolean
check_duplicate_key (Parser     *p,
                     Frame      *f,
                     const char *key,
                     gsize       offset)
{
  gsize count = p->n_items - f->start;
  gboolean dup = FALSE;

  if (count < LINEAR_KEY_CHECK_MAX)
    {
      for (gsize i = f->start; i < p->n_items && !dup; i++)
        dup = strcmp (p->items[i].name, key) == 0;
    }
  else
    {
      if (f->keys == NULL)
        {
          ensure_hash_key ();
          f->keys = g_hash_table_new (key_hash, g_str_equal);
          for (gsize i = f->start; i < p->n_items; i++)
            g_hash_table_add (f->keys, (gpointer) p->items[i].name);
        }
      dup = !g_hash_table_add (f->keys, (gpointer) key);
    }

  if (dup)
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      append_shortened (shown, key);
      return parser_fail (p, FALSE, offset, _("duplicate key \"%s\""), shown->str);
    }
  return TRUE;
}

static gboolean
open_container (Parser   *p,
                gboolean  is_object)
{
  Frame *f;

  if (p->n_frames >= p->limits.max_depth)
    return parser_fail (p, TRUE, p->pos,
                        ngettext ("nesting deeper than %u level", "nesting deeper than %u levels",
                                  p->limits.max_depth),
                        p->limits.max_depth);

  if (p->n_frames == p->frames_size)
    {
      p->frames_size = MAX (16, p->frames_size * 2);
      p->frames = g_renew (Frame, p->frames, p->frames_size);
    }
  f = &p->frames[p->n_frames++];
  f->is_object = is_object;
  f->start = p->n_items;
  f->key = NULL;
  f->keys = NULL;
  p->pos++;
  return TRUE;
}

/* Moves the finished children into one exactly sized arena block. */
static void
close_container (Parser     *p,
                 HkJsonNode *node)
{
  Frame *f = &p->frames[p->n_frames - 1];
  gsize count = p->n_items - f->start;

  memset (node, 0, sizeof *node);
  node->length = count;
  if (f->is_object)
    {
      node->type = HK_JSON_OBJECT;
      if (count)
        {
          node->v.members = arena_alloc (p->arena, count * sizeof (HkJsonMember));
          memcpy (node->v.members, p->items + f->start, count * sizeof (HkJsonMember));
        }
    }
  else
    {
      node->type = HK_JSON_ARRAY;
      if (count)
        {
          node->v.elements = arena_alloc (p->arena, count * sizeof (HkJsonNode));
          for (gsize i = 0; i < count; i++)
            node->v.elements[i] = p->items[f->start + i].value;
        }
    }

  g_clear_pointer (&f->keys, g_hash_table_unref);
  p->n_items = f->start;
  p->n_frames--;
  p->pos++;
}

static gboolean
check_member_limit (Parser *p)
{
  Frame *f = &p->frames[p->n_frames - 1];

  if (p->n_items - f->start >= p->limits.max_members)
    return parser_fail (p, FALSE, p->pos,
                        f->is_object
                          ? ngettext ("object has more than %u member",
                                      "object has more than %u members", p->limits.max_members)
                          : ngettext ("array has more than %u element",
                                      "array has more than %u elements", p->limits.max_members),
                        p->limits.max_members);
  return TRUE;
}

typedef enum {
  STATE_VALUE,      /* a value must follow */
  STATE_KEY,        /* a key must follow (after '{' or ',' in an object) */
  STATE_AFTER,      /* a value just ended */
} State;

static gboolean
parse_document (Parser     *p,
                HkJsonNode *root)
{
  State state = STATE_VALUE;
  gboolean after_comma = FALSE;
  gboolean done = FALSE;
  HkJsonNode value;

  if (p->len >= 3 && p->data[0] == 0xEF && p->data[1] == 0xBB && p->data[2] == 0xBF)
    return parser_fail (p, FALSE, 0, _("byte order mark not allowed"));

  while (!done)
    {
      skip_whitespace (p);

      switch (state)
        {
        case STATE_VALUE:
          if (p->pos >= p->len)
            {
              if (p->n_frames == 0)
                return parser_fail (p, TRUE, p->pos, _("empty document"));
              return parser_fail (p, TRUE, p->pos, _("unexpected end of input"));
            }
          if (p->n_frames > 0 && !p->frames[p->n_frames - 1].is_object &&
              p->data[p->pos] != ']' && !check_member_limit (p))
            return FALSE;
          memset (&value, 0, sizeof value);
          switch (p->data[p->pos])
            {
            case '[':
            case '{':
              if (!open_container (p, p->data[p->pos] == '{'))
                return FALSE;
              skip_whitespace (p);
              if (p->pos < p->len &&
                  p->data[p->pos] == (p->frames[p->n_frames - 1].is_object ? '}' : ']'))
                {
                  close_container (p, &value);
                  goto have_value;
                }
              state = p->frames[p->n_frames - 1].is_object ? STATE_KEY : STATE_VALUE;
              after_comma = FALSE;
              continue;

            case ']':
            case '}':
              if (after_comma &&
                  p->data[p->pos] == (p->frames[p->n_frames - 1].is_object ? '}' : ']'))
                return parser_fail (p, FALSE, p->pos, _("trailing comma before ‘%c’"),
                                    p->data[p->pos]);
              return parser_fail (p, TRUE, p->pos, _("expected a value, found ‘%c’"),
                                  p->data[p->pos]);

            case '"':
              value.type = HK_JSON_STRING;
              if (!parse_string (p, TRUE, &value.v.string, &value.length))
                return FALSE;
              break;

            case '-':
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
              if (!parse_number (p, &value))
                return FALSE;
              break;

            default:
              if (!parse_literal (p, &value))
                return FALSE;
              break;
            }

        have_value:
          if (p->n_frames == 0)
            {
              *root = value;
              done = TRUE;
              break;
            }
          {
            Frame *f = &p->frames[p->n_frames - 1];

            push_item (p, f->is_object ? f->key : NULL, &value);
            f->key = NULL;
          }
          state = STATE_AFTER;
          break;

        case STATE_KEY:
          {
            Frame *f = &p->frames[p->n_frames - 1];
            gsize key_start = p->pos;
            guint32 key_len;

            if (p->pos >= p->len)
              return parser_fail (p, FALSE, p->pos, _("unexpected end of input"));
            if (p->data[p->pos] == '}')
              return parser_fail (p, FALSE, p->pos, _("trailing comma before ‘}’"));
            if (p->data[p->pos] != '"')
              {
                g_autofree char *found = describe_byte (p);

                return parser_fail (p, FALSE, p->pos, _("expected a key in quotes, found %s"),
                                    found);
              }
            if (!check_member_limit (p))
              return FALSE;
            if (!parse_string (p, FALSE, &f->key, &key_len))
              return FALSE;
            if (!check_duplicate_key (p, f, f->key, key_start))
              {
                f->key = NULL;
                return FALSE;
              }
            skip_whitespace (p);
            if (p->pos >= p->len || p->data[p->pos] != ':')
              {
                g_autofree char *found = describe_byte (p);

                return parser_fail (p, TRUE, p->pos, _("expected ‘:’ after the key, found %s"),
                                    found);
              }
            p->pos++;
            state = STATE_VALUE;
            after_comma = FALSE;
          }
          break;

        case STATE_AFTER:
          {
            Frame *f = &p->frames[p->n_frames - 1];
            guint8 close = f->is_object ? '}' : ']';

            if (p->pos < p->len && p->data[p->pos] == ',')
              {
                p->pos++;
                state = f->is_object ? STATE_KEY : STATE_VALUE;
                after_comma = TRUE;
              }
            else if (p->pos < p->len && p->data[p->pos] == close)
              {
                close_container (p, &value);
                goto have_value;
              }
            else if (p->pos >= p->len)
              {
                return parser_fail (p, FALSE, p->pos, _("unexpected end of input"));
              }
            else
              {
                g_autofree char *found = describe_byte (p);

                return parser_fail (p, FALSE, p->pos, _("expected ‘,’ or ‘%c’, found %s"),
                                    close, found);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  skip_whitespace (p);
  if (p->pos < p->len)
    {
      if (p->data[p->pos] == '\0')
        return parser_fail (p, FALSE, p->pos, _("NUL byte after the value"));
      return parser_fail (p, FALSE, p->pos, _("unexpected data after the value"));
    }
  return TRUE;
}

HkJsonNode *
hk_json_parse (const char          *data,
               gsize                len,
               const HkJsonLimits  *limits,
               GError             **error)
{
  HkJsonDocument *doc;
  Parser p = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.data = (const guint8 *) data;
  p.len = len;
  p.error = error;
  if (limits)
    p.limits = *limits;
  if (p.limits.max_bytes == 0)
    p.limits.max_bytes = DEFAULT_MAX_BYTES;
  if (p.limits.max_depth == 0)
    p.limits.max_depth = DEFAULT_MAX_DEPTH;
  if (p.limits.max_string_bytes == 0)
    p.limits.max_string_bytes = DEFAULT_MAX_STRING_BYTES;
  if (p.limits.max_members == 0)
    p.limits.max_members = DEFAULT_MAX_MEMBERS;
  /* Lengths are stored in 32 bits. */
  p.limits.max_string_bytes = MIN (p.limits.max_string_bytes, G_MAXUINT32);
  p.limits.max_members = MIN (p.limits.max_members, G_MAXUINT32 - 1);

  if (len > p.limits.max_bytes)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GSIZE_FORMAT, p.limits.max_bytes);

      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   ngettext ("$: document larger than %s byte at byte %s",
                             "$: document larger than %s bytes at byte %s",
                             (gulong) MIN (p.limits.max_bytes, G_MAXULONG)),
                   n, n);
      return NULL;
    }

  doc = g_new0 (HkJsonDocument, 1);
  p.arena = &doc->arena;

  ok = parse_document (&p, &doc->root);

  for (guint i = 0; i < p.n_frames; i++)
    g_clear_pointer (&p.frames[i].keys, g_hash_table_unref);
  g_free (p.frames);
  g_free (p.items);
  if (p.scratch)
    {
      sodium_memzero (p.scratch, p.scratch_size);
      g_free (p.scratch);
    }

  if (!ok)
    {
      arena_clear (&doc->arena);
      g_free (doc);
      return NULL;
    }

  doc->root.is_root = TRUE;
  return &doc->root;
}

void
hk_json_node_free (HkJsonNode *node)
{
  HkJsonDocument *doc;

  if (node == NULL)
    return;
  g_return_if_fail (node->is_root);

  doc = (HkJsonDocument *) node;
  arena_clear (&doc->arena);
  sodium_memzero (doc, sizeof *doc);
  g_free (doc);
}

/* ---- Accessors ---- */

HkJsonType
hk_json_node_get_type (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, HK_JSON_NULL);

  return node->type;
}

gboolean
hk_json_node_get_bool (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (node->type == HK_JSON_BOOL, FALSE);

  return node->boolean;
}

double
hk_json_node_get_number (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0.0);
  g_return_val_if_fail (node->type == HK_JSON_NUMBER, 0.0);

  return node->v.number;
}

gboolean
hk_json_node_get_int (const HkJsonNode *node,
                      gint64           *out)
{
  const double limit = 9007199254740992.0; /* 2^53 */
  double d;

  g_return_val_if_fail (node != NULL, FALSE);

  if (node->type != HK_JSON_NUMBER)
    return FALSE;
  d = node->v.number;
  if (d != floor (d) || d > limit || d < -limit)
    return FALSE;
  if (out)
    *out = (gint64) d;
  return TRUE;
}

const char *
hk_json_node_get_string (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->type == HK_JSON_STRING, NULL);

  return node->v.string;
}

gsize
hk_json_node_get_string_length (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (node->type == HK_JSON_STRING, 0);

  return node->length;
}

guint
hk_json_node_get_length (const HkJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (node->type == HK_JSON_ARRAY || node->type == HK_JSON_OBJECT, 0);

  return node->length;
}

HkJsonNode *
hk_json_node_get_element (const HkJsonNode *node,
                          guint             index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->type == HK_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < node->length, NULL);

  return &node->v.elements[index];
}

const char *
hk_json_node_get_member_name (const HkJsonNode *node,
                              guint             index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->type == HK_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < node->length, NULL);

  return node->v.members[index].name;
}

HkJsonNode *
hk_json_node_get_member_value (const HkJsonNode *node,
                               guint             index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->type == HK_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < node->length, NULL);

  return &node->v.members[index].value;
}

HkJsonNode *
hk_json_node_lookup (const HkJsonNode *node,
                     const char       *name)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->type == HK_JSON_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < node->length; i++)
    if (strcmp (node->v.members[i].name, name) == 0)
      return &node->v.members[i].value;
  return NULL;
}

gboolean
hk_json_node_equal (const HkJsonNode *a,
                    const HkJsonNode *b)
{
  g_autoptr(GArray) stack = NULL;
  gboolean equal = TRUE;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  /* Pairs still to compare, so depth never costs C stack. */
  stack = g_array_new (FALSE, FALSE, sizeof (const HkJsonNode *));
  g_array_append_val (stack, a);
  g_array_append_val (stack, b);

  while (equal && stack->len > 0)
    {
      const HkJsonNode *x = g_array_index (stack, const HkJsonNode *, stack->len - 2);
      const HkJsonNode *y = g_array_index (stack, const HkJsonNode *, stack->len - 1);

      g_array_set_size (stack, stack->len - 2);

      if (x->type != y->type)
        {
          equal = FALSE;
          break;
        }
      switch (x->type)
        {
        case HK_JSON_NULL:
          break;
        case HK_JSON_BOOL:
          equal = !x->boolean == !y->boolean;
          break;
        case HK_JSON_NUMBER:
          equal = x->v.number == y->v.number;
          break;
        case HK_JSON_STRING:
          equal = x->length == y->length && memcmp (x->v.string, y->v.string, x->length) == 0;
          break;
        case HK_JSON_ARRAY:
          equal = x->length == y->length;
          for (guint i = 0; equal && i < x->length; i++)
            {
              const HkJsonNode *ex = &x->v.elements[i];
              const HkJsonNode *ey = &y->v.elements[i];

              g_array_append_val (stack, ex);
              g_array_append_val (stack, ey);
            }
          break;
        case HK_JSON_OBJECT:
          equal = x->length == y->length;
          for (guint i = 0; equal && i < x->length; i++)
            {
              const HkJsonNode *ex = &x->v.members[i].value;
              const HkJsonNode *ey = &y->v.members[i].value;

              equal = strcmp (x->v.members[i].name, y->v.members[i].name) == 0;
              g_array_append_val (stack, ex);
              g_array_append_val (stack, ey);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return equal;
}

/* ---- Writer ---- */

enum {
  LEVEL_OBJECT       = 1 << 0,
  LEVEL_HAS_CHILDREN = 1 << 1,
};

struct _HkJsonWriter
{
  GString    *out;
  GByteArray *levels;     /* LEVEL_* flags of each open container */
  gboolean    pretty;
  gboolean    after_key;  /* the next value completes a member */
};

HkJsonWriter *
hk_json_writer_new (gboolean pretty)
{
  HkJsonWriter *self = g_new0 (HkJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->levels = g_byte_array_new ();
  self->pretty = !!pretty;
  return self;
}

void
hk_json_writer_free (HkJsonWriter *self)
{
  if (self == NULL)
    return;

  if (self->out)
    {
      sodium_memzero (self->out->str, self->out->allocated_len);
      g_string_free (self->out, TRUE);
    }
  g_byte_array_unref (self->levels);
  g_free (self);
}

char *
hk_json_writer_finish (HkJsonWriter *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_warn_if_fail (self->levels->len == 0);

  text = g_string_free (g_steal_pointer (&self->out), FALSE);
  hk_json_writer_free (self);
  return text;
}

static void
newline_indent (HkJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->levels->len; i++)
    g_string_append (self->out, "  ");
}

/* Writes whatever must precede a value or key at the current position. */
static void
before_item (HkJsonWriter *self)
{
  guint8 *top;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->levels->len == 0)
    return;

  top = &self->levels->data[self->levels->len - 1];
  if (*top & LEVEL_HAS_CHILDREN)
    g_string_append_c (self->out, ',');
  *top |= LEVEL_HAS_CHILDREN;
  if (self->pretty)
    newline_indent (self);
}

/* Escapes @len bytes of @text; invalid UTF-8 becomes U+FFFD so the output is
 * always valid JSON. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  const guint8 *s = (const guint8 *) text;
  gsize i = 0;

  while (i < len)
    {
      gsize run = i;
      guint8 c;
      gsize n;

      while (run < len && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
        run++;
      if (run > i)
        {
          g_string_append_len (out, text + i, run - i);
          i = run;
          continue;
        }

      c = s[i];
      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          i++;
        }
      else if (c < 0x20)
        {
          g_string_append_printf (out, "\\u%04x", c);
          i++;
        }
      else if ((n = utf8_sequence_length (s + i, len - i)) > 0)
        {
          g_string_append_len (out, text + i, n);
          i += n;
        }
      else
        {
          g_string_append (out, "\xEF\xBF\xBD");
          i++;
        }
    }
}

static void
write_string (GString    *out,
              const char *value)
{
  g_string_append_c (out, '"');
  append_escaped (out, value, strlen (value));
  g_string_append_c (out, '"');
}

void
hk_json_writer_begin_object (HkJsonWriter *self)
{
  guint8 level = LEVEL_OBJECT;

  g_return_if_fail (self != NULL);

  before_item (self);
  g_string_append_c (self->out, '{');
  g_byte_array_append (self->levels, &level, 1);
}

void
hk_json_writer_begin_array (HkJsonWriter *self)
{
  guint8 level = 0;

  g_return_if_fail (self != NULL);

  before_item (self);
  g_string_append_c (self->out, '[');
  g_byte_array_append (self->levels, &level, 1);
}

static void
end_container (HkJsonWriter *self,
               gboolean      is_object)
{
  guint8 level;

  g_return_if_fail (self->levels->len > 0);
  level = self->levels->data[self->levels->len - 1];
  g_return_if_fail (!!(level & LEVEL_OBJECT) == is_object);
  g_return_if_fail (!self->after_key);

  g_byte_array_set_size (self->levels, self->levels->len - 1);
  if (self->pretty && (level & LEVEL_HAS_CHILDREN))
    newline_indent (self);
  g_string_append_c (self->out, is_object ? '}' : ']');
}

void
hk_json_writer_end_object (HkJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  end_container (self, TRUE);
}

void
hk_json_writer_end_array (HkJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  end_container (self, FALSE);
}

void
hk_json_writer_key (HkJsonWriter *self,
                    const char   *key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (self->levels->len > 0 &&
                    (self->levels->data[self->levels->len - 1] & LEVEL_OBJECT));
  g_return_if_fail (!self->after_key);

  before_item (self);
  write_string (self->out, key);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_key = TRUE;
}

void
hk_json_writer_string (HkJsonWriter *self,
                       const char   *value)
{
  g_return_if_fail (self != NULL);

  before_item (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    write_string (self->out, value);
}

void
hk_json_writer_int (HkJsonWriter *self,
                    gint64        value)
{
  g_return_if_fail (self != NULL);

  before_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
hk_json_writer_bool (HkJsonWriter *self,
                     gboolean      value)
{
  g_return_if_fail (self != NULL);

  before_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
hk_json_writer_null (HkJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  before_item (self);
  g_string_append (self->out, "null");
}

void
hk_json_writer_number (HkJsonWriter *self,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);

  before_item (self);
  if (!isfinite (value))
    {
      g_string_append (self->out, "null");
      return;
    }

  /* The shortest of 15–17 significant digits that reads back exactly. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (self->out, buf);
}

typedef struct
{
  const HkJsonNode *node;
  guint             next;   /* the next child to write */
} WriteFrame;

void
hk_json_writer_node (HkJsonWriter     *self,
                     const HkJsonNode *node)
{
  g_autoptr(GArray) stack = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  stack = g_array_new (FALSE, FALSE, sizeof (WriteFrame));

  for (;;)
    {
      const HkJsonNode *child = NULL;

      if (node != NULL)
        {
          switch (node->type)
            {
            case HK_JSON_NULL:
              hk_json_writer_null (self);
              break;
            case HK_JSON_BOOL:
              hk_json_writer_bool (self, node->boolean);
              break;
            case HK_JSON_NUMBER:
              hk_json_writer_number (self, node->v.number);
              break;
            case HK_JSON_STRING:
              before_item (self);
              g_string_append_c (self->out, '"');
              append_escaped (self->out, node->v.string, node->length);
              g_string_append_c (self->out, '"');
              break;
            case HK_JSON_ARRAY:
            case HK_JSON_OBJECT:
              {
                WriteFrame frame = { node, 0 };

                if (node->type == HK_JSON_ARRAY)
                  hk_json_writer_begin_array (self);
                else
                  hk_json_writer_begin_object (self);
                g_array_append_val (stack, frame);
              }
              break;
            default:
              g_assert_not_reached ();
            }
          node = NULL;
        }

      if (stack->len == 0)
        break;

      {
        WriteFrame *top = &g_array_index (stack, WriteFrame, stack->len - 1);

        if (top->next == top->node->length)
          {
            if (top->node->type == HK_JSON_ARRAY)
              hk_json_writer_end_array (self);
            else
              hk_json_writer_end_object (self);
            g_array_set_size (stack, stack->len - 1);
            continue;
          }

        if (top->node->type == HK_JSON_ARRAY)
          {
            child = &top->node->v.elements[top->next];
          }
        else
          {
            hk_json_writer_key (self, top->node->v.members[top->next].name);
            child = &top->node->v.members[top->next].value;
          }
        top->next++;
        node = child;
      }
    }
}
