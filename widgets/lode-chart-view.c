/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-chart-view"

#include "config.h"

#include <math.h>

#include "lode-chart-paint.h"
#include "lode-chart-view.h"
#include "lode-raster.h"
#include "lode-widget-style.h"

struct _LodeChartView
{
  GtkWidget         parent_instance;

  /* Owned */
  LodeProjection   *projection;
  LodeProjection   *baseline;
  LodeSensitivity  *sensitivity;
  LodeMarginal     *marginal;
  LodeBands        *bands;
  LodeChartLayout  *layout;
  LodeChartHover   *hover;          /* over the layout; NULL when the pointer is not on it */
  GskRenderNode    *painted;        /* the layout rasterised; kept while only hover changes */
  char             *description;

  LodeChartKind     kind;
  LodeChartOptions  options;
  LodePalette       palette;
  double            pointer_x;      /* < 0 when the pointer is outside */
};

G_DEFINE_FINAL_TYPE (LodeChartView, lode_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SELECTED_YEAR,
  PROP_TARGET_SHARE,
  PROP_CAPACITY_STAGE,
  PROP_MATERIAL,
  PROP_FONT_SCALE,
  N_PROPS
};

enum {
  YEAR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static LodeDataset *
dataset_of (LodeChartView *self)
{
  return self->projection != NULL ? lode_projection_get_dataset (self->projection) : NULL;
}

static void
read_palette (LodeChartView *self)
{
  lode_widget_style_read_view_palette (GTK_WIDGET (self), self->projection, &self->palette);
}

static void
update_accessible (LodeChartView *self)
{
  g_autofree char *description = NULL;

  if (self->layout == NULL)
    return;
  description = lode_chart_layout_describe (self->layout);
  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lode_chart_kind_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* The hover card for the pointer on the current layout: recomputed when the pointer moves to
 * another year, never by rebuilding the layout. */
static void
update_hover (LodeChartView *self)
{
  int year = self->layout != NULL ? lode_chart_layout_year_at (self->layout, self->pointer_x)
                                  : 0;

  if (self->pointer_x < 0)
    year = 0;
  if (year == (self->hover != NULL ? self->hover->year : 0))
    return;
  g_clear_pointer (&self->hover, lode_chart_hover_free);
  if (year != 0)
    self->hover = lode_chart_hover_new (self->layout, self->pointer_x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Recomputes the layout for the current data, size and options. Never called from snapshot. */
static void
relayout (LodeChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_clear_pointer (&self->hover, lode_chart_hover_free);
  g_clear_pointer (&self->painted, gsk_render_node_unref);
  g_clear_pointer (&self->layout, lode_chart_layout_free);
  if (width > 0 && height > 0)
    {
      self->options.sensitivity = self->sensitivity;
      self->options.marginal = self->marginal;
      self->options.bands = self->bands;
      self->layout = lode_chart_layout_new (self->kind, self->projection, self->baseline,
                                            width, height, &self->options);
      update_accessible (self);
    }
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LodeChartView            *self)
{
  /* Most motion stays inside one year's column: nothing to recompute. */
  self->pointer_x = x;
  update_hover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LodeChartView            *self)
{
  self->pointer_x = -1;
  update_hover (self);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             LodeChartView   *self)
{
  int year;

  if (self->layout == NULL)
    return;
  year = lode_chart_layout_year_at (self->layout, x);
  if (year == 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  lode_chart_view_activate_year (self, year);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LodeChartView         *self)
{
  const LodeChartLayout *layout = self->layout;
  int year;

  if (layout == NULL || layout->empty || layout->n_years <= 0)
    return FALSE;

  year = self->options.selected_year != 0 ? self->options.selected_year : layout->first_year;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      year -= self->options.selected_year != 0 ? 1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      year += self->options.selected_year != 0 ? 1 : 0;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      year = layout->first_year;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      year = layout->last_year;
      break;
    default:
      return FALSE;
    }
  lode_chart_view_activate_year (self, CLAMP (year, layout->first_year, layout->last_year));
  return TRUE;
}

/* Vfuncs */

static void
lode_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  double fs = self->options.font_scale;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (240 * fs);
      *natural = (int) ceil (800 * fs);
    }
  else
    {
      *minimum = (int) ceil (160 * fs);
      *natural = (int) ceil (300 * fs);
    }
}

static void
lode_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);

  if (self->layout != NULL && self->layout->width == width && self->layout->height == height)
    return;
  relayout (self);
}

static void
paint_chart (cairo_t  *cr,
             gpointer  user_data)
{
  LodeChartView *self = user_data;

  lode_chart_paint (cr, self->layout, &self->palette);
}

