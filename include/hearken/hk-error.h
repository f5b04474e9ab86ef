/* hk-error.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HK_ERROR (hk_error_quark ())

/**
 * HkError:
 * @HK_ERROR_FAILED: something else went wrong; the message says what
 * @HK_ERROR_WRONG_PASSPHRASE: the passphrase or recovery key did not open the vault
 * @HK_ERROR_TAMPERED: the vault header or a key slot failed authentication
 * @HK_ERROR_NOT_A_VAULT: the file is not a Hearken vault
 * @HK_ERROR_TOO_NEW: the vault was written by a newer Hearken
 * @HK_ERROR_CORRUPT: SQLite reports the file as damaged
 * @HK_ERROR_INTEGRITY: a record failed authentication (tampered or damaged)
 * @HK_ERROR_BUSY: the vault is open in another Hearken window or process
 * @HK_ERROR_LOCKED: the operation needs an unlocked vault
 * @HK_ERROR_NO_SPACE: the disk is full
 * @HK_ERROR_IO: the operating system reported an input/output error
 * @HK_ERROR_NO_MEMORY: not enough memory (for example for the key derivation)
 * @HK_ERROR_INVALID: user input broke a rule; the message names the field and the rule
 * @HK_ERROR_NOT_FOUND: no record with that id
 * @HK_ERROR_CONFLICT: the record changed since it was read
 * @HK_ERROR_WEAK_PASSPHRASE: the new passphrase is too weak
 *
 * Error codes of the core library. Every message is one plain sentence meant for the user.
 */
typedef enum {
  HK_ERROR_FAILED,
  HK_ERROR_WRONG_PASSPHRASE,
  HK_ERROR_TAMPERED,
  HK_ERROR_NOT_A_VAULT,
  HK_ERROR_TOO_NEW,
  HK_ERROR_CORRUPT,
  HK_ERROR_INTEGRITY,
  HK_ERROR_BUSY,
  HK_ERROR_LOCKED,
  HK_ERROR_NO_SPACE,
  HK_ERROR_IO,
  HK_ERROR_NO_MEMORY,
  HK_ERROR_INVALID,
  HK_ERROR_NOT_FOUND,
  HK_ERROR_CONFLICT,
  HK_ERROR_WEAK_PASSPHRASE,
} HkError;

GQuark hk_error_quark (void);

/* TRUE for errors that mean the data itself cannot be trusted (CLI exit code 2). */
gboolean hk_error_is_integrity (const GError *error);

G_END_DECLS
