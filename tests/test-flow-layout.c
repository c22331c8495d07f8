/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-flow-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "flow-rects.h"
#include "flow-test-util.h"
#include "lode-flow-layout.h"

static const double sizes[][2] = { { 800, 500 }, { 1280, 800 }, { 1920, 1080 } };

static void
assert_rect_inside (const LodeFlowRect *r,
                    double              width,
                    double              height)
{
  g_assert_cmpfloat (r->x, >=, -0.01);
  g_assert_cmpfloat (r->y, >=, -0.01);
  g_assert_cmpfloat (r->x + r->width, <=, width + 0.01);
  g_assert_cmpfloat (r->y + r->height, <=, height + 0.01);
}

/* Flow is conserved at every node: the values (t NdPr-oxide eq.) balance exactly, but for
 * specks under 1e-7 of the biggest node the layout does not draw, and the pixels of the ribbons fit the node and differ from value × scale only by minimum widths. */
static void
check_conservation (const LodeFlowLayout *layout)
{
  guint n_nodes = lode_flow_layout_get_n_nodes (layout);
  double k = lode_flow_layout_get_scale (layout);
  g_autofree double *in_v = g_new0 (double, n_nodes);
  g_autofree double *out_v = g_new0 (double, n_nodes);
  g_autofree double *in_px = g_new0 (double, n_nodes);
  g_autofree double *out_px = g_new0 (double, n_nodes);
  g_autofree int *n_inc = g_new0 (int, n_nodes);
  double speck = 1e-9;

  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      g_assert_cmpfloat (r->value, >, 0.0);
      g_assert_cmpfloat (r->width, >=, 1.0 - 1e-9);
      g_assert_cmpuint (r->n_segments, >=, 1);
      if (r->kind == LODE_FLOW_RIBBON_BYPRODUCT)
        {
          /* Not NdPr: no part of the balance, a fixed thin stub. */
          out_px[r->source] += r->width;
          n_inc[r->source]++;
          continue;
        }
      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        {
          in_v[r->target] += r->value;
          in_px[r->target] += r->width;
          n_inc[r->target]++;
          continue;
        }
      if (r->source >= 0)
        {
          out_v[r->source] += r->value;
          out_px[r->source] += r->width;
          n_inc[r->source]++;
        }
      if (r->target >= 0)
        {
          in_v[r->target] += r->value;
          in_px[r->target] += r->width;
          n_inc[r->target]++;
        }
      /* Widths are value × scale unless a minimum width applies. */
      g_assert_cmpfloat (fabs (r->width - MAX (r->value * k, 1.0)), <=, 1e-6);
    }

  for (guint q = 0; q < n_nodes; q++)
    speck = MAX (speck, lode_flow_layout_get_node (layout, q)->value * 1e-7);
  for (guint q = 0; q < n_nodes; q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
      double tol = 1e-6 * MAX (1.0, node->value) + LODE_MAX_REGIONS * speck;

      if (!node->visible)
        {
          g_assert_cmpfloat (in_v[q], ==, 0.0);
          g_assert_cmpfloat (out_v[q], ==, 0.0);
          continue;
        }
      /* The ribbons carry the node's value. */
      if (node->column > 0)
        g_assert_cmpfloat (fabs (in_v[q] - node->in_value), <=, tol);
      if (node->column < LODE_FLOW_COLUMN_END_USE)
        g_assert_cmpfloat (fabs (out_v[q] - node->out_value), <=, tol);
      /* Mass balance: in = out + outflows at every middle stage. */
      if (node->column > 0 && node->column < LODE_FLOW_COLUMN_END_USE
          && fabs (node->in_value - node->out_value) > tol)
        {
          g_test_message ("unbalanced node: column %d region %u in %g out %g", node->column,
                          node->region, node->in_value, node->out_value);
          g_assert_cmpfloat (fabs (node->in_value - node->out_value), <=, tol);
        }
      /* Pixels: both sides fit in the node; the node is value × scale plus minimums. */
      g_assert_cmpfloat (in_px[q], <=, node->rect.height + 1e-6);
      g_assert_cmpfloat (out_px[q], <=, node->rect.height + 1e-6);
      g_assert_cmpfloat (node->rect.height, >=, node->value * k - 1e-6);
      g_assert_cmpfloat (node->rect.height, <=, node->value * k + 2.0 + 3.0 * 2 + n_inc[q] * 1.0
                         + 1e-6);
    }
}

static void
check_ribbon_ends (const LodeFlowLayout *layout)
{
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
      const LodeFlowSegment *first = &r->segments[0];
      const LodeFlowSegment *last = &r->segments[r->n_segments - 1];

      if (r->source >= 0)
        {
          const LodeFlowRect *s = &lode_flow_layout_get_node (layout, r->source)->rect;

          g_assert_cmpfloat (fabs (first->top.x0 - (s->x + s->width)), <=, 1e-6);
          g_assert_cmpfloat (first->top.y0, >=, s->y - 1e-6);
          g_assert_cmpfloat (first->bottom.y0, <=, s->y + s->height + 1e-6);
        }
      if (r->target >= 0)
        {
          const LodeFlowRect *t = &lode_flow_layout_get_node (layout, r->target)->rect;

          g_assert_cmpfloat (fabs (last->top.x3 - t->x), <=, 1e-6);
          g_assert_cmpfloat (last->top.y3, >=, t->y - 1e-6);
          g_assert_cmpfloat (last->bottom.y3, <=, t->y + t->height + 1e-6);
        }
    }
}

