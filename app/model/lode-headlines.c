/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-headlines"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-format.h"
#include "lode-headlines.h"

/* Computation */

static double
share_in (const LodeProjection *projection,
          int                   year)
{
  const LodeYear *y = lode_projection_get_year (projection, year);

  return y != NULL ? y->china_free_share_us_demand : NAN;
}

static double
defence_met_in (const LodeProjection *projection,
                int                   year)
{
  const LodeYear *y = lode_projection_get_year (projection, year);

  return y != NULL ? y->us_defence_need_met_share : NAN;
}

static int
first_year_reaching (const LodeProjection *projection,
                     double                target)
{
  for (int i = 0; i < projection->n_years; i++)
    if (projection->years[i].china_free_share_us_demand >= target - 1e-12)
      return projection->years[i].year;
  return 0;
}

static double
public_cost (const LodeProjection *projection)
{
  const LodeYear *last;

  if (projection->n_years <= 0)
    return 0.0;
  last = &projection->years[projection->n_years - 1];
  return last->public_spend_cum_busd + last->price_floor_cost_cum_busd;
}

static double
cost_per_tonne (const LodeProjection *projection)
{
  return projection->fund.china_free_cum_t > 0 ? projection->fund.cost_per_china_free_t_usd
                                               : NAN;
}

static double
jobs (const LodeProjection *projection)
{
  if (projection->n_years <= 0)
    return 0.0;
  return projection->years[projection->n_years - 1].jobs_us;
}

/* US magnets unmet and US magnet demand in `year`, t; NAN outside the horizon. */
static void
unmet_in (const LodeProjection *projection,
          int                   year,
          double               *unmet,
          double               *demand)
{
  const LodeYear *y = year > 0 ? lode_projection_get_year (projection, year) : NULL;

  *unmet = y != NULL ? y->us_shortfall_magnet_t : NAN;
  *demand = y != NULL ? y->us_demand_magnet_t : NAN;
}

/* The first year after the base year in which the largest share of US magnet demand goes
 * unmet, counting only shortfalls worth reporting (lode_shortfall_counts()); 0 if none. */
static int
worst_unmet_year (const LodeProjection *projection)
{
  double worst = 0;
  int year = 0;

  for (int i = 1; i < projection->n_years; i++)
    {
      const LodeYear *y = &projection->years[i];
      double unmet = y->us_shortfall_magnet_t, demand = y->us_demand_magnet_t;

      if (demand > 0 && lode_shortfall_counts (unmet, demand) && unmet / demand > worst)
        {
          worst = unmet / demand;
          year = y->year;
        }
    }
  return year;
}

