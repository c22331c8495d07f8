/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-allocation-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-allocation.h"
#include "lode-allocation-bar.h"
#include "lode-allocation-editor.h"
#include "lode-format.h"
#include "lode-tooltip.h"

static GdkRGBA
share_rgba (guint index)
{
  LodeRgba c = lode_palette_fund_share (index);

  return (GdkRGBA) { c.r, c.g, c.b, c.a };
}

static const char *
share_name (guint index)
{
  if (index < LODE_N_STAGES)
    return lode_stage_name ((LodeStage) index);

  return C_("fund allocation share", "Recycling");
}

/* "$3.5 bn" */
static char *
format_money_busd (double busd)
{
  return lode_format_busd (busd, 1);
}

struct _LodeAllocationEditor
{
  GtkWidget          parent_instance;

  /* Template widgets (built in init) */
  LodeAllocationBar *bar;
  GtkWidget         *caption;
  GtkWidget         *list;
  LodeLeverRow      *rows[LODE_N_ALLOC];
  LodeFundAdvisor   *advisor;

  /* Owned */
  LodeDocument      *document;

  /* The split when the current drag began; moves during a drag start from it. */
  double             drag_base[LODE_N_ALLOC];
  int                drag_index;   /* -1: no drag */
  guint              syncing : 1;
};

G_DEFINE_FINAL_TYPE (LodeAllocationEditor, lode_allocation_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LodeScenario *
get_scenario (LodeAllocationEditor *self)
{
  return self->document != NULL ? lode_document_get_scenario (self->document) : NULL;
}

static void
get_locks (LodeAllocationEditor *self,
           gboolean              locked[LODE_N_ALLOC])
{
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    locked[i] = lode_lever_row_get_locked (self->rows[i]);
}

static double
fund_size (LodeAllocationEditor *self)
{
  LodeScenario *scenario = get_scenario (self);

  return scenario != NULL ? lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD) : 0.0;
}

static void
sync_from_scenario (LodeAllocationEditor *self)
{
  double shares[LODE_N_ALLOC];
  double fund = fund_size (self);
  g_autofree char *summary = NULL;
  g_autofree char *total = NULL;
  g_autofree char *caption = NULL;

  lode_allocation_editor_get_shares (self, shares);

  self->syncing = TRUE;
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_autofree char *money = format_money_busd (fund * shares[i] / 100.0);

      lode_lever_row_set_value (self->rows[i], shares[i]);
      lode_lever_row_set_subtitle (self->rows[i], money);
    }
  self->syncing = FALSE;

  lode_allocation_bar_set_shares (self->bar, shares);

  summary = lode_allocation_editor_dup_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);

  total = format_money_busd (fund);
  if (fund > 0.0)
    /* Translators: under the fund allocation bar, "Splits a fund of $10.0 bn" */
    caption = g_strdup_printf (_("Splits a fund of %s"), total);
  else
    caption = g_strdup (_("No fund yet: set the fund size to put money behind the split"));
  gtk_label_set_text (GTK_LABEL (self->caption), caption);
}

/* The bar's tooltip is the summary of the moment it shows. Set as tooltip text instead, it
 * would change with every step of a fund drag, and GTK 4.8 asks the X server where the
 * pointer is on each change of a shown widget's tooltip. */
static gboolean
bar_query_tooltip_cb (GtkWidget            *bar,
                      int                   x,
                      int                   y,
                      gboolean              keyboard,
                      GtkTooltip           *tooltip,
                      LodeAllocationEditor *self)
{
  g_autofree char *summary = lode_allocation_editor_dup_summary (self);

  lode_tooltip_show (tooltip, summary);
  return TRUE;
}

static void
document_changed_cb (LodeAllocationEditor *self)
{
  sync_from_scenario (self);
}

static void
end_drag (LodeAllocationEditor *self)
{
  if (self->drag_index < 0)
    return;

  self->drag_index = -1;
  if (self->document != NULL)
    lode_document_end_step (self->document);
}

