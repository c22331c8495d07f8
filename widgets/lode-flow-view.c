/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-flow-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-paint.h"
#include "lode-flow-view.h"
#include "lode-raster.h"
#include "lode-widget-style.h"

struct _LodeFlowView
{
  GtkWidget       parent_instance;

  /* Owned */
  LodeProjection    *projection;
  LodeFlowLayout    *layout;
  LodeFlowHighlight *highlight;   /* hover and selection, drawn over `painted` */
  GskRenderNode     *painted;     /* the layout painted; kept while only hover changes */
  char              *description;
  LodePalette        palette;

  double          year;
  double          font_scale;
  LodeFlowMaterial material;
  int             layout_width;
  int             layout_height;
  int             hover_node;
  int             hover_ribbon;
  int             selected;      /* node index, kept across years */
  int             bottleneck_stage;
};

G_DEFINE_FINAL_TYPE (LodeFlowView, lode_flow_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECTION,
  PROP_YEAR,
  PROP_FONT_SCALE,
  PROP_MATERIAL,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */

static void
update_description (LodeFlowView *self)
{
  g_autofree char *text = NULL;

  if (self->layout == NULL)
    return;
  text = lode_flow_layout_describe (self->layout);
  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* What hover and selection emphasise: recomputed on every change of either, the layout and
 * its painting stay as they are. */
static void
update_highlight (LodeFlowView *self)
{
  g_clear_pointer (&self->highlight, lode_flow_highlight_free);
  if (self->layout != NULL)
    self->highlight = lode_flow_highlight_new (self->layout, self->hover_node, self->hover_ribbon,
                                               self->selected);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Recomputes the layout for the current data, year and size: on a change, never in snapshot. */
static void
relayout (LodeFlowView *self)
{
  LodeFlowOptions options;

  if (self->layout_width <= 0 || self->layout_height <= 0)
    return;
  lode_flow_options_init (&options);
  options.font_scale = self->font_scale;
  lode_flow_options_set_view_material (&options, self->material);
  options.bottleneck_stage = self->bottleneck_stage;
  self->hover_ribbon = -1;  /* ribbon indices change with the year */
  g_clear_pointer (&self->painted, gsk_render_node_unref);
  g_clear_pointer (&self->layout, lode_flow_layout_free);
  self->layout = lode_flow_layout_new (self->projection, self->year, self->layout_width,
                                       self->layout_height, &options);
  update_description (self);
  update_highlight (self);
}

static void
read_palette (LodeFlowView *self)
{
  LodeDataset *dataset = self->projection != NULL
                         ? lode_projection_get_dataset (self->projection) : NULL;

  lode_widget_style_read_palette (GTK_WIDGET (self), dataset, &self->palette);
}

static void
set_hover (LodeFlowView *self,
           int           node,
           int           ribbon)
{
  if (node == self->hover_node && ribbon == self->hover_ribbon)
    return;
  self->hover_node = node;
  self->hover_ribbon = ribbon;
  update_highlight (self);
}

static void
set_selected (LodeFlowView *self,
              int           node)
{
  if (node == self->selected)
    return;
  self->selected = node;
  update_highlight (self);
}

static void
activate_node (LodeFlowView *self,
               int           index)
{
  const LodeFlowNode *node;

  if (self->layout == NULL || index < 0
      || index >= (int) lode_flow_layout_get_n_nodes (self->layout))
    return;
  node = lode_flow_layout_get_node (self->layout, index);
  if (!node->visible)
    return;
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node->column, node->region);
}

/* The visible node next to `from` in direction (dx, dy); the first visible node if none. */
static int
neighbour (LodeFlowView *self,
           int           from,
           int           dx,
           int           dy)
{
  const LodeFlowLayout *layout = self->layout;
  const LodeFlowNode *cur;
  guint order[LODE_MAX_REGIONS];
  guint n;
  int best = -1;

  if (layout == NULL)
    return -1;
  if (from < 0 || !lode_flow_layout_get_node (layout, from)->visible)
    {
      for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
        {
          n = lode_flow_layout_get_order (layout, c, order);
          for (guint k = 0; k < n; k++)
            {
              int q = lode_flow_layout_node_index (layout, c, order[k]);

              if (lode_flow_layout_get_node (layout, q)->visible)
                return q;
            }
        }
      return -1;
    }

  cur = lode_flow_layout_get_node (layout, from);
  if (dy != 0)
    {
      int pos = -1;

      n = lode_flow_layout_get_order (layout, cur->column, order);
      for (guint k = 0; k < n; k++)
        if (order[k] == cur->region)
          pos = (int) k;
      for (int k = pos + dy; k >= 0 && k < (int) n; k += dy)
        {
          int q = lode_flow_layout_node_index (layout, cur->column, order[k]);

          if (lode_flow_layout_get_node (layout, q)->visible)
            return q;
        }
      return from;
    }

  /* Left / right: the nearest visible node (by height) in the next column that has one. */
  for (int c = cur->column + dx; c >= 0 && c < LODE_FLOW_N_COLUMNS; c += dx)
    {
      double cy = cur->rect.y + cur->rect.height / 2, best_d = G_MAXDOUBLE;

      n = lode_flow_layout_get_order (layout, c, order);
      for (guint k = 0; k < n; k++)
        {
          int q = lode_flow_layout_node_index (layout, c, order[k]);
          const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
          double d;

          if (!node->visible)
            continue;
          d = fabs (node->rect.y + node->rect.height / 2 - cy);
          if (d < best_d)
            {
              best_d = d;
              best = q;
            }
        }
      if (best >= 0)
        return best;
    }
  return from;
}

/* ---------------------------------------------------------------------------------------- */
/* Callbacks and actions                                                                    */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LodeFlowView             *self)
{
  int node = -1, ribbon = -1;

  if (self->layout != NULL)
    {
      node = lode_flow_layout_node_at (self->layout, x, y);
      if (node < 0)
        ribbon = lode_flow_layout_ribbon_at (self->layout, x, y);
    }
  set_hover (self, node, ribbon);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LodeFlowView             *self)
{
  set_hover (self, -1, -1);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LodeFlowView    *self)
{
  int node;

  if (self->layout == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  node = lode_flow_layout_node_at (self->layout, x, y);
  set_selected (self, node);
  if (node >= 0)
    activate_node (self, node);
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  LodeFlowView *self)
{
  g_autofree char *text = NULL;
  int node;

  if (self->layout == NULL)
    return FALSE;
  node = keyboard ? self->selected : lode_flow_layout_node_at (self->layout, x, y);
  if (node >= 0)
    {
      const LodeFlowRect *r = &lode_flow_layout_get_node (self->layout, node)->rect;

      text = lode_flow_layout_describe_node (self->layout, node);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (r->x) - 4,
                                                           (int) floor (r->y),
                                                           (int) ceil (r->width) + 8,
                                                           (int) ceil (r->height) });
    }
  else if (!keyboard)
    {
      int ribbon = lode_flow_layout_ribbon_at (self->layout, x, y);

      text = lode_flow_layout_describe_ribbon (self->layout, ribbon);
      /* A small area, so the tooltip follows the pointer from ribbon to ribbon. */
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 2, y - 2, 4, 4 });
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeFlowView *self = LODE_FLOW_VIEW (widget);
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (self->selected < 0 || self->layout == NULL
      || !lode_flow_layout_get_node (self->layout, self->selected)->visible)
    set_selected (self, neighbour (self, -1, 0, 0));
  else
    set_selected (self, neighbour (self, self->selected, dx, dy));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LodeFlowView *self = LODE_FLOW_VIEW (widget);

  if (self->selected < 0)
    set_selected (self, neighbour (self, -1, 0, 0));
  activate_node (self, self->selected);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_selected (LODE_FLOW_VIEW (widget), -1);
}

