/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lever-row.c — LodeLeverRow: its properties, what it reports ("edited" only for what the
 * user does, a gesture as one drag), its reset button, its texts. */

#define G_LOG_DOMAIN "test-lever-row"

#include "config.h"

#include <string.h>

#include "lode-lever-row.h"
#include "lode-lever-track.h"
#include "lode-tooltip.h"
#include "ui-test-util.h"

typedef struct
{
  guint  edited;
  double last;
  guint  drag_begin;
  guint  drag_end;
} Log;

static void
edited_cb (LodeLeverRow *row,
           double        value,
           Log          *log)
{
  log->edited++;
  log->last = value;
}

static void
drag_begin_cb (LodeLeverRow *row,
               Log          *log)
{
  log->drag_begin++;
}

static void
drag_end_cb (LodeLeverRow *row,
             Log          *log)
{
  log->drag_end++;
}

static LodeLeverRow *
new_row (const char *id,
         Log        *log)
{
  LodeLeverRow *row = g_object_ref_sink (g_object_new (LODE_TYPE_LEVER_ROW, "lever-id", id,
                                                       NULL));

  g_signal_connect (row, "edited", G_CALLBACK (edited_cb), log);
  g_signal_connect (row, "drag-begin", G_CALLBACK (drag_begin_cb), log);
  g_signal_connect (row, "drag-end", G_CALLBACK (drag_end_cb), log);
  return row;
}

static void
test_properties (void)
{
  Log log = { 0 };
  LodeLeverRow *row = new_row ("fund.size_busd", &log);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) locked = G_VALUE_INIT;
  g_auto(GValue) lever = G_VALUE_INIT;
  g_auto(GValue) id = G_VALUE_INIT;

  /* The lever, by its id or its index, fixed at construction. */
  g_value_init (&lever, G_TYPE_INT);
  g_value_set_int (&lever, LODE_LEVER_FUND_SIZE_BUSD);
  ui_test_check_construct_property (row, "lever", &lever);
  g_value_init (&id, G_TYPE_STRING);
  g_value_set_string (&id, "fund.size_busd");
  ui_test_check_construct_property (row, "lever-id", &id);

  /* The fund size starts at its default, 0, the property's default too. */
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 5.0);
  ui_test_check_property (row, "value", &value);
  g_value_init (&locked, G_TYPE_BOOLEAN);
  g_value_set_boolean (&locked, TRUE);
  ui_test_check_property (row, "locked", &locked);

  /* Set from code, the value is shown, not reported as the user's. */
  g_assert_cmpuint (log.edited, ==, 0);
  g_assert_finalize_object (row);
}

/* What the user does is reported; what the owner shows is not. */
static void
test_edited (void)
{
  Log log = { 0 };
  LodeLeverRow *row = new_row ("policy.price_floor_usd_kg", &log);
  GtkWidget *spin = lode_lever_row_get_spin_button (row);
  GtkWidget *reset = lode_lever_row_get_reset_button (row);

  g_assert_cmpint (lode_lever_row_get_lever (row), ==, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, 110);
  g_assert_false (gtk_widget_get_visible (reset));

  lode_lever_row_set_value (row, 120);
  g_assert_cmpuint (log.edited, ==, 0);
  g_assert_true (gtk_widget_get_visible (reset));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 130);
  g_assert_cmpuint (log.edited, ==, 1);
  g_assert_cmpfloat (log.last, ==, 130);
  lode_lever_row_slide_to (row, 140);
  g_assert_cmpuint (log.edited, ==, 2);
  g_assert_cmpfloat (log.last, ==, 140);

  /* Reset asks for the default; once the owner shows it, the button goes away. */
  g_signal_emit_by_name (reset, "clicked");
  g_assert_cmpuint (log.edited, ==, 3);
  g_assert_cmpfloat (log.last, ==, 110);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, 140);
  lode_lever_row_set_value (row, log.last);
  g_assert_false (gtk_widget_get_visible (reset));
  g_assert_cmpuint (log.edited, ==, 3);
  g_assert_finalize_object (row);
}

/* A gesture: "drag-begin" once the value changes, "drag-end" when it ends; a press that
 * changes nothing reports no gesture. */
static void
test_drag (void)
{
  Log log = { 0 };
  LodeLeverRow *row = new_row ("fund.size_busd", &log);

  lode_lever_row_begin_drag (row);
  g_assert_cmpuint (log.drag_begin, ==, 0);
  for (int i = 1; i <= 10; i++)
    lode_lever_row_slide_to (row, i);
  g_assert_cmpuint (log.drag_begin, ==, 1);
  g_assert_true (lode_lever_row_get_dragging (row));
  g_assert_cmpuint (log.edited, ==, 10);
  lode_lever_row_end_drag (row);
  g_assert_cmpuint (log.drag_end, ==, 1);
  g_assert_false (lode_lever_row_get_dragging (row));

  lode_lever_row_begin_drag (row);
  lode_lever_row_end_drag (row);
  g_assert_cmpuint (log.drag_begin, ==, 1);
  g_assert_cmpuint (log.drag_end, ==, 1);
  g_assert_finalize_object (row);
}

