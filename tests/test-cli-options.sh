#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line a planner reads (suite 'cli'): --list, the exact fund split, --title and
# --notes for --save-as, and messages that say what to do next. Run with no display.

set -u
. "$(dirname "$0")/cli-test-lib.sh"

# --- --help names every lever, and --list levers has them all with their ranges -------------

run --help
[ "$status" -eq 0 ] || fail "--help exited $status"
for id in fund.size_busd fund.alloc.recycling policy.tariff_pct shock.extraterritorial; do
  grep -q -- "$id" "$OUT" || fail "--help does not name the lever $id"
done
grep -q -- '--list' "$OUT" || fail "--help does not mention --list"
ok "--help names the lever ids and --list"

run --list levers
[ "$status" -eq 0 ] || fail "--list levers exited $status"
cp "$OUT" "$WORK/levers.txt"
head -n 1 "$WORK/levers.txt" | grep -q '^ID ' || fail "--list levers has no header"
# Every id --help names is in the table, with a range and a default.
sed -n '/^Lever ids/,/^Exit status/p' "$WORK/levers.txt" >/dev/null
run --help
ids=$(sed -n '/^Lever ids/,/^Exit status/p' "$OUT" | grep '^  ' | tr ',' '\n' | tr -d ' ')
n_ids=0
for id in $ids; do
  n_ids=$((n_ids + 1))
  grep -Eq "^$id +.* ([0-9.-]+\.\.[0-9.-]+|0 or 1) +[0-9.-]+" "$WORK/levers.txt" \
    || fail "--list levers lacks $id with its range and default"
done
[ "$n_ids" -ge 30 ] || fail "--help named only $n_ids lever ids"
grep -Eq '^fund\.size_busd +Fund size +\$ bn +0\.\.500 +0' "$WORK/levers.txt" \
  || fail "--list levers: fund.size_busd is not 'Fund size, \$ bn, 0..500, 0'"
grep -Eq '^policy\.price_floor_usd_kg .*MP' "$WORK/levers.txt" \
  || fail "--list levers does not give the price floor's source"
ok "--list levers: all $n_ids levers with unit, range, default and source"

run --list projects
[ "$status" -eq 0 ] || fail "--list projects exited $status"
grep -q '^mp-independence-magnet ' "$OUT" || fail "--list projects lacks mp-independence-magnet"
grep -q 'project.ID' "$OUT" || fail "--list projects does not say how to use the ids"
ok "--list projects"

run --list regions
[ "$status" -eq 0 ] || fail "--list regions exited $status"
grep -Eq '^AU +Australia +yes' "$OUT" || fail "--list regions: AU is not an ally by default"
grep -Eq '^CN +China +no' "$OUT" || fail "--list regions: CN is listed as an ally"
ok "--list regions"

run --list charts
[ "$status" -eq 0 ] || fail "--list charts exited $status"
for view in chart:china-free chart:self-sufficiency chart:capacity chart:spend chart:price flow \
            slide; do
  grep -q "^$view " "$OUT" || fail "--list charts lacks $view"
done
ok "--list charts"

run --list materials
[ "$status" -eq 0 ] || fail "--list materials exited $status"
for material in ndpr heavy sm; do
  grep -q "^$material " "$OUT" || fail "--list materials lacks $material"
done
ok "--list materials"

expect_error 2 'levers|projects' "$WORK/none" -- --list nonsense

# --- the fund split: exact with fund.alloc=, rescaled (and said so) with fund.alloc.X= -------

run --save-as "$WORK/split.lodestone" --set fund.alloc=50,20,10,15,5
[ "$status" -eq 0 ] || fail "--set fund.alloc=50,20,10,15,5 exited $status"
for pair in mine:50 separation:20 metal:10 magnet:15 recycling:5; do
  grep -q "id=\"fund.alloc.${pair%%:*}\" value=\"${pair#*:}\"" "$WORK/split.lodestone" \
    || fail "fund.alloc=50,20,10,15,5 did not set ${pair%%:*} to exactly ${pair#*:}"
done
[ ! -s "$ERR" ] || fail "an exact split printed on stderr"
ok "--set fund.alloc=50,20,10,15,5 sets the five shares exactly"

