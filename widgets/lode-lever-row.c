/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-lever-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-format.h"
#include "lode-lever-row.h"
#include "lode-lever-track.h"
#include "lode-palette.h"
#include "lode-tooltip.h"

struct _LodeLeverRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets (built in init) */
  GtkWidget         *swatch;
  GtkWidget         *title_label;
  GtkWidget         *subtitle_label;
  GtkWidget         *reset_button;
  GtkWidget         *sources_button;
  GtkWidget         *lock_button;
  GtkWidget         *scale;
  GtkWidget         *spin_button;
  GtkWidget         *unit_label;
  GtkWidget         *slider_box;     /* slider, spin button and unit */
  GtkWidget         *toggle;         /* instead of them, for an on/off lever */

  /* Owned */
  GtkAdjustment     *adjustment;
  GtkAdjustment     *track_adjustment;  /* the slider's, on a piecewise track; or NULL */
  GdkRGBA            swatch_rgba;

  const LodeLeverTrack *track;
  LodeLever          lever;
  guint              syncing : 1;
  guint              syncing_track : 1;
  guint              unit_subtitle : 1;
  guint              pointer_down : 1;
  guint              gesture_started : 1;
};

#define UNIT_MAX_CHARS 5

/* A piecewise track runs from 0 to this many steps; an arrow key moves one percent. */
#define TRACK_STEPS      1000.0
#define TRACK_STEP       10.0
#define TRACK_PAGE       100.0

G_DEFINE_FINAL_TYPE (LodeLeverRow, lode_lever_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_LEVER,
  PROP_LEVER_ID,
  PROP_VALUE,
  PROP_LOCKED,
  N_PROPS
};

