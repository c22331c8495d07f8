#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every scenario file Lodestone writes validates against data/lodestone-scenario.rng, checked
# by xmllint (a client we did not write). Writes scenarios with
#   lodestone --save-as OUT.lodestone --set ID=VALUE ...
# for several lever settings, validates each, prints one result line per file and exits
# non-zero on any failure. Usage: test-scenario-schema.sh LODESTONE_EXECUTABLE

set -u

LODESTONE=${1:-${LODESTONE:-}}
SOURCE_DIR=${LODESTONE_SOURCE_DIR:-$(dirname "$0")/..}
SCHEMA="$SOURCE_DIR/data/lodestone-scenario.rng"

if [ -z "$LODESTONE" ] || [ ! -x "$LODESTONE" ]; then
  echo "test-scenario-schema: no lodestone executable (pass it as \$1)" >&2
  exit 1
fi
if [ ! -f "$SCHEMA" ]; then
  echo "test-scenario-schema: schema not found at $SCHEMA (set LODESTONE_SOURCE_DIR)" >&2
  exit 1
fi
if ! command -v xmllint >/dev/null 2>&1; then
  echo "test-scenario-schema: xmllint not found" >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lode-schema-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM

failures=0
count=0
CHECK_LC_ALL=

# check NAME [--set ID=VALUE]...
check () {
  name=$1
  shift
  out="$WORK/$name.lodestone"
  count=$((count + 1))

  if ! env -u DISPLAY -u WAYLAND_DISPLAY ${CHECK_LC_ALL:+LC_ALL=$CHECK_LC_ALL} \
       "$LODESTONE" --save-as "$out" "$@" \
       >"$WORK/stdout" 2>"$WORK/stderr"; then
    echo "FAIL $name: lodestone --save-as exited with an error:"
    sed 's/^/    /' "$WORK/stderr"
    failures=$((failures + 1))
    return
  fi
  if [ ! -s "$out" ]; then
    echo "FAIL $name: lodestone --save-as wrote no file"
    failures=$((failures + 1))
    return
  fi
  if ! xmllint --noout --nonet --relaxng "$SCHEMA" "$out" >"$WORK/lint" 2>&1; then
    echo "FAIL $name: does not validate against lodestone-scenario.rng:"
    sed 's/^/    /' "$WORK/lint"
    failures=$((failures + 1))
    return
  fi
  # Written numbers use the C locale and every lever is there, one per line.
  levers=$(grep -c '^    <lever id="[a-z0-9_.]*" value="[-+0-9.eE]*"/>$' "$out")
  if [ "$levers" -lt 23 ]; then
    echo "FAIL $name: expected every lever on its own line, found $levers"
    failures=$((failures + 1))
    return
  fi
  echo "ok $name: $(basename "$out") validates ($levers levers)"
}

check defaults
check fund --set fund.size_busd=25 --set fund.start_year=2027 --set fund.years=7
check awkward --set fund.size_busd=0.30000000000000004 \
  --set fund.private_leverage=3.3333333333333335 --set policy.env_standard=1.4999999999999998
check allocation --set fund.alloc.magnet=60
check extremes --set fund.size_busd=500 --set policy.price_floor_usd_kg=0 \
  --set policy.tariff_pct=200 --set partners.friendshoring=1 --set market.demand_growth_pct=0 \
  --set market.schedule_slip_years=6
check shock --set shock.export_withheld_pct=100 --set shock.start_year=2060 \
  --set shock.duration_years=20
check tiny --set fund.size_busd=1e-300 --set partners.coinvest_pct=1e-7

# A comma-decimal locale must not leak into the file.
for loc in de_DE.UTF-8 fr_FR.UTF-8; do
  if locale -a 2>/dev/null | grep -qi "^$(echo "$loc" | sed 's/UTF-8/utf8/')\$"; then
    CHECK_LC_ALL=$loc
    check "locale-$loc" --set fund.size_busd=12.5 --set partners.friendshoring=0.75
    CHECK_LC_ALL=
    break
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "$failures of $count scenario files failed"
  exit 1
fi
echo "all $count scenario files validate"
exit 0
