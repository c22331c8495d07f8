/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-tooltip"

#include "config.h"

#include "lode-tooltip.h"

/* A comfortable line to read, in characters; Pango breaks scripts without spaces too. */
#define TOOLTIP_LINE_CHARS 60

/* Set on a widget whose tooltip query is ours. */
static GQuark
wraps_quark (void)
{
  return g_quark_from_static_string ("lode-tooltip-wraps");
}

GtkWidget *
lode_tooltip_new_label (const char *text)
{
  GtkWidget *label;

  if (text == NULL || g_utf8_strlen (text, -1) <= TOOLTIP_LINE_CHARS)
    return NULL;
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_LINE_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

void
lode_tooltip_show (GtkTooltip *tooltip,
                   const char *text)
{
  GtkWidget *label = lode_tooltip_new_label (text);

  if (label != NULL)
    gtk_tooltip_set_custom (tooltip, label);
  else
    gtk_tooltip_set_text (tooltip, text);
}

/* Runs before GTK's own handler and, by returning TRUE, stands in for it. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkWidget *label = lode_tooltip_new_label (gtk_widget_get_tooltip_text (widget));

  if (label == NULL)
    return FALSE;
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

/* GTK 4.8 asks the display where the pointer is whenever a visible widget's tooltip text is
 * set, in a window or not: a round trip to the X server for each of the hundreds of tooltips
 * set while the window and its panels are built. A widget in no window yet is hidden for
 * the moment, and no one asks. */
static void
set_tooltip_text_quietly (GtkWidget  *widget,
                          const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  if (gtk_widget_get_root (widget) != NULL || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

void
lode_tooltip_set_text (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_tooltip_text_quietly (widget, text);
  if (g_object_get_qdata (G_OBJECT (widget), wraps_quark ()) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), wraps_quark (), GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
