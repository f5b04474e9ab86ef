/* hk-case-list-view.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-case-list-view.h"
#include "hk-case-row.h"

/* GtkSearchEntry already waits this long after the last key. */
#define SEARCH_DELAY_MS 200

struct _HkCaseListView
{
  AdwBin               parent_instance;

  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkListView         *list_view;
  AdwStatusPage       *no_results_page;
  GtkMenuButton       *stage_button;

  HkVault             *vault;
  GListStore          *store;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filter;

  char                *status_filter;   /* "open", "closed", "all" */
  char                *stage_filter;    /* "all" or an HkCaseStage string */
  gboolean             prompts_filter;  /* only cases with outstanding prompts */
  GHashTable          *matches;         /* case ids of the current query, or NULL */
  char                *selected_id;

  GCancellable        *load_cancellable;
  GCancellable        *search_cancellable;
  GCancellable        *status_cancellable;
  gboolean             loading;
  gboolean             searching;
  gboolean             status_loading;
};

G_DEFINE_FINAL_TYPE (HkCaseListView, hk_case_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  HkCaseListView *self;
  GCancellable   *cancellable;
} Request;

static Request *
request_new (HkCaseListView *self,
             GCancellable   *cancellable)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (cancellable);
  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void start_search (HkCaseListView *self);

/* Auxiliary methods */

static void
set_busy_full (HkCaseListView *self,
               gboolean        loading,
               gboolean        searching,
               gboolean        status_loading)
{
  gboolean was_busy = self->loading || self->searching || self->status_loading;

  self->loading = loading;
  self->searching = searching;
  self->status_loading = status_loading;
  if (was_busy != (loading || searching || status_loading))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_busy (HkCaseListView *self,
          gboolean        loading,
          gboolean        searching)
{
  set_busy_full (self, loading, searching, self->status_loading);
}

static gboolean
has_extra_filters (HkCaseListView *self)
{
  return g_strcmp0 (self->stage_filter, "all") != 0 || self->prompts_filter;
}

static void
update_state (HkCaseListView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  if (total == 0 && self->loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    {
      const char *description;

      if (self->matches)
        description = _("Nothing matches your search. Try fewer or different words, or look in all cases.");
      else if (has_extra_filters (self))
        description = _("No cases match these filters. Choose all stages, or show cases without prompts too.");
      else if (g_strcmp0 (self->status_filter, "open") == 0)
        description = _("There are no open cases.");
      else
        description = _("There are no closed cases.");
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
reselect (HkCaseListView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  if (self->selected_id)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(HkCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

        if (g_str_equal (hk_case_summary_get_case_id (summary), self->selected_id))
          {
            gtk_single_selection_set_selected (self->selection, i);
            return;
          }
      }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HkCaseListView *self = user_data;
  HkCaseSummary *summary = item;

  if (g_strcmp0 (self->status_filter, "open") == 0 && !hk_case_summary_get_is_open (summary))
    return FALSE;
  if (g_strcmp0 (self->status_filter, "closed") == 0 && hk_case_summary_get_is_open (summary))
    return FALSE;
  if (self->matches && !g_hash_table_contains (self->matches, hk_case_summary_get_case_id (summary)))
    return FALSE;
  if (g_strcmp0 (self->stage_filter, "all") != 0 &&
      g_strcmp0 (self->stage_filter, hk_case_stage_to_string (hk_case_summary_get_stage (summary))) != 0)
    return FALSE;
  if (self->prompts_filter && hk_case_summary_get_prompt_count (summary) == 0)
    return FALSE;
  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  HkCaseSummary *sa = (HkCaseSummary *) a;
  HkCaseSummary *sb = (HkCaseSummary *) b;
  gboolean open_a = hk_case_summary_get_is_open (sa);
  gboolean open_b = hk_case_summary_get_is_open (sb);
  int cmp;

  if (open_a != open_b)
    return open_a ? -1 : 1;
  /* ISO dates sort as strings; the most recently opened comes first. */
  cmp = g_strcmp0 (hk_case_summary_get_opened_on (sb), hk_case_summary_get_opened_on (sa));
  if (cmp != 0)
    return cmp;
  cmp = g_utf8_collate (hk_case_summary_get_person_name (sa) ? hk_case_summary_get_person_name (sa) : "",
                        hk_case_summary_get_person_name (sb) ? hk_case_summary_get_person_name (sb) : "");
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (hk_case_summary_get_case_id (sa), hk_case_summary_get_case_id (sb));
}

static void
refilter (HkCaseListView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  reselect (self);
  update_state (self);
  /* A new set of results starts at the top, not wherever the old one was. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
clear_search (HkCaseListView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  set_busy (self, self->loading, FALSE);
}

/* Callbacks */

static void
case_status_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  HkCaseListView *self = request->self;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  statuses = hk_vault_list_case_status_finish (HK_VAULT (object), result, &error);
  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  if (statuses == NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", _("The stages and prompts of the cases could not be worked out."),
                                                error->message);

      set_busy_full (self, self->loading, self->searching, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self), "casebook.report-error", "s", title);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HkCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const HkCaseStatus *status = g_hash_table_lookup (statuses, hk_case_summary_get_case_id (summary));

      if (status)
        hk_case_summary_set_status (summary, status->stage, status->prompt_count, status->blocking_count);
    }

  /* Stages and prompt counts only now decide what the filters show. */
  if (has_extra_filters (self))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      reselect (self);
    }
  set_busy_full (self, self->loading, self->searching, FALSE);
  update_state (self);
}

/* The stages and prompt counts decrypt every casework record: after the
 * list is showing, in the background. */
static void
load_status (HkCaseListView *self)
{
  g_cancellable_cancel (self->status_cancellable);
  g_clear_object (&self->status_cancellable);
  if (self->vault == NULL)
    return;
  self->status_cancellable = g_cancellable_new ();
  set_busy_full (self, self->loading, self->searching, TRUE);
  hk_vault_list_case_status_async (self->vault, self->status_cancellable, case_status_cb,
                                   request_new (self, self->status_cancellable));
}

static void
list_cases_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  HkCaseListView *self = request->self;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  cases = hk_vault_list_cases_finish (HK_VAULT (object), result, &error);
  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  set_busy (self, FALSE, self->searching);
  if (cases == NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", _("The case list could not be read."), error->message);

      gtk_widget_activate_action (GTK_WIDGET (self), "casebook.report-error", "s", title);
      update_state (self);
      return;
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       cases->pdata, cases->len);
  /* Saved text may change what a search finds. */
  if (self->matches)
    start_search (self);
  reselect (self);
  update_state (self);
  load_status (self);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  HkCaseListView *self = request->self;
  g_autoptr(GHashTable) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = hk_vault_search_finish (HK_VAULT (object), result, &error);
  /* A newer query (or a lock) has replaced this one: its answer must not win. */
  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  set_busy (self, self->loading, FALSE);
  if (matches == NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", _("The search failed."), error->message);

      gtk_widget_activate_action (GTK_WIDGET (self), "casebook.report-error", "s", title);
      return;
    }

  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = g_steal_pointer (&matches);
  refilter (self);
}