expect_error 2 'five shares' "$WORK/none" -- --summary --set fund.alloc=50,20,10
expect_error 2 '100' "$WORK/none" -- --summary --set fund.alloc=50,20,10,15,6
expect_error 2 'fund.alloc.metal' "$WORK/none" -- --summary --set fund.alloc=50,20,x,15,5

run --summary --set fund.alloc.mine=50
[ "$status" -eq 0 ] || fail "--set fund.alloc.mine=50 exited $status"
[ "$(wc -l <"$ERR")" -eq 1 ] || fail "a rescaling --set did not say so in one line on stderr"
grep -q 'rescales' "$ERR" && grep -q 'fund.alloc=' "$ERR" \
  || fail "the note does not say the shares were rescaled and how to set them exactly"
ok "a single --set fund.alloc.X rescales the others and says so on stderr"

# --- --title and --notes: what --save-as writes says what the plan is ------------------------

run --save-as "$WORK/push.lodestone" --set fund.size_busd=100
[ "$status" -eq 0 ] || fail "--save-as --set exited $status"
grep -q '<title>Baseline</title>' "$WORK/push.lodestone" \
  && fail "a changed Baseline is saved still titled just 'Baseline'"
grep -q 'fund.size_busd=100' "$WORK/push.lodestone" \
  || fail "the notes of a changed plan do not say what changed"
ok "--save-as --set marks the title and notes as changed"

run --save-as "$WORK/titled.lodestone" --set fund.size_busd=100 --title 'Big push' \
  --author 'A. Planner' --notes 'A hundred billion over five years.'
[ "$status" -eq 0 ] || fail "--save-as --title --notes exited $status"
grep -q '<title>Big push</title>' "$WORK/titled.lodestone" || fail "--title was not saved"
grep -q '<author>A. Planner</author>' "$WORK/titled.lodestone" || fail "--author was not saved"
grep -q '<notes>A hundred billion over five years.</notes>' "$WORK/titled.lodestone" \
  || fail "--notes was not saved as given"
run "$WORK/titled.lodestone" --export "$WORK/titled.svg" --view chart:spend
[ "$status" -eq 0 ] || fail "exporting the titled scenario exited $status"
grep -q 'Big push' "$WORK/titled.svg" || fail "the export does not carry the saved title"
ok "--title, --author and --notes are saved and read back"

expect_error 2 'save-as' "$WORK/none" -- --summary --notes 'no file to write'
expect_error 2 'need' "$WORK/none" -- --title 'no output'

# --- messages that point the way ---------------------------------------------------------------

expect_error 2 'lodestone --help' "$WORK/none" -- --summary --no-such-option
expect_error 2 'horizon 2050' "$WORK/x.png" -- --export "$WORK/x.png" --year 2050
expect_error 2 '640' "$WORK/x.png" -- --export "$WORK/x.png" --size 100x100

expect_error 1 'no such file' "$WORK/none" -- --summary "$WORK/missing.lodestone"
[ "$(grep -o 'missing.lodestone' "$ERR" | wc -l)" -eq 1 ] \
  || fail "the missing file's message names it more than once: $(cat "$ERR")"
ok "a missing file is named once"

run --csv "$WORK/figures.csv"
[ "$status" -eq 0 ] || fail "--csv exited $status"
head -n 1 "$WORK/figures.csv" | grep -q ',us_bottleneck_stage$' \
  || fail "the CSV lacks the bottleneck stage --summary gives"
ok "the CSV has the bottleneck stage"

# --help names every figure --explain takes (the refusal lists them from the model's table).
run --explain no_such_figure
keys=$(sed -n 's/.*can be explained are //p' "$ERR" | tr -d ',')
[ -n "$keys" ] || fail "--explain no_such_figure does not list the figures: $(cat "$ERR")"
run --help
for key in $keys; do
  grep -q -- "$key" "$OUT" || fail "--help does not name --explain $key"
done
ok "--help names every figure --explain takes"

# --- the files a run writes: all checked before any is written -------------------------------

