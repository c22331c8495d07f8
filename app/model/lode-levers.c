/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-levers.c — the static lever table, lookup by id, validation and strict parsing.
 */
#define G_LOG_DOMAIN "lode-levers"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-levers.h"
#include "lode-model-types.h"

G_DEFINE_QUARK (lode-lever-error-quark, lode_lever_error)

/* Ranges are wide enough to explore; defaults follow DESIGN.md §4 and the reference file
 * (source IDs from its §9). Order matches LodeLever. */
static const LodeLeverInfo levers[LODE_N_LEVERS] = {
  [LODE_LEVER_FUND_SIZE_BUSD] = {
    "fund.size_busd", N_("Fund size"), N_("$ bn"),
    N_("Public money the sovereign wealth fund invests in the chain over its deployment "
       "years, in billion US dollars. 0 means no fund."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 500, 0.5, 10, 0, 1, FALSE },
  [LODE_LEVER_FUND_START_YEAR] = {
    "fund.start_year", N_("First year of deployment"), N_("year"),
    N_("The year the fund starts to commit money. Capacity it buys comes online after the "
       "stage's permitting and construction lead time."),
    NULL, LODE_LEVER_GROUP_FUND, 2025, 2040, 1, 5, 2026, 0, TRUE },
  [LODE_LEVER_FUND_YEARS] = {
    "fund.years", N_("Deployment years"), N_("years"),
    N_("Over how many years the fund spreads its money, in equal yearly amounts."),
    NULL, LODE_LEVER_GROUP_FUND, 1, 15, 1, 5, 5, 0, FALSE },
  [LODE_LEVER_FUND_ALLOC_MINE] = {
    "fund.alloc.mine", N_("Share for mining"), N_("%"),
    N_("Part of the fund spent on new mines and concentrators. The five shares always add up "
       "to 100 %; moving one rescales the others."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 100, 1, 10, 15, 1, FALSE },
  [LODE_LEVER_FUND_ALLOC_SEPARATION] = {
    "fund.alloc.separation", N_("Share for separation"), N_("%"),
    N_("Part of the fund spent on separation plants that turn concentrate into NdPr oxide. "
       "The five shares always add up to 100 %."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 100, 1, 10, 35, 1, FALSE },
  [LODE_LEVER_FUND_ALLOC_METAL] = {
    "fund.alloc.metal", N_("Share for metal making"), N_("%"),
    N_("Part of the fund spent on plants that reduce NdPr oxide to metal and alloy. "
       "The five shares always add up to 100 %."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 100, 1, 10, 15, 1, FALSE },
  [LODE_LEVER_FUND_ALLOC_MAGNET] = {
    "fund.alloc.magnet", N_("Share for magnet plants"), N_("%"),
    N_("Part of the fund spent on sintered NdFeB magnet plants. "
       "The five shares always add up to 100 %."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 100, 1, 10, 30, 1, FALSE },
  [LODE_LEVER_FUND_ALLOC_RECYCLING] = {
    "fund.alloc.recycling", N_("Share for recycling"), N_("%"),
    N_("Part of the fund spent on recycling end-of-life magnets and swarf back into the metal "
       "stage. The five shares always add up to 100 %."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 100, 1, 10, 5, 1, FALSE },
  [LODE_LEVER_FUND_PRIVATE_LEVERAGE] = {
    "fund.private_leverage", N_("Private capital per public dollar"), N_("× public"),
    N_("Private money drawn in by every public dollar, which buys capacity alongside the "
       "fund. The default 1.0 matches a public share of about half of project capex, as in "
       "the Office of Strategic Capital loan to Vulcan Elements."),
    "VUL", LODE_LEVER_GROUP_FUND, 0, 5, 0.1, 0.5, 1.0, 1, FALSE },
  [LODE_LEVER_POLICY_PERMITTING_CUT_YEARS] = {
    "policy.permitting_cut_years", N_("Permitting time cut"), N_("years"),
    N_("Years taken off the permitting part of every new plant's lead time (never below "
       "zero). Construction time is unchanged."),
    NULL, LODE_LEVER_GROUP_POLICY, 0, 8, 0.5, 1, 0, 1, FALSE },
  [LODE_LEVER_POLICY_ENV_STANDARD] = {
    "policy.env_standard", N_("Environmental standard"), N_("× today's US standard"),
    N_("Strictness of environmental rules relative to today's US standard. Stricter rules "
       "raise capex and cut residue, tailings and emissions per tonne."),
    NULL, LODE_LEVER_GROUP_POLICY, 0.5, 1.5, 0.05, 0.25, 1.0, 2, FALSE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG] = {
    "policy.price_floor_usd_kg", N_("NdPr price floor"), N_("$/kg"),
    N_("Price guaranteed to Western NdPr oxide producers; the government pays the difference "
       "when the market price is lower, which keeps their plants running. 0 means no floor. "
       "The default is the 2025 Department of Defense agreement with MP Materials."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 300, 1, 10, 110, 0, FALSE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR] = {
    "policy.price_floor_start_year", N_("Price floor from"), N_("year"),
    N_("First year the price floor applies."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 2024, 2060, 1, 5, 2025, 0, TRUE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_YEARS] = {
    "policy.price_floor_years", N_("Price floor duration"), N_("years"),
    N_("For how many years the price floor holds. 0 means no floor."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 30, 1, 5, 10, 0, FALSE },
  [LODE_LEVER_POLICY_TARIFF_PCT] = {
    "policy.tariff_pct", N_("Tariff on Chinese magnets"), N_("%"),
    N_("US import tariff on magnets from China, which raises their landed price against "
       "other sources. The default is the Section 301 rate from 2026."),
    "S301", LODE_LEVER_GROUP_POLICY, 0, 200, 1, 10, 25, 0, FALSE },
  [LODE_LEVER_PARTNERS_FRIENDSHORING] = {
    "partners.friendshoring", N_("Friend-shoring preference"), "",
    N_("How strongly the US and its allies buy from allied sources before Chinese ones: "
       "0 buys on price alone, 1 takes every allied tonne first."),
    NULL, LODE_LEVER_GROUP_PARTNERS, 0, 1, 0.05, 0.1, 0.5, 2, FALSE },
  [LODE_LEVER_PARTNERS_COINVEST_PCT] = {
    "partners.coinvest_pct", N_("Co-investment in allied capacity"),
    /* xgettext:no-c-format */
    N_("% of fund"),
    N_("Part of the fund invested in plants in allied regions instead of the US, with the "
       "same stage allocation."),
    NULL, LODE_LEVER_GROUP_PARTNERS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_MARKET_DEMAND_GROWTH_PCT] = {
    "market.demand_growth_pct", N_("Magnet demand growth"), N_("%/yr"),
    N_("Yearly growth of world NdFeB magnet demand from 2024 to 2030. Later periods taper "
       "as in the central path (2030–2040 and 2040–2060 scale with this rate). The default "
       "7.5 %/yr is the central path."),
    NULL, LODE_LEVER_GROUP_MARKET, 0, 15, 0.1, 1, 7.5, 1, FALSE },
  [LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT] = {
    "market.recycling_rate_2035_pct", N_("Recycling rate by 2035"), N_("%"),
    N_("Share of end-of-life magnets collected and returned to the metal stage by 2035, "
       "rising linearly from today's level."),
    NULL, LODE_LEVER_GROUP_MARKET, 0, 60, 1, 5, 5, 0, FALSE },
  [LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS] = {
    "market.schedule_slip_years", N_("Schedule slip"), N_("years"),
    N_("Delay applied to the announced online year of every announced project. The default "
       "1.5 years is the median slip observed on recent Western projects (an estimate)."),
    NULL, LODE_LEVER_GROUP_MARKET, 0, 6, 0.5, 1, 1.5, 1, FALSE },
  [LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT] = {
    "shock.export_withheld_pct", N_("Chinese exports withheld"), N_("%"),
    N_("Share of China's exports at every stage withheld from the targeted importers while "
       "an export restriction lasts. 0 means no restriction."),
    NULL, LODE_LEVER_GROUP_SHOCK, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_SHOCK_START_YEAR] = {
    "shock.start_year", N_("Restriction from"), N_("year"),
    N_("First year of the export restriction."),
    NULL, LODE_LEVER_GROUP_SHOCK, 2025, 2060, 1, 5, 2027, 0, TRUE },
  [LODE_LEVER_SHOCK_DURATION_YEARS] = {
    "shock.duration_years", N_("Restriction duration"), N_("years"),
    N_("For how many years the export restriction lasts."),
    NULL, LODE_LEVER_GROUP_SHOCK, 0, 20, 1, 5, 2, 0, FALSE },
};

static const char * const group_names[LODE_N_LEVER_GROUPS] = {
  [LODE_LEVER_GROUP_FUND] = N_("Sovereign wealth fund"),
  [LODE_LEVER_GROUP_POLICY] = N_("Policy"),
  [LODE_LEVER_GROUP_PARTNERS] = N_("Partners"),
  [LODE_LEVER_GROUP_MARKET] = N_("Market"),
  [LODE_LEVER_GROUP_SHOCK] = N_("Export shock"),
};

/* Formats a number for a message in the notation files and the command line use (a dot as
 * decimal point, whatever the locale), with at most 12 significant digits so rounding noise
 * does not show. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.12g", value));
}

static char *
format_range (const LodeLeverInfo *info)
{
  g_autofree char *min = format_number (info->min);
  g_autofree char *max = format_number (info->max);
  const char *unit = info->unit[0] != '\0' ? _(info->unit) : NULL;

  if (unit != NULL)
    /* Translators: an allowed range and its unit, e.g. "0–500 ($ bn)" */
    return g_strdup_printf (_("%s–%s (%s)"), min, max, unit);
  /* Translators: an allowed range without a unit, e.g. "0–1" */
  return g_strdup_printf (_("%s–%s"), min, max);
}

const LodeLeverInfo *
lode_lever_info (LodeLever lever)
{
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, NULL);

  return &levers[lever];
}

gboolean
lode_lever_from_id (const char *id,
                    LodeLever  *out_lever)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      if (strcmp (levers[i].id, id) == 0)
        {
          if (out_lever != NULL)
            *out_lever = (LodeLever) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lode_lever_label (LodeLever lever)
{
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, "");

  return _(levers[lever].label);
}

const char *
lode_lever_unit (LodeLever lever)
{
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, "");

  if (levers[lever].unit[0] == '\0')
    return "";
  return _(levers[lever].unit);
}

const char *
lode_lever_description (LodeLever lever)
{
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, "");

  return _(levers[lever].description);
}

const char *
lode_lever_group_name (LodeLeverGroup group)
{
  g_return_val_if_fail ((guint) group < LODE_N_LEVER_GROUPS, "");

  return _(group_names[group]);
}

gboolean
lode_lever_validate (LodeLever   lever,
                     double      value,
                     GError    **error)
{
  const LodeLeverInfo *info;
  g_autofree char *range = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, FALSE);

  info = &levers[lever];
  if (isfinite (value) && value >= info->min && value <= info->max)
    return TRUE;

  range = format_range (info);
  shown = format_number (value);
  if (!isfinite (value))
    g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                 /* Translators: lever id, lever label, the bad value, the allowed range */
                 _("%s (%s): %s is not a finite number; the allowed range is %s"),
                 info->id, _(info->label), shown, range);
  else
    g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE,
                 /* Translators: lever id, lever label, the bad value, the allowed range */
                 _("%s (%s): %s is outside the allowed range %s"),
                 info->id, _(info->label), shown, range);
  return FALSE;
}

/* A plain decimal: optional sign, digits with an optional point (at least one digit), an
 * optional exponent. No hex, no "inf"/"nan", no spaces, no thousands separators. */
static gboolean
is_plain_decimal (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits++;
    }
  if (digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      guint exp_digits = 0;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exp_digits++;
      if (exp_digits == 0)
        return FALSE;
    }

  return *p == '\0';
}

gboolean
lode_parse_plain_double (const char *text,
                         double     *out_value)
{
  char *end = NULL;
  double value;

  if (text == NULL || !is_plain_decimal (text))
    return FALSE;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || (errno == ERANGE && fabs (value) > 1.0) ||
      !isfinite (value))
    return FALSE;

  /* Underflow to a denormal or zero is harmless; normalise -0 to 0. */
  if (value == 0.0)
    value = 0.0;
  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

gboolean
lode_lever_parse (LodeLever    lever,
                  const char  *text,
                  double      *out_value,
                  GError     **error)
{
  const LodeLeverInfo *info;
  g_autofree char *range = NULL;
  double value;

  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, FALSE);

  info = &levers[lever];
  if (text == NULL || !is_plain_decimal (text))
    {
      g_autofree char *shown = NULL;

      range = format_range (info);
      shown = lode_dup_shown_text (text, -1, 64);
      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                   /* Translators: lever id, lever label, the text given, the allowed range */
                   _("%s (%s): “%s” is not a plain decimal number; the allowed range is %s"),
                   info->id, _(info->label), shown, range);
      return FALSE;
    }

  if (!lode_parse_plain_double (text, &value))
    {
      g_autofree char *shown = lode_dup_shown_text (text, -1, 64);

      range = format_range (info);
      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                   /* Translators: lever id, lever label, the text given, the allowed range */
                   _("%s (%s): %s is too large to be a finite number; the allowed range is %s"),
                   info->id, _(info->label), shown, range);
      return FALSE;
    }

  if (!lode_lever_validate (lever, value, error))
    return FALSE;

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

gboolean
lode_lever_parse_assignment (const char  *text,
                             LodeLever   *out_lever,
                             double      *out_value,
                             GError     **error)
{
  const char *eq;
  g_autofree char *id = NULL;
  LodeLever lever;
  double value;

  if (text == NULL || (eq = strchr (text, '=')) == NULL)
    {
      g_autofree char *shown = lode_dup_shown_text (text, -1, 64);

      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a lever assignment of the form ID=VALUE, "
                     "e.g. fund.size_busd=25"),
                   shown);
      return FALSE;
    }

  id = g_strndup (text, eq - text);
  if (!lode_lever_from_id (id, &lever))
    {
      g_autofree char *shown = lode_dup_shown_text (id, -1, 64);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < LODE_N_LEVERS; i++)
        {
          if (i > 0)
            g_string_append (known, ", ");
          g_string_append (known, levers[i].id);
        }
      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN,
                   _("Unknown lever “%s”; known levers are: %s"), shown, known->str);
      return FALSE;
    }

  if (!lode_lever_parse (lever, eq + 1, &value, error))
    return FALSE;

  if (out_lever != NULL)
    *out_lever = lever;
  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}