static void
check_geometry (const LodeFlowLayout *layout)
{
  double w = lode_flow_layout_get_width (layout), h = lode_flow_layout_get_height (layout);
  guint n_nodes = lode_flow_layout_get_n_nodes (layout);

  /* No two nodes overlap. */
  for (guint a = 0; a < n_nodes; a++)
    {
      const LodeFlowNode *na = lode_flow_layout_get_node (layout, a);

      if (!na->visible)
        continue;
      g_assert_cmpfloat (na->rect.height, >, 0.0);
      assert_rect_inside (&na->rect, w, h);
      for (guint b = a + 1; b < n_nodes; b++)
        {
          const LodeFlowNode *nb = lode_flow_layout_get_node (layout, b);

          if (nb->visible)
            g_assert_false (rects_overlap (&na->rect, &nb->rect));
        }
    }

  /* Every ribbon lies within the canvas: a cubic lies in the hull of its control points. */
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      for (guint k = 0; k < r->n_segments; k++)
        {
          const LodeFlowCubic *edges[2] = { &r->segments[k].top, &r->segments[k].bottom };

          for (int e = 0; e < 2; e++)
            {
              const double *pts = &edges[e]->x0;

              for (int i = 0; i < 8; i += 2)
                {
                  g_assert_cmpfloat (pts[i], >=, 0.0);
                  g_assert_cmpfloat (pts[i], <=, w);
                  g_assert_cmpfloat (pts[i + 1], >=, 0.0);
                  g_assert_cmpfloat (pts[i + 1], <=, h);
                }
            }
        }
    }
}

/* Labels never overlap one another, the headers or the legend, and stay on the canvas. */
static void
check_labels (const LodeFlowLayout *layout)
{
  double w = lode_flow_layout_get_width (layout), h = lode_flow_layout_get_height (layout);
  g_autoptr(GPtrArray) rects = g_ptr_array_new ();
  guint n_labels = 0;

  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (node->visible && node->label.level != LODE_FLOW_LABEL_HIDDEN)
        {
          g_assert_cmpstr (node->label.name, !=, "");
          g_ptr_array_add (rects, (gpointer) &node->label.rect);
          n_labels++;
        }
    }
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);

      g_ptr_array_add (rects, (gpointer) &hd->title_rect);
      g_ptr_array_add (rects, (gpointer) &hd->unit_rect);
      if (hd->bottleneck)
        g_ptr_array_add (rects, (gpointer) &hd->badge_rect);
    }
  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    {
      const LodeFlowLegendItem *item = lode_flow_layout_get_legend_item (layout, k);

      g_ptr_array_add (rects, (gpointer) &item->text_rect);
      if (item->swatch.width > 0)
        g_ptr_array_add (rects, (gpointer) &item->swatch);
    }
  for (guint k = 0; k < lode_flow_layout_get_n_captions (layout); k++)
    g_ptr_array_add (rects, (gpointer) &lode_flow_layout_get_caption (layout, k)->rect);

  for (guint a = 0; a < rects->len; a++)
    {
      assert_rect_inside (rects->pdata[a], w, h);
      for (guint b = a + 1; b < rects->len; b++)
        if (rects_overlap (rects->pdata[a], rects->pdata[b]))
          {
            const LodeFlowRect *ra = rects->pdata[a], *rb = rects->pdata[b];

            g_test_message ("overlap %u/%u: %.1f,%.1f %.1fx%.1f and %.1f,%.1f %.1fx%.1f", a, b,
                            ra->x, ra->y, ra->width, ra->height, rb->x, rb->y, rb->width,
                            rb->height);
            g_assert_not_reached ();
          }
    }
}

static void
check_all (const LodeProjection *p,
           double                year,
           double                width,
           double                height)
{
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, year, width, height, NULL);

  check_conservation (layout);
  check_ribbon_ends (layout);
  check_geometry (layout);
  check_labels (layout);
}

/* The flow area of the window's diagram at 1280×800, 1366×768 and 1920×1080 (beside the side
 * panel, without it, and with the charts given a third of the height), and of exports. */
static const double window_sizes[][2] = {
  { 865, 345 }, { 865, 280 }, { 1240, 345 },     /* 1280×800 */
  { 952, 310 }, { 952, 260 }, { 1330, 310 },     /* 1366×768 */
  { 1500, 475 }, { 1500, 400 }, { 1880, 475 },   /* 1920×1080 */
  { 1872, 930 }, { 1392, 960 }, { 1100, 620 }, { 752, 430 },   /* exports and slides */
};

/* What a label covers: its text, and the pill behind it over the ribbons. */
static LodeFlowRect
label_extent (const LodeFlowLabel *label)
{
  if (!label->pill)
    return label->rect;
  g_assert_cmpfloat (label->backing.x, <=, label->rect.x);
  g_assert_cmpfloat (label->backing.x + label->backing.width, >=,
                     label->rect.x + label->rect.width);
  return label->backing;
}

/* Every label sits beside its own node: never over another node, and (but at end use, whose
 * labels stand past the recycling lanes with leaders) within the band between the nodes above
 * and below its own, so it never reads as another region's. */
static void
check_labels_beside_nodes (const LodeFlowLayout *layout)
{
  guint n_nodes = lode_flow_layout_get_n_nodes (layout);

  for (guint q = 0; q < n_nodes; q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
      LodeFlowRect extent;
      guint order[LODE_MAX_REGIONS], n;
      int pos = -1;
      double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;

      if (!node->visible || node->label.level == LODE_FLOW_LABEL_HIDDEN)
        continue;
      extent = label_extent (&node->label);
      for (guint o = 0; o < n_nodes; o++)
        {
          const LodeFlowNode *other = lode_flow_layout_get_node (layout, o);

          if (o != q && other->visible && rects_overlap (&extent, &other->rect))
            {
              g_test_message ("label of node %u over node %u", q, o);
              g_assert_not_reached ();
            }
        }
      if (node->column == LODE_FLOW_COLUMN_END_USE)
        continue;
      n = lode_flow_layout_get_order (layout, node->column, order);
      for (guint k = 0; k < n; k++)
        {
          const LodeFlowNode *other =
            lode_flow_layout_get_node (layout,
                                       lode_flow_layout_node_index (layout, node->column,
                                                                    order[k]));

          if (!other->visible)
            continue;
          if (order[k] == node->region)
            pos = (int) k;
          else if (pos < 0)
            lo = other->rect.y + other->rect.height;
          else if (hi == G_MAXDOUBLE)
            hi = other->rect.y;
        }
      if (node->label.rect.y < lo - 0.5 || node->label.rect.y + node->label.rect.height > hi + 0.5)
        {
          g_test_message ("label of node %u (column %d) at %.1f..%.1f beside another node "
                          "(room %.1f..%.1f)", q, node->column, node->label.rect.y,
                          node->label.rect.y + node->label.rect.height, lo, hi);
          g_assert_not_reached ();
        }
    }
}

