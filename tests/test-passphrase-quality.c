/* test-passphrase-quality.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per rule. The dictionary rows need Debian's cracklib-runtime.
 */
#include "hk-test-utils.h"

#include "hk-passphrase-quality.h"

typedef struct {
  const char *passphrase;
  gsize       length;       /* 0: strlen (passphrase) */
  const char *user_name;
  gboolean    acceptable;
  HkStrength  strength;
  const char *feedback;
} Case;

#define TOO_SHORT     "It is too short: use at least 12 characters."
#define GUESSABLE     "It is too easy to guess: add another word or two."
#define DICTIONARY    "It is based on a dictionary word."
#define REVERSED      "It is based on a dictionary word spelt backwards."
#define PATTERN       "It follows a pattern that is too simple, such as a run of keys or numbers."
#define REPEATS       "It repeats characters too much."
#define USER_NAME     "It contains your user name."
#define PALINDROME    "It reads the same backwards as forwards."
#define EMPTY         "Enter a passphrase of at least 12 characters."
#define BAD_CHARACTER "It contains a character that cannot be used in a passphrase."
#define FAIR_TEXT     "It will do, but another word or two would make it stronger."
#define GOOD_TEXT     "It is a good passphrase."
#define STRONG_TEXT   "It is a strong passphrase."

static const Case cases[] = {
  /* Empty. */
  { "", 0, NULL, FALSE, HK_STRENGTH_EMPTY, EMPTY },

  /* Length, counted in characters, not bytes. */
  { "short", 0, NULL, FALSE, HK_STRENGTH_WEAK, TOO_SHORT },
  { "Xk9#mQ2$vL7", 0, NULL, FALSE, HK_STRENGTH_WEAK, TOO_SHORT },
  { "ñçéøåßüðþæœ", 0, NULL, FALSE, HK_STRENGTH_WEAK, TOO_SHORT },

  /* cracklib: dictionary words, forwards and backwards. */
  { "elephantine1", 0, NULL, FALSE, HK_STRENGTH_WEAK, DICTIONARY },
  { "Administrator", 0, NULL, FALSE, HK_STRENGTH_WEAK, DICTIONARY },
  { "enitnahpele!", 0, NULL, FALSE, HK_STRENGTH_WEAK, REVERSED },

  /* cracklib: simple patterns. */
  { "password123456", 0, NULL, FALSE, HK_STRENGTH_WEAK, PATTERN },
  { "abcdefghijklmnop", 0, NULL, FALSE, HK_STRENGTH_WEAK, PATTERN },
  { "1234567890123", 0, NULL, FALSE, HK_STRENGTH_WEAK, PATTERN },

  /* cracklib: too few different characters. */
  { "zzzzzzzzzzzzzzzy", 0, NULL, FALSE, HK_STRENGTH_WEAK, REPEATS },
  { "abcabcabcabcab", 0, NULL, FALSE, HK_STRENGTH_WEAK, REPEATS },

  /* pwquality: palindromes. */
  { "racecarracecar", 0, NULL, FALSE, HK_STRENGTH_WEAK, PALINDROME },
  { "aaaaaaaaaaaaaaaa", 0, NULL, FALSE, HK_STRENGTH_WEAK, PALINDROME },

  /* pwquality: the user name, in any case, and only when given. */
  { "maria2024maria!", 0, "maria", FALSE, HK_STRENGTH_WEAK, USER_NAME },
  { "Quiet MARIA walks 9", 0, "maria", FALSE, HK_STRENGTH_WEAK, USER_NAME },
  { "Quiet MARIA walks 9", 0, NULL, TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },
  { "Quiet MARIA walks 9", 0, "", TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },

  /* Our score threshold: passes the rules, still too guessable. */
  { "Password1234", 0, NULL, FALSE, HK_STRENGTH_WEAK, GUESSABLE },
  { "p@ssw0rd12345", 0, NULL, FALSE, HK_STRENGTH_WEAK, GUESSABLE },
  { "Liverpool2026", 0, NULL, FALSE, HK_STRENGTH_WEAK, GUESSABLE },
  { "k8f3n1x9q2w7", 0, NULL, FALSE, HK_STRENGTH_WEAK, GUESSABLE },

  /* A NUL inside would hide the rest from pwquality. */
  { "correct horse\0battery staple", 29, NULL, FALSE, HK_STRENGTH_WEAK, BAD_CHARACTER },

  /* Acceptable, from fair to strong. */
  { "Xk9#mQ2$vL7!", 0, NULL, TRUE, HK_STRENGTH_FAIR, FAIR_TEXT },
  { "tiger lily pond", 0, NULL, TRUE, HK_STRENGTH_FAIR, FAIR_TEXT },
  { "horsebatterystaple", 0, NULL, TRUE, HK_STRENGTH_GOOD, GOOD_TEXT },
  { "blue tractor orchard", 0, NULL, TRUE, HK_STRENGTH_GOOD, GOOD_TEXT },
  { "correct horse battery staple 42", 0, NULL, TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },
  { "Tea at the Ritz on Tuesday!", 0, NULL, TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },
  { "Tea at the Ritz on Tuesday!", 0, "caseworker", TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },
  { "Łódź w sobotę o 7 rano", 0, NULL, TRUE, HK_STRENGTH_STRONG, STRONG_TEXT },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HkSecret) secret = NULL;
  g_autoptr(HkPassphraseQuality) quality = NULL;
  gsize length = c->length != 0 ? c->length : strlen (c->passphrase);

  secret = hk_secret_new_from_data (c->passphrase, length);
  quality = hk_passphrase_quality_check (secret, c->user_name);

  g_assert_nonnull (quality);
  g_assert_cmpstr (quality->feedback, ==, c->feedback);
  g_assert_cmpint (quality->acceptable, ==, c->acceptable);
  g_assert_cmpint (quality->strength, ==, c->strength);
  g_assert_cmpint (quality->score, >=, 0);
  g_assert_cmpint (quality->score, <=, 100);
  if (!c->acceptable)
    g_assert_cmpint (quality->score, <, 35);
  else
    g_assert_cmpint (quality->score, >=, 35);

  /* The passphrase is only read. */
  g_assert_cmpmem (hk_secret_get_data (secret), hk_secret_get_length (secret),
                   c->passphrase, length);
}

