/* hk-form-format.h: how dates, NHS numbers and enum codes are shown and typed
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/* "2026-11-27" → "27 Nov 2026"; NULL for an empty or unreadable date. */
char      *hk_format_date              (const char  *iso_date);
/* "2026-11-27" → "27/11/2026", the form used in entries; NULL if unreadable. */
char      *hk_format_date_numeric      (const char  *iso_date);
/* "1950-03-02" → "2 Mar 1950 (age 76)". */
char      *hk_format_date_of_birth     (const char  *iso_date,
                                        GDateTime   *now);
/* Whole years between @iso_date and @now, or -1. */
int        hk_age_on                   (const char  *iso_date,
                                        GDateTime   *now);
/* ISO 8601 date-time → "27 Nov 2026, 14:30" in local time; NULL if unreadable. */
char      *hk_format_datetime          (const char  *iso_datetime);
/* unix µs → "27 Nov 2026, 14:30" in local time. */
char      *hk_format_timestamp         (gint64       unix_usec);
/* "9434765919" → "943 476 5919"; other text is returned unchanged. */
char      *hk_format_nhs_number        (const char  *text);
/* The translated label of a record field's enum code (or the code itself). */
const char *hk_format_enum             (HkRecordKind kind,
                                        const char  *key,
                                        const char  *code);

/* Day-first input: "27/11/2026", "27-11-2026", "27.11.2026", "27 11 2026",
 * two-digit years as 20xx/19xx, or ISO "2026-11-27". Returns the ISO date. */
char      *hk_parse_date               (const char  *text);
/* "14:30", "14.30", "1430", "9:05" → hours and minutes. */
gboolean   hk_parse_time               (const char  *text,
                                        int         *out_hour,
                                        int         *out_minute);
/* A local date and time as ISO 8601 with offset, or NULL if invalid. */
char      *hk_parse_local_datetime     (const char  *date_text,
                                        const char  *time_text);

/* Today as "YYYY-MM-DD" in local time. */
char      *hk_today_iso                (void);

G_END_DECLS