/* The bottleneck badge keeps clear of every other column's title and unit. */
static void
check_badge (const LodeFlowLayout *layout)
{
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);
      LodeFlowRect badge;

      if (!hd->bottleneck || hd->badge_rect.width <= 0)
        continue;
      badge = (LodeFlowRect) { hd->badge_rect.x - 3, hd->badge_rect.y - 3,
                               hd->badge_rect.width + 6, hd->badge_rect.height + 6 };
      for (int d = 0; d < LODE_FLOW_N_COLUMNS; d++)
        {
          const LodeFlowHeader *o = lode_flow_layout_get_header (layout, d);

          if (d == c)
            continue;
          g_assert_false (rects_overlap (&badge, &o->title_rect));
          g_assert_false (rects_overlap (&badge, &o->unit_rect));
        }
      /* The mark and the word lie inside the badge. */
      g_assert_cmpfloat (hd->badge_icon.x, >=, hd->badge_rect.x);
      g_assert_cmpfloat (hd->badge_text_rect.x + hd->badge_text_rect.width, <=,
                         hd->badge_rect.x + hd->badge_rect.width + 0.01);
    }
}

/* At the window's and the exports' sizes, for every preset and year: no label or badge
 * collides with another, with another region's node or with a header. */
static void
test_window_sizes (void)
{
  static const char *presets[] = { "baseline", "mine-to-magnet", "allied-partnership",
                                   "export-ban" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (ds, presets[i], &error);
      g_autoptr(LodeProjection) p = NULL;

      g_assert_no_error (error);
      p = lode_projection_run (ds, scenario, &error);
      g_assert_no_error (error);
      for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
        for (int year = p->base_year; year <= p->horizon; year += 2)
          {
            g_autoptr(LodeFlowLayout) layout =
              lode_flow_layout_new (p, year, window_sizes[s][0], window_sizes[s][1], NULL);

            check_labels (layout);
            check_labels_beside_nodes (layout);
            check_badge (layout);
          }
    }
}

static void
test_synthetic (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int year = p->base_year; year <= p->horizon; year++)
      check_all (p, year, sizes[s][0], sizes[s][1]);
  check_all (p, 2026.4, 900, 560);
}

static void
test_synthetic_values (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2027, 1280, 800, NULL);
  const LodeChain *y = &lode_projection_get_year (p, 2027)->chain[LODE_MATERIAL_NDPR];
  const LodeFlowNode *node;

  /* Node values are the model's, in t NdPr-oxide equivalent. */
  node = lode_flow_layout_get_node (layout,
                                    lode_flow_layout_node_index (layout, LODE_STAGE_SEPARATION,
                                                                 SYN_CN));
  g_assert_true (node->visible);
  g_assert_cmpfloat_with_epsilon (node->in_value, y->input_ox[LODE_STAGE_SEPARATION][SYN_CN],
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (node->stage_value,
                                  y->production[LODE_STAGE_SEPARATION][SYN_CN], 1e-6);
  /* Metal takes recycling in: its inflow is separation's flows plus the loop. */
  node = lode_flow_layout_get_node (layout,
                                    lode_flow_layout_node_index (layout, LODE_STAGE_METAL, SYN_US));
  g_assert_cmpfloat_with_epsilon (node->in_value, y->input_ox[LODE_STAGE_METAL][SYN_US], 1e-6);

  /* Japan never separates anything: no node, no space. */
  node = lode_flow_layout_get_node (layout,
                                    lode_flow_layout_node_index (layout, LODE_STAGE_SEPARATION,
                                                                 SYN_JP));
  g_assert_false (node->visible);

  /* Shares are in the stage's own unit and sum to one per column. */
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      double sum = 0.0;

      for (guint r = 0; r < SYN_N; r++)
        {
          node = lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout, c, r));
          if (node->visible)
            sum += node->share;
        }
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
    }

  /* The label shows the stage's unit and the share: "China 300 kt t REO ..." */
  node = lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout, 0, SYN_CN));
  g_assert_cmpint (node->label.level, ==, LODE_FLOW_LABEL_FULL);
  g_assert_cmpstr (node->label.name, ==, "China");
  g_assert_nonnull (strstr (node->label.detail, lode_stage_unit (LODE_STAGE_MINE)));
  g_assert_nonnull (strstr (node->label.detail, "%"));

  /* The bottleneck stage is marked. */
  g_assert_true (lode_flow_layout_get_header (layout, LODE_STAGE_SEPARATION)->bottleneck);
  g_assert_false (lode_flow_layout_get_header (layout, LODE_STAGE_MINE)->bottleneck);
}

static void
test_interpolation (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) a = lode_flow_layout_new (p, 2026, 1280, 800, NULL);
  g_autoptr(LodeFlowLayout) b = lode_flow_layout_new (p, 2027, 1280, 800, NULL);
  g_autoptr(LodeFlowLayout) m = lode_flow_layout_new (p, 2026.25, 1280, 800, NULL);

  for (guint q = 0; q < lode_flow_layout_get_n_nodes (m); q++)
    {
      double va = lode_flow_layout_get_node (a, q)->value;
      double vb = lode_flow_layout_get_node (b, q)->value;
      double vm = lode_flow_layout_get_node (m, q)->value;

      g_assert_cmpfloat_with_epsilon (vm, 0.75 * va + 0.25 * vb, 1e-6 * MAX (1.0, vm));
    }
  g_assert_cmpint (lode_flow_layout_get_shown_year (m), ==, 2026);
  g_assert_cmpfloat (lode_flow_layout_get_year (m), ==, 2026.25);
}

