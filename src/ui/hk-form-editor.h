/* hk-form-editor.h: what the casebook needs from every editor window
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

#include "hk-form-draft.h"

G_BEGIN_DECLS

/**
 * HkFormEditor:
 *
 * Implemented by HkFormWindow, the base of the editor windows (note,
 * person, case and casework record editors, and the close-case dialog).
 *
 * Signals:
 * - ::saved (HkRecord *record, HkRecord *extra): the record was saved; @extra
 *   is a second record saved with it (the case opened with a new person) or NULL.
 * - ::toast (const char *title): a message for the main window, shown after
 *   the editor has closed (errors stay inside the editor).
 * - ::closed: the editor has closed for good (it may be finalised later,
 *   when the last task holding it completes).
 */
#define HK_TYPE_FORM_EDITOR (hk_form_editor_get_type ())
G_DECLARE_INTERFACE (HkFormEditor, hk_form_editor, HK, FORM_EDITOR, GtkWindow)

struct _HkFormEditorInterface
{
  GTypeInterface parent_iface;

  /* What the editor edits ("note-new:<case id>", "person:<id>", …), so the
   * casebook opens one editor per record. */
  const char  *(*get_identity) (HkFormEditor *self);
  /* The autosave, or NULL if this editor keeps no draft. */
  HkFormDraft *(*get_draft)    (HkFormEditor *self);
  /* Whether the editor has finished loading (its draft restored). */
  gboolean     (*get_ready)    (HkFormEditor *self);
  /* Wipes the inputs and closes without keeping a draft (on lock). */
  void         (*shutdown)     (HkFormEditor *self);
};

const char  *hk_form_editor_get_identity     (HkFormEditor         *self);
HkFormDraft *hk_form_editor_get_draft        (HkFormEditor         *self);
gboolean     hk_form_editor_get_ready        (HkFormEditor         *self);
void         hk_form_editor_shutdown         (HkFormEditor         *self);
/* Saves the draft now if anything changed; completes when stored. */
void         hk_form_editor_flush_draft_async  (HkFormEditor         *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     hk_form_editor_flush_draft_finish (HkFormEditor         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Forgets the parent, emits ::closed (once) and destroys the window. */
void         hk_form_editor_close            (HkFormEditor         *self);

/* Helpers shared by the implementations. */
/* What hk_form_editor_close() does before destroying; for close requests,
 * where GtkWindow destroys the window itself. A task can keep the window
 * alive after its parent is gone, so the parent is let go of now. */
void         hk_form_editor_mark_closed      (HkFormEditor         *self);
gboolean     hk_form_editor_is_closed        (HkFormEditor         *self);
void         hk_form_editor_emit_saved       (HkFormEditor         *self,
                                              HkRecord             *record,
                                              HkRecord             *extra);
void         hk_form_editor_emit_toast       (HkFormEditor         *self,
                                              const char           *title);
/* "Restored unsaved changes from 14:32" / "… from 27 Nov 2026, 14:32". */
char        *hk_form_editor_describe_draft   (GVariant             *payload);
/* Shows @error in the editor's toast overlay, with what to do next. */
void         hk_form_editor_show_error       (AdwToastOverlay      *overlay,
                                              const char           *what,
                                              const GError         *error);

G_END_DECLS
