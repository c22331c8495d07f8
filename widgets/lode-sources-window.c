/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-sources-window.c — the Sources view: every dataset source, with what it feeds. */

#define G_LOG_DOMAIN "lode-sources-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-sources.h"
#include "lode-sources-window.h"

typedef struct
{
  const LodeSourceEntry *entry;   /* borrowed from `entries` */
  GtkWidget             *row;     /* AdwExpanderRow */
  char                  *haystack; /* casefolded text the search looks in */
  gboolean               wanted;  /* kept by the caller's filter */
  gboolean               filled;  /* its numbers are listed */
} Item;

struct _LodeSourcesWindow
{
  AdwWindow       parent_instance;

  /* Built in init */
  AdwWindowTitle *title;
  GtkWidget      *search;
  GtkWidget      *context_box;
  GtkWidget      *context_label;
  GtkWidget      *list;
  GtkWidget      *stack;

  /* Owned */
  LodeDataset    *dataset;
  GPtrArray      *entries;      /* LodeSourceEntry */
  GArray         *items;        /* Item */
  char           *heading;
  char           *search_text;  /* casefolded, or NULL */
};

G_DEFINE_FINAL_TYPE (LodeSourcesWindow, lode_sources_window, ADW_TYPE_WINDOW)

/* Helpers */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->haystack);
}

static char *
dup_subtitle (const LodeSourceEntry *entry)
{
  const LodeSource *s = entry->source;
  g_autoptr(GString) text = g_string_new (NULL);

  if (s != NULL && s->title != NULL && s->title[0] != '\0')
    g_string_append (text, s->title);
  if (s != NULL && s->publisher != NULL && s->publisher[0] != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " — " : "", s->publisher);
  if (s != NULL && s->year > 0)
    g_string_append_printf (text, ", %d", s->year);
  g_string_append (text, "\n");
  /* Translators: under a source's name: how many numbers of the dataset cite it and how
   * many of them were seen in it (the rest are derived or estimated) */
  g_string_append_printf (text, ngettext ("Cited for %u number, %u seen in it",
                                          "Cited for %u numbers, %u seen in it", entry->total),
                          entry->total, entry->seen);
  if (entry->filing)
    g_string_append_printf (text, " · %s", _("cited for announced projects"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The numbers a source feeds, listed the first time its row opens. */
static void
fill_item (LodeSourcesWindow *self,
           Item              *item)
{
  if (item->filled)
    return;
  item->filled = TRUE;
  for (guint i = 0; i < item->entry->feeds->len; i++)
    {
      g_autofree char *what = lode_sources_describe_number (self->dataset,
                                                            g_ptr_array_index (item->entry->feeds,
                                                                               i));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_ptr_array_index (item->entry->feeds, i));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), row);
    }
}

static void
expanded_cb (GtkWidget         *row,
             GParamSpec        *pspec,
             LodeSourcesWindow *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->row == row && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        fill_item (self, item);
    }
}

static gboolean
item_visible (LodeSourcesWindow *self,
              const Item        *item)
{
  return item->wanted
         && (self->search_text == NULL || strstr (item->haystack, self->search_text) != NULL);
}

static void
update_list (LodeSourcesWindow *self)
{
  guint shown = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      gboolean visible = item_visible (self, item);

      gtk_widget_set_visible (item->row, visible);
      shown += visible ? 1 : 0;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), shown > 0 ? "list" : "empty");
  gtk_label_set_text (GTK_LABEL (self->context_label), self->heading != NULL ? self->heading : "");
  gtk_widget_set_visible (self->context_box, self->heading != NULL);
}

static void
search_changed_cb (LodeSourcesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  g_clear_pointer (&self->search_text, g_free);
  if (text != NULL && text[0] != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  update_list (self);
}

static void
show_all_clicked_cb (LodeSourcesWindow *self)
{
  lode_sources_window_show_all (self);
}

static void
build_rows (LodeSourcesWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_numbers = 0;

  self->entries = lode_sources_list (self->dataset);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const LodeSourceEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *details = dup_subtitle (entry);
      g_autoptr(GString) haystack = g_string_new (entry->name);
      Item item = { entry, adw_expander_row_new (), NULL, TRUE, FALSE };

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item.row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item.row), entry->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item.row), details);
      g_string_append_printf (haystack, " %s", details);
      for (guint k = 0; k < entry->feeds->len; k++)
        {
          g_autofree char *what =
            lode_sources_describe_number (self->dataset, g_ptr_array_index (entry->feeds, k));

          g_string_append_printf (haystack, " %s %s", what,
                                  (const char *) g_ptr_array_index (entry->feeds, k));
        }
      if (entry->source != NULL && entry->source->url != NULL && entry->source->url[0] != '\0')
        {
          GtkWidget *link = gtk_link_button_new_with_label (entry->source->url, _("Open"));

          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (link, entry->source->url);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (item.row), link);
        }
      item.haystack = g_utf8_casefold (haystack->str, -1);
      g_signal_connect_object (item.row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (self->list), item.row);
      g_array_append_val (self->items, item);
      n_numbers += entry->total;
    }

  /* Translators: the Sources window's subtitle: how many sources, how many citations */
  subtitle = g_strdup_printf (ngettext ("%u source", "%u sources", self->entries->len),
                              self->entries->len);
  adw_window_title_set_subtitle (self->title, subtitle);
}

