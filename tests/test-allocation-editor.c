/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-allocation-editor.c — LodeAllocationEditor and its bar: the document property, moves
 * that keep the sum and the locks, a drag as one step, the money per share, and the bar
 * painting each share in its colour. */

#define G_LOG_DOMAIN "test-allocation-editor"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-allocation-bar.h"
#include "lode-allocation-editor.h"
#include "ui-test-util.h"

typedef struct
{
  LodeDataset          *dataset;
  LodeDocument         *document;
  GtkWidget            *window;
  LodeAllocationEditor *editor;
} Fixture;

static LodeDataset *shared_dataset;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = lode_dataset_ref (shared_dataset);
  f->document = lode_document_new (f->dataset);
  g_assert_true (lode_document_new_from_preset (f->document, "baseline", &error));
  g_assert_no_error (error);
  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 700);
  f->editor = g_object_ref_sink (LODE_ALLOCATION_EDITOR (lode_allocation_editor_new ()));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  lode_allocation_editor_set_document (f->editor, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_finish_window (f->window);
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->document);
  lode_dataset_unref (f->dataset);
}

static LodeScenario *
scenario_of (Fixture *f)
{
  return lode_document_get_scenario (f->document);
}

static void
test_properties (void)
{
  GtkWidget *editor = g_object_ref_sink (lode_allocation_editor_new ());
  g_autoptr(LodeDocument) document = lode_document_new (shared_dataset);
  g_auto(GValue) value = G_VALUE_INIT;
  double shares[LODE_N_ALLOC];

  g_value_init (&value, LODE_TYPE_DOCUMENT);
  g_value_set_object (&value, document);
  ui_test_check_property (editor, "document", &value);
  /* Without a document it shows the levers' defaults. */
  lode_allocation_editor_get_shares (LODE_ALLOCATION_EDITOR (editor), shares);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    g_assert_cmpfloat (shares[i], ==, lode_lever_info (LODE_LEVER_ALLOC_FIRST + i)->default_value);
  g_assert_finalize_object (editor);
}

static void
check_allocation (LodeAllocationEditor *editor,
                  LodeScenario         *scenario,
                  const double          before[LODE_N_ALLOC])
{
  double shares[LODE_N_ALLOC];
  double sum = 0.0;

  lode_allocation_editor_get_shares (editor, shares);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_assert_cmpfloat (shares[i], >=, 0.0);
      g_assert_cmpfloat (shares[i], <=, 100.0);
      sum += shares[i];
      if (lode_allocation_editor_get_locked (editor, i))
        g_assert_cmpfloat (shares[i], ==, before[i]);
      /* The rows show what the scenario holds. */
      g_assert_cmpfloat (lode_lever_row_get_value (lode_allocation_editor_get_row (editor, i)),
                         ==, shares[i]);
      g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_ALLOC_FIRST + i), ==,
                         shares[i]);
    }
  g_assert_cmpfloat_with_epsilon (sum, 100.0, 1e-9);
}

