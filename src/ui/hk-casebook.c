/* hk-casebook.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hk-casebook.h"
#include "hk-case-editor.h"
#include "hk-case-list-view.h"
#include "hk-case-page.h"
#include "hk-close-case-dialog.h"
#include "hk-form-draft.h"
#include "hk-history-window.h"
#include "hk-note-editor.h"
#include "hk-person-editor.h"
#include "hk-record-editor.h"
#include "hk-window.h"

struct _HkCasebook
{
  AdwBin          parent_instance;

  AdwLeaflet     *leaflet;
  GtkWidget      *sidebar;
  GtkWidget      *content;
  AdwWindowTitle *sidebar_title;
  GtkWidget      *demo_label;
  GtkMenuButton  *menu_button;
  HkCaseListView *list_view;
  GtkStack       *content_stack;
  HkCasePage     *case_page;

  HkVault        *vault;
  GCancellable   *session;        /* cancelled when the vault changes */
  GCancellable   *case_load;      /* the case being loaded */
  GCancellable   *extras_load;    /* its casework records, prompts and histories */
  guint           extras_pending;
  char           *loading_case_id;
  char           *filter;
  char           *stage_filter;
  gboolean        prompts_filter;
  gboolean        is_demo;

  GPtrArray      *editors;        /* HkFormEditor*, open */
  GPtrArray      *history_windows;

  /* After the next case load: reopen an editor for a restored draft. */
  char           *pending_case_id;
  char           *pending_note_id; /* NULL: a new note */
  int             pending_kind;    /* a casework record kind, or -1 for a note */
  char           *pending_parent_id;
  char           *pending_record_id;
  gboolean        pending_editor;
};

G_DEFINE_FINAL_TYPE (HkCasebook, hk_casebook, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_IS_DEMO,
  PROP_FILTER,
  PROP_STAGE_FILTER,
  PROP_PROMPTS_FILTER,
  PROP_CURRENT_CASE_ID,
  PROP_LOADING,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void show_case (HkCasebook *self,
                       const char *case_id);
static void load_extras (HkCasebook *self);

/* Auxiliary methods */

static void
toast (HkCasebook *self,
       const char *title)
{
  g_signal_emit (self, signals[TOAST], 0, title);
}

static void
toast_error (HkCasebook   *self,
             const char   *what,
             const GError *error)
{
  g_autofree char *title = g_strdup_printf ("%s %s", what, error->message);

  toast (self, title);
}

static const char *
current_case_id (HkCasebook *self)
{
  HkRecord *kase = hk_case_page_get_case (self->case_page);

  return kase ? hk_record_get_id (kase) : NULL;
}

static void
update_actions (HkCasebook *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  HkRecord *kase = self->vault ? hk_case_page_get_case (self->case_page) : NULL;
  gboolean has_vault = self->vault != NULL;
  gboolean has_case = kase != NULL;
  gboolean is_open = has_case && g_strcmp0 (hk_record_get_string (kase, "status"), "closed") != 0;

  gtk_widget_action_set_enabled (widget, "casebook.search", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.new-person", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.new-case", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.show-case", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.filter", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.new-note", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.edit-note", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.show-history", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.edit-person", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.edit-case", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.close-case", is_open);
  gtk_widget_action_set_enabled (widget, "casebook.new-record", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.edit-record", has_case);
  gtk_widget_action_set_enabled (widget, "casebook.filter-stage", has_vault);
  gtk_widget_action_set_enabled (widget, "casebook.filter-prompts", has_vault);
}

static gboolean
is_loading (HkCasebook *self)
{
  return self->loading_case_id != NULL || self->extras_pending > 0;
}

static void
set_is_demo (HkCasebook *self,
             gboolean    is_demo)
{
  is_demo = !!is_demo;
  if (self->is_demo == is_demo)
    return;
  self->is_demo = is_demo;
  gtk_widget_set_visible (self->demo_label, is_demo);
  adw_window_title_set_subtitle (self->sidebar_title, is_demo ? _("Synthetic records") : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEMO]);
}

static void
set_filter (HkCasebook *self,
            const char *filter)
{
  if (filter == NULL ||
      !(g_str_equal (filter, "open") || g_str_equal (filter, "closed") || g_str_equal (filter, "all")))
    {
      g_warning ("Unknown case filter");
      return;
    }
  if (g_strcmp0 (self->filter, filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  hk_case_list_view_set_filter (self->list_view, filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
set_stage_filter (HkCasebook *self,
                  const char *stage)
{
  static const char * const stages[] = { "all", "none", "concern", "enquiry", "concluded", "closed", NULL };

  if (stage == NULL || !g_strv_contains (stages, stage))
    {
      g_warning ("Unknown stage filter");
      return;
    }
  if (g_strcmp0 (self->stage_filter, stage) == 0)
    return;
  g_free (self->stage_filter);
  self->stage_filter = g_strdup (stage);
  hk_case_list_view_set_stage_filter (self->list_view, stage);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_FILTER]);
}

static void
set_prompts_filter (HkCasebook *self,
                    gboolean    prompts)
{
  prompts = !!prompts;
  if (self->prompts_filter == prompts)
    return;
  self->prompts_filter = prompts;
  hk_case_list_view_set_prompts_filter (self->list_view, prompts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTS_FILTER]);
}

static GtkWindow *
get_parent_window (HkCasebook *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWindow *
find_editor (HkCasebook *self,
             const char *identity)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      HkFormEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (hk_form_editor_get_identity (editor), identity) == 0)
        return GTK_WINDOW (editor);
    }
  return NULL;
}

