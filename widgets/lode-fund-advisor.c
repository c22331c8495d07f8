/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-fund-advisor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-chart-view.h"
#include "lode-format.h"
#include "lode-fund-advisor.h"

struct _LodeFundAdvisor
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *heading;
  LodeChartView      *chart;
  GtkWidget          *caption;
  GtkWidget          *optimise_button;
  GtkPopover         *popover;
  GtkDropDown        *goal_dropdown;
  GtkWidget          *target_label;
  GtkSpinButton      *target_spin;
  GtkSpinButton      *year_spin;
  GtkAdjustment      *year_adjustment;
  GtkWidget          *find_button;
  GtkSpinner         *spinner;
  GtkLabel           *result_label;
  GtkWidget          *compare_button;
  GtkWidget          *apply_button;

  /* Owned */
  LodeDocument       *document;
  LodeMarginal       *marginal;
  LodeOptimiseResult *proposal;
  LodeScenario       *proposal_for;   /* the inputs the proposal was made for */
  GCancellable       *cancellable;    /* of the optimiser under way */

  gboolean            locked[LODE_N_FUND_KINDS];
  int                 year;
};

G_DEFINE_FINAL_TYPE (LodeFundAdvisor, lode_fund_advisor, GTK_TYPE_WIDGET)

/* Texts */

/* "China-free magnets from $1 bn more, 2035: the bottleneck is Separation." */
static void
update_texts (LodeFundAdvisor *self)
{
  g_autofree char *heading = NULL;
  int best;

  if (self->marginal == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->caption), _("Working out where the next dollar "
                                                        "goes…"));
      return;
    }
  /* Translators: the heading of the small marginal-value chart; %d is a year */
  heading = g_strdup_printf (_("China-free US magnets from $1 bn more, %d"),
                             lode_marginal_shown_year (self->marginal, self->year));
  gtk_label_set_text (GTK_LABEL (self->heading), heading);
  best = lode_marginal_best (self->marginal,
                             lode_marginal_shown_year (self->marginal, self->year));
  if (best >= 0)
    {
      /* Translators: under the marginal-value chart; %s is a use of the fund */
      g_autofree char *caption = g_strdup_printf (_("The bottleneck is %s: the next dollar "
                                                    "does most there."),
                                                  lode_fund_kind_name ((guint) best));

      gtk_label_set_text (GTK_LABEL (self->caption), caption);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->caption), _("No use of the fund adds China-free "
                                                     "magnets in this year yet."));
}

/* "$3.6 bn — Mining 0%, … — reaches 50% by 2030 (the plan now: 24%)." */
static char *
describe_proposal (const LodeOptimiseResult *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *fund = lode_format_busd (r->fund_busd, 1);
  g_autofree char *value = lode_format_share (r->value);
  g_autofree char *start = lode_format_share (r->start_value);

  g_string_append_printf (out, "%s — ", fund);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      g_autofree char *share = lode_format_percent (r->shares[k], 1);

      /* Translators: one use of the fund and its share in the optimiser's answer */
      g_string_append_printf (out, _("%s %s"), lode_fund_kind_name (k), share);
      g_string_append (out, k + 1 < LODE_N_FUND_KINDS ? ", " : ". ");
    }
  /* Translators: the end of the optimiser's answer: "Reaches 50% by 2030 (the plan now:
   * 24%)." */
  g_string_append_printf (out, _("Reaches %s by %d (the plan now: %s)."), value, r->request.year,
                          start);
  if (r->note != NULL)
    g_string_append_printf (out, " %s", r->note);
  return g_string_free (out, FALSE);
}

static void
set_busy (LodeFundAdvisor *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->find_button, !busy);
}

static void
clear_proposal (LodeFundAdvisor *self)
{
  g_clear_pointer (&self->proposal, lode_optimise_result_unref);
  g_clear_object (&self->proposal_for);
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  gtk_widget_set_sensitive (self->compare_button, FALSE);
}