static void
lode_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  cairo_t *cr;

  if (self->layout == NULL || self->layout->width <= 0 || self->layout->height <= 0)
    return;
  if (self->painted == NULL)
    self->painted = lode_raster_paint_node (widget, (int) self->layout->width,
                                            (int) self->layout->height,
                                            paint_chart, self);
  gtk_snapshot_append_node (snapshot, self->painted);
  if (self->hover == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, self->layout->width,
                                                       self->layout->height));
  lode_chart_paint_hover (cr, self->layout, self->hover, &self->palette);
  cairo_destroy (cr);
}

static void
lode_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (lode_chart_view_parent_class)->css_changed (widget, change);
  read_palette (self);
  g_clear_pointer (&self->painted, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

static void
lode_chart_view_dispose (GObject *object)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  g_clear_pointer (&self->hover, lode_chart_hover_free);
  g_clear_pointer (&self->painted, gsk_render_node_unref);
  g_clear_pointer (&self->layout, lode_chart_layout_free);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);
  g_clear_pointer (&self->sensitivity, lode_sensitivity_unref);
  g_clear_pointer (&self->marginal, lode_marginal_unref);
  g_clear_pointer (&self->bands, lode_bands_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lode_chart_view_parent_class)->dispose (object);
}

static void
lode_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SELECTED_YEAR:
      g_value_set_int (value, self->options.selected_year);
      break;
    case PROP_TARGET_SHARE:
      g_value_set_double (value, self->options.target_share);
      break;
    case PROP_CAPACITY_STAGE:
      g_value_set_int (value, self->options.capacity_stage);
      break;
    case PROP_MATERIAL:
      g_value_set_int (value, self->options.material);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->options.font_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lode_chart_view_set_kind (self, (LodeChartKind) g_value_get_int (value));
      break;
    case PROP_SELECTED_YEAR:
      lode_chart_view_set_selected_year (self, g_value_get_int (value));
      break;
    case PROP_TARGET_SHARE:
      lode_chart_view_set_target_share (self, g_value_get_double (value));
      break;
    case PROP_CAPACITY_STAGE:
      lode_chart_view_set_capacity_stage (self, (LodeStage) g_value_get_int (value));
      break;
    case PROP_MATERIAL:
      lode_chart_view_set_material (self, (LodeMaterial) g_value_get_int (value));
      break;
    case PROP_FONT_SCALE:
      lode_chart_view_set_font_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_view_class_init (LodeChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_chart_view_dispose;
  object_class->get_property = lode_chart_view_get_property;
  object_class->set_property = lode_chart_view_set_property;

  widget_class->measure = lode_chart_view_measure;
  widget_class->size_allocate = lode_chart_view_size_allocate;
  widget_class->snapshot = lode_chart_view_snapshot;
  widget_class->css_changed = lode_chart_view_css_changed;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, LODE_N_CHARTS - 1, LODE_CHART_CHINA_FREE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_YEAR] =
    g_param_spec_int ("selected-year", NULL, NULL,
                      0, LODE_MAX_HORIZON, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_SHARE] =
    g_param_spec_double ("target-share", NULL, NULL,
                         0.0, 1.0, 0.5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY_STAGE] =
    g_param_spec_int ("capacity-stage", NULL, NULL,
                      0, LODE_N_STAGES - 1, LODE_STAGE_SEPARATION,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATERIAL] =
    g_param_spec_int ("material", NULL, NULL,
                      0, LODE_N_MATERIALS - 1, LODE_MATERIAL_NDPR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL,
                         0.5, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LodeChartView::year-activated:
   * @year: the year the user clicked or chose with the keyboard
   */
  signals[YEAR_ACTIVATED] =
    g_signal_new ("year-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lode_chart_view_init (LodeChartView *self)
{
  GtkEventController *motion;
  GtkEventController *key;
  GtkGesture *click;

  self->kind = LODE_CHART_CHINA_FREE;
  self->pointer_x = -1;
  lode_chart_options_init (&self->options);
  lode_palette_init_light (&self->palette, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  lode_raster_forget_on_scale (GTK_WIDGET (self), &self->painted);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lode_chart_kind_title (self->kind),
                                  -1);
}

/* Public API */

GtkWidget *
lode_chart_view_new (void)
{
  return g_object_new (LODE_TYPE_CHART_VIEW, NULL);
}

void
lode_chart_view_set_projections (LodeChartView  *self,
                                 LodeProjection *projection,
                                 LodeProjection *baseline)
{
  LodeDataset *old_dataset;

  g_return_if_fail (LODE_IS_CHART_VIEW (self));

  if (projection == self->projection && baseline == self->baseline)
    return;

  old_dataset = dataset_of (self);
  if (projection != NULL)
    lode_projection_ref (projection);
  if (baseline != NULL)
    lode_projection_ref (baseline);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);
  self->projection = projection;
  self->baseline = baseline;

  /* Region colours come from the dataset. */
  if (dataset_of (self) != old_dataset)
    read_palette (self);
  relayout (self);
}

LodeProjection *
lode_chart_view_get_projection (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), NULL);
  return self->projection;
}

