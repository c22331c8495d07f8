/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Levers — the numeric inputs a planner moves. Each has a stable string id (used in scenario
 * files and on the command line), a label, a unit, a range, a step, a default and the source
 * of that default. The table is static and ordered; LodeLever is its index.
 * Model library: GLib only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LODE_LEVER_ERROR (lode_lever_error_quark ())

typedef enum
{
  LODE_LEVER_ERROR_UNKNOWN,       /* no lever has that id */
  LODE_LEVER_ERROR_NOT_A_NUMBER,  /* text is not a plain decimal number, or NaN/Inf */
  LODE_LEVER_ERROR_OUT_OF_RANGE,  /* outside [min, max] */
} LodeLeverError;

typedef enum
{
  LODE_LEVER_GROUP_FUND,      /* Sovereign wealth fund */
  LODE_LEVER_GROUP_POLICY,
  LODE_LEVER_GROUP_PARTNERS,
  LODE_LEVER_GROUP_INSTRUMENTS, /* how the fund invests: grants, equity, loans, guarantees */
  LODE_LEVER_GROUP_MARKET,
  LODE_LEVER_GROUP_MATERIALS,  /* heavy rare earths and samarium */
  LODE_LEVER_GROUP_SHOCK,
  LODE_N_LEVER_GROUPS
} LodeLeverGroup;

/* Order is the order of the levers panel; ids are stable, indices are not part of any file. */
typedef enum
{
  LODE_LEVER_FUND_SIZE_BUSD,
  LODE_LEVER_FUND_START_YEAR,
  LODE_LEVER_FUND_YEARS,
  LODE_LEVER_FUND_ALLOC_MINE,
  LODE_LEVER_FUND_ALLOC_SEPARATION,
  LODE_LEVER_FUND_ALLOC_METAL,
  LODE_LEVER_FUND_ALLOC_MAGNET,
  LODE_LEVER_FUND_ALLOC_RECYCLING,
  LODE_LEVER_FUND_PRIVATE_LEVERAGE,
  LODE_LEVER_FUND_HEAVY_SHARE_PCT,
  LODE_LEVER_FUND_SM_SHARE_PCT,
  LODE_LEVER_FUND_EQUITY_MINE,
  LODE_LEVER_FUND_EQUITY_SEPARATION,
  LODE_LEVER_FUND_EQUITY_METAL,
  LODE_LEVER_FUND_EQUITY_MAGNET,
  LODE_LEVER_FUND_EQUITY_RECYCLING,
  LODE_LEVER_FUND_LOAN_MINE,
  LODE_LEVER_FUND_LOAN_SEPARATION,
  LODE_LEVER_FUND_LOAN_METAL,
  LODE_LEVER_FUND_LOAN_MAGNET,
  LODE_LEVER_FUND_LOAN_RECYCLING,
  LODE_LEVER_FUND_GUARANTEE_PCT,
  LODE_LEVER_FUND_LOAN_RATE_PCT,
  LODE_LEVER_FUND_LOAN_YEARS,
  LODE_LEVER_FUND_DISCOUNT_RATE_PCT,
  LODE_LEVER_POLICY_PERMITTING_CUT_YEARS,
  LODE_LEVER_POLICY_ENV_STANDARD,
  LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG,
  LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR,
  LODE_LEVER_POLICY_PRICE_FLOOR_YEARS,
  LODE_LEVER_POLICY_PRICE_FLOOR_COVERAGE_T,
  LODE_LEVER_POLICY_TARIFF_PCT,
  LODE_LEVER_POLICY_STOCKPILE_MONTHS,
  LODE_LEVER_POLICY_STOCKPILE_START_YEAR,
  LODE_LEVER_POLICY_DEFENCE_FIRST,
  LODE_LEVER_POLICY_OFFTAKE_T,
  LODE_LEVER_POLICY_OFFTAKE_START_YEAR,
  LODE_LEVER_POLICY_OFFTAKE_YEARS,
  LODE_LEVER_POLICY_EBITDA_FLOOR_MUSD,
  LODE_LEVER_PARTNERS_FRIENDSHORING,
  LODE_LEVER_PARTNERS_COINVEST_PCT,
  LODE_LEVER_PARTNERS_FUND_AU_BUSD,
  LODE_LEVER_PARTNERS_FUND_JP_BUSD,
  LODE_LEVER_PARTNERS_FUND_EU_BUSD,
  LODE_LEVER_MARKET_DEMAND_GROWTH_PCT,
  LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT,
  LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS,
  LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT,
  LODE_LEVER_MATERIALS_GBD_EXTRA_PCT,
  LODE_LEVER_MATERIALS_HEAVY_FREE_PCT,
  LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT,
  LODE_LEVER_SHOCK_START_YEAR,
  LODE_LEVER_SHOCK_DURATION_YEARS,
  LODE_LEVER_SHOCK_NDPR,
  LODE_LEVER_SHOCK_HEAVY,
  LODE_LEVER_SHOCK_SM,
  LODE_LEVER_SHOCK_MAGNETS,
  LODE_LEVER_SHOCK_LICENCE_DELAY_MONTHS,
  LODE_LEVER_SHOCK_EXTRATERRITORIAL,
  LODE_N_LEVERS
} LodeLever;

