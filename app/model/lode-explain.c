/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-explain.c — how a headline figure is made, term by term. */
#define G_LOG_DOMAIN "lode-explain"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lode-explain.h"
#include "lode-format.h"

#define MAX_ORIGINS 2   /* oxide origins named per maker */

static const char *const keys[] = {
  "china_free_share_us_demand",
  "us_china_free_magnets_t",
  "us_defence_need_met_share",
  "ndpr_price_usd_kg",
  "heavy_price_usd_kg",
  "sm_price_usd_kg",
  "fund_unabsorbed_busd",
  "fund_npv_busd",
  NULL
};

const char *const *
lode_explain_keys (void)
{
  return keys;
}

static void
term_free (gpointer data)
{
  LodeExplainTerm *term = data;

  g_free (term->label);
  g_free (term->detail);
  g_free (term);
}

void
lode_explanation_free (LodeExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->title);
  g_free (self->value_text);
  g_free (self->formula);
  g_free (self->terms_title);
  g_free (self->term_unit);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_free (self->note);
  g_free (self);
}

static void
add_term (LodeExplanation *self,
          const char      *label,
          double           value,
          char            *detail)   /* owned */
{
  LodeExplainTerm *term = g_new0 (LodeExplainTerm, 1);

  term->label = g_strdup (label);
  term->value = value;
  term->detail = detail;
  g_ptr_array_add (self->terms, term);
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const LodeExplainTerm *x = *(LodeExplainTerm *const *) a;
  const LodeExplainTerm *y = *(LodeExplainTerm *const *) b;

  /* Largest first, whichever way the money goes. */
  return fabs (x->value) > fabs (y->value) ? -1 : (fabs (x->value) < fabs (y->value) ? 1 : 0);
}

/* China-free mass on a flow (t oxide eq). */
static double
clean_flow (const LodeProjection *p,
            const LodeYear       *y,
            LodeMaterial          material,
            LodeStage             stage,
            guint                 from,
            guint                 to)
{
  double f = y->chain[material].flow_ox[stage][from][to];

  return f > 0 ? f * (1 - lode_projection_flow_china_content (p, y, material, stage, from,
                                                               to)) : 0;
}

/* "via oxide separated in Malaysia (60%), the United States (40%)": where the China-free
 * metal a maker used was separated, two links up the chain. */
static char *
dup_oxide_origins (const LodeProjection *p,
                   const LodeYear       *y,
                   guint                 maker)
{
  const LodeDataset *ds = lode_projection_get_dataset (p);
  double origin[LODE_MAX_REGIONS] = { 0 }, total = 0;
  guint best[MAX_ORIGINS];
  GString *out;

  for (guint j = 0; j < p->n_regions; j++)
    {
      double metal = clean_flow (p, y, LODE_MATERIAL_NDPR, LODE_STAGE_METAL, j, maker);
      double oxide = 0;

      if (metal <= 0)
        continue;
      for (guint k = 0; k < p->n_regions; k++)
        oxide += clean_flow (p, y, LODE_MATERIAL_NDPR, LODE_STAGE_SEPARATION, k, j);
      for (guint k = 0; k < p->n_regions && oxide > 0; k++)
        origin[k] += metal * clean_flow (p, y, LODE_MATERIAL_NDPR, LODE_STAGE_SEPARATION, k,
                                         j) / oxide;
    }
  for (guint k = 0; k < p->n_regions; k++)
    total += origin[k];
  if (total <= 0)
    return NULL;

  for (guint n = 0; n < MAX_ORIGINS; n++)
    {
      best[n] = G_MAXUINT;
      for (guint k = 0; k < p->n_regions; k++)
        if (origin[k] > 0.005 * total && (best[n] == G_MAXUINT || origin[k] > origin[best[n]])
            && (n == 0 || k != best[0]))
          best[n] = k;
    }
  out = g_string_new (NULL);
  for (guint n = 0; n < MAX_ORIGINS && best[n] != G_MAXUINT; n++)
    {
      g_autofree char *share = lode_format_share (origin[best[n]] / total);

      if (n > 0)
        g_string_append (out, _(", "));
      /* Translators: a region and its share, "Malaysia (60%)" */
      g_string_append_printf (out, C_("origin", "%s (%s)"),
                              lode_region_name (&ds->regions[best[n]]), share);
    }
  /* Translators: where a maker's China-free metal was separated, "via oxide separated in
   * Malaysia (60%), the United States (40%)" */
  {
    g_autofree char *names = g_string_free (out, FALSE);

    return g_strdup_printf (_("via oxide separated in %s"), names);
  }
}

