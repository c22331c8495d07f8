/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-year-control"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-model-types.h"
#include "lode-year-control-private.h"

#define SECONDS_PER_YEAR 1.0

struct _LodeYearControl
{
  GtkBox           parent_instance;

  /* Borrowed (children) */
  GtkWidget       *previous;
  GtkWidget       *play;
  GtkWidget       *next;
  GtkWidget       *scale;

  int              first;
  int              last;
  double           year;
  gboolean         playing;
  gboolean         updating;      /* setting the scale or the toggle from code */

  /* Playing: every frame shows the year the time since the first frame reaches, smoothly,
   * or in whole years when animations are off. */
  guint            tick_id;
  gboolean         smooth;
  gboolean         started;       /* the first frame of this play has been seen */
  gint64           play_start_us;
  double           play_start_year;
  gboolean         test_clock;    /* frames come from lode_year_control_tick(), not GDK */
};

G_DEFINE_FINAL_TYPE (LodeYearControl, lode_year_control, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
animations_enabled (LodeYearControl *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static void
sync_play_button (LodeYearControl *self)
{
  const char *label = self->playing ? _("Pause") : _("Play the years");

  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->play), self->playing);
  self->updating = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->play),
                            self->playing ? "media-playback-pause-symbolic"
                                          : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
sync_buttons (LodeYearControl *self)
{
  gtk_widget_set_sensitive (self->previous, self->year > self->first);
  gtk_widget_set_sensitive (self->next, self->year < self->last);
}