static void
on_editor_toast_cb (HkCasebook *self,
                    const char *title)
{
  toast (self, title);
}

static void
on_editor_closed_cb (HkCasebook *self,
                     GtkWidget  *editor)
{
  if (self->editors)
    g_ptr_array_remove (self->editors, editor);
}

static void
on_editor_saved_cb (HkCasebook   *self,
                    HkRecord     *record,
                    HkRecord     *extra,
                    HkFormEditor *editor)
{
  const char *case_id = current_case_id (self);
  gboolean reload = FALSE;

  /* An editor that finished after a lock has nothing to show here. */
  if (self->vault == NULL)
    return;

  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:
      if (g_strcmp0 (case_id, hk_record_get_parent_id (record)) == 0)
        {
          hk_case_page_upsert_note (self->case_page, record);
          reload = TRUE;
        }
      break;

    case HK_RECORD_KIND_PERSON:
      {
        HkRecord *person = hk_case_page_get_person (self->case_page);

        if (person && g_str_equal (hk_record_get_id (person), hk_record_get_id (record)))
          hk_case_page_set_person (self->case_page, record);
        if (extra)
          show_case (self, hk_record_get_id (extra));
        break;
      }

    case HK_RECORD_KIND_CASE:
      if (g_strcmp0 (case_id, hk_record_get_id (record)) == 0)
        {
          hk_case_page_set_case (self->case_page, record);
          /* Prompts depend on the case's own fields (doubts, reasons, status). */
          reload = TRUE;
        }
      else
        show_case (self, hk_record_get_id (record));
      break;

    case HK_RECORD_KIND_CONCERN:
    case HK_RECORD_KIND_ENQUIRY:
    case HK_RECORD_KIND_RISK:
    case HK_RECORD_KIND_CONVERSATION:
    case HK_RECORD_KIND_OUTCOME:
    case HK_RECORD_KIND_CAPACITY:
    case HK_RECORD_KIND_BEST_INTERESTS:
    case HK_RECORD_KIND_ADVOCACY:
    case HK_RECORD_KIND_ACTION:
      /* A risk hangs off an enquiry: any casework save reloads the case shown. */
      reload = case_id != NULL;
      break;

    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_DRAFT:
    default:
      break;
    }

  if (reload)
    load_extras (self);
  update_actions (self);
  hk_case_list_view_reload (self->list_view);
}

static void
present_editor (HkCasebook *self,
                GtkWindow  *editor)
{
  GtkWindow *parent = get_parent_window (self);
  GtkWindow *existing;

  g_object_ref_sink (editor);

  /* One editor per record: bring back the one already open. */
  existing = find_editor (self, hk_form_editor_get_identity (HK_FORM_EDITOR (editor)));
  if (existing)
    {
      hk_form_editor_close (HK_FORM_EDITOR (editor));
      g_object_unref (editor);
      gtk_window_present (existing);
      return;
    }

  if (parent)
    {
      gtk_window_set_transient_for (editor, parent);
      gtk_window_set_application (editor, gtk_window_get_application (parent));
      /* Typing in an editor is activity: no auto-lock mid-sentence. */
      if (HK_IS_WINDOW (parent))
        hk_window_adopt_dialog (HK_WINDOW (parent), editor, FALSE);
    }
  g_signal_connect_object (editor, "toast", G_CALLBACK (on_editor_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "closed", G_CALLBACK (on_editor_closed_cb), self, G_CONNECT_SWAPPED);
  /* Also when it goes without closing (destroyed by someone else). */
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_closed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->editors, editor);
  g_object_unref (editor);
  gtk_window_present (editor);
}

static void
open_note_editor (HkCasebook *self,
                  HkRecord   *note)
{
  const char *case_id = current_case_id (self);

  if (self->vault == NULL || case_id == NULL)
    return;
  present_editor (self, GTK_WINDOW (hk_note_editor_new (self->vault, case_id, note)));
}

static void
open_record_editor (HkCasebook   *self,
                    HkRecordKind  kind,
                    const char   *parent_id,
                    HkRecord     *record)
{
  GPtrArray *records = hk_case_page_get_case_records (self->case_page);

  if (self->vault == NULL || current_case_id (self) == NULL)
    return;
  if (record)
    present_editor (self, GTK_WINDOW (hk_record_editor_new_edit (self->vault, record, records)));
  else
    present_editor (self, GTK_WINDOW (hk_record_editor_new_create (self->vault, kind, parent_id, records)));
}