LodeProjection *
lode_chart_view_get_baseline (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), NULL);
  return self->baseline;
}

LodeChartKind
lode_chart_view_get_kind (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), LODE_CHART_CHINA_FREE);
  return self->kind;
}

void
lode_chart_view_set_kind (LodeChartView *self,
                          LodeChartKind  kind)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail ((guint) kind < LODE_N_CHARTS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  /* The label changes with the kind, even before the first allocation. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_kind_title (kind),
                                  -1);
  g_clear_pointer (&self->description, g_free);
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
lode_chart_view_get_selected_year (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), 0);
  return self->options.selected_year;
}

void
lode_chart_view_set_selected_year (LodeChartView *self,
                                   int            year)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (year >= 0 && year <= LODE_MAX_HORIZON);

  if (self->options.selected_year == year)
    return;
  self->options.selected_year = year;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_YEAR]);
}

double
lode_chart_view_get_target_share (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), 0.5);
  return self->options.target_share;
}

void
lode_chart_view_set_target_share (LodeChartView *self,
                                  double         share)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (share >= 0.0 && share <= 1.0);

  if (self->options.target_share == share)
    return;
  self->options.target_share = share;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_SHARE]);
}

LodeStage
lode_chart_view_get_capacity_stage (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), LODE_STAGE_SEPARATION);
  return self->options.capacity_stage;
}

void
lode_chart_view_set_capacity_stage (LodeChartView *self,
                                    LodeStage      stage)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail ((guint) stage < LODE_N_STAGES);

  if (self->options.capacity_stage == stage)
    return;
  self->options.capacity_stage = stage;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY_STAGE]);
}

LodeMaterial
lode_chart_view_get_material (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), LODE_MATERIAL_NDPR);
  return self->options.material;
}

void
lode_chart_view_set_material (LodeChartView *self,
                              LodeMaterial   material)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail ((guint) material < LODE_N_MATERIALS);

  if (self->options.material == material)
    return;
  self->options.material = material;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIAL]);
}

double
lode_chart_view_get_font_scale (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), 1.0);
  return self->options.font_scale;
}

void
lode_chart_view_set_font_scale (LodeChartView *self,
                                double         scale)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (scale >= 0.5 && scale <= 4.0);

  if (self->options.font_scale == scale)
    return;
  self->options.font_scale = scale;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

void
lode_chart_view_set_price_floor (LodeChartView        *self,
                                 const LodePriceFloor *floor)
{
  LodePriceFloor shown;

  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (floor != NULL);

  shown = *floor;
  if (!isfinite (shown.usd_kg) || shown.usd_kg < 0)
    shown.usd_kg = 0;
  if (self->options.price_floor.usd_kg == shown.usd_kg
      && self->options.price_floor.start_year == shown.start_year
      && self->options.price_floor.years == shown.years)
    return;
  self->options.price_floor = shown;
  relayout (self);
}

void
lode_chart_view_set_analyses (LodeChartView   *self,
                              LodeSensitivity *sensitivity,
                              LodeMarginal    *marginal,
                              LodeBands       *bands)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));

  if (sensitivity == self->sensitivity && marginal == self->marginal && bands == self->bands)
    return;
  if (sensitivity != NULL)
    lode_sensitivity_ref (sensitivity);
  if (marginal != NULL)
    lode_marginal_ref (marginal);
  if (bands != NULL)
    lode_bands_ref (bands);
  g_clear_pointer (&self->sensitivity, lode_sensitivity_unref);
  g_clear_pointer (&self->marginal, lode_marginal_unref);
  g_clear_pointer (&self->bands, lode_bands_unref);
  self->sensitivity = sensitivity;
  self->marginal = marginal;
  self->bands = bands;
  relayout (self);
}

void
lode_chart_view_set_show_title (LodeChartView *self,
                                gboolean       show_title)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));

  show_title = !!show_title;
  if (self->options.show_title == show_title)
    return;
  self->options.show_title = show_title;
  relayout (self);
}

void
lode_chart_view_activate_year (LodeChartView *self,
                               int            year)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (year > 0 && year <= LODE_MAX_HORIZON);

  lode_chart_view_set_selected_year (self, year);
  g_signal_emit (self, signals[YEAR_ACTIVATED], 0, year);
}

const LodeChartLayout *
lode_chart_view_get_layout (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), NULL);
  return self->layout;
}

const LodeChartHover *
lode_chart_view_get_hover (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), NULL);
  return self->hover;
}
