/* hk-cli-passphrase.c: reading passphrases, recovery keys and content files
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
# include <termios.h>
# include <unistd.h>
#else
# include <io.h>
#endif

#include "hk-passphrase-quality.h"
#include "hk-cli-private.h"

#ifndef O_CLOEXEC
# define O_CLOEXEC 0
#endif

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *file)
{
  g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not read %s: %s"),
               g_str_equal (file, "-") ? _("standard input") : file,
               g_strerror (saved_errno));
}

/* Removes one trailing "\n" or "\r\n"; the secret's buffer wipes the rest. */
static void
strip_newline (HkSecret *secret)
{
  const char *data = hk_secret_get_data (secret);
  gsize len = hk_secret_get_length (secret);

  if (len > 0 && data[len - 1] == '\n')
    len--;
  if (len > 0 && data[len - 1] == '\r')
    len--;
  hk_secret_set_length (secret, len);
}

static gboolean
check_secret (HkSecret    *secret,
              gboolean     too_long,
              const char  *what,
              GError     **error)
{
  if (too_long)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("The %s is too long (more than %d bytes)"), what, HK_CLI_MAX_SECRET_BYTES);
      return FALSE;
    }
  if (hk_secret_get_length (secret) == 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("The %s is empty"), what);
      return FALSE;
    }
  if (memchr (hk_secret_get_data (secret), '\0', hk_secret_get_length (secret)) != NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("The %s contains a NUL byte"), what);
      return FALSE;
    }
  return TRUE;
}

/* Reads one line from @fd straight into secure memory, a byte at a time, so
 * nothing beyond the line is consumed (stdin may carry content after it) and
 * no copy lands in a stdio buffer. */
static HkSecret *
read_secret_line (int          fd,
                  const char  *file,
                  const char  *what,
                  gboolean     stop_at_newline,
                  GError     **error)
{
  g_autoptr(HkSecret) secret = hk_secret_new (HK_CLI_MAX_SECRET_BYTES + 2);
  guint8 *buf = hk_secret_get_mutable_data (secret);
  gsize len = 0;
  gboolean too_long = FALSE;
  gboolean got_any = FALSE;

  for (;;)
    {
      guint8 c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno, file);
          return NULL;
        }
      if (n == 0)
        break;
      got_any = TRUE;
      if (len < HK_CLI_MAX_SECRET_BYTES + 2)
        buf[len++] = c;
      else if (!stop_at_newline)
        {
          too_long = TRUE;
          break;
        }
      else
        too_long = TRUE;  /* keep reading, so the rest of the line is not taken as content */
      if (stop_at_newline && c == '\n')
        break;
    }

  if (!got_any)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("No %s was given on %s"), what,
                   g_str_equal (file, "-") ? _("standard input") : file);
      return NULL;
    }

  hk_secret_set_length (secret, len);
  strip_newline (secret);
  if (hk_secret_get_length (secret) > HK_CLI_MAX_SECRET_BYTES)
    too_long = TRUE;
  if (!check_secret (secret, too_long, what, error))
    return NULL;
  return g_steal_pointer (&secret);
}

HkSecret *
hk_cli_read_secret (const char  *file,
                    const char  *what,
                    GError     **error)
{
  HkSecret *secret;
  int fd;

  g_return_val_if_fail (file != NULL, NULL);

  if (g_str_equal (file, "-"))
    return read_secret_line (0, file, what, TRUE, error);

  fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, errno, file);
      return NULL;
    }
  /* A file holds exactly the secret, less one trailing newline. */
  secret = read_secret_line (fd, file, what, FALSE, error);
  close (fd);
  return secret;
}

#ifdef G_OS_UNIX

static int prompt_tty_fd = -1;
static struct termios prompt_saved_termios;

