/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-projection-core.c — the yearly model of the chain (see lode-projection.h for the rules).
 *
 * One call fills a zeroed LodeProjection from a dataset and the scenario's inputs. Everything
 * it needs lives in a Model struct on the stack: nothing is allocated, no locale is consulted,
 * and every loop runs in a fixed order, so two runs are bit-identical.
 *
 * Per year: demand and recycling, capacity (base, projects, fund tranches, China's growth),
 * price from the capacity balance, planned output (non-China from utilisation, China as the
 * swing producer filling the world need backwards from magnet demand), then a forward pass
 * stage by stage: production limited by what reaches the plant, trade by preference, China
 * content mixed by mass; finally money, jobs and the environment.
 */
#define G_LOG_DOMAIN "lode-projection-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-projection-private.h"

#define N_KINDS        (LODE_N_STAGES + 1)   /* fund allocation: the four stages, recycling */
#define KIND_RECYCLING LODE_N_STAGES
#define MAX_UNITS      (LODE_MAX_PROJECTS + LODE_SCENARIO_MAX_USER_PROJECTS)

/* Estimates (basis E), documented in lode-projection.h. */
#define EOL_RECYCLING_2024      0.01  /* share of retired magnets recycled today (<1 % cited) */
#define RECYCLING_TARGET_YEAR   2035
#define UTILISATION_CONVERGENCE 3.0   /* years for existing plants to reach steady use */
#define PRICE_FACTOR_MIN        0.4   /* lowest utilisation multiplier when price < cost */
#define PRICE_BALANCE_MIN       0.25  /* clamp of the balance term of the price */
#define PRICE_BALANCE_MAX       4.0
#define TARIFF_ELASTICITY       2.0   /* China weight for US magnets x 1 / (1 + 2 x tariff) */
#define ENV_CAPEX_SLOPE         0.2
#define ENV_INTENSITY_SLOPE     0.5
#define TRADE_ROUNDS            2

typedef struct
{
  LodeStage stage;
  guint     region;
  double    capacity;   /* nameplate, stage units per year */
  int       start;      /* whole start year ... */
  double    phi;        /* ... and the fraction of a year later it really starts */
} Unit;

/* A base-year trade relationship: `share` of exporter i's surplus went to region j. */
typedef struct
{
  guint  i;
  guint  j;
  double share;
} Link;

typedef struct
{
  const LodeDataset          *ds;
  const LodeProjectionInputs *in;
  guint   n;
  guint   cn;
  guint   us;
  int     base_year;
  int     n_years;

  /* Conversions */
  double  share[LODE_MAX_REGIONS];   /* ore NdPr share */
  double  recovery;
  double  o2m;
  double  conv_metal;                /* t metal per t oxide processed */
  double  nm;                        /* net t metal per t finished magnet */
  double  ox_per_magnet;             /* t oxide equivalent in a finished magnet */
  double  secondary_in;              /* China's secondary separation feed, t oxide input */
  double  inv_share[LODE_MAX_REGIONS];
  double  inv_o2m;
  double  inv_conv_metal;
  double  magnet_per_ox;             /* t magnet per t oxide equivalent of metal processed */

  /* Stage economics */
  double  u_ss[LODE_N_STAGES];
  double  ramp[LODE_N_STAGES][4];
  double  base_cap[LODE_N_STAGES][LODE_MAX_REGIONS];
  double  u_obs[LODE_N_STAGES][LODE_MAX_REGIONS];
  double  u_tgt[LODE_N_STAGES][LODE_MAX_REGIONS];
  double  u_cn_max[LODE_N_STAGES];
  double  nonchina_cap0[LODE_N_STAGES];
  double  capex_mult_us;
  double  intensity_us;

  /* Scenario */
  gboolean aligned[LODE_MAX_REGIONS];   /* the US and its allies */
  gboolean ally[LODE_MAX_REGIONS];      /* allies only */
  gboolean target[LODE_MAX_REGIONS];
  guint    n_allies;
  double   friendshoring;
  double   growth[3];                   /* %/yr for 2024-30, 2030-40, 2040-60 */
  double   backcast_growth;
  double   recycling_target;
  double   service_life;
  double   floor;
  int      floor_start;
  int      floor_end;                   /* exclusive */
  double   tariff;
  double   withheld;
  int      shock_start;
  int      shock_end;                   /* exclusive */
  int      fund_start;
  int      fund_end;                    /* exclusive */
  double   fund_annual_busd;
  double   alloc[N_KINDS];
  double   leverage;
  double   coinvest;
  int      lead_us_whole[N_KINDS];     /* lead times split into whole years + fraction */
  double   lead_us_phi[N_KINDS];
  int      lead_ally_whole[N_KINDS];
  double   lead_ally_phi[N_KINDS];

  guint    n_units;
  Unit     units[MAX_UNITS];

  /* State carried from year to year */
  double   china_organic[LODE_N_STAGES];
  double   china_plate_prev[LODE_N_STAGES];
  double   china_residual_prev[LODE_N_STAGES];
  double   balance0;
  double   world_demand_prev;
  double   supplied_hist[LODE_MAX_YEARS][LODE_MAX_REGIONS];
  double   content_hist[LODE_MAX_YEARS][LODE_MAX_REGIONS];
  double   funded_us[LODE_MAX_YEARS][N_KINDS];
  double   funded_ally[LODE_MAX_YEARS][N_KINDS][LODE_MAX_REGIONS];
  int      funded_last;                 /* last year index with a tranche, or -1 */

  /* Trade relationships of the base year (non-China exporters only), one list per stage.
   * Last, and not zeroed: each list is filled in the base year before it is read. */
  guint    n_links[LODE_N_STAGES];
  Link     links[LODE_N_STAGES][LODE_MAX_REGIONS * LODE_MAX_REGIONS];
} Model;

static inline double
clamp (double x,
       double lo,
       double hi)
{
  return x < lo ? lo : (x > hi ? hi : x);
}

static inline double
safe_div (double a,
          double b)
{
  return b > 0 ? a / b : 0;
}

/* Output factor of one year of age k (0 = first year) on the stage's ramp profile. */
static inline double
ramp_factor (const Model *m,
             LodeStage    stage,
             int          k,
             double       steady)
{
  if (k < 0)
    return 0;
  if (k < 4)
    return MIN (m->ramp[stage][k], steady);
  return steady;
}

/* Nameplate fraction online and output factor in year t of a unit starting at `start`; a
 * fractional start interpolates between the two whole years around it. */
static inline void
unit_online (const Model *m,
             LodeStage    stage,
             int          start,
             double       phi,
             int          t,
             double       steady,
             double      *out_plate,
             double      *out_output)
{
  int k = t - start;

  if (k < 0)
    {
      *out_plate = 0;
      *out_output = 0;
      return;
    }
  *out_plate = (1 - phi) + (k >= 1 ? phi : 0);
  *out_output = (1 - phi) * ramp_factor (m, stage, k, steady)
                + phi * ramp_factor (m, stage, k - 1, steady);
}

static inline gboolean
shock_active (const Model *m,
              int          t)
{
  return m->withheld > 0 && t >= m->shock_start && t < m->shock_end;
}

/* One pass of trade: exporters' surplus `sup` against importers' `need`, both updated, by
 * phases (A)-(D) (see lode-projection.h). Grants are added to flow[][]. */
static void
allocate_pass (const Model *m,
               int          t,
               LodeStage    stage,
               double       sup[LODE_MAX_REGIONS],
               double       need[LODE_MAX_REGIONS],
               double       flow[LODE_MAX_REGIONS][LODE_MAX_REGIONS])
{
  const guint n = m->n;
  const guint cn = m->cn;
  const gboolean shock = shock_active (m, t);
  const gboolean tariff = stage == LODE_STAGE_MAGNET && m->tariff > 0 &&
                          t >= LODE_TARIFF_START_YEAR;
  const double fs = m->friendshoring;
  double w[LODE_MAX_REGIONS];
  guint exp[LODE_MAX_REGIONS], imp[LODE_MAX_REGIONS];
  guint n_exp = 0, n_imp = 0;

  for (guint i = 0; i < n; i++)
    {
      if (sup[i] > 0)
        exp[n_exp++] = i;
      else if (need[i] > 0)
        imp[n_imp++] = i;
    }

  if (n_imp == 0 || n_exp == 0)
    goto done;

  /* (A) friend-shoring: US-aligned importers draw a share of their need from allied exporters,
   * who give in proportion to their surplus: the US first, then the allies pro rata. */
  if (fs > 0)
    {
      double allied_supply = 0, requested = 0;

      for (guint a = 0; a < n_exp; a++)
        if (m->aligned[exp[a]])
          allied_supply += sup[exp[a]];
      if (allied_supply > 0 && need[m->us] > 0 && sup[m->us] <= 0)
        {
          double r = MIN (fs * need[m->us], allied_supply);
          double k = 1 - r / allied_supply;

          for (guint a = 0; a < n_exp; a++)
            if (m->aligned[exp[a]])
              {
                double g = r * sup[exp[a]] / allied_supply;

                flow[exp[a]][m->us] += g;
                sup[exp[a]] = MAX (0.0, sup[exp[a]] * k);
              }
          need[m->us] = MAX (0.0, need[m->us] - r);
          allied_supply -= r;
        }
      for (guint b = 0; b < n_imp; b++)
        if (m->aligned[imp[b]] && imp[b] != m->us)
          requested += fs * need[imp[b]];

      if (allied_supply > 0 && requested > 0)
        {
          double k = MIN (1.0, allied_supply / requested);

          for (guint b = 0; b < n_imp; b++)
            {
              guint j = imp[b];
              double r;

              if (!m->aligned[j] || j == m->us)
                continue;
              r = fs * need[j] * k / allied_supply;
              {
                double got = 0;

                for (guint a = 0; a < n_exp; a++)
                  if (m->aligned[exp[a]])
                    {
                      double g = r * sup[exp[a]];

                      flow[exp[a]][j] += g;
                      got += g;
                    }
                need[j] -= got;
              }
            }
          k = 1 - requested * k / allied_supply;
          for (guint a = 0; a < n_exp; a++)
            if (m->aligned[exp[a]])
              sup[exp[a]] = MAX (0.0, sup[exp[a]] * k);
        }
    }

  /* (B) market: every importer draws from every exporter in proportion to its
   * preference-weighted surplus; oversubscribed exporters scale their grants down. All
   * non-China exporters have weight 1, so they share one scale; China has its own. */
  for (int round = 0; round < TRADE_ROUNDS; round++)
    {
      double sum_nc = 0, sup_cn = sup[cn] > 0 ? sup[cn] : 0;
      double f_sum = 0, c_sum = 0, k_nc, k_cn;
      double f[LODE_MAX_REGIONS], c[LODE_MAX_REGIONS];   /* per importer slot */

      for (guint a = 0; a < n_exp; a++)
        if (exp[a] != cn)
          sum_nc += sup[exp[a]];
      if (sum_nc <= 0 && sup_cn <= 0)
        break;

      for (guint b = 0; b < n_imp; b++)
        {
          guint j = imp[b];
          double wc = 1, w_sum;

          f[b] = c[b] = 0;
          if (need[j] <= 0)
            continue;
          if (shock && m->target[j])
            wc = 0;
          else if (m->aligned[j])
            {
              wc = 1 - fs;
              if (tariff && j == m->us)
                wc /= 1 + TARIFF_ELASTICITY * m->tariff;
            }
          w_sum = sum_nc + wc * sup_cn;
          if (w_sum <= 0)
            continue;
          f[b] = need[j] / w_sum;          /* per tonne of non-China surplus */
          c[b] = f[b] * wc;                /* per tonne of China's surplus */
          f_sum += f[b];
          c_sum += c[b];
        }
      if (f_sum <= 0)
        break;

      k_nc = f_sum > 1 ? 1 / f_sum : 1;   /* each exporter is asked for sup x f_sum */
      k_cn = c_sum > 1 ? 1 / c_sum : 1;
      for (guint b = 0; b < n_imp; b++)
        {
          guint j = imp[b];
          double got = 0;

          if (f[b] <= 0)
            continue;
          for (guint a = 0; a < n_exp; a++)
            {
              guint i = exp[a];
              double g = sup[i] * (i == cn ? c[b] * k_cn : f[b] * k_nc);

              flow[i][j] += g;
              got += g;
            }
          need[j] = MAX (0.0, need[j] - got);
        }
      for (guint a = 0; a < n_exp; a++)
        {
          guint i = exp[a];

          sup[i] = MAX (0.0, sup[i] * (1 - (i == cn ? c_sum * k_cn : f_sum * k_nc)));
        }
    }

  /* (C) China supplies what remains, less what a shock withholds from its targets. */
  if (sup[cn] > 0)
    {
      double requested = 0, k;

      for (guint b = 0; b < n_imp; b++)
        {
          guint j = imp[b];

          w[b] = need[j] * ((shock && m->target[j]) ? 1 - m->withheld : 1);
          requested += w[b];
        }
      k = requested > sup[cn] ? sup[cn] / requested : 1;
      for (guint b = 0; b < n_imp; b++)
        {
          double g = w[b] * k;

          if (g <= 0)
            continue;
          flow[cn][imp[b]] += g;
          need[imp[b]] = MAX (0.0, need[imp[b]] - g);
          sup[cn] -= g;
        }
      sup[cn] = MAX (0.0, sup[cn]);
    }

  /* (D) what non-China surplus is left goes to what need is left. */
  {
    double left = 0, requested = 0;

    for (guint a = 0; a < n_exp; a++)
      if (exp[a] != cn)
        left += sup[exp[a]];
    for (guint b = 0; b < n_imp; b++)
      requested += need[imp[b]];
    if (left > 0 && requested > 0)
      {
        double k = MIN (1.0, left / requested);

        for (guint b = 0; b < n_imp; b++)
          {
            guint j = imp[b];
            double r = need[j] * k / left;
            double got = 0;

            if (r <= 0)
              continue;
            for (guint a = 0; a < n_exp; a++)
              if (exp[a] != cn)
                {
                  double g = r * sup[exp[a]];

                  flow[exp[a]][j] += g;
                  got += g;
                }
            need[j] = MAX (0.0, need[j] - got);
          }
        k = 1 - requested * k / left;
        for (guint a = 0; a < n_exp; a++)
          if (exp[a] != cn)
            sup[exp[a]] = MAX (0.0, sup[exp[a]] * k);
      }
  }

done:
  return;
}

/*
 * Trade of one stage's output (t oxide equivalent) against what the next stage wants. Each
 * region feeds its own next stage first; then, by the phases above, needs for a region's own
 * use (`want_own`: plants that serve their own region's next stage), then export-oriented
 * needs, and last what only a price floor keeps running (`want_last`). flow[][] is zero on
 * entry.
 */
static void
allocate (Model       *m,
          int          t,
          LodeStage    stage,
          const double out[LODE_MAX_REGIONS],
          const double want[LODE_MAX_REGIONS],
          const double want_own[LODE_MAX_REGIONS],
          const double want_last[LODE_MAX_REGIONS],
          double       flow[LODE_MAX_REGIONS][LODE_MAX_REGIONS],
          double       unsold[LODE_MAX_REGIONS],
          double       unmet[LODE_MAX_REGIONS])
{
  double sup[LODE_MAX_REGIONS];
  double need[LODE_MAX_REGIONS];
  double tier[2][LODE_MAX_REGIONS];
  gboolean any_tier[2] = { FALSE, FALSE }, any_need = FALSE, any_sup = FALSE;

  for (guint i = 0; i < m->n; i++)
    {
      double x = MIN (out[i], want[i]);
      double rest = want[i] - x;
      double own_rest = MAX (0.0, MIN (rest, want_own[i] - x));
      double last = MAX (0.0, MIN (rest - own_rest, want_last[i]));

      flow[i][i] = x;
      sup[i] = out[i] - x;
      need[i] = own_rest;
      tier[0][i] = rest - own_rest - last;
      tier[1][i] = last;
      any_tier[0] = any_tier[0] || tier[0][i] > 0;
      any_tier[1] = any_tier[1] || tier[1][i] > 0;
      any_need = any_need || rest > 0;
      any_sup = any_sup || sup[i] > 0;
    }
  /* Base-year relationships persist (offtake contracts): after the base year, each non-China
   * exporter first offers its base-year customers their base-year share of its surplus, up to
   * what they need for their own or export-oriented plants (not what only a price floor keeps
   * running); an importer asked to take more than it needs scales all its offers down alike.
   * China stays the swing supplier of phases (B)-(C), so shocks and the tariff act on it. */
  if (any_need && any_sup && t > m->base_year && m->n_links[stage] > 0)
    {
      const Link *links = m->links[stage];
      const guint n_links = m->n_links[stage];
      double offered[LODE_MAX_REGIONS] = { 0 };
      double sup0[LODE_MAX_REGIONS];
      double k[LODE_MAX_REGIONS];

      for (guint i = 0; i < m->n; i++)
        sup0[i] = sup[i];
      for (guint l = 0; l < n_links; l++)
        offered[links[l].j] += links[l].share * sup0[links[l].i];
      for (guint j = 0; j < m->n; j++)
        {
          double avail = need[j] + tier[0][j];

          k[j] = offered[j] > avail ? safe_div (avail, offered[j]) : 1;
        }
      for (guint l = 0; l < n_links; l++)
        {
          guint i = links[l].i, j = links[l].j;
          double g = links[l].share * sup0[i] * k[j];
          double from_own;

          if (g <= 0)
            continue;
          flow[i][j] += g;
          sup[i] = MAX (0.0, sup[i] - g);
          from_own = MIN (g, need[j]);
          need[j] -= from_own;
          tier[0][j] = MAX (0.0, tier[0][j] - (g - from_own));
        }
    }
  if (any_need && any_sup)
    {
      allocate_pass (m, t, stage, sup, need, flow);
      for (int k = 0; k < 2; k++)
        if (any_tier[k])
          {
            for (guint i = 0; i < m->n; i++)
              {
                unmet[i] = need[i];
                need[i] = tier[k][i];
              }
            allocate_pass (m, t, stage, sup, need, flow);
            for (guint i = 0; i < m->n; i++)
              need[i] += unmet[i];
          }
    }
  else
    for (guint i = 0; i < m->n; i++)
      need[i] += tier[0][i] + tier[1][i];

  /* What no one took stays with its producer; the balance holds to rounding (~1e-16). */
  for (guint i = 0; i < m->n; i++)
    {
      unsold[i] = MAX (0.0, sup[i]);
      unmet[i] = MAX (0.0, need[i]);
    }

  /* In the base year, remember who bought each non-China exporter's surplus. */
  if (t == m->base_year)
    {
      m->n_links[stage] = 0;
      for (guint i = 0; i < m->n; i++)
        {
          double surplus = out[i] - flow[i][i];

          if (i == m->cn || surplus <= 0)
            continue;
          for (guint j = 0; j < m->n; j++)
            if (j != i && flow[i][j] > 0)
              m->links[stage][m->n_links[stage]++] = (Link) { i, j, flow[i][j] / surplus };
        }
    }
}

/* Provenance within one region and stage. China-touched and China-free material are kept
 * apart (as certified supply chains are) and the China-free mass F = output x (1 - content) is
 * assigned to the region's flows in this order:
 *   1. friend-shoring: if the region is the US or an ally, a share partners.friendshoring of F
 *      goes to US-aligned buyers in preference to China-touched material: the US first (its
 *      own plants if the region is the US), then the other allies in proportion to their flows;
 *   2. what is left of F goes to the region's own next stage first;
 *   3. the rest is spread by mass over the remaining flows and the unsold output.
 * With friend-shoring 0 (or a non-aligned region) this is own use first, then plain mixing.
 * Flows of one kind (own, to the US, to allies, to others and unsold) share one content;
 * China mass is conserved exactly. */
static void
split_content (const Model *m,
               LodeYear    *y,
               LodeStage    s)
{
  const guint us = m->us;

  for (guint i = 0; i < m->n; i++)
    {
      const double *flow = y->flow_ox[s][i];
      double c = y->china_content[s][i];
      double out = y->output_ox[s][i];
      double china = out * c;
      double left = out - china;                /* China-free mass still to assign */
      double f_own = flow[i], f_us = 0, f_al = 0, f_ot = y->unsold_ox[s][i];
      double g_own = 0, g_us = 0, g_al = 0, g_ot, room, k, rest;

      /* All one kind (China's own output, mines, nothing made): every flow carries c. */
      if (out <= 0 || c <= 0 || c >= 1)
        {
          y->china_content_own[s][i] = c;
          y->china_content_export[s][i] = c;
          y->china_content_to_us[s][i] = c;
          y->china_content_to_allies[s][i] = c;
          y->china_content_to_others[s][i] = c;
          continue;
        }
      for (guint j = 0; j < m->n; j++)
        {
          if (j == i)
            continue;
          if (j == us)
            f_us += flow[j];
          else if (m->aligned[j])
            f_al += flow[j];
          else
            f_ot += flow[j];
        }
      if (m->aligned[i] && m->friendshoring > 0)
        {
          double res = m->friendshoring * left;

          if (i == us)
            g_own = MIN (res, f_own);
          else
            g_us = MIN (res, f_us);
          res -= g_own + g_us;
          g_al = MIN (res, f_al);
          left = MAX (0.0, left - g_own - g_us - g_al);
        }
      {
        double g = MIN (left, MAX (0.0, f_own - g_own));

        g_own += g;
        left -= g;
      }
      room = (f_us - g_us) + (f_al - g_al) + f_ot;
      k = room > 0 ? MIN (1.0, MAX (0.0, left) / room) : 0;
      g_us += (f_us - g_us) * k;
      g_al += (f_al - g_al) * k;
      g_ot = f_ot * k;

      y->china_content_own[s][i] = f_own > 0 ? clamp (1 - g_own / f_own, 0, 1) : c;
      y->china_content_to_us[s][i] = f_us > 0 ? clamp (1 - g_us / f_us, 0, 1) : c;
      y->china_content_to_allies[s][i] = f_al > 0 ? clamp (1 - g_al / f_al, 0, 1) : c;
      y->china_content_to_others[s][i] = f_ot > 0 ? clamp (1 - g_ot / f_ot, 0, 1) : c;
      rest = f_us + f_al + f_ot;
      y->china_content_export[s][i] =
        rest > 0 ? clamp ((rest - g_us - g_al - g_ot) / rest, 0, 1) : c;
    }
}

/* China content of what region r makes from the inputs that reached it (by mass), plus an
 * extra input (recycled alloy) of known content. */
static double
mix_content (const Model    *m,
             guint           r,
             const LodeYear *y,
             LodeStage       upstream,
             double          extra,
             double          extra_content)
{
  double mass = extra;
  double china = extra * extra_content;

  /* Every other exporter sends r material of the content for r's kind of buyer. */
  const double *content = r == m->us ? y->china_content_to_us[upstream] :
                          m->aligned[r] ? y->china_content_to_allies[upstream] :
                          y->china_content_to_others[upstream];

  if (r == m->cn)
    return 1;
  for (guint i = 0; i < m->n; i++)
    {
      double f = y->flow_ox[upstream][i][r];

      mass += f;
      china += f * content[i];
    }
  china += y->flow_ox[upstream][r][r] *
           (y->china_content_own[upstream][r] - content[r]);
  return mass > 0 ? clamp (china / mass, 0, 1) : 0;
}

/* What region r's own next stage wants from its stage s, in stage units (for magnets: its
 * demand). Recycled alloy comes on top and does not reduce it. */
static inline double
captive_need (const Model *m,
              LodeStage    s,
              guint        r,
              double       plan[LODE_N_STAGES][LODE_MAX_REGIONS],
              const double demand[LODE_MAX_REGIONS])
{
  switch (s)
    {
    case LODE_STAGE_MAGNET:
      return demand[r];
    case LODE_STAGE_METAL:
      return plan[LODE_STAGE_MAGNET][r] * m->nm;
    case LODE_STAGE_SEPARATION:
      return plan[LODE_STAGE_METAL][r] * m->inv_conv_metal;
    case LODE_STAGE_MINE:
    default:
      {
        double ox = plan[LODE_STAGE_SEPARATION][r] / m->recovery;

        if (r == m->cn)
          ox = MAX (0.0, ox - m->secondary_in);
        return ox * m->inv_share[r];
      }
    }
}

/* Plants outside China planned more than the market left to them (`market`, in the need's
 * unit: t oxide at the mine, stage units elsewhere). Each region keeps first claim on its own
 * next stage's need (`own`, stage units); only what it would export is cut, pro rata; if even
 * the own needs exceed the market, those are cut pro rata too. */
static void
scale_to_market (const Model *m,
                 LodeStage    s,
                 double       plan[LODE_N_STAGES][LODE_MAX_REGIONS],
                 double       own[LODE_MAX_REGIONS],
                 double       market)
{
  double own_sum = 0, export_sum = 0;
  double k_own = 1, k_export = 0;

  for (guint r = 0; r < m->n; r++)
    {
      double unit = s == LODE_STAGE_MINE ? m->share[r] : 1;

      if (r == m->cn)
        continue;
      own_sum += own[r] * unit;
      export_sum += (plan[s][r] - own[r]) * unit;
    }
  if (own_sum > market)
    k_own = market / own_sum;
  else if (export_sum > 0)
    k_export = MIN (1.0, (market - own_sum) / export_sum);

  for (guint r = 0; r < m->n; r++)
    {
      if (r == m->cn)
        continue;
      plan[s][r] = own[r] * k_own + (plan[s][r] - own[r]) * k_export;
      own[r] *= k_own;
    }
}

static void
model_setup (Model                      *m,
             const LodeDataset          *ds,
             const LodeProjectionInputs *in,
             int                         n_years)
{
  const double *lv = in->lever;
  double env = lv[LODE_LEVER_POLICY_ENV_STANDARD];
  double cut = lv[LODE_LEVER_POLICY_PERMITTING_CUT_YEARS];
  double slip = lv[LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS];
  double g = lv[LODE_LEVER_MARKET_DEMAND_GROWTH_PCT];
  double central0 = ds->growth_central_pct[0].value;
  double yield = ds->magnet_yield.value;
  double npm = ds->ndpr_metal_per_magnet.value;
  int fund_years;

  m->ds = ds;
  m->in = in;
  m->n = ds->n_regions;
  m->cn = ds->china;
  m->us = ds->us;
  m->base_year = ds->base_year;
  m->n_years = n_years;

  for (guint r = 0; r < m->n; r++)
    m->share[r] = MAX (0.0, ds->regions[r].ore_ndpr_share.value);
  m->recovery = ds->separation_recovery.value;
  m->o2m = ds->oxide_to_metal.value;
  m->conv_metal = m->o2m * ds->metal_process_yield.value;
  /* Per t finished magnet: npm / yield of metal goes into blocks; the scrap (1/yield - 1)
   * carries npm each, of which swarf_recycled_share comes back in the plant. */
  m->nm = npm / yield - clamp (ds->swarf_recycled_share.value, 0, 1) * npm * (1 / yield - 1);
  m->ox_per_magnet = npm / m->o2m;
  m->inv_o2m = 1 / m->o2m;
  m->inv_conv_metal = 1 / m->conv_metal;
  m->magnet_per_ox = m->o2m / m->nm;
  for (guint r = 0; r < m->n; r++)
    m->inv_share[r] = m->share[r] > 0 ? 1 / m->share[r] : 0;
  /* The secondary feed is given as separated output; its input is that over the recovery. */
  m->secondary_in = MAX (0.0, ds->secondary_ndpr_oxide_t.value) / m->recovery;

  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      const LodeStageEconomics *e = &ds->stage[s];

      m->u_ss[s] = clamp (e->utilisation.value, 0, 1);
      for (int k = 0; k < 4; k++)
        m->ramp[s][k] = clamp (e->ramp[k].value, 0, 1);
      m->u_cn_max[s] = m->u_ss[s];
      for (guint r = 0; r < m->n; r++)
        {
          double cap = MAX (0.0, ds->regions[r].capacity[s].value);
          double prod = MAX (0.0, ds->regions[r].production[s].value);

          /* Production never exceeds capacity: where the data say so, capacity is raised. */
          cap = MAX (cap, prod);
          m->base_cap[s][r] = cap;
          m->u_obs[s][r] = cap > 0 ? prod / cap : 0;
          m->u_tgt[s][r] = MAX (m->u_obs[s][r], m->u_ss[s]);
          if (r != m->cn)
            m->nonchina_cap0[s] += cap;
        }
      m->u_cn_max[s] = MAX (m->u_ss[s], m->u_obs[s][m->cn]);
      m->china_organic[s] = m->base_cap[s][m->cn];
    }

  m->capex_mult_us = 1 + ENV_CAPEX_SLOPE * (env - 1);
  m->intensity_us = MAX (0.0, 1 - ENV_INTENSITY_SLOPE * (env - 1));

  for (guint r = 0; r < m->n; r++)
    {
      m->ally[r] = r != m->cn && r != m->us && in->ally[r];
      m->aligned[r] = r == m->us || m->ally[r];
      m->target[r] = r != m->cn && in->shock_target[r];
      if (m->ally[r])
        m->n_allies++;
    }
  m->friendshoring = clamp (lv[LODE_LEVER_PARTNERS_FRIENDSHORING], 0, 1);

  /* Demand growth: the lever is the 2024-30 rate; later periods keep the central taper. */
  for (int k = 0; k < 3; k++)
    {
      double c = ds->growth_central_pct[k].value;

      m->growth[k] = central0 > 0 ? c * g / central0 : c + (g - central0);
    }
  m->growth[0] = g;
  m->backcast_growth = central0;
  m->recycling_target = clamp (lv[LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT] / 100, 0, 1);
  m->service_life = MAX (1.0, ds->magnet_service_life_years.value);

  m->floor = MAX (0.0, lv[LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG]);
  m->floor_start = (int) lround (lv[LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR]);
  m->floor_end = m->floor_start + (int) lround (lv[LODE_LEVER_POLICY_PRICE_FLOOR_YEARS]);
  m->tariff = MAX (0.0, lv[LODE_LEVER_POLICY_TARIFF_PCT] / 100);
  m->withheld = clamp (lv[LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT] / 100, 0, 1);
  m->shock_start = (int) lround (lv[LODE_LEVER_SHOCK_START_YEAR]);
  m->shock_end = m->shock_start + (int) lround (lv[LODE_LEVER_SHOCK_DURATION_YEARS]);

  fund_years = (int) lround (lv[LODE_LEVER_FUND_YEARS]);
  m->fund_start = (int) lround (lv[LODE_LEVER_FUND_START_YEAR]);
  m->fund_end = m->fund_start + MAX (0, fund_years);
  m->fund_annual_busd = fund_years > 0 ? MAX (0.0, lv[LODE_LEVER_FUND_SIZE_BUSD]) / fund_years : 0;
  for (int k = 0; k < N_KINDS; k++)
    m->alloc[k] = MAX (0.0, lv[LODE_LEVER_ALLOC_FIRST + k] / 100);
  m->leverage = MAX (0.0, lv[LODE_LEVER_FUND_PRIVATE_LEVERAGE]);
  m->coinvest = m->n_allies > 0 ? clamp (lv[LODE_LEVER_PARTNERS_COINVEST_PCT] / 100, 0, 1) : 0;
  for (int k = 0; k < N_KINDS; k++)
    {
      /* Recycling plants follow the metal stage's lead time and ramp. */
      const LodeStageEconomics *e = &ds->stage[k == KIND_RECYCLING ? LODE_STAGE_METAL : k];
      double permit = MAX (0.0, e->permit_years.value);
      double build = MAX (0.0, e->build_years.value);

      double lead_us = MAX (0.0, permit - cut) + build;
      double lead_ally = permit + build;

      m->lead_us_whole[k] = (int) floor (lead_us);
      m->lead_us_phi[k] = lead_us - floor (lead_us);
      m->lead_ally_whole[k] = (int) floor (lead_ally);
      m->lead_ally_phi[k] = lead_ally - floor (lead_ally);
    }
  m->funded_last = -1;

  /* Announced projects switched on (with the slip) and user projects (without). */
  for (guint p = 0; p < ds->n_projects && m->n_units < MAX_UNITS; p++)
    {
      const LodeProject *pr = &ds->projects[p];

      if (!in->project_enabled[p] || pr->capacity.value <= 0)
        continue;
      double start = pr->online_year + MAX (0.0, slip);

      m->units[m->n_units++] = (Unit) { pr->stage, pr->region, pr->capacity.value,
                                        (int) floor (start), start - floor (start) };
    }
  for (guint p = 0; p < in->n_user_projects && m->n_units < MAX_UNITS; p++)
    {
      const LodeProject *pr = &in->user_projects[p];

      if (pr->capacity.value <= 0)
        continue;
      m->units[m->n_units++] = (Unit) { pr->stage, pr->region, pr->capacity.value,
                                        pr->online_year, 0 };
    }
}

