/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Figures — the named outputs of a projection, shared by `lodestone --summary` (key: value
 * lines), `--csv` (one column per per-year figure) and the tests. Keys are stable:
 * "china_share.mine", "us_self_sufficiency.magnet", "china_free_share_us_magnets",
 * "world_production.separation", "us_shortfall_t", "ndpr_price_usd_kg", "jobs", ...
 * Shares are fractions (0.692), never percentages. Numbers are formatted in the C locale.
 * Model library: GLib only.
 */
#pragma once

#include <glib.h>

#include "lode-projection.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;                               /* "china_share.mine" */
  /* Value for one year; figures of a stage follow the material asked for. */
  double    (*get) (const LodeYear *year,
                    LodeMaterial    material);
  gboolean    per_material;                      /* follows --material */
} LodeYearFigure;

/* The per-year figures, in CSV column order. */
const LodeYearFigure *lode_year_figures            (guint                 *out_n);
/* The figure with that key, or NULL. */
const LodeYearFigure *lode_year_figure_find        (const char            *key);
/* The stage id of the US bottleneck of a material, or "none". */
const char           *lode_figures_bottleneck_id   (const LodeYear        *year,
                                                    LodeMaterial           material);

/* Writes the `--summary` text: "material: ID", the per-year figures at 2024, 2030, 2035 and
 * the horizon as "key.year: value", the US bottleneck stage of each of those years, then the
 * whole-run figures (first_year_china_free_share_50pct, public_spend_cumulative_busd,
 * fund_unabsorbed_busd (the whole run's), ...). */
void                  lode_figures_write_summary   (const LodeProjection  *projection,
                                                    LodeMaterial           material,
                                                    GString               *out);
/* Writes the CSV: header "year,<key>,<key>...,us_bottleneck_stage" then a row per year. */
void                  lode_figures_write_csv       (const LodeProjection  *projection,
                                                    LodeMaterial           material,
                                                    GString               *out);
/* Formats a number the way both writers do (C locale, shortest exact form via
 * g_ascii_formatd "%.6g" for display figures). */
void                  lode_figures_append_number   (GString               *out,
                                                    double                 value);

G_END_DECLS
