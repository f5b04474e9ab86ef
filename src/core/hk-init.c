/* hk-init.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>

#include "hearken/hearken.h"

gboolean
hk_init (void)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      if (!ok)
        g_critical ("libsodium could not be initialised");
      /* A core dump of an unlocked process would hold keys and case notes. */
      else if (!hk_platform_disable_core_dumps ())
        g_warning ("Could not disable core dumps for this process");
      g_once_init_leave (&done, 1);
    }
  return ok;
}
