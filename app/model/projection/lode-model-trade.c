/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-trade.c — the trade of one stage's output (t oxide equivalent) against what the
 * next stage wants, in every region. The rules, in order:
 *
 *   1. Each region feeds its own next stage first.
 *   2. In the base year, importers with recorded import shares (the dataset's base-year
 *      trade) take those shares of their imports from each exporter. After it, base-year
 *      relationships persist like offtake contracts: each non-China exporter offers its
 *      base-year customers their base-year share of its surplus.
 *   3. What is still wanted is met in two tiers, the wants of plants that already existed
 *      (the base and announced projects) before those of new capacity (funded or induced):
 *      new capacity takes only feed no incumbent holds, so adding it never starves an
 *      allied plant that already serves US-aligned buyers; and new capacity in US-aligned
 *      regions, built to make China-free supply, takes only China-free feed (the China-free
 *      part of what other exporters offer, nothing from China), so it never turns Chinese
 *      feed into output that displaces the China-free supply its region already gets.
 *      In each tier:
 *      (A) friend-shoring: US-aligned importers draw the friend-shoring share of their need
 *          from allied exporters, the US first, then the allies pro rata;
 *      (B) market: every importer draws from every exporter in proportion to its surplus,
 *          China's weighted by (1 - friend-shoring) for US-aligned importers, further by
 *          1 / (1 + substitution x tariff) for US magnets under the tariff, and not at all
 *          for the targets of an export restriction (they get China's permitted volume in
 *          (C)); under the extraterritorial rule, a restricted share of each other
 *          exporter's China-touched output is kept from the targets;
 *      (C) China supplies what remains, to the targets at most what the restriction permits;
 *      (D) non-China surplus still unsold meets what need is left.
 *   Unmet need is a shortfall; output no one takes is unsold (a stock). Mass is conserved to
 *   rounding (~1e-16 relative).
 */
#define G_LOG_DOMAIN "lode-model-trade"

#include "config.h"

#include <string.h>

#include "lode-model.h"

#define MARKET_ROUNDS 2   /* passes of (B): the second spreads what the first left */

typedef struct
{
  const Model *m;
  const Year  *w;
  LodeStage    stage;
  LodeMaterial material;
  gboolean     targets_cut;       /* a restriction applies to this stage's trade */
  gboolean     tariff;            /* the tariff applies to US imports at this stage */
  double       clean[MAX_R];      /* share of an exporter's surplus the targets may take */
  /* usable (): the part of exporter i's surplus an importer may take, by the importer's kind
   * (bit 0: a target of the restriction, bit 1: taking China-free feed only), set once. */
  double       use[4][MAX_R];
  double      *allowance;        /* China's free-trade supply to each importer, or NULL */
  gboolean     tier_new;          /* serving the wants of new capacity */
  double       withheld;
  guint        exp[MAX_R];        /* regions with something to export, ... */
  guint        n_exp;
  guint        imp[MAX_R];        /* ... and regions that want imports */
  guint        n_imp;
} Pass;

static gboolean
is_target (const Pass *p,
           guint       j)
{
  return p->targets_cut && p->m->target[j];
}

/* New capacity in a US-aligned region takes only China-free feed. */
static gboolean
china_free_only (const Pass *p,
                 guint       j)
{
  return p->tier_new && p->m->aligned[j];
}

/* The part of non-China exporter i's surplus importer j may take: a row of p->use. */
static inline const double *
usable_row (const Pass *p,
            guint       j)
{
  return p->use[(is_target (p, j) ? 1 : 0) | (china_free_only (p, j) ? 2 : 0)];
}

