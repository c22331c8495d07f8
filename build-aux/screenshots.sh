#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates docs/screenshots/ (the README's and the metainfo's): the window on the Mine to
# Magnet preset at 1280×800 and 1920×1080, light and dark, in English, German and Japanese,
# named SIZE-STYLE-LANG.png. Each is taken on its own Xvfb screen of that size with settings,
# recent files and autosaves of its own (in a scratch folder), so nothing of the user's is read
# or changed.
#
#   build-aux/screenshots.sh [BUILDDIR [OUTDIR]]      (after `make run` or `make check`)
#
# Needs xvfb-run, xdotool and ImageMagick's import (Debian: apt-get install xvfb xdotool
# imagemagick); `make check` does not.
# Numbers follow the C.UTF-8 locale (the only UTF-8 locale on a bare Debian); the strings
# follow LANGUAGE.

set -eu
BUILD=${1:-_build}
OUT=${2:-docs/screenshots}
SCENARIO=data/scenarios/mine-to-magnet.lodestone
# Seconds from the start to the picture: the first frame comes in well under one, the rest is
# room for a loaded machine.
SETTLE=${SETTLE:-5}

for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$BUILD/app/lodestone" ] || { echo "screenshots.sh: build $BUILD/app/lodestone first" >&2; exit 1; }
mkdir -p "$OUT"

# take SIZE STYLE LANG: one picture.
take () {
  size=$1 style=$2 lang=$3
  width=${size%x*} height=${size#*x}
  conf=$(mktemp -d "${TMPDIR:-/tmp}/lode-shot-XXXXXX")
  mkdir -p "$conf/glib-2.0/settings"
  printf '[io/github/lodestone/Lodestone]\nwindow-width=%s\nwindow-height=%s\nstart-page-seen=true\n' \
    "$width" "$height" >"$conf/glib-2.0/settings/keyfile"
  case $style in
    dark) scheme=prefer-dark ;;
    *) scheme=prefer-light ;;
  esac

  XDG_CONFIG_HOME=$conf XDG_DATA_HOME=$conf XDG_STATE_HOME=$conf XDG_CACHE_HOME=$conf \
  GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$BUILD/data" \
  ADW_DEBUG_COLOR_SCHEME=$scheme GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1 \
  LODESTONE_LOCALEDIR="$BUILD/po" LANGUAGE=$lang LC_ALL=C.UTF-8 \
  SHOT="$OUT/$size-$style-$lang.png" APP="$BUILD/app/lodestone" SCENARIO=$SCENARIO \
  SETTLE=$SETTLE WIDTH=$width \
    xvfb-run -a -s "-screen 0 ${size}x24" sh -c '
      "$APP" "$SCENARIO" 2>/dev/null &
      pid=$!
      # The pointer rests in the top-right corner, off every tooltip.
      sleep 1; xdotool mousemove "$((WIDTH - 1))" 0 || true
      sleep "$SETTLE"
      import -window root "$SHOT"
      kill "$pid"; wait "$pid" 2>/dev/null || true'
  rm -rf "$conf"
  echo "$OUT/$size-$style-$lang.png"
}

for size in 1280x800 1920x1080; do
  for style in light dark; do
    for lang in en de ja; do
      take "$size" "$style" "$lang"
    done
  done
done
