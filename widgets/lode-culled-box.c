/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-culled-box"

#include "config.h"

#include "lode-culled-box.h"

/* How far past the viewport a child is still drawn: its shadows and focus ring reach outside
 * its bounds. */
#define CULL_MARGIN 32

struct _LodeCulledBox
{
  GtkWidget      parent_instance;

  /* Borrowed, while mapped: the scrolled window's vertical adjustment */
  GtkAdjustment *vadjustment;
};

G_DEFINE_FINAL_TYPE (LodeCulledBox, lode_culled_box, GTK_TYPE_WIDGET)

static GtkWidget *
find_viewport (LodeCulledBox *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
}

static void
lode_culled_box_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GtkWidget *viewport = find_viewport (LODE_CULLED_BOX (widget));
  graphene_rect_t in_sight, bounds;

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, widget, &in_sight))
    {
      GTK_WIDGET_CLASS (lode_culled_box_parent_class)->snapshot (widget, snapshot);
      return;
    }
  graphene_rect_inset (&in_sight, -CULL_MARGIN, -CULL_MARGIN);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_compute_bounds (child, widget, &bounds) &&
        graphene_rect_intersection (&in_sight, &bounds, NULL))
      gtk_widget_snapshot_child (widget, child, snapshot);
}

/* Scrolling moves the children without drawing them again, and a taller viewport shows more
 * of them: either changes which are in sight. */
static void
in_sight_changed_cb (LodeCulledBox *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_adjustment (LodeCulledBox *self,
                  GtkAdjustment *adjustment)
{
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, in_sight_changed_cb, self);
  self->vadjustment = adjustment;
  if (adjustment == NULL)
    return;
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (in_sight_changed_cb), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (in_sight_changed_cb), self);
}

static void
lode_culled_box_map (GtkWidget *widget)
{
  LodeCulledBox *self = LODE_CULLED_BOX (widget);
  GtkWidget *viewport = find_viewport (self);

  GTK_WIDGET_CLASS (lode_culled_box_parent_class)->map (widget);
  watch_adjustment (self, viewport != NULL
                          ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)) : NULL);
}

static void
lode_culled_box_unmap (GtkWidget *widget)
{
  watch_adjustment (LODE_CULLED_BOX (widget), NULL);
  GTK_WIDGET_CLASS (lode_culled_box_parent_class)->unmap (widget);
}

static void
lode_culled_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lode_culled_box_parent_class)->dispose (object);
}

static void
lode_culled_box_class_init (LodeCulledBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_culled_box_dispose;
  widget_class->snapshot = lode_culled_box_snapshot;
  widget_class->map = lode_culled_box_map;
  widget_class->unmap = lode_culled_box_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
lode_culled_box_init (LodeCulledBox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
lode_culled_box_new (void)
{
  return g_object_new (LODE_TYPE_CULLED_BOX, NULL);
}
