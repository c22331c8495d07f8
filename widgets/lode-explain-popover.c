/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-explain-popover.c — a headline figure's breakdown in a popover: title, value, the
 * arithmetic, a grid of terms, and a caveat. */

#define G_LOG_DOMAIN "lode-explain-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-explain-popover.h"

/* Wide enough for "United States, samarium-cobalt  32,157 t  via oxide separated in …". */
#define MAX_WIDTH_CHARS 56

struct _LodeExplainPopover
{
  GtkPopover  parent_instance;

  GtkWidget  *box;
  GtkWidget  *content;   /* rebuilt for each explanation */
  GtkWidget  *sources;   /* the button to the sources, hidden without an action */
  char       *text;
};

G_DEFINE_FINAL_TYPE (LodeExplainPopover, lode_explain_popover, GTK_TYPE_POPOVER)

static GtkWidget *
new_label (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_terms (const LodeExplanation *e)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < e->terms->len; i++)
    {
      const LodeExplainTerm *t = g_ptr_array_index (e->terms, i);
      g_autofree char *value = lode_explain_term_dup_value (e, t);
      GtkWidget *number = new_label (value, "numeric", FALSE);

      gtk_label_set_xalign (GTK_LABEL (number), 1);
      gtk_grid_attach (GTK_GRID (grid), new_label (t->label, NULL, FALSE), 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), number, 1, (int) i, 1, 1);
      if (t->detail != NULL)
        gtk_grid_attach (GTK_GRID (grid), new_label (t->detail, "dim-label", TRUE), 2, (int) i,
                         1, 1);
    }
  return grid;
}

static void
lode_explain_popover_finalize (GObject *object)
{
  LodeExplainPopover *self = LODE_EXPLAIN_POPOVER (object);

  g_free (self->text);
  G_OBJECT_CLASS (lode_explain_popover_parent_class)->finalize (object);
}

static void
lode_explain_popover_class_init (LodeExplainPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_explain_popover_finalize;
}

static void
lode_explain_popover_init (LodeExplainPopover *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_popover_set_child (GTK_POPOVER (self), self->box);

  self->sources = gtk_button_new_with_mnemonic (_("_Where the Numbers Come From"));
  gtk_widget_set_margin_top (self->sources, 12);
  gtk_widget_set_halign (self->sources, GTK_ALIGN_START);
  gtk_widget_set_visible (self->sources, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->sources);
  /* A click on the button moves on to another window: the breakdown has done its job. */
  g_signal_connect_swapped (self->sources, "clicked", G_CALLBACK (gtk_popover_popdown), self);
}

GtkWidget *
lode_explain_popover_new (void)
{
  return g_object_new (LODE_TYPE_EXPLAIN_POPOVER, NULL);
}

void
lode_explain_popover_set_explanation (LodeExplainPopover    *self,
                                      const LodeExplanation *e)
{
  g_return_if_fail (LODE_IS_EXPLAIN_POPOVER (self));
  g_return_if_fail (e != NULL);

  if (self->content != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->content);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_prepend (GTK_BOX (self->box), self->content);

  gtk_box_append (GTK_BOX (self->content), new_label (e->title, "heading", TRUE));
  gtk_box_append (GTK_BOX (self->content), new_label (e->value_text, "title-2", FALSE));
  gtk_box_append (GTK_BOX (self->content), new_label (e->formula, "dim-label", TRUE));
  if (e->terms->len > 0)
    {
      GtkWidget *terms_title = new_label (e->terms_title, "heading", FALSE);

      gtk_widget_set_margin_top (terms_title, 6);
      gtk_box_append (GTK_BOX (self->content), terms_title);
      gtk_box_append (GTK_BOX (self->content), build_terms (e));
    }
  if (e->note != NULL)
    gtk_box_append (GTK_BOX (self->content), new_label (e->note, "caption", TRUE));

  g_free (self->text);
  self->text = lode_explanation_to_text (e);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, e->title,
                                  -1);
}

void
lode_explain_popover_set_sources_action (LodeExplainPopover *self,
                                         const char         *detailed_action)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  g_return_if_fail (LODE_IS_EXPLAIN_POPOVER (self));

  if (detailed_action != NULL && !g_action_parse_detailed_name (detailed_action, &name, &target,
                                                                 NULL))
    g_return_if_reached ();
  /* The target first: a helper that sees the name alone checks it against no target. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sources), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->sources), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sources), name);
  gtk_widget_set_visible (self->sources, detailed_action != NULL);
}

const char *
lode_explain_popover_get_text (LodeExplainPopover *self)
{
  g_return_val_if_fail (LODE_IS_EXPLAIN_POPOVER (self), NULL);

  return self->text;
}