static void
test_dictionary_installed (void)
{
  /* The dictionary rows below need it; say so plainly when it is missing. */
  if (!g_file_test ("/var/cache/cracklib/cracklib_dict.pwd", G_FILE_TEST_IS_REGULAR) &&
      !g_file_test ("/usr/share/cracklib/pw_dict.pwd", G_FILE_TEST_IS_REGULAR))
    g_error ("No cracklib dictionary: install Debian's cracklib-runtime package");
}

static void
test_null (void)
{
  g_autoptr(HkPassphraseQuality) quality = hk_passphrase_quality_check (NULL, NULL);

  g_assert_cmpint (quality->strength, ==, HK_STRENGTH_EMPTY);
  g_assert_false (quality->acceptable);
  g_assert_cmpint (quality->score, ==, 0);
  g_assert_cmpstr (quality->feedback, ==, EMPTY);

  hk_passphrase_quality_free (NULL);
}

static void
test_score_grows_with_length (void)
{
  g_autoptr(HkSecret) shorter = hk_secret_new_from_string ("tiger lily pond");
  g_autoptr(HkSecret) longer = hk_secret_new_from_string ("tiger lily pond at dusk");
  g_autoptr(HkPassphraseQuality) a = hk_passphrase_quality_check (shorter, NULL);
  g_autoptr(HkPassphraseQuality) b = hk_passphrase_quality_check (longer, NULL);

  g_assert_cmpint (b->score, >, a->score);
  g_assert_cmpint (b->strength, >, a->strength);
}

static void
test_labels (void)
{
  g_assert_cmpstr (hk_strength_get_label (HK_STRENGTH_EMPTY), ==, "Empty");
  g_assert_cmpstr (hk_strength_get_label (HK_STRENGTH_WEAK), ==, "Weak");
  g_assert_cmpstr (hk_strength_get_label (HK_STRENGTH_FAIR), ==, "Fair");
  g_assert_cmpstr (hk_strength_get_label (HK_STRENGTH_GOOD), ==, "Good");
  g_assert_cmpstr (hk_strength_get_label (HK_STRENGTH_STRONG), ==, "Strong");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/passphrase-quality/dictionary-installed", test_dictionary_installed);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/passphrase-quality/case/%02" G_GSIZE_FORMAT, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }

  g_test_add_func ("/passphrase-quality/null", test_null);
  g_test_add_func ("/passphrase-quality/score-grows-with-length", test_score_grows_with_length);
  g_test_add_func ("/passphrase-quality/labels", test_labels);

  return g_test_run ();
}
