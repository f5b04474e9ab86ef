/* hk-error.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hearken/hk-error.h"

G_DEFINE_QUARK (hk-error-quark, hk_error)

gboolean
hk_error_is_integrity (const GError *error)
{
  if (error == NULL || error->domain != HK_ERROR)
    return FALSE;

  switch ((HkError) error->code)
    {
    case HK_ERROR_TAMPERED:
    case HK_ERROR_CORRUPT:
    case HK_ERROR_INTEGRITY:
      return TRUE;
    default:
      return FALSE;
    }
}