cp "$WORK/push.lodestone" "$WORK/keep.lodestone"
cp "$WORK/keep.lodestone" "$WORK/keep.orig"
expect_error 1 'does not exist' "$WORK/nodir/x.csv" -- "$WORK/keep.lodestone" \
  --set fund.size_busd=7 --save-as "$WORK/keep.lodestone" --csv "$WORK/nodir/x.csv"
cmp -s "$WORK/keep.lodestone" "$WORK/keep.orig" \
  || fail "a run that failed on its CSV had already saved the scenario over the old one"
ok "a run that cannot write one output writes none"

# The scenario being read is not an output's file, under any name.
cp "$WORK/keep.orig" "$WORK/plan.csv"
expect_error 2 'scenario being read' "$WORK/none" -- "$WORK/plan.csv" --csv "$WORK/plan.csv"
cmp -s "$WORK/plan.csv" "$WORK/keep.orig" || fail "--csv replaced the scenario it read"
ok "the scenario read is not replaced by a CSV"
expect_error 2 'another kind of file' "$WORK/none" -- "$WORK/keep.lodestone" \
  --sensitivity "$WORK/keep.lodestone"
expect_error 2 'both write' "$WORK/same.csv" -- --csv "$WORK/same.csv" \
  --sensitivity "$WORK/same.csv"
expect_error 2 'another kind of file' "$WORK/x.png" -- --export "$WORK/x.png" \
  --save-as "$WORK/x.png"
expect_error 2 'both write' "$WORK/twice" -- --csv "$WORK/twice" --save-as "$WORK/twice"
# --save-as may update the scenario it reads: that is what it is for.
run "$WORK/keep.lodestone" --set fund.size_busd=7 --save-as "$WORK/keep.lodestone"
[ "$status" -eq 0 ] && grep -q 'id="fund.size_busd" value="7"' "$WORK/keep.lodestone" \
  || fail "--save-as over the scenario it read exited $status or did not save"
ok "--save-as updates the scenario it read"

# An option the shell handed over as a file name, and no name at all.
expect_error 2 'not a file name' ./--summary -- --csv --summary
expect_error 2 'needs a file name' "$WORK/none" -- --csv ''

# /dev/stdout of a run appended to a log is the log: it is not replaced.
printf 'important\n' >"$WORK/run.log"
env -u DISPLAY -u WAYLAND_DISPLAY "$LODESTONE" --csv /dev/stdout >>"$WORK/run.log" 2>"$ERR"
status=$?
[ "$status" -eq 1 ] || fail "--csv /dev/stdout >> log exited $status, expected 1"
[ "$(cat "$WORK/run.log")" = important ] || fail "--csv /dev/stdout replaced the log"
grep -q 'standard output' "$ERR" || fail "--csv /dev/stdout does not say why: $(cat "$ERR")"
ok "--csv /dev/stdout leaves the file standard output was appended to"

# "-" prints a table on standard output, and only there.
program="$(cd "$(dirname "$LODESTONE")" && pwd)/$(basename "$LODESTONE")"
(cd "$WORK" && env -u DISPLAY -u WAYLAND_DISPLAY "$program" --csv - >"$OUT" 2>"$ERR")
status=$?
[ "$status" -eq 0 ] || fail "--csv - exited $status"
head -n 1 "$OUT" | grep -q '^year,' || fail "--csv - did not print the CSV: $(head -c 200 "$OUT")"
[ ! -e "$WORK/-" ] || fail "--csv - wrote a file named -"
ok "--csv - prints the CSV"
expect_error 2 'both print' "$WORK/none" -- --csv - --sensitivity -
expect_error 2 'standard output' "$WORK/none" -- --csv - --summary
expect_error 2 'needs a file name' "$WORK/none" -- --save-as -

# What --version and --help print must reach standard output.
for option in --version --help; do
  env -u DISPLAY -u WAYLAND_DISPLAY "$LODESTONE" $option >/dev/full 2>"$ERR"
  status=$?
  [ "$status" -eq 1 ] || fail "lodestone $option >/dev/full exited $status, expected 1"
  grep -q 'standard output' "$ERR" || fail "lodestone $option >/dev/full: $(cat "$ERR")"
done
ok "--version and --help fail when standard output is full"

echo "test-cli-options: all $n_checks checks passed" >&2
exit 0