enum {
  EDITED,
  DRAG_BEGIN,
  DRAG_END,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Short titles of the reference IDs that lever defaults cite (reference file, section 9). */
static const struct
{
  const char *id;
  const char *title;
} source_titles[] = {
  { "2010", N_("2010–11 price spike analogue") },
  { "ADA", N_("Adamas Intelligence") },
  { "ARU", N_("Arafura Nolans") },
  { "ASIA-FW", N_("US–Japan and US–Malaysia frameworks, Oct 2025") },
  { "AUS-FW", N_("US–Australia Framework, Oct 2025") },
  { "BUSAN", N_("Busan truce, Oct 2025") },
  { "CN-EXP", N_("China magnet exports, May 2025") },
  { "DOE22", N_("US DOE magnet supply chain deep dive, 2022") },
  { "EO14196", N_("Executive Order 14196, Feb 2025") },
  { "IEA-C25", N_("IEA on China's export controls, Oct 2025") },
  { "IEA24", N_("IEA Global Critical Minerals Outlook 2024") },
  { "IEA25", N_("IEA Global Critical Minerals Outlook 2025") },
  { "ILU", N_("Iluka Eneabba") },
  { "LYN", N_("Lynas") },
  { "MCK", N_("McKinsey magnet outlook, 2025") },
  { "MOFCOM", N_("MOFCOM announcements, Oct–Nov 2025") },
  { "MP-10X", N_("MP Materials 10X site selection, Feb 2026") },
  { "MP-DoD", N_("MP Materials 8-K, Jul 2025") },
  { "MP-FY24", N_("MP Materials FY2024 results") },
  { "QUOTA", N_("China mining quotas") },
  { "S301", N_("USTR Section 301 review, Sep 2024") },
  { "SPG", N_("S&P Global mine development times, 2024") },
  { "U25", N_("USGS Mineral Commodity Summaries 2025") },
  { "VUL", N_("Vulcan Elements and the Office of Strategic Capital, Nov 2025") },
};

const char *
lode_source_short_title (const char *source_id)
{
  if (source_id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (source_titles); i++)
    if (g_strcmp0 (source_titles[i].id, source_id) == 0)
      return _(source_titles[i].title);

  return NULL;
}

char *
lode_lever_format_value (LodeLever lever,
                         double    value,
                         gboolean  with_unit)
{
  const LodeLeverInfo *info = lode_lever_info (lever);
  g_autofree char *number = NULL;
  const char *unit;

  if (info->is_year)
    return g_strdup_printf ("%.0f", value);   /* "2026": no grouping, no unit */
  if (with_unit && g_str_equal (info->unit, "%"))
    return lode_format_percent (value, (int) info->digits);
  number = lode_format_number (value, (int) info->digits);

  unit = lode_lever_unit (lever);
  if (!with_unit || unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, "110 $/kg", "2.5 years" */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, unit);
}

char *
lode_lever_dup_tooltip (LodeLever lever)
{
  const LodeLeverInfo *info = lode_lever_info (lever);
  g_autofree char *value = lode_lever_format_value (lever, info->default_value, TRUE);
  const char *description = lode_lever_description (lever);
  const char *title = lode_source_short_title (info->source);
  g_autofree char *default_line = NULL;

  if (info->source != NULL && title != NULL)
    /* Translators: the default of a lever and where it comes from:
     * "Default: 110 $/kg — source MP-DoD (MP Materials 8-K, Jul 2025)" */
    default_line = g_strdup_printf (_("Default: %s — source %s (%s)"), value, info->source,
                                    title);
  else if (info->source != NULL)
    /* Translators: "Default: 1.5 years — source SPG" */
    default_line = g_strdup_printf (_("Default: %s — source %s"), value, info->source);
  else
    /* Translators: a lever default with no published source */
    default_line = g_strdup_printf (_("Default: %s — a planning assumption"), value);

  if (description == NULL || description[0] == '\0')
    return g_steal_pointer (&default_line);

  return g_strdup_printf ("%s\n%s", description, default_line);
}

static gboolean
is_default (LodeLeverRow *self,
            double        value)
{
  const LodeLeverInfo *info = lode_lever_info (self->lever);
  double tolerance = 1e-9 * MAX (1.0, fabs (info->default_value));

  return fabs (value - info->default_value) <= tolerance;
}

/* The control that takes the focus back from the reset button. */
static GtkWidget *
value_widget (LodeLeverRow *self)
{
  return lode_lever_info (self->lever)->is_switch ? self->toggle : self->scale;
}

static void
update_reset_button (LodeLeverRow *self)
{
  gboolean differs = !is_default (self, gtk_adjustment_get_value (self->adjustment));

  if (!differs && gtk_widget_has_focus (self->reset_button))
    gtk_widget_grab_focus (value_widget (self));

  gtk_widget_set_visible (self->reset_button, differs);
}

/* The slider of a piecewise lever follows the value, without editing it again. */
static void
sync_track (LodeLeverRow *self,
            double        value)
{
  g_autofree char *text = lode_lever_format_value (self->lever, value, TRUE);

  if (self->track_adjustment != NULL)
    {
      self->syncing_track = TRUE;
      gtk_adjustment_set_value (self->track_adjustment,
                                TRACK_STEPS * lode_lever_track_to_position (self->track, value));
      self->syncing_track = FALSE;
    }
  /* Screen readers read the value, not the slider's position. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* The user moved a piecewise slider: the value there, on the lever's step. */
static void
track_value_changed_cb (LodeLeverRow  *self,
                        GtkAdjustment *track_adjustment)
{
  const LodeLeverInfo *info = lode_lever_info (self->lever);
  double value;

  if (self->syncing_track)
    return;
  value = lode_lever_track_to_value (self->track,
                                     gtk_adjustment_get_value (track_adjustment) / TRACK_STEPS);
  if (info->step > 0)
    value = round (value / info->step) * info->step;
  gtk_adjustment_set_value (self->adjustment, CLAMP (value, info->min, info->max));
}

static void
adjustment_value_changed_cb (LodeLeverRow  *self,
                             GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);

  /* A year or a count of years takes whole numbers (lode_lever_validate() refuses 2026.5 rather
   * than let the model round it). The slider rounds to no digits, but the spin button keeps
   * what is typed and lode_lever_row_slide_to() what it is given: round here, once. */
  if (!self->syncing && lode_lever_is_whole (self->lever) && value != round (value))
    {
      gtk_adjustment_set_value (adjustment, round (value));
      return;
    }

  update_reset_button (self);
  sync_track (self, value);
  if (gtk_switch_get_active (GTK_SWITCH (self->toggle)) != (value >= 0.5))
    {
      guint syncing = self->syncing;

      /* The switch follows the value; its own notify must not edit again. */
      self->syncing = TRUE;
      gtk_switch_set_active (GTK_SWITCH (self->toggle), value >= 0.5);
      self->syncing = syncing;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);

  if (self->syncing)
    return;

  if (self->pointer_down && !self->gesture_started)
    {
      self->gesture_started = TRUE;
      g_signal_emit (self, signals[DRAG_BEGIN], 0);
    }

  g_signal_emit (self, signals[EDITED], 0, value);
}

static void
toggle_active_cb (LodeLeverRow *self)
{
  if (self->syncing)
    return;

  gtk_adjustment_set_value (self->adjustment,
                            gtk_switch_get_active (GTK_SWITCH (self->toggle)) ? 1 : 0);
}

/* The Sources view on this lever's default, through the window's action. */
static void
sources_clicked_cb (LodeLeverRow *self)
{
  g_autofree char *target = g_strdup_printf ("lever:%s", lode_lever_info (self->lever)->id);

  gtk_widget_activate_action (GTK_WIDGET (self), LODE_LEVER_ROW_SOURCES_ACTION, "s", target);
}

static void
reset_clicked_cb (LodeLeverRow *self)
{
  const LodeLeverInfo *info = lode_lever_info (self->lever);

  gtk_widget_grab_focus (value_widget (self));
  g_signal_emit (self, signals[EDITED], 0, info->default_value);
}

static void
lock_toggled_cb (LodeLeverRow *self)
{
  gboolean locked = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->lock_button));

  gtk_button_set_icon_name (GTK_BUTTON (self->lock_button),
                            locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  lode_tooltip_set_text (self->lock_button,
                         locked ? _("Unlock this share") : _("Lock this share"));
  /* An open lock stays quiet; a closed one stands out. */
  if (locked)
    gtk_widget_remove_css_class (self->lock_button, "dim-label");
  else
    gtk_widget_add_css_class (self->lock_button, "dim-label");
  gtk_widget_set_sensitive (self->scale, !locked);
  gtk_widget_set_sensitive (self->spin_button, !locked);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* Sees every press and release on the slider or the spin button before the widget's own
 * gestures do (capture phase), and never consumes them. */
static gboolean
legacy_event_cb (LodeLeverRow             *self,
                 GdkEvent                 *event,
                 GtkEventControllerLegacy *controller)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      lode_lever_row_begin_drag (self);
      break;

    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
    case GDK_GRAB_BROKEN:
      lode_lever_row_end_drag (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/* The panel is a scrolled page full of sliders: a wheel turned over one of them scrolls the
 * page, as it does everywhere else, instead of changing a lever (and making an undo step) by
 * accident. Exact changes are one click or one arrow key away. */
static gboolean
scroll_cb (LodeLeverRow             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double page, delta, upper, lower;

  if (scrolled == NULL)
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta = dy * pow (page, 2.0 / 3.0);   /* GTK's own step for one wheel click */
  else
    delta = dy;

  lower = gtk_adjustment_get_lower (adjustment);
  upper = gtk_adjustment_get_upper (adjustment) - page;
  gtk_adjustment_set_value (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment) + delta, lower,
                                   MAX (lower, upper)));

  return GDK_EVENT_STOP;
}

