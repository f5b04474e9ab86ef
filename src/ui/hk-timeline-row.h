/* hk-timeline-row.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkTimelineEntry:
 * @record: the record the event belongs to
 * @date_key: the field the date comes from ("received_on", "occurred_at", …);
 *   a risk has no date of its own and takes its enquiry's start ("started_on")
 * @when: the ISO date or date-time of the event
 *
 * One dated event of a case. A record can give several: an enquiry starts
 * and concludes, a desired outcome is expressed and later rated, an advocacy
 * referral is considered, made, allocated and ended, an action is due (until
 * it is done) and done.
 */
typedef struct {
  HkRecord   *record;
  const char *date_key;
  char       *when;
  /*< private >*/
  char       *sort_key;
} HkTimelineEntry;

void       hk_timeline_entry_free (HkTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkTimelineEntry, hk_timeline_entry_free)

/* Every dated event of @records (any kinds of a case, notes included),
 * newest first (HkTimelineEntry*). Records without a date are left out. */
GPtrArray *hk_timeline_collect (GPtrArray *records);

/* What the event is, in plain words: "Concern received", "Advocate allocated". */
char      *hk_timeline_describe (HkRecord   *record,
                                 const char *date_key);
/* The icon name for a record kind (notes by their own kind). */
const char *hk_timeline_get_icon_name (HkRecord *record);

/**
 * HkTimelineRow:
 *
 * One event in the merged timeline of a case: an icon for the kind of
 * record, what happened in plain words, the date (day first) and a short
 * summary. Activating it opens the record's editor (casebook.edit-record, or
 * casebook.edit-note for a note).
 */
#define HK_TYPE_TIMELINE_ROW (hk_timeline_row_get_type ())
G_DECLARE_FINAL_TYPE (HkTimelineRow, hk_timeline_row, HK, TIMELINE_ROW, GtkListBoxRow)

GtkWidget  *hk_timeline_row_new          (const HkTimelineEntry *entry);
HkRecord   *hk_timeline_row_get_record   (HkTimelineRow *self);
const char *hk_timeline_row_get_date_key (HkTimelineRow *self);
const char *hk_timeline_row_get_when     (HkTimelineRow *self);
/* The plain-words title shown. */
const char *hk_timeline_row_get_title    (HkTimelineRow *self);

G_END_DECLS
