/* hk-passphrase-quality.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpwquality with its built-in defaults (not /etc/security/pwquality.conf,
 * so the verdict is the same on every machine), a 12 character minimum and
 * the cracklib dictionary. Its messages are replaced with our own plain
 * sentences. The passphrase is never copied by us, logged or kept: pwquality
 * reads it in place and wipes its own working copies.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pwquality.h>

#include "hk-passphrase-quality.h"

/* pwquality's score is a measure of length and variety. At 30 it still let
 * through "p@ssw0rd12345", "Liverpool2026" and "welcome2024!!" (34 each);
 * at 35 those fail while 12 random characters of four kinds, or three or
 * more short words, pass. */
#define ACCEPTABLE_SCORE 35
#define GOOD_SCORE       50
#define STRONG_SCORE     80

/* Where distributions put the cracklib dictionary (the .pwd/.pwi/.hwm
 * prefix): Debian's cracklib-runtime, then Fedora and the Flatpak runtimes. */
static const char * const dictionary_candidates[] = {
  "/var/cache/cracklib/cracklib_dict",
  "/usr/share/cracklib/pw_dict",
  "/usr/lib/cracklib_dict",
  "/usr/share/dict/cracklib_dict",
};

/* cracklib keeps static buffers, so one check at a time. */
static GMutex check_lock;

static const char *
find_dictionary (void)
{
  static const char *found;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (dictionary_candidates); i++)
        {
          g_autofree char *pwd = g_strconcat (dictionary_candidates[i], ".pwd", NULL);
          g_autofree char *pwi = g_strconcat (dictionary_candidates[i], ".pwi", NULL);
          g_autofree char *hwm = g_strconcat (dictionary_candidates[i], ".hwm", NULL);

          if (g_file_test (pwd, G_FILE_TEST_IS_REGULAR) &&
              g_file_test (pwi, G_FILE_TEST_IS_REGULAR) &&
              g_file_test (hwm, G_FILE_TEST_IS_REGULAR))
            {
              found = dictionary_candidates[i];
              break;
            }
        }

      g_once_init_leave (&initialised, 1);
    }

  return found;
}

static const char *
too_short_sentence (void)
{
  return _("It is too short: use at least 12 characters.");
}

static const char *
too_guessable_sentence (void)
{
  return _("It is too easy to guess: add another word or two.");
}

/* cracklib reports its reason as an English string (possibly translated in
 * its own "cracklib" text domain); turn it into ours. */
static const char *
cracklib_sentence (const char *reason)
{
  static const struct {
    const char *cracklib;
    const char *ours;
  } table[] = {
    { "it is WAY too short", NULL },
    { "it is too short", NULL },
    { "it does not contain enough DIFFERENT characters", N_("It repeats characters too much.") },
    { "it is all whitespace", N_("It is made of spaces only.") },
    { "it is too simplistic/systematic", N_("It follows a pattern that is too simple, such as a run of keys or numbers.") },
    { "it looks like a National Insurance number.", N_("It looks like a National Insurance number.") },
    { "it is based on a dictionary word", N_("It is based on a dictionary word.") },
    { "it is based on a (reversed) dictionary word", N_("It is based on a dictionary word spelt backwards.") },
    { "it is based on your username", N_("It contains your user name.") },
    { "it is based upon your password entry", N_("It contains details from your user account, such as your name.") },
    { "it is derived from your password entry", N_("It contains details from your user account, such as your name.") },
    { "it's derived from your password entry", N_("It contains details from your user account, such as your name.") },
    { "it is derivable from your password entry", N_("It contains details from your user account, such as your name.") },
    { "it's derivable from your password entry", N_("It contains details from your user account, such as your name.") },
  };

  if (reason == NULL)
    return too_guessable_sentence ();

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (strcmp (reason, table[i].cracklib) != 0 &&
          strcmp (reason, g_dgettext ("cracklib", table[i].cracklib)) != 0)
        continue;

      return table[i].ours != NULL ? _(table[i].ours) : too_short_sentence ();
    }

  return too_guessable_sentence ();
}