/* ---------------------------------------------------------------------------------------- */
/* GtkWidget                                                                                */

static void
lode_flow_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 800;
    }
  else
    {
      *minimum = 240;
      *natural = 500;
    }
}

static void
lode_flow_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  LodeFlowView *self = LODE_FLOW_VIEW (widget);

  if (width == self->layout_width && height == self->layout_height && self->layout != NULL)
    return;
  self->layout_width = width;
  self->layout_height = height;
  relayout (self);
}

/* The layout is rasterised once and the node reused by every frame until the layout, the
 * colours or the scale change: hover only adds its overlay. */
static void
paint_flow (cairo_t  *cr,
            gpointer  user_data)
{
  LodeFlowView *self = user_data;

  lode_flow_paint (cr, self->layout, &self->palette);
}

static void
lode_flow_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LodeFlowView *self = LODE_FLOW_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  if (self->painted == NULL)
    self->painted = lode_raster_paint_node (widget, width, height, paint_flow, self);
  gtk_snapshot_append_node (snapshot, self->painted);
  if (self->highlight == NULL || lode_flow_highlight_is_empty (self->highlight))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lode_flow_paint_highlight (cr, self->layout, self->highlight, &self->palette);
  cairo_destroy (cr);
}

static void
lode_flow_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  LodeFlowView *self = LODE_FLOW_VIEW (widget);

  GTK_WIDGET_CLASS (lode_flow_view_parent_class)->css_changed (widget, change);
  read_palette (self);
  g_clear_pointer (&self->painted, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
lode_flow_view_dispose (GObject *object)
{
  LodeFlowView *self = LODE_FLOW_VIEW (object);

  g_clear_pointer (&self->painted, gsk_render_node_unref);
  g_clear_pointer (&self->highlight, lode_flow_highlight_free);
  g_clear_pointer (&self->layout, lode_flow_layout_free);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lode_flow_view_parent_class)->dispose (object);
}

