/* hk-activity-window.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-activity-window.h"
#include "hk-unlock-page.h"

/* One formatted row; only times, event names and record kinds, never content. */
#define HK_TYPE_ACTIVITY_ITEM (hk_activity_item_get_type ())
G_DECLARE_FINAL_TYPE (HkActivityItem, hk_activity_item, HK, ACTIVITY_ITEM, GObject)

struct _HkActivityItem
{
  GObject  parent_instance;

  char    *time;
  char    *event;
  char    *kind;
};

G_DEFINE_FINAL_TYPE (HkActivityItem, hk_activity_item, G_TYPE_OBJECT)

static void
hk_activity_item_finalize (GObject *object)
{
  HkActivityItem *self = HK_ACTIVITY_ITEM (object);

  g_free (self->time);
  g_free (self->event);
  g_free (self->kind);

  G_OBJECT_CLASS (hk_activity_item_parent_class)->finalize (object);
}

static void
hk_activity_item_class_init (HkActivityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hk_activity_item_finalize;
}

static void
hk_activity_item_init (HkActivityItem *self)
{
}

static HkActivityItem *
hk_activity_item_new (const HkActivityEntry *entry)
{
  HkActivityItem *self = g_object_new (HK_TYPE_ACTIVITY_ITEM, NULL);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->time / G_USEC_PER_SEC);

  /* Day first, as English users expect. */
  self->time = time != NULL ? g_date_time_format (time, "%d/%m/%Y %H:%M") : g_strdup ("");
  self->event = g_strdup (hk_activity_kind_get_label (entry->kind));
  self->kind = g_strdup (entry->record_kind >= 0 && entry->record_kind <= HK_RECORD_KIND_LAST
                         ? hk_record_kind_get_label ((HkRecordKind) entry->record_kind)
                         : "");

  return self;
}

struct _HkActivityWindow
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkListView   *list_view;

  GListStore    *store;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (HkActivityWindow, hk_activity_window, ADW_TYPE_WINDOW)

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *event = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_label_set_width_chars (GTK_LABEL (time), 16);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (event), 0);
  gtk_label_set_ellipsize (GTK_LABEL (event), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (event, TRUE);
  gtk_label_set_xalign (GTK_LABEL (kind), 1);
  gtk_widget_add_css_class (kind, "dim-label");

  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), event);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  HkActivityItem *entry = gtk_list_item_get_item (item);
  GtkWidget *time = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *event = gtk_widget_get_next_sibling (time);
  GtkWidget *kind = gtk_widget_get_next_sibling (event);

  gtk_label_set_text (GTK_LABEL (time), entry->time);
  gtk_label_set_text (GTK_LABEL (event), entry->event);
  gtk_label_set_text (GTK_LABEL (kind), entry->kind);
}

static void
on_activity_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HkActivityWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  entries = hk_vault_read_activity_finish (HK_VAULT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;

  if (entries == NULL)
    {
      g_autofree char *message = hk_unlock_page_describe_error (error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = entries->len; i > 0; i--)
    {
      g_autoptr(HkActivityItem) item = hk_activity_item_new (g_ptr_array_index (entries, i - 1));
      g_list_store_append (self->store, item);
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
hk_activity_window_dispose (GObject *object)
{
  HkActivityWindow *self = HK_ACTIVITY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hk_activity_window_parent_class)->dispose (object);
}

static void
hk_activity_window_class_init (HkActivityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_activity_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-activity-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HkActivityWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HkActivityWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HkActivityWindow, list_view);
}

static void
hk_activity_window_init (HkActivityWindow *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Activity Log"));

  self->store = g_list_store_new (HK_TYPE_ACTIVITY_ITEM);
  self->cancellable = g_cancellable_new ();

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/**
 * hk_activity_window_new:
 * @parent: (nullable): the main window
 * @vault: an unlocked vault
 *
 * Returns: (transfer none): a new window that reads the log; present it
 */
GtkWidget *
hk_activity_window_new (GtkWindow *parent,
                        HkVault   *vault)
{
  HkActivityWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);

  self = g_object_new (HK_TYPE_ACTIVITY_WINDOW,
                       "transient-for", parent,
                       NULL);
  hk_vault_read_activity_async (vault, self->cancellable,
                                on_activity_read_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}
