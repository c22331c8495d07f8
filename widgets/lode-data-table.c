/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-data-table.c — the figures behind a view, as a sortable, copyable table. */

#define G_LOG_DOMAIN "lode-data-table"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-data-table.h"
#include "lode-figures.h"
#include "lode-format.h"
#include "lode-tooltip.h"

/* How a column's numbers are shown. */
typedef enum
{
  CELL_CHART,   /* a chart axis's format */
  CELL_SHARE,   /* a fraction as a percentage */
  CELL_MASS,    /* tonnes of `unit` */
} CellKind;

typedef struct
{
  char            *title;
  CellKind         kind;
  LodeChartFormat  format;   /* CELL_CHART */
  char            *unit;     /* CELL_MASS */
  double          *values;   /* n_rows */
} Column;

/* What a column's sorter needs. */
typedef struct
{
  LodeDataTable *self;
  guint          column;
} SortKey;

struct _LodeDataTable
{
  AdwWindow       parent_instance;

  /* Built in init */
  AdwWindowTitle *title;
  GtkColumnView  *view;

  /* Owned */
  GtkStringList  *years;      /* the rows: each year as text */
  GtkSortListModel *sorted;
  GArray         *columns;    /* Column, the year excluded */
  int             first_year;
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (LodeDataTable, lode_data_table, ADW_TYPE_WINDOW)

/* Helpers */

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_free (column->unit);
  g_free (column->values);
}

static guint
row_of (LodeDataTable *self,
        gpointer       item)
{
  return (guint) (atoi (gtk_string_object_get_string (item)) - self->first_year);
}

static char *
format_cell (const Column *column,
             double        value)
{
  if (!isfinite (value))
    return g_strdup (LODE_NO_VALUE);
  switch (column->kind)
    {
    case CELL_SHARE:
      return lode_format_share (value);
    case CELL_MASS:
      return lode_format_mass (value, column->unit);
    case CELL_CHART:
    default:
      return lode_chart_format_value (column->format, value);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LodeDataTable *self = g_object_get_data (G_OBJECT (factory), "table");
  guint c = GPOINTER_TO_UINT (user_data);
  gpointer year = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (c == 0)
    text = g_strdup (gtk_string_object_get_string (year));
  else
    {
      const Column *column = &g_array_index (self->columns, Column, c - 1);

      text = format_cell (column, column->values[row_of (self, year)]);
    }
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortKey *key = user_data;
  LodeDataTable *self = key->self;
  guint ra = row_of (self, (gpointer) a), rb = row_of (self, (gpointer) b);
  double va, vb;

  if (key->column == 0)
    return ra < rb ? -1 : ra > rb;
  va = g_array_index (self->columns, Column, key->column - 1).values[ra];
  vb = g_array_index (self->columns, Column, key->column - 1).values[rb];
  /* Missing values sort last. */
  if (!isfinite (va) || !isfinite (vb))
    return isfinite (va) ? -1 : isfinite (vb) ? 1 : 0;
  return va < vb ? -1 : va > vb;
}

static void
add_view_column (LodeDataTable *self,
                 guint          c,
                 const char    *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  SortKey *key = g_new (SortKey, 1);
  GtkColumnViewColumn *column;
  g_autoptr(GtkCustomSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "table", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
  *key = (SortKey) { self, c };
  sorter = gtk_custom_sorter_new (compare_rows, key, g_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

/* Empties the table for `n_rows` years from `first_year`; add_column() then show_columns()
 * fill it. */
static void
reset (LodeDataTable *self,
       int            first_year,
       guint          n_rows)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
  g_array_set_size (self->columns, 0);
  self->first_year = first_year;
  self->n_rows = n_rows;
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)),
                          NULL);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *year = g_strdup_printf ("%d", first_year + (int) r);

      gtk_string_list_append (self->years, year);
    }
}

/* The view's columns, once the values are in: a column binds its cells when it is added. */
static void
show_columns (LodeDataTable *self)
{
  /* Translators: the first column of a data table */
  add_view_column (self, 0, _("Year"));
  for (guint c = 0; c < self->columns->len; c++)
    add_view_column (self, c + 1, g_array_index (self->columns, Column, c).title);
}