void
lode_headlines_compute (const LodeProjection *projection,
                        const LodeProjection *baseline,
                        double                target_share,
                        LodeHeadlines        *out)
{
  g_return_if_fail (projection != NULL);
  g_return_if_fail (out != NULL);

  *out = (LodeHeadlines) {
    .china_free_2030 = share_in (projection, 2030),
    .china_free_2035 = share_in (projection, 2035),
    .target_year = first_year_reaching (projection, target_share),
    .public_cost_busd = public_cost (projection),
    .net_cost_busd = -projection->fund.npv_busd,
    .cost_per_t_usd = cost_per_tonne (projection),
    .discount_rate = projection->fund.discount_rate,
    .jobs = jobs (projection),
    .has_baseline = baseline != NULL,
    .base_china_free_2030 = NAN,
    .base_china_free_2035 = NAN,
    .base_public_cost_busd = NAN,
    .base_net_cost_busd = NAN,
    .base_cost_per_t_usd = NAN,
    .base_jobs = NAN,
    .base_target_year = 0,
    .target_share = target_share,
    .horizon = projection->horizon,
    .base_us_unmet_2030_t = NAN,
    .base_us_demand_2030_t = NAN,
    .base_us_unmet_2035_t = NAN,
    .base_us_demand_2035_t = NAN,
    .base_us_unmet_target_t = NAN,
    .base_us_demand_target_t = NAN,
    .defence_met = defence_met_in (projection, LODE_HEADLINE_DEFENCE_YEAR),
    .base_defence_met = NAN,
    .unmet_year = worst_unmet_year (projection),
    .base_us_unmet_t = NAN,
    .base_us_demand_t = NAN,
  };
  if (out->unmet_year == 0 && baseline != NULL)
    out->unmet_year = worst_unmet_year (baseline);
  if (out->unmet_year == 0)
    out->unmet_year = 2030;
  unmet_in (projection, out->unmet_year, &out->us_unmet_t, &out->us_demand_t);
  unmet_in (projection, 2030, &out->us_unmet_2030_t, &out->us_demand_2030_t);
  unmet_in (projection, 2035, &out->us_unmet_2035_t, &out->us_demand_2035_t);
  unmet_in (projection, out->target_year, &out->us_unmet_target_t, &out->us_demand_target_t);

  if (baseline != NULL)
    {
      out->base_china_free_2030 = share_in (baseline, 2030);
      out->base_china_free_2035 = share_in (baseline, 2035);
      out->base_target_year = first_year_reaching (baseline, target_share);
      out->base_public_cost_busd = public_cost (baseline);
      out->base_net_cost_busd = -baseline->fund.npv_busd;
      out->base_cost_per_t_usd = cost_per_tonne (baseline);
      out->base_jobs = jobs (baseline);
      out->base_defence_met = defence_met_in (baseline, LODE_HEADLINE_DEFENCE_YEAR);
      unmet_in (baseline, 2030, &out->base_us_unmet_2030_t, &out->base_us_demand_2030_t);
      unmet_in (baseline, 2035, &out->base_us_unmet_2035_t, &out->base_us_demand_2035_t);
      unmet_in (baseline, out->target_year, &out->base_us_unmet_target_t,
                &out->base_us_demand_target_t);
      unmet_in (baseline, out->unmet_year, &out->base_us_unmet_t, &out->base_us_demand_t);
    }
}

/* Text */

static char *
signed_number (double value,
               int    decimals)
{
  g_autofree char *number = lode_format_number (fabs (value), decimals);

  return g_strconcat (value < 0 ? LODE_MINUS_SIGN : "+", number, NULL);
}

/* Billions with one decimal below 100: "$15.0 bn", "$120 bn". */
static char *
format_busd (double busd)
{
  return lode_format_busd (busd, fabs (busd) >= 100 ? 0 : 1);
}

/* More US demand goes unmet than in the baseline (by more than half a percent of demand, or a
 * tonne): a China-free share that rises then does so because supply fell. */
static gboolean
supply_short (double unmet,
              double base_unmet,
              double demand)
{
  if (!isfinite (unmet) || !isfinite (base_unmet))
    return FALSE;
  return lode_shortfall_counts (unmet - base_unmet, demand);
}

/* Marks a difference that reads as good news but comes from a supply shortfall. */
static void
mark_supply_short (LodeHeadlineText *out)
{
  g_autofree char *delta = g_steal_pointer (&out->delta);

  out->trend = LODE_HEADLINE_SUPPLY_SHORT;
  /* Translators: a difference from the baseline that looks good but only because fewer
   * magnets reach the US, e.g. "+12 pts vs baseline (supply short)" */
  out->delta = g_strdup_printf (_("%s (supply short)"), delta);
}

/* A share's difference from the baseline in whole points, "+12 pts vs baseline", a rise
 * better; returns the points (0 without a difference to show). */
static long
points_delta (const LodeHeadlines *h,
              double               value,
              double               base,
              LodeHeadlineText    *out)
{
  long points;

  if (!h->has_baseline || !isfinite (value) || !isfinite (base))
    return 0;

  points = lround ((value - base) * 100.0);
  if (points == 0)
    {
      out->delta = g_strdup (_("Same as baseline"));
      return 0;
    }
  out->trend = points > 0 ? LODE_HEADLINE_BETTER : LODE_HEADLINE_WORSE;
  {
    g_autofree char *number = signed_number ((double) points, 0);

    /* Translators: difference in percentage points, e.g. "+12 pts vs baseline" */
    out->delta = g_strdup_printf (ngettext ("%s pt vs baseline", "%s pts vs baseline",
                                            (unsigned long) labs (points)),
                                  number);
  }
  return points;
}