static gboolean
on_history_close_request_cb (HkCasebook *self,
                             GtkWidget  *window)
{
  if (self->history_windows)
    g_ptr_array_remove (self->history_windows, window);
  return GDK_EVENT_PROPAGATE;
}

/* Closing a window removes it from the array being walked: walk a copy. */
static GPtrArray *
copy_windows (GPtrArray *windows)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; windows && i < windows->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (windows, i)));
  return copy;
}

static void
close_windows (HkCasebook *self)
{
  g_autoptr(GPtrArray) editors = copy_windows (self->editors);
  g_autoptr(GPtrArray) histories = copy_windows (self->history_windows);

  for (guint i = 0; i < editors->len; i++)
    {
      HkFormEditor *editor = g_ptr_array_index (editors, i);

      /* Normally the window has flushed the drafts already and this saves
       * nothing; if it has not (the window is going away), the saves are
       * queued before any lock the window asks for next. */
      if (self->vault && !hk_vault_is_locked (self->vault))
        hk_form_editor_flush_draft_async (editor, NULL, NULL, NULL);
      hk_form_editor_shutdown (editor);
    }
  for (guint i = 0; i < histories->len; i++)
    hk_history_window_shutdown (g_ptr_array_index (histories, i));
  g_ptr_array_set_size (self->editors, 0);
  g_ptr_array_set_size (self->history_windows, 0);
}

static void
clear_pending (HkCasebook *self)
{
  g_clear_pointer (&self->pending_case_id, g_free);
  g_clear_pointer (&self->pending_note_id, g_free);
  g_clear_pointer (&self->pending_parent_id, g_free);
  g_clear_pointer (&self->pending_record_id, g_free);
  self->pending_kind = -1;
  self->pending_editor = FALSE;
}

static void
run_pending (HkCasebook *self)
{
  g_autofree char *note_id = NULL;

  if (!self->pending_editor || g_strcmp0 (self->pending_case_id, current_case_id (self)) != 0)
    return;

  if (self->pending_kind >= 0)
    {
      HkRecordKind kind = self->pending_kind;
      g_autofree char *parent_id = g_steal_pointer (&self->pending_parent_id);
      g_autofree char *record_id = g_steal_pointer (&self->pending_record_id);

      clear_pending (self);
      if (record_id)
        {
          HkRecord *record = hk_case_page_find_record (self->case_page, record_id);

          if (record && hk_record_get_kind (record) == kind)
            open_record_editor (self, kind, NULL, record);
        }
      else if (parent_id)
        open_record_editor (self, kind, parent_id, NULL);
      return;
    }

  note_id = g_steal_pointer (&self->pending_note_id);
  clear_pending (self);
  if (note_id)
    {
      HkRecord *note = hk_case_page_find_note (self->case_page, note_id);

      if (note)
        open_note_editor (self, note);
    }
  else
    open_note_editor (self, NULL);
}

/* Callbacks */

typedef struct {
  HkCasebook   *self;
  GCancellable *cancellable;
  char         *case_id;
} LoadCase;

static void
load_case_free (LoadCase *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->cancellable);
  g_free (load->case_id);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadCase, load_case_free)

static void
load_case_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  HkCasebook *self = load->self;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same_case;

  hk_vault_load_case_finish (HK_VAULT (object), result, &kase, &person, &notes, &error);
  if (g_cancellable_is_cancelled (load->cancellable))
    return;

  g_clear_pointer (&self->loading_case_id, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (error)
    {
      toast_error (self, _("The case could not be opened."), error);
      if (hk_case_page_get_case (self->case_page) == NULL)
        gtk_stack_set_visible_child_name (self->content_stack, "empty");
      else
        gtk_stack_set_visible_child_name (self->content_stack, "case");
      clear_pending (self);
      return;
    }

  same_case = g_strcmp0 (current_case_id (self), hk_record_get_id (kase)) == 0;
  if (!same_case)
    {
      /* Nothing of the previous case may show under this one's name. */
      hk_case_page_set_case_records (self->case_page, NULL);
      hk_case_page_set_prompts (self->case_page, NULL);
    }
  hk_case_page_set_records (self->case_page, kase, person, notes);
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  if (!same_case)
    hk_case_page_scroll_to_top (self->case_page);
  hk_case_list_view_select_case (self->list_view, hk_record_get_id (kase));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CASE_ID]);

  /* The casework records, prompts and histories follow; editors waiting
   * for a restored draft open once they are in. */
  load_extras (self);
}

/* The case's casework records, its prompts and the advocacy histories */

static void
extras_step_done (HkCasebook *self)
{
  g_assert (self->extras_pending > 0);

  if (--self->extras_pending > 0)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  run_pending (self);
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  HkCasebook *self = load->self;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  revisions = hk_vault_list_revisions_finish (HK_VAULT (object), result, &error);
  if (g_cancellable_is_cancelled (load->cancellable))
    return;
  /* Without its history a referral still shows its current status. */
  if (revisions)
    hk_case_page_set_record_history (self->case_page, load->case_id, revisions);
  extras_step_done (self);
}