static void
explain_china_free (const LodeProjection *p,
                    const LodeYear       *y,
                    LodeExplanation      *e,
                    gboolean              as_share)
{
  const LodeDataset *ds = lode_projection_get_dataset (p);
  g_autofree char *free_t = lode_format_mass (y->us_china_free_magnet_t, "t");
  g_autofree char *demand = lode_format_mass (y->us_demand_magnet_t, "t");

  if (as_share)
    {
      /* Translators: the China-free share's title, "… of US magnet demand, 2030" */
      e->title = g_strdup_printf (_("China-free share of US magnet demand, %d"), y->year);
      e->value_text = lode_format_percent (100 * y->china_free_share_us_demand, 1);
      /* Translators: how the share is made: China-free tonnes ÷ demand tonnes */
      e->formula = g_strdup_printf (_("= %s of China-free magnets ÷ %s of US magnet demand "
                                      "before the price response"), free_t, demand);
    }
  else
    {
      e->title = g_strdup_printf (_("China-free magnets reaching US use, %d"), y->year);
      e->value_text = g_strdup (free_t);
      e->formula = g_strdup (_("= the magnets each maker sent to US users whose NdPr (and, in "
                               "Dy/Tb grades, Dy + Tb) never passed through China, plus "
                               "China-free samarium-cobalt magnets"));
    }
  e->terms_title = g_strdup (_("China-free magnets by maker"));
  e->term_unit = g_strdup ("t");
  for (guint i = 0; i < p->n_regions; i++)
    {
      const char *region = lode_region_name (&ds->regions[i]);

      if (y->us_china_free_ndfeb_from_t[i] > 0.5)
        {
          g_autofree char *label = g_strdup_printf (_("%s, NdFeB"), region);

          add_term (e, label, y->us_china_free_ndfeb_from_t[i],
                    dup_oxide_origins (p, y, i));
        }
      if (y->us_china_free_smco_from_t[i] > 0.5)
        {
          g_autofree char *label = g_strdup_printf (_("%s, samarium-cobalt"), region);

          add_term (e, label, y->us_china_free_smco_from_t[i], NULL);
        }
    }
  if (y->us_heavy_grade_share > 0)
    {
      g_autofree char *grades = lode_format_share (y->us_heavy_grade_share);

      e->note = g_strdup_printf (_("%s of NdFeB magnets are Dy/Tb grades: they count as "
                                   "China-free only when their Dy + Tb is too."), grades);
    }
}

static void
explain_defence (const LodeYear  *y,
                 LodeExplanation *e)
{
  g_autofree char *met = lode_format_mass (y->us_defence_met_t, "t");
  g_autofree char *need = lode_format_mass (y->us_defence_need_t, "t");

  e->title = g_strdup_printf (_("US defence magnet need met China-free, %d"), y->year);
  e->value_text = lode_format_percent (100 * y->us_defence_need_met_share, 1);
  e->formula = g_strdup_printf (_("= %s met ÷ %s needed (NdFeB and samarium-cobalt)"), met,
                                need);
  e->terms_title = g_strdup (_("Need and supply"));
  e->term_unit = g_strdup ("t");
  add_term (e, _("Defence need"), y->us_defence_need_t, NULL);
  add_term (e, _("China-free magnets reaching US use"), y->us_china_free_magnet_t, NULL);
  add_term (e, _("Defence need met"), y->us_defence_met_t, NULL);
  e->note = g_strdup (_("With “defence first” the China-free magnets serve defence before "
                        "anyone else; without it defence gets its share of them."));
}