static void
lode_flow_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LodeFlowView *self = LODE_FLOW_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECTION:
      g_value_set_boxed (value, self->projection);
      break;
    case PROP_YEAR:
      g_value_set_double (value, self->year);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;
    case PROP_MATERIAL:
      g_value_set_int (value, self->material);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_flow_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LodeFlowView *self = LODE_FLOW_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECTION:
      lode_flow_view_set_projection (self, g_value_get_boxed (value));
      break;
    case PROP_YEAR:
      lode_flow_view_set_year (self, g_value_get_double (value));
      break;
    case PROP_FONT_SCALE:
      lode_flow_view_set_font_scale (self, g_value_get_double (value));
      break;
    case PROP_MATERIAL:
      lode_flow_view_set_material (self, (LodeFlowMaterial) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_flow_view_class_init (LodeFlowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_flow_view_dispose;
  object_class->get_property = lode_flow_view_get_property;
  object_class->set_property = lode_flow_view_set_property;

  widget_class->measure = lode_flow_view_measure;
  widget_class->size_allocate = lode_flow_view_size_allocate;
  widget_class->snapshot = lode_flow_view_snapshot;
  widget_class->css_changed = lode_flow_view_css_changed;

  properties[PROP_PROJECTION] =
    g_param_spec_boxed ("projection", NULL, NULL,
                        lode_projection_get_type (),
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_double ("year", NULL, NULL,
                         LODE_BASE_YEAR, LODE_MAX_HORIZON, LODE_BASE_YEAR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL,
                         0.5, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATERIAL] =
    g_param_spec_int ("material", NULL, NULL,
                      0, LODE_FLOW_N_MATERIALS - 1, LODE_FLOW_MATERIAL_NDPR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  /* The keyboard: arrows move the selection, Enter activates it, Escape clears it. */
  gtk_widget_class_install_action (widget_class, "flow.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "flow.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "flow.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "flow.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "flow.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "flow.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "flow.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "flow.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "flow.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "flow.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "flow.clear", NULL);

  gtk_widget_class_set_css_name (widget_class, "flowview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lode_flow_view_init (LodeFlowView *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->year = LODE_BASE_YEAR;
  self->font_scale = 1.0;
  self->hover_node = -1;
  self->hover_ribbon = -1;
  self->selected = -1;
  self->bottleneck_stage = LODE_FLOW_BOTTLENECK_MODEL;
  lode_palette_init_light (&self->palette, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  lode_raster_forget_on_scale (GTK_WIDGET (self), &self->painted);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Flow diagram of the rare-earth chain, mine to magnet"),
                                  -1);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

GtkWidget *
lode_flow_view_new (void)
{
  return g_object_new (LODE_TYPE_FLOW_VIEW, NULL);
}

void
lode_flow_view_set_projection (LodeFlowView   *self,
                               LodeProjection *projection)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));

  if (projection == self->projection)
    return;
  if (projection != NULL)
    lode_projection_ref (projection);
  g_clear_pointer (&self->projection, lode_projection_unref);
  self->projection = projection;
  read_palette (self);
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTION]);
}

LodeProjection *
lode_flow_view_get_projection (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), NULL);
  return self->projection;
}

void
lode_flow_view_set_year (LodeFlowView *self,
                         double        year)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));

  year = CLAMP (year, LODE_BASE_YEAR, LODE_MAX_HORIZON);
  if (year == self->year)
    return;
  self->year = year;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

double
lode_flow_view_get_year (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), 0);
  return self->year;
}

void
lode_flow_view_set_font_scale (LodeFlowView *self,
                               double        scale)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));

  scale = CLAMP (scale, 0.5, 4.0);
  if (scale == self->font_scale)
    return;
  self->font_scale = scale;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

double
lode_flow_view_get_font_scale (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), 1.0);
  return self->font_scale;
}

void
lode_flow_view_set_material (LodeFlowView     *self,
                             LodeFlowMaterial  material)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));
  g_return_if_fail ((guint) material < LODE_FLOW_N_MATERIALS);

  if (material == self->material)
    return;
  self->material = material;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIAL]);
}

LodeFlowMaterial
lode_flow_view_get_material (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), LODE_FLOW_MATERIAL_NDPR);
  return self->material;
}

void
lode_flow_view_set_bottleneck_stage (LodeFlowView *self,
                                     int           stage)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));
  g_return_if_fail (stage >= LODE_FLOW_BOTTLENECK_MODEL && stage < LODE_N_STAGES);

  if (self->bottleneck_stage == stage)
    return;
  self->bottleneck_stage = stage;
  relayout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
lode_flow_view_get_selected_node (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), -1);
  return self->selected;
}

void
lode_flow_view_select_node (LodeFlowView *self,
                            int           stage,
                            guint         region)
{
  g_return_if_fail (LODE_IS_FLOW_VIEW (self));

  if (stage < 0 || self->layout == NULL)
    {
      set_selected (self, -1);
      return;
    }
  set_selected (self, lode_flow_layout_node_index (self->layout, stage, region));
}

const LodeFlowLayout *
lode_flow_view_get_layout (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), NULL);
  return self->layout;
}

const char *
lode_flow_view_get_description (LodeFlowView *self)
{
  g_return_val_if_fail (LODE_IS_FLOW_VIEW (self), NULL);
  return self->description;
}
