#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one UI test on an X display of its own:   ui-test-display.sh TEST [ARGS...]
#
# UI tests run two at a time. On a shared display they would take each other's keyboard focus,
# and each selection one of them claims makes GTK in the other ask its owner for its formats,
# a read that may still be under way when that test ends (LeakSanitizer reports it). Xvfb picks
# a free display number itself (-displayfd), so tests started together never race for one.
set -eu

dir=$(mktemp -d "${TMPDIR:-/tmp}/lode-display-XXXXXX")
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT

# The number arrives, followed by a newline, once the server accepts connections.
tries=0
until grep -q '^[0-9][0-9]*$' "$dir/display" 2>/dev/null; do
  if ! kill -0 "$server" 2>/dev/null || [ "$tries" -ge 200 ]; then
    echo "ui-test-display.sh: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.05
done

DISPLAY=":$(cat "$dir/display")"
export DISPLAY
"$@"