static void
test_allocation (Fixture       *f,
                 gconstpointer  data)
{
  LodeAllocationEditor *editor = f->editor;
  const double extremes[] = { 0.0, 100.0, -5.0, 150.0, 1e-12, 99.999999999, 50.0, 33.3 };
  double before[LODE_N_ALLOC];
  g_autofree char *summary = NULL;

  g_assert_nonnull (editor);
  g_assert_true (lode_allocation_editor_get_document (editor) == f->document);

  /* A plain move: the unlocked others rescale proportionally. */
  lode_allocation_editor_get_shares (editor, before);
  lode_allocation_editor_move (editor, 0, before[0] + 10.0);
  check_allocation (editor, scenario_of (f), before);
  {
    double after[LODE_N_ALLOC];

    lode_allocation_editor_get_shares (editor, after);
    g_assert_cmpfloat_with_epsilon (after[0], before[0] + 10.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (after[1] / after[3], before[1] / before[3], 1e-9);
  }

  /* Random sequences of locks and moves, including the extremes. */
  for (guint run = 0; run < 400; run++)
    {
      guint index = g_test_rand_int_range (0, LODE_N_ALLOC);
      double value;

      if (g_test_rand_int_range (0, 4) == 0)
        lode_allocation_editor_set_locked (editor, g_test_rand_int_range (0, LODE_N_ALLOC),
                                           g_test_rand_bit ());

      if (g_test_rand_int_range (0, 3) == 0)
        value = extremes[g_test_rand_int_range (0, G_N_ELEMENTS (extremes))];
      else
        value = g_test_rand_double_range (-10.0, 110.0);

      lode_allocation_editor_get_shares (editor, before);
      lode_allocation_editor_move (editor, index, value);
      check_allocation (editor, scenario_of (f), before);
    }

  /* Everything locked but one: that one cannot move. */
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    lode_allocation_editor_set_locked (editor, i, i != 2);
  lode_allocation_editor_get_shares (editor, before);
  lode_allocation_editor_move (editor, 2, 100.0);
  check_allocation (editor, scenario_of (f), before);
  {
    double after[LODE_N_ALLOC];

    lode_allocation_editor_get_shares (editor, after);
    g_assert_cmpfloat (after[2], ==, before[2]);
  }

  /* A locked share refuses to move, and its slider is insensitive. */
  g_assert_false (gtk_widget_get_sensitive (
                    lode_lever_row_get_scale (lode_allocation_editor_get_row (editor, 0))));
  lode_allocation_editor_move (editor, 0, 0.0);
  check_allocation (editor, scenario_of (f), before);

  /* A slider drag through a row is one step and rescales from where it began. */
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    lode_allocation_editor_set_locked (editor, i, i == 4);
  lode_allocation_editor_get_shares (editor, before);
  {
    LodeLeverRow *row = lode_allocation_editor_get_row (editor, 1);
    GtkRange *scale = GTK_RANGE (lode_lever_row_get_scale (row));
    double after[LODE_N_ALLOC];

    lode_lever_row_begin_drag (row);
    for (guint i = 0; i <= 100; i++)
      {
        double start[LODE_N_ALLOC];

        memcpy (start, before, sizeof start);
        gtk_range_set_value (scale, i);
        check_allocation (editor, scenario_of (f), start);
      }
    gtk_range_set_value (scale, before[1]);   /* back where it started */
    lode_lever_row_end_drag (row);

    lode_allocation_editor_get_shares (editor, after);
    for (guint i = 0; i < LODE_N_ALLOC; i++)
      g_assert_cmpfloat_with_epsilon (after[i], before[i], 1e-9);

    /* Drag once more, then one undo restores the exact shares from before that drag. */
    memcpy (before, after, sizeof before);
    lode_lever_row_begin_drag (row);
    gtk_range_set_value (scale, 0.0);
    gtk_range_set_value (scale, 60.0);
    lode_lever_row_end_drag (row);
    lode_document_undo (f->document);
    lode_allocation_editor_get_shares (editor, after);
    for (guint i = 0; i < LODE_N_ALLOC; i++)
      g_assert_cmpfloat (after[i], ==, before[i]);
  }

  summary = lode_allocation_editor_dup_summary (editor);
  g_assert_nonnull (strstr (summary, lode_stage_name (LODE_STAGE_MINE)));
  g_assert_nonnull (strstr (summary, "Recycling"));
  g_assert_nonnull (strstr (summary, "bn"));
}

static void
test_allocation_money (Fixture       *f,
                       gconstpointer  data)
{
  LodeAllocationEditor *editor = f->editor;
  double shares[LODE_N_ALLOC];
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (lode_scenario_set_lever (scenario_of (f), LODE_LEVER_FUND_SIZE_BUSD, 20.0,
                                          NULL));
  lode_allocation_editor_get_shares (editor, shares);
  summary = lode_allocation_editor_dup_summary (editor);
  /* Money per stage follows the fund size: 20 bn × the magnet share. */
  expected = g_strdup_printf ("$%.1f bn", 20.0 * shares[LODE_STAGE_MAGNET] / 100.0);
  g_assert_nonnull (strstr (summary, expected));
}

/* The bar shows the document's split: a segment per share in its colour, its percentage in
 * the wide ones, and a summary for assistive technology. */
static void
test_bar (Fixture       *f,
          gconstpointer  data)
{
  LodeAllocationBar *bar = LODE_ALLOCATION_BAR (lode_allocation_editor_get_bar (f->editor));
  const double split[LODE_N_ALLOC] = { 10, 40, 0, 40, 10 };
  const LodeAllocationLayout *layout;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  g_autofree char *summary = NULL;
  int width, height;

  g_assert_true (lode_scenario_set_allocation (scenario_of (f), split, NULL));
  gtk_test_widget_wait_for_draw (f->window);
  layout = lode_allocation_bar_get_layout (bar);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_segments, ==, 4);
  g_assert_cmpstr (layout->segments[1].label, ==, "40%");

  texture = ui_test_render (GTK_WIDGET (bar));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (guint i = 0; i < layout->n_segments; i++)
    {
      const LodeAllocationSegment *segment = &layout->segments[i];
      LodeRgba want = lode_palette_fund_share (segment->share);
      const guint8 *px = pixels + 4 * ((height / 5) * width
                                       + (int) (segment->x + segment->width / 2));

      g_assert_cmpint (abs (px[2] - (int) round (want.r * 255)), <=, 2);
      g_assert_cmpint (abs (px[1] - (int) round (want.g * 255)), <=, 2);
      g_assert_cmpint (abs (px[0] - (int) round (want.b * 255)), <=, 2);
    }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  /* Its tooltip is the editor's summary, made when it shows. */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (bar)));
  summary = lode_allocation_editor_dup_summary (f->editor);
  g_assert_nonnull (strstr (summary, "Separation 40%"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_init (&argc, &argv);
  shared_dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lode/allocation-editor/properties", test_properties);
#define ADD(path, func) \
  g_test_add ("/lode/allocation-editor/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("moves", test_allocation);
  ADD ("money", test_allocation_money);
  ADD ("bar", test_bar);
#undef ADD

  status = g_test_run ();
  lode_dataset_unref (shared_dataset);
  return status;
}