/* Takes `title` and `unit`; returns the column's values to fill. */
static double *
add_column (LodeDataTable   *self,
            char            *title,
            CellKind         kind,
            LodeChartFormat  format,
            char            *unit)
{
  Column column = { title, kind, format, unit, g_new0 (double, MAX (self->n_rows, 1)) };

  g_array_append_val (self->columns, column);
  return column.values;
}

static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  /* CSV quotes a field holding the separator, a quote or a line break; TSV has none. */
  if (separator == ',' && strpbrk (text, ",\"\n") != NULL)
    {
      g_autofree char *doubled = NULL;
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

      doubled = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", doubled);
    }
  else if (separator == '\t')
    {
      g_autofree char *flat = g_strdelimit (g_strdup (text), "\t\n", ' ');

      g_string_append (out, flat);
    }
  else
    g_string_append (out, text);
}

static void
copy_csv_cb (LodeDataTable *self)
{
  lode_data_table_copy (self, ',');
}

static void
copy_tsv_cb (LodeDataTable *self)
{
  lode_data_table_copy (self, '\t');
}

/* Ctrl+C: the whole table as CSV. */
static gboolean
copy_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  lode_data_table_copy (LODE_DATA_TABLE (widget), ',');
  return TRUE;
}

/* GObject */

static void
lode_data_table_dispose (GObject *object)
{
  LodeDataTable *self = LODE_DATA_TABLE (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->years);

  G_OBJECT_CLASS (lode_data_table_parent_class)->dispose (object);
}

static void
lode_data_table_class_init (LodeDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_data_table_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, copy_shortcut_cb, NULL);
}

