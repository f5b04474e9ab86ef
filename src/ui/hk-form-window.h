/* hk-form-window.h: the base class of the editor windows
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-form-draft.h"
#include "hk-form-editor.h"
#include "hk-form-fields.h"

G_BEGIN_DECLS

/**
 * HkFormWindow:
 *
 * A modal window that edits one record through an HkFormFields: the base of
 * the note, person, case and casework record editors and of the close-case
 * dialog. It implements HkFormEditor and owns what they have in common: the
 * vault, the form, the draft that autosaves it (restored when the window
 * opens, with the "Restored unsaved changes" bar and editor.discard-draft;
 * kept, with a toast, when the window closes unsaved), the editor.save and
 * editor.cancel actions and their keys, and the busy state while it loads
 * or saves.
 *
 * A subclass's template has an AdwToastOverlay "toast_overlay", a
 * GtkRevealer "draft_revealer" holding a GtkLabel "draft_label", and the
 * widget that is insensitive while busy (see
 * hk_form_window_class_bind_template_children()). Its constructed() lays
 * out the form's rows, then calls hk_form_window_set_form(),
 * _set_identity() and _set_messages(), and last hk_form_window_load() (at
 * once, or when what the form offers has loaded). editor.save calls the
 * check and save vfuncs.
 */
#define HK_TYPE_FORM_WINDOW (hk_form_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (HkFormWindow, hk_form_window, HK, FORM_WINDOW, AdwWindow)

struct _HkFormWindowClass
{
  AdwWindowClass parent_class;

  /* Puts the values the window opens with into the form; "Discard Draft"
   * goes back to them. */
  void      (*fill_initial_values) (HkFormWindow *self);
  /* Optional: a stored draft has been put back into the form; @payload is
   * the whole draft, with the context the window stored. */
  void      (*restore_draft)       (HkFormWindow *self,
                                    GVariant     *payload);
  /* Optional: focuses where typing starts, once loaded and after the draft
   * is discarded. */
  void      (*focus_first_input)   (HkFormWindow *self);
  /* Optional: brings the row of @key into view before an error is shown on
   * it (a step of a guided form). */
  void      (*reveal_field)        (HkFormWindow *self,
                                    const char   *key);
  /* Reads and checks the form for editor.save: the fields to save (transfer
   * full), or NULL once it has shown what is wrong. */
  GVariant *(*check)               (HkFormWindow *self);
  /* Starts saving @fields, the window being busy; ends with
   * hk_form_window_save_done() or hk_form_window_save_failed(). */
  void      (*save)                (HkFormWindow *self,
                                    GVariant     *fields);
  /* Optional: on lock, wipes what the window shows beyond its form. */
  void      (*wipe)                (HkFormWindow *self);
};

HkVault      *hk_form_window_get_vault       (HkFormWindow   *self);
/* The form, or NULL once the window is disposed. */
HkFormFields *hk_form_window_get_form        (HkFormWindow   *self);
/* The draft, or NULL when the window keeps none. */
HkFormDraft  *hk_form_window_get_draft       (HkFormWindow   *self);
/* Cancelled when the window is disposed. */
GCancellable *hk_form_window_get_cancellable (HkFormWindow   *self);
/* TRUE once the window is disposed or shut down (on lock): what arrives
 * late must leave it alone. */
gboolean      hk_form_window_is_gone         (HkFormWindow   *self);

/* For the subclasses' class_init(), after the template is set: binds
 * "toast_overlay", "draft_revealer", "draft_label" and @content_id, the
 * part of the window that is insensitive while it loads or saves. */
void          hk_form_window_class_bind_template_children (GtkWidgetClass *widget_class,
                                                           const char     *content_id);

/* For the subclasses' constructed(), in this order. */
/* Takes a reference on @form, whose rows the subclass has laid out. */
void          hk_form_window_set_form        (HkFormWindow   *self,
                                              HkFormFields   *form);
/* What the window edits (see hk_form_editor_get_identity()); the draft is
 * stored under the same key, unless @keep_draft is FALSE. */
void          hk_form_window_set_identity    (HkFormWindow   *self,
                                              const char     *identity,
                                              gboolean        keep_draft);
/* What to say when saving fails ("The note was not saved.") and when an
 * unsaved window closes ("Unsaved note kept as a draft"); static strings,
 * translated. */
void          hk_form_window_set_messages    (HkFormWindow   *self,
                                              const char     *not_saved,
                                              const char     *kept);
/* Fills the initial values, then restores the draft, if there is one; the
 * window is busy until then. */
void          hk_form_window_load            (HkFormWindow   *self);

/* Helpers for checking and saving. */
/* Builds the fields from the form on top of @base (nullable) and validates
 * them; on failure shows the error and returns NULL. */
GVariant     *hk_form_window_build_fields    (HkFormWindow   *self,
                                              GVariant       *base);
/* Shows @error under the row of @key, or as a toast when there is none. */
void          hk_form_window_show_invalid    (HkFormWindow   *self,
                                              const char     *key,
                                              const GError   *error);
/* Shows @error as a toast that stays, after @what ("The note was not saved."). */
void          hk_form_window_show_error      (HkFormWindow   *self,
                                              const char     *what,
                                              const GError   *error);
/* A toast that goes by itself; @title is markup. */
void          hk_form_window_add_toast       (HkFormWindow   *self,
                                              const char     *title);
/* Saves @fields as @record's next revision, or as a new record of the
 * form's kind under @parent_id; @toast (static) is shown once saved. */
void          hk_form_window_save_record     (HkFormWindow   *self,
                                              HkRecord       *record,
                                              const char     *parent_id,
                                              GVariant       *fields,
                                              const char     *toast);
/* The save is done: emits ::saved and ::toast, and closes. */
void          hk_form_window_save_done       (HkFormWindow   *self,
                                              HkRecord       *record,
                                              HkRecord       *extra,
                                              const char     *toast);
/* The save failed: the form is editable again and autosaves again. Shows
 * @error (if not NULL) after the not-saved message. Returns FALSE when the
 * window is gone, and there is nothing more to show. */
gboolean      hk_form_window_save_failed     (HkFormWindow   *self,
                                              const GError   *error);

G_END_DECLS