static void
cancel (LodeFundAdvisor *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

/* Callbacks */

static void
optimise_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(LodeFundAdvisor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeOptimiseResult) result = lode_optimise_run_finish (res, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->document == NULL)
    return;
  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      gtk_label_set_text (self->result_label, error->message);
      return;
    }
  text = describe_proposal (result);
  gtk_label_set_text (self->result_label, text);
  self->proposal = g_steal_pointer (&result);
  gtk_widget_set_sensitive (self->apply_button, TRUE);
  gtk_widget_set_sensitive (self->compare_button, TRUE);
}

/* A proposal holds only for the inputs it was made for. */
static void
document_changed_cb (LodeFundAdvisor *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);

  if (self->cancellable != NULL)
    {
      cancel (self);
      gtk_label_set_text (self->result_label, _("The plan changed: find again."));
    }
  if (self->proposal != NULL && !lode_scenario_same_inputs (scenario, self->proposal_for))
    {
      clear_proposal (self);
      gtk_label_set_text (self->result_label, _("The plan changed: find again."));
    }
}

static void
goal_changed_cb (LodeFundAdvisor *self)
{
  gboolean smallest = gtk_drop_down_get_selected (self->goal_dropdown) == 0;

  gtk_widget_set_sensitive (self->target_label, smallest);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin), smallest);
}

