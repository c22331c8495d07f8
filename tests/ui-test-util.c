/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.c — the start, the end and the checks every UI test shares. */

#define G_LOG_DOMAIN "ui-test-util"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ui-test-util.h"

void
ui_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
ui_test_init_in_language (int         *argc,
                          char      ***argv,
                          const char  *language)
{
  const char *localedir = g_getenv ("LODESTONE_LOCALEDIR");

  /* With a UTF-8 locale: glibc ignores LANGUAGE under LC_ALL=C. */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_disable_setlocale ();
  ui_test_init (argc, argv);
}

LodeApplication *
ui_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  LodeApplication *app = lode_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

int
ui_test_run_with_app (LodeApplication *app)
{
  int status = g_test_run ();

  g_object_unref (app);
  return status;
}

void
ui_test_finish_window (gpointer window)
{
  g_assert_true (GTK_IS_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

void
ui_test_wait_frames (GtkWidget *widget,
                     guint      n)
{
  for (guint i = 0; i < n; i++)
    gtk_test_widget_wait_for_draw (widget);
}

GdkTexture *
ui_test_render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GskRenderNode *node;
  GdkTexture *texture;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_object_unref (paintable);
  return texture;
}

guint
ui_test_count_differences_from_paint (GtkWidget *widget,
                                      void     (*paint) (cairo_t  *cr,
                                                         gpointer  data),
                                      gpointer   data)
{
  g_autoptr(GdkTexture) texture = ui_test_render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int stride = cairo_image_surface_get_stride (image);
  g_autofree guchar *shown = g_malloc ((gsize) stride * height);
  const guchar *painted;
  cairo_t *cr = cairo_create (image);
  guint n = 0;

  paint (cr, data);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  painted = cairo_image_surface_get_data (image);
  /* Both are premultiplied ARGB in native byte order. */
  gdk_texture_download (texture, shown, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (shown + y * stride + 4 * x, painted + y * stride + 4 * x, 4) != 0)
        n++;
  cairo_surface_destroy (image);
  return n;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *n)
{
  (*n)++;
}

static void
assert_reads (gpointer      object,
              GParamSpec   *pspec,
              const GValue *expected)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  if (g_param_values_cmp (pspec, &value, expected) != 0)
    {
      g_autofree char *got = g_strdup_value_contents (&value);
      g_autofree char *want = g_strdup_value_contents (expected);

      g_error ("%s:%s reads %s, not %s", G_OBJECT_TYPE_NAME (object), pspec->name, got, want);
    }
}

void
ui_test_check_property (gpointer      object,
                        const char   *name,
                        const GValue *other)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_auto(GValue) initial = G_VALUE_INIT;
  g_autofree char *signal = g_strconcat ("notify::", name, NULL);
  guint n = 0;
  gulong id;

  g_assert_nonnull (pspec);
  g_test_message ("property %s:%s", G_OBJECT_TYPE_NAME (object), name);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_true (pspec->flags & G_PARAM_READWRITE);

  /* The default. */
  g_value_init (&initial, pspec->value_type);
  g_object_get_property (object, name, &initial);
  g_assert_true (g_param_value_defaults (pspec, &initial));

  id = g_signal_connect (object, signal, G_CALLBACK (count_cb), &n);
  /* The value it has: nothing changes, nothing is said. */
  g_object_set_property (object, name, &initial);
  g_assert_cmpuint (n, ==, 0);
  /* Another: exactly one notification, and it reads back. */
  g_object_set_property (object, name, other);
  g_assert_cmpuint (n, ==, 1);
  assert_reads (object, pspec, other);
  g_object_set_property (object, name, other);
  g_assert_cmpuint (n, ==, 1);
  /* Back to the default. */
  g_object_set_property (object, name, &initial);
  g_assert_cmpuint (n, ==, 2);
  assert_reads (object, pspec, &initial);
  g_signal_handler_disconnect (object, id);
}

void
ui_test_check_construct_property (gpointer      object,
                                  const char   *name,
                                  const GValue *expected)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  assert_reads (object, pspec, expected);
}