static void
restore_tty_and_reraise (int sig)
{
  /* Only async-signal-safe calls here. */
  if (prompt_tty_fd >= 0)
    {
      tcsetattr (prompt_tty_fd, TCSAFLUSH, &prompt_saved_termios);
      (void) !write (prompt_tty_fd, "\n", 1);
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

HkSecret *
hk_cli_prompt_secret (const char  *prompt,
                      GError     **error)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
  struct sigaction action = { 0 };
  struct sigaction old_actions[G_N_ELEMENTS (signals)];
  struct sigaction old_tstp;
  struct sigaction ignore = { 0 };
  struct termios quiet;
  g_autoptr(GError) local_error = NULL;
  HkSecret *secret;
  int fd;

  g_return_val_if_fail (prompt != NULL, NULL);

  fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0 || tcgetattr (fd, &prompt_saved_termios) != 0)
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("There is no terminal to ask for the passphrase on; use --passphrase-file FILE "
                     "(or - for standard input)"));
      return NULL;
    }

  action.sa_handler = restore_tty_and_reraise;
  sigemptyset (&action.sa_mask);
  ignore.sa_handler = SIG_IGN;
  sigemptyset (&ignore.sa_mask);

  prompt_tty_fd = fd;
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, &old_actions[i]);
  /* A stopped job would leave the shell without echo. */
  sigaction (SIGTSTP, &ignore, &old_tstp);

  quiet = prompt_saved_termios;
  quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL);
  quiet.c_lflag |= ICANON;
  tcsetattr (fd, TCSAFLUSH, &quiet);

  (void) !write (fd, prompt, strlen (prompt));
  secret = read_secret_line (fd, "/dev/tty", _("passphrase"), TRUE, &local_error);
  (void) !write (fd, "\n", 1);

  tcsetattr (fd, TCSAFLUSH, &prompt_saved_termios);
  sigaction (SIGTSTP, &old_tstp, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &old_actions[i], NULL);
  prompt_tty_fd = -1;
  close (fd);

  if (secret == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return secret;
}

#else /* !G_OS_UNIX */

HkSecret *
hk_cli_prompt_secret (const char  *prompt,
                      GError     **error)
{
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
               _("Passphrase prompts are not supported on this system; use --passphrase-file FILE "
                 "(or - for standard input)"));
  return NULL;
}

#endif /* G_OS_UNIX */

HkSecret *
hk_cli_get_secret (const char  *file,
                   const char  *prompt,
                   const char  *what,
                   GError     **error)
{
  if (file != NULL)
    return hk_cli_read_secret (file, what, error);
  return hk_cli_prompt_secret (prompt, error);
}

HkSecret *
hk_cli_read_new_passphrase (const char  *file,
                            GError     **error)
{
  g_autoptr(HkSecret) passphrase = NULL;
  g_autoptr(HkSecret) again = NULL;

  /* Scripts give it once; there is nobody to mistype it. */
  if (file != NULL)
    return hk_cli_read_secret (file, _("new passphrase"), error);

  passphrase = hk_cli_prompt_secret (_("New passphrase: "), error);
  if (passphrase == NULL)
    return NULL;
  again = hk_cli_prompt_secret (_("Repeat the new passphrase: "), error);
  if (again == NULL)
    return NULL;
  if (!hk_secret_equal (passphrase, again))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                   _("The two passphrases do not match; nothing was changed"));
      return NULL;
    }
  return g_steal_pointer (&passphrase);
}

/* Checked against the login name, which libpwquality refuses inside a passphrase. */
gboolean
hk_cli_check_passphrase_quality (const HkSecret  *passphrase,
                                 GError         **error)
{
  g_autoptr(HkPassphraseQuality) quality = NULL;

  g_return_val_if_fail (passphrase != NULL, FALSE);

  quality = hk_passphrase_quality_check (passphrase, g_get_user_name ());
  if (quality == NULL || !quality->acceptable)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_WEAK_PASSPHRASE, _("The new passphrase was refused: %s"),
                   quality != NULL && quality->feedback != NULL
                     ? quality->feedback
                     : _("choose a longer passphrase."));
      return FALSE;
    }
  return TRUE;
}

/* Recovery keys are read back from paper: accept any case and any dashes or
 * spaces, and hand the core the canonical grouped form. */
