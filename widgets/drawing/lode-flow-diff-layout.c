/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-flow-diff-layout.c — the difference view: the scenario's diagram, each flow's change
 * in China-free tonnes, the key and the largest changes under it. */

#define G_LOG_DOMAIN "lode-flow-diff-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-flow-diff-layout.h"
#include "lode-format.h"
#include "lode-text.h"

/* Sizes at font scale 1, px. */
#define PAD_PX      14.0
#define TITLE_PX    14.0
#define SMALL_PX    12.0
#define KEY_W_PX    180.0
#define KEY_H_PX    10.0
#define SWATCH_PX   10.0
#define GAP_PX      8.0
/* Text rows are this many lines apart; the changes fill this many columns. */
#define ROW_LINES   1.45
#define N_COLUMNS   3

static void
text_clear (gpointer data)
{
  g_free (((LodeFlowDiffText *) data)->text);
}

static LodeFlowDiffText *
add_text (LodeFlowDiffLayout    *layout,
          char                  *text,
          double                 x,
          double                 y,
          double                 size,
          double                 align,
          LodeFlowDiffTextStyle  style)
{
  LodeFlowDiffText t = { text, x, y, size, align, 0, style };

  g_array_append_val (layout->texts, t);
  return &g_array_index (layout->texts, LodeFlowDiffText, layout->texts->len - 1);
}

static double
text_width (const char *text,
            double      size,
            gboolean    bold)
{
  double w = 0;

  lode_text_measure (text, size, bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL, &w, NULL);
  return w;
}

/* What leaves a stage: "concentrate", "oxide", "metal", "magnets". */
static const char *
product_name (LodeStage stage)
{
  switch (stage)
    {
    case LODE_STAGE_MINE:
      return C_("flow product", "concentrate");
    case LODE_STAGE_SEPARATION:
      return C_("flow product", "oxide");
    case LODE_STAGE_METAL:
      return C_("flow product", "metal");
    case LODE_STAGE_MAGNET:
    case LODE_N_STAGES:
    default:
      return C_("flow product", "magnets");
    }
}

/* "+1.2 kt", "−850 t" */
static char *
format_change (double delta)
{
  g_autofree char *mass = lode_format_mass (fabs (delta), "t");

  return g_strdup_printf ("%s%s", delta >= 0 ? "+" : LODE_MINUS_SIGN, mass);
}

/* "+1.2 kt oxide, Malaysia → Japan" */
static char *
change_text (const LodeDataset    *dataset,
             const LodeFlowChange *change)
{
  g_autofree char *amount = format_change (change->delta_t);

  /* Translators: a flow's change in the difference view: amount, product, from and to
   * regions, "+1.2 kt oxide, Malaysia → Japan" */
  return g_strdup_printf (_("%s %s, %s → %s"), amount, product_name (change->stage),
                          lode_region_name (&dataset->regions[change->from]),
                          lode_region_name (&dataset->regions[change->to]));
}

/* Each flow ribbon's change. */
static void
read_ribbon_deltas (LodeFlowDiffLayout *layout)
{
  layout->n_ribbons = lode_flow_layout_get_n_ribbons (layout->flow);
  layout->ribbon_delta = g_new0 (double, MAX (layout->n_ribbons, 1));
  if (layout->diff == NULL)
    return;
  for (guint q = 0; q < layout->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout->flow, q);
      const LodeFlowNode *from, *to;

      if (r->kind != LODE_FLOW_RIBBON_FLOW || r->source < 0 || r->target < 0)
        continue;
      from = lode_flow_layout_get_node (layout->flow, (guint) r->source);
      to = lode_flow_layout_get_node (layout->flow, (guint) r->target);
      if (from->column < LODE_N_STAGES)
        layout->ribbon_delta[q] = lode_flow_diff_get (layout->diff, (LodeStage) from->column,
                                                      from->region, to->region);
    }
}

