/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-export-preview"

#include "config.h"

#include "lode-export-preview.h"

/* The size the preview asks for, px. */
#define PREVIEW_WIDTH  480
#define PREVIEW_HEIGHT 300

struct _LodeExportPreview
{
  GtkWidget          parent_instance;

  /* Owned: the projections and analyses (referenced) and the title (copied) of `page` */
  LodeProjection    *projection;
  LodeProjection    *baseline;
  LodeSensitivity   *sensitivity;
  LodeMarginal      *marginal;
  LodeBands         *bands;
  char              *title;

  LodeExportRequest  page;
  gboolean           has_page;
  int                page_width;
  int                page_height;
};

G_DEFINE_FINAL_TYPE (LodeExportPreview, lode_export_preview, GTK_TYPE_WIDGET)

static void
clear_page (LodeExportPreview *self)
{
  self->has_page = FALSE;
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);
  g_clear_pointer (&self->sensitivity, lode_sensitivity_unref);
  g_clear_pointer (&self->marginal, lode_marginal_unref);
  g_clear_pointer (&self->bands, lode_bands_unref);
  g_clear_pointer (&self->title, g_free);
}

static void
lode_export_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? PREVIEW_WIDTH
                                                                  : PREVIEW_HEIGHT;
}

static void
lode_export_preview_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LodeExportPreview *self = LODE_EXPORT_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (!self->has_page || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lode_export_paint_preview (cr, &self->page, self->page_width, self->page_height, width,
                             height);
  cairo_destroy (cr);
}

static void
lode_export_preview_dispose (GObject *object)
{
  clear_page (LODE_EXPORT_PREVIEW (object));

  G_OBJECT_CLASS (lode_export_preview_parent_class)->dispose (object);
}

static void
lode_export_preview_class_init (LodeExportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_export_preview_dispose;
  widget_class->measure = lode_export_preview_measure;
  widget_class->snapshot = lode_export_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "exportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lode_export_preview_init (LodeExportPreview *self)
{
}

GtkWidget *
lode_export_preview_new (void)
{
  return g_object_new (LODE_TYPE_EXPORT_PREVIEW, NULL);
}

void
lode_export_preview_set_page (LodeExportPreview       *self,
                              const LodeExportRequest *req,
                              int                      page_width,
                              int                      page_height)
{
  g_return_if_fail (LODE_IS_EXPORT_PREVIEW (self));
  g_return_if_fail (req == NULL || req->projection != NULL);

  clear_page (self);
  if (req != NULL)
    {
      self->page = *req;
      self->projection = lode_projection_ref ((LodeProjection *) req->projection);
      self->baseline = req->baseline != NULL
                       ? lode_projection_ref ((LodeProjection *) req->baseline) : NULL;
      /* The analyses are replaced when new ones are made: keep these alive. */
      if (req->sensitivity != NULL)
        self->sensitivity = lode_sensitivity_ref ((LodeSensitivity *) req->sensitivity);
      if (req->marginal != NULL)
        self->marginal = lode_marginal_ref ((LodeMarginal *) req->marginal);
      if (req->bands != NULL)
        self->bands = lode_bands_ref ((LodeBands *) req->bands);
      self->title = g_strdup (req->title);
      self->page.projection = self->projection;
      self->page.baseline = self->baseline;
      self->page.sensitivity = self->sensitivity;
      self->page.marginal = self->marginal;
      self->page.bands = self->bands;
      self->page.title = self->title;
      self->page_width = page_width;
      self->page_height = page_height;
      self->has_page = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const LodeExportRequest *
lode_export_preview_get_page (LodeExportPreview *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_PREVIEW (self), NULL);
  return self->has_page ? &self->page : NULL;
}