static void
check_same_order (const LodeFlowLayout *a,
                  const LodeFlowLayout *b)
{
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      guint oa[LODE_MAX_REGIONS], ob[LODE_MAX_REGIONS];
      guint na = lode_flow_layout_get_order (a, c, oa);
      guint nb = lode_flow_layout_get_order (b, c, ob);
      double last_y = -1;

      g_assert_cmpuint (na, ==, nb);
      for (guint k = 0; k < na; k++)
        g_assert_cmpuint (oa[k], ==, ob[k]);
      /* And the nodes really are drawn in that order, top to bottom. */
      for (guint k = 0; k < na; k++)
        {
          const LodeFlowNode *node =
            lode_flow_layout_get_node (a, lode_flow_layout_node_index (a, c, oa[k]));

          if (!node->visible)
            continue;
          g_assert_cmpfloat (node->rect.y, >, last_y);
          last_y = node->rect.y;
        }
    }
}

static void
test_baseline (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  LodeFlowLayout *prev = NULL;

  for (int year = p->base_year; year <= p->horizon; year++)
    {
      LodeFlowLayout *layout = lode_flow_layout_new (p, year, 1280, 800, NULL);

      check_conservation (layout);
      check_ribbon_ends (layout);
      check_geometry (layout);
      check_labels (layout);
      if (prev != NULL)
        check_same_order (prev, layout);
      g_clear_pointer (&prev, lode_flow_layout_free);
      prev = layout;
    }
  g_clear_pointer (&prev, lode_flow_layout_free);

  /* Fractional years keep the order too. */
  {
    g_autoptr(LodeFlowLayout) a = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
    g_autoptr(LodeFlowLayout) b = lode_flow_layout_new (p, 2030.5, 1280, 800, NULL);

    check_same_order (a, b);
  }
}

static void
test_baseline_sizes (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int year = p->base_year; year <= p->horizon; year += 2)
      check_all (p, year, sizes[s][0], sizes[s][1]);
  /* The main window's diagram area can be short: a compact layout still fits. */
  for (int year = p->base_year; year <= p->horizon; year += 4)
    check_all (p, year, 860, 320);
  /* Presentation mode: bigger fonts still fit at a projector's resolution. */
  {
    LodeFlowOptions options;
    g_autoptr(LodeFlowLayout) layout = NULL;

    lode_flow_options_init (&options);
    options.font_scale = 1.5;
    layout = lode_flow_layout_new (p, 2035, 1920, 1080, &options);
    check_conservation (layout);
    check_geometry (layout);
    check_labels (layout);
  }
}

static void
test_degenerate (void)
{
  g_autoptr(LodeProjection) zero = syn_projection (SYN_N, TRUE);
  g_autoptr(LodeProjection) one = syn_projection (1, FALSE);
  g_autoptr(LodeFlowLayout) lz = lode_flow_layout_new (zero, 2030, 800, 500, NULL);
  g_autoptr(LodeFlowLayout) lo = NULL;
  g_autoptr(LodeFlowLayout) ln = lode_flow_layout_new (NULL, 2030, 800, 500, NULL);
  g_autoptr(LodeFlowLayout) tiny = NULL;
  g_autofree char *dz = NULL;
  g_autofree char *dn = NULL;

  /* All zero: nothing visible, nothing collapses, a caption says so. */
  g_assert_cmpuint (lode_flow_layout_get_n_ribbons (lz), ==, 0);
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (lz); q++)
    g_assert_false (lode_flow_layout_get_node (lz, q)->visible);
  g_assert_cmpuint (lode_flow_layout_get_n_captions (lz), ==, 1);
  dz = lode_flow_layout_describe (lz);
  g_assert_nonnull (strstr (dz, "2030"));
  g_assert_cmpint (lode_flow_layout_node_at (lz, 400, 250), ==, -1);
  g_assert_cmpint (lode_flow_layout_ribbon_at (lz, 400, 250), ==, -1);
  check_labels (lz);

  /* One region. */
  for (int year = one->base_year; year <= one->horizon; year++)
    check_all (one, year, 800, 500);
  lo = lode_flow_layout_new (one, 2030, 800, 500, NULL);
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (lo,
                                                            lode_flow_layout_node_index (lo, c, 0));
      g_assert_true (node->visible);
      g_assert_cmpfloat_with_epsilon (node->share, 1.0, 1e-9);
    }

  /* No projection, absurd sizes and years: still a layout. */
  g_assert_cmpuint (lode_flow_layout_get_n_nodes (ln), ==, 0);
  dn = lode_flow_layout_describe (ln);
  g_assert_cmpstr (dn, !=, "");
  tiny = lode_flow_layout_new (one, 1990, 10, 10, NULL);
  g_assert_cmpint (lode_flow_layout_get_shown_year (tiny), ==, one->base_year);
  g_clear_pointer (&tiny, lode_flow_layout_free);
  tiny = lode_flow_layout_new (one, 3000.5, 0, 0, NULL);
  g_assert_cmpint (lode_flow_layout_get_shown_year (tiny), ==, one->horizon);
}

