/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Headlines — the few figures a planner reads first (China-free share of US magnet supply in
 * 2030 and 2035, the year a target share is reached, the fund's net cost at present value and
 * per China-free tonne, jobs, US magnets unmet, the US defence need met China-free), each
 * beside the same figure for the baseline, and the locale-aware text the headline cards show.
 * Pure: computed from projections only. Model library: GLib only.
 */
#pragma once

#include <glib.h>

#include "lode-projection.h"

G_BEGIN_DECLS

/* The year of the defence card: the planner's first question, whether defence magnet needs
 * can be met without China by 2028 (issue #12; the DFARS ban on Chinese magnets in defence
 * supply applies from 2027). */
#define LODE_HEADLINE_DEFENCE_YEAR 2028

typedef struct
{
  double   china_free_2030, china_free_2035;  /* fractions; NAN when outside the horizon */
  int      target_year;                       /* 0 = never within the horizon */
  double   public_cost_busd;                  /* cumulative public spend + price-floor cost */
  double   net_cost_busd;                     /* -NPV of the fund's cash flows (docs/fund.md) */
  double   cost_per_t_usd;                    /* net cost per China-free US magnet tonne;
                                               * NAN when there are none */
  double   discount_rate;                     /* the NPV's, per year */
  double   jobs;                              /* US direct jobs in the horizon year */
  /* the same for the baseline; has_baseline FALSE when none */
  gboolean has_baseline;
  double   base_china_free_2030, base_china_free_2035, base_public_cost_busd, base_jobs;
  double   base_net_cost_busd, base_cost_per_t_usd;
  int      base_target_year;
  double   target_share;
  int      horizon;                           /* last year of the projection */
  /* US magnet demand left unmet and US magnet demand, t magnet: in 2030, in 2035 (NAN outside
   * the horizon) and in the year the scenario reaches the target (NAN if it does not); the
   * base_ ones are the baseline's in the same years (NAN without one). A China-free share
   * that rises while more magnets go unmet than in the baseline is "supply short". */
  double   us_unmet_2030_t, us_demand_2030_t;
  double   us_unmet_2035_t, us_demand_2035_t;
  double   us_unmet_target_t, us_demand_target_t;
  double   base_us_unmet_2030_t, base_us_demand_2030_t;
  double   base_us_unmet_2035_t, base_us_demand_2035_t;
  double   base_us_unmet_target_t, base_us_demand_target_t;
  /* The card's year: the one in which the largest share of US magnet demand goes unmet (the
   * baseline's when none of the scenario's does, 2030 when neither's does), and the unmet and
   * demand of both in it. */
  int      unmet_year;
  double   us_unmet_t, us_demand_t, base_us_unmet_t, base_us_demand_t;
  /* The share of US defence magnet needs (NdFeB and SmCo) met by jointly China-free magnets
   * in LODE_HEADLINE_DEFENCE_YEAR, and the baseline's; NAN outside the horizon. */
  double   defence_met, base_defence_met;
} LodeHeadlines;

typedef enum
{
  LODE_HEADLINE_CHINA_FREE_2030,
  LODE_HEADLINE_CHINA_FREE_2035,
  LODE_HEADLINE_TARGET_YEAR,
  LODE_HEADLINE_NET_COST,                     /* the fund's net cost (NPV) */
  LODE_HEADLINE_COST_PER_TONNE,               /* per China-free US magnet tonne */
  LODE_HEADLINE_JOBS,
  LODE_HEADLINE_US_UNMET,                     /* US magnets unmet in the worst year */
  LODE_HEADLINE_DEFENCE,                      /* US defence need met China-free in 2028 */
  LODE_N_HEADLINES
} LodeHeadline;

/* How the difference from the baseline reads for the planner. */
typedef enum
{
  LODE_HEADLINE_NEUTRAL,
  LODE_HEADLINE_BETTER,
  LODE_HEADLINE_WORSE,
  /* Better on paper, but only because US supply fell short of the baseline: a warning. */
  LODE_HEADLINE_SUPPLY_SHORT,
} LodeHeadlineTrend;

/* The text of one card; every string is translated and locale-formatted. */
typedef struct
{
  char              *title;   /* "China-free share, 2030" */
  char              *value;   /* "43%" */
  char              *delta;   /* "+12 pts vs baseline", or NULL without a baseline */
  LodeHeadlineTrend  trend;
} LodeHeadlineText;

void  lode_headlines_compute     (const LodeProjection *projection,
                                  const LodeProjection *baseline,
                                  double                target_share,
                                  LodeHeadlines        *out);
/* Fills `out` (free with lode_headline_text_clear()). */
void  lode_headlines_format      (const LodeHeadlines  *headlines,
                                  LodeHeadline          which,
                                  LodeHeadlineText     *out);
void  lode_headline_text_clear   (LodeHeadlineText     *text);
/* What a card measures and how its difference is coloured, for its tooltip; translated. */
char *lode_headline_dup_tooltip  (LodeHeadline          which) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
