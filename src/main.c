/* main.c: the hearken GUI
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HkApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* libsodium and core dumps first: nothing secret may exist before this. */
  if (!hk_init ())
    return 1;

  app = hk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