static void
add_press_tracker (LodeLeverRow *self,
                   GtkWidget    *widget)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (legacy_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  LodeLeverRow *self = user_data;
  double size = MIN (width, height);

  lode_cairo_rounded_rect (cr, (width - size) / 2.0, (height - size) / 2.0, size, size,
                           size / 4.0);
  gdk_cairo_set_source_rgba (cr, &self->swatch_rgba);
  cairo_fill (cr);
}

/* A wide-range lever's slider moves on its own track (lode-lever-track.h), marked at the
 * track's round values; the spin button keeps the lever's whole range. */
static void
setup_track (LodeLeverRow *self)
{
  const LodeLeverInfo *info = lode_lever_info (self->lever);

  self->track = info->is_switch ? NULL : lode_lever_track_get (self->lever);
  if (self->track == NULL)
    return;

  self->track_adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, TRACK_STEPS, TRACK_STEP,
                                                                  TRACK_PAGE, 0));
  g_signal_connect_object (self->track_adjustment, "value-changed",
                           G_CALLBACK (track_value_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_range_set_adjustment (GTK_RANGE (self->scale), self->track_adjustment);
  gtk_scale_set_digits (GTK_SCALE (self->scale), 0);
  gtk_range_set_round_digits (GTK_RANGE (self->scale), -1);
  for (guint k = 0; k < self->track->n_knots; k++)
    {
      /* Round knots need no decimals: "0  5  10  25  50  100  500". */
      g_autofree char *label = lode_format_number (self->track->value[k],
                                                   self->track->value[k] < 1
                                                   && self->track->value[k] > 0 ? 1 : 0);
      g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>", label);

      gtk_scale_add_mark (GTK_SCALE (self->scale), TRACK_STEPS * self->track->position[k],
                          GTK_POS_BOTTOM,
                          (self->track->labelled & (1u << k)) != 0 ? markup : NULL);
    }
  gtk_widget_add_css_class (self->scale, "marked");
  sync_track (self, gtk_adjustment_get_value (self->adjustment));
}

static void
setup_lever (LodeLeverRow *self)
{
  const LodeLeverInfo *info = lode_lever_info (self->lever);
  const char *label = lode_lever_label (self->lever);
  const char *unit = lode_lever_unit (self->lever);
  g_autofree char *tooltip = lode_lever_dup_tooltip (self->lever);
  g_autofree char *reset_tooltip = NULL;
  g_autofree char *default_text = NULL;

  self->syncing = TRUE;
  gtk_adjustment_configure (self->adjustment, info->default_value, info->min, info->max,
                            info->step, info->page, 0.0);
  self->syncing = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_label_set_text (GTK_LABEL (self->title_label), label);
  /* The unit sits beside the spin button; a long one ("× today's US standard") would squeeze
   * the slider, so it goes under the title instead, and a year needs no unit at all. The unit
   * label keeps its width either way, so every slider in the panel has the same length. */
  if (unit == NULL || info->is_year)
    unit = "";
  if (g_utf8_strlen (unit, -1) > UNIT_MAX_CHARS)
    {
      self->unit_subtitle = TRUE;
      gtk_label_set_text (GTK_LABEL (self->unit_label), "");
      lode_lever_row_set_subtitle (self, unit);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->unit_label), unit);
    }

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->spin_button), info->digits);
  gtk_scale_set_digits (GTK_SCALE (self->scale), (int) info->digits);
  /* Round to the step so a drag lands on values the spin button can show. */
  gtk_range_set_round_digits (GTK_RANGE (self->scale), (int) info->digits);
  setup_track (self);

  lode_tooltip_set_text (GTK_WIDGET (self), tooltip);

  default_text = lode_lever_format_value (self->lever, info->default_value, TRUE);
  /* Translators: tooltip of a lever's reset button, "Reset to 110 $/kg" */
  reset_tooltip = g_strdup_printf (_("Reset to %s"), default_text);
  lode_tooltip_set_text (self->reset_button, reset_tooltip);
  {
    const char *title = lode_source_short_title (info->source);
    g_autofree char *sources_tooltip = NULL;

    if (info->source != NULL)
      /* Translators: tooltip of a lever's sources button; %s names the source */
      sources_tooltip = g_strdup_printf (_("Where the default comes from: %s"),
                                         title != NULL ? title : info->source);
    else
      sources_tooltip = g_strdup (_("The default is a planning assumption; show the "
                                    "dataset's sources"));
    lode_tooltip_set_text (self->sources_button, sources_tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->sources_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, sources_tooltip, -1);
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  /* An on/off lever is a switch on the title line, as in every GNOME preferences list. */
  gtk_widget_set_visible (self->toggle, info->is_switch);
  gtk_widget_set_visible (self->slider_box, !info->is_switch);
  self->syncing = TRUE;
  gtk_switch_set_active (GTK_SWITCH (self->toggle), info->is_switch && info->default_value >= 0.5);
  self->syncing = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reset_tooltip,
                                  -1);
  update_reset_button (self);
}