/* Demand or supply of region r in year `year`, back-cast before the base year. */
/* Magnets region r used in `year`; before the base year its demand back-cast by `backcast`
 * (the growth factor from that year to the base year's). */
static inline double
supplied_in (const Model *m,
             guint        r,
             int          year,
             int          ti_now,
             double       backcast)
{
  int yi = year - m->base_year;

  if (yi < 0)
    return m->ds->regions[r].magnet_demand_t.value * backcast;
  if (yi >= ti_now)
    return 0;
  return m->supplied_hist[yi][r];
}

static double
content_in (const Model *m,
            guint        r,
            int          year)
{
  int yi = year - m->base_year;

  return yi < 0 ? 1.0 : m->content_hist[yi][r];
}

void
lode_projection_compute (LodeProjection             *self,
                         const LodeDataset          *ds,
                         const LodeProjectionInputs *in)
{
  Model model;
  Model *m = &model;
  double demand[LODE_MAX_REGIONS];
  double cum_public = 0, cum_private = 0, cum_floor = 0, cum_tariff = 0;

  memset (m, 0, G_STRUCT_OFFSET (Model, links));
  model_setup (m, ds, in, self->n_years);

  for (guint r = 0; r < m->n; r++)
    demand[r] = MAX (0.0, ds->regions[r].magnet_demand_t.value);

  for (int ti = 0; ti < m->n_years; ti++)
    {
      LodeYear *y = &self->years[ti];
      const int t = m->base_year + ti;
      const guint n = m->n, cn = m->cn, us = m->us;
      double plate[LODE_N_STAGES][LODE_MAX_REGIONS];
      double fixed[LODE_N_STAGES][LODE_MAX_REGIONS];   /* output not scaled by price */
      double flex[LODE_N_STAGES][LODE_MAX_REGIONS];    /* output scaled by price */
      double plan[LODE_N_STAGES][LODE_MAX_REGIONS];
      double own_plan[LODE_N_STAGES][LODE_MAX_REGIONS];  /* part of plan for own next stage */
      double want_own[LODE_MAX_REGIONS];
      double want_last[LODE_MAX_REGIONS] = { 0 };
      double floor_extra[LODE_N_STAGES] = { 0 };   /* US output only a price floor keeps up */
      double want[LODE_MAX_REGIONS];
      double out[LODE_MAX_REGIONS];
      double unmet[LODE_MAX_REGIONS];
      double rec_content[LODE_MAX_REGIONS];
      double recycling_capacity_us = 0;
      double recycled_metal_total = 0;
      double world_demand = 0;
      double price, price_us, pf_base, magnet_price;
      gboolean floor_on;
      double w_conv = MIN (1.0, ti / UTILISATION_CONVERGENCE);

      memset (y, 0, sizeof *y);
      y->year = t;
      for (guint r = 0; r < m->n; r++)
        y->us_aligned[r] = m->aligned[r];

      /* 1. Demand */
      if (ti > 0)
        {
          int period = t - 1 < 2030 ? 0 : (t - 1 < 2040 ? 1 : 2);

          for (guint r = 0; r < n; r++)
            demand[r] *= 1 + m->growth[period] / 100;
        }
      for (guint r = 0; r < n; r++)
        {
          y->demand_magnet_t[r] = demand[r];
          world_demand += demand[r];
        }

      /* 2. Capacity: base (China: organic growth), projects, fund tranches. */
      if (ti > 0)
        for (int s = 0; s < LODE_N_STAGES; s++)
          {
            /* The residual China saw last year, grown with world demand since. */
            double target = safe_div (m->china_residual_prev[s] *
                                      safe_div (world_demand, m->world_demand_prev),
                                      m->u_cn_max[s]);
            double gap = MAX (0.0, target - m->china_plate_prev[s]);
            double q = MAX (0.0, ds->china_quota_growth_pct.value / 100);

            /* Quotas exist for mining and separation only; metal and magnet plants follow. */
            if (s <= LODE_STAGE_SEPARATION)
              gap = MIN (gap, q * m->china_organic[s]);
            m->china_organic[s] += gap;
          }
      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint r = 0; r < n; r++)
          {
            if (r == cn)
              {
                plate[s][r] = m->china_organic[s];
                fixed[s][r] = 0;
                flex[s][r] = 0;
              }
            else
              {
                plate[s][r] = m->base_cap[s][r];
                fixed[s][r] = m->base_cap[s][r] * m->u_obs[s][r] * (1 - w_conv);
                flex[s][r] = m->base_cap[s][r] * m->u_tgt[s][r] * w_conv;
              }
          }
      for (guint u = 0; u < m->n_units; u++)
        {
          const Unit *un = &m->units[u];
          double p, o;

          unit_online (m, un->stage, un->start, un->phi, t, m->u_ss[un->stage], &p, &o);
          plate[un->stage][un->region] += un->capacity * p;
          flex[un->stage][un->region] += un->capacity * o;
        }
      for (int fi = 0; fi <= m->funded_last && fi < ti; fi++)
        {
          int ft = m->base_year + fi;

          for (int k = 0; k < N_KINDS; k++)
            {
              LodeStage st = k == KIND_RECYCLING ? LODE_STAGE_METAL : (LodeStage) k;
              double p, o;

              if (m->funded_us[fi][k] > 0)
                {
                  unit_online (m, st, ft + m->lead_us_whole[k], m->lead_us_phi[k], t,
                               m->u_ss[st], &p, &o);
                  if (k == KIND_RECYCLING)
                    recycling_capacity_us += m->funded_us[fi][k] * o;
                  else
                    {
                      plate[k][us] += m->funded_us[fi][k] * p;
                      flex[k][us] += m->funded_us[fi][k] * o;
                    }
                }
              if (k == KIND_RECYCLING)
                continue;
              unit_online (m, st, ft + m->lead_ally_whole[k], m->lead_ally_phi[k], t,
                           m->u_ss[st], &p, &o);
              if (p <= 0)
                continue;
              for (guint r = 0; r < n; r++)
                if (m->funded_ally[fi][k][r] > 0)
                  {
                    plate[k][r] += m->funded_ally[fi][k][r] * p;
                    flex[k][r] += m->funded_ally[fi][k][r] * o;
                  }
            }
        }
      /* China's bound: its whole nameplate at its highest utilisation. */
      for (int s = 0; s < LODE_N_STAGES; s++)
        {
          fixed[s][cn] = plate[s][cn] * m->u_cn_max[s];
          flex[s][cn] = 0;
          m->china_plate_prev[s] = plate[s][cn];
          for (guint r = 0; r < n; r++)
            {
              y->capacity[s][r] = plate[s][r];
              y->world_capacity[s] += plate[s][r];
            }
        }

      /* 3. Recycling of magnets retired after their service life. */
      {
        double rate = m->recycling_target;
        double when = (double) t - m->service_life;
        int y0 = (int) floor (when);
        double frac = when - y0;
        double back0 = y0 < m->base_year ?
                       pow (1 + m->backcast_growth / 100, (double) (y0 - m->base_year)) : 1;
        double back1 = y0 + 1 < m->base_year ? back0 * (1 + m->backcast_growth / 100) : 1;

        if (t < RECYCLING_TARGET_YEAR)
          {
            double base = MIN (EOL_RECYCLING_2024, m->recycling_target);

            rate = base + (m->recycling_target - base) *
                   (double) (t - m->base_year) / (RECYCLING_TARGET_YEAR - m->base_year);
          }
        for (guint r = 0; r < n; r++)
          {
            double s0 = supplied_in (m, r, y0, ti, back0) * (1 - frac);
            double s1 = frac > 0 ? supplied_in (m, r, y0 + 1, ti, back1) * frac : 0;
            double retired = s0 + s1;
            double recycled = rate * retired;

            if (r == us)
              {
                recycled = MIN (retired, recycled + recycling_capacity_us);
                y->us_recycling_rate = safe_div (recycled, retired);
              }
            rec_content[r] = retired > 0 ?
              (s0 * content_in (m, r, y0) + (s1 > 0 ? s1 * content_in (m, r, y0 + 1) : 0)) /
              retired : 0;
            y->recycled_magnet_t[r] = recycled;
            y->recycled_ox[r] = recycled * m->ox_per_magnet;
            recycled_metal_total += y->recycled_ox[r] * m->conv_metal;
          }
      }

      /* 4. Price from the capacity balance and the shock. */
      {
        double sep = 0, mine = 0, need_ox, balance;

        for (guint r = 0; r < n; r++)
          {
            sep += fixed[LODE_STAGE_SEPARATION][r] + flex[LODE_STAGE_SEPARATION][r];
            mine += (fixed[LODE_STAGE_MINE][r] + flex[LODE_STAGE_MINE][r]) * m->share[r];
          }
        need_ox = safe_div (world_demand * m->nm - recycled_metal_total, m->conv_metal);
        balance = need_ox > 0 ? (need_ox - MIN (sep, mine * m->recovery)) / need_ox : 0;
        if (ti == 0)
          m->balance0 = balance;
        price = ds->ndpr_price_2024_usd_kg.value *
                clamp (1 + ds->price_elasticity.value * (balance - m->balance0),
                       PRICE_BALANCE_MIN, PRICE_BALANCE_MAX);
        if (shock_active (m, t))
          price *= 1 + (MAX (1.0, ds->shock_price_multiplier.value) - 1) * m->withheld;
        floor_on = m->floor > 0 && t >= m->floor_start && t < m->floor_end;
        price_us = floor_on ? MAX (price, m->floor) : price;
        y->ndpr_price_usd_kg = price;
      }

      /* 5. Planned output, backwards from magnet demand: each stage's need is what the next
       * stage plans. China serves its own next stage (its captive need) or the residual the
       * others leave, whichever is larger; plants outside China share what is left of the
       * need pro rata. What a price floor adds to US output comes on top (unsold if no one
       * takes it: a stockpile). */
      {
        double cost = ds->ex_china_cost_usd_kg.value;
        double pf_us = cost > 0 ? clamp (price_us / cost, PRICE_FACTOR_MIN, 1) : 1;

        pf_base = cost > 0 ? clamp (price / cost, PRICE_FACTOR_MIN, 1) : 1;
        for (int s = 0; s < LODE_N_STAGES; s++)
          {
            double pf = s <= LODE_STAGE_SEPARATION ? pf_base : 1;

            for (guint r = 0; r < n; r++)
              plan[s][r] = fixed[s][r] + pf * flex[s][r];
            if (s <= LODE_STAGE_SEPARATION)
              floor_extra[s] = MAX (0.0, pf_us - pf_base) * flex[s][us];
          }

        for (int s = LODE_STAGE_MAGNET; s >= LODE_STAGE_MINE; s--)
          {
            double need = 0, captive = 0, potential = 0, target, market;
            double unit = s == LODE_STAGE_MINE ? m->share[cn] : 1;   /* stage unit -> need */

            for (guint r = 0; r < n; r++)
              if (r != cn)
                potential += s == LODE_STAGE_MINE ? plan[s][r] * m->share[r] : plan[s][r];

            switch (s)
              {
              case LODE_STAGE_MAGNET:
                need = world_demand;
                captive = demand[cn];
                break;
              case LODE_STAGE_METAL:
                for (guint r = 0; r < n; r++)
                  need += plan[LODE_STAGE_MAGNET][r] * m->nm;
                need -= recycled_metal_total;
                captive = plan[LODE_STAGE_MAGNET][cn] * m->nm -
                          y->recycled_ox[cn] * m->conv_metal;
                break;
              case LODE_STAGE_SEPARATION:
                for (guint r = 0; r < n; r++)
                  need += plan[LODE_STAGE_METAL][r] * m->inv_conv_metal;
                captive = plan[LODE_STAGE_METAL][cn] * m->inv_conv_metal;
                break;
              case LODE_STAGE_MINE:
              default:
                for (guint r = 0; r < n; r++)
                  need += plan[LODE_STAGE_SEPARATION][r] / m->recovery;
                need -= m->secondary_in;
                captive = plan[LODE_STAGE_SEPARATION][cn] / m->recovery - m->secondary_in;
                break;
              }
            need = MAX (0.0, need);
            target = MAX (MAX (0.0, captive), need - potential);
            target = s == LODE_STAGE_MINE ? safe_div (target, unit) : target;
            plan[s][cn] = MIN (target, fixed[s][cn]);
            m->china_residual_prev[s] = target;

            for (guint r = 0; r < n; r++)
              own_plan[s][r] = MIN (plan[s][r],
                                    captive_need (m, (LodeStage) s, r, plan, demand));
            market = MAX (0.0, need - plan[s][cn] * unit);
            /* Recycled alloy outside China must not squeeze primary metal out of its own
             * region: it comes on top, and whatever of it no one needs stays unsold. */
            if (s == LODE_STAGE_METAL)
              market += recycled_metal_total - y->recycled_ox[cn] * m->conv_metal;
            if (potential > market)
              scale_to_market (m, (LodeStage) s, plan, own_plan[s], market);
            plan[s][us] += floor_extra[s];
          }
      }

      /* 6. Forward pass. Mine. */
      for (guint r = 0; r < n; r++)
        {
          double p = plan[LODE_STAGE_MINE][r];

          y->production[LODE_STAGE_MINE][r] = p;
          y->output_ox[LODE_STAGE_MINE][r] = p * m->share[r];
          y->input_ox[LODE_STAGE_MINE][r] = y->output_ox[LODE_STAGE_MINE][r];
          y->china_content[LODE_STAGE_MINE][r] = r == cn ? 1 : 0;
          out[r] = y->output_ox[LODE_STAGE_MINE][r];
          want[r] = plan[LODE_STAGE_SEPARATION][r] / m->recovery;
          want_own[r] = own_plan[LODE_STAGE_SEPARATION][r] / m->recovery;
          want_last[r] = r == us ? floor_extra[LODE_STAGE_SEPARATION] / m->recovery : 0;
          if (r == cn)
            {
              want[r] = MAX (0.0, want[r] - m->secondary_in);
              want_own[r] = MAX (0.0, want_own[r] - m->secondary_in);
            }
        }
      allocate (m, t, LODE_STAGE_MINE, out, want, want_own, want_last,
                y->flow_ox[LODE_STAGE_MINE], y->unsold_ox[LODE_STAGE_MINE], unmet);
      split_content (m, y, LODE_STAGE_MINE);
      want_last[us] = 0;

      /* Separation. */
      for (guint r = 0; r < n; r++)
        {
          double in_ox = 0, in_reo = 0, processed, p;

          for (guint i = 0; i < n; i++)
            {
              double f = y->flow_ox[LODE_STAGE_MINE][i][r];

              in_ox += f;
              in_reo += f * m->inv_share[i];
            }
          if (r == cn)
            {
              /* Secondary feed (scrap, swarf, unreported ore, stocks): NdPr-rich, China. */
              in_ox += m->secondary_in;
              in_reo += m->secondary_in;
            }
          processed = MIN (in_ox, plan[LODE_STAGE_SEPARATION][r] / m->recovery);
          p = processed * m->recovery;
          y->input_ox[LODE_STAGE_SEPARATION][r] = in_ox;
          y->production[LODE_STAGE_SEPARATION][r] = p;
          y->output_ox[LODE_STAGE_SEPARATION][r] = p;
          y->loss_ox[LODE_STAGE_SEPARATION][r] = processed - p;
          y->stock_change_ox[LODE_STAGE_SEPARATION][r] = in_ox - processed;
          y->byproduct_reo_t[r] = in_ox > 0 ? (in_reo - in_ox) * processed / in_ox : 0;
          y->china_content[LODE_STAGE_SEPARATION][r] =
            mix_content (m, r, y, LODE_STAGE_MINE, 0, 0);
        }
      for (guint r = 0; r < n; r++)
        {
          out[r] = y->output_ox[LODE_STAGE_SEPARATION][r];
          want[r] = plan[LODE_STAGE_METAL][r] * m->inv_conv_metal;
          want_own[r] = own_plan[LODE_STAGE_METAL][r] * m->inv_conv_metal;
        }
      allocate (m, t, LODE_STAGE_SEPARATION, out, want, want_own, want_last,
                y->flow_ox[LODE_STAGE_SEPARATION], y->unsold_ox[LODE_STAGE_SEPARATION], unmet);
      split_content (m, y, LODE_STAGE_SEPARATION);

      /* Metal (recycled alloy joins here, outside the primary capacity). */
      for (guint r = 0; r < n; r++)
        {
          double primary = 0, processed, rec = y->recycled_ox[r], p_primary;

          for (guint i = 0; i < n; i++)
            primary += y->flow_ox[LODE_STAGE_SEPARATION][i][r];
          processed = MIN (primary, want[r]);
          p_primary = processed * m->conv_metal;
          y->input_ox[LODE_STAGE_METAL][r] = primary + rec;
          y->production[LODE_STAGE_METAL][r] = p_primary + rec * m->conv_metal;
          y->output_ox[LODE_STAGE_METAL][r] = y->production[LODE_STAGE_METAL][r] * m->inv_o2m;
          y->loss_ox[LODE_STAGE_METAL][r] = processed + rec - y->output_ox[LODE_STAGE_METAL][r];
          y->stock_change_ox[LODE_STAGE_METAL][r] = primary - processed;
          y->utilisation[LODE_STAGE_METAL][r] = safe_div (p_primary, plate[LODE_STAGE_METAL][r]);
          y->china_content[LODE_STAGE_METAL][r] =
            mix_content (m, r, y, LODE_STAGE_SEPARATION, rec, rec_content[r]);
        }
      for (guint r = 0; r < n; r++)
        {
          out[r] = y->output_ox[LODE_STAGE_METAL][r];
          want[r] = plan[LODE_STAGE_MAGNET][r] * m->nm * m->inv_o2m;
          want_own[r] = own_plan[LODE_STAGE_MAGNET][r] * m->nm * m->inv_o2m;
        }
      allocate (m, t, LODE_STAGE_METAL, out, want, want_own, want_last,
                y->flow_ox[LODE_STAGE_METAL], y->unsold_ox[LODE_STAGE_METAL], unmet);
      split_content (m, y, LODE_STAGE_METAL);

      /* Magnet. */
      for (guint r = 0; r < n; r++)
        {
          double in_ox = 0, processed, p;

          for (guint i = 0; i < n; i++)
            in_ox += y->flow_ox[LODE_STAGE_METAL][i][r];
          processed = MIN (in_ox, want[r]);
          p = processed * m->magnet_per_ox;
          y->input_ox[LODE_STAGE_MAGNET][r] = in_ox;
          y->production[LODE_STAGE_MAGNET][r] = p;
          y->output_ox[LODE_STAGE_MAGNET][r] = p * m->ox_per_magnet;
          y->loss_ox[LODE_STAGE_MAGNET][r] = processed - y->output_ox[LODE_STAGE_MAGNET][r];
          y->stock_change_ox[LODE_STAGE_MAGNET][r] = in_ox - processed;
          y->china_content[LODE_STAGE_MAGNET][r] =
            mix_content (m, r, y, LODE_STAGE_METAL, 0, 0);
        }
      for (guint r = 0; r < n; r++)
        {
          out[r] = y->output_ox[LODE_STAGE_MAGNET][r];
          want[r] = demand[r] * m->ox_per_magnet;
          want_own[r] = want[r];
        }
      allocate (m, t, LODE_STAGE_MAGNET, out, want, want_own, want_last,
                y->flow_ox[LODE_STAGE_MAGNET], y->unsold_ox[LODE_STAGE_MAGNET], unmet);
      split_content (m, y, LODE_STAGE_MAGNET);

      /* 7. Use: supply, shortfall, provenance of what each region uses. */
      for (guint j = 0; j < n; j++)
        {
          double mass = 0, china = 0, supplied;
          const double *content = j == us ? y->china_content_to_us[LODE_STAGE_MAGNET] :
                                  m->aligned[j] ? y->china_content_to_allies[LODE_STAGE_MAGNET] :
                                  y->china_content_to_others[LODE_STAGE_MAGNET];

          for (guint i = 0; i < n; i++)
            {
              double f = y->flow_ox[LODE_STAGE_MAGNET][i][j];

              mass += f;
              china += f * (i == j ? y->china_content_own[LODE_STAGE_MAGNET][i] : content[i]);
            }
          supplied = mass / m->ox_per_magnet;
          y->supplied_magnet_t[j] = supplied;
          /* Rounding in the trade leaves ~1e-12 t; that is not a shortfall. */
          y->shortfall_magnet_t[j] = demand[j] - supplied > 1e-9 * demand[j] ?
                                     demand[j] - supplied : 0;
          y->world_supplied_magnet_t += supplied;
          y->world_shortfall_magnet_t += y->shortfall_magnet_t[j];
          m->supplied_hist[ti][j] = supplied;
          m->content_hist[ti][j] = mass > 0 ? clamp (china / mass, 0, 1) : 1;
        }
      y->world_demand_magnet_t = world_demand;
      m->world_demand_prev = world_demand;
      y->us_demand_magnet_t = demand[us];
      y->us_supplied_magnet_t = y->supplied_magnet_t[us];
      y->us_shortfall_magnet_t = y->shortfall_magnet_t[us];
      y->china_free_share_us_magnets =
        y->us_supplied_magnet_t > 0 ? 1 - m->content_hist[ti][us] : 0;
      y->us_china_free_magnet_t = y->us_supplied_magnet_t * y->china_free_share_us_magnets;
      {
        double shares = 0;

        for (int u = 0; u < LODE_N_END_USES; u++)
          shares += MAX (0.0, ds->end_use_share[u].value);
        for (int u = 0; u < LODE_N_END_USES; u++)
          y->end_use_t[u] = y->world_supplied_magnet_t *
                            safe_div (MAX (0.0, ds->end_use_share[u].value), shares);
      }

      /* 8. Headline figures per stage. */
      for (int s = 0; s < LODE_N_STAGES; s++)
        {
          double world = 0;

          for (guint r = 0; r < n; r++)
            {
              world += y->production[s][r];
              if (s != LODE_STAGE_METAL)
                y->utilisation[s][r] = safe_div (y->production[s][r], plate[s][r]);
            }
          y->world_production[s] = world;
          y->china_share[s] = safe_div (y->production[s][cn], world);
        }
      {
        double need_mag = demand[us];
        double need_metal = need_mag * m->nm;
        double need_sep = need_metal / m->conv_metal;
        double need_mine = need_sep / m->recovery;
        double per_mine = m->share[us] * m->recovery * m->conv_metal / m->nm;
        double best = G_MAXDOUBLE;

        y->us_self_sufficiency[LODE_STAGE_MINE] =
          safe_div (y->output_ox[LODE_STAGE_MINE][us], need_mine);
        y->us_self_sufficiency[LODE_STAGE_SEPARATION] =
          safe_div (y->production[LODE_STAGE_SEPARATION][us], need_sep);
        y->us_self_sufficiency[LODE_STAGE_METAL] =
          safe_div (y->production[LODE_STAGE_METAL][us], need_metal);
        y->us_self_sufficiency[LODE_STAGE_MAGNET] =
          safe_div (y->production[LODE_STAGE_MAGNET][us], need_mag);

        y->us_capacity_magnet_eq[LODE_STAGE_MINE] = plate[LODE_STAGE_MINE][us] * per_mine;
        y->us_capacity_magnet_eq[LODE_STAGE_SEPARATION] =
          plate[LODE_STAGE_SEPARATION][us] * m->conv_metal / m->nm;
        y->us_capacity_magnet_eq[LODE_STAGE_METAL] = plate[LODE_STAGE_METAL][us] / m->nm;
        y->us_capacity_magnet_eq[LODE_STAGE_MAGNET] = plate[LODE_STAGE_MAGNET][us];
        /* Smallest magnet-equivalent capacity; ties go to the stage nearer the magnet. */
        y->bottleneck_stage = -1;
        for (int s = LODE_STAGE_MAGNET; s >= LODE_STAGE_MINE; s--)
          if (y->us_capacity_magnet_eq[s] < best)
            {
              best = y->us_capacity_magnet_eq[s];
              y->bottleneck_stage = s;
            }
        if (need_mag <= 0 || best >= need_mag)
          y->bottleneck_stage = -1;
      }

      /* 9. Money: price floor, tariff, fund tranche for this year. */
      magnet_price = m->nm / m->conv_metal * price +
                     m->nm * MAX (0.0, ds->stage[LODE_STAGE_METAL].opex_usd_kg.value) +
                     MAX (0.0, ds->stage[LODE_STAGE_MAGNET].opex_usd_kg.value);
      y->magnet_price_usd_kg = magnet_price;
      if (floor_on && price < m->floor)
        y->price_floor_cost_busd =
          (m->floor - price) * y->production[LODE_STAGE_SEPARATION][us] * 1000 / 1e9;
      if (m->tariff > 0 && t >= LODE_TARIFF_START_YEAR)
        y->tariff_revenue_busd = y->flow_ox[LODE_STAGE_MAGNET][cn][us] / m->ox_per_magnet *
                                 1000 * magnet_price * m->tariff / 1e9;
      if (t >= m->fund_start && t < m->fund_end && m->fund_annual_busd > 0)
        {
          double total = m->fund_annual_busd * (1 + m->leverage) * 1e9;  /* USD this year */

          y->public_spend_busd = m->fund_annual_busd;
          y->private_spend_busd = m->fund_annual_busd * m->leverage;
          m->funded_last = ti;
          for (int k = 0; k < N_KINDS; k++)
            {
              double money = total * m->alloc[k];
              double ally_money = k == KIND_RECYCLING ? 0 : money * m->coinvest;
              double learn = 1;

              if (money <= 0)
                continue;
              if (k == KIND_RECYCLING)
                {
                  double capex = ds->recycling_capex_per_t.value * m->capex_mult_us;

                  m->funded_us[ti][k] = capex > 0 ? money / capex : 0;
                  continue;
                }
              {
                const LodeStageEconomics *e = &ds->stage[k];
                double now = 0, weights = 0;

                for (guint r = 0; r < n; r++)
                  if (r != cn)
                    now += plate[k][r];
                if (m->nonchina_cap0[k] > 0 && now > m->nonchina_cap0[k])
                  learn = pow (now / m->nonchina_cap0[k],
                               log2 (clamp (1 - e->learning_rate.value, 0.01, 1)));
                {
                  double capex = e->capex_west.value * MAX (1.0, e->overrun.value) * learn *
                                 m->capex_mult_us;

                  m->funded_us[ti][k] = capex > 0 ? (money - ally_money) / capex : 0;
                }
                if (ally_money <= 0)
                  continue;
                /* Allies share in proportion to their 2024 capacity at the stage. */
                for (guint r = 0; r < n; r++)
                  if (m->ally[r])
                    weights += m->base_cap[k][r];
                for (guint r = 0; r < n; r++)
                  {
                    double w, capex;

                    if (!m->ally[r])
                      continue;
                    w = weights > 0 ? m->base_cap[k][r] / weights : 1.0 / m->n_allies;
                    capex = (ds->regions[r].western_costs ? e->capex_west.value
                                                          : e->capex_asia.value) *
                            MAX (1.0, e->overrun.value) * learn;
                    m->funded_ally[ti][k][r] = capex > 0 ? ally_money * w / capex : 0;
                  }
              }
            }
        }
      cum_public += y->public_spend_busd;
      cum_private += y->private_spend_busd;
      cum_floor += y->price_floor_cost_busd;
      cum_tariff += y->tariff_revenue_busd;
      y->public_spend_cum_busd = cum_public;
      y->private_spend_cum_busd = cum_private;
      y->price_floor_cost_cum_busd = cum_floor;
      y->tariff_revenue_cum_busd = cum_tariff;

      /* 10. Jobs and environment. */
      {
        double jobs_world = 0, jobs_cn = 0, jobs_us = 0, co2e = 0, residue = 0, tailings = 0;

        for (int s = 0; s < LODE_N_STAGES; s++)
          {
            const LodeStageEconomics *e = &ds->stage[s];
            double plate_sum = 0, prod_sum = 0, prod_us = y->production[s][us];

            for (guint r = 0; r < n; r++)
              {
                plate_sum += plate[s][r];
                prod_sum += y->production[s][r];
              }
            /* US production at its own intensity, everyone else at the stage's. */
            prod_sum += prod_us * (m->intensity_us - 1);
            jobs_world += plate_sum * e->jobs_per_kt.value;
            jobs_cn += plate[s][cn] * e->jobs_per_kt.value;
            jobs_us += plate[s][us] * e->jobs_per_kt.value;
            co2e += prod_sum * e->co2e_t_per_t.value;
            residue += prod_sum * e->residue_t_per_t.value;
            tailings += prod_sum * e->tailings_t_per_t.value;
          }
        y->jobs_china = jobs_cn / 1000;
        y->jobs_non_china = (jobs_world - jobs_cn) / 1000;
        y->jobs_us = jobs_us / 1000;
        y->co2e_kt = co2e / 1000;
        y->residue_t = residue;
        y->tailings_kt = tailings / 1000;
      }
    }
}