/* The five allocation levers, in stage order, then recycling. */
#define LODE_N_ALLOC 5
#define LODE_LEVER_ALLOC_FIRST LODE_LEVER_FUND_ALLOC_MINE
/* The instrument mix of each kind's money, in the same order: equity and loan shares (%);
 * the rest is grants. */
#define LODE_LEVER_EQUITY_FIRST LODE_LEVER_FUND_EQUITY_MINE
#define LODE_LEVER_LOAN_FIRST   LODE_LEVER_FUND_LOAN_MINE

typedef struct
{
  const char     *id;           /* "fund.size_busd" */
  const char     *label;        /* untranslated msgid; show with lode_lever_label() */
  const char     *unit;         /* untranslated msgid, "$ bn", "%", "years", "" */
  const char     *description;  /* untranslated msgid: what the lever does */
  const char     *source;       /* reference ID of the default ("MP-DoD"), or NULL */
  LodeLeverGroup  group;
  double          min;
  double          max;
  double          step;
  double          page;         /* page increment for sliders */
  double          default_value;
  guint           digits;       /* decimals to show */
  gboolean        is_year;      /* shown without thousands separator */
  gboolean        is_switch;    /* on (1) or off (0), shown as a switch */
} LodeLeverInfo;

GQuark               lode_lever_error_quark  (void);
const LodeLeverInfo *lode_lever_info         (LodeLever        lever);
gboolean             lode_lever_from_id      (const char      *id,
                                              LodeLever       *out_lever);
const char          *lode_lever_label        (LodeLever        lever);   /* translated */
const char          *lode_lever_unit         (LodeLever        lever);   /* translated */
const char          *lode_lever_description  (LodeLever        lever);   /* translated */
const char          *lode_lever_group_name   (LodeLeverGroup   group);   /* translated */

/* TRUE for a lever that takes whole numbers only: a switch (0 or 1), a calendar year or a
 * duration counted in whole years — the levers the model rounds to an integer. */
gboolean             lode_lever_is_whole     (LodeLever        lever);
/* The allowed range for a message, e.g. "0–500 ($ bn)"; free with g_free(). */
char                *lode_lever_dup_range    (LodeLever        lever);

/* Checks a value: rejects NaN, infinities, values outside the range and, for a whole-number
 * lever (lode_lever_is_whole()), fractions, with a message that names the lever and its
 * allowed values. */
gboolean             lode_lever_validate     (LodeLever        lever,
                                              double           value,
                                              GError         **error);
/* Parses a C-locale decimal (no hex, no inf/nan, no trailing garbage) and validates it. */
gboolean             lode_lever_parse        (LodeLever        lever,
                                              const char      *text,
                                              double          *out_value,
                                              GError         **error);

/* The number syntax shared by levers and scenario files: optional sign, digits with an
 * optional decimal point, optional exponent; C locale; no hex, inf, nan, spaces or trailing
 * text. FALSE if the text is not such a number or does not fit a finite double. */
gboolean             lode_parse_plain_double (const char      *text,
                                              double          *out_value);

/* The NdPr price floor that three levers set: a price, a first year and a duration. The
 * projection, the price chart and the exports read it alike. */
typedef struct
{
  double usd_kg;       /* 0: no floor */
  int    start_year;
  int    years;        /* 0: no floor */
} LodePriceFloor;

/* From a full set of lever values (indexed by LodeLever). */
void                 lode_price_floor_from_levers (const double    values[LODE_N_LEVERS],
                                                   LodePriceFloor *out_floor);
/* TRUE when the floor holds in `year`: a price above 0, from start_year for `years` years. */
gboolean             lode_price_floor_applies     (const LodePriceFloor *floor,
                                                   int                   year);

/* Parses "ID=VALUE" as given to --set. */
gboolean             lode_lever_parse_assignment (const char  *text,
                                                  LodeLever   *out_lever,
                                                  double      *out_value,
                                                  GError     **error);

G_END_DECLS