static void
row_drag_begin_cb (LodeAllocationEditor *self,
                   LodeLeverRow         *row)
{
  end_drag (self);

  if (self->document == NULL)
    return;

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    if (self->rows[i] == row)
      self->drag_index = (int) i;

  lode_allocation_editor_get_shares (self, self->drag_base);
  lode_document_begin_step (self->document);
}

static void
row_drag_end_cb (LodeAllocationEditor *self,
                 LodeLeverRow         *row)
{
  end_drag (self);
}

static void
row_edited_cb (LodeAllocationEditor *self,
               double                value,
               LodeLeverRow         *row)
{
  if (self->syncing)
    return;

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    if (self->rows[i] == row)
      {
        double actual = lode_allocation_editor_move (self, i, value);

        /* Locks may hold the share below what was asked: show what it got. */
        if (actual != value)
          {
            self->syncing = TRUE;
            lode_lever_row_set_value (row, actual);
            self->syncing = FALSE;
          }
        return;
      }
}

/* The advisor's optimiser holds the locked shares. */
static void
row_locked_cb (LodeAllocationEditor *self)
{
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    lode_fund_advisor_set_locked (self->advisor, i, lode_lever_row_get_locked (self->rows[i]));
}

static void
lode_allocation_editor_dispose (GObject *object)
{
  LodeAllocationEditor *self = LODE_ALLOCATION_EDITOR (object);

  lode_allocation_editor_set_document (self, NULL);
  if (self->bar != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->bar));
      self->bar = NULL;
    }
  g_clear_pointer (&self->caption, gtk_widget_unparent);
  g_clear_pointer (&self->list, gtk_widget_unparent);
  if (self->advisor != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->advisor));
      self->advisor = NULL;
    }
  memset (self->rows, 0, sizeof self->rows);

  G_OBJECT_CLASS (lode_allocation_editor_parent_class)->dispose (object);
}

static void
lode_allocation_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LodeAllocationEditor *self = LODE_ALLOCATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_allocation_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LodeAllocationEditor *self = LODE_ALLOCATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      lode_allocation_editor_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_allocation_editor_class_init (LodeAllocationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_allocation_editor_dispose;
  object_class->get_property = lode_allocation_editor_get_property;
  object_class->set_property = lode_allocation_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         LODE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "allocationeditor");
}