static void
case_records_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  HkCasebook *self = load->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = hk_vault_list_case_records_finish (HK_VAULT (object), result, &error);
  if (g_cancellable_is_cancelled (load->cancellable))
    return;

  if (records == NULL)
    toast_error (self, _("The case’s records could not be read."), error);
  else
    {
      hk_case_page_set_case_records (self->case_page, records);
      /* The status history of each referral lives in its earlier revisions. */
      for (guint i = 0; i < records->len; i++)
        {
          HkRecord *record = g_ptr_array_index (records, i);
          LoadCase *history;

          if (hk_record_get_kind (record) != HK_RECORD_KIND_ADVOCACY || hk_record_get_revision (record) < 2)
            continue;
          history = g_new0 (LoadCase, 1);
          history->self = g_object_ref (self);
          history->cancellable = g_object_ref (load->cancellable);
          history->case_id = g_strdup (hk_record_get_id (record));
          self->extras_pending++;
          hk_vault_list_revisions_async (self->vault, hk_record_get_id (record), load->cancellable,
                                         history_cb, history);
        }
    }
  extras_step_done (self);
}

static void
case_prompts_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  HkCasebook *self = load->self;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GError) error = NULL;

  prompts = hk_vault_case_prompts_finish (HK_VAULT (object), result, &error);
  if (g_cancellable_is_cancelled (load->cancellable))
    return;

  if (prompts == NULL)
    toast_error (self, _("The practice prompts could not be worked out."), error);
  else
    hk_case_page_set_prompts (self->case_page, prompts);
  extras_step_done (self);
}

