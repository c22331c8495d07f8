# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the command-line test scripts share, sourced by each: the program ($1 or $LODESTONE), a
# scratch folder ($WORK, removed on exit), run/fail/ok/expect_error and PNG helpers.

LODESTONE=${1:-${LODESTONE:-}}
if [ -z "$LODESTONE" ] || [ ! -x "$LODESTONE" ]; then
  echo "test-cli: no lodestone executable (pass it as \$1 or set \$LODESTONE)" >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lode-cli-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM
OUT="$WORK/out"
ERR="$WORK/err"
n_checks=0

fail () {
  echo "test-cli: FAIL: $*" >&2
  if [ -s "$ERR" ]; then
    echo "--- stderr of the last run:" >&2
    cat "$ERR" >&2
  fi
  exit 1
}

ok () {
  n_checks=$((n_checks + 1))
  echo "test-cli: ok $n_checks - $*" >&2
}

# Runs lodestone with no display; stdout in $OUT, stderr in $ERR, status in $status.
run () {
  env -u DISPLAY -u WAYLAND_DISPLAY GDK_BACKEND=x11 "$LODESTONE" "$@" >"$OUT" 2>"$ERR"
  status=$?
}

# expect_error STATUS TEXT FILE -- ARGS...: exits with STATUS, one "lodestone: " line on stderr
# containing TEXT, and FILE does not exist afterwards.
expect_error () {
  want=$1 text=$2 file=$3
  shift 4
  run "$@"
  [ "$status" -eq "$want" ] || fail "lodestone $* exited $status, expected $want"
  [ "$(wc -l <"$ERR")" -eq 1 ] || fail "lodestone $* printed $(wc -l <"$ERR") lines on stderr"
  grep -q '^lodestone: ' "$ERR" || fail "lodestone $*: stderr does not start with 'lodestone: '"
  grep -qi -- "$text" "$ERR" || fail "lodestone $*: stderr does not mention '$text'"
  [ ! -e "$file" ] || fail "lodestone $* left $file behind"
  leftovers=$(find "$(dirname "$file")" -maxdepth 1 -name "$(basename "$file").*" 2>/dev/null \
    | head -n 1)
  [ -z "$leftovers" ] || fail "lodestone $* left a temporary file: $leftovers"
  ok "exit $want and '$text': $*"
}

# png_size FILE: prints "WIDTHxHEIGHT" from the PNG header.
png_size () {
  set -- $(od -An -tu1 -j16 -N8 "$1")
  w=$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))
  h=$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))
  echo "${w}x${h}"
}

is_png () {
  [ -s "$1" ] && [ "$(od -An -c -j1 -N3 "$1" | tr -d ' ')" = "PNG" ]
}