/* The first line: what is shown, and the change that counts. */
static void
place_title (LodeFlowDiffLayout *layout,
             const LodeDataset  *dataset,
             double              y)
{
  double fs = layout->options.font_scale, pad = PAD_PX * fs, size = TITLE_PX * fs;
  g_autofree char *total = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *title = NULL;

  /* Translators: the difference view's title: year, material */
  title = g_strdup_printf (_("Change in China-free tonnes against the baseline, %d (t %s oxide "
                             "eq.)"), layout->year,
                           lode_material_name (layout->options.material));
  if (layout->diff != NULL)
    {
      total = format_change (layout->diff->us_china_free_delta_t);
      /* Translators: the difference view's headline: "China-free magnets reaching US use:
       * +1.2 kt" */
      headline = g_strdup_printf (_("China-free magnets reaching US use: %s"), total);
    }
  /* A narrow view keeps the headline and shortens the title. */
  if (headline != NULL && text_width (title, size, TRUE) + text_width (headline, size, TRUE)
                          + 3 * GAP_PX * fs > layout->width - 2 * pad)
    {
      g_free (title);
      /* Translators: the difference view's short title; %d is a year */
      title = g_strdup_printf (_("Change in China-free tonnes, %d"), layout->year);
    }
  add_text (layout, g_steal_pointer (&title), pad, y, size, 0, LODE_FLOW_DIFF_TEXT_TITLE);
  if (headline != NULL)
    add_text (layout, g_steal_pointer (&headline), layout->width - pad, y, size, 1.0,
              LODE_FLOW_DIFF_TEXT_TITLE);
}

/* The key, "Loss −12 kt [loss … grey … gain] Gain +12 kt", or the note without changes. */
static void
place_key (LodeFlowDiffLayout *layout,
           double              y)
{
  double fs = layout->options.font_scale, pad = PAD_PX * fs, size = SMALL_PX * fs;
  double line_h, x = pad;
  g_autofree char *loss = NULL;
  g_autofree char *gain = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  lode_text_measure ("Ag", size, LODE_TEXT_NORMAL, NULL, &line_h);
  if (layout->diff == NULL || lode_flow_diff_is_neutral (layout->diff))
    {
      add_text (layout, g_strdup (layout->diff == NULL
                                  ? _("There is no baseline to compare with.")
                                  : _("No change: every flow carries as many China-free "
                                      "tonnes as in the baseline.")),
                pad, y, size, 0, LODE_FLOW_DIFF_TEXT_MUTED);
      return;
    }
  lo = format_change (-layout->max_abs_delta);
  hi = format_change (layout->max_abs_delta);
  /* Translators: the ends of the difference view's colour key, "Loss −12 kt" */
  loss = g_strdup_printf (_("Loss %s"), lo);
  /* Translators: "Gain +12 kt" */
  gain = g_strdup_printf (_("Gain %s"), hi);
  add_text (layout, g_strdup (loss), x, y, size, 0, LODE_FLOW_DIFF_TEXT_MUTED);
  x += text_width (loss, size, FALSE) + GAP_PX * fs;
  layout->key = (LodeFlowRect) { x, y + (line_h - KEY_H_PX * fs) / 2, KEY_W_PX * fs,
                                 KEY_H_PX * fs };
  x += layout->key.width + GAP_PX * fs;
  add_text (layout, g_strdup (gain), x, y, size, 0, LODE_FLOW_DIFF_TEXT_MUTED);
  x += text_width (gain, size, FALSE) + 3 * GAP_PX * fs;
  add_text (layout, g_strdup (_("Grey: no change. Widths are the scenario’s.")), x, y, size, 0,
            LODE_FLOW_DIFF_TEXT_MUTED);
}

/* The largest changes in columns, each with a swatch of its colour. */
static void
place_changes (LodeFlowDiffLayout *layout,
               const LodeDataset  *dataset,
               double              y,
               double              row_h)
{
  double fs = layout->options.font_scale, pad = PAD_PX * fs, size = SMALL_PX * fs;
  double column_w = (layout->width - 2 * pad) / N_COLUMNS;
  guint n;

  if (layout->diff == NULL)
    return;
  n = MIN (layout->diff->n_changes, LODE_FLOW_DIFF_MAX_CHANGES);
  for (guint c = 0; c < n; c++)
    {
      const LodeFlowChange *change = &layout->diff->changes[c];
      double x = pad + (c % N_COLUMNS) * column_w;
      double ty = y + (c / N_COLUMNS) * row_h;
      LodeFlowDiffText *t = add_text (layout, change_text (dataset, change),
                                      x + (SWATCH_PX + GAP_PX * 0.6) * fs, ty, size, 0,
                                      LODE_FLOW_DIFF_TEXT_NORMAL);

      t->max_width = column_w - (SWATCH_PX + 2 * GAP_PX) * fs;
      t->has_swatch = TRUE;
      t->swatch = (LodeFlowRect) { x, ty + (row_h / ROW_LINES - SWATCH_PX * fs) / 2,
                                   SWATCH_PX * fs, SWATCH_PX * fs };
      t->swatch_delta = change->delta_t;
    }
}