/* (A) US-aligned importers draw fs x their need from allied exporters. */
static void
friendshore (const Pass *p,
             double      sup[MAX_R],
             double      need[MAX_R],
             double      flow[MAX_R][MAX_R])
{
  const Model *m = p->m;
  const double fs = p->w->fs;
  double allied_supply = 0, requested = 0, k;

  for (guint a = 0; a < p->n_exp; a++)
    if (m->aligned[p->exp[a]])
      allied_supply += sup[p->exp[a]];
  if (allied_supply <= 0)
    return;

  /* The US first. */
  if (need[m->us] > 0 && sup[m->us] <= 0)
    {
      double r = MIN (fs * need[m->us], allied_supply);

      k = 1 - r / allied_supply;
      for (guint a = 0; a < p->n_exp; a++)
        {
          guint i = p->exp[a];

          if (!m->aligned[i] || sup[i] <= 0)
            continue;
          flow[i][m->us] += r * sup[i] / allied_supply;
          sup[i] = MAX (0.0, sup[i] * k);
        }
      need[m->us] = MAX (0.0, need[m->us] - r);
      allied_supply -= r;
    }

  /* Then the allies, pro rata to what they ask. */
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];

      if (m->aligned[j] && j != m->us && need[j] > 0)
        requested += fs * need[j];
    }
  if (allied_supply <= 0 || requested <= 0)
    return;
  k = MIN (1.0, allied_supply / requested);
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];
      double r;

      if (!m->aligned[j] || j == m->us || need[j] <= 0)
        continue;
      r = fs * need[j] * k / allied_supply;
      for (guint a = 0; a < p->n_exp; a++)
        {
          guint i = p->exp[a];

          if (!m->aligned[i] || sup[i] <= 0)
            continue;
          flow[i][j] += r * sup[i];
          need[j] -= r * sup[i];
        }
      need[j] = MAX (0.0, need[j]);
    }
  k = 1 - requested * k / allied_supply;
  for (guint a = 0; a < p->n_exp; a++)
    if (m->aligned[p->exp[a]])
      sup[p->exp[a]] = MAX (0.0, sup[p->exp[a]] * k);
}

/* China's weight in (B) for importer j. */
static double
china_weight (const Pass *p,
              guint       j)
{
  const Model *m = p->m;
  double wc = 1;

  if (m->aligned[j])
    {
      wc = 1 - p->w->fs;
      if (p->tariff && j == m->us)
        wc /= 1 + m->tariff_substitution * m->tariff;
    }
  /* A target draws the rest of China's supply in (C), within its allowance. */
  if (is_target (p, j))
    wc *= 1 - p->withheld;
  if (china_free_only (p, j))
    wc = 0;
  return wc;
}

/* (B) every importer draws from every exporter in proportion to its preference-weighted
 * surplus; oversubscribed exporters scale their grants down (non-China exporters share one
 * scale, China has its own). */
static void
market_round (const Pass *p,
              double      sup[MAX_R],
              double      need[MAX_R],
              double      flow[MAX_R][MAX_R])
{
  const Model *m = p->m;
  const guint cn = m->cn;
  double sum_nc = 0, sup_cn = MAX (0.0, sup[cn]);
  double f[MAX_R], c[MAX_R], asked[MAX_R];
  double f_sum = 0, c_sum = 0, k_nc, k_cn;
  guint live[MAX_R], n_live = 0;   /* the exporters with a surplus left, in order */

  for (guint a = 0; a < p->n_exp; a++)
    {
      guint i = p->exp[a];

      asked[i] = 0;
      if (sup[i] > 0)
        {
          live[n_live++] = i;
          if (i != cn)
            sum_nc += sup[i];
        }
    }
  if (sum_nc <= 0 && sup_cn <= 0)
    return;

  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];
      double wc, w_sum;

      f[j] = c[j] = 0;
      if (need[j] <= 0 || sup[j] > 0)
        continue;
      wc = china_weight (p, j);
      w_sum = sum_nc + wc * sup_cn;
      if (w_sum <= 0)
        continue;
      f[j] = need[j] / w_sum;          /* per tonne of non-China surplus */
      c[j] = f[j] * wc;                /* per tonne of China's surplus */
      f_sum += f[j];
      c_sum += c[j];
    }
  if (f_sum <= 0)
    return;

  k_nc = f_sum > 1 ? 1 / f_sum : 1;   /* each exporter is asked for at most sup x f_sum */
  k_cn = c_sum > 1 ? 1 / c_sum : 1;
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];
      const double *use;
      double got = 0;

      if (f[j] <= 0)
        continue;
      use = usable_row (p, j);
      /* j has no surplus, so it is not among them. */
      for (guint a = 0; a < n_live; a++)
        {
          guint i = live[a];
          double g;

          if (i == cn)
            {
              g = sup[i] * c[j] * k_cn;
              if (p->allowance != NULL && p->allowance[j] >= 0)
                {
                  g = MIN (g, (1 - p->withheld) * p->allowance[j]);
                  p->allowance[j] = MAX (0.0, p->allowance[j] -
                                              g / MAX (1e-9, 1 - p->withheld));
                }
            }
          else
            g = sup[i] * f[j] * k_nc * use[i];
          flow[i][j] += g;
          asked[i] += g;
          got += g;
        }
      need[j] = MAX (0.0, need[j] - got);
    }
  for (guint a = 0; a < p->n_exp; a++)
    sup[p->exp[a]] = MAX (0.0, sup[p->exp[a]] - asked[p->exp[a]]);
}

