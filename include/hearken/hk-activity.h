/* hk-activity.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored numerically inside the encrypted entry: append only, never renumber. */
typedef enum {
  HK_ACTIVITY_VAULT_CREATED      = 1,
  HK_ACTIVITY_UNLOCK             = 2,
  HK_ACTIVITY_UNLOCK_FAILED      = 3,
  HK_ACTIVITY_LOCK               = 4,
  HK_ACTIVITY_CASE_VIEWED        = 5,
  HK_ACTIVITY_RECORD_CREATED     = 6,
  HK_ACTIVITY_RECORD_CHANGED     = 7,
  HK_ACTIVITY_EXPORT             = 8,   /* backups and, later, exports */
  HK_ACTIVITY_PASSPHRASE_CHANGED = 9,
  HK_ACTIVITY_RECOVERED          = 10,
  HK_ACTIVITY_RESTORED           = 11,
  HK_ACTIVITY_MIGRATED           = 12,
  HK_ACTIVITY_LOG_CUT            = 13,  /* entries found missing from the end at an unlock */
} HkActivityKind;

const char *hk_activity_kind_to_string (HkActivityKind kind); /* "unlock", "record-changed", … stable */
const char *hk_activity_kind_get_label (HkActivityKind kind); /* translated */

typedef struct {
  gint64          seq;
  HkActivityKind  kind;
  gint64          time;        /* unix µs */
  char           *actor;       /* owner name at the time; may be "" */
  int             record_kind; /* HkRecordKind or -1 */
  char           *record_id;   /* may be NULL */
  gint64          revision;    /* 0 if none */
  char           *detail;      /* may be NULL; never personal content */
} HkActivityEntry;

#define HK_TYPE_ACTIVITY_ENTRY (hk_activity_entry_get_type ())
GType            hk_activity_entry_get_type (void) G_GNUC_CONST;
HkActivityEntry *hk_activity_entry_copy     (const HkActivityEntry *entry);
void             hk_activity_entry_free     (HkActivityEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkActivityEntry, hk_activity_entry_free)

G_END_DECLS