static void
load_extras (HkCasebook *self)
{
  const char *case_id = current_case_id (self);
  gboolean was_loading = is_loading (self);
  LoadCase *records, *prompts;

  g_cancellable_cancel (self->extras_load);
  g_clear_object (&self->extras_load);
  self->extras_pending = 0;
  if (self->vault == NULL || case_id == NULL)
    {
      if (was_loading != is_loading (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  self->extras_load = g_cancellable_new ();
  self->extras_pending = 2;

  records = g_new0 (LoadCase, 1);
  records->self = g_object_ref (self);
  records->cancellable = g_object_ref (self->extras_load);
  records->case_id = g_strdup (case_id);
  hk_vault_list_case_records_async (self->vault, case_id, self->extras_load, case_records_cb, records);

  prompts = g_new0 (LoadCase, 1);
  prompts->self = g_object_ref (self);
  prompts->cancellable = g_object_ref (self->extras_load);
  prompts->case_id = g_strdup (case_id);
  hk_vault_case_prompts_async (self->vault, case_id, self->extras_load, case_prompts_cb, prompts);

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_case (HkCasebook *self,
           const char *case_id)
{
  LoadCase *load;

  if (self->vault == NULL || case_id == NULL || *case_id == '\0')
    return;

  g_cancellable_cancel (self->case_load);
  g_clear_object (&self->case_load);
  self->case_load = g_cancellable_new ();
  g_cancellable_cancel (self->extras_load);
  g_clear_object (&self->extras_load);
  self->extras_pending = 0;

  g_free (self->loading_case_id);
  self->loading_case_id = g_strdup (case_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (g_strcmp0 (current_case_id (self), case_id) != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  hk_case_list_view_select_case (self->list_view, case_id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  load = g_new0 (LoadCase, 1);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->case_load);
  load->case_id = g_strdup (case_id);
  hk_vault_load_case_async (self->vault, case_id, self->case_load, load_case_cb, load);
}

/* Drafts left from before the last lock: reopen the note editor for one. */

static void
list_drafts_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  HkVault *vault = task_data;
  GError *error = NULL;
  GPtrArray *keys = hk_vault_list_drafts (vault, &error);

  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) g_ptr_array_unref);
}

static void
note_draft_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  HkCasebook *self = load->self;
  g_autoptr(GVariant) payload = NULL;
  g_autofree char *case_id = NULL;

  payload = hk_form_draft_load_finish (HK_FORM_DRAFT (object), result, NULL);
  if (g_cancellable_is_cancelled (load->cancellable) || payload == NULL)
    return;
  case_id = hk_form_draft_payload_dup_string (payload, "case-id");
  if (case_id == NULL)
    return;

  clear_pending (self);
  self->pending_editor = TRUE;
  self->pending_case_id = g_strdup (case_id);
  self->pending_note_id = g_strdup (load->case_id);
  toast (self, _("Reopened a note with unsaved changes"));
  show_case (self, case_id);
}

typedef struct {
  HkCasebook   *self;
  GCancellable *cancellable;
  HkRecordKind  kind;
  char         *parent_id;
  char         *record_id;   /* NULL: a new record */
} ReopenRecord;

static void
reopen_record_free (ReopenRecord *reopen)
{
  g_clear_object (&reopen->self);
  g_clear_object (&reopen->cancellable);
  g_free (reopen->parent_id);
  g_free (reopen->record_id);
  g_free (reopen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReopenRecord, reopen_record_free)

static void
reopen_record (ReopenRecord *reopen,
               const char   *case_id)
{
  HkCasebook *self = reopen->self;

  clear_pending (self);
  self->pending_editor = TRUE;
  self->pending_case_id = g_strdup (case_id);
  self->pending_kind = reopen->kind;
  self->pending_parent_id = g_strdup (reopen->parent_id);
  self->pending_record_id = g_strdup (reopen->record_id);
  toast (self, reopen->record_id ? _("Reopened a record with unsaved changes")
                                 : _("Reopened a new record with unsaved changes"));
  show_case (self, case_id);
}

static void
enquiries_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ReopenRecord) reopen = user_data;
  g_autoptr(GPtrArray) enquiries = NULL;

  enquiries = hk_vault_list_finish (HK_VAULT (object), result, NULL);
  if (g_cancellable_is_cancelled (reopen->cancellable) || enquiries == NULL)
    return;
  for (guint i = 0; i < enquiries->len; i++)
    {
      HkRecord *enquiry = g_ptr_array_index (enquiries, i);

      if (g_strcmp0 (hk_record_get_id (enquiry), reopen->parent_id) == 0)
        {
          reopen_record (reopen, hk_record_get_parent_id (enquiry));
          return;
        }
    }
}

/* Opens the case a record draft belongs to, then its editor. A risk's
 * parent is its enquiry, whose parent is the case. */
static void
resolve_record_draft (HkCasebook   *self,
                      GCancellable *cancellable,
                      HkRecordKind  kind,
                      const char   *parent_id,
                      const char   *record_id)
{
  g_autoptr(ReopenRecord) reopen = NULL;

  if (kind < HK_RECORD_KIND_CONCERN || kind > HK_RECORD_KIND_LAST || parent_id == NULL || *parent_id == '\0')
    return;

  reopen = g_new0 (ReopenRecord, 1);
  reopen->self = g_object_ref (self);
  reopen->cancellable = g_object_ref (cancellable);
  reopen->kind = kind;
  reopen->parent_id = g_strdup (parent_id);
  reopen->record_id = g_strdup (record_id);

  if (hk_record_kind_get_parent_kind (kind) == HK_RECORD_KIND_CASE)
    reopen_record (reopen, parent_id);
  else
    hk_vault_list_async (self->vault, HK_RECORD_KIND_ENQUIRY, NULL, cancellable,
                         enquiries_listed_cb, g_steal_pointer (&reopen));
}

static void
record_draft_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LoadCase) load = user_data;
  g_autoptr(GVariant) payload = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *parent_id = NULL;
  HkRecordKind kind;

  payload = hk_form_draft_load_finish (HK_FORM_DRAFT (object), result, NULL);
  if (g_cancellable_is_cancelled (load->cancellable) || payload == NULL)
    return;
  kind_name = hk_form_draft_payload_dup_string (payload, "kind");
  parent_id = hk_form_draft_payload_dup_string (payload, "parent-id");
  if (kind_name == NULL || !hk_record_kind_from_string (kind_name, &kind))
    return;
  /* load->case_id holds the record id here. */
  resolve_record_draft (load->self, load->cancellable, kind, parent_id, load->case_id);
}

static void
list_drafts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HkCasebook *self = HK_CASEBOOK (object);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  keys = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (cancellable) || self->vault == NULL)
    return;
  if (keys == NULL)
    {
      toast_error (self, _("Unsaved drafts could not be listed."), error);
      return;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (g_str_has_prefix (key, "note-new:"))
        {
          const char *case_id = key + strlen ("note-new:");

          clear_pending (self);
          self->pending_editor = TRUE;
          self->pending_case_id = g_strdup (case_id);
          toast (self, _("Reopened a new note with unsaved text"));
          show_case (self, case_id);
          return;
        }
      if (g_str_has_prefix (key, "note:"))
        {
          /* The draft knows its case. */
          g_autoptr(HkFormDraft) draft = hk_form_draft_new (self->vault, key);
          LoadCase *load = g_new0 (LoadCase, 1);

          load->self = g_object_ref (self);
          load->cancellable = g_object_ref (cancellable);
          load->case_id = g_strdup (key + strlen ("note:"));
          hk_form_draft_load_async (draft, cancellable, note_draft_loaded_cb, load);
          return;
        }
      if (g_str_has_prefix (key, "record-new:"))
        {
          /* "record-new:<kind>:<parent id>" */
          g_auto(GStrv) parts = g_strsplit (key + strlen ("record-new:"), ":", 2);
          HkRecordKind kind;

          if (g_strv_length (parts) == 2 && hk_record_kind_from_string (parts[0], &kind))
            {
              resolve_record_draft (self, cancellable, kind, parts[1], NULL);
              return;
            }
        }
      if (g_str_has_prefix (key, "record:"))
        {
          /* The draft knows its kind and parent. */
          g_autoptr(HkFormDraft) draft = hk_form_draft_new (self->vault, key);
          LoadCase *load = g_new0 (LoadCase, 1);

          load->self = g_object_ref (self);
          load->cancellable = g_object_ref (cancellable);
          load->case_id = g_strdup (key + strlen ("record:"));
          hk_form_draft_load_async (draft, cancellable, record_draft_loaded_cb, load);
          return;
        }
    }
}