static const char *
error_sentence (int         code,
                const char *cracklib_reason)
{
  switch (code)
    {
    case PWQ_ERROR_MIN_LENGTH:
      return too_short_sentence ();
    case PWQ_ERROR_CRACKLIB_CHECK:
      return cracklib_sentence (cracklib_reason);
    case PWQ_ERROR_PALINDROME:
      return _("It reads the same backwards as forwards.");
    case PWQ_ERROR_USER_CHECK:
      return _("It contains your user name.");
    case PWQ_ERROR_GECOS_CHECK:
      return _("It contains details from your user account, such as your name.");
    case PWQ_ERROR_BAD_WORDS:
      return _("It contains a word that is not allowed.");
    case PWQ_ERROR_MAX_CONSECUTIVE:
      return _("It repeats characters too much.");
    case PWQ_ERROR_MAX_CLASS_REPEAT:
      return _("It has too many characters of the same kind in a row.");
    case PWQ_ERROR_MAX_SEQUENCE:
      return _("It contains a run such as “abcd” or “1234”.");
    case PWQ_ERROR_MIN_DIGITS:
      return _("It needs more digits.");
    case PWQ_ERROR_MIN_UPPERS:
      return _("It needs more capital letters.");
    case PWQ_ERROR_MIN_LOWERS:
      return _("It needs more small letters.");
    case PWQ_ERROR_MIN_OTHERS:
      return _("It needs more symbols or punctuation.");
    case PWQ_ERROR_MIN_CLASSES:
      return _("It needs a wider mix of letters, digits and symbols.");
    case PWQ_ERROR_SAME_PASSWORD:
      return _("It is the same as the old passphrase.");
    case PWQ_ERROR_TOO_SIMILAR:
      return _("It is too similar to the old passphrase.");
    case PWQ_ERROR_CASE_CHANGES_ONLY:
      return _("It differs from the old passphrase only in capital letters.");
    case PWQ_ERROR_ROTATED:
      return _("It is the old passphrase with its characters moved round.");
    case PWQ_ERROR_EMPTY_PASSWORD:
      return _("Enter a passphrase of at least 12 characters.");
    default:
      return _("The passphrase could not be checked. Try again.");
    }
}

static int
run_pwquality (const char  *passphrase,
               const char  *user_name,
               gboolean     use_dictionary,
               const char **cracklib_reason)
{
  pwquality_settings_t *settings;
  const char *dictionary = use_dictionary ? find_dictionary () : NULL;
  void *auxerror = NULL;
  int result;

  *cracklib_reason = NULL;

  settings = pwquality_default_settings ();
  if (settings == NULL)
    return PWQ_ERROR_MEM_ALLOC;

  pwquality_set_int_value (settings, PWQ_SETTING_MIN_LENGTH, HK_PASSPHRASE_MIN_LENGTH);

  /* Without a dictionary cracklib would print to stderr and fail every
   * check; the length and character rules still apply. */
  if (dictionary != NULL)
    pwquality_set_str_value (settings, PWQ_SETTING_DICT_PATH, dictionary);
  else
    pwquality_set_int_value (settings, PWQ_SETTING_DICT_CHECK, 0);

  result = pwquality_check (settings, passphrase, NULL, user_name, &auxerror);

  /* For a check, auxerror is either an integer or a static cracklib string:
   * nothing to free, and nothing of the passphrase. */
  if (result == PWQ_ERROR_CRACKLIB_CHECK)
    *cracklib_reason = auxerror;

  pwquality_free_settings (settings);

  return result;
}

static HkStrength
strength_for_score (int score)
{
  if (score >= STRONG_SCORE)
    return HK_STRENGTH_STRONG;
  if (score >= GOOD_SCORE)
    return HK_STRENGTH_GOOD;
  return HK_STRENGTH_FAIR;
}

static const char *
strength_sentence (HkStrength strength)
{
  switch (strength)
    {
    case HK_STRENGTH_STRONG:
      return _("It is a strong passphrase.");
    case HK_STRENGTH_GOOD:
      return _("It is a good passphrase.");
    case HK_STRENGTH_FAIR:
    case HK_STRENGTH_EMPTY:
    case HK_STRENGTH_WEAK:
    default:
      return _("It will do, but another word or two would make it stronger.");
    }
}

