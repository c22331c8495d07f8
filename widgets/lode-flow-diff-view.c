/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-flow-diff-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-flow-diff-paint.h"
#include "lode-flow-diff-view.h"
#include "lode-raster.h"
#include "lode-widget-style.h"

struct _LodeFlowDiffView
{
  GtkWidget           parent_instance;

  /* Owned */
  LodeProjection     *projection;
  LodeProjection     *baseline;
  LodeFlowDiffLayout *layout;

  LodePalette         palette;
  int                 year;
  double              font_scale;
};

G_DEFINE_FINAL_TYPE (LodeFlowDiffView, lode_flow_diff_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Recomputes the layout for the data, year and size: on a change, never in snapshot. */
static void
relayout (LodeFlowDiffView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  LodeFlowDiffOptions options;

  g_clear_pointer (&self->layout, lode_flow_diff_layout_free);
  if (width > 0 && height > 0 && self->projection != NULL)
    {
      lode_flow_diff_options_init (&options);
      options.font_scale = self->font_scale;
      self->layout = lode_flow_diff_layout_new (self->projection, self->baseline, self->year,
                                                width, height, &options);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->layout->description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lode_flow_diff_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static void
lode_flow_diff_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (widget);

  if (self->layout != NULL && self->layout->width == width && self->layout->height == height)
    return;
  relayout (self);
}

static void
paint_diff (cairo_t  *cr,
            gpointer  user_data)
{
  LodeFlowDiffView *self = user_data;

  lode_flow_diff_paint (cr, self->layout, &self->palette);
}

/* Rasterised (lode-raster.h): GTK replays a recorded node on every frame that damages it. */
static void
lode_flow_diff_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (widget);
  GskRenderNode *node;

  if (self->layout == NULL || self->layout->width <= 0 || self->layout->height <= 0)
    return;
  node = lode_raster_paint_node (widget, (int) self->layout->width, (int) self->layout->height,
                                 paint_diff, self);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}

static void
lode_flow_diff_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (widget);

  GTK_WIDGET_CLASS (lode_flow_diff_view_parent_class)->css_changed (widget, change);
  lode_widget_style_read_view_palette (widget, self->projection, &self->palette);
  gtk_widget_queue_draw (widget);
}

static void
lode_flow_diff_view_dispose (GObject *object)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (object);

  g_clear_pointer (&self->layout, lode_flow_diff_layout_free);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);

  G_OBJECT_CLASS (lode_flow_diff_view_parent_class)->dispose (object);
}

static void
lode_flow_diff_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_flow_diff_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LodeFlowDiffView *self = LODE_FLOW_DIFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      lode_flow_diff_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_flow_diff_view_class_init (LodeFlowDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_flow_diff_view_dispose;
  object_class->get_property = lode_flow_diff_view_get_property;
  object_class->set_property = lode_flow_diff_view_set_property;
  widget_class->measure = lode_flow_diff_view_measure;
  widget_class->size_allocate = lode_flow_diff_view_size_allocate;
  widget_class->snapshot = lode_flow_diff_view_snapshot;
  widget_class->css_changed = lode_flow_diff_view_css_changed;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, LODE_BASE_YEAR, LODE_MAX_HORIZON, LODE_BASE_YEAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flowdiffview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lode_flow_diff_view_init (LodeFlowDiffView *self)
{
  self->year = LODE_BASE_YEAR;
  self->font_scale = 1.0;
  lode_palette_init_light (&self->palette, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What changed against the baseline"),
                                  -1);
}

GtkWidget *
lode_flow_diff_view_new (void)
{
  return g_object_new (LODE_TYPE_FLOW_DIFF_VIEW, NULL);
}

void
lode_flow_diff_view_set_projections (LodeFlowDiffView *self,
                                     LodeProjection   *projection,
                                     LodeProjection   *baseline)
{
  gboolean new_dataset;

  g_return_if_fail (LODE_IS_FLOW_DIFF_VIEW (self));

  if (projection == self->projection && baseline == self->baseline)
    return;
  new_dataset = self->projection == NULL || projection == NULL
                || lode_projection_get_dataset (projection)
                   != lode_projection_get_dataset (self->projection);
  if (projection != NULL)
    lode_projection_ref (projection);
  if (baseline != NULL)
    lode_projection_ref (baseline);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);
  self->projection = projection;
  self->baseline = baseline;
  /* Region colours come from the dataset. */
  if (new_dataset)
    lode_widget_style_read_view_palette (GTK_WIDGET (self), projection, &self->palette);
  relayout (self);
}

int
lode_flow_diff_view_get_year (LodeFlowDiffView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_DIFF_VIEW (self), LODE_BASE_YEAR);
  return self->year;
}

void
lode_flow_diff_view_set_year (LodeFlowDiffView *self,
                              int               year)
{
  g_return_if_fail (LODE_IS_FLOW_DIFF_VIEW (self));
  g_return_if_fail (year >= LODE_BASE_YEAR && year <= LODE_MAX_HORIZON);

  if (self->year == year)
    return;
  self->year = year;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
lode_flow_diff_view_set_font_scale (LodeFlowDiffView *self,
                                    double            scale)
{
  g_return_if_fail (LODE_IS_FLOW_DIFF_VIEW (self));
  g_return_if_fail (scale >= 0.5 && scale <= 4.0);

  if (self->font_scale == scale)
    return;
  self->font_scale = scale;
  relayout (self);
}

const LodeFlowDiffLayout *
lode_flow_diff_view_get_layout (LodeFlowDiffView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_DIFF_VIEW (self), NULL);
  return self->layout;
}
