#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line's analyses (suite 'cli', issue 13), with no display: --sensitivity (sorted
# by swing, --output and --year), --bands (columns, reproducible by seed), --optimise (its
# answer reaches the target when applied with --set, a 5 % smaller fund does not; --save-as
# keeps it), the marginal values in --summary, the analysis exports and the usage errors.

set -u

LODESTONE=${1:-${LODESTONE:-}}
[ -x "$LODESTONE" ] || { echo "test-cli-analyses: no lodestone executable" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lode-cli-analyses-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM
n=0

die () {
  echo "test-cli-analyses: FAIL: $*" >&2
  [ -s "$WORK/err" ] && cat "$WORK/err" >&2
  exit 1
}

passed () {
  n=$((n + 1))
  echo "test-cli-analyses: ok $n - $*" >&2
}

# lode ARGS...: runs with no display; stdout in $WORK/out, stderr in $WORK/err, status in $rc.
lode () {
  env -u DISPLAY -u WAYLAND_DISPLAY "$LODESTONE" "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
}

# value KEY: the number after "KEY: " in $WORK/out.
value () {
  sed -n "s/^$1: //p" "$WORK/out" | head -n 1
}

# --- sensitivity ------------------------------------------------------------------------------

lode --sensitivity "$WORK/tornado.csv"
[ "$rc" -eq 0 ] || die "--sensitivity exited $rc"
header='name,kind,low_value,high_value,output_low,output_high,swing'
head -n 1 "$WORK/tornado.csv" | grep -qx "$header" || die "the tornado CSV header is wrong"
[ "$(grep -c ',lever,' "$WORK/tornado.csv")" -ge 30 ] || die "the tornado lacks the levers"
grep -q ',parameter,' "$WORK/tornado.csv" || die "the tornado lacks the dataset's estimates"
tail -n +2 "$WORK/tornado.csv" | cut -d, -f7 | sort -g -r -c 2>/dev/null \
  || die "the tornado is not sorted by swing"
passed "--sensitivity writes every lever and estimate, sorted by swing"

lode --sensitivity "$WORK/price.csv" --output ndpr_price_usd_kg --year 2035
[ "$rc" -eq 0 ] || die "--sensitivity --output --year exited $rc"
cmp -s "$WORK/price.csv" "$WORK/tornado.csv" && die "--output and --year changed nothing"
passed "--output and --year pick the figure and the year"

# --- bands ------------------------------------------------------------------------------------

lode --csv "$WORK/bands.csv" --bands 40 --seed 7
[ "$rc" -eq 0 ] || die "--csv --bands exited $rc"
key=china_free_share_us_demand
head -n 1 "$WORK/bands.csv" | grep -q ",$key.p10,$key.p50,$key.p90" \
  || die "the CSV lacks the bands' columns"
lode --csv "$WORK/bands2.csv" --bands 40 --seed 7
cmp -s "$WORK/bands.csv" "$WORK/bands2.csv" || die "the same seed gave other bands"
lode --csv "$WORK/bands3.csv" --bands 40 --seed 8
cmp -s "$WORK/bands.csv" "$WORK/bands3.csv" && die "another seed gave the same bands"
passed "--bands adds P10/P50/P90 columns, the same for the same seed"

# --- optimiser --------------------------------------------------------------------------------

lode --optimise share=0.5,year=2030 --save-as "$WORK/optimised.lodestone"
[ "$rc" -eq 0 ] || die "--optimise exited $rc"
[ "$(value optimise_reached)" = yes ] || die "the optimiser did not reach 50 % by 2030"
fund=$(value optimise_fund_busd)
split=$(sed -n 's/^optimise_set: .*fund.alloc=//p' "$WORK/out")
[ -n "$fund" ] && [ -n "$split" ] || die "the optimiser printed no fund or split"
lode --summary --set "fund.size_busd=$fund" --set "fund.alloc=$split"
reached=$(value china_free_share_us_demand.2030)
awk -v v="$reached" 'BEGIN { exit !(v >= 0.5) }' || die "applied, the answer reaches $reached"
smaller=$(awk -v f="$fund" 'BEGIN { printf "%.6f", f * 0.95 }')
lode --summary --set "fund.size_busd=$smaller" --set "fund.alloc=$split"
missed=$(value china_free_share_us_demand.2030)
awk -v v="$missed" 'BEGIN { exit !(v < 0.5) }' || die "a 5 % smaller fund still reaches $missed"
lode --summary "$WORK/optimised.lodestone"
[ "$(value china_free_share_us_demand.2030)" = "$reached" ] || die "--save-as lost the answer"
passed "--optimise: \$$fund bn reaches $reached by 2030, \$$smaller bn only $missed"

lode --optimise share=0.97,year=2026
[ "$rc" -eq 0 ] || die "an unreachable target exited $rc"
[ "$(value optimise_reached)" = no ] || die "an unreachable target was reached"
grep -q '^optimise_note: No fund up to' "$WORK/out" || die "no note says why no fund can"
passed "an unreachable target says why"

# --- marginal values --------------------------------------------------------------------------

lode --summary --set fund.size_busd=10
for use in mine separation metal magnet recycling; do
  grep -q "^marginal_t_per_busd.$use: " "$WORK/out" || die "--summary lacks $use's marginal value"
done
grep -q '^marginal_bottleneck: ' "$WORK/out" || die "--summary names no bottleneck"
passed "--summary ends with the marginal values and the bottleneck"

# A fund at the top of its range has no next dollar: the summary says so and still succeeds;
# the marginal chart, which cannot be drawn, is refused with the reason.
lode --summary --set fund.size_busd=500
[ "$rc" -eq 0 ] || die "--summary of the largest fund exited $rc: $(cat "$WORK/err")"
grep -q '^marginal_bottleneck: none (The fund is at its largest size' "$WORK/out" \
  || die "--summary of the largest fund does not say why there is no marginal value"
grep -q '^marginal_t_per_busd' "$WORK/out" && die "--summary of the largest fund has marginal values"
lode --export "$WORK/m.png" --view chart:marginal --set fund.size_busd=500
[ "$rc" -ne 0 ] || die "chart:marginal of the largest fund was exported"
grep -q 'largest size' "$WORK/err" || die "chart:marginal of the largest fund: '$(cat "$WORK/err")'"
[ ! -e "$WORK/m.png" ] || die "a refused chart:marginal export left a file"
passed "--summary of the largest fund says there is no next dollar; its chart is refused"

# --- exports ----------------------------------------------------------------------------------

for view in chart:tornado chart:marginal flow-diff; do
  lode --export "$WORK/view.png" --view "$view" --set fund.size_busd=10
  [ "$rc" -eq 0 ] || die "--export --view $view exited $rc"
  [ -s "$WORK/view.png" ] || die "--view $view wrote nothing"
  rm -f "$WORK/view.png"
done
# footer FILE.pdf TEXT: the PDF's footer says TEXT (what the analysis shown assumes).
footer () {
  pdftotext -raw "$1" "$WORK/page.txt" || die "pdftotext cannot read $1"
  grep -q "$2" "$WORK/page.txt" || die "$1 does not say '$2'"
}

lode --export "$WORK/fan.pdf" --view chart:china-free --bands 30
[ "$rc" -eq 0 ] || die "an exported fan chart exited $rc"
footer "$WORK/fan.pdf" 'median of 30 Monte Carlo runs, seed 2024'
lode --export "$WORK/diff.pdf" --view flow-diff --set fund.size_busd=10
footer "$WORK/diff.pdf" "China-free tonnes"
# A slide shows the scenario's chart: a tornado there is made too.
lode --save-as "$WORK/tornado.lodestone"
sed 's/chart="[a-z-]*"/chart="tornado"/' "$WORK/tornado.lodestone" >"$WORK/slide.lodestone"
grep -q 'chart="tornado"' "$WORK/slide.lodestone" || die "the saved scenario names no chart"
lode "$WORK/slide.lodestone" --export "$WORK/slide.pdf" --view slide
[ "$rc" -eq 0 ] || die "a slide with the tornado exited $rc"
footer "$WORK/slide.pdf" 'Sensitivity of China-free share'
passed "chart:tornado, chart:marginal, flow-diff, bands on a time chart and a tornado slide export"

# --- usage errors -----------------------------------------------------------------------------

for args in "--output x --summary" "--sensitivity $WORK/t.csv --output no_such_key" \
            "--summary --bands 0 --csv $WORK/c.csv" "--seed 3 --summary" \
            "--optimise share=2" "--summary --bands 5"; do
  # shellcheck disable=SC2086
  lode $args
  [ "$rc" -eq 2 ] || die "lodestone $args exited $rc, expected 2"
  [ "$(wc -l <"$WORK/err")" -eq 1 ] || die "lodestone $args printed more than one line"
  [ ! -e "$WORK/t.csv" ] && [ ! -e "$WORK/c.csv" ] || die "lodestone $args left a file"
done
passed "bad analysis options are usage errors"

echo "test-cli-analyses: all $n checks passed" >&2
exit 0