static void
format_share (const LodeHeadlines *h,
              int                  year,
              double               value,
              double               base,
              gboolean             short_of_supply,
              LodeHeadlineText    *out)
{
  /* Translators: card title; %d is a year */
  out->title = g_strdup_printf (_("China-free share in %d"), year);
  out->value = lode_format_share (value);
  if (points_delta (h, value, base, out) > 0 && short_of_supply)
    mark_supply_short (out);
}

static void
format_defence (const LodeHeadlines *h,
                LodeHeadlineText    *out)
{
  /* Translators: card title: the share of US defence magnet needs met by magnets free of
   * Chinese material; %d is a year */
  out->title = g_strdup_printf (_("China-free defence in %d"),
                                LODE_HEADLINE_DEFENCE_YEAR);
  out->value = lode_format_share (h->defence_met);
  points_delta (h, h->defence_met, h->base_defence_met, out);
}

static void
format_target (const LodeHeadlines *h,
               LodeHeadlineText    *out)
{
  g_autofree char *pct = lode_format_share (h->target_share);

  /* Translators: card title; %s is a share such as "50%" */
  out->title = g_strdup_printf (_("%s China-free reached"), pct);
  if (h->target_year > 0)
    out->value = g_strdup_printf ("%d", h->target_year);
  else
    /* Translators: the target is not reached within the projection; %d is its last year */
    out->value = g_strdup_printf (_("Not by %d"), h->horizon);

  if (!h->has_baseline)
    return;

  if (h->target_year > 0 && h->base_target_year > 0)
    {
      int sooner = h->base_target_year - h->target_year;

      if (sooner > 0)
        {
          out->trend = LODE_HEADLINE_BETTER;
          out->delta = g_strdup_printf (ngettext ("%d year sooner than baseline",
                                                  "%d years sooner than baseline", sooner),
                                        sooner);
        }
      else if (sooner < 0)
        {
          out->trend = LODE_HEADLINE_WORSE;
          out->delta = g_strdup_printf (ngettext ("%d year later than baseline",
                                                  "%d years later than baseline", -sooner),
                                        -sooner);
        }
      else
        out->delta = g_strdup (_("Same year as baseline"));
    }
  else if (h->target_year > 0)
    {
      out->trend = LODE_HEADLINE_BETTER;
      /* Translators: %d is the last year of the projection */
      out->delta = g_strdup_printf (_("Baseline: not by %d"), h->horizon);
    }
  else if (h->base_target_year > 0)
    {
      out->trend = LODE_HEADLINE_WORSE;
      /* Translators: %d is a year */
      out->delta = g_strdup_printf (_("Baseline reaches it in %d"), h->base_target_year);
    }
  else
    out->delta = g_strdup (_("Baseline does not either"));

  if (out->trend == LODE_HEADLINE_BETTER
      && supply_short (h->us_unmet_target_t, h->base_us_unmet_target_t, h->us_demand_target_t))
    mark_supply_short (out);
}

/* "+$8.0 bn vs baseline", "Same as baseline" (within $50 M). */
static char *
dup_busd_delta (double value,
                double base)
{
  double diff = value - base;
  g_autofree char *number = NULL;

  if (fabs (diff) < 0.05)
    return g_strdup (_("Same as baseline"));
  number = lode_format_number (fabs (diff), fabs (diff) >= 100 ? 0 : 1);
  /* Translators: a difference in billions of US dollars, e.g. "+$8.0 bn vs baseline" */
  return g_strdup_printf (_("%s$%s bn vs baseline"), diff < 0 ? LODE_MINUS_SIGN : "+", number);
}

static void
format_net_cost (const LodeHeadlines *h,
                 LodeHeadlineText    *out)
{
  out->title = g_strdup (_("Net cost (NPV)"));
  out->value = format_busd (h->net_cost_busd);
  if (h->has_baseline && isfinite (h->base_net_cost_busd))
    out->delta = dup_busd_delta (h->net_cost_busd, h->base_net_cost_busd);
}