static char *
describe (const LodeFlowDiffLayout *layout,
          const LodeDataset        *dataset)
{
  GString *out = g_string_new (NULL);
  g_autofree char *total = NULL;

  if (layout->diff == NULL)
    return g_string_free (out, FALSE);
  total = format_change (layout->diff->us_china_free_delta_t);
  /* Translators: the start of the difference view's description */
  g_string_append_printf (out, _("The scenario against the baseline in %d: China-free magnets "
                                 "reaching US use %s."), layout->year, total);
  if (lode_flow_diff_is_neutral (layout->diff))
    g_string_append_printf (out, " %s", _("No flow changed."));
  else
    {
      g_string_append_printf (out, " %s", _("Largest changes:"));
      for (guint c = 0; c < MIN (layout->diff->n_changes, 3u); c++)
        {
          g_autofree char *text = change_text (dataset, &layout->diff->changes[c]);

          g_string_append_printf (out, " %s%s", text, c + 1 < MIN (layout->diff->n_changes, 3u)
                                                      ? ";" : ".");
        }
    }
  return g_string_free (out, FALSE);
}

void
lode_flow_diff_options_init (LodeFlowDiffOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LodeFlowDiffOptions) { .font_scale = 1.0, .material = LODE_MATERIAL_NDPR };
}

LodeFlowDiffLayout *
lode_flow_diff_layout_new (const LodeProjection      *scenario,
                           const LodeProjection      *baseline,
                           int                        year,
                           double                     width,
                           double                     height,
                           const LodeFlowDiffOptions *options)
{
  LodeFlowDiffLayout *layout = g_new0 (LodeFlowDiffLayout, 1);
  const LodeDataset *dataset;
  LodeFlowOptions flow_options;
  double fs, line_h, row_h, strip_h;
  guint change_rows = 0;

  g_return_val_if_fail (scenario != NULL, NULL);

  if (options != NULL)
    layout->options = *options;
  else
    lode_flow_diff_options_init (&layout->options);
  fs = layout->options.font_scale = CLAMP (layout->options.font_scale, 0.25, 8.0);
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  layout->year = CLAMP (year, scenario->base_year, scenario->horizon);
  layout->texts = g_array_new (FALSE, TRUE, sizeof (LodeFlowDiffText));
  g_array_set_clear_func (layout->texts, text_clear);
  dataset = lode_projection_get_dataset (scenario);
  if (baseline != NULL)
    layout->diff = lode_flow_diff_new (scenario, baseline, layout->year,
                                       layout->options.material);
  if (layout->diff != NULL)
    {
      layout->max_abs_delta = layout->diff->max_abs_delta_t;
      change_rows = (MIN (layout->diff->n_changes, LODE_FLOW_DIFF_MAX_CHANGES) + N_COLUMNS - 1)
                    / N_COLUMNS;
    }

  /* The strip under the diagram: title, key, the changes. */
  lode_text_measure ("Ag", SMALL_PX * fs, LODE_TEXT_NORMAL, NULL, &line_h);
  row_h = line_h * ROW_LINES;
  strip_h = PAD_PX * fs + (2 + change_rows) * row_h + line_h * 0.4;
  layout->flow_area = (LodeFlowRect) { 0, 0, layout->width, MAX (layout->height - strip_h, 1) };

  lode_flow_options_init (&flow_options);
  flow_options.font_scale = fs;
  flow_options.material = layout->options.material;
  flow_options.show_legend = FALSE;
  flow_options.show_china_content = FALSE;
  layout->flow = lode_flow_layout_new (scenario, layout->year, layout->flow_area.width,
                                       layout->flow_area.height, &flow_options);
  read_ribbon_deltas (layout);

  place_title (layout, dataset, layout->flow_area.height + PAD_PX * fs * 0.5);
  place_key (layout, layout->flow_area.height + PAD_PX * fs * 0.5 + row_h);
  place_changes (layout, dataset, layout->flow_area.height + PAD_PX * fs * 0.5 + 2 * row_h,
                 row_h);
  layout->description = describe (layout, dataset);
  return layout;
}

void
lode_flow_diff_layout_free (LodeFlowDiffLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->flow, lode_flow_layout_free);
  g_clear_pointer (&layout->diff, lode_flow_diff_unref);
  g_clear_pointer (&layout->texts, g_array_unref);
  g_free (layout->ribbon_delta);
  g_free (layout->description);
  g_free (layout);
}

double
lode_flow_diff_layout_strength (const LodeFlowDiffLayout *layout,
                                double                    delta)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (!(layout->max_abs_delta > 0) || !isfinite (delta))
    return 0;
  return sqrt (MIN (fabs (delta) / layout->max_abs_delta, 1.0));
}
