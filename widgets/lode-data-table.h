/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeDataTable — the yearly figures behind a view, as a table: one row per year, one column
 * per series of a chart (a stacked band shows its own amount, not the stack's top) or, for
 * the flow diagram, each stage's world production, China's share and US self-sufficiency.
 * A GtkColumnView: columns sort by a click on their header, rows and cells are reachable from
 * the keyboard, and the table can be copied as CSV or TSV (numbers in the C locale, as the
 * command line's CSV). It is also the path to the numbers for screen readers.
 */
#pragma once

#include <adwaita.h>

#include "lode-chart-layout.h"
#include "lode-projection.h"

G_BEGIN_DECLS

#define LODE_TYPE_DATA_TABLE (lode_data_table_get_type ())

G_DECLARE_FINAL_TYPE (LodeDataTable, lode_data_table, LODE, DATA_TABLE, AdwWindow)

/* Like gtk_window_new(), the window belongs to GTK's list of toplevels. */
LodeDataTable *lode_data_table_new          (GtkWindow              *parent) G_GNUC_WARN_UNUSED_RESULT;
/* The figures of a chart, with the baseline's where the chart draws it. */
void           lode_data_table_show_chart   (LodeDataTable          *self,
                                             LodeChartKind           kind,
                                             const LodeProjection   *projection,
                                             const LodeProjection   *baseline,
                                             const LodeChartOptions *options);
/* The figures behind the flow diagram (NdPr). */
void           lode_data_table_show_flow    (LodeDataTable          *self,
                                             const LodeProjection   *projection);
/* The table in the order shown, `separator` ',' for CSV (fields quoted where needed) or '\t'
 * for TSV; a header row of column titles, then one row per year. */
char          *lode_data_table_dup_text     (LodeDataTable          *self,
                                             char                    separator) G_GNUC_WARN_UNUSED_RESULT;
/* Copies the table as CSV (or TSV) to the clipboard. */
void           lode_data_table_copy         (LodeDataTable          *self,
                                             char                    separator);
guint          lode_data_table_get_n_rows   (LodeDataTable          *self);
guint          lode_data_table_get_n_columns (LodeDataTable         *self);   /* the year too */
/* The shown text of a cell, in the order shown; column 0 is the year. */
char          *lode_data_table_dup_cell     (LodeDataTable          *self,
                                             guint                   row,
                                             guint                   column) G_GNUC_WARN_UNUSED_RESULT;
GtkColumnView *lode_data_table_get_view     (LodeDataTable          *self);

G_END_DECLS