static void
lode_allocation_editor_init (LodeAllocationEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->drag_index = -1;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->bar = LODE_ALLOCATION_BAR (lode_allocation_bar_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->bar), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fund allocation"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->bar), TRUE);
  g_signal_connect (self->bar, "query-tooltip", G_CALLBACK (bar_query_tooltip_cb), self);

  self->caption = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, NULL);
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_set_margin_bottom (self->caption, 6);
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      GdkRGBA rgba = share_rgba (i);

      self->rows[i] = LODE_LEVER_ROW (lode_lever_row_new (LODE_LEVER_ALLOC_FIRST + i));
      lode_lever_row_set_title (self->rows[i], share_name (i));
      lode_lever_row_set_lockable (self->rows[i], TRUE);
      lode_lever_row_set_swatch (self->rows[i], &rgba);
      g_signal_connect_object (self->rows[i], "edited", G_CALLBACK (row_edited_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rows[i], "drag-begin", G_CALLBACK (row_drag_begin_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rows[i], "drag-end", G_CALLBACK (row_drag_end_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rows[i], "notify::locked", G_CALLBACK (row_locked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_list_box_append (GTK_LIST_BOX (self->list), GTK_WIDGET (self->rows[i]));
    }

  self->advisor = LODE_FUND_ADVISOR (lode_fund_advisor_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->advisor), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->advisor), GTK_WIDGET (self));

  sync_from_scenario (self);
}

GtkWidget *
lode_allocation_editor_new (void)
{
  return g_object_new (LODE_TYPE_ALLOCATION_EDITOR, NULL);
}

void
lode_allocation_editor_set_document (LodeAllocationEditor *self,
                                     LodeDocument         *document)
{
  g_return_if_fail (LODE_IS_ALLOCATION_EDITOR (self));
  g_return_if_fail (document == NULL || LODE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A drag in progress belongs to the old document. */
  for (guint i = 0; i < LODE_N_ALLOC && self->rows[i] != NULL; i++)
    lode_lever_row_end_drag (self->rows[i]);
  end_drag (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (self->advisor != NULL)
    lode_fund_advisor_set_document (self->advisor, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "scenario-replaced", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (self->rows[0] != NULL)
    sync_from_scenario (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

LodeDocument *
lode_allocation_editor_get_document (LodeAllocationEditor *self)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), NULL);

  return self->document;
}

double
lode_allocation_editor_move (LodeAllocationEditor *self,
                             guint                 index,
                             double                value)
{
  LodeScenario *scenario;
  double shares[LODE_N_ALLOC];
  gboolean locked[LODE_N_ALLOC];
  g_autoptr(GError) error = NULL;
  double actual;

  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), 0.0);
  g_return_val_if_fail (index < LODE_N_ALLOC, 0.0);

  lode_allocation_editor_get_shares (self, shares);
  scenario = get_scenario (self);
  if (scenario == NULL || isnan (value))
    return shares[index];

  get_locks (self, locked);
  if (locked[index])
    return shares[index];

  if (self->drag_index == (int) index)
    memcpy (shares, self->drag_base, sizeof shares);

  actual = lode_allocation_move (shares, locked, index, CLAMP (value, 0.0, 100.0));
  if (!lode_scenario_set_allocation (scenario, shares, &error))
    {
      g_warning ("Fund allocation rejected: %s", error->message);
      lode_allocation_editor_get_shares (self, shares);
      return shares[index];
    }

  return actual;
}

void
lode_allocation_editor_get_shares (LodeAllocationEditor *self,
                                   double                out_shares[LODE_N_ALLOC])
{
  LodeScenario *scenario;

  g_return_if_fail (LODE_IS_ALLOCATION_EDITOR (self));
  g_return_if_fail (out_shares != NULL);

  scenario = get_scenario (self);
  if (scenario != NULL)
    {
      lode_scenario_get_allocation (scenario, out_shares);
      return;
    }

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    out_shares[i] = lode_lever_info (LODE_LEVER_ALLOC_FIRST + i)->default_value;
}

gboolean
lode_allocation_editor_get_locked (LodeAllocationEditor *self,
                                   guint                 index)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), FALSE);
  g_return_val_if_fail (index < LODE_N_ALLOC, FALSE);

  return lode_lever_row_get_locked (self->rows[index]);
}

void
lode_allocation_editor_set_locked (LodeAllocationEditor *self,
                                   guint                 index,
                                   gboolean              locked)
{
  g_return_if_fail (LODE_IS_ALLOCATION_EDITOR (self));
  g_return_if_fail (index < LODE_N_ALLOC);

  lode_lever_row_set_locked (self->rows[index], locked);
}

LodeLeverRow *
lode_allocation_editor_get_row (LodeAllocationEditor *self,
                                guint                 index)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), NULL);
  g_return_val_if_fail (index < LODE_N_ALLOC, NULL);

  return self->rows[index];
}

GtkWidget *
lode_allocation_editor_get_bar (LodeAllocationEditor *self)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), NULL);

  return GTK_WIDGET (self->bar);
}

LodeFundAdvisor *
lode_allocation_editor_get_advisor (LodeAllocationEditor *self)
{
  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), NULL);

  return self->advisor;
}

char *
lode_allocation_editor_dup_summary (LodeAllocationEditor *self)
{
  double shares[LODE_N_ALLOC];
  double fund;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LODE_IS_ALLOCATION_EDITOR (self), NULL);

  lode_allocation_editor_get_shares (self, shares);
  fund = fund_size (self);

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_autofree char *share = lode_allocation_format_share (shares[i]);
      g_autofree char *money = format_money_busd (fund * shares[i] / 100.0);

      if (i > 0)
        g_string_append (out, _(", "));
      /* Translators: one part of the fund allocation summary, "Mine 15 % ($1.5 bn)" */
      g_string_append_printf (out, _("%s %s (%s)"), share_name (i), share, money);
    }

  return g_string_free (out, FALSE);
}
