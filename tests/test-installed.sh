#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The files a package installs (suite 'data'): `meson install` into a scratch folder, then
# desktop-file-validate on the installed desktop file and `appstreamcli validate` on the
# installed metainfo, which must list the screenshots kept in docs/screenshots/.

set -u
BUILD=${1:?usage: test-installed.sh BUILDDIR SOURCEDIR}
SOURCE=${2:?usage: test-installed.sh BUILDDIR SOURCEDIR}
APP_ID=io.github.lodestone.Lodestone

DEST=$(mktemp -d "${TMPDIR:-/tmp}/lode-install-XXXXXX") || exit 1
trap 'rm -rf "$DEST"' EXIT INT TERM

fail () {
  echo "test-installed: FAIL: $*" >&2
  exit 1
}

meson install -C "$BUILD" --no-rebuild --quiet --destdir "$DEST" >"$DEST.log" 2>&1 \
  || { cat "$DEST.log" >&2; rm -f "$DEST.log"; fail "meson install failed"; }
rm -f "$DEST.log"

desktop=$(find "$DEST" -path "*/share/applications/$APP_ID.desktop" | head -n 1)
metainfo=$(find "$DEST" -path "*/share/metainfo/$APP_ID.metainfo.xml" | head -n 1)
[ -n "$desktop" ] || fail "no desktop file was installed"
[ -n "$metainfo" ] || fail "no metainfo file was installed"
[ -n "$(find "$DEST" -path '*/bin/lodestone')" ] || fail "the program was not installed"

desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
echo "test-installed: ok - desktop-file-validate $desktop" >&2
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli rejects $metainfo"
echo "test-installed: ok - appstreamcli validate $metainfo" >&2

# The PNG's width and height, "1280x800", from its header.
png_size () {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1 * 16777216 + $2 * 65536 + $3 * 256 + $4,
                                              $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# Every screenshot the metainfo lists is in the repository, as large as its name says.
n=0
for url in $(grep -o 'docs/screenshots/[^<]*\.png' "$metainfo" | sort -u); do
  [ -s "$SOURCE/$url" ] || fail "the metainfo lists $url, which is not in the repository"
  size=$(basename "$url" | cut -d- -f1)
  [ "$(png_size "$SOURCE/$url")" = "$size" ] \
    || fail "$url is $(png_size "$SOURCE/$url"), not $size"
  n=$((n + 1))
done
[ "$n" -ge 4 ] || fail "the metainfo lists only $n screenshots"
echo "test-installed: ok - the metainfo's $n screenshots are in docs/screenshots" >&2
exit 0
