/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-fund.c — the fund as an investor: what it pays out, what comes back, and what
 * it is worth (docs/fund.md walks through one example by hand).
 *
 * Each year's money for a kind (a stage or recycling) is a cohort of projects. The fund's
 * part splits into grants, equity and loans by the instrument levers. A cohort's projects
 * earn a yearly margin (EBITDA): at the incentive price, running in full, the margin that
 * pays back their capex at the hurdle rate over a mine's life; it scales with how much of
 * the cohort is built, how much of the new capacity at its stage actually runs (plants
 * without China-free feed stand idle), and, for mines, separation and recycling, with the
 * NdPr price between the cash cost and the incentive price. From the margin the projects
 * first serve the fund's loans (what they cannot pay is written off), then pay dividends in
 * proportion to the fund's stake; in the last year the fund's stake is valued at a multiple
 * of the margin and a loan still being served at its remaining payments. A margin guarantee pays the projects what they fall short of its share of
 * the hurdle margin.
 *
 * Beside the cohorts: the price floor's top-ups (and the state's share of the price above
 * the floor once the offtake plant runs), and the offtake: US-made magnets bought at cost
 * plus a facilitation fee and resold at the market price, with the plant's margin floor
 * paid when the fee leaves it short.
 */
#define G_LOG_DOMAIN "lode-model-fund"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-model.h"

#define PARTNER_AU "AU"
#define PARTNER_JP "JP"
#define PARTNER_EU "EU"

/* Yearly payment that repays 1 over `years` at `rate` (capital recovery factor). */
static double
recovery_factor (double rate,
                 double years)
{
  if (years <= 0)
    return 0;
  if (rate <= 0)
    return 1 / years;
  return rate / (1 - pow (1 + rate, -years));
}

static void
setup_partner (Model      *m,
               const char *region_id,
               LodeLever   lever,
               double      years)
{
  int r = lode_dataset_region_index (m->ds, region_id);

  if (r >= 0 && years > 0)
    m->partner_fund_usd[r] = MAX (0.0, m->in->lever[lever]) * 1e9 / years;
}

void
lode_model_setup_instruments (Model *m)
{
  const double *lv = m->in->lever;
  const LodeDataset *ds = m->ds;
  double years = MAX (0, m->fund_end - m->fund_start);
  double life = MAX (1.0, ds->param[LODE_PARAM_MINE_LIFE_YEARS].value);

  for (int k = 0; k < N_KINDS; k++)
    {
      double e = lode_clamp (lv[LODE_LEVER_EQUITY_FIRST + k] / 100, 0, 1);
      double l = lode_clamp (lv[LODE_LEVER_LOAN_FIRST + k] / 100, 0, 1);

      /* Equity and loans take at most all of the money, in their proportion. */
      if (e + l > 1)
        {
          double sum = e + l;

          e /= sum;
          l /= sum;
        }
      m->equity_share[k] = e;
      m->loan_share[k] = l;
    }
  m->guarantee = lode_clamp (lv[LODE_LEVER_FUND_GUARANTEE_PCT] / 100, 0, 1);
  m->loan_rate = lv[LODE_LEVER_FUND_LOAN_RATE_PCT] / 100;
  m->loan_years = (int) lround (lv[LODE_LEVER_FUND_LOAN_YEARS]);
  m->discount = lv[LODE_LEVER_FUND_DISCOUNT_RATE_PCT] / 100;
  m->hurdle_crf = recovery_factor (MAX (0.0, ds->param[LODE_PARAM_PROJECT_HURDLE_PCT].value) / 100,
                                   life);
  m->exit_multiple = MAX (0.0, ds->param[LODE_PARAM_EXIT_MULTIPLE].value);
  m->floor_upside = lode_clamp (ds->param[LODE_PARAM_FLOOR_UPSIDE_SHARE].value, 0, 1);
  m->facilitation = lode_clamp (ds->param[LODE_PARAM_OFFTAKE_FACILITATION].value, 0, 1);
  m->offtake_t = MAX (0.0, lv[LODE_LEVER_POLICY_OFFTAKE_T]);
  m->offtake_start = (int) lround (lv[LODE_LEVER_POLICY_OFFTAKE_START_YEAR]);
  m->offtake_end = m->offtake_start + (int) lround (lv[LODE_LEVER_POLICY_OFFTAKE_YEARS]);
  m->ebitda_floor_usd = MAX (0.0, lv[LODE_LEVER_POLICY_EBITDA_FLOOR_MUSD]) * 1e6;
  setup_partner (m, PARTNER_AU, LODE_LEVER_PARTNERS_FUND_AU_BUSD, years);
  setup_partner (m, PARTNER_JP, LODE_LEVER_PARTNERS_FUND_JP_BUSD, years);
  setup_partner (m, PARTNER_EU, LODE_LEVER_PARTNERS_FUND_EU_BUSD, years);
}

