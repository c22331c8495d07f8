#!/usr/bin/env bash
# compare-export.sh — times Lodestone's headless chart export against gnuplot drawing the same
# series, whole process each, interleaved in one run, and prints the medians and their ratio
# (DESIGN.md §6: Lodestone ≥ 2× faster than gnuplot).
#
#   build-aux/compare-export.sh [BUILDDIR] [REPETITIONS]     (defaults: _build, 15)
#
# Lodestone: `lodestone --export OUT.png --view chart:china-free --size 1600x900` with a plan
# (a $50 bn fund) against the Baseline preset. gnuplot: build-aux/compare-export.gp draws the
# same two series from the CSV files Lodestone writes beforehand (not timed) with its pngcairo
# terminal at 1600×900. Installs gnuplot-nox with apt-get (as root or through sudo) when
# gnuplot is missing. LODESTONE=PATH times another build of the program.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build}
reps=${2:-15}
lodestone=${LODESTONE:-$builddir/app/lodestone}
plan=(--set fund.size_busd=50)

if [ ! -x "$lodestone" ]; then
  echo "compare-export: no program at $lodestone (build first: meson compile -C $builddir)" >&2
  exit 1
fi
if [ "$reps" -lt 1 ] 2>/dev/null; then
  echo "compare-export: REPETITIONS must be a positive number" >&2
  exit 2
fi

if ! command -v gnuplot >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "compare-export: gnuplot is missing; install it (Debian: gnuplot-nox)" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing gnuplot-nox"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends gnuplot-nox >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The series both draw (not timed), and one warm-up run each so both start from a warm cache.
env -u DISPLAY -u WAYLAND_DISPLAY "$lodestone" --csv "$work/scenario.csv" "${plan[@]}"
env -u DISPLAY -u WAYLAND_DISPLAY "$lodestone" --csv "$work/baseline.csv"

run_lodestone () {
  env -u DISPLAY -u WAYLAND_DISPLAY "$lodestone" --export "$work/lodestone.png" \
    --view chart:china-free --size 1600x900 --year 2030 "${plan[@]}"
}
run_gnuplot () {
  env -u DISPLAY -u WAYLAND_DISPLAY gnuplot \
    -e "scenario='$work/scenario.csv'; baseline='$work/baseline.csv'; out='$work/gnuplot.png'" \
    "$srcdir/build-aux/compare-export.gp"
}

# Microseconds from bash's clock: no process is started to read the time.
now_us () {
  local t=${EPOCHREALTIME/./}
  echo "${t#0}"
}

# Sets cpu_ms to the CPU time (user + system) of this shell's finished children, from the
# `times` builtin (run in this shell: a subshell would count its own children).
read_children_cpu () {
  local line user sys
  times >"$work/times"
  line=$(sed -n 2p "$work/times")
  user=${line%% *}
  sys=${line##* }
  cpu_ms=$(awk -v u="$user" -v s="$sys" 'function ms(t, m) { m = t; sub(/m.*/, "", m);
    sub(/^[0-9]+m/, "", t); sub(/s$/, "", t); return (m * 60 + t) * 1000 }
    BEGIN { printf "%d", ms(u) + ms(s) }')
}

run_lodestone
run_gnuplot

lode_times=()
gnuplot_times=()
lode_cpu=()
gnuplot_cpu=()
for ((i = 0; i < reps; i++)); do
  read_children_cpu; cpu=$cpu_ms
  start=$(now_us); run_lodestone; end=$(now_us)
  read_children_cpu
  lode_times+=($((end - start)))
  lode_cpu+=($(( (cpu_ms - cpu) * 1000 )))
  read_children_cpu; cpu=$cpu_ms
  start=$(now_us); run_gnuplot; end=$(now_us)
  read_children_cpu
  gnuplot_times+=($((end - start)))
  gnuplot_cpu+=($(( (cpu_ms - cpu) * 1000 )))
done

median () {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%.1f", m / 1000 }'
}

lode_ms=$(median "${lode_times[@]}")
gnuplot_ms=$(median "${gnuplot_times[@]}")
echo "chart PNG 1600x900, whole process, median of $reps interleaved runs (wall clock; CPU time):"
echo "  lodestone: $lode_ms ms; CPU $(median "${lode_cpu[@]}") ms"
echo "  gnuplot:   $gnuplot_ms ms; CPU $(median "${gnuplot_cpu[@]}") ms"
echo "  load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
awk -v l="$lode_ms" -v g="$gnuplot_ms" \
  'BEGIN { printf "ratio: lodestone is %.2f× as fast as gnuplot (goal ≥ 2×)\n", g / l }'
