#!/usr/bin/env bash
# Installs the Debian 12 packages Lodestone needs to build, run and test — only when something
# is missing (pkg-config modules and commands are checked first). As root it calls apt-get
# directly, otherwise through sudo. On other systems it prints what to install and stops.
set -euo pipefail

PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils
  zlib1g-dev libpng-dev
  desktop-file-utils appstream xvfb xauth
  fonts-dejavu-core fonts-noto-cjk adwaita-icon-theme hicolor-icon-theme librsvg2-common
  librsvg2-bin poppler-utils
)

missing=()
for module in 'glib-2.0 >= 2.74' 'gtk4 >= 4.8' 'libadwaita-1 >= 1.2' 'libxml-2.0 >= 2.9.14' \
              zlib 'libpng >= 1.6'; do
  if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$module"; then
    missing+=("$module")
  fi
done
for cmd in meson ninja cc msgfmt xmllint xvfb-run xauth desktop-file-validate appstreamcli \
           glib-compile-resources glib-compile-schemas rsvg-convert pdftoppm pdftotext; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=("DejaVu fonts")
# Japanese (po/ja.po) needs CJK glyphs; the ja test fails on any glyph that is missing.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=("Noto CJK fonts")

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "This is not a Debian-like system. Install the equivalents of these Debian 12 packages:"
  echo "  ${PACKAGES[*]}"
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Run as root, or install sudo, to install: ${PACKAGES[*]}"
  exit 1
fi

echo "Installing: ${PACKAGES[*]}"
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3; do
  if "${sudo[@]}" apt-get update -qq &&
     "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null; then
    exit 0
  fi
  echo "apt-get failed (attempt $attempt of 3)"
  sleep 5
done
exit 1
