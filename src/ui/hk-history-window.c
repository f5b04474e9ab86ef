/* hk-history-window.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hk-form-format.h"
#include "hk-history-window.h"

struct _HkHistoryWindow
{
  AdwWindow        parent_instance;

  GtkStack        *stack;
  GtkListBox      *list_box;
  AdwStatusPage   *error_page;
  AdwWindowTitle  *window_title;

  HkVault         *vault;
  HkRecord        *note;
  GListStore      *revisions;
  GCancellable    *cancellable;
  gboolean         loaded;
};

G_DEFINE_FINAL_TYPE (HkHistoryWindow, hk_history_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_NOTE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One field's value as text: labels for codes, dates day first. */
static char *
format_value (const HkFieldSpec *spec,
              HkRecord          *record)
{
  const char *text = hk_record_get_string (record, spec->key);

  if (!hk_record_has_field (record, spec->key))
    return NULL;

  switch (spec->type)
    {
    case HK_FIELD_BOOL:
      return g_strdup (hk_record_get_boolean (record, spec->key) ? _("Yes") : _("No"));

    case HK_FIELD_ENUM:
      {
        const char *label = hk_field_spec_get_value_label (spec, text);
        return g_strdup (label ? label : text);
      }

    case HK_FIELD_ENUM_LIST:
    case HK_FIELD_TEXT_LIST:
      {
        g_autofree const char **items = hk_record_get_strv (record, spec->key);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) shown = NULL;

        for (guint i = 0; items && items[i]; i++)
          {
            const char *label = spec->type == HK_FIELD_ENUM_LIST
                                ? hk_field_spec_get_value_label (spec, items[i]) : NULL;
            g_strv_builder_add (builder, label ? label : items[i]);
          }
        shown = g_strv_builder_end (builder);
        return shown[0] ? g_strjoinv (", ", shown) : NULL;
      }

    case HK_FIELD_DATE:
      return text && *text ? hk_format_date (text) : NULL;

    case HK_FIELD_DATETIME:
      return text && *text ? hk_format_datetime (text) : NULL;

    case HK_FIELD_RECORD_ID:
      return text && *text ? g_strdup (_("Linked record")) : NULL;

    case HK_FIELD_NHS_NUMBER:
      return text && *text ? hk_format_nhs_number (text) : NULL;

    case HK_FIELD_TEXT:
    case HK_FIELD_LONG_TEXT:
    default:
      return text && *text ? g_strchomp (g_strdup (text)) : NULL;
    }
}

/* What this revision holds, or for a later one what it changed from the
 * one before: every status change of a referral, every rewording of a
 * desired outcome. */
static void
append_changes (GtkBox   *box,
                HkRecord *revision,
                HkRecord *older,
                const char *skip_key)
{
  HkRecordKind kind = hk_record_get_kind (revision);

  for (const HkFieldSpec *spec = hk_record_kind_get_fields (kind); spec->key; spec++)
    {
      g_autofree char *now = NULL;
      g_autofree char *before = NULL;
      g_autofree char *line = NULL;

      if ((spec->flags & HK_FIELD_AUTOMATIC) || g_strcmp0 (spec->key, skip_key) == 0)
        continue;
      now = format_value (spec, revision);
      before = older ? format_value (spec, older) : NULL;
      if (g_strcmp0 (now, before) == 0)
        continue;

      if (older == NULL && g_str_has_suffix (spec->label, "?"))
        /* Translators: a question and its answer: "Do they feel safer? Partly" */
        line = g_strdup_printf (_("%s %s"), _(spec->label), now);
      else if (older == NULL)
        /* Translators: a field in a record's first revision: "Status: Referred" */
        line = g_strdup_printf (_("%s: %s"), _(spec->label), now);
      else if (now == NULL)
        /* Translators: "Date ended: removed (was 3 Mar 2026)" */
        line = g_strdup_printf (_("%s: removed (was %s)"), _(spec->label), before);
      else if (before == NULL || spec->type == HK_FIELD_LONG_TEXT)
        /* Translators: a field set or rewritten in a later revision */
        line = g_strdup_printf (_("%s: %s"), _(spec->label), now);
      else
        /* Translators: "Status: Referred → Allocated" */
        line = g_strdup_printf (_("%s: %s → %s"), _(spec->label), before, now);
      gtk_box_append (box, make_label (line, NULL));
    }
}

