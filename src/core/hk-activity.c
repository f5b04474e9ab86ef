/* hk-activity.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearken/hk-activity.h"

static const struct {
  HkActivityKind kind;
  const char    *name;
  const char    *label;
} activity_kinds[] = {
  { HK_ACTIVITY_VAULT_CREATED,      "vault-created",      N_("Vault created") },
  { HK_ACTIVITY_UNLOCK,             "unlock",             N_("Unlocked") },
  { HK_ACTIVITY_UNLOCK_FAILED,      "unlock-failed",      N_("Failed unlock attempt") },
  { HK_ACTIVITY_LOCK,               "lock",               N_("Locked") },
  { HK_ACTIVITY_CASE_VIEWED,        "case-viewed",        N_("Case viewed") },
  { HK_ACTIVITY_RECORD_CREATED,     "record-created",     N_("Record created") },
  { HK_ACTIVITY_RECORD_CHANGED,     "record-changed",     N_("Record changed") },
  { HK_ACTIVITY_EXPORT,             "export",             N_("Exported") },
  { HK_ACTIVITY_PASSPHRASE_CHANGED, "passphrase-changed", N_("Passphrase changed") },
  { HK_ACTIVITY_RECOVERED,          "recovered",          N_("Recovered with the recovery key") },
  { HK_ACTIVITY_RESTORED,           "restored",           N_("Restored from a backup") },
  { HK_ACTIVITY_MIGRATED,           "migrated",           N_("Vault format upgraded") },
  { HK_ACTIVITY_LOG_CUT,            "log-cut",            N_("Activity log found cut short") },
};

const char *
hk_activity_kind_to_string (HkActivityKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (activity_kinds); i++)
    if (activity_kinds[i].kind == kind)
      return activity_kinds[i].name;
  return "unknown";
}

const char *
hk_activity_kind_get_label (HkActivityKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (activity_kinds); i++)
    if (activity_kinds[i].kind == kind)
      return _(activity_kinds[i].label);
  return _("Unknown event");
}

G_DEFINE_BOXED_TYPE (HkActivityEntry, hk_activity_entry,
                     hk_activity_entry_copy, hk_activity_entry_free)

HkActivityEntry *
hk_activity_entry_copy (const HkActivityEntry *entry)
{
  HkActivityEntry *copy = g_new0 (HkActivityEntry, 1);

  *copy = *entry;
  copy->actor = g_strdup (entry->actor);
  copy->record_id = g_strdup (entry->record_id);
  copy->detail = g_strdup (entry->detail);
  return copy;
}

void
hk_activity_entry_free (HkActivityEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->record_id);
  g_free (entry->detail);
  g_free (entry);
}