static void
lode_lever_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (lode_lever_row_parent_class)->constructed (object);

  setup_lever (LODE_LEVER_ROW (object));
}

static void
lode_lever_row_unmap (GtkWidget *widget)
{
  lode_lever_row_end_drag (LODE_LEVER_ROW (widget));

  GTK_WIDGET_CLASS (lode_lever_row_parent_class)->unmap (widget);
}

static void
lode_lever_row_dispose (GObject *object)
{
  LodeLeverRow *self = LODE_LEVER_ROW (object);

  lode_lever_row_end_drag (self);

  G_OBJECT_CLASS (lode_lever_row_parent_class)->dispose (object);
}

static void
lode_lever_row_finalize (GObject *object)
{
  LodeLeverRow *self = LODE_LEVER_ROW (object);

  g_clear_object (&self->adjustment);
  g_clear_object (&self->track_adjustment);

  G_OBJECT_CLASS (lode_lever_row_parent_class)->finalize (object);
}

static void
lode_lever_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LodeLeverRow *self = LODE_LEVER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVER:
      g_value_set_int (value, self->lever);
      break;

    case PROP_LEVER_ID:
      g_value_set_string (value, lode_lever_info (self->lever)->id);
      break;

    case PROP_VALUE:
      g_value_set_double (value, lode_lever_row_get_value (self));
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, lode_lever_row_get_locked (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_lever_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LodeLeverRow *self = LODE_LEVER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVER:
      self->lever = g_value_get_int (value);
      break;

    case PROP_LEVER_ID:
      {
        const char *id = g_value_get_string (value);

        if (id != NULL && !lode_lever_from_id (id, &self->lever))
          g_critical ("No lever has the id “%s”", id);
      }
      break;

    case PROP_VALUE:
      lode_lever_row_set_value (self, g_value_get_double (value));
      break;

    case PROP_LOCKED:
      lode_lever_row_set_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_lever_row_class_init (LodeLeverRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lode_lever_row_constructed;
  object_class->dispose = lode_lever_row_dispose;
  object_class->finalize = lode_lever_row_finalize;
  object_class->get_property = lode_lever_row_get_property;
  object_class->set_property = lode_lever_row_set_property;

  widget_class->unmap = lode_lever_row_unmap;

  properties[PROP_LEVER] =
    g_param_spec_int ("lever", NULL, NULL,
                      0, LODE_N_LEVERS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The same as "lever", by the lever's stable id ("fund.size_busd"): what templates say. */
  properties[PROP_LEVER_ID] =
    g_param_spec_string ("lever-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[DRAG_BEGIN] =
    g_signal_new ("drag-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[DRAG_END] =
    g_signal_new ("drag-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
lode_lever_row_init (LodeLeverRow *self)
{
  GtkWidget *box, *top, *titles, *bottom;

  self->adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 0.1, 1, 0));
  g_signal_connect_object (self->adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lever");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 6);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_size_request (top, -1, 34);

  self->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->swatch), 12);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
  gtk_widget_set_visible (self->swatch, FALSE);
  gtk_box_append (GTK_BOX (top), self->swatch);

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "xalign", 0.0f,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    "natural-wrap-mode", GTK_NATURAL_WRAP_WORD,
                                    NULL);
  gtk_widget_add_css_class (self->title_label, "title");
  gtk_box_append (GTK_BOX (titles), self->title_label);
  self->subtitle_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, NULL);
  gtk_widget_add_css_class (self->subtitle_label, "subtitle");
  gtk_widget_add_css_class (self->subtitle_label, "dim-label");
  gtk_widget_add_css_class (self->subtitle_label, "caption");
  gtk_widget_set_visible (self->subtitle_label, FALSE);
  gtk_box_append (GTK_BOX (titles), self->subtitle_label);
  gtk_box_append (GTK_BOX (top), titles);

  self->sources_button = gtk_button_new_from_icon_name ("user-bookmarks-symbolic");
  gtk_widget_set_valign (self->sources_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->sources_button, "flat");
  gtk_widget_add_css_class (self->sources_button, "circular");
  gtk_widget_add_css_class (self->sources_button, "dim-label");
  g_signal_connect_object (self->sources_button, "clicked", G_CALLBACK (sources_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), self->sources_button);

  self->reset_button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (self->reset_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->reset_button, "flat");
  gtk_widget_add_css_class (self->reset_button, "circular");
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), self->reset_button);

  self->lock_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->lock_button), "changes-allow-symbolic");
  lode_tooltip_set_text (self->lock_button, _("Lock this share"));
  gtk_widget_set_valign (self->lock_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->lock_button, "flat");
  gtk_widget_add_css_class (self->lock_button, "circular");
  gtk_widget_add_css_class (self->lock_button, "dim-label");
  gtk_widget_set_visible (self->lock_button, FALSE);
  g_signal_connect_object (self->lock_button, "toggled", G_CALLBACK (lock_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), self->lock_button);

  self->toggle = gtk_switch_new ();
  gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->toggle, FALSE);
  g_signal_connect_object (self->toggle, "notify::active", G_CALLBACK (toggle_active_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), self->toggle);
  gtk_box_append (GTK_BOX (box), top);

  bottom = self->slider_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
  gtk_widget_set_hexpand (self->scale, TRUE);
  gtk_widget_set_valign (self->scale, GTK_ALIGN_CENTER);
  add_press_tracker (self, self->scale);
  gtk_box_append (GTK_BOX (bottom), self->scale);

  self->spin_button = gtk_spin_button_new (self->adjustment, 0.0, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin_button), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (self->spin_button),
                                     GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin_button), 5);
  gtk_widget_set_valign (self->spin_button, GTK_ALIGN_CENTER);
  add_press_tracker (self, self->spin_button);
  gtk_box_append (GTK_BOX (bottom), self->spin_button);

  self->unit_label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "width-chars", UNIT_MAX_CHARS,
                                   "max-width-chars", UNIT_MAX_CHARS,
                                   NULL);
  gtk_widget_add_css_class (self->unit_label, "dim-label");
  gtk_box_append (GTK_BOX (bottom), self->unit_label);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