/* (C) China supplies what remains, the targets at most up to their cap. */
static void
china_supplies (Pass   *p,
                double  sup[MAX_R],
                double  need[MAX_R],
                double  flow[MAX_R][MAX_R])
{
  const Model *m = p->m;
  const guint cn = m->cn;
  double ask[MAX_R], requested = 0, k;

  if (sup[cn] <= 0)
    return;
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];

      ask[j] = j == cn || sup[j] > 0 || china_free_only (p, j) ? 0 : need[j];
      if (p->allowance != NULL && p->allowance[j] >= 0)
        ask[j] = MIN (ask[j], (1 - p->withheld) * p->allowance[j]);
      requested += ask[j];
    }
  if (requested <= 0)
    return;
  k = requested > sup[cn] ? sup[cn] / requested : 1;
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];
      double g = ask[j] * k;

      if (g <= 0)
        continue;
      flow[cn][j] += g;
      if (p->allowance != NULL && p->allowance[j] >= 0)
        p->allowance[j] = MAX (0.0, p->allowance[j] - g / MAX (1e-9, 1 - p->withheld));
      need[j] = MAX (0.0, need[j] - g);
      sup[cn] -= g;
    }
  sup[cn] = MAX (0.0, sup[cn]);
}

/* (D) what non-China surplus is left meets what need is left. */
static void
leftovers (const Pass *p,
           double      sup[MAX_R],
           double      need[MAX_R],
           double      flow[MAX_R][MAX_R])
{
  const Model *m = p->m;
  double left = 0, requested = 0, k;
  double taken[MAX_R];

  for (guint a = 0; a < p->n_exp; a++)
    {
      taken[p->exp[a]] = 0;
      if (p->exp[a] != m->cn)
        left += sup[p->exp[a]];
    }
  for (guint b = 0; b < p->n_imp; b++)
    if (sup[p->imp[b]] <= 0)
      requested += need[p->imp[b]];
  if (left <= 0 || requested <= 0)
    return;

  k = MIN (1.0, left / requested);
  for (guint b = 0; b < p->n_imp; b++)
    {
      guint j = p->imp[b];
      const double *use;
      double r;

      if (need[j] <= 0 || sup[j] > 0)
        continue;
      r = need[j] * k / left;
      use = usable_row (p, j);
      for (guint a = 0; a < p->n_exp; a++)
        {
          guint i = p->exp[a];

          if (i != m->cn && sup[i] > 0 && i != j)
          {
            double g = r * sup[i] * use[i];

            flow[i][j] += g;
            taken[i] += g;
            need[j] -= g;
          }
        }
      need[j] = MAX (0.0, need[j]);
    }
  for (guint a = 0; a < p->n_exp; a++)
    sup[p->exp[a]] = MAX (0.0, sup[p->exp[a]] - taken[p->exp[a]]);
}

static void
trade_tier (Pass   *p,
            double  sup[MAX_R],
            double  need[MAX_R],
            double  flow[MAX_R][MAX_R])
{
  if (p->w->fs > 0 && !p->tier_new)
    friendshore (p, sup, need, flow);
  for (int round = 0; round < MARKET_ROUNDS; round++)
    market_round (p, sup, need, flow);
  china_supplies (p, sup, need, flow);
  leftovers (p, sup, need, flow);
}

