/* hk-form-fields.h: form rows built from a record kind's field schema
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkFormFields:
 *
 * Builds editing rows for the fields of one record kind from its schema
 * (hk_record_kind_get_fields()), moves values between the rows and an a{sv}
 * of record fields, keeps a raw copy for drafts (what was typed, even if it
 * does not parse yet) and shows validation errors under the offending row.
 *
 * Emits ::changed whenever the user changes a value (not when values are set
 * from code).
 */
#define HK_TYPE_FORM_FIELDS (hk_form_fields_get_type ())
G_DECLARE_FINAL_TYPE (HkFormFields, hk_form_fields, HK, FORM_FIELDS, GObject)

HkFormFields *hk_form_fields_new             (HkRecordKind          kind);
HkRecordKind  hk_form_fields_get_kind        (HkFormFields         *self);
/* Required enums start with an empty "Choose…" entry instead of their first
 * value, so nothing is recorded that the user did not pick. Call before
 * adding rows; off by default. */
void          hk_form_fields_set_require_choice (HkFormFields      *self,
                                                 gboolean           require_choice);

/* Adds rows for @keys (NULL-terminated) to @group; @keys NULL means every
 * field of the kind that is not automatic and not yet in the form. */
void          hk_form_fields_add_rows        (HkFormFields         *self,
                                              AdwPreferencesGroup  *group,
                                              const char * const   *keys);
/* Uses a text view the caller laid out for a long-text or list field;
 * @error_label (optional) shows its validation message. */
void          hk_form_fields_bind_text_view  (HkFormFields         *self,
                                              const char           *key,
                                              GtkTextView          *view,
                                              GtkLabel             *error_label);

gboolean      hk_form_fields_has_field       (HkFormFields         *self,
                                              const char           *key);
/* The input widget of @key: a GtkEditable (entry row or entry), a GtkTextView,
 * an AdwComboRow (enums, and record links) or a GtkSwitch; for an enum list,
 * the GtkGrid of its check buttons (see hk_form_fields_get_choice_widget()).
 * For date-times this is the date entry and hk_form_fields_get_time_widget()
 * gives the time entry. */
GtkWidget    *hk_form_fields_get_widget      (HkFormFields         *self,
                                              const char           *key);
GtkWidget    *hk_form_fields_get_time_widget (HkFormFields         *self,
                                              const char           *key);

/* Fills the rows from record fields (a{sv}); form fields absent from
 * @fields are cleared. */
void          hk_form_fields_set_values      (HkFormFields         *self,
                                              GVariant             *fields);
/* Parses the rows into record fields, on top of @base (nullable: the record
 * being edited; its fields outside this form are kept, automatic ones
 * dropped). On a value that cannot be read, fails with HK_ERROR_INVALID and
 * sets @out_key. */
GVariant     *hk_form_fields_build           (HkFormFields         *self,
                                              GVariant             *base,
                                              const char          **out_key,
                                              GError              **error);

/* What the rows hold, unparsed (a{sv}), for drafts; a floating reference
 * (g_variant_dict_insert_value() and friends take it over). */
GVariant     *hk_form_fields_get_raw         (HkFormFields         *self);
void          hk_form_fields_set_raw         (HkFormFields         *self,
                                              GVariant             *raw);

/* Shows or hides the row of @key (a conditional field). A hidden field does
 * not apply: hk_form_fields_build() leaves it out, but its input keeps what
 * was typed (and drafts keep it) in case it is shown again. */
void          hk_form_fields_set_field_visible (HkFormFields       *self,
                                                const char         *key,
                                                gboolean            visible);
gboolean      hk_form_fields_get_field_visible (HkFormFields       *self,
                                                const char         *key);
/* Offers records as the choices of the record-link field @key: @ids and
 * @labels are parallel NULL-terminated arrays (NULL for none). A value that
 * is not among them stays selectable as "Linked record". */
void          hk_form_fields_set_record_choices (HkFormFields      *self,
                                                 const char        *key,
                                                 const char * const *ids,
                                                 const char * const *labels);
/* The code chosen now in the enum field @key (or the id in the record-link
 * field @key), read straight from the row; NULL when none is chosen. For
 * conditional rows, which follow the inputs as they change. */
const char   *hk_form_fields_get_code          (HkFormFields       *self,
                                                const char         *key);
/* The GtkCheckButton of @code in the enum-list field @key, or NULL. */
GtkWidget    *hk_form_fields_get_choice_widget (HkFormFields       *self,
                                                const char         *key,
                                                const char         *code);

/* Shows @message under the row of @key, marks it invalid and focuses it.
 * Returns FALSE if @key is not in this form or hidden. */
gboolean      hk_form_fields_show_error      (HkFormFields         *self,
                                              const char           *key,
                                              const char           *message);
void          hk_form_fields_clear_errors    (HkFormFields         *self);
/* Empties every row, e.g. before the widgets go away on lock. */
void          hk_form_fields_clear           (HkFormFields         *self);
void          hk_form_fields_set_sensitive   (HkFormFields         *self,
                                              gboolean              sensitive);

G_END_DECLS