static void
explain_price (const LodeProjection *p,
               const LodeYear       *y,
               LodeMaterial          material,
               LodeExplanation      *e)
{
  const LodeDataset *ds = lode_projection_get_dataset (p);
  const LodeChain *c = &y->chain[material];
  const char *unit = lode_material_stage_unit (material, LODE_STAGE_SEPARATION);
  g_autofree char *inside = lode_format_usd_kg (c->price_china_usd_kg, 1);

  /* Translators: "NdPr oxide price outside China, 2030" */
  e->title = g_strdup_printf (_("%s oxide price outside China, %d"), lode_material_name (material),
                              y->year);
  e->value_text = lode_format_usd_kg (c->price_usd_kg, 1);
  if (c->withheld_share > 0)
    {
      g_autofree char *withheld = lode_format_share (c->withheld_share);

      e->formula = g_strdup_printf (_("= the price that clears the market of the restriction's "
                                      "targets, with China withholding %s; inside China %s"),
                                    withheld, inside);
    }
  else
    e->formula = g_strdup (_("= the price at which the world's separators offer what users "
                             "take after the price response (one world price)"));
  e->terms_title = g_strdup_printf (_("Separated oxide by region (%s)"), unit);
  e->term_unit = g_strdup (unit);
  for (guint r = 0; r < p->n_regions; r++)
    if (c->production[LODE_STAGE_SEPARATION][r] > 0.5)
      add_term (e, lode_region_name (&ds->regions[r]), c->production[LODE_STAGE_SEPARATION][r],
                NULL);
  if (c->demand_destroyed_t > 0)
    {
      g_autofree char *lost = lode_format_mass (c->demand_destroyed_t, "t");
      g_autofree char *trend = lode_format_mass (c->world_demand_trend_t, "t");

      e->note = g_strdup_printf (_("At this price users give up %s of the %s they would have "
                                   "used (magnet-stage units)."), lost, trend);
    }
}

static void
explain_unabsorbed (const LodeYear  *y,
                    LodeExplanation *e)
{
  e->title = g_strdup_printf (_("Fund money no stage could absorb, %d"), y->year);
  e->value_text = lode_format_busd (y->fund_unabsorbed_busd, 2);
  e->formula = g_strdup (_("= the year's tranche beyond what each stage's builders, "
                           "deposits and feed could take at rising marginal cost"));
  e->terms_title = g_strdup (_("By kind"));
  e->term_unit = g_strdup ("$ bn");
  for (int k = 0; k < LODE_N_FUND_KINDS; k++)
    add_term (e, k < LODE_N_STAGES ? lode_stage_name ((LodeStage) k) : _("Recycling"),
              y->fund_unabsorbed_kind_busd[k], NULL);
}

static const char *const fund_out_names[LODE_N_FUND_OUT] = {
  [LODE_FUND_OUT_GRANTS] = N_("Grants"),
  [LODE_FUND_OUT_EQUITY] = N_("Equity invested"),
  [LODE_FUND_OUT_LOANS] = N_("Loans made"),
  [LODE_FUND_OUT_FLOOR] = N_("Price-floor top-ups"),
  [LODE_FUND_OUT_OFFTAKE] = N_("Offtake purchases"),
  [LODE_FUND_OUT_GUARANTEES] = N_("Margin floors and guarantees called"),
};

static const char *const fund_in_names[LODE_N_FUND_IN] = {
  [LODE_FUND_IN_DIVIDENDS] = N_("Dividends"),
  [LODE_FUND_IN_LOAN_SERVICE] = N_("Interest and repayments"),
  [LODE_FUND_IN_FLOOR_UPSIDE] = N_("Price-floor upside share"),
  [LODE_FUND_IN_OFFTAKE_RESALE] = N_("Offtake resale"),
  [LODE_FUND_IN_EXIT_VALUE] = N_("Equity’s value at the end"),
};

/* The NPV over the whole projection (the year only names the card it was asked from): each
 * kind of cash flow discounted to the base year, out negative and in positive; the terms add
 * up to the NPV (docs/fund.md). */
static void
explain_npv (const LodeProjection *p,
             LodeExplanation      *e)
{
  double out[LODE_N_FUND_OUT] = { 0 }, in[LODE_N_FUND_IN] = { 0 };
  g_autofree char *rate = lode_format_percent (p->fund.discount_rate * 100, 1);

  for (int k = 0; k < p->n_years; k++)
    {
      double factor = 1 / pow (1 + p->fund.discount_rate, k);

      for (int i = 0; i < LODE_N_FUND_OUT; i++)
        out[i] += p->years[k].fund_out_busd[i] * factor;
      for (int i = 0; i < LODE_N_FUND_IN; i++)
        in[i] += p->years[k].fund_in_busd[i] * factor;
    }
  e->title = g_strdup_printf (_("The fund’s net present value, %d–%d"), p->base_year,
                              p->horizon);
  e->value_text = lode_format_busd (p->fund.npv_busd, 2);
  /* Translators: %s is a discount rate, e.g. "2.0%" */
  e->formula = g_strdup_printf (_("= everything received less everything paid out, each year "
                                  "discounted to %d at %s a year"), p->base_year, rate);
  e->terms_title = g_strdup (_("By cash flow, discounted"));
  e->term_unit = g_strdup ("$ bn");
  for (int i = 0; i < LODE_N_FUND_OUT; i++)
    if (out[i] != 0)
      add_term (e, _(fund_out_names[i]), -out[i], NULL);
  for (int i = 0; i < LODE_N_FUND_IN; i++)
    if (in[i] != 0)
      add_term (e, _(fund_in_names[i]), in[i], NULL);
  if (isfinite (p->fund.irr))
    {
      g_autofree char *irr = lode_format_percent (p->fund.irr * 100, 1);

      /* Translators: %s is an internal rate of return, e.g. "-13.9%" */
      e->note = g_strdup_printf (_("Internal rate of return: %s a year."), irr);
    }
}

