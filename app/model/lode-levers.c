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

#include "lode-format.h"
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
  [LODE_LEVER_FUND_HEAVY_SHARE_PCT] = {
    "fund.heavy_share_pct", N_("Share for dysprosium and terbium"), N_("%"),
    N_("Part of each stage's money spent on the Dy + Tb chain (heavy rare-earth mines, "
       "separation and metal) instead of NdPr. Magnet and recycling money stays with NdFeB "
       "magnets."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 50, 1, 5, 0, 0, FALSE },
  [LODE_LEVER_FUND_SM_SHARE_PCT] = {
    "fund.sm_share_pct", N_("Share for samarium"), N_("%"),
    N_("Part of each stage's money spent on the samarium chain (separation, metal and "
       "samarium-cobalt magnets) instead of NdPr."),
    NULL, LODE_LEVER_GROUP_FUND, 0, 20, 1, 5, 0, 0, FALSE },
  [LODE_LEVER_FUND_EQUITY_MINE] = {
    "fund.equity_pct.mine", N_("Equity in mining"), N_("%"),
    N_("Part of the fund's mining money taken as equity: the fund owns its share of the "
       "projects, earns their dividends and holds their value at the end. Equity and loans "
       "together are at most 100 %; the rest is grants."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_EQUITY_SEPARATION] = {
    "fund.equity_pct.separation", N_("Equity in separation"), N_("%"),
    N_("Part of the fund's separation money taken as equity: the fund owns its share of the "
       "projects, earns their dividends and holds their value at the end. Equity and loans "
       "together are at most 100 %; the rest is grants."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_EQUITY_METAL] = {
    "fund.equity_pct.metal", N_("Equity in metal making"), N_("%"),
    N_("Part of the fund's metal making money taken as equity: the fund owns its share of the "
       "projects, earns their dividends and holds their value at the end. Equity and loans "
       "together are at most 100 %; the rest is grants."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_EQUITY_MAGNET] = {
    "fund.equity_pct.magnet", N_("Equity in magnet plants"), N_("%"),
    N_("Part of the fund's magnet plants money taken as equity: the fund owns its share of the "
       "projects, earns their dividends and holds their value at the end. Equity and loans "
       "together are at most 100 %; the rest is grants."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_EQUITY_RECYCLING] = {
    "fund.equity_pct.recycling", N_("Equity in recycling"), N_("%"),
    N_("Part of the fund's recycling money taken as equity: the fund owns its share of the "
       "projects, earns their dividends and holds their value at the end. Equity and loans "
       "together are at most 100 %; the rest is grants."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_MINE] = {
    "fund.loan_pct.mine", N_("Loans to mining"), N_("%"),
    N_("Part of the fund's mining money lent to the projects, repaid with interest from "
       "their margin over the loan term; what a project's margin cannot serve is written "
       "off."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_SEPARATION] = {
    "fund.loan_pct.separation", N_("Loans to separation"), N_("%"),
    N_("Part of the fund's separation money lent to the projects, repaid with interest from "
       "their margin over the loan term; what a project's margin cannot serve is written "
       "off."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_METAL] = {
    "fund.loan_pct.metal", N_("Loans to metal making"), N_("%"),
    N_("Part of the fund's metal making money lent to the projects, repaid with interest from "
       "their margin over the loan term; what a project's margin cannot serve is written "
       "off."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_MAGNET] = {
    "fund.loan_pct.magnet", N_("Loans to magnet plants"), N_("%"),
    N_("Part of the fund's magnet plants money lent to the projects, repaid with interest from "
       "their margin over the loan term; what a project's margin cannot serve is written "
       "off."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_RECYCLING] = {
    "fund.loan_pct.recycling", N_("Loans to recycling"), N_("%"),
    N_("Part of the fund's recycling money lent to the projects, repaid with interest from "
       "their margin over the loan term; what a project's margin cannot serve is written "
       "off."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_FUND_GUARANTEE_PCT] = {
    "fund.guarantee_pct", N_("Margin guarantee"), N_("%"),
    N_("Share of the margin the fund's projects need to pay back their cost that the fund "
       "guarantees: when prices or feed leave them short, the fund pays the difference."),
    NULL, LODE_LEVER_GROUP_INSTRUMENTS, 0, 100, 5, 25, 0, 0, FALSE },
  [LODE_LEVER_FUND_LOAN_RATE_PCT] = {
    "fund.loan_rate_pct", N_("Loan interest rate"), N_("%/yr"),
    N_("Real interest rate on the fund's loans. The default is the 2025 Department of "
       "Defense loan to MP Materials (the 10-year Treasury rate plus 1 %, about 5.3 %) less "
       "inflation."),
    "MP-DoD", LODE_LEVER_GROUP_INSTRUMENTS, 0, 15, 0.1, 1, 3.0, 1, FALSE },
  [LODE_LEVER_FUND_LOAN_YEARS] = {
    "fund.loan_years", N_("Loan term"), N_("years"),
    N_("Years over which a loan is repaid once its project produces (12 in the Department of "
       "Defense loan to MP Materials)."),
    "MP-DoD", LODE_LEVER_GROUP_INSTRUMENTS, 3, 30, 1, 5, 12, 0, FALSE },
  [LODE_LEVER_FUND_DISCOUNT_RATE_PCT] = {
    "fund.discount_rate_pct", N_("Discount rate"), N_("%/yr"),
    N_("Real rate at which the fund's future cash flows are discounted to 2024 dollars for its "
       "net present value. Federal cost-effectiveness analysis uses real rates of about "
       "1 to 3 %."),
    "OMB-A94", LODE_LEVER_GROUP_INSTRUMENTS, 0, 12, 0.1, 1, 2.0, 1, FALSE },
  [LODE_LEVER_POLICY_PERMITTING_CUT_YEARS] = {
    "policy.permitting_cut_years", N_("Permitting time cut"), N_("years"),
    N_("Years taken off the permitting part of the lead time of every new US plant and of "
       "announced US projects not yet under construction. No plant comes online faster than "
       "its stage's physical minimum lead time."),
    NULL, LODE_LEVER_GROUP_POLICY, 0, 8, 0.5, 1, 0, 1, FALSE },
  [LODE_LEVER_POLICY_ENV_STANDARD] = {
    "policy.env_standard", N_("Environmental standard"), N_("× today's US standard"),
    N_("Strictness of environmental rules relative to today's US standard. Stricter rules "
       "raise capex and cut residue, tailings and emissions per tonne."),
    NULL, LODE_LEVER_GROUP_POLICY, 0.5, 1.5, 0.05, 0.25, 1.0, 2, FALSE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG] = {
    "policy.price_floor_usd_kg", N_("NdPr price floor"), N_("$/kg"),
    N_("Price guaranteed to the covered US NdPr oxide producers (see the coverage); the "
       "government pays the difference when the market price is lower. It keeps covered "
       "plants running and lets projects that need it proceed. 0 means no floor. The "
       "default is the 2025 Department of Defense agreement with MP Materials."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 300, 1, 10, 110, 0, FALSE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR] = {
    "policy.price_floor_start_year", N_("Price floor from"), N_("year"),
    N_("First year the price floor applies."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 2024, 2060, 1, 5, 2025, 0, TRUE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_YEARS] = {
    "policy.price_floor_years", N_("Price floor duration"), N_("years"),
    N_("For how many years the price floor holds. 0 means no floor."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 30, 1, 5, 10, 0, FALSE },
  [LODE_LEVER_POLICY_PRICE_FLOOR_COVERAGE_T] = {
    "policy.price_floor_coverage_t", N_("Price floor coverage"), N_("t NdPr oxide/yr"),
    N_("Yearly NdPr oxide output the floor covers, first MP Materials' (the Department of "
       "Defense agreement covers all of it, about 6,000 t a year at design capacity), then "
       "other US producers. Covered plants run as if the price were the floor, and projects "
       "that need the floor proceed."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 100000, 100, 1000, 6000, 0, FALSE },
  [LODE_LEVER_POLICY_TARIFF_PCT] = {
    "policy.tariff_pct", N_("Tariff on Chinese magnets"), N_("%"),
    N_("US import tariff on magnets made in China or from Chinese material: it raises what "
       "US buyers pay for them, shifts purchases to other sources and is reported as revenue. "
       "The default is the Section 301 rate from 2026."),
    "S301", LODE_LEVER_GROUP_POLICY, 0, 200, 1, 10, 25, 0, FALSE },
  [LODE_LEVER_POLICY_STOCKPILE_MONTHS] = {
    "policy.stockpile_months", N_("Strategic stockpile"), N_("months of US need"),
    N_("A public stockpile of each material, in months of US need, filled over a few years "
       "from its start and drawn down when an export restriction drives the price outside "
       "China far above its level before. Its purchases and carrying cost are public spending."),
    "CRS", LODE_LEVER_GROUP_POLICY, 0, 24, 0.5, 3, 0, 1, FALSE },
  [LODE_LEVER_POLICY_STOCKPILE_START_YEAR] = {
    "policy.stockpile_start_year", N_("Stockpile from"), N_("year"),
    N_("First year the stockpile is bought."),
    NULL, LODE_LEVER_GROUP_POLICY, 2025, 2060, 1, 5, 2026, 0, TRUE },
  [LODE_LEVER_POLICY_DEFENCE_FIRST] = {
    "policy.defence_first", N_("Defence first"), "",
    N_("China-free magnets reaching the US serve defence needs before commercial buyers."),
    NULL, LODE_LEVER_GROUP_POLICY, 0, 1, 1, 1, 0, 0, FALSE, TRUE },
  [LODE_LEVER_POLICY_OFFTAKE_T] = {
    "policy.offtake_t", N_("Magnet offtake"), N_("t magnet/yr"),
    N_("US-made magnets the government buys each year at cost plus a facilitation payment "
       "and resells at the market price. The default is the Department of Defense's offtake "
       "of all of MP Materials' 10X plant (about 10,000 t a year) for ten years."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 50000, 100, 1000, 10000, 0, FALSE },
  [LODE_LEVER_POLICY_OFFTAKE_START_YEAR] = {
    "policy.offtake_start_year", N_("Offtake from"), N_("year"),
    N_("First year of the offtake and the margin floor (10X is commissioned in 2028)."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 2025, 2060, 1, 5, 2028, 0, TRUE },
  [LODE_LEVER_POLICY_OFFTAKE_YEARS] = {
    "policy.offtake_years", N_("Offtake duration"), N_("years"),
    N_("For how many years the offtake and the margin floor hold. 0 means none."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 30, 1, 5, 10, 0, FALSE },
  [LODE_LEVER_POLICY_EBITDA_FLOOR_MUSD] = {
    "policy.ebitda_floor_musd", N_("Margin floor of the offtake plant"), N_("$ M/yr"),
    N_("Yearly operating margin (EBITDA) the government guarantees the plant whose magnets it "
       "takes: it pays the difference when the plant earns less. The default is the $140 "
       "million floor of MP Materials' 10X plant."),
    "MP-DoD", LODE_LEVER_GROUP_POLICY, 0, 1000, 5, 50, 140, 0, FALSE },
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
  [LODE_LEVER_PARTNERS_FUND_AU_BUSD] = {
    "partners.fund_au_busd", N_("Australia's co-investment"), N_("$ bn"),
    N_("Money Australia's government invests in Australian capacity alongside the US fund, "
       "over the US fund's deployment years and with its stage split. The October 2025 "
       "US–Australia framework commits at least $1 billion within six months."),
    NULL, LODE_LEVER_GROUP_PARTNERS, 0, 50, 0.1, 1, 0, 1, FALSE },
  [LODE_LEVER_PARTNERS_FUND_JP_BUSD] = {
    "partners.fund_jp_busd", N_("Japan's co-investment"), N_("$ bn"),
    N_("Money Japan's government (JOGMEC) invests in Japanese capacity alongside the US fund. "
       "The October 2025 US–Japan framework names no amount."),
    NULL, LODE_LEVER_GROUP_PARTNERS, 0, 50, 0.1, 1, 0, 1, FALSE },
  [LODE_LEVER_PARTNERS_FUND_EU_BUSD] = {
    "partners.fund_eu_busd", N_("The EU's co-investment"), N_("$ bn"),
    N_("Money the European Union invests in European capacity alongside the US fund."),
    NULL, LODE_LEVER_GROUP_PARTNERS, 0, 50, 0.1, 1, 0, 1, FALSE },
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
  [LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT] = {
    "market.china_quota_growth_pct", N_("China's quota growth"), N_("%/yr"),
    N_("Yearly growth of China's mining and separation quotas from 2024 to 2030; later "
       "periods taper with world demand. China produces within its quota as the price "
       "pays. The default 9.9 %/yr is the quota's growth from 2014 to 2024 (105 to 270 kt "
       "REO); 2018–2024 alone grew 14.5 %/yr, 2024 alone 5.9 %."),
    "QUOTA", LODE_LEVER_GROUP_MARKET, -5, 25, 0.1, 1, 9.9, 1, FALSE },
  [LODE_LEVER_MATERIALS_GBD_EXTRA_PCT] = {
    "materials.gbd_extra_pct", N_("More grain-boundary diffusion"), N_("%"),
    N_("Share of the Dy/Tb-bearing magnets still made without grain-boundary diffusion "
       "that switch to it by 2035, rising linearly from 2025. Diffusion reaches the same "
       "heat resistance with about half the dysprosium and terbium."),
    "TR", LODE_LEVER_GROUP_MATERIALS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_MATERIALS_HEAVY_FREE_PCT] = {
    "materials.heavy_free_pct", N_("Heavy-free motor designs"), N_("%"),
    N_("Share of the demand for Dy/Tb-bearing magnets moved to designs without dysprosium "
       "or terbium by 2035, rising linearly from 2025 (as Toyota and Honda did after 2011)."),
    "HT", LODE_LEVER_GROUP_MATERIALS, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT] = {
    "shock.export_withheld_pct", N_("Chinese exports withheld"), N_("%"),
    N_("Share of China's exports of the covered materials (at every stage) withheld from the "
       "targeted importers while an export restriction lasts; after it ends, exports recover "
       "over about a year. 0 means no restriction."),
    NULL, LODE_LEVER_GROUP_SHOCK, 0, 100, 1, 10, 0, 0, FALSE },
  [LODE_LEVER_SHOCK_START_YEAR] = {
    "shock.start_year", N_("Restriction from"), N_("year"),
    N_("First year of the export restriction."),
    NULL, LODE_LEVER_GROUP_SHOCK, 2025, 2060, 1, 5, 2027, 0, TRUE },
  [LODE_LEVER_SHOCK_DURATION_YEARS] = {
    "shock.duration_years", N_("Restriction duration"), N_("years"),
    N_("For how many years the export restriction lasts."),
    NULL, LODE_LEVER_GROUP_SHOCK, 0, 20, 1, 5, 2, 0, FALSE },
  [LODE_LEVER_SHOCK_NDPR] = {
    "shock.ndpr", N_("Restriction covers NdPr"), "",
    N_("The restriction withholds NdPr oxide, metal and alloy."),
    NULL, LODE_LEVER_GROUP_SHOCK, 0, 1, 1, 1, 1, 0, FALSE, TRUE },
  [LODE_LEVER_SHOCK_HEAVY] = {
    "shock.heavy", N_("Restriction covers Dy and Tb"), "",
    N_("The restriction withholds dysprosium and terbium oxide, metal and alloy (as the "
       "controls of April 2025 do)."),
    "MOFCOM", LODE_LEVER_GROUP_SHOCK, 0, 1, 1, 1, 1, 0, FALSE, TRUE },
  [LODE_LEVER_SHOCK_SM] = {
    "shock.sm", N_("Restriction covers samarium"), "",
    N_("The restriction withholds samarium oxide, metal and samarium-cobalt magnets."),
    "MOFCOM", LODE_LEVER_GROUP_SHOCK, 0, 1, 1, 1, 1, 0, FALSE, TRUE },
  [LODE_LEVER_SHOCK_MAGNETS] = {
    "shock.magnets", N_("Restriction covers magnets"), "",
    N_("The restriction withholds NdFeB magnets: all of them when it covers NdPr, the Dy/Tb "
       "grades when it covers only Dy and Tb."),
    "MOFCOM", LODE_LEVER_GROUP_SHOCK, 0, 1, 1, 1, 1, 0, FALSE, TRUE },
  [LODE_LEVER_SHOCK_LICENCE_DELAY_MONTHS] = {
    "shock.licence_delay_months", N_("Licensing delay"), N_("months a year"),
    N_("Months of each restricted year in which exports that are licensed still wait for "
       "their licence (45 working days per licence under the April 2025 rules)."),
    "MOFCOM", LODE_LEVER_GROUP_SHOCK, 0, 12, 0.5, 1, 0, 1, FALSE },
  [LODE_LEVER_SHOCK_EXTRATERRITORIAL] = {
    "shock.extraterritorial", N_("Extraterritorial rule"), "",
    N_("Products made outside China with Chinese material are restricted too (the October "
       "2025 rule): the China-touched part of other regions' exports to the targets is "
       "withheld like China's own."),
    "MOFCOM", LODE_LEVER_GROUP_SHOCK, 0, 1, 1, 1, 0, 0, FALSE, TRUE },
};

static const char * const group_names[LODE_N_LEVER_GROUPS] = {
  [LODE_LEVER_GROUP_FUND] = N_("Sovereign wealth fund"),
  [LODE_LEVER_GROUP_POLICY] = N_("Policy"),
  [LODE_LEVER_GROUP_PARTNERS] = N_("Partners"),
  [LODE_LEVER_GROUP_INSTRUMENTS] = N_("Fund instruments"),
  [LODE_LEVER_GROUP_MARKET] = N_("Market"),
  [LODE_LEVER_GROUP_MATERIALS] = N_("Heavy rare earths and samarium"),
  [LODE_LEVER_GROUP_SHOCK] = N_("Export shock"),
};

/* Formats a number for a message in the notation files and the command line use (a dot as
 * decimal point, whatever the locale), with at most 12 significant digits so rounding noise
 * does not show. */
static char *
format_number (double value)
{
  return lode_format_c_number (value, 12);
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

/* A duration counted in whole years: the unit is years and the step and the shown digits
 * leave no fraction (the permitting cut and the schedule slip move by half years). */
static gboolean
is_whole_years (const LodeLeverInfo *info)
{
  return strcmp (info->unit, "years") == 0 && info->step == 1 && info->digits == 0;
}

gboolean
lode_lever_is_whole (LodeLever lever)
{
  const LodeLeverInfo *info;

  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, FALSE);

  info = &levers[lever];
  return info->is_switch || info->is_year || is_whole_years (info);
}

char *
lode_lever_dup_range (LodeLever lever)
{
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, NULL);

  return format_range (&levers[lever]);
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
  if (isfinite (value) && value >= info->min && value <= info->max &&
      (!lode_lever_is_whole (lever) || value == floor (value)))
    return TRUE;

  range = format_range (info);
  shown = format_number (value);
  if (info->is_switch && value >= info->min && value <= info->max)
    g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE,
                 /* Translators: lever id, lever label, the bad value */
                 _("%s (%s): %s is not a switch value; use 1 (on) or 0 (off)"),
                 info->id, _(info->label), shown);
  /* The model counts these in whole years; a fraction would be rounded without a word. */
  else if (info->is_year && value >= info->min && value <= info->max)
    g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE,
                 /* Translators: lever id, lever label, the bad value, e.g.
                  * "fund.start_year (First year of deployment) takes a whole year, not 2026.5" */
                 _("%s (%s) takes a whole year, not %s"),
                 info->id, _(info->label), shown);
  else if (lode_lever_is_whole (lever) && value >= info->min && value <= info->max)
    g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE,
                 /* Translators: lever id, lever label, the bad value, e.g.
                  * "fund.years (Deployment years) takes a whole number of years, not 5.5" */
                 _("%s (%s) takes a whole number of years, not %s"),
                 info->id, _(info->label), shown);
  else if (!isfinite (value))
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

void
lode_price_floor_from_levers (const double    values[LODE_N_LEVERS],
                              LodePriceFloor *out_floor)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (out_floor != NULL);

  *out_floor = (LodePriceFloor) {
    .usd_kg = MAX (0.0, values[LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG]),
    .start_year = (int) lround (values[LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR]),
    .years = (int) lround (values[LODE_LEVER_POLICY_PRICE_FLOOR_YEARS]),
  };
}

gboolean
lode_price_floor_applies (const LodePriceFloor *floor,
                          int                   year)
{
  g_return_val_if_fail (floor != NULL, FALSE);

  return floor->usd_kg > 0 && year >= floor->start_year
         && year < floor->start_year + floor->years;
}
