/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-culled-box.c — LodeCulledBox in a scrolled window: it draws the children in sight and
 * leaves out the others, draws those that scrolling or a taller window brings into sight, and
 * keeps every child mapped (focusable, accessible) either way. */

#define G_LOG_DOMAIN "test-culled-box"

#include "config.h"

#include "lode-culled-box.h"
#include "ui-test-util.h"

#define N_CHILDREN   10
#define CHILD_HEIGHT 100
#define VIEW_WIDTH   120
#define VIEW_HEIGHT  250

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *scroller;
  GtkWidget     *children[N_CHILDREN];
  guint          drawn[N_CHILDREN];   /* times each child was drawn */
} Fixture;

/* Each child fills itself with a grey of its own, and counts its drawings. */
static void
draw_child (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  Fixture *f = user_data;
  int k = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "index"));

  f->drawn[k]++;
  cairo_set_source_rgb (cr, (k + 1) / 20.0, (k + 1) / 20.0, (k + 1) / 20.0);
  cairo_paint (cr);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = lode_culled_box_new ();

  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), VIEW_WIDTH, VIEW_HEIGHT);
  f->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (f->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_EXTERNAL);
  for (int k = 0; k < N_CHILDREN; k++)
    {
      f->children[k] = gtk_drawing_area_new ();
      g_object_set_data (G_OBJECT (f->children[k]), "index", GINT_TO_POINTER (k));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (f->children[k]), CHILD_HEIGHT);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (f->children[k]), draw_child, f, NULL);
      gtk_widget_set_parent (f->children[k], box);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scroller), box);
  gtk_window_set_child (GTK_WINDOW (f->window), f->scroller);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_test_wait_frames (f->window, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_finish_window (f->window);
}

static GtkAdjustment *
vadjustment (Fixture *f)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (f->scroller));
}

/* Whether child k lies within [top, bottom) of the box, give or take the cull margin. */
static gboolean
in_sight (int    k,
          double top,
          double bottom)
{
  return k * CHILD_HEIGHT < bottom + 32 && (k + 1) * CHILD_HEIGHT > top - 32;
}

static void
check_drawn_in (Fixture *f,
                double   top,
                double   bottom)
{
  for (int k = 0; k < N_CHILDREN; k++)
    {
      g_test_message ("child %d: drawn %u times, in sight of %g..%g: %d", k, f->drawn[k], top,
                      bottom, in_sight (k, top, bottom));
      if (in_sight (k, top, bottom))
        g_assert_cmpuint (f->drawn[k], >, 0);
      /* Mapped whether drawn or not: focus and accessibility see every child. */
      g_assert_true (gtk_widget_get_mapped (f->children[k]));
    }
}

static void
test_draws_only_children_in_sight (Fixture       *f,
                                   gconstpointer  data)
{
  int height = gtk_widget_get_height (f->scroller);

  g_assert_cmpint (height, >=, CHILD_HEIGHT);
  g_assert_cmpint (height, <, N_CHILDREN * CHILD_HEIGHT / 2);
  check_drawn_in (f, 0, height);
  for (int k = 0; k < N_CHILDREN; k++)
    if (!in_sight (k, 0, height))
      g_assert_cmpuint (f->drawn[k], ==, 0);
}

static void
test_scrolling_draws_what_comes_into_sight (Fixture       *f,
                                            gconstpointer  data)
{
  GtkAdjustment *adj = vadjustment (f);
  double bottom = gtk_adjustment_get_upper (adj);
  double top = bottom - gtk_adjustment_get_page_size (adj);
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;
  int width, height;
  guint8 grey;

  g_assert_cmpuint (f->drawn[N_CHILDREN - 1], ==, 0);
  gtk_adjustment_set_value (adj, top);
  ui_test_wait_frames (f->window, 3);
  check_drawn_in (f, top, bottom);

  /* What the window shows at the bottom is the last child's grey. */
  texture = ui_test_render (f->scroller);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  grey = (pixels[(height - 5) * width + width / 2] >> 8) & 0xff;
  g_assert_cmpint (ABS ((int) grey - (int) (255 * N_CHILDREN / 20.0)), <=, 1);
  g_free (pixels);
}

static void
test_taller_window_draws_more (Fixture       *f,
                               gconstpointer  data)
{
  int before = gtk_widget_get_height (f->scroller);

  g_assert_cmpuint (f->drawn[5], ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), VIEW_WIDTH, 3 * VIEW_HEIGHT);
  ui_test_wait_frames (f->window, 5);
  g_assert_cmpint (gtk_widget_get_height (f->scroller), >, before);
  check_drawn_in (f, 0, gtk_widget_get_height (f->scroller));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add ("/culled-box/draws-only-children-in-sight", Fixture, NULL, fixture_set_up,
              test_draws_only_children_in_sight, fixture_tear_down);
  g_test_add ("/culled-box/scrolling-draws-what-comes-into-sight", Fixture, NULL,
              fixture_set_up, test_scrolling_draws_what_comes_into_sight, fixture_tear_down);
  g_test_add ("/culled-box/taller-window-draws-more", Fixture, NULL, fixture_set_up,
              test_taller_window_draws_more, fixture_tear_down);

  return g_test_run ();
}