/* Dollars per tonne, to the nearest hundred: "$25,800/t". */
static char *
format_usd_per_t (double usd)
{
  g_autofree char *number = lode_format_number (fabs (round (usd / 100) * 100), 0);

  /* Translators: US dollars per tonne, e.g. "$25,800/t" */
  return g_strdup_printf (_("%s$%s/t"), usd < 0 ? LODE_MINUS_SIGN : "", number);
}

static void
format_cost_per_tonne (const LodeHeadlines *h,
                       LodeHeadlineText    *out)
{
  out->title = g_strdup (_("Cost per China-free tonne"));
  if (!isfinite (h->cost_per_t_usd))
    {
      out->value = g_strdup ("\342\200\224");
      out->delta = g_strdup (_("No China-free magnets"));
      return;
    }
  out->value = format_usd_per_t (h->cost_per_t_usd);
  if (!h->has_baseline)
    return;
  if (!isfinite (h->base_cost_per_t_usd))
    out->delta = g_strdup (_("Baseline has none"));
  else if (fabs (h->cost_per_t_usd - h->base_cost_per_t_usd) < 50)
    out->delta = g_strdup (_("Same as baseline"));
  else
    {
      g_autofree char *base = format_usd_per_t (h->base_cost_per_t_usd);

      /* Translators: the baseline's cost per tonne, e.g. "Baseline: $4,100/t" */
      out->delta = g_strdup_printf (_("Baseline: %s"), base);
    }
}

static void
format_jobs (const LodeHeadlines *h,
             LodeHeadlineText    *out)
{
  /* Translators: card title; %d is a year */
  out->title = g_strdup_printf (_("US chain jobs in %d"), h->horizon);
  out->value = lode_format_number (h->jobs, 0);
  if (!h->has_baseline || !isfinite (h->base_jobs))
    return;

  {
    double diff = round (h->jobs - h->base_jobs);
    g_autofree char *number = NULL;

    if (diff == 0)
      {
        out->delta = g_strdup (_("Same as baseline"));
        return;
      }
    out->trend = diff > 0 ? LODE_HEADLINE_BETTER : LODE_HEADLINE_WORSE;
    number = signed_number (diff, 0);
    /* Translators: a difference in jobs, e.g. "+1,200 vs baseline" */
    out->delta = g_strdup_printf (_("%s vs baseline"), number);
  }
}

static void
format_unmet (const LodeHeadlines *h,
              LodeHeadlineText    *out)
{
  g_autofree char *tonnes = lode_format_mass (h->us_unmet_t, "t");

  /* Translators: card title; %d is a year */
  out->title = g_strdup_printf (_("US magnets unmet in %d"), h->unmet_year);
  if (isfinite (h->us_unmet_t) && isfinite (h->us_demand_t) && h->us_demand_t > 0)
    {
      g_autofree char *pct = lode_format_share (h->us_unmet_t / h->us_demand_t);

      /* Translators: magnets unmet and their share of US demand, e.g. "3.1 kt (24%)" */
      out->value = g_strdup_printf (_("%s (%s)"), tonnes, pct);
    }
  else
    out->value = g_steal_pointer (&tonnes);

  if (!h->has_baseline || !isfinite (h->us_unmet_t) || !isfinite (h->base_us_unmet_t))
    return;

  {
    double diff = h->us_unmet_t - h->base_us_unmet_t;
    g_autofree char *amount = NULL;
    g_autofree char *number = NULL;

    if (fabs (diff) < 0.5)
      {
        out->delta = g_strdup (_("Same as baseline"));
        return;
      }
    /* More magnets unmet is worse. */
    out->trend = diff > 0 ? LODE_HEADLINE_WORSE : LODE_HEADLINE_BETTER;
    amount = lode_format_mass (fabs (diff), "t");
    number = g_strconcat (diff < 0 ? LODE_MINUS_SIGN : "+", amount, NULL);
    /* Translators: a difference, e.g. "+3.1 kt vs baseline" */
    out->delta = g_strdup_printf (_("%s vs baseline"), number);
  }
}

