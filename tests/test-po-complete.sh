#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A complete translation stays complete (suite 'data'): extracts every string of the sources
# listed in po/POTFILES.in as the build does, merges each complete catalogue (po/de.po,
# po/ja.po) with them and fails on any string it does not translate, naming it. A new
# user-visible string needs its German and Japanese before `make check` passes.

set -u
SOURCE=${1:?usage: test-po-complete.sh SOURCEDIR LANG...}
shift
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lode-po-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM

cd "$SOURCE" || exit 1
xgettext --package-name=lodestone --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --directory="$SOURCE" --output="$WORK/lodestone.pot" \
  2>"$WORK/xgettext.log" || { cat "$WORK/xgettext.log" >&2; exit 1; }

status=0
for lang in "$@"; do
  msgmerge --quiet --no-fuzzy-matching --output-file="$WORK/$lang.po" "po/$lang.po" \
    "$WORK/lodestone.pot" || exit 1
  msgattrib --untranslated --no-obsolete --output-file="$WORK/$lang-missing.po" \
    "$WORK/$lang.po" || exit 1
  missing=$(grep -c '^msgid "[^"]' "$WORK/$lang-missing.po" 2>/dev/null)
  missing=$((${missing:-0} + $(grep -c '^msgid ""$' "$WORK/$lang-missing.po" 2>/dev/null) - 1))
  if [ "$missing" -gt 0 ]; then
    echo "test-po-complete: po/$lang.po lacks $missing string(s):" >&2
    grep -A3 '^#:' "$WORK/$lang-missing.po" | grep -E '^(#:|msgid)' >&2
    status=1
  else
    echo "test-po-complete: ok - po/$lang.po translates every string" >&2
  fi
done
exit $status