LodeExplanation *
lode_explain (const LodeProjection  *projection,
              const char            *key,
              int                    year,
              GError               **error)
{
  g_autoptr(LodeExplanation) e = NULL;
  const LodeYear *y;

  g_return_val_if_fail (projection != NULL, NULL);

  if (key == NULL || !g_strv_contains ((const char *const *) keys, key))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) keys);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot explain “%s”: the figures that can be explained are %s"),
                   key != NULL ? key : "", known);
      return NULL;
    }
  y = lode_projection_get_year (projection, year);
  if (y == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Year %d is outside the projection (%d–%d)"), year,
                   projection->base_year, projection->horizon);
      return NULL;
    }

  e = g_new0 (LodeExplanation, 1);
  e->key = g_strdup (key);
  e->year = year;
  e->terms = g_ptr_array_new_with_free_func (term_free);
  if (g_str_equal (key, "china_free_share_us_demand"))
    explain_china_free (projection, y, e, TRUE);
  else if (g_str_equal (key, "us_china_free_magnets_t"))
    explain_china_free (projection, y, e, FALSE);
  else if (g_str_equal (key, "us_defence_need_met_share"))
    explain_defence (y, e);
  else if (g_str_equal (key, "fund_unabsorbed_busd"))
    explain_unabsorbed (y, e);
  else if (g_str_equal (key, "fund_npv_busd"))
    explain_npv (projection, e);
  else
    {
      LodeMaterial material = LODE_MATERIAL_NDPR;
      g_autofree char *id = g_strndup (key, strcspn (key, "_"));

      lode_material_from_id (id, &material);
      explain_price (projection, y, material, e);
    }
  g_ptr_array_sort (e->terms, compare_terms);
  return g_steal_pointer (&e);
}

char *
lode_explain_term_dup_value (const LodeExplanation *self,
                             const LodeExplainTerm *term)
{
  g_return_val_if_fail (self != NULL && term != NULL, NULL);

  /* Money keeps its cents of a billion whatever its size, as the headline does: rows of
   * whole billions did not add up to it (−13 for −13.5). Tonnes above 10 need no decimals. */
  if (g_strcmp0 (self->term_unit, "$ bn") == 0)
    return lode_format_quantity (term->value, 2, self->term_unit);
  return lode_format_quantity (term->value, fabs (term->value) < 10 ? 2 : 0, self->term_unit);
}

char *
lode_explanation_to_text (const LodeExplanation *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  int label_width = 0, value_width = 0;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "%s: %s\n  %s\n", self->title, self->value_text,
                          self->formula);
  for (guint i = 0; i < self->terms->len; i++)
    {
      const LodeExplainTerm *t = g_ptr_array_index (self->terms, i);
      char *value = lode_explain_term_dup_value (self, t);

      g_ptr_array_add (values, value);
      label_width = MAX (label_width, (int) g_utf8_strlen (t->label, -1));
      value_width = MAX (value_width, (int) g_utf8_strlen (value, -1));
    }
  if (self->terms->len > 0)
    g_string_append_printf (out, "%s:\n", self->terms_title);
  for (guint i = 0; i < self->terms->len; i++)
    {
      const LodeExplainTerm *t = g_ptr_array_index (self->terms, i);
      const char *value = g_ptr_array_index (values, i);

      /* Padding counts characters, not bytes: labels and grouped numbers may be UTF-8. */
      g_string_append_printf (out, "  %s%*s  %*s%s", t->label,
                              label_width - (int) g_utf8_strlen (t->label, -1), "",
                              value_width - (int) g_utf8_strlen (value, -1), "", value);
      if (t->detail != NULL)
        g_string_append_printf (out, "  %s", t->detail);
      g_string_append_c (out, '\n');
    }
  if (self->note != NULL)
    g_string_append_printf (out, "%s\n", self->note);
  return g_string_free (out, FALSE);
}
