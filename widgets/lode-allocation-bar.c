/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-allocation-bar"

#include "config.h"

#include <string.h>

#include "lode-allocation-bar.h"
#include "lode-widget-style.h"

#define BAR_HEIGHT       24
#define MIN_WIDTH        100
#define NATURAL_WIDTH    300
/* Type size when the theme gives none, px. */
#define DEFAULT_FONT_PX  13.0
/* Pango's resolution when the context has none: points to pixels at 96 dpi. */
#define DEFAULT_DPI      96.0

struct _LodeAllocationBar
{
  GtkWidget             parent_instance;

  /* Owned */
  LodeAllocationLayout *layout;

  double                shares[LODE_N_ALLOC];
  LodePalette           palette;
  double                font_px;
};

G_DEFINE_FINAL_TYPE (LodeAllocationBar, lode_allocation_bar, GTK_TYPE_WIDGET)

/* The theme's text size in pixels, so the percentages read like the labels around them. */
static double
theme_font_px (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double dpi = pango_cairo_context_get_resolution (context);
  double size;

  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return DEFAULT_FONT_PX;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= (dpi > 0 ? dpi : DEFAULT_DPI) / 72.0;
  return size;
}

/* Recomputes the layout for the shares, size and type. Never called from snapshot. */
static void
relayout (LodeAllocationBar *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_clear_pointer (&self->layout, lode_allocation_layout_free);
  if (width > 0 && height > 0)
    self->layout = lode_allocation_layout_new (self->shares, width, height, self->font_px);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lode_allocation_bar_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
lode_allocation_bar_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LodeAllocationBar *self = LODE_ALLOCATION_BAR (widget);

  if (self->layout != NULL && self->layout->width == width && self->layout->height == height)
    return;
  relayout (self);
}

static void
lode_allocation_bar_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LodeAllocationBar *self = LODE_ALLOCATION_BAR (widget);
  cairo_t *cr;

  if (self->layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, self->layout->width,
                                                       self->layout->height));
  lode_allocation_paint (cr, self->layout, &self->palette);
  cairo_destroy (cr);
}

static void
lode_allocation_bar_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  LodeAllocationBar *self = LODE_ALLOCATION_BAR (widget);
  double font_px;

  GTK_WIDGET_CLASS (lode_allocation_bar_parent_class)->css_changed (widget, change);

  lode_widget_style_read_palette (widget, NULL, &self->palette);
  font_px = theme_font_px (widget);
  if (font_px != self->font_px)
    {
      self->font_px = font_px;
      relayout (self);
    }
  gtk_widget_queue_draw (widget);
}

static void
lode_allocation_bar_dispose (GObject *object)
{
  LodeAllocationBar *self = LODE_ALLOCATION_BAR (object);

  g_clear_pointer (&self->layout, lode_allocation_layout_free);

  G_OBJECT_CLASS (lode_allocation_bar_parent_class)->dispose (object);
}

static void
lode_allocation_bar_class_init (LodeAllocationBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_allocation_bar_dispose;

  widget_class->measure = lode_allocation_bar_measure;
  widget_class->size_allocate = lode_allocation_bar_size_allocate;
  widget_class->snapshot = lode_allocation_bar_snapshot;
  widget_class->css_changed = lode_allocation_bar_css_changed;

  gtk_widget_class_set_css_name (widget_class, "allocationbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lode_allocation_bar_init (LodeAllocationBar *self)
{
  self->font_px = DEFAULT_FONT_PX;
  lode_palette_init_light (&self->palette, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lode_allocation_bar_new (void)
{
  return g_object_new (LODE_TYPE_ALLOCATION_BAR, NULL);
}

void
lode_allocation_bar_set_shares (LodeAllocationBar *self,
                                const double      *shares)
{
  g_return_if_fail (LODE_IS_ALLOCATION_BAR (self));
  g_return_if_fail (shares != NULL);

  if (memcmp (self->shares, shares, sizeof self->shares) == 0)
    return;
  memcpy (self->shares, shares, sizeof self->shares);
  relayout (self);
}

const LodeAllocationLayout *
lode_allocation_bar_get_layout (LodeAllocationBar *self)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_BAR (self), NULL);
  return self->layout;
}