static void
find_clicked_cb (LodeFundAdvisor *self)
{
  lode_fund_advisor_find (self,
                          gtk_drop_down_get_selected (self->goal_dropdown) == 0
                          ? LODE_OPTIMISE_SMALLEST_FUND : LODE_OPTIMISE_BEST_SPLIT,
                          gtk_spin_button_get_value (self->target_spin) / 100.0,
                          gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
apply_clicked_cb (LodeFundAdvisor *self)
{
  if (lode_fund_advisor_apply (self))
    gtk_popover_popdown (self->popover);
}

static void
compare_clicked_cb (LodeFundAdvisor *self)
{
  if (lode_fund_advisor_compare (self))
    gtk_label_set_text (self->result_label, _("The charts show the proposal as their baseline."));
}

/* The popover opens on the document's target and horizon. */
static void
popover_show_cb (LodeFundAdvisor *self)
{
  LodeScenario *scenario;

  if (self->document == NULL)
    return;
  scenario = lode_document_get_scenario (self->document);
  gtk_adjustment_set_upper (self->year_adjustment, lode_scenario_get_horizon (scenario));
  if (self->proposal == NULL && self->cancellable == NULL)
    gtk_spin_button_set_value (self->target_spin,
                               100 * lode_document_get_target_share (self->document));
}

static void
popover_closed_cb (LodeFundAdvisor *self)
{
  gtk_widget_grab_focus (self->optimise_button);
}

/* GObject */

static void
lode_fund_advisor_dispose (GObject *object)
{
  LodeFundAdvisor *self = LODE_FUND_ADVISOR (object);

  cancel (self);
  lode_fund_advisor_set_document (self, NULL);
  clear_proposal (self);
  g_clear_pointer (&self->marginal, lode_marginal_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_FUND_ADVISOR);

  G_OBJECT_CLASS (lode_fund_advisor_parent_class)->dispose (object);
}

static void
lode_fund_advisor_class_init (LodeFundAdvisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_fund_advisor_dispose;

  g_type_ensure (LODE_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/"
                                               "lode-fund-advisor.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, heading);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, chart);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, caption);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, optimise_button);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, popover);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, goal_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, target_label);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, target_spin);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, find_button);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, spinner);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, result_label);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, compare_button);
  gtk_widget_class_bind_template_child (widget_class, LodeFundAdvisor, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, goal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_set_css_name (widget_class, "fundadvisor");
}

static void
lode_fund_advisor_init (LodeFundAdvisor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->year = LODE_BASE_YEAR;
  lode_chart_view_set_kind (self->chart, LODE_CHART_MARGINAL);
  lode_chart_view_set_show_title (self->chart, FALSE);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  update_texts (self);
}

/* Public API */

GtkWidget *
lode_fund_advisor_new (void)
{
  return g_object_new (LODE_TYPE_FUND_ADVISOR, NULL);
}

void
lode_fund_advisor_set_document (LodeFundAdvisor *self,
                                LodeDocument    *document)
{
  g_return_if_fail (LODE_IS_FUND_ADVISOR (self));
  g_return_if_fail (document == NULL || LODE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  cancel (self);
  clear_proposal (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "scenario-replaced",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

void
lode_fund_advisor_set_marginal (LodeFundAdvisor *self,
                                LodeMarginal    *marginal,
                                int              year)
{
  g_return_if_fail (LODE_IS_FUND_ADVISOR (self));

  if (marginal != self->marginal)
    {
      if (marginal != NULL)
        lode_marginal_ref (marginal);
      g_clear_pointer (&self->marginal, lode_marginal_unref);
      self->marginal = marginal;
      lode_chart_view_set_analyses (self->chart, NULL, marginal, NULL);
    }
  self->year = year;
  if (year > 0 && year <= LODE_MAX_HORIZON)
    lode_chart_view_set_selected_year (self->chart, year);
  update_texts (self);
}

void
lode_fund_advisor_set_locked (LodeFundAdvisor *self,
                              guint            index,
                              gboolean         locked)
{
  g_return_if_fail (LODE_IS_FUND_ADVISOR (self));
  g_return_if_fail (index < LODE_N_FUND_KINDS);

  self->locked[index] = !!locked;
}

void
lode_fund_advisor_find (LodeFundAdvisor  *self,
                        LodeOptimiseGoal  goal,
                        double            target,
                        int               year)
{
  g_autoptr(LodeAnalysisModel) model = NULL;
  LodeOptimiseRequest request;

  g_return_if_fail (LODE_IS_FUND_ADVISOR (self));

  if (self->document == NULL)
    return;
  cancel (self);
  clear_proposal (self);

  lode_optimise_request_init (&request);
  request.goal = goal;
  request.target = CLAMP (target, 0.0, 1.0);
  request.year = year;
  memcpy (request.locked, self->locked, sizeof request.locked);
  self->proposal_for = lode_scenario_dup (lode_document_get_scenario (self->document));
  model = lode_analysis_model_new (lode_document_get_dataset (self->document),
                                   self->proposal_for);
  lode_analysis_model_set_background (model, TRUE);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_label_set_text (self->result_label, _("Searching…"));
  lode_optimise_run_async (model, &request, self->cancellable, optimise_done_cb,
                           g_object_ref (self));
}

gboolean
lode_fund_advisor_get_busy (LodeFundAdvisor *self)
{
  g_return_val_if_fail (LODE_IS_FUND_ADVISOR (self), FALSE);
  return self->cancellable != NULL;
}

LodeOptimiseResult *
lode_fund_advisor_get_proposal (LodeFundAdvisor *self)
{
  g_return_val_if_fail (LODE_IS_FUND_ADVISOR (self), NULL);
  return self->proposal;
}

gboolean
lode_fund_advisor_apply (LodeFundAdvisor *self)
{
  g_autoptr(LodeOptimiseResult) proposal = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  g_return_val_if_fail (LODE_IS_FUND_ADVISOR (self), FALSE);

  if (self->proposal == NULL || self->document == NULL)
    return FALSE;
  proposal = lode_optimise_result_ref (self->proposal);
  lode_document_begin_step (self->document);
  applied = lode_optimise_result_apply (proposal, lode_document_get_scenario (self->document),
                                        &error);
  lode_document_end_step (self->document);
  if (!applied)
    g_warning ("The proposal could not be applied: %s", error->message);
  return applied;
}

gboolean
lode_fund_advisor_compare (LodeFundAdvisor *self)
{
  g_autoptr(LodeScenario) proposal = NULL;

  g_return_val_if_fail (LODE_IS_FUND_ADVISOR (self), FALSE);

  if (self->proposal == NULL || self->document == NULL)
    return FALSE;
  proposal = lode_scenario_dup (lode_document_get_scenario (self->document));
  if (!lode_optimise_result_apply (self->proposal, proposal, NULL))
    return FALSE;
  lode_document_pin_baseline (self->document, proposal);
  return TRUE;
}