lode_lever_row_new (LodeLever lever)
{
  g_return_val_if_fail (lever < LODE_N_LEVERS, NULL);

  return g_object_new (LODE_TYPE_LEVER_ROW, "lever", (int) lever, NULL);
}

LodeLever
lode_lever_row_get_lever (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), 0);

  return self->lever;
}

double
lode_lever_row_get_value (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), 0.0);

  return gtk_adjustment_get_value (self->adjustment);
}

void
lode_lever_row_set_value (LodeLeverRow *self,
                          double        value)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  if (isnan (value))
    return;

  self->syncing = TRUE;
  gtk_adjustment_set_value (self->adjustment, value);
  self->syncing = FALSE;
}

void
lode_lever_row_set_title (LodeLeverRow *self,
                          const char   *title)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));
  g_return_if_fail (title != NULL);

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
}

void
lode_lever_row_set_subtitle (LodeLeverRow *self,
                             const char   *subtitle)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (self->subtitle_label, subtitle != NULL && subtitle[0] != '\0');
}

void
lode_lever_row_set_lockable (LodeLeverRow *self,
                             gboolean      lockable)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  gtk_widget_set_visible (self->lock_button, lockable);
  if (lockable)
    {
      g_autofree char *label = NULL;

      /* Translators: accessible name of a lock toggle, "Lock Mine share" */
      label = g_strdup_printf (_("Lock %s"), lode_lever_label (self->lever));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

gboolean
lode_lever_row_get_locked (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), FALSE);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->lock_button));
}

