#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Do the model's results stay the same across a change that should only make it faster?
#
#   build-aux/check-same-results.sh BUILDDIR save DIR      before the change
#   build-aux/check-same-results.sh BUILDDIR compare DIR   after it
#
# For the seven presets and a few --set variants (a big fund, an export shock, a 100 % tariff,
# 15 %/yr demand growth) it saves `lodestone --summary` and `--csv` for every material at the
# default horizon and at 2060, and every number of the projection at full precision
# (tests/dump-projection). `compare` reports the files that differ and the largest relative
# difference of any number in them; it fails when that exceeds 1e-9 (byte-identical is the
# goal). Run from the source tree.

set -eu

if [ $# -ne 3 ] || { [ "$2" != save ] && [ "$2" != compare ]; }; then
  echo "usage: $0 BUILDDIR save|compare DIR" >&2
  exit 2
fi
BUILD=$1
MODE=$2
DIR=$3
LODESTONE=$BUILD/app/lodestone
DUMP=$BUILD/tests/dump-projection
export LC_ALL=C.UTF-8 LANGUAGE=en

if [ "$MODE" = save ]; then
  OUT=$DIR
else
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/lode-same-XXXXXX")
  trap 'rm -rf "$OUT"' EXIT INT TERM
fi
mkdir -p "$OUT"

# name file [--set ...]
run_case () {
  name=$1
  file=$2
  shift 2
  for horizon in default 2060; do
    if [ $horizon = default ]; then hopt=; else hopt="--horizon $horizon"; fi
    for material in ndpr heavy sm; do
      # A command that fails (e.g. --summary's marginal values at the largest fund) is a
      # result too: its message and exit status are saved in place of its output.
      # shellcheck disable=SC2086 # $hopt is one option and its value, or nothing
      "$LODESTONE" "$file" $hopt --material $material --summary "$@" \
        > "$OUT/$name.$horizon.$material.summary" 2>&1 \
        || echo "exit status $?" >> "$OUT/$name.$horizon.$material.summary"
      # shellcheck disable=SC2086
      "$LODESTONE" "$file" $hopt --material $material --csv "$OUT/$name.$horizon.$material.csv" \
        "$@" > "$OUT/$name.$horizon.$material.csv.log" 2>&1 \
        || echo "exit status $?" >> "$OUT/$name.$horizon.$material.csv.log"
    done
  done
}

# name file [LEVER=VALUE ...]
dump_case () {
  name=$1
  file=$2
  shift 2
  for horizon in 2050 2060; do
    "$DUMP" "$file" $horizon "$@" > "$OUT/$name.$horizon.dump"
  done
}

for file in data/scenarios/*.lodestone; do
  preset=$(basename "$file" .lodestone)
  run_case "$preset" "$file"
  dump_case "$preset" "$file"
done
for preset in baseline allied-fund; do
  file=data/scenarios/$preset.lodestone
  run_case "$preset+fund500" "$file" --set fund.size_busd=500
  run_case "$preset+ban" "$file" --set shock.export_withheld_pct=100
  run_case "$preset+tariff100" "$file" --set policy.tariff_pct=100
  run_case "$preset+growth15" "$file" --set market.demand_growth_pct=15
  dump_case "$preset+fund500" "$file" fund.size_busd=500
  dump_case "$preset+ban" "$file" shock.export_withheld_pct=100
  dump_case "$preset+tariff100" "$file" policy.tariff_pct=100
  dump_case "$preset+growth15" "$file" market.demand_growth_pct=15
done

if [ "$MODE" = save ]; then
  echo "check-same-results: saved $(ls "$OUT" | wc -l) files in $OUT"
  exit 0
fi

exec python3 - "$DIR" "$OUT" <<'EOF'
import os
import re
import sys

before, after = sys.argv[1], sys.argv[2]
number = re.compile(r"-?0x[0-9a-f.]+p[-+]?\d+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|-?inf|nan")


def numbers(text):
    return [float.fromhex(t) if "x" in t else float(t) for t in number.findall(text)]


names = sorted(set(os.listdir(before)) | set(os.listdir(after)))
worst, worst_where, differ = 0.0, "", []
for name in names:
    try:
        a = open(os.path.join(before, name)).read()
        b = open(os.path.join(after, name)).read()
    except FileNotFoundError:
        print(f"check-same-results: {name} exists on one side only")
        sys.exit(1)
    if a == b:
        continue
    differ.append(name)
    na, nb = numbers(a), numbers(b)
    if len(na) != len(nb) or number.sub("#", a) != number.sub("#", b):
        print(f"check-same-results: {name} differs in its text, not only in its numbers")
        sys.exit(1)
    for k, (x, y) in enumerate(zip(na, nb)):
        if x == y or (x != x and y != y):
            continue
        rel = abs(x - y) / max(abs(x), abs(y))
        if rel > worst:
            worst, worst_where = rel, f"{name}, number {k}: {x!r} -> {y!r}"

print(f"check-same-results: {len(names)} files, {len(names) - len(differ)} byte-identical")
if differ:
    print(f"check-same-results: largest relative difference {worst:.3g} ({worst_where})")
    for name in differ[:20]:
        print(f"  differs: {name}")
sys.exit(1 if worst > 1e-9 else 0)
EOF
