/* hk-form-draft.h: the encrypted autosave of one editor
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <hearken/hearken.h>

#include "hk-form-fields.h"

G_BEGIN_DECLS

/**
 * HkFormDraft:
 *
 * The draft of one editor, stored with hk_vault_save_draft_async() under a
 * key such as "note-new:<case id>". Operations on one draft run strictly one
 * after another, so a late autosave can never overwrite a discard.
 *
 * When watching an HkFormFields it marks itself dirty on every change and
 * autosaves after "delay" milliseconds without typing (a timer restarted on
 * each change). A saved draft is an a{sv}: "form" (the form's raw values),
 * "saved-at" (x, unix µs) and whatever context the editor set.
 *
 * The object lives until its last queued operation completes, so an editor
 * that is being destroyed can start a save and go.
 */
#define HK_TYPE_FORM_DRAFT (hk_form_draft_get_type ())
G_DECLARE_FINAL_TYPE (HkFormDraft, hk_form_draft, HK, FORM_DRAFT, GObject)

#define HK_FORM_DRAFT_DEFAULT_DELAY_MS 3000

HkFormDraft *hk_form_draft_new           (HkVault              *vault,
                                          const char           *key);
const char  *hk_form_draft_get_key       (HkFormDraft          *self);
HkVault     *hk_form_draft_get_vault     (HkFormDraft          *self);
gboolean     hk_form_draft_get_dirty     (HkFormDraft          *self);
void         hk_form_draft_set_dirty     (HkFormDraft          *self,
                                          gboolean              dirty);
/* TRUE if the vault holds (or is about to hold) a draft for this key. */
gboolean     hk_form_draft_get_stored    (HkFormDraft          *self);
guint        hk_form_draft_get_delay     (HkFormDraft          *self);
void         hk_form_draft_set_delay     (HkFormDraft          *self,
                                          guint                 delay_ms);
/* Extra a{sv} entries stored with every save (the case id, a base revision). */
void         hk_form_draft_set_context   (HkFormDraft          *self,
                                          GVariant             *context);

/* Starts or stops autosaving @form (NULL stops). */
void         hk_form_draft_watch         (HkFormDraft          *self,
                                          HkFormFields         *form);

/* Saves the watched form now if it changed since the last save; completes
 * at once otherwise. */
void         hk_form_draft_flush_async   (HkFormDraft          *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     hk_form_draft_flush_finish  (HkFormDraft          *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void         hk_form_draft_load_async    (HkFormDraft          *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* The stored a{sv}, or NULL without an error when there is none. */
GVariant    *hk_form_draft_load_finish   (HkFormDraft          *self,
                                          GAsyncResult         *result,
                                          GError              **error);
/* Removes the stored draft (after every queued save) and clears dirty. */
void         hk_form_draft_discard_async (HkFormDraft          *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     hk_form_draft_discard_finish (HkFormDraft         *self,
                                          GAsyncResult         *result,
                                          GError              **error);

/* Reading a stored draft. */
GVariant    *hk_form_draft_payload_get_form     (GVariant *payload);
gint64       hk_form_draft_payload_get_saved_at (GVariant *payload);
char        *hk_form_draft_payload_dup_string   (GVariant   *payload,
                                                 const char *key);

G_END_DECLS
