/* hk-first-run-page.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hk-first-run-page.h"

struct _HkFirstRunPage
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkWidget *create_button;
};

G_DEFINE_FINAL_TYPE (HkFirstRunPage, hk_first_run_page, ADW_TYPE_BIN)

static gboolean
hk_first_run_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (HK_FIRST_RUN_PAGE (widget)->create_button);
}

static void
hk_first_run_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HK_TYPE_FIRST_RUN_PAGE);

  G_OBJECT_CLASS (hk_first_run_page_parent_class)->dispose (object);
}

static void
hk_first_run_page_class_init (HkFirstRunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hk_first_run_page_dispose;
  widget_class->grab_focus = hk_first_run_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearken/Hearken/ui/hk-first-run-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HkFirstRunPage, create_button);
}

static void
hk_first_run_page_init (HkFirstRunPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hk_first_run_page_new (void)
{
  return g_object_new (HK_TYPE_FIRST_RUN_PAGE, NULL);
}