/* A tiny flow keeps a visible minimum width and does not collapse its node. */
static void
test_tiny_flow (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = NULL;
  LodeChain *y = &p->years[2028 - p->base_year].chain[LODE_MATERIAL_NDPR];
  int idx;

  /* Move a speck of Australian oxide to the US, keeping the balance. */
  y->flow_ox[LODE_STAGE_SEPARATION][SYN_AU][SYN_JP] -= 0.5;
  y->flow_ox[LODE_STAGE_SEPARATION][SYN_AU][SYN_US] += 0.5;
  y->input_ox[LODE_STAGE_METAL][SYN_US] += 0.5;
  y->input_ox[LODE_STAGE_METAL][SYN_JP] -= 0.5;
  y->loss_ox[LODE_STAGE_METAL][SYN_US] += 0.5;
  y->loss_ox[LODE_STAGE_METAL][SYN_JP] -= 0.5;
  layout = lode_flow_layout_new (p, 2028, 800, 500, NULL);
  check_conservation (layout);
  check_geometry (layout);
  idx = -1;
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      if (r->kind == LODE_FLOW_RIBBON_FLOW && fabs (r->value - 0.5) < 1e-9)
        idx = (int) q;
    }
  g_assert_cmpint (idx, >=, 0);
  g_assert_cmpfloat (lode_flow_layout_get_ribbon (layout, idx)->width, ==, 1.0);
}

static void
test_recycling_loop (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  double lowest_node = 0.0;
  int loops = 0;

  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (node->visible)
        lowest_node = MAX (lowest_node, node->rect.y + node->rect.height);
    }
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
      const LodeFlowNode *from, *to;
      double lowest = 0.0, mx, my;

      if (r->kind != LODE_FLOW_RIBBON_RECYCLING)
        continue;
      loops++;
      from = lode_flow_layout_get_node (layout, r->source);
      to = lode_flow_layout_get_node (layout, r->target);
      g_assert_cmpint (from->column, ==, LODE_FLOW_COLUMN_END_USE);
      g_assert_cmpint (to->column, ==, LODE_STAGE_METAL);
      g_assert_cmpuint (from->region, ==, to->region);
      /* A real cycle: it leaves end use rightwards, runs below every node, and enters metal
       * from the left; its pieces join up. */
      g_assert_cmpuint (r->n_segments, >, 1);
      for (guint k = 0; k < r->n_segments; k++)
        {
          lowest = MAX (lowest, r->segments[k].bottom.y3);
          if (k > 0)
            {
              g_assert_cmpfloat (fabs (r->segments[k].top.x0 - r->segments[k - 1].top.x3), <,
                                 1e-6);
              g_assert_cmpfloat (fabs (r->segments[k].top.y0 - r->segments[k - 1].top.y3), <,
                                 1e-6);
            }
        }
      g_assert_cmpfloat (lowest, >, lowest_node);
      g_assert_cmpfloat (r->segments[0].top.x0, >=, from->rect.x + from->rect.width - 1e-6);
      g_assert_cmpfloat (r->segments[r->n_segments - 1].top.x3, <=, to->rect.x + 1e-6);
      /* The bottom run is hit-testable. */
      lode_flow_cubic_eval (&r->segments[4].top, 0.5, &mx, NULL);
      my = (r->segments[4].top.y0 + r->segments[4].bottom.y0) / 2;
      g_assert_cmpint (lode_flow_layout_ribbon_at (layout, mx, my), ==, (int) q);
    }
  g_assert_cmpint (loops, ==, 2);
}

static void
test_hit_testing (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  int cn_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_CN);
  const LodeFlowNode *node = lode_flow_layout_get_node (layout, cn_mine);
  int biggest = -1;

  g_assert_cmpint (lode_flow_layout_node_at (layout, node->rect.x + node->rect.width / 2,
                                             node->rect.y + node->rect.height / 2),
                   ==, cn_mine);
  g_assert_cmpint (lode_flow_layout_node_at (layout, 2, 2), ==, -1);
  g_assert_cmpint (lode_flow_layout_ribbon_at (layout, 2, 2), ==, -1);

  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      if (r->kind == LODE_FLOW_RIBBON_FLOW
          && (biggest < 0 || r->value > lode_flow_layout_get_ribbon (layout, biggest)->value))
        biggest = (int) q;
    }
  {
    const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, biggest);
    double x, yt, yb;
    int hit;

    lode_flow_cubic_eval (&r->segments[0].top, 0.5, &x, &yt);
    lode_flow_cubic_eval (&r->segments[0].bottom, 0.5, NULL, &yb);
    hit = lode_flow_layout_ribbon_at (layout, x, (yt + yb) / 2);
    g_assert_cmpint (hit, >=, 0);
    /* Ribbons may overlap mid-way; whichever is returned must contain the point. */
    if (hit != biggest)
      g_assert_cmpint (lode_flow_layout_get_ribbon (layout, hit)->kind, !=,
                       LODE_FLOW_RIBBON_RECYCLING);
    else
      g_assert_cmpint (hit, ==, biggest);
  }
}