static void
start_search (HkCaseListView *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->vault == NULL || *query == '\0')
    {
      gboolean had_matches = self->matches != NULL;

      clear_search (self);
      if (had_matches)
        refilter (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  set_busy (self, self->loading, TRUE);
  hk_vault_search_async (self->vault, query, self->search_cancellable, search_cb,
                         request_new (self, self->search_cancellable));
}

static void
on_search_changed_cb (HkCaseListView *self)
{
  start_search (self);
}

static void
on_search_stopped_cb (HkCaseListView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
activate_position (HkCaseListView *self,
                   guint           position)
{
  g_autoptr(HkCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (summary == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "casebook.show-case", "s",
                              hk_case_summary_get_case_id (summary));
}

static void
on_search_activate_cb (HkCaseListView *self)
{
  /* Enter in the search field opens the first match. */
  activate_position (self, 0);
}

static void
on_list_activate_cb (HkCaseListView *self,
                     guint           position)
{
  activate_position (self, position);
}

static void
on_items_changed_cb (HkCaseListView *self)
{
  update_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, hk_case_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  hk_case_row_set_summary (HK_CASE_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  /* Recycled rows must not keep a name from an earlier item. */
  hk_case_row_set_summary (HK_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* GObject */

static void
hk_case_list_view_dispose (GObject *object)
{
  HkCaseListView *self = (HkCaseListView *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->status_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->status_cancellable);
  if (self->store)
    g_list_store_remove_all (self->store);

  /* AdwBin keeps its own pointer to the child: let it unparent it. */

  adw_bin_set_child (ADW_BIN (self), NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HK_TYPE_CASE_LIST_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (hk_case_list_view_parent_class)->dispose (object);
}

static void
hk_case_list_view_finalize (GObject *object)
{
  HkCaseListView *self = (HkCaseListView *)object;

  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->stage_filter, g_free);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (hk_case_list_view_parent_class)->finalize (object);
}

static void
hk_case_list_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HkCaseListView *self = HK_CASE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hk_case_list_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_case_list_view_class_init (HkCaseListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_case_list_view_dispose;
  object_class->finalize = hk_case_list_view_finalize;
  object_class->get_property = hk_case_list_view_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HK_TYPE_CASE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-case-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, stack);
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, list_view);
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, HkCaseListView, stage_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
hk_case_list_view_init (HkCaseListView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_filter = g_strdup ("open");
  self->stage_filter = g_strdup ("all");
  self->store = g_list_store_new (HK_TYPE_CASE_SUMMARY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              GTK_SORTER (gtk_custom_sorter_new (sort_func, NULL, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  update_state (self);
}

GtkWidget *
hk_case_list_view_new (void)
{
  return g_object_new (HK_TYPE_CASE_LIST_VIEW, NULL);
}

void
hk_case_list_view_set_vault (HkCaseListView *self,
                             HkVault        *vault)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (vault == NULL || HK_IS_VAULT (vault));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->status_cancellable);
  g_clear_object (&self->status_cancellable);
  self->status_loading = FALSE;
  clear_search (self);
  g_clear_pointer (&self->selected_id, g_free);

  /* The query may hold a name: it goes with the data. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);

  g_list_store_remove_all (self->store);
  g_set_object (&self->vault, vault);
  set_busy (self, FALSE, FALSE);

  if (vault)
    hk_case_list_view_reload (self);
  else
    update_state (self);
}

void
hk_case_list_view_reload (HkCaseListView *self)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));

  if (self->vault == NULL)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  set_busy (self, TRUE, self->searching);
  update_state (self);
  hk_vault_list_cases_async (self->vault, self->load_cancellable, list_cases_cb,
                             request_new (self, self->load_cancellable));
}

void
hk_case_list_view_set_filter (HkCaseListView *self,
                              const char     *filter)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (filter != NULL);

  if (g_strcmp0 (self->status_filter, filter) == 0)
    return;
  g_free (self->status_filter);
  self->status_filter = g_strdup (filter);
  refilter (self);
}

void
hk_case_list_view_set_stage_filter (HkCaseListView *self,
                                    const char     *stage)
{
  g_autofree char *accessible = NULL;
  const char *label;

  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));
  g_return_if_fail (stage != NULL);

  if (g_strcmp0 (self->stage_filter, stage) == 0)
    return;
  g_free (self->stage_filter);
  self->stage_filter = g_strdup (stage);

  if (g_str_equal (stage, "all"))
    label = _("All Stages");
  else if (g_str_equal (stage, "none"))
    label = _("No Concern");
  else if (g_str_equal (stage, "concern"))
    label = _("Concern");
  else if (g_str_equal (stage, "enquiry"))
    label = _("Enquiry");
  else if (g_str_equal (stage, "concluded"))
    label = _("Concluded");
  else
    label = _("Closed");
  gtk_menu_button_set_label (self->stage_button, label);
  /* Translators: the stage filter's name for screen readers: "Stage: Enquiry" */
  accessible = g_strdup_printf (_("Stage: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  refilter (self);
}

const char *
hk_case_list_view_get_stage_filter (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);

  return self->stage_filter;
}

void
hk_case_list_view_set_prompts_filter (HkCaseListView *self,
                                      gboolean        prompts)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));

  if (self->prompts_filter == !!prompts)
    return;
  self->prompts_filter = !!prompts;
  refilter (self);
}

gboolean
hk_case_list_view_get_prompts_filter (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), FALSE);

  return self->prompts_filter;
}

const char *
hk_case_list_view_get_filter (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);

  return self->status_filter;
}

void
hk_case_list_view_focus_search (HkCaseListView *self)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
hk_case_list_view_select_case (HkCaseListView *self,
                               const char     *case_id)
{
  g_return_if_fail (HK_IS_CASE_LIST_VIEW (self));

  g_free (self->selected_id);
  self->selected_id = g_strdup (case_id);
  reselect (self);
}

HkCaseSummary *
hk_case_list_view_lookup (HkCaseListView *self,
                          const char     *case_id)
{
  guint n;

  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HkCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_str_equal (hk_case_summary_get_case_id (summary), case_id))
        return summary;  /* the store keeps its reference */
    }
  return NULL;
}

GListModel *
hk_case_list_view_get_cases (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}

GListModel *
hk_case_list_view_get_shown (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

GtkEditable *
hk_case_list_view_get_search_entry (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

gboolean
hk_case_list_view_get_busy (HkCaseListView *self)
{
  g_return_val_if_fail (HK_IS_CASE_LIST_VIEW (self), FALSE);

  return self->loading || self->searching || self->status_loading;
}