void
lode_model_record_cohort (Model  *m,
                          int     ti,
                          int     kind,
                          double  capex)
{
  Cohort *c = &m->cohort[ti][kind];
  double loan;

  c->capex = capex;
  c->public_usd = capex / (1 + m->leverage);
  loan = c->public_usd * m->loan_share[kind];
  c->loan_service = loan * recovery_factor (m->loan_rate, m->loan_years);
  c->loan_years_paid = 0;
  /* The fund's equity over the projects' equity (all but the fund's loan). */
  c->stake = capex > loan ? c->public_usd * m->equity_share[kind] / (capex - loan) : 0;
}

/* How much of the new capacity at a stage (or of recycling) in the US runs, 0..1. */
static double
new_capacity_runs (const Model    *m,
                   const Year     *w,
                   const LodeYear *y,
                   int             kind)
{
  double flex, added, made;

  if (kind == KIND_RECYCLING)
    return 1;   /* recycled feed is taken first */
  flex = w->flex[NDPR][kind][m->us];
  added = w->newcap[NDPR][kind][m->us];
  made = y->chain[NDPR].production[kind][m->us];
  if (added <= 0)
    return 1;
  return lode_clamp ((made - (flex - added)) / added, 0, 1);
}

/* The margin at the year's NdPr price relative to the margin at the incentive price. */
static double
price_factor (const Model    *m,
              const Year     *w,
              const LodeYear *y,
              int             kind)
{
  const MatModel *nd = &m->mat[NDPR];
  double price = y->chain[NDPR].price_usd_kg, cost = nd->cost[m->us];

  if (kind == METAL || kind == MAGNET)
    return 1;   /* conversion: a toll on what runs */
  if (kind == SEPARATION && w->floor_on)
    price = MAX (price, m->floor);
  if (nd->incentive <= cost)
    return 1;
  return lode_clamp ((price - cost) / (nd->incentive - cost), -1, 3);
}

/* One cohort's year: margin, loan service, dividends, guarantee, exit value (USD). */
static void
cohort_year (Model          *m,
             const Year     *w,
             LodeYear       *y,
             int             fi,
             int             kind,
             double          out[LODE_N_FUND_OUT],
             double          in[LODE_N_FUND_IN],
             double         *written_off)
{
  Cohort *c = &m->cohort[fi][kind];
  LodeStage stage = kind == KIND_RECYCLING ? METAL : (LodeStage) kind;
  const Lead *lead = &m->lead_us[kind];
  double built, output, hurdle_margin, margin, floor, paid = 0;

  lode_unit_online (m, stage, m->base_year + fi + lead->whole, lead->phi, w->t,
                    m->u_ss[stage], &built, &output);
  if (built <= 0)
    return;
  hurdle_margin = c->capex * m->hurdle_crf * built;
  margin = hurdle_margin * new_capacity_runs (m, w, y, kind) * price_factor (m, w, y, kind);
  floor = m->guarantee * hurdle_margin;
  if (margin < floor)
    {
      out[LODE_FUND_OUT_GUARANTEES] += floor - margin;
      margin = floor;
    }
  if (c->loan_service > 0 && c->loan_years_paid < m->loan_years)
    {
      paid = MIN (c->loan_service, MAX (0.0, margin));
      in[LODE_FUND_IN_LOAN_SERVICE] += paid;
      *written_off += c->loan_service - paid;
      c->loan_years_paid++;
    }
  in[LODE_FUND_IN_DIVIDENDS] += c->stake * MAX (0.0, margin - paid);
  if (w->ti == m->n_years - 1)
    {
      int left = m->loan_years - c->loan_years_paid;

      in[LODE_FUND_IN_EXIT_VALUE] += c->stake * MAX (0.0, margin) * m->exit_multiple;
      /* A loan still being served is worth its remaining payments at its own rate. */
      if (left > 0 && c->loan_service > 0 && paid >= c->loan_service)
        in[LODE_FUND_IN_EXIT_VALUE] += c->loan_service / recovery_factor (m->loan_rate, left);
    }
}

/* US-made magnets bought at cost plus the facilitation fee and resold at the market price;
 * the plant's margin floor pays what the fee leaves short (USD). The cost is the market cost
 * of making the magnet: the floor's top-up of the oxide inside it is paid by the floor. */