gboolean
lode_projection_check_dataset (const LodeDataset  *ds,
                               GError            **error)
{
  const LodeCited *positive[] = {
    &ds->separation_recovery, &ds->oxide_to_metal, &ds->metal_process_yield,
    &ds->ndpr_metal_per_magnet, &ds->magnet_yield,
  };

  if (ds->n_regions < 1 || ds->n_regions > LODE_MAX_REGIONS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset has %u regions; between 1 and %d are supported"),
                   ds->n_regions, LODE_MAX_REGIONS);
      return FALSE;
    }
  if (ds->china >= ds->n_regions || ds->us >= ds->n_regions || ds->china == ds->us)
    {
      g_set_error_literal (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                           _("The dataset must name China and the United States as two of "
                             "its regions"));
      return FALSE;
    }
  if (ds->base_year != LODE_BASE_YEAR)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset's base year is %d; the model starts in %d"),
                   ds->base_year, LODE_BASE_YEAR);
      return FALSE;
    }
  if (ds->n_projects > LODE_MAX_PROJECTS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset has %u projects; at most %d are supported"),
                   ds->n_projects, LODE_MAX_PROJECTS);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (positive); i++)
    if (!(positive[i]->value > 0 && positive[i]->value <= 1.0))
      {
        g_set_error_literal (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                             _("The dataset's conversion factors must be between 0 and 1"));
        return FALSE;
      }
  for (guint p = 0; p < ds->n_projects; p++)
    if ((guint) ds->projects[p].stage >= LODE_N_STAGES ||
        ds->projects[p].region >= ds->n_regions ||
        !isfinite (ds->projects[p].capacity.value))
      {
        g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                     _("The dataset's project “%s” has an unknown stage or region"),
                     ds->projects[p].id != NULL ? ds->projects[p].id : "?");
        return FALSE;
      }
  return TRUE;
}