static void
lode_data_table_init (LodeDataTable *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *copy_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *csv = gtk_button_new_with_mnemonic (_("Copy as _CSV"));
  GtkWidget *tsv = gtk_button_new_with_mnemonic (_("Copy as _TSV"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->years = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Figures"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 560);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Figures"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_add_css_class (copy_box, "linked");
  gtk_widget_set_tooltip_text (csv, _("Copy the table as comma-separated values (Ctrl+C)"));
  lode_tooltip_set_text (tsv, _("Copy the table as tab-separated values, for a "
                                "spreadsheet"));
  g_signal_connect_object (csv, "clicked", G_CALLBACK (copy_csv_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tsv, "clicked", G_CALLBACK (copy_tsv_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (copy_box), csv);
  gtk_box_append (GTK_BOX (copy_box), tsv);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), copy_box);
  gtk_box_append (GTK_BOX (box), header);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->years)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

LodeDataTable *
lode_data_table_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LODE_TYPE_DATA_TABLE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

void
lode_data_table_show_chart (LodeDataTable          *self,
                            LodeChartKind           kind,
                            const LodeProjection   *projection,
                            const LodeProjection   *baseline,
                            const LodeChartOptions *options)
{
  g_autoptr(LodeChartLayout) layout = NULL;
  g_autoptr(GString) axes = g_string_new (NULL);

  g_return_if_fail (LODE_IS_DATA_TABLE (self));
  g_return_if_fail (projection != NULL);

  layout = lode_chart_layout_new (kind, projection, baseline, 800, 400, options);
  reset (self, layout->first_year, (guint) MAX (layout->n_years, 0));
  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);
      double *values = add_column (self, g_strdup (series->label), CELL_CHART,
                                   layout->axes[series->axis].format, NULL);

      /* A band of a stack is its own amount, not the stack's top. */
      for (guint r = 0; r < self->n_rows; r++)
        values[r] = series->value[r] - (series->value_base != NULL ? series->value_base[r] : 0);
    }
  show_columns (self);
  for (int a = 0; a < 2; a++)
    if (layout->axes[a].visible && layout->axes[a].title != NULL)
      g_string_append_printf (axes, "%s%s", axes->len > 0 ? " · " : "", layout->axes[a].title);
  adw_window_title_set_title (self->title, lode_chart_kind_title (kind));
  adw_window_title_set_subtitle (self->title, axes->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_kind_title (kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, axes->str, -1);
}

/* "Separation: world production", "Separation: China's share", … */
static char *
flow_column_title (guint     figure,
                   LodeStage stage)
{
  const char *name = lode_stage_name (stage);

  switch (figure)
    {
    case 0:
      /* Translators: a data table column, "Separation: world production" */
      return g_strdup_printf (_("%s: world production"), name);
    case 1:
      /* Translators: a data table column, "Separation: China's share" */
      return g_strdup_printf (_("%s: China's share"), name);
    default:
      /* Translators: a data table column, "Separation: US self-sufficiency" */
      return g_strdup_printf (_("%s: US self-sufficiency"), name);
    }
}

void
lode_data_table_show_flow (LodeDataTable        *self,
                           const LodeProjection *projection)
{
  static const struct
  {
    const char *key;      /* figure key before ".<stage>" */
    CellKind    kind;
  } figures[] = {
    { "world_production", CELL_MASS },
    { "china_share", CELL_SHARE },
    { "us_self_sufficiency", CELL_SHARE },
  };

  g_return_if_fail (LODE_IS_DATA_TABLE (self));
  g_return_if_fail (projection != NULL);

  reset (self, projection->base_year, (guint) projection->n_years);
  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
      {
        g_autofree char *key = g_strdup_printf ("%s.%s", figures[f].key,
                                                lode_stage_id ((LodeStage) s));
        const LodeYearFigure *figure = lode_year_figure_find (key);
        double *values;

        if (figure == NULL)
          continue;
        values = add_column (self, flow_column_title (f, (LodeStage) s),
                             figures[f].kind, LODE_CHART_FORMAT_PERCENT,
                             g_strdup (lode_material_stage_unit (LODE_MATERIAL_NDPR,
                                                                 (LodeStage) s)));
        for (guint r = 0; r < self->n_rows; r++)
          values[r] = figure->get (&projection->years[r], LODE_MATERIAL_NDPR);
      }
  show_columns (self);
  adw_window_title_set_title (self->title, _("Flow diagram"));
  adw_window_title_set_subtitle (self->title, _("NdPr, each stage in its own unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flow diagram"), -1);
}

char *
lode_data_table_dup_text (LodeDataTable *self,
                          char           separator)
{
  GString *out = g_string_new (NULL);
  GListModel *rows;

  g_return_val_if_fail (LODE_IS_DATA_TABLE (self), NULL);

  append_field (out, "year", separator);
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_string_append_c (out, separator);
      append_field (out, g_array_index (self->columns, Column, c).title, separator);
    }
  g_string_append_c (out, '\n');

  rows = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkStringObject) year = g_list_model_get_item (rows, i);
      guint r = row_of (self, year);

      g_string_append (out, gtk_string_object_get_string (year));
      for (guint c = 0; c < self->columns->len; c++)
        {
          double value = g_array_index (self->columns, Column, c).values[r];
          g_autofree char *number = isfinite (value) ? lode_format_c_number (value, 6)
                                                     : g_strdup ("");

          g_string_append_c (out, separator);
          g_string_append (out, number);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

void
lode_data_table_copy (LodeDataTable *self,
                      char           separator)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LODE_IS_DATA_TABLE (self));

  text = lode_data_table_dup_text (self, separator);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

guint
lode_data_table_get_n_rows (LodeDataTable *self)
{
  g_return_val_if_fail (LODE_IS_DATA_TABLE (self), 0);

  return self->n_rows;
}

guint
lode_data_table_get_n_columns (LodeDataTable *self)
{
  g_return_val_if_fail (LODE_IS_DATA_TABLE (self), 0);

  return self->columns->len + 1;
}

char *
lode_data_table_dup_cell (LodeDataTable *self,
                          guint          row,
                          guint          column)
{
  g_autoptr(GtkStringObject) year = NULL;
  const Column *c;

  g_return_val_if_fail (LODE_IS_DATA_TABLE (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column <= self->columns->len, NULL);

  year = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  if (column == 0)
    return g_strdup (gtk_string_object_get_string (year));
  c = &g_array_index (self->columns, Column, column - 1);
  return format_cell (c, c->values[row_of (self, year)]);
}

GtkColumnView *
lode_data_table_get_view (LodeDataTable *self)
{
  g_return_val_if_fail (LODE_IS_DATA_TABLE (self), NULL);

  return self->view;
}
