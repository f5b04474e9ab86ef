/* hk-passphrase-quality.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passphrase strength for the "create vault" and "change passphrase" forms,
 * built on libpwquality and the cracklib dictionary. Kept outside the core
 * library so that the core depends on GLib, SQLite and libsodium only.
 */
#pragma once

#include <glib.h>

#include <hearken/hk-secret.h>

G_BEGIN_DECLS

/* The shortest passphrase we accept, in characters. */
#define HK_PASSPHRASE_MIN_LENGTH 12

typedef enum {
  HK_STRENGTH_EMPTY,
  HK_STRENGTH_WEAK,
  HK_STRENGTH_FAIR,
  HK_STRENGTH_GOOD,
  HK_STRENGTH_STRONG,
} HkStrength;

/**
 * HkPassphraseQuality:
 * @strength: a coarse rating for a strength bar
 * @score: 0 to 100; 0 whenever a rule is broken
 * @acceptable: %TRUE if the passphrase may be used for a vault
 * @feedback: one translated sentence saying what is wrong, or how strong it is
 */
typedef struct {
  HkStrength  strength;
  int         score;
  gboolean    acceptable;
  char       *feedback;
} HkPassphraseQuality;

HkPassphraseQuality *hk_passphrase_quality_check (const HkSecret      *passphrase,
                                                  const char          *user_name);
void                 hk_passphrase_quality_free  (HkPassphraseQuality *quality);
const char          *hk_strength_get_label       (HkStrength           strength);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkPassphraseQuality, hk_passphrase_quality_free)

G_END_DECLS