char *
lode_headline_dup_tooltip (LodeHeadline which)
{
  switch (which)
    {
    case LODE_HEADLINE_CHINA_FREE_2030:
    case LODE_HEADLINE_CHINA_FREE_2035:
      return g_strdup (_("China-free magnets reaching US users as a share of US magnet demand "
                         "(what users would buy before high prices cut it). A rise over the "
                         "baseline is green and a fall red; a rise while more US demand goes "
                         "unmet than in the baseline is amber and marked “supply short”: more "
                         "China-free magnets arrive, but US users are short of magnets "
                         "overall."));
    case LODE_HEADLINE_TARGET_YEAR:
      return g_strdup (_("The first year the China-free share of US magnet demand reaches the "
                         "target. Sooner than the baseline is green and later red; sooner while "
                         "more US demand goes unmet than in the baseline is amber and marked "
                         "“supply short”."));
    case LODE_HEADLINE_NET_COST:
      return g_strdup (_("What the fund and the price floor cost taxpayers: everything paid "
                         "out (grants, equity, loans, floor and offtake payments, guarantees) "
                         "less everything received (dividends, loan service, resale, the "
                         "equity’s value at the end), discounted to 2024 at the discount-rate "
                         "lever. The Fund chart shows the cash flows year by year."));
    case LODE_HEADLINE_COST_PER_TONNE:
      return g_strdup (_("The net cost (NPV) divided by all the China-free magnet tonnes that "
                         "reach US users over the projection."));
    case LODE_HEADLINE_JOBS:
      return g_strdup (_("Direct jobs in the US chain from mine to magnet in the last year of "
                         "the projection. More than the baseline is green, fewer red."));
    case LODE_HEADLINE_US_UNMET:
      /* Translators: %d is a year */
      return g_strdup_printf (_("US magnet demand that no supply meets, in tonnes and as a "
                                "share of US demand, in the year the largest share goes unmet "
                                "(in %d when none does). More than the baseline in that year "
                                "is red (worse), less is green."), 2030);
    case LODE_HEADLINE_DEFENCE:
      /* Translators: %d is a year */
      return g_strdup_printf (_("The share of US defence magnet needs (NdFeB and SmCo) met in "
                                "%d by magnets with no Chinese NdPr, Dy + Tb or samarium, with "
                                "the “defence first” switch when it is on. More than the "
                                "baseline is green, less red."), LODE_HEADLINE_DEFENCE_YEAR);
    case LODE_N_HEADLINES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
lode_headlines_format (const LodeHeadlines *headlines,
                       LodeHeadline         which,
                       LodeHeadlineText    *out)
{
  g_return_if_fail (headlines != NULL);
  g_return_if_fail (out != NULL);

  *out = (LodeHeadlineText) { NULL, NULL, NULL, LODE_HEADLINE_NEUTRAL };
  switch (which)
    {
    case LODE_HEADLINE_CHINA_FREE_2030:
      format_share (headlines, 2030, headlines->china_free_2030,
                    headlines->base_china_free_2030,
                    supply_short (headlines->us_unmet_2030_t, headlines->base_us_unmet_2030_t,
                                  headlines->us_demand_2030_t),
                    out);
      break;
    case LODE_HEADLINE_CHINA_FREE_2035:
      format_share (headlines, 2035, headlines->china_free_2035,
                    headlines->base_china_free_2035,
                    supply_short (headlines->us_unmet_2035_t, headlines->base_us_unmet_2035_t,
                                  headlines->us_demand_2035_t),
                    out);
      break;
    case LODE_HEADLINE_TARGET_YEAR:
      format_target (headlines, out);
      break;
    case LODE_HEADLINE_NET_COST:
      format_net_cost (headlines, out);
      break;
    case LODE_HEADLINE_COST_PER_TONNE:
      format_cost_per_tonne (headlines, out);
      break;
    case LODE_HEADLINE_JOBS:
      format_jobs (headlines, out);
      break;
    case LODE_HEADLINE_US_UNMET:
      format_unmet (headlines, out);
      break;
    case LODE_HEADLINE_DEFENCE:
      format_defence (headlines, out);
      break;
    case LODE_N_HEADLINES:
    default:
      g_return_if_reached ();
    }
}

void
lode_headline_text_clear (LodeHeadlineText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->value, g_free);
  g_clear_pointer (&text->delta, g_free);
  text->trend = LODE_HEADLINE_NEUTRAL;
}