static void
test_highlight (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  g_autoptr(LodeFlowHighlight) none = lode_flow_highlight_new (layout, -1, -1, -1);
  g_autoptr(LodeFlowHighlight) hover = NULL;
  g_autoptr(LodeFlowHighlight) selected = NULL;
  g_autoptr(LodeFlowHighlight) ribbon = NULL;
  g_autoptr(LodeFlowHighlight) invalid = NULL;
  int us_metal = lode_flow_layout_node_index (layout, LODE_STAGE_METAL, SYN_US);
  int us_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_US);
  int au_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_AU);
  int jp_magnet = lode_flow_layout_node_index (layout, LODE_STAGE_MAGNET, SYN_JP);
  int jp_separation = lode_flow_layout_node_index (layout, LODE_STAGE_SEPARATION, SYN_JP);

  g_assert_true (lode_flow_highlight_is_empty (none));
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    g_assert_cmpint (lode_flow_highlight_get_node (none, q), ==, LODE_FLOW_EMPHASIS_NORMAL);

  /* US metal: fed by US separation, fed by the US mine; Australia's mine is unconnected. */
  hover = lode_flow_highlight_new (layout, us_metal, -1, -1);
  g_assert_false (lode_flow_highlight_is_empty (hover));
  g_assert_cmpint (lode_flow_highlight_get_node (hover, us_metal), ==,
                   LODE_FLOW_EMPHASIS_HIGHLIGHT);
  g_assert_cmpint (lode_flow_highlight_get_node (hover, us_mine), ==,
                   LODE_FLOW_EMPHASIS_HIGHLIGHT);
  g_assert_cmpint (lode_flow_highlight_get_node (hover, au_mine), ==, LODE_FLOW_EMPHASIS_DIM);
  g_assert_cmpint (lode_flow_highlight_get_node (hover, jp_magnet), ==, LODE_FLOW_EMPHASIS_DIM);

  /* Selection without hover highlights too, and is remembered for its mark. */
  selected = lode_flow_highlight_new (layout, -1, -1, au_mine);
  g_assert_cmpint (lode_flow_highlight_get_selected_node (selected), ==, au_mine);
  g_assert_cmpint (lode_flow_highlight_get_node (selected, au_mine), ==,
                   LODE_FLOW_EMPHASIS_HIGHLIGHT);

  /* A hovered ribbon: only it and its ends. */
  ribbon = lode_flow_highlight_new (layout, -1, 0, -1);
  {
    const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, 0);

    g_assert_cmpint (lode_flow_highlight_get_ribbon (ribbon, 0), ==,
                     LODE_FLOW_EMPHASIS_HIGHLIGHT);
    g_assert_cmpint (lode_flow_highlight_get_ribbon (ribbon, 1), ==, LODE_FLOW_EMPHASIS_DIM);
    g_assert_cmpint (lode_flow_highlight_get_node (ribbon, r->source), ==,
                     LODE_FLOW_EMPHASIS_HIGHLIGHT);
  }

  /* Invisible or out-of-range indices mean nothing. */
  g_assert_false (lode_flow_layout_get_node (layout, jp_separation)->visible);
  invalid = lode_flow_highlight_new (layout, jp_separation, 9999, 9999);
  g_assert_true (lode_flow_highlight_is_empty (invalid));
  g_assert_cmpint (lode_flow_highlight_get_hover_node (invalid), ==, -1);
  g_assert_cmpint (lode_flow_highlight_get_hover_ribbon (invalid), ==, -1);
}

static void
test_describe (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  g_autofree char *text = lode_flow_layout_describe (layout);
  g_autofree char *node_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *ribbon_text = NULL;

  g_assert_nonnull (strstr (text, "In 2030"));
  g_assert_nonnull (strstr (text, "China"));
  g_assert_nonnull (strstr (text, "separation"));
  /* The China-free share from the model: 0.1 + 0.02 * 6. */
  g_assert_nonnull (strstr (text, "22%"));

  node_text = lode_flow_layout_describe_node (layout,
                                              lode_flow_layout_node_index (layout, 1, SYN_US));
  g_assert_nonnull (strstr (node_text, "United States"));
  g_assert_nonnull (strstr (node_text, "China content"));
  end_text = lode_flow_layout_describe_node (layout,
                                             lode_flow_layout_node_index (layout, 4, SYN_US));
  g_assert_nonnull (strstr (end_text, lode_end_use_name (LODE_END_USE_WIND)));
  ribbon_text = lode_flow_layout_describe_ribbon (layout, 0);
  g_assert_nonnull (strstr (ribbon_text, "→"));
  g_assert_null (lode_flow_layout_describe_node (layout, 9999));
  g_assert_null (lode_flow_layout_describe_ribbon (layout, -1));
}

/* An end use that went short says by how much, on a third line its label makes room for;
 * a shortfall of half a percent or less is not worth the line. */
static void
test_end_use_shortfall (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  LodeYear *y = (LodeYear *) lode_projection_get_year (p, 2030);
  LodeChain *c = &y->chain[LODE_MATERIAL_NDPR];
  g_autoptr(LodeFlowLayout) layout = NULL;
  const LodeFlowNode *us, *jp;

  c->shortfall_t[SYN_US] = 0.25 * c->supplied_t[SYN_US];
  c->shortfall_t[SYN_JP] = 0.004 * c->supplied_t[SYN_JP];
  layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  us = lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout,
                                                                       LODE_FLOW_COLUMN_END_USE,
                                                                       SYN_US));
  jp = lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout,
                                                                       LODE_FLOW_COLUMN_END_USE,
                                                                       SYN_JP));
  g_assert_cmpint (us->label.level, ==, LODE_FLOW_LABEL_FULL);
  g_assert_true (g_str_has_suffix (us->label.shortfall, " short"));
  g_assert_cmpfloat (us->label.rect.height, >=,
                     us->label.name_height + 2 * us->label.detail_height - 1e-9);
  g_assert_cmpstr (jp->label.shortfall, ==, "");
  check_labels (layout);

  /* Other columns never carry one. */
  for (int col = 0; col < LODE_FLOW_COLUMN_END_USE; col++)
    g_assert_cmpstr (lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout, col,
                                                                                    SYN_US))
                       ->label.shortfall, ==, "");
}

/* The span of the tallest column, first node top to last node bottom. */
static double
diagram_span (const LodeFlowLayout *layout)
{
  double span = 0.0;

  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

      for (guint r = 0; r < lode_flow_layout_get_n_regions (layout); r++)
        {
          const LodeFlowNode *node =
            lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout, c, r));

          if (!node->visible)
            continue;
          top = MIN (top, node->rect.y);
          bottom = MAX (bottom, node->rect.y + node->rect.height);
        }
      if (bottom > top)
        span = MAX (span, bottom - top);
    }
  return span;
}

/* A short canvas with big fonts (presentation, the window's diagram pane): the ribbons keep a
 * fair share of the height, the labels never take more than about half of it, and nothing
 * overlaps, the bottleneck badge least of all. */