static void
offer_drafts (HkCasebook *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->session, list_drafts_cb, NULL);

  /* There is no async variant of listing drafts: run it off the main thread. */
  g_task_set_source_tag (task, offer_drafts);
  g_task_set_task_data (task, g_object_ref (self->vault), g_object_unref);
  g_task_run_in_thread (task, list_drafts_thread);
}

/* Flushing every editor's draft before a lock */

typedef struct {
  guint   pending;
  GError *error;
} Flush;

static void
flush_free (Flush *flush)
{
  g_clear_error (&flush->error);
  g_free (flush);
}

static void
flush_one_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Flush *flush = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!hk_form_editor_flush_draft_finish (HK_FORM_EDITOR (object), result, &error) && flush->error == NULL)
    flush->error = g_steal_pointer (&error);

  if (--flush->pending > 0)
    return;
  if (flush->error)
    g_task_return_error (task, g_steal_pointer (&flush->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  hk_case_list_view_focus_search (self->list_view);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);

  if (self->vault)
    present_editor (self, GTK_WINDOW (hk_person_editor_new (self->vault, NULL)));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  const char *person_id = g_variant_get_string (parameter, NULL);

  if (self->vault)
    present_editor (self, GTK_WINDOW (hk_case_editor_new_case (self->vault, person_id)));
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_note_editor (HK_CASEBOOK (widget), NULL);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  HkRecord *note = hk_case_page_find_note (self->case_page, g_variant_get_string (parameter, NULL));

  if (note)
    open_note_editor (self, note);
}

static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_case (HK_CASEBOOK (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  HkRecord *person = hk_case_page_get_person (self->case_page);

  if (self->vault && person)
    present_editor (self, GTK_WINDOW (hk_person_editor_new (self->vault, person)));
}

static void
edit_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  HkRecord *kase = hk_case_page_get_case (self->case_page);

  if (self->vault && kase)
    present_editor (self, GTK_WINDOW (hk_case_editor_new_edit (self->vault, kase)));
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  HkRecord *kase = hk_case_page_get_case (self->case_page);

  if (self->vault && kase)
    present_editor (self, GTK_WINDOW (hk_close_case_dialog_new (self->vault, kase,
                                                                hk_case_page_get_case_records (self->case_page))));
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  const char *kind_name = NULL;
  const char *parent_id = NULL;
  HkRecordKind kind;

  g_variant_get (parameter, "(&s&s)", &kind_name, &parent_id);
  if (!hk_record_kind_from_string (kind_name, &kind))
    {
      g_warning ("Unknown record kind");
      return;
    }
  if (kind == HK_RECORD_KIND_NOTE)
    {
      open_note_editor (self, NULL);
      return;
    }
  if (kind < HK_RECORD_KIND_CONCERN)
    {
      g_warning ("Not a casework record kind");
      return;
    }
  /* "" means the case shown; a risk names its enquiry. */
  if (*parent_id == '\0')
    {
      if (hk_record_kind_get_parent_kind (kind) != HK_RECORD_KIND_CASE)
        {
          g_warning ("A risk needs its enquiry");
          return;
        }
      parent_id = current_case_id (self);
    }
  open_record_editor (self, kind, parent_id, NULL);
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  HkRecord *record = hk_case_page_find_record (self->case_page, g_variant_get_string (parameter, NULL));

  if (self->vault == NULL || record == NULL)
    return;

  switch (hk_record_get_kind (record))
    {
    case HK_RECORD_KIND_NOTE:
      open_note_editor (self, record);
      break;
    case HK_RECORD_KIND_PERSON:
      present_editor (self, GTK_WINDOW (hk_person_editor_new (self->vault, record)));
      break;
    case HK_RECORD_KIND_CASE:
      present_editor (self, GTK_WINDOW (hk_case_editor_new_edit (self->vault, record)));
      break;
    case HK_RECORD_KIND_CONCERN:
    case HK_RECORD_KIND_ENQUIRY:
    case HK_RECORD_KIND_RISK:
    case HK_RECORD_KIND_CONVERSATION:
    case HK_RECORD_KIND_OUTCOME:
    case HK_RECORD_KIND_CAPACITY:
    case HK_RECORD_KIND_BEST_INTERESTS:
    case HK_RECORD_KIND_ADVOCACY:
    case HK_RECORD_KIND_ACTION:
      open_record_editor (self, hk_record_get_kind (record), NULL, record);
      break;
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_DRAFT:
    default:
      break;
    }
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);
  const char *note_id = g_variant_get_string (parameter, NULL);
  HkRecord *note = hk_case_page_find_note (self->case_page, note_id);
  HkHistoryWindow *window;
  GtkWindow *parent;

  if (self->vault == NULL || note == NULL)
    return;

  for (guint i = 0; i < self->history_windows->len; i++)
    {
      HkHistoryWindow *open = g_ptr_array_index (self->history_windows, i);

      if (g_str_equal (hk_history_window_get_note_id (open), note_id))
        {
          gtk_window_present (GTK_WINDOW (open));
          return;
        }
    }

  window = hk_history_window_new (self->vault, note);
  parent = get_parent_window (self);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
      if (HK_IS_WINDOW (parent))
        hk_window_adopt_dialog (HK_WINDOW (parent), GTK_WINDOW (window), FALSE);
    }
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_history_close_request_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_history_close_request_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->history_windows, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HkCasebook *self = HK_CASEBOOK (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->content)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
report_error_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  toast (HK_CASEBOOK (widget), g_variant_get_string (parameter, NULL));
}