void
lode_lever_row_set_locked (LodeLeverRow *self,
                           gboolean      locked)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->lock_button), locked);
}

void
lode_lever_row_set_swatch (LodeLeverRow  *self,
                           const GdkRGBA *rgba)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  gtk_widget_set_visible (self->swatch, rgba != NULL);
  if (rgba == NULL)
    return;

  self->swatch_rgba = *rgba;
  gtk_widget_queue_draw (self->swatch);
}

void
lode_lever_row_begin_drag (LodeLeverRow *self)
{
  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  /* A second press before the release (another button, a second finger) is the same gesture. */
  self->pointer_down = TRUE;
}

void
lode_lever_row_end_drag (LodeLeverRow *self)
{
  gboolean started;

  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  started = self->gesture_started;
  self->pointer_down = FALSE;
  self->gesture_started = FALSE;

  if (started)
    g_signal_emit (self, signals[DRAG_END], 0);
}

gboolean
lode_lever_row_get_dragging (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), FALSE);

  return self->gesture_started;
}

void
lode_lever_row_slide_to (LodeLeverRow *self,
                         double        value)
{
  double position = value;

  g_return_if_fail (LODE_IS_LEVER_ROW (self));

  if (self->track != NULL)
    position = TRACK_STEPS * lode_lever_track_to_position (self->track, value);
  gtk_range_set_value (GTK_RANGE (self->scale), position);
}

gboolean
lode_lever_row_get_piecewise (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), FALSE);

  return self->track != NULL;
}

GtkAdjustment *
lode_lever_row_get_adjustment (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->adjustment;
}

GtkWidget *
lode_lever_row_get_scale (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->scale;
}

GtkWidget *
lode_lever_row_get_spin_button (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->spin_button;
}

GtkWidget *
lode_lever_row_get_reset_button (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->reset_button;
}

GtkWidget *
lode_lever_row_get_sources_button (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->sources_button;
}

GtkWidget *
lode_lever_row_get_lock_button (LodeLeverRow *self)
{
  g_return_val_if_fail (LODE_IS_LEVER_ROW (self), NULL);

  return self->lock_button;
}