static void
test_short_large_font (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  static const double short_sizes[][2] = { { 1200, 320 }, { 800, 300 }, { 1280, 360 },
                                           { 1000, 300 } };
  static const double scales[] = { 1.0, 1.25, 1.5 };
  gboolean saw_badge = FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (short_sizes); s++)
    for (guint f = 0; f < G_N_ELEMENTS (scales); f++)
      for (int year = p->base_year; year <= p->horizon; year += 3)
        {
          LodeFlowOptions options;
          g_autoptr(LodeFlowLayout) layout = NULL;
          double w = short_sizes[s][0], h = short_sizes[s][1];
          double label_h[LODE_FLOW_N_COLUMNS] = { 0 };

          lode_flow_options_init (&options);
          options.font_scale = scales[f];
          layout = lode_flow_layout_new (p, year, w, h, &options);
          check_conservation (layout);
          check_geometry (layout);
          check_labels (layout);
          if (diagram_span (layout) < 0.45 * h)
            g_test_message ("%gx%g scale %g year %d: span %.1f", w, h, scales[f], year,
                            diagram_span (layout));
          g_assert_cmpfloat (diagram_span (layout), >=, 0.45 * h);

          for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
            {
              const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

              if (node->visible && node->label.level != LODE_FLOW_LABEL_HIDDEN)
                label_h[node->column] += node->label.rect.height;
            }
          for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
            {
              const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);

              g_assert_cmpfloat (label_h[c], <=, 0.55 * h);
              if (!hd->bottleneck || hd->badge_rect.width <= 0)
                continue;
              saw_badge = TRUE;
              /* Never over a neighbour's header. */
              for (int d = 0; d < LODE_FLOW_N_COLUMNS; d++)
                {
                  const LodeFlowHeader *o = lode_flow_layout_get_header (layout, d);

                  if (d == c)
                    continue;
                  g_assert_false (rects_overlap (&hd->badge_rect, &o->title_rect));
                  g_assert_false (rects_overlap (&hd->badge_rect, &o->unit_rect));
                }
            }
        }
  g_assert_true (saw_badge);
}

/* Every word a layout shows: headers, labels, legend, captions, the summary, each tooltip. */
static char *
layout_words (const LodeFlowLayout *layout)
{
  GString *words = g_string_new (NULL);
  g_autofree char *summary = lode_flow_layout_describe (layout);

  g_string_append_printf (words, "%s\n", summary);
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);

      g_string_append_printf (words, "%s\n%s\n", hd->title, hd->unit);
    }
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
      g_autofree char *tip = lode_flow_layout_describe_node (layout, (int) q);

      if (!node->visible)
        continue;
      g_string_append_printf (words, "%s\n%s\n%s\n", node->label.name, node->label.detail, tip);
    }
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      g_autofree char *tip = lode_flow_layout_describe_ribbon (layout, (int) q);

      g_string_append_printf (words, "%s\n", tip);
    }
  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    g_string_append_printf (words, "%s\n", lode_flow_layout_get_legend_item (layout, k)->text);
  for (guint k = 0; k < lode_flow_layout_get_n_captions (layout); k++)
    g_string_append_printf (words, "%s\n", lode_flow_layout_get_caption (layout, k)->text);
  return g_string_free (words, FALSE);
}

/* Each material view draws its own chain, in its own units: the headers give each stage's
 * unit of that material, the legend its oxide equivalent, the nodes the chain's production,
 * and no word speaks of NdPr in the Dy + Tb or samarium views. */
static void
test_materials (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  /* A window, its diagram beside the panel, an export, the diagram of a 16:9 slide. */
  static const double material_sizes[][3] = { { 1280, 800, 1 }, { 865, 345, 1 },
                                              { 1872, 930, 1.82 }, { 1086, 600, 1.4 } };

  G_STATIC_ASSERT (LODE_FLOW_N_MATERIALS == LODE_N_MATERIALS + 1);

  for (guint v = 0; v < LODE_FLOW_N_MATERIALS; v++)
    {
      LodeFlowMaterial view = (LodeFlowMaterial) v;
      LodeMaterial chain = lode_flow_material_chain (view);
      LodeFlowMaterial parsed = LODE_FLOW_N_MATERIALS;
      LodeFlowOptions options;

      g_assert_true (lode_flow_material_from_id (lode_flow_material_id (view), &parsed));
      g_assert_cmpint (parsed, ==, view);
      g_assert_cmpuint (strlen (lode_flow_material_name (view)), >, 0);
      g_assert_cmpuint (strlen (lode_flow_material_description (view)), >, 0);
      lode_flow_options_init (&options);
      lode_flow_options_set_view_material (&options, view);
      g_assert_cmpint (lode_flow_options_get_view_material (&options), ==, view);
      g_assert_cmpint (options.material, ==, chain);

      for (guint s = 0; s < G_N_ELEMENTS (material_sizes); s++)
        for (int year = p->base_year; year <= p->horizon; year += 4)
          {
            double w = material_sizes[s][0], h = material_sizes[s][1];
            g_autoptr(LodeFlowLayout) layout = NULL;

            options.font_scale = material_sizes[s][2];
            layout = lode_flow_layout_new (p, year, w, h, &options);
            const LodeYear *y = lode_projection_get_year (p, year);
            g_autofree char *words = layout_words (layout);
            g_autofree char *widths = g_strdup_printf ("Widths: %s",
                                                       lode_material_oxide_unit (chain));
            gboolean noted = FALSE;
            guint n_visible = 0;

            check_conservation (layout);
            check_ribbon_ends (layout);
            check_geometry (layout);
            check_labels (layout);
            g_assert_cmpint (lode_flow_options_get_view_material (
                               lode_flow_layout_get_options (layout)), ==, view);

            for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
              {
                LodeStage stage = c == LODE_FLOW_COLUMN_END_USE ? LODE_STAGE_MAGNET
                                                                : (LodeStage) c;
                const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);

                g_assert_cmpstr (hd->unit, ==, lode_material_stage_unit (chain, stage));
                /* Long units (t Dy+Tb oxide in ore) never run into the next column's. */
                if (c + 1 < LODE_FLOW_N_COLUMNS)
                  {
                    const LodeFlowHeader *next = lode_flow_layout_get_header (layout, c + 1);

                    g_assert_false (rects_overlap (&hd->unit_rect, &next->unit_rect));
                    g_assert_false (rects_overlap (&hd->title_rect, &next->title_rect));
                  }
              }
            for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
              {
                const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
                double expected;

                if (!node->visible)
                  continue;
                n_visible++;
                expected = node->column < LODE_N_STAGES
                           ? y->chain[chain].production[node->column][node->region]
                           : y->chain[chain].supplied_t[node->region];
                g_assert_cmpfloat_with_epsilon (node->stage_value, expected,
                                                1e-9 * MAX (1.0, expected));
                if (node->label.level == LODE_FLOW_LABEL_FULL)
                  g_assert_nonnull (strstr (node->label.detail,
                                            lode_flow_layout_get_header (layout,
                                                                         node->column)->unit));
              }
            g_assert_cmpuint (n_visible, >=, LODE_FLOW_N_COLUMNS);
            for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
              noted |= g_str_equal (lode_flow_layout_get_legend_item (layout, k)->text, widths);
            g_assert_true (noted || h < 450 * material_sizes[s][2]);   /* compact: no note */
            g_assert_nonnull (strstr (words, lode_material_oxide_unit (chain)));
            if (chain != LODE_MATERIAL_NDPR)
              {
                g_assert_null (strstr (words, "NdPr"));
                g_assert_null (strstr (words, "By-product"));
                g_assert_null (strstr (words, "Applications"));
              }
            else
              g_assert_nonnull (strstr (words, "Applications (world split)"));
          }
    }

  {
    LodeFlowMaterial view;

    g_assert_false (lode_flow_material_from_id ("NdPr", &view));
    g_assert_false (lode_flow_material_from_id (NULL, &view));
  }
}

