/* driver.c: runs a fuzz target once over every file of a corpus directory
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a fuzzing engine this turns the corpus (seeds and every crasher
 * found so far) into an ordinary regression test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (argc != 2)
    {
      g_printerr ("Usage: %s CORPUS-DIRECTORY\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  if (names->len == 0)
    {
      g_printerr ("No inputs in %s\n", argv[1]);
      return 1;
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (argv[1], names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("%s\n", (const char *) names->pdata[i]);
      /* An exact-size copy, so a sanitizer sees any read past the end. */
      {
        g_autofree uint8_t *copy = g_memdup2 (contents, len);

        LLVMFuzzerTestOneInput (copy, len);
      }
    }

  g_print ("Ran %u inputs from %s\n", names->len, argv[1]);
  return 0;
}