/* GObject */

static void
lode_sources_window_dispose (GObject *object)
{
  LodeSourcesWindow *self = LODE_SOURCES_WINDOW (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->dataset, lode_dataset_unref);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (lode_sources_window_parent_class)->dispose (object);
}

static void
lode_sources_window_class_init (LodeSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_sources_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_sources_window_init (LodeSourcesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *show_all = gtk_button_new_with_mnemonic (_("Show _All Sources"));
  GtkWidget *empty = adw_status_page_new ();

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);

  gtk_window_set_title (GTK_WINDOW (self), _("Data Sources"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Data Sources"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 12);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search sources and the numbers they feed"),
                NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (body), self->search);

  self->context_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->context_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->context_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->context_label), 0);
  gtk_widget_set_hexpand (self->context_label, TRUE);
  gtk_widget_add_css_class (self->context_label, "heading");
  gtk_box_append (GTK_BOX (self->context_box), self->context_label);
  gtk_widget_set_valign (show_all, GTK_ALIGN_CENTER);
  g_signal_connect_object (show_all, "clicked", G_CALLBACK (show_all_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->context_box), show_all);
  gtk_widget_set_visible (self->context_box, FALSE);
  gtk_box_append (GTK_BOX (body), self->context_box);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Data sources"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Source Matches"));
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->list, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_box_append (GTK_BOX (body), self->stack);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

LodeSourcesWindow *
lode_sources_window_new (GtkWindow   *parent,
                         LodeDataset *dataset)
{
  LodeSourcesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (LODE_TYPE_SOURCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->dataset = lode_dataset_ref (dataset);
  build_rows (self);
  update_list (self);
  return self;
}

void
lode_sources_window_show_all (LodeSourcesWindow *self)
{
  g_return_if_fail (LODE_IS_SOURCES_WINDOW (self));

  g_clear_pointer (&self->heading, g_free);
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->items, Item, i).wanted = TRUE;
  update_list (self);
}

/* Does the entry feed a number matching one of the patterns? */
static gboolean
feeds_match (const LodeSourceEntry *entry,
             GPtrArray             *specs)
{
  for (guint k = 0; k < entry->feeds->len; k++)
    for (guint p = 0; p < specs->len; p++)
      if (g_pattern_spec_match_string (g_ptr_array_index (specs, p),
                                       g_ptr_array_index (entry->feeds, k)))
        return TRUE;
  return FALSE;
}

void
lode_sources_window_show_some (LodeSourcesWindow  *self,
                               const char         *heading,
                               const char         *source_ids,
                               const char * const *patterns)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_pattern_spec_free);
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (LODE_IS_SOURCES_WINDOW (self));
  g_return_if_fail (heading != NULL);

  for (guint p = 0; patterns != NULL && patterns[p] != NULL; p++)
    g_ptr_array_add (specs, g_pattern_spec_new (patterns[p]));
  ids = g_strsplit (source_ids != NULL ? source_ids : "", " ", -1);

  g_free (self->heading);
  self->heading = g_strdup (heading);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      /* Nothing to filter by: every source, under the heading. */
      gboolean wanted = (specs->len == 0 && ids[0] == NULL)
                        || feeds_match (item->entry, specs);

      for (guint k = 0; !wanted && ids[k] != NULL; k++)
        {
          const LodeSource *source = lode_dataset_find_source (self->dataset, ids[k]);
          const char *name = source != NULL && source->short_name != NULL ? source->short_name
                                                                           : ids[k];

          wanted = ids[k][0] != '\0' && g_str_equal (name, item->entry->name);
        }
      item->wanted = wanted;
      /* A single source opens on what it feeds. */
      if (wanted && ids[0] != NULL && ids[0][0] != '\0' && ids[1] == NULL)
        {
          fill_item (self, item);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
        }
    }
  update_list (self);
}

guint
lode_sources_window_get_n_shown (LodeSourcesWindow *self)
{
  guint shown = 0;

  g_return_val_if_fail (LODE_IS_SOURCES_WINDOW (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    shown += item_visible (self, &g_array_index (self->items, Item, i)) ? 1 : 0;
  return shown;
}

guint
lode_sources_window_get_n_sources (LodeSourcesWindow *self)
{
  g_return_val_if_fail (LODE_IS_SOURCES_WINDOW (self), 0);

  return self->items->len;
}

const char *
lode_sources_window_get_heading (LodeSourcesWindow *self)
{
  g_return_val_if_fail (LODE_IS_SOURCES_WINDOW (self), NULL);

  return self->heading;
}

GtkEditable *
lode_sources_window_get_search (LodeSourcesWindow *self)
{
  g_return_val_if_fail (LODE_IS_SOURCES_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search);
}