static HkPassphraseQuality *
quality_new (HkStrength  strength,
             int         score,
             gboolean    acceptable,
             const char *feedback)
{
  HkPassphraseQuality *quality = g_new0 (HkPassphraseQuality, 1);

  quality->strength = strength;
  quality->score = score;
  quality->acceptable = acceptable;
  quality->feedback = g_strdup (feedback);

  return quality;
}

/**
 * hk_passphrase_quality_check:
 * @passphrase: (nullable): the candidate passphrase; %NULL counts as empty
 * @user_name: (nullable): the user's login name, which must not appear in it
 *
 * Rates @passphrase for use as a vault passphrase.
 *
 * Returns: (transfer full): the verdict; free with hk_passphrase_quality_free()
 */
HkPassphraseQuality *
hk_passphrase_quality_check (const HkSecret *passphrase,
                             const char     *user_name)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *cracklib_reason = NULL;
  const char *data;
  gsize len;
  int result;

  if (passphrase == NULL || hk_secret_get_length (passphrase) == 0)
    return quality_new (HK_STRENGTH_EMPTY, 0, FALSE,
                        error_sentence (PWQ_ERROR_EMPTY_PASSWORD, NULL));

  data = hk_secret_get_data (passphrase);
  len = hk_secret_get_length (passphrase);

  /* pwquality sees a C string; a NUL inside would hide the rest from it. */
  if (memchr (data, '\0', len) != NULL)
    return quality_new (HK_STRENGTH_WEAK, 0, FALSE,
                        _("It contains a character that cannot be used in a passphrase."));

  /* pwquality counts bytes; the rule is about characters. */
  if ((g_utf8_validate (data, len, NULL) ? (gsize) g_utf8_strlen (data, len) : len)
      < HK_PASSPHRASE_MIN_LENGTH)
    return quality_new (HK_STRENGTH_WEAK, 0, FALSE, too_short_sentence ());

  if (user_name != NULL && *user_name == '\0')
    user_name = NULL;

  locker = g_mutex_locker_new (&check_lock);

  result = run_pwquality (data, user_name, TRUE, &cracklib_reason);

  /* A damaged dictionary: fall back to the rules that need none. */
  if (result == PWQ_ERROR_CRACKLIB_CHECK && cracklib_reason != NULL &&
      (strcmp (cracklib_reason, "error loading dictionary") == 0 ||
       strcmp (cracklib_reason, g_dgettext ("cracklib", "error loading dictionary")) == 0))
    result = run_pwquality (data, user_name, FALSE, &cracklib_reason);

  g_clear_pointer (&locker, g_mutex_locker_free);

  if (result < 0)
    return quality_new (HK_STRENGTH_WEAK, 0, FALSE,
                        error_sentence (result, cracklib_reason));

  if (result < ACCEPTABLE_SCORE)
    return quality_new (HK_STRENGTH_WEAK, result, FALSE, too_guessable_sentence ());

  return quality_new (strength_for_score (result), result, TRUE,
                      strength_sentence (strength_for_score (result)));
}

void
hk_passphrase_quality_free (HkPassphraseQuality *quality)
{
  if (quality == NULL)
    return;

  g_free (quality->feedback);
  g_free (quality);
}

/**
 * hk_strength_get_label:
 * @strength: a strength
 *
 * Returns: a short translated label for a strength bar
 */
const char *
hk_strength_get_label (HkStrength strength)
{
  switch (strength)
    {
    case HK_STRENGTH_EMPTY:
      return C_("passphrase strength", "Empty");
    case HK_STRENGTH_WEAK:
      return C_("passphrase strength", "Weak");
    case HK_STRENGTH_FAIR:
      return C_("passphrase strength", "Fair");
    case HK_STRENGTH_GOOD:
      return C_("passphrase strength", "Good");
    case HK_STRENGTH_STRONG:
      return C_("passphrase strength", "Strong");
    default:
      g_return_val_if_reached ("");
    }
}