gboolean
lode_projection_check_inputs (const LodeDataset          *ds,
                              const LodeProjectionInputs *in,
                              GError                    **error)
{
  if (in->horizon < ds->base_year || in->horizon > LODE_MAX_HORIZON)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                   _("The horizon %d is outside %d–%d"),
                   in->horizon, ds->base_year, LODE_MAX_HORIZON);
      return FALSE;
    }
  if (in->n_user_projects > LODE_SCENARIO_MAX_USER_PROJECTS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                   _("The scenario has %u user projects; at most %d are supported"),
                   in->n_user_projects, LODE_SCENARIO_MAX_USER_PROJECTS);
      return FALSE;
    }
  for (guint p = 0; p < in->n_user_projects; p++)
    {
      const LodeProject *pr = &in->user_projects[p];

      if ((guint) pr->stage >= LODE_N_STAGES || pr->region >= ds->n_regions ||
          !isfinite (pr->capacity.value) || pr->capacity.value < 0 ||
          pr->online_year < ds->base_year || pr->online_year > LODE_MAX_HORIZON)
        {
          g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                       _("The user project “%s” has an invalid stage, region, capacity or "
                         "year"),
                       pr->id != NULL ? pr->id : "?");
          return FALSE;
        }
    }
  return TRUE;
}