/* The joint view draws the NdPr chain, but its magnets pass through China when their NdPr or,
 * in the Dy/Tb grades, their Dy + Tb did: the magnet makers' China content is
 * max (NdPr's, grade share × Dy + Tb's), the upstream stages are NdPr's as they are. */
static void
test_joint_magnets (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  gboolean raised = FALSE;

  for (int year = p->base_year; year <= p->horizon; year++)
    {
      const LodeYear *y = lode_projection_get_year (p, year);
      LodeFlowOptions options;
      g_autoptr(LodeFlowLayout) ndpr = NULL;
      g_autoptr(LodeFlowLayout) joint = NULL;
      g_autofree char *words = NULL;

      lode_flow_options_init (&options);
      ndpr = lode_flow_layout_new (p, year, 1280, 800, &options);
      lode_flow_options_set_view_material (&options, LODE_FLOW_MATERIAL_JOINT);
      joint = lode_flow_layout_new (p, year, 1280, 800, &options);
      check_conservation (joint);
      check_labels (joint);

      g_assert_cmpuint (lode_flow_layout_get_n_nodes (joint), ==,
                        lode_flow_layout_get_n_nodes (ndpr));
      for (guint q = 0; q < lode_flow_layout_get_n_nodes (joint); q++)
        {
          const LodeFlowNode *a = lode_flow_layout_get_node (ndpr, q);
          const LodeFlowNode *b = lode_flow_layout_get_node (joint, q);

          g_assert_cmpint (a->visible, ==, b->visible);
          g_assert_cmpfloat (a->value, ==, b->value);
          if (!b->visible)
            continue;
          if (b->column < LODE_STAGE_MAGNET)
            g_assert_cmpfloat (b->china_content, ==, a->china_content);
          else if (b->column == LODE_STAGE_MAGNET)
            {
              double expected = MAX (y->chain[LODE_MATERIAL_NDPR].china_content[LODE_STAGE_MAGNET][b->region],
                                     y->us_heavy_grade_share *
                                     y->chain[LODE_MATERIAL_HEAVY].china_content[LODE_STAGE_MAGNET][b->region]);

              g_assert_cmpfloat_with_epsilon (b->china_content, expected, 1e-12);
              g_assert_cmpfloat (b->china_content, >=, a->china_content);
              raised |= b->china_content > a->china_content + 1e-6;
            }
          else
            g_assert_cmpfloat (b->china_content, >=, a->china_content - 1e-12);
        }
      words = layout_words (joint);
      g_assert_nonnull (strstr (words, "their NdPr or Dy + Tb"));
    }
  /* Somewhere a maker's Dy + Tb comes from China when its NdPr does not. */
  g_assert_true (raised);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/flow-layout/synthetic", test_synthetic);
  g_test_add_func ("/lode/flow-layout/synthetic-values", test_synthetic_values);
  g_test_add_func ("/lode/flow-layout/interpolation", test_interpolation);
  g_test_add_func ("/lode/flow-layout/baseline", test_baseline);
  g_test_add_func ("/lode/flow-layout/baseline-sizes", test_baseline_sizes);
  g_test_add_func ("/lode/flow-layout/degenerate", test_degenerate);
  g_test_add_func ("/lode/flow-layout/tiny-flow", test_tiny_flow);
  g_test_add_func ("/lode/flow-layout/recycling-loop", test_recycling_loop);
  g_test_add_func ("/lode/flow-layout/hit-testing", test_hit_testing);
  g_test_add_func ("/lode/flow-layout/highlight", test_highlight);
  g_test_add_func ("/lode/flow-layout/describe", test_describe);
  g_test_add_func ("/lode/flow-layout/end-use-shortfall", test_end_use_shortfall);
  g_test_add_func ("/lode/flow-layout/short-large-font", test_short_large_font);
  g_test_add_func ("/lode/flow-layout/window-sizes", test_window_sizes);
  g_test_add_func ("/lode/flow-layout/materials", test_materials);
  g_test_add_func ("/lode/flow-layout/joint-magnets", test_joint_magnets);

  return g_test_run ();
}