static GtkWidget *
create_record_row (HkHistoryWindow *self,
                   HkRecord        *revision)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *changes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(HkRecord) older = NULL;
  g_autofree char *title = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_line = NULL;
  const char *author = hk_record_get_modified_by (revision);
  gboolean current = hk_record_get_revision (revision) == hk_record_get_revision (self->note);
  gboolean outcome = hk_record_get_kind (revision) == HK_RECORD_KIND_OUTCOME;
  GtkWidget *title_label;
  guint position;

  if (g_list_store_find (self->revisions, revision, &position))
    older = g_list_model_get_item (G_LIST_MODEL (self->revisions), position + 1);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: a record's revision number */
  title = g_strdup_printf (_("Revision %" G_GINT64_FORMAT), hk_record_get_revision (revision));
  title_label = make_label (title, "heading");
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (header), title_label);
  if (current)
    {
      GtkWidget *pill = gtk_label_new (_("Current"));

      gtk_widget_add_css_class (pill, "hk-pill");
      gtk_widget_add_css_class (pill, "hk-status-open");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), pill);
    }
  gtk_box_append (GTK_BOX (box), header);

  saved = hk_format_timestamp (hk_record_get_modified_at (revision));
  if (author && *author)
    saved_line = g_strdup_printf (_("Saved %s by %s"), saved, author);
  else
    saved_line = g_strdup_printf (_("Saved %s"), saved);
  gtk_box_append (GTK_BOX (box), make_label (saved_line, "dim-label"));

  /* A desired outcome's wording, as it was then, comes first and large. */
  if (outcome)
    {
      g_autofree char *words = g_strchomp (g_strdup (hk_record_get_string (revision, "words") ?
                                                     hk_record_get_string (revision, "words") : ""));
      gboolean reworded = older && g_strcmp0 (hk_record_get_string (older, "words"),
                                              hk_record_get_string (revision, "words")) != 0;

      if (reworded)
        gtk_box_append (GTK_BOX (box), make_label (_("Reworded"), "caption-heading"));
      gtk_box_append (GTK_BOX (box), make_label (words, "title-4"));
    }

  append_changes (GTK_BOX (changes), revision, older, outcome ? "words" : NULL);
  if (gtk_widget_get_first_child (changes) == NULL && older != NULL)
    gtk_box_append (GTK_BOX (changes), make_label (_("No other changes"), "dim-label"));
  gtk_box_append (GTK_BOX (box), changes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
create_note_row (HkHistoryWindow *self,
                 HkRecord        *revision)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_line = NULL;
  g_autofree char *when = hk_format_datetime (hk_record_get_string (revision, "occurred_at"));
  g_autofree char *kind_when = NULL;
  const char *kind = hk_format_enum (HK_RECORD_KIND_NOTE, "kind", hk_record_get_string (revision, "kind"));
  const char *author = hk_record_get_modified_by (revision);
  const char *text = hk_record_get_string (revision, "text");
  g_autofree char *shown = NULL;
  g_autofree const char **present = hk_record_get_strv (revision, "present");
  gboolean current = hk_record_get_revision (revision) == hk_record_get_revision (self->note);
  GtkWidget *title_label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: a note's revision number */
  title = g_strdup_printf (_("Revision %" G_GINT64_FORMAT), hk_record_get_revision (revision));
  title_label = make_label (title, "heading");
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (header), title_label);
  if (current)
    {
      GtkWidget *pill = gtk_label_new (_("Current"));

      gtk_widget_add_css_class (pill, "hk-pill");
      gtk_widget_add_css_class (pill, "hk-status-open");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), pill);
    }
  gtk_box_append (GTK_BOX (box), header);

  saved = hk_format_timestamp (hk_record_get_modified_at (revision));
  if (author && *author)
    /* Translators: "Saved 27 Nov 2026, 14:32 by Sam Worker" */
    saved_line = g_strdup_printf (_("Saved %s by %s"), saved, author);
  else
    saved_line = g_strdup_printf (_("Saved %s"), saved);
  gtk_box_append (GTK_BOX (box), make_label (saved_line, "dim-label"));

  /* Translators: "Visit · 27 Nov 2026, 14:30" */
  kind_when = g_strdup_printf (_("%s · %s"), kind ? kind : "", when ? when : "");
  gtk_box_append (GTK_BOX (box), make_label (kind_when, "caption"));

  if (present && present[0])
    {
      g_autofree char *names = g_strjoinv (", ", (char **) present);
      g_autofree char *line = g_strdup_printf (_("Present: %s"), names);

      gtk_box_append (GTK_BOX (box), make_label (line, "caption"));
    }

  shown = g_strchomp (g_strdup (text ? text : ""));
  gtk_box_append (GTK_BOX (box), make_label (shown, "hk-note-body"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
create_revision_row (gpointer item,
                     gpointer user_data)
{
  HkHistoryWindow *self = user_data;
  HkRecord *revision = item;

  if (hk_record_get_kind (revision) == HK_RECORD_KIND_NOTE)
    return create_note_row (self, revision);
  return create_record_row (self, revision);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ra = hk_record_get_revision (*(HkRecord **) a);
  gint64 rb = hk_record_get_revision (*(HkRecord **) b);

  return (ra < rb) - (ra > rb);
}

static void
list_revisions_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HkHistoryWindow) self = user_data;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  revisions = hk_vault_list_revisions_finish (HK_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->revisions == NULL)
    return;

  if (revisions == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      gboolean has_current = FALSE;

      for (guint i = 0; i < revisions->len; i++)
        if (hk_record_get_revision (g_ptr_array_index (revisions, i)) == hk_record_get_revision (self->note))
          has_current = TRUE;
      /* The core lists earlier revisions; show the current one with them. */
      if (!has_current)
        g_ptr_array_add (revisions, g_object_ref (self->note));
      g_ptr_array_sort (revisions, compare_newest_first);
      g_list_store_splice (self->revisions, 0, 0, revisions->pdata, revisions->len);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
hk_history_window_constructed (GObject *object)
{
  HkHistoryWindow *self = (HkHistoryWindow *)object;

  G_OBJECT_CLASS (hk_history_window_parent_class)->constructed (object);

  if (hk_record_get_kind (self->note) != HK_RECORD_KIND_NOTE)
    {
      /* Translators: a window title: "History of the Desired outcome" reads
       * badly, so the kind goes in the subtitle */
      adw_window_title_set_title (self->window_title, _("History"));
      adw_window_title_set_subtitle (self->window_title,
                                     hk_record_kind_get_label (hk_record_get_kind (self->note)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Revisions of the record"),
                                      -1);
    }

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->revisions),
                           create_revision_row, self, NULL);
  hk_vault_list_revisions_async (self->vault, hk_record_get_id (self->note), self->cancellable,
                                 list_revisions_cb, g_object_ref (self));
}

static void
hk_history_window_dispose (GObject *object)
{
  HkHistoryWindow *self = (HkHistoryWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->revisions)
    g_list_store_remove_all (self->revisions);
  g_clear_object (&self->revisions);

  G_OBJECT_CLASS (hk_history_window_parent_class)->dispose (object);
}

static void
hk_history_window_finalize (GObject *object)
{
  HkHistoryWindow *self = (HkHistoryWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (hk_history_window_parent_class)->finalize (object);
}

static void
hk_history_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HkHistoryWindow *self = HK_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hk_history_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HkHistoryWindow *self = HK_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
hk_history_window_close_request (GtkWindow *window)
{
  /* The revision load may keep this window alive after its parent. */
  gtk_window_set_transient_for (window, NULL);

  return GTK_WINDOW_CLASS (hk_history_window_parent_class)->close_request (window);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
hk_history_window_class_init (HkHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hk_history_window_constructed;
  object_class->dispose = hk_history_window_dispose;
  object_class->finalize = hk_history_window_finalize;
  object_class->get_property = hk_history_window_get_property;
  object_class->set_property = hk_history_window_set_property;

  GTK_WINDOW_CLASS (klass)->close_request = hk_history_window_close_request;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, HK_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, HK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearken/Hearken/ui/hk-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HkHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HkHistoryWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, HkHistoryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HkHistoryWindow, window_title);

  gtk_widget_class_install_action (widget_class, "history.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "history.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "history.close", NULL);
}

static void
hk_history_window_init (HkHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->revisions = g_list_store_new (HK_TYPE_RECORD);
  self->cancellable = g_cancellable_new ();
}

HkHistoryWindow *
hk_history_window_new (HkVault  *vault,
                       HkRecord *note)
{
  g_return_val_if_fail (HK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (HK_IS_RECORD (note), NULL);

  return g_object_new (HK_TYPE_HISTORY_WINDOW,
                       "vault", vault,
                       "note", note,
                       NULL);
}

const char *
hk_history_window_get_note_id (HkHistoryWindow *self)
{
  g_return_val_if_fail (HK_IS_HISTORY_WINDOW (self), NULL);

  return hk_record_get_id (self->note);
}

GListModel *
hk_history_window_get_revisions (HkHistoryWindow *self)
{
  g_return_val_if_fail (HK_IS_HISTORY_WINDOW (self), NULL);

  return G_LIST_MODEL (self->revisions);
}

gboolean
hk_history_window_get_loaded (HkHistoryWindow *self)
{
  g_return_val_if_fail (HK_IS_HISTORY_WINDOW (self), FALSE);

  return self->loaded;
}

void
hk_history_window_shutdown (HkHistoryWindow *self)
{
  g_return_if_fail (HK_IS_HISTORY_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  if (self->revisions)
    g_list_store_remove_all (self->revisions);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}