/* GtkWidget */

static gboolean
hk_casebook_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  HkCasebook *self = HK_CASEBOOK (widget);

  /* Focus arriving from outside (the window has just switched to the
   * casebook) goes to the search, where a name is typed. */
  if (gtk_widget_get_focus_child (widget) == NULL &&
      (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN) &&
      self->vault != NULL &&
      adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    {
      hk_case_list_view_focus_search (self->list_view);
      if (gtk_widget_get_focus_child (widget) != NULL)
        return TRUE;
    }

  return GTK_WIDGET_CLASS (hk_casebook_parent_class)->focus (widget, direction);
}

/* GObject */

static void
hk_casebook_dispose (GObject *object)
{
  HkCasebook *self = (HkCasebook *)object;

  g_cancellable_cancel (self->session);
  g_cancellable_cancel (self->case_load);
  g_cancellable_cancel (self->extras_load);

  /* Going away mid-edit (the window destroyed): editors keep what was typed
   * as drafts before they close; history windows just close. */
  if (self->editors)
    {
      g_autoptr(GPtrArray) editors = copy_windows (self->editors);

      g_ptr_array_set_size (self->editors, 0);
      for (guint i = 0; i < editors->len; i++)
        {
          HkFormEditor *editor = g_ptr_array_index (editors, i);

          if (self->vault && !hk_vault_is_locked (self->vault))
            hk_form_editor_flush_draft_async (editor, NULL, NULL, NULL);
          hk_form_editor_close (editor);
        }
    }
  if (self->history_windows)
    {
      g_autoptr(GPtrArray) histories = copy_windows (self->history_windows);

      g_ptr_array_set_size (self->history_windows, 0);
      for (guint i = 0; i < histories->len; i++)
        hk_history_window_shutdown (g_ptr_array_index (histories, i));
    }

  /* AdwBin keeps its own pointer to the child: let it unparent it. */

  adw_bin_set_child (ADW_BIN (self), NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CASEBOOK);

  g_clear_object (&self->session);
  g_clear_object (&self->case_load);
  g_clear_object (&self->extras_load);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->history_windows, g_ptr_array_unref);

  G_OBJECT_CLASS (hk_casebook_parent_class)->dispose (object);
}

static void
hk_casebook_finalize (GObject *object)
{
  HkCasebook *self = (HkCasebook *)object;

  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->stage_filter, g_free);
  g_clear_pointer (&self->loading_case_id, g_free);
  clear_pending (self);

  G_OBJECT_CLASS (hk_casebook_parent_class)->finalize (object);
}