/* Stores the year (clamped), moves the scale, notifies. */
static void
store_year (LodeYearControl *self,
            double           year)
{
  year = CLAMP (year, self->first, self->last);
  if (year == self->year)
    return;
  self->year = year;
  self->updating = TRUE;
  gtk_range_set_value (GTK_RANGE (self->scale), year);
  self->updating = FALSE;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* One frame of playback at `frame_time_us`; FALSE once playing has stopped. */
static gboolean
advance (LodeYearControl *self,
         gint64           frame_time_us)
{
  double year;

  if (!self->started)
    {
      self->started = TRUE;
      self->play_start_us = frame_time_us;
      return TRUE;
    }
  year = self->play_start_year + (frame_time_us - self->play_start_us) / 1e6 / SECONDS_PER_YEAR;
  if (!self->smooth)
    year = floor (year);
  if (year >= self->last)
    {
      store_year (self, self->last);
      lode_year_control_set_playing (self, FALSE);
      return FALSE;
    }
  store_year (self, year);
  return TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  LodeYearControl *self = LODE_YEAR_CONTROL (widget);

  if (advance (self, gdk_frame_clock_get_frame_time (clock)))
    return G_SOURCE_CONTINUE;
  return G_SOURCE_REMOVE;
}

static void
stop_timers (LodeYearControl *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
value_changed_cb (GtkRange        *range,
                  LodeYearControl *self)
{
  if (self->updating)
    return;
  /* The user moved the slider: whole years, and playing stops. */
  lode_year_control_set_playing (self, FALSE);
  store_year (self, round (gtk_range_get_value (range)));
}

static void
play_toggled_cb (GtkToggleButton *button,
                 LodeYearControl *self)
{
  if (self->updating)
    return;
  lode_year_control_set_playing (self, gtk_toggle_button_get_active (button));
}

static void
previous_clicked_cb (GtkButton       *button,
                     LodeYearControl *self)
{
  lode_year_control_step (self, -1);
}

static void
next_clicked_cb (GtkButton       *button,
                 LodeYearControl *self)
{
  lode_year_control_step (self, 1);
}

static char *
format_value_cb (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  return g_strdup_printf ("%d", (int) floor (value + 0.5));
}

static void
lode_year_control_dispose (GObject *object)
{
  LodeYearControl *self = LODE_YEAR_CONTROL (object);

  stop_timers (self);

  G_OBJECT_CLASS (lode_year_control_parent_class)->dispose (object);
}

static void
lode_year_control_unmap (GtkWidget *widget)
{
  /* Tick callbacks stop when unmapped; do not leave "playing" stuck on. */
  lode_year_control_set_playing (LODE_YEAR_CONTROL (widget), FALSE);
  GTK_WIDGET_CLASS (lode_year_control_parent_class)->unmap (widget);
}

static void
lode_year_control_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeYearControl *self = LODE_YEAR_CONTROL (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_double (value, self->year);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_year_control_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LodeYearControl *self = LODE_YEAR_CONTROL (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      lode_year_control_set_year (self, g_value_get_double (value));
      break;
    case PROP_PLAYING:
      lode_year_control_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_year_control_class_init (LodeYearControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_year_control_dispose;
  object_class->get_property = lode_year_control_get_property;
  object_class->set_property = lode_year_control_set_property;
  widget_class->unmap = lode_year_control_unmap;

  properties[PROP_YEAR] =
    g_param_spec_double ("year", NULL, NULL,
                         LODE_BASE_YEAR, LODE_MAX_HORIZON, LODE_BASE_YEAR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "yearcontrol");
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
lode_year_control_init (LodeYearControl *self)
{
  GtkBox *box = GTK_BOX (self);

  self->first = LODE_BASE_YEAR;
  self->last = LODE_DEFAULT_HORIZON;
  self->year = LODE_BASE_YEAR;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (box, 6);

  self->previous = icon_button ("go-previous-symbolic", _("Previous year"));
  g_signal_connect (self->previous, "clicked", G_CALLBACK (previous_clicked_cb), self);

  self->play = gtk_toggle_button_new ();
  gtk_widget_set_valign (self->play, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->play, "circular");
  g_signal_connect (self->play, "toggled", G_CALLBACK (play_toggled_cb), self);

  self->next = icon_button ("go-next-symbolic", _("Next year"));
  g_signal_connect (self->next, "clicked", G_CALLBACK (next_clicked_cb), self);

  self->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, self->first, self->last, 1);
  gtk_scale_set_digits (GTK_SCALE (self->scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (self->scale), GTK_POS_RIGHT);
  gtk_scale_set_format_value_func (GTK_SCALE (self->scale), format_value_cb, NULL, NULL);
  gtk_widget_set_hexpand (self->scale, TRUE);
  gtk_widget_set_tooltip_text (self->scale, _("Year shown in the flow diagram"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  g_signal_connect (self->scale, "value-changed", G_CALLBACK (value_changed_cb), self);

  gtk_box_append (box, self->previous);
  gtk_box_append (box, self->play);
  gtk_box_append (box, self->next);
  gtk_box_append (box, self->scale);

  lode_year_control_set_range (self, self->first, self->last);
  sync_play_button (self);
  sync_buttons (self);
}

GtkWidget *
lode_year_control_new (void)
{
  return g_object_new (LODE_TYPE_YEAR_CONTROL, NULL);
}

void
lode_year_control_set_range (LodeYearControl *self,
                             int              first,
                             int              last)
{
  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));
  g_return_if_fail (first <= last);

  self->first = first;
  self->last = last;
  self->updating = TRUE;
  gtk_range_set_range (GTK_RANGE (self->scale), first, MAX (last, first + 1));
  gtk_scale_clear_marks (GTK_SCALE (self->scale));
  for (int y = first; y <= last; y++)
    if (y % 5 == 0 || y == first || y == last)
      gtk_scale_add_mark (GTK_SCALE (self->scale), y, GTK_POS_BOTTOM, NULL);
  gtk_range_set_value (GTK_RANGE (self->scale), self->year);
  self->updating = FALSE;
  store_year (self, self->year);
  sync_buttons (self);
}

int
lode_year_control_get_first (LodeYearControl *self)
{
  g_return_val_if_fail (LODE_IS_YEAR_CONTROL (self), 0);
  return self->first;
}

int
lode_year_control_get_last (LodeYearControl *self)
{
  g_return_val_if_fail (LODE_IS_YEAR_CONTROL (self), 0);
  return self->last;
}

void
lode_year_control_set_year (LodeYearControl *self,
                            double           year)
{
  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));

  /* Set from outside (the document, a binding): a jump ends playing. */
  if (year != self->year && self->playing)
    lode_year_control_set_playing (self, FALSE);
  store_year (self, year);
}

double
lode_year_control_get_year (LodeYearControl *self)
{
  g_return_val_if_fail (LODE_IS_YEAR_CONTROL (self), 0);
  return self->year;
}

void
lode_year_control_set_playing (LodeYearControl *self,
                               gboolean         playing)
{
  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));

  playing = !!playing;
  if (playing == self->playing)
    return;
  stop_timers (self);
  self->playing = playing;
  if (playing)
    {
      if (self->year >= self->last)
        store_year (self, self->first);
      /* Reduced motion: whole years, no interpolation. */
      self->smooth = animations_enabled (self);
      if (!self->smooth)
        store_year (self, floor (self->year));
      self->started = FALSE;
      self->play_start_year = self->year;
      if (!self->test_clock)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else
    {
      /* Paused: back to a whole year, which is what the document stores. */
      store_year (self, floor (self->year + 0.5));
    }
  sync_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
lode_year_control_get_playing (LodeYearControl *self)
{
  g_return_val_if_fail (LODE_IS_YEAR_CONTROL (self), FALSE);
  return self->playing;
}

void
lode_year_control_step (LodeYearControl *self,
                        int              direction)
{
  double target;

  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));

  lode_year_control_set_playing (self, FALSE);
  target = direction < 0 ? ceil (self->year) - 1 : floor (self->year) + 1;
  store_year (self, target);
}

/* For tests */

void
lode_year_control_use_test_clock (LodeYearControl *self)
{
  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));

  self->test_clock = TRUE;
  stop_timers (self);
}

void
lode_year_control_tick (LodeYearControl *self,
                        gint64           frame_time_us)
{
  g_return_if_fail (LODE_IS_YEAR_CONTROL (self));
  g_return_if_fail (self->test_clock);

  if (self->playing)
    advance (self, frame_time_us);
}