/* The base year: importers with recorded shares take them from each exporter's surplus. */
static void
base_year_shares (const Model  *m,
                  const double  share[MAX_R][MAX_R],
                  double        sup[MAX_R],
                  double        need[MAX_R],
                  double        flow[MAX_R][MAX_R])
{
  double asked[MAX_R] = { 0 }, k[MAX_R];
  double want[MAX_R][MAX_R];

  for (guint j = 0; j < m->n; j++)
    for (guint i = 0; i < m->n; i++)
      {
        want[j][i] = share[j][i] > 0 && i != j && sup[i] > 0 ? share[j][i] * need[j] : 0;
        asked[i] += want[j][i];
      }
  for (guint i = 0; i < m->n; i++)
    k[i] = asked[i] > sup[i] ? lode_safe_div (sup[i], asked[i]) : 1;
  for (guint j = 0; j < m->n; j++)
    for (guint i = 0; i < m->n; i++)
      {
        double g = want[j][i] * k[i];

        if (g <= 0)
          continue;
        flow[i][j] += g;
        sup[i] = MAX (0.0, sup[i] - g);
        need[j] = MAX (0.0, need[j] - g);
      }
}

/* After the base year: each non-China exporter offers its base-year customers their share of
 * its surplus, up to what their incumbent plants need. */
static void
contracts (const Model *m,
           const Link  *links,
           guint        n_links,
           double       sup[MAX_R],
           double       need[MAX_R],
           double       flow[MAX_R][MAX_R])
{
  double offered[MAX_R] = { 0 }, sup0[MAX_R], k[MAX_R];

  /* Whole arrays: a copy of fixed size is inlined, one of n elements calls memcpy (). */
  memcpy (sup0, sup, sizeof sup0);
  for (guint l = 0; l < n_links; l++)
    offered[links[l].j] += links[l].share * sup0[links[l].i];
  for (guint j = 0; j < m->n; j++)
    k[j] = offered[j] > need[j] ? lode_safe_div (need[j], offered[j]) : 1;
  for (guint l = 0; l < n_links; l++)
    {
      guint i = links[l].i, j = links[l].j;
      double g = links[l].share * sup0[i] * k[j];

      if (g <= 0)
        continue;
      flow[i][j] += g;
      sup[i] = MAX (0.0, sup[i] - g);
      need[j] = MAX (0.0, need[j] - g);
    }
}

/* In the base year, remember who bought each non-China exporter's surplus. */
static void
record_links (Model        *m,
              MatModel     *mm,
              LodeStage     stage,
              const double *out,
              double        flow[MAX_R][MAX_R])
{
  mm->n_links[stage] = 0;
  for (guint i = 0; i < m->n; i++)
    {
      double surplus = out[i] - flow[i][i];

      if (i == m->cn || surplus <= 0)
        continue;
      for (guint j = 0; j < m->n; j++)
        if (j != i && flow[i][j] > 0)
          mm->links[stage][mm->n_links[stage]++] = (Link) { i, j, flow[i][j] / surplus };
    }
}

/* Under a restriction the targets outbid everyone for what China withholds from them: after
 * their own plants, they take that much of what other producers outside China make before
 * those producers' own region does (which then buys from China instead). Under the
 * extraterritorial rule only the permitted part of each producer's China-touched output may
 * go. */
static void
divert_to_targets (const Pass *p,
                   double      out[MAX_R],
                   double      want[MAX_R],
                   double      flow[MAX_R][MAX_R])
{
  const Model *m = p->m;
  double lacking = 0, pool = 0, k, gap[MAX_R];

  for (guint j = 0; j < m->n; j++)
    {
      double own;

      gap[j] = 0;
      if (!m->target[j])
        continue;
      own = MIN (out[j], want[j]);
      flow[j][j] += own;
      out[j] -= own;
      want[j] -= own;
      /* What China withholds from it: the gap the others are asked to fill. */
      if (p->allowance != NULL && p->allowance[j] > 0)
        gap[j] = MIN (want[j], p->withheld * p->allowance[j]);
      lacking += gap[j];
    }
  for (guint i = 0; i < m->n; i++)
    if (i != m->cn && !m->target[i])
      pool += out[i] * p->clean[i];
  if (lacking <= 0 || pool <= 0)
    return;
  k = MIN (1.0, pool / lacking);
  for (guint j = 0; j < m->n; j++)
    {
      double take;

      if (!m->target[j] || gap[j] <= 0)
        continue;
      take = gap[j] * k;
      for (guint i = 0; i < m->n; i++)
        {
          double g;

          if (i == m->cn || m->target[i] || out[i] <= 0)
            continue;
          g = take * out[i] * p->clean[i] / pool;
          flow[i][j] += g;
          want[j] -= g;
        }
      want[j] = MAX (0.0, want[j]);
    }
  for (guint i = 0; i < m->n; i++)
    if (i != m->cn && !m->target[i])
      out[i] = MAX (0.0, out[i] * (1 - k * p->clean[i] * lacking / pool));
}