/* A lockable row: the lock toggle shows, and a locked row's controls do not move. */
static void
test_lock (void)
{
  Log log = { 0 };
  LodeLeverRow *row = new_row ("fund.size_busd", &log);
  GtkWidget *lock = lode_lever_row_get_lock_button (row);

  g_assert_false (gtk_widget_get_visible (lock));
  lode_lever_row_set_lockable (row, TRUE);
  g_assert_true (gtk_widget_get_visible (lock));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), TRUE);
  g_assert_true (lode_lever_row_get_locked (row));
  g_assert_false (gtk_widget_get_sensitive (lode_lever_row_get_scale (row)));
  g_assert_false (gtk_widget_get_sensitive (lode_lever_row_get_spin_button (row)));
  g_assert_finalize_object (row);
}

static void
test_tooltip_text (void)
{
  g_autofree char *floor = lode_lever_dup_tooltip (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_autofree char *year = lode_lever_format_value (LODE_LEVER_FUND_START_YEAR, 2026, TRUE);
  g_autofree char *size = lode_lever_format_value (LODE_LEVER_FUND_SIZE_BUSD, 1234.5, TRUE);
  const LodeLeverInfo *info = lode_lever_info (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (year, ==, "2026");            /* years never grouped, no unit */
  /* Grouped: C.UTF-8 groups nothing, so the English of the interface does. */
  g_assert_cmpstr (size, ==, "1,234.5 $ bn");

  g_autofree char *value = lode_lever_format_value (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG,
                                                    info->default_value, TRUE);

  g_assert_true (g_str_has_suffix (value, " $/kg"));
  expected = g_strdup_printf ("Default: %s — source ", value);
  g_assert_nonnull (strstr (floor, expected));
  if (info->source != NULL && lode_source_short_title (info->source) != NULL)
    g_assert_nonnull (strstr (floor, lode_source_short_title (info->source)));
  g_assert_cmpstr (lode_source_short_title ("MP-DoD"), ==, "MP Materials 8-K, Jul 2025");
  g_assert_null (lode_source_short_title ("NO-SUCH-SOURCE"));
}

/* A lever's description is a paragraph: its tooltip wraps it at a reading width, where GTK
 * 4.8's own tooltip would run it off the screen on one line; a short tooltip stays GTK's. */
static void
test_tooltip_wraps (void)
{
  LodeLeverRow *row = LODE_LEVER_ROW (g_object_ref_sink (
                        lode_lever_row_new (LODE_LEVER_FUND_PRIVATE_LEVERAGE)));
  g_autofree char *description = lode_lever_dup_tooltip (LODE_LEVER_FUND_PRIVATE_LEVERAGE);
  const char *text = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  GtkWidget *wrapped, *one_line;
  int wrapped_width, one_line_width;

  g_assert_cmpstr (text, ==, description);
  g_assert_cmpint (g_utf8_strlen (text, -1), >, 150);
  wrapped = g_object_ref_sink (lode_tooltip_new_label (text));
  one_line = g_object_ref_sink (gtk_label_new (text));
  gtk_widget_measure (wrapped, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &wrapped_width, NULL, NULL);
  gtk_widget_measure (one_line, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &one_line_width, NULL,
                      NULL);
  g_test_message ("tooltip %d px wide, %d px on one line", wrapped_width, one_line_width);
  g_assert_cmpint (wrapped_width, <, 560);
  g_assert_cmpint (wrapped_width * 2, <, one_line_width);
  g_assert_null (lode_tooltip_new_label ("Reset to 25 $ bn"));
  g_assert_finalize_object (wrapped);
  g_assert_finalize_object (one_line);
  g_assert_finalize_object (row);
}

/* Wide-range sliders give the realistic range most of the track (the $25 bn of Mine to
 * Magnet sat at the far left of a linear 0–500 track); the spin button still reaches the
 * whole range, and on/off levers keep their switch. */
static void
test_piecewise (void)
{
  Log log = { 0 };
  LodeLeverRow *row = new_row ("fund.size_busd", &log);
  GtkRange *scale = GTK_RANGE (lode_lever_row_get_scale (row));
  GtkAdjustment *track = gtk_range_get_adjustment (scale);
  GtkAdjustment *value = lode_lever_row_get_adjustment (row);
  double span = gtk_adjustment_get_upper (track) - gtk_adjustment_get_lower (track);

  g_assert_true (lode_lever_row_get_piecewise (row));
  g_assert_true (track != value);
  g_assert_cmpfloat (gtk_adjustment_get_upper (value), ==, 500);

  /* $0–50 bn take more than half of the track; $25 bn sits near its middle. */
  lode_lever_row_set_value (row, 50);
  g_assert_cmpfloat (gtk_range_get_value (scale) / span, >=, 0.5);
  lode_lever_row_set_value (row, 25);
  g_assert_cmpfloat (gtk_range_get_value (scale) / span, >, 0.35);
  g_assert_cmpuint (log.edited, ==, 0);

  /* Dragging edits values on the lever's step, to both ends. */
  lode_lever_row_slide_to (row, 37.5);
  g_assert_cmpfloat (log.last, ==, 37.5);
  gtk_range_set_value (scale, gtk_adjustment_get_upper (track));
  g_assert_cmpfloat (log.last, ==, 500);
  gtk_range_set_value (scale, 0);
  g_assert_cmpfloat (log.last, ==, 0);
  g_assert_finalize_object (row);

  /* Every track runs from its lever's min to its max, rising; switches have none. */
  for (guint l = 0; l < LODE_N_LEVERS; l++)
    {
      const LodeLeverTrack *t = lode_lever_track_get ((LodeLever) l);
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) l);

      if (t == NULL)
        continue;
      g_assert_false (info->is_switch);
      g_assert_cmpfloat (t->value[0], ==, info->min);
      g_assert_cmpfloat (t->value[t->n_knots - 1], ==, info->max);
      g_assert_cmpfloat (t->position[0], ==, 0);
      g_assert_cmpfloat (t->position[t->n_knots - 1], ==, 1);
      for (guint k = 1; k < t->n_knots; k++)
        {
          g_assert_cmpfloat (t->value[k], >, t->value[k - 1]);
          g_assert_cmpfloat (t->position[k], >, t->position[k - 1]);
          g_assert_cmpfloat_with_epsilon (lode_lever_track_to_value (t, t->position[k]),
                                          t->value[k], 1e-9);
        }
      /* The default sits inside the first half-plus of the track. */
      g_assert_cmpfloat (lode_lever_track_to_position (t, info->default_value), <=, 0.6);
    }

  row = new_row ("shock.ndpr", &log);
  g_assert_false (lode_lever_row_get_piecewise (row));
  g_assert_finalize_object (row);
}