HkSecret *
hk_cli_normalize_recovery_key (const HkSecret  *key,
                               GError         **error)
{
  const char *data = hk_secret_get_data (key);
  gsize len = hk_secret_get_length (key);
  g_autoptr(HkSecret) bare = hk_secret_new (len);
  g_autoptr(HkSecret) grouped = NULL;
  guint8 *b = hk_secret_get_mutable_data (bare);
  gsize n = 0;
  gsize out = 0;
  guint8 *g;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
        continue;
      if (!g_ascii_isalnum (c))
        {
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       _("That is not a recovery key: it may contain only letters, digits, dashes and spaces"));
          return NULL;
        }
      b[n++] = g_ascii_toupper (c);
    }
  hk_secret_set_length (bare, n);
  if (n == 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("The recovery key is empty"));
      return NULL;
    }

  grouped = hk_secret_new (n + n / 5);
  g = hk_secret_get_mutable_data (grouped);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && i % 5 == 0)
        g[out++] = '-';
      g[out++] = b[i];
    }
  hk_secret_set_length (grouped, out);
  return g_steal_pointer (&grouped);
}

GByteArray *
hk_cli_read_bytes (const char  *file,
                   gsize        max_bytes,
                   GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const char *name;
  int fd;
  gboolean close_fd = FALSE;
  guint8 chunk[8192];

  g_return_val_if_fail (file != NULL, NULL);

  name = g_str_equal (file, "-") ? _("standard input") : file;
  if (g_str_equal (file, "-"))
    fd = 0;
  else
    {
      fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          set_io_error (error, errno, file);
          return NULL;
        }
      close_fd = TRUE;
    }

  for (;;)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          if (close_fd)
            close (fd);
          set_io_error (error, saved_errno, file);
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_bytes)
        {
          if (close_fd)
            close (fd);
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       _("%s is too large (the limit is %" G_GSIZE_FORMAT " bytes)"), name, max_bytes);
          return NULL;
        }
      g_byte_array_append (bytes, chunk, n);
    }
  if (close_fd)
    close (fd);
  return g_steal_pointer (&bytes);
}

char *
hk_cli_read_content (const char  *file,
                     gsize        max_bytes,
                     gsize       *out_len,
                     GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  const char *name;

  g_return_val_if_fail (file != NULL, NULL);

  name = g_str_equal (file, "-") ? _("standard input") : file;
  bytes = hk_cli_read_bytes (file, max_bytes, error);
  if (bytes == NULL)
    return NULL;

  /* An empty array has no data at all, which memchr() may not be given. */
  if (bytes->len > 0 && memchr (bytes->data, '\0', bytes->len) != NULL)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s contains a NUL byte"), name);
      return NULL;
    }
  if (!g_utf8_validate ((const char *) bytes->data, bytes->len, NULL))
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s is not valid UTF-8 text"), name);
      return NULL;
    }

  if (out_len != NULL)
    *out_len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Short text such as a reason or a query, with the space around it removed;
 * nothing left is a usage error that says @empty_message. */
char *
hk_cli_read_text (const char  *file,
                  const char  *empty_message,
                  GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (empty_message != NULL, NULL);

  text = hk_cli_read_content (file, HK_CLI_MAX_TEXT_BYTES, NULL, error);
  if (text == NULL)
    return NULL;

  g_strstrip (text);
  if (*text == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, empty_message);
      return NULL;
    }
  return g_steal_pointer (&text);
}

HkJsonNode *
hk_cli_read_json_object (const char  *file,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(HkJsonNode) node = NULL;
  gsize len = 0;

  text = hk_cli_read_content (file, HK_CLI_MAX_CONTENT_BYTES, &len, error);
  if (text == NULL)
    return NULL;

  node = hk_json_parse (text, len, NULL, error);
  if (node == NULL)
    return NULL;
  if (hk_json_node_get_type (node) != HK_JSON_OBJECT)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("$: expected a JSON object"));
      return NULL;
    }
  return g_steal_pointer (&node);
}