static void
hk_casebook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HkCasebook *self = HK_CASEBOOK (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->is_demo);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_CURRENT_CASE_ID:
      g_value_set_string (value, current_case_id (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, is_loading (self));
      break;
    case PROP_STAGE_FILTER:
      g_value_set_string (value, self->stage_filter);
      break;
    case PROP_PROMPTS_FILTER:
      g_value_set_boolean (value, self->prompts_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_casebook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HkCasebook *self = HK_CASEBOOK (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      hk_casebook_set_vault (self, g_value_get_object (value));
      break;
    case PROP_IS_DEMO:
      set_is_demo (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_string (value));
      break;
    case PROP_STAGE_FILTER:
      set_stage_filter (self, g_value_get_string (value));
      break;
    case PROP_PROMPTS_FILTER:
      set_prompts_filter (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
hk_casebook_class_init (HkCasebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_casebook_dispose;
  object_class->finalize = hk_casebook_finalize;
  object_class->get_property = hk_casebook_get_property;
  object_class->set_property = hk_casebook_set_property;

  widget_class->focus = hk_casebook_focus;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "open",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAGE_FILTER] =
    g_param_spec_string ("stage-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROMPTS_FILTER] =
    g_param_spec_boolean ("prompts-filter", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_CASE_ID] =
    g_param_spec_string ("current-case-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HkCasebook::toast:
   * @title: the message, plain text
   *
   * Asks the window to show a toast.
   */
  signals[TOAST] = g_signal_new ("toast",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (HK_TYPE_CASE_LIST_VIEW);
  g_type_ensure (HK_TYPE_CASE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-casebook.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, content);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, demo_label);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, list_view);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HkCasebook, case_page);

  gtk_widget_class_install_action (widget_class, "casebook.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "casebook.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "casebook.new-case", "s", new_case_action);
  gtk_widget_class_install_action (widget_class, "casebook.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "casebook.edit-note", "s", edit_note_action);
  gtk_widget_class_install_action (widget_class, "casebook.show-case", "s", show_case_action);
  gtk_widget_class_install_action (widget_class, "casebook.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "casebook.edit-case", NULL, edit_case_action);
  gtk_widget_class_install_action (widget_class, "casebook.close-case", NULL, close_case_action);
  gtk_widget_class_install_action (widget_class, "casebook.show-history", "s", show_history_action);
  gtk_widget_class_install_action (widget_class, "casebook.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "casebook.report-error", "s", report_error_action);
  gtk_widget_class_install_property_action (widget_class, "casebook.filter", "filter");
  gtk_widget_class_install_property_action (widget_class, "casebook.filter-stage", "stage-filter");
  gtk_widget_class_install_property_action (widget_class, "casebook.filter-prompts", "prompts-filter");
  gtk_widget_class_install_action (widget_class, "casebook.new-record", "(ss)", new_record_action);
  gtk_widget_class_install_action (widget_class, "casebook.edit-record", "s", edit_record_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "casebook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "casebook.back", NULL);
}

static void
hk_casebook_init (HkCasebook *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = g_strdup ("open");
  self->stage_filter = g_strdup ("all");
  self->pending_kind = -1;
  self->editors = g_ptr_array_new ();
  self->history_windows = g_ptr_array_new ();
  self->session = g_cancellable_new ();

  /* Window-wide, wherever the focus is. Actions are disabled while locked. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", "casebook.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>n", "casebook.new-note");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>n", "casebook.new-person");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Typing anywhere in the casebook starts a search. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (hk_case_list_view_get_search_entry (self->list_view)),
                                           GTK_WIDGET (self));

  gtk_widget_set_visible (self->demo_label, FALSE);
  update_actions (self);
}

GtkWidget *
hk_casebook_new (void)
{
  return g_object_new (HK_TYPE_CASEBOOK, NULL);
}

void
hk_casebook_set_vault (HkCasebook *self,
                       HkVault    *vault)
{
  g_return_if_fail (HK_IS_CASEBOOK (self));
  g_return_if_fail (vault == NULL || HK_IS_VAULT (vault));

  if (self->vault == vault)
    return;

  /* Everything decrypted under the old vault goes first. */
  g_cancellable_cancel (self->session);
  g_clear_object (&self->session);
  self->session = g_cancellable_new ();
  g_cancellable_cancel (self->case_load);
  g_clear_object (&self->case_load);
  g_cancellable_cancel (self->extras_load);
  g_clear_object (&self->extras_load);
  self->extras_pending = 0;
  g_clear_pointer (&self->loading_case_id, g_free);
  clear_pending (self);

  close_windows (self);
  hk_case_list_view_set_vault (self->list_view, NULL);
  hk_case_page_clear (self->case_page);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  g_set_object (&self->vault, vault);
  set_is_demo (self, vault && (hk_vault_get_flags (vault) & HK_VAULT_FLAG_DEMO));

  if (vault)
    {
      hk_case_list_view_set_vault (self->list_view, vault);
      offer_drafts (self);
      /* When the window switches to the casebook, focus() sends the
       * focus to the search; if it is showing already, do it now. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        hk_case_list_view_focus_search (self->list_view);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CASE_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT]);
}

HkVault *
hk_casebook_get_vault (HkCasebook *self)
{
  g_return_val_if_fail (HK_IS_CASEBOOK (self), NULL);

  return self->vault;
}

void
hk_casebook_set_primary_menu (HkCasebook *self,
                              GMenuModel *menu)
{
  g_return_if_fail (HK_IS_CASEBOOK (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), menu != NULL);
}

void
hk_casebook_flush_drafts_async (HkCasebook          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Flush *flush;

  g_return_if_fail (HK_IS_CASEBOOK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hk_casebook_flush_drafts_async);

  if (self->editors->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  flush = g_new0 (Flush, 1);
  flush->pending = self->editors->len;
  g_task_set_task_data (task, flush, (GDestroyNotify) flush_free);
  for (guint i = 0; i < self->editors->len; i++)
    hk_form_editor_flush_draft_async (g_ptr_array_index (self->editors, i), cancellable,
                                      flush_one_cb, g_object_ref (task));
}

gboolean
hk_casebook_flush_drafts_finish (HkCasebook    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (HK_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hk_casebook_reload (HkCasebook *self)
{
  g_return_if_fail (HK_IS_CASEBOOK (self));

  hk_case_list_view_reload (self->list_view);
}