static void
collect_labels (GtkWidget *widget,
                GtkWidget *scale,
                GArray    *spans)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && gtk_widget_compute_bounds (child, scale, &bounds))
        {
          /* The text's own width, not the label widget's allocation. */
          int width;
          PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (child));

          pango_layout_get_pixel_size (layout, &width, NULL);
          bounds.origin.x += (bounds.size.width - width) / 2;
          bounds.size.width = width;
          g_array_append_val (spans, bounds);
        }
      collect_labels (child, scale, spans);
    }
}

/* At the levers panel's width the numbers under a piecewise track stand apart. */
static void
test_track_labels_apart (void)
{
  for (guint l = 0; l < LODE_N_LEVERS; l++)
    {
      const LodeLeverTrack *t = lode_lever_track_get ((LodeLever) l);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      GtkWidget *window, *list, *scale;
      LodeLeverRow *row;
      guint n_labelled = 0;

      if (t == NULL)
        continue;
      for (guint k = 0; k < t->n_knots; k++)
        n_labelled += (t->labelled >> k) & 1;

      /* A row lives in a list, as in the panel, 340 px wide. */
      row = LODE_LEVER_ROW (g_object_ref_sink (lode_lever_row_new ((LodeLever) l)));
      list = gtk_list_box_new ();
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 340, -1);
      gtk_window_set_child (GTK_WINDOW (window), list);
      gtk_window_present (GTK_WINDOW (window));
      ui_test_wait_frames (window, 3);

      scale = lode_lever_row_get_scale (row);
      collect_labels (scale, scale, spans);
      g_assert_cmpuint (spans->len, ==, n_labelled);
      for (guint i = 1; i < spans->len; i++)
        {
          const graphene_rect_t *a = &g_array_index (spans, graphene_rect_t, i - 1);
          const graphene_rect_t *b = &g_array_index (spans, graphene_rect_t, i);

          if (a->origin.x + a->size.width + 2 > b->origin.x)
            g_error ("%s: the track's labels %u and %u touch (%.0f + %.0f px, then %.0f px)",
                     lode_lever_info ((LodeLever) l)->id, i - 1, i, a->origin.x,
                     a->size.width, b->origin.x);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_finalize_object (row);
    }
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lode/lever-row/properties", test_properties);
  g_test_add_func ("/lode/lever-row/edited", test_edited);
  g_test_add_func ("/lode/lever-row/drag", test_drag);
  g_test_add_func ("/lode/lever-row/lock", test_lock);
  g_test_add_func ("/lode/lever-row/tooltip-text", test_tooltip_text);
  g_test_add_func ("/lode/lever-row/tooltip-wraps", test_tooltip_wraps);
  g_test_add_func ("/lode/lever-row/piecewise", test_piecewise);
  g_test_add_func ("/lode/lever-row/track-labels-apart", test_track_labels_apart);

  return g_test_run ();
}
