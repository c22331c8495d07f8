#!/usr/bin/env bash
# Runs the whole test suite of a configured build directory under one Xvfb and ends with a
# plain "N passed, N failed, N skipped" line (meson's own summary is not the last line).
set -uo pipefail
builddir=${1:?usage: run-tests.sh BUILDDIR [meson test options]}
shift

log="$builddir/test-output.txt"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp' \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

awk '/^Ok:/{ok=$2} /^Fail:/{f=$2} /^Skipped:/{s=$2} /^Timeout:/{t=$2}
     /^Unexpected Pass:/{u=$3} /^Expected Fail:/{x=$3}
     END{ if (ok+f+t+u+x+s == 0) f = 1;
          printf "%d passed, %d failed, %d skipped\n", ok+x, f+t+u, s }' "$log"
exit "$rc"