static void
offtake_year (const Model    *m,
              const Year     *w,
              const LodeYear *y,
              double          out[LODE_N_FUND_OUT],
              double          in[LODE_N_FUND_IN])
{
  double bought, fee, margin;

  if (w->t < m->offtake_start || w->t >= m->offtake_end || m->offtake_t <= 0)
    return;
  bought = MIN (m->offtake_t, MAX (0.0, y->chain[NDPR].production[MAGNET][m->us])) * 1000;
  fee = m->facilitation * m->ebitda_floor_usd / (m->offtake_t * 1000);   /* USD per kg */
  margin = bought * fee;
  out[LODE_FUND_OUT_OFFTAKE] += bought * (y->magnet_price_usd_kg + fee);
  in[LODE_FUND_IN_OFFTAKE_RESALE] += bought * y->magnet_price_usd_kg;
  out[LODE_FUND_OUT_GUARANTEES] += MAX (0.0, m->ebitda_floor_usd - margin);
}

/* The state's share of the price above the floor, once the offtake plant runs (USD). */
static double
floor_upside (const Model    *m,
              const Year     *w,
              const LodeYear *y)
{
  const LodeChain *c = &y->chain[NDPR];
  double covered;

  if (!w->floor_on || w->t < m->offtake_start || c->price_usd_kg <= m->floor)
    return 0;
  covered = MIN (w->covered[NDPR], MAX (0.0, c->production[SEPARATION][m->us]));
  return m->floor_upside * (c->price_usd_kg - m->floor) * covered * 1000;
}

void
lode_model_fund_accounts (Model          *m,
                          const Year     *w,
                          LodeYear       *y,
                          const LodeYear *prev)
{
  double out[LODE_N_FUND_OUT] = { 0 }, in[LODE_N_FUND_IN] = { 0 }, written_off = 0;
  double net = 0;

  for (int k = 0; k < N_KINDS; k++)
    {
      const Cohort *now = &m->cohort[w->ti][k];

      out[LODE_FUND_OUT_GRANTS] += now->public_usd * (1 - m->equity_share[k] - m->loan_share[k]);
      out[LODE_FUND_OUT_EQUITY] += now->public_usd * m->equity_share[k];
      out[LODE_FUND_OUT_LOANS] += now->public_usd * m->loan_share[k];
      y->fund_stake[k] = now->stake;
      for (int fi = 0; fi < w->ti; fi++)
        if (m->cohort[fi][k].capex > 0)
          cohort_year (m, w, y, fi, k, out, in, &written_off);
    }
  out[LODE_FUND_OUT_FLOOR] = y->price_floor_cost_busd * 1e9;
  in[LODE_FUND_IN_FLOOR_UPSIDE] = floor_upside (m, w, y);
  offtake_year (m, w, y, out, in);

  for (int o = 0; o < LODE_N_FUND_OUT; o++)
    {
      y->fund_out_busd[o] = out[o] / 1e9;
      net -= y->fund_out_busd[o];
    }
  for (int i = 0; i < LODE_N_FUND_IN; i++)
    {
      y->fund_in_busd[i] = in[i] / 1e9;
      net += y->fund_in_busd[i];
    }
  y->fund_net_busd = net;
  y->fund_net_cum_busd = net + (prev != NULL ? prev->fund_net_cum_busd : 0);
  y->fund_written_off_busd = written_off / 1e9;
}

/* Net present value of the yearly net flows at `rate`, to the base year. */
static double
npv_at (const LodeProjection *p,
        double                rate)
{
  double npv = 0;

  for (int k = 0; k < p->n_years; k++)
    npv += p->years[k].fund_net_busd / pow (1 + rate, k);
  return npv;
}

/* The rate that makes the NPV zero, by bisection between -90 % and +100 %; NaN when the
 * flows do not change sign there. */
static double
internal_rate (const LodeProjection *p)
{
  double lo = -0.9, hi = 1.0, f_lo = npv_at (p, lo), f_hi = npv_at (p, hi);

  if (!(f_lo * f_hi < 0))
    return NAN;
  for (int i = 0; i < 80; i++)
    {
      double mid = (lo + hi) / 2, f_mid = npv_at (p, mid);

      if ((f_mid < 0) == (f_lo < 0))
        lo = mid, f_lo = f_mid;
      else
        hi = mid;
    }
  return (lo + hi) / 2;
}

void
lode_model_fund_summary (const Model    *m,
                         LodeProjection *p)
{
  LodeFundAccounts *a = &p->fund;

  memset (a, 0, sizeof *a);
  a->discount_rate = m->discount;
  a->npv_busd = npv_at (p, m->discount);
  a->irr = internal_rate (p);
  for (int k = 0; k < p->n_years; k++)
    {
      const LodeYear *y = &p->years[k];

      a->net_fiscal_cost_busd -= y->fund_net_busd;
      a->china_free_cum_t += y->us_china_free_magnet_t;
      a->worst_year_busd = MAX (a->worst_year_busd, -y->fund_net_busd);
    }
  a->cost_per_china_free_t_usd = a->china_free_cum_t > 0 ?
                                 -a->npv_busd * 1e9 / a->china_free_cum_t : 0;
}