static void
init_pass (Pass                   *p,
           const Model            *m,
           const Year             *w,
           LodeMaterial            material,
           LodeStage               stage,
           const LodeTradeRequest *req,
           const double           *content)
{
  double withheld = req->withheld;

  p->m = m;
  p->w = w;
  p->stage = stage;
  p->material = material;
  p->targets_cut = withheld > 0;
  p->tariff = stage == MAGNET && w->tariff_on && material != HEAVY;
  p->allowance = req->china_allowance;
  p->withheld = lode_clamp (req->withheld, 0, 1);
  p->n_exp = p->n_imp = 0;
  p->tier_new = FALSE;
  for (guint i = 0; i < m->n; i++)
    {
      p->clean[i] = m->extraterritorial && i != m->cn ?
                    1 - withheld * lode_clamp (content[i], 0, 1) : 1;
      p->use[0][i] = 1;
      p->use[1][i] = p->clean[i];
      p->use[2][i] = 1 - content[i];
      p->use[3][i] = p->clean[i] * (1 - content[i]);
    }
}

void
lode_model_trade (Model                  *m,
                  const Year             *w,
                  LodeMaterial            material,
                  LodeStage               stage,
                  const LodeTradeRequest *req,
                  double                  flow[MAX_R][MAX_R],
                  double                  unsold[MAX_R],
                  double                  unmet[MAX_R])
{
  MatModel *mm = &m->mat[material];
  double sup[MAX_R], need[MAX_R], later[MAX_R], content[MAX_R];
  double out[MAX_R], want[MAX_R];
  gboolean any_need = FALSE, any_sup = FALSE, any_later = FALSE;
  Pass pass;

  for (guint i = 0; i < m->n; i++)
    content[i] = req->content != NULL ? req->content[i] : 0;
  init_pass (&pass, m, w, material, stage, req, content);
  /* Whole rows: zeroing only the n short rows in use costs several times more. The rows and
   * columns past n stay zero as they were. */
  lode_model_clear_flows (flow, m->n);
  memcpy (out, req->out, sizeof out);
  memcpy (want, req->want, sizeof want);
  if (pass.targets_cut)
    divert_to_targets (&pass, out, want, flow);

  for (guint i = 0; i < m->n; i++)
    {
      double own = MIN (out[i], want[i]);
      double rest = want[i] - own;
      double newer = req->want_new != NULL ? MIN (rest, MAX (0.0, req->want_new[i])) : 0;

      flow[i][i] += own;
      sup[i] = out[i] - own;
      need[i] = rest - newer;
      later[i] = newer;
      any_need = any_need || rest > 0;
      any_sup = any_sup || sup[i] > 0;
      any_later = any_later || newer > 0;
    }
  for (guint i = 0; i < m->n; i++)
    {
      if (sup[i] > 0)
        pass.exp[pass.n_exp++] = i;
      else if (need[i] > 0 || later[i] > 0)
        pass.imp[pass.n_imp++] = i;
    }

  if (any_need && any_sup)
    {
      if (req->base_year)
        base_year_shares (m, (const double (*)[MAX_R]) mm->import_share[stage], sup, need,
                          flow);
      else
        contracts (m, mm->links[stage], mm->n_links[stage], sup, need, flow);
      trade_tier (&pass, sup, need, flow);
      if (any_later)
        {
          for (guint i = 0; i < m->n; i++)
            {
              double left = need[i];

              need[i] = later[i];
              later[i] = left;
            }
          pass.tier_new = !req->base_year && !req->any_origin;
          trade_tier (&pass, sup, need, flow);
          pass.tier_new = FALSE;
          for (guint i = 0; i < m->n; i++)
            need[i] += later[i];
        }
    }
  else
    for (guint i = 0; i < m->n; i++)
      need[i] += later[i];

  for (guint i = 0; i < m->n; i++)
    {
      unsold[i] = MAX (0.0, sup[i]);
      unmet[i] = MAX (0.0, need[i]);
    }
  if (req->base_year)
    record_links (m, mm, stage, req->out, flow);
}
