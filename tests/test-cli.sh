#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The headless command line (suite 'cli'): --version, --summary, --csv, --export, --save-as and
# --set, run with no display at all. Every error path must exit non-zero with one clear line and
# leave no file behind. Exported SVG and PDF files are rendered by rsvg-convert and pdftoppm,
# readers we did not write. Diagnostics go to stderr; the first failure stops the script.

set -u

. "$(dirname "$0")/cli-test-lib.sh"

# png_ink FILE: prints how many pixels of an 8-bit RGB(A) PNG are not near-white, decoded with
# Python's zlib (no image library of ours).
# The image data alone (IDAT), as a digest: two exports of the same picture whose metadata
# (title, date) differ have the same.
png_pixels () {
  python3 - "$1" <<'PY'
import hashlib, struct, sys
data = open(sys.argv[1], 'rb').read()
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IDAT':
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
print(hashlib.sha256(idat).hexdigest())
PY
}

png_ink () {
  python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, colour = struct.unpack('>IIBB', body[:10])
        bpp = {2: 3, 6: 4}[colour]
    elif kind == b'IDAT':
        idat += body
    pos += n + 12
raw, stride, prev, ink, i = zlib.decompress(idat), w * bpp, None, 0, 0
dark = bytes(1 if v < 200 else 0 for v in range(256))
for y in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride if f else 0):  # rows filtered None need no undoing
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x] if prev else 0
        c = prev[x - bpp] if prev and x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    # A pixel is ink when any of R, G, B is below 200: OR the three channels' flags at once.
    t = bytes(line).translate(dark)
    inked = (int.from_bytes(t[0::bpp], 'big') | int.from_bytes(t[1::bpp], 'big')
             | int.from_bytes(t[2::bpp], 'big')).to_bytes(w, 'big')
    ink += w - inked.count(0)
print(ink)
PY
}

# --- version and help -------------------------------------------------------------------------

run --version
[ "$status" -eq 0 ] || fail "--version exited $status"
grep -Eq '^lodestone [0-9]+\.[0-9]+\.[0-9]+$' "$OUT" || fail "--version printed '$(cat "$OUT")'"
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "--version printed more than one line"
ok "--version: $(cat "$OUT")"

run --help
[ "$status" -eq 0 ] || fail "--help exited $status"
for word in --summary --export --csv --save-as --set --view chart:price chart:china-free slide; do
  grep -q -- "$word" "$OUT" || fail "--help does not mention $word"
done
ok "--help lists the options and chart names"

sed -n '/^Materials for --material/,/^$/p' "$OUT" >"$WORK/materials.txt"
for material in ndpr heavy sm joint; do
  grep -Eq "^  $material +[A-Z]" "$WORK/materials.txt" \
    || fail "--help does not list the material $material"
done
ok "--help lists the materials"

# --- the two programs -------------------------------------------------------------------------

# The command line pays only for what it uses: `lodestone` never loads GTK or libadwaita; the
# window program it starts when a window is wanted does.
libs=$(ldd "$LODESTONE") || fail "ldd $LODESTONE failed"
if echo "$libs" | grep -Eq 'libgtk-4|libadwaita-1'; then
  fail "lodestone loads $(echo "$libs" | grep -Eo 'lib(gtk-4|adwaita-1)[^ ]*' | head -n 1)"
fi
ok "lodestone loads neither GTK nor libadwaita"

# With no option it starts the window program, which needs a display and says so without one.
env -u DISPLAY -u WAYLAND_DISPLAY -u G_DEBUG GDK_BACKEND=x11 "$LODESTONE" >"$OUT" 2>"$ERR"
status=$?
[ "$status" -ne 0 ] || fail "lodestone with no display exited 0"
grep -qi 'display' "$ERR" || fail "lodestone with no options did not start the window program"
ok "lodestone with no options starts the window program (exit $status without a display)"

# --- summary ----------------------------------------------------------------------------------

run --summary
[ "$status" -eq 0 ] || fail "--summary exited $status"
cp "$OUT" "$WORK/summary-baseline.txt"
for year in 2024 2030 2035 2040; do
  for stage in mine separation metal magnet; do
    for key in china_share us_self_sufficiency world_production; do
      grep -Eq "^$key\.$stage\.$year: -?[0-9]" "$OUT" || fail "--summary lacks $key.$stage.$year"
    done
  done
  for key in china_free_share_us_magnets us_shortfall_t ndpr_price_usd_kg jobs; do
    grep -Eq "^$key\.$year: -?[0-9]" "$OUT" || fail "--summary lacks $key.$year"
  done
done
grep -Eq '^first_year_china_free_share_50pct: ([0-9]{4}|never)$' "$OUT" \
  || fail "--summary lacks first_year_china_free_share_50pct"
for key in public_spend_cumulative_busd price_floor_cost_cumulative_busd; do
  grep -Eq "^$key: -?[0-9]" "$OUT" || fail "--summary lacks $key"
done
if grep -Evq '^[a-z0-9_.]+: [^ ]' "$OUT"; then
  bad=$(grep -Ev '^[a-z0-9_.]+: [^ ]' "$OUT" | head -n 1)
  fail "--summary has a line that is not 'key: value': $bad"
fi
[ ! -s "$ERR" ] || fail "--summary printed on stderr"
ok "--summary prints every required key"

share=$(sed -n 's/^china_share\.mine\.2024: //p' "$OUT")
case "$share" in
  0.*) ok "shares are fractions (china_share.mine.2024: $share)" ;;
  *) fail "china_share.mine.2024 is '$share', not a fraction" ;;
esac

run --summary --horizon 2050
[ "$status" -eq 0 ] || fail "--summary --horizon 2050 exited $status"
grep -Eq '^china_share\.magnet\.2050: ' "$OUT" || fail "--horizon 2050 does not report 2050"
ok "--horizon 2050 reports the horizon year"

run --summary --set fund.size_busd=200
[ "$status" -eq 0 ] || fail "--summary --set fund.size_busd=200 exited $status"
cmp -s "$OUT" "$WORK/summary-baseline.txt" && fail "--set fund.size_busd=200 changed nothing"
spend=$(sed -n 's/^public_spend_cumulative_busd: //p' "$OUT")
[ "$spend" != "0" ] || fail "a 200 bn fund spends nothing"
ok "--set changes the summary (public spend $spend bn)"

run --summary --set ally.AU=0 --set project.mp-independence-magnet=0
[ "$status" -eq 0 ] || fail "--set ally.AU=0 --set project.mp-independence-magnet=0 exited $status"
cmp -s "$OUT" "$WORK/summary-baseline.txt" && fail "switching an ally and a project off changed nothing"
ok "--set switches allies and projects"

# --- usage errors (status 2) and file errors (status 1) ---------------------------------------

expect_error 2 'ZZ' "$WORK/none" -- --summary --set ally.ZZ=1
expect_error 2 'maybe' "$WORK/none" -- --summary --set ally.AU=maybe
expect_error 2 'no-such-project' "$WORK/none" -- --summary --set project.no-such-project=0

expect_error 2 'no.such.lever' "$WORK/none" -- --summary --set no.such.lever=1
expect_error 2 'fund.size_busd' "$WORK/none" -- --summary --set fund.size_busd=abc
expect_error 2 'fund.size_busd' "$WORK/none" -- --summary --set fund.size_busd=1e9
expect_error 2 'fund.size_busd' "$WORK/none" -- --summary --set fund.size_busd=nan
expect_error 2 'fund.size_busd' "$WORK/none" -- --summary --set fund.size_busd
# Whole-number levers: once rounded without a word (2026.5 gave the figures of 2027).
expect_error 2 'fund.start_year .* takes a whole year, not 2026.5' "$WORK/none" -- \
  --summary --set fund.start_year=2026.5
expect_error 2 'fund.years .* takes a whole number of years, not 5.5' "$WORK/none" -- \
  --summary --set fund.years=5.5
expect_error 2 'shock.ndpr' "$WORK/x.lodestone" -- --save-as "$WORK/x.lodestone" \
  --set shock.ndpr=0.5
expect_error 2 'policy.offtake_start_year' "$WORK/x.lodestone" -- --save-as "$WORK/x.lodestone" \
  --set policy.offtake_start_year=2028.5
expect_error 2 'horizon' "$WORK/none" -- --summary --horizon 1999
expect_error 2 'need' "$WORK/none" -- --set fund.size_busd=10
expect_error 2 'unknown option' "$WORK/none" -- --summary --no-such-option
expect_error 1 'no-such-file' "$WORK/none" -- --summary "$WORK/no-such-file.lodestone"

printf 'this is not a scenario\n' >"$WORK/garbage.lodestone"
expect_error 1 'garbage.lodestone' "$WORK/none" -- --summary "$WORK/garbage.lodestone"

expect_error 2 'view' "$WORK/x.png" -- --export "$WORK/x.png" --view pie
expect_error 2 'view' "$WORK/x.png" -- --export "$WORK/x.png" --view chart:nonsense
expect_error 2 'size' "$WORK/x.png" -- --export "$WORK/x.png" --size 12by7
expect_error 2 'size' "$WORK/x.png" -- --export "$WORK/x.png" --size 0x100
expect_error 2 'scale' "$WORK/x.png" -- --export "$WORK/x.png" --scale 7
expect_error 2 'year' "$WORK/x.png" -- --export "$WORK/x.png" --year 1990
expect_error 2 'year' "$WORK/x.png" -- --export "$WORK/x.png" --year 2045
expect_error 2 'format' "$WORK/x.gif" -- --export "$WORK/x.gif"
expect_error 2 'fund.size_busd' "$WORK/x.png" -- --export "$WORK/x.png" --set fund.size_busd=-1
expect_error 2 'export' "$WORK/x.png" -- --summary --view flow
expect_error 1 'garbage.lodestone' "$WORK/x.png" -- "$WORK/garbage.lodestone" --export "$WORK/x.png"
expect_error 1 'x.png' "$WORK/no-dir/x.png" -- --export "$WORK/no-dir/x.png"
expect_error 1 'x.csv' "$WORK/no-dir/x.csv" -- --csv "$WORK/no-dir/x.csv"
expect_error 2 'fund.size_busd' "$WORK/x.csv" -- --csv "$WORK/x.csv" --set fund.size_busd=x
expect_error 1 'garbage.lodestone' "$WORK/x.csv" -- "$WORK/garbage.lodestone" --csv "$WORK/x.csv"
expect_error 2 'fund.size_busd' "$WORK/x.lodestone" -- \
  --save-as "$WORK/x.lodestone" --set fund.size_busd=x

# --- what may be read and written (issue #16) --------------------------------------------------

# A FIFO as the scenario file hung forever: now refused at once (item 2).
mkfifo "$WORK/fifo.lodestone"
env -u DISPLAY -u WAYLAND_DISPLAY timeout 20 "$LODESTONE" --summary "$WORK/fifo.lodestone" \
  >"$OUT" 2>"$ERR"
status=$?
[ "$status" -eq 1 ] || fail "a FIFO as the scenario exited $status (124: it hung)"
grep -q 'named pipe' "$ERR" || fail "a FIFO as the scenario: '$(cat "$ERR")'"
rm -f "$WORK/fifo.lodestone"
ok "a FIFO as the scenario is refused at once"

# A device was replaced by a regular file with exit 0 (item 5).
run --csv /dev/null
[ "$status" -eq 1 ] || fail "--csv /dev/null exited $status"
grep -q 'device' "$ERR" || fail "--csv /dev/null: '$(cat "$ERR")'"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
ok "--csv /dev/null is refused and /dev/null stays a device"

# A 0444 file was silently overwritten as 0644; a 0600 file came back 0644 (item 5).
printf 'old\n' >"$WORK/ro.csv"
chmod 444 "$WORK/ro.csv"
run --csv "$WORK/ro.csv"
[ "$status" -eq 1 ] || fail "--csv over a 0444 file exited $status"
grep -q 'read-only' "$ERR" || fail "--csv over a 0444 file: '$(cat "$ERR")'"
[ "$(cat "$WORK/ro.csv")" = old ] && [ "$(stat -c %a "$WORK/ro.csv")" = 444 ] \
  || fail "a 0444 file was changed"
printf 'old\n' >"$WORK/private.png"
chmod 600 "$WORK/private.png"
run --export "$WORK/private.png" --size 640x360
[ "$status" -eq 0 ] || fail "--export over a 0600 file exited $status"
is_png "$WORK/private.png" && [ "$(stat -c %a "$WORK/private.png")" = 600 ] \
  || fail "--export over a 0600 file left mode $(stat -c %a "$WORK/private.png")"
ok "read-only files are refused, private files stay private"

# Exports replaced a link by a plain file while --save-as wrote through it (item 5).
mkdir "$WORK/real"
for out in plan.lodestone figures.csv picture.png; do
  printf 'old\n' >"$WORK/real/$out"
  chmod 640 "$WORK/real/$out"
  ln -s "real/$out" "$WORK/link-$out"
done
run --save-as "$WORK/link-plan.lodestone"
[ "$status" -eq 0 ] || fail "--save-as through a link exited $status"
run --csv "$WORK/link-figures.csv"
[ "$status" -eq 0 ] || fail "--csv through a link exited $status"
run --export "$WORK/link-picture.png" --size 640x360
[ "$status" -eq 0 ] || fail "--export through a link exited $status"
for out in plan.lodestone figures.csv picture.png; do
  [ -L "$WORK/link-$out" ] || fail "link-$out is no longer a link"
  [ "$(cat "$WORK/real/$out")" != old ] || fail "real/$out was not written through its link"
  [ "$(stat -c %a "$WORK/real/$out")" = 640 ] || fail "real/$out lost its mode"
done
ok "--save-as, --csv and --export all write through links, keeping the mode"

# A symbolic link loop created a 0777 file (item 7).
ln -s loop-b.lodestone "$WORK/loop-a.lodestone"
ln -s loop-a.lodestone "$WORK/loop-b.lodestone"
run --save-as "$WORK/loop-a.lodestone"
[ "$status" -eq 1 ] || fail "--save-as onto a link loop exited $status"
grep -q 'loops' "$ERR" || fail "--save-as onto a link loop: '$(cat "$ERR")'"
[ -L "$WORK/loop-a.lodestone" ] && [ -L "$WORK/loop-b.lodestone" ] || fail "the loop was replaced"
ok "a link loop is refused"

# An unknown --set id was echoed twice, untruncated (item 9). Linux allows 128 KiB per argument.
long_id=$(head -c 120000 /dev/zero | tr '\0' x)
run --summary --set "$long_id=1"
[ "$status" -eq 2 ] || fail "--set with a 120 KB id exited $status"
[ "$(wc -l <"$ERR")" -eq 1 ] || fail "--set with a 120 KB id printed $(wc -l <"$ERR") lines"
[ "$(wc -c <"$ERR")" -lt 4000 ] || fail "--set with a 120 KB id printed $(wc -c <"$ERR") bytes"
[ "$(grep -o 'xxxxxxxxxx*' "$ERR" | wc -l)" -eq 1 ] || fail "--set echoed the id more than once"
grep -q 'Unknown lever' "$ERR" || fail "--set with a 120 KB id: no 'Unknown lever'"
ok "an unknown --set id is named once, cut short ($(wc -c <"$ERR") bytes)"

# An existing file survives a failed export untouched.
printf 'keep me\n' >"$WORK/keep.png"
run --export "$WORK/keep.png" --view nonsense
[ "$status" -eq 2 ] || fail "a bad view over an existing file exited $status"
[ "$(cat "$WORK/keep.png")" = "keep me" ] || fail "a failed export changed the existing file"
rm -f "$WORK/keep.png"
ok "a failed export leaves an existing file as it was"

# --- csv --------------------------------------------------------------------------------------

run --csv "$WORK/base.csv"
[ "$status" -eq 0 ] || fail "--csv exited $status"
[ -s "$WORK/base.csv" ] || fail "--csv wrote nothing"
head -n 1 "$WORK/base.csv" | grep -q '^year,' || fail "the CSV header does not start with 'year,'"
head -n 1 "$WORK/base.csv" | grep -q 'china_free_share_us_magnets' \
  || fail "the CSV header lacks china_free_share_us_magnets"
rows=$(($(wc -l <"$WORK/base.csv") - 1))
[ "$rows" -eq 17 ] || fail "the CSV has $rows rows, expected 17 (2024-2040)"
[ "$(sed -n 2p "$WORK/base.csv" | cut -d, -f1)" = 2024 ] || fail "the first CSV row is not 2024"
[ "$(tail -n 1 "$WORK/base.csv" | cut -d, -f1)" = 2040 ] || fail "the last CSV row is not 2040"
columns=$(head -n 1 "$WORK/base.csv" | awk -F, '{print NF}')
awk -F, -v n="$columns" 'NF != n { exit 1 }' "$WORK/base.csv" \
  || fail "CSV rows do not all have $columns columns"
ok "--csv: header and one row per year ($rows rows, $columns columns)"

run --csv "$WORK/fund.csv" --set fund.size_busd=200 --set fund.years=8
[ "$status" -eq 0 ] || fail "--csv --set exited $status"
cmp -s "$WORK/base.csv" "$WORK/fund.csv" && fail "--set fund.size_busd=200 did not change the CSV"
ok "--set changes the CSV numbers"

run --csv "$WORK/long.csv" --horizon 2050
[ "$status" -eq 0 ] || fail "--csv --horizon 2050 exited $status"
[ $(($(wc -l <"$WORK/long.csv") - 1)) -eq 27 ] || fail "--horizon 2050 CSV does not have 27 rows"
ok "--csv follows --horizon"

# --- export -----------------------------------------------------------------------------------

run --export "$WORK/flow.png"
[ "$status" -eq 0 ] || fail "--export flow.png exited $status"
is_png "$WORK/flow.png" || fail "flow.png is not a PNG"
[ "$(png_size "$WORK/flow.png")" = 1920x1080 ] \
  || fail "flow.png is $(png_size "$WORK/flow.png"), expected 1920x1080"
ok "--export PNG at the default 1920x1080"

run --export "$WORK/slide.png" --view slide --year 2035 --size 800x600 --scale 2 --transparent
[ "$status" -eq 0 ] || fail "--export slide.png exited $status"
[ "$(png_size "$WORK/slide.png")" = 1600x1200 ] \
  || fail "slide.png is $(png_size "$WORK/slide.png"), expected 1600x1200"
ok "--export PNG --size 800x600 --scale 2 is 1600x1200"

run --export "$WORK/fund.png" --set fund.size_busd=200 --year 2035
[ "$status" -eq 0 ] || fail "--export with --set exited $status"
run --export "$WORK/base.png" --year 2035
[ "$status" -eq 0 ] || fail "--export at 2035 exited $status"
[ "$(png_pixels "$WORK/fund.png")" = "$(png_pixels "$WORK/base.png")" ] && fail "--set did not change the exported picture"
ok "--set changes the exported picture"

for chart in china-free self-sufficiency capacity spend price; do
  run --export "$WORK/chart-$chart.svg" --view "chart:$chart"
  [ "$status" -eq 0 ] || fail "--export --view chart:$chart exited $status"
  grep -q '<svg' "$WORK/chart-$chart.svg" || fail "chart-$chart.svg is not SVG"
done
ok "--export every chart as SVG"

run --export "$WORK/slide.svg" --view slide --size 1920x1080
[ "$status" -eq 0 ] || fail "--export slide.svg exited $status"
grep -q 'viewBox="0 0 1920 1080"' "$WORK/slide.svg" || fail "slide.svg lacks viewBox 0 0 1920 1080"
ok "--export SVG with its viewBox"

run --export "$WORK/slide.pdf" --view slide --size a4
[ "$status" -eq 0 ] || fail "--export slide.pdf exited $status"
[ "$(head -c 5 "$WORK/slide.pdf")" = "%PDF-" ] || fail "slide.pdf does not start with %PDF-"
ok "--export PDF"

# Readers we did not write.
if ! command -v rsvg-convert >/dev/null; then fail "rsvg-convert is not installed"; fi
if ! command -v pdftoppm >/dev/null; then fail "pdftoppm is not installed"; fi

rsvg-convert -o "$WORK/slide-svg.png" "$WORK/slide.svg" 2>"$ERR" || fail "rsvg-convert failed"
is_png "$WORK/slide-svg.png" || fail "rsvg-convert made no PNG"
[ "$(png_size "$WORK/slide-svg.png")" = 1920x1080 ] \
  || fail "rsvg-convert rendered $(png_size "$WORK/slide-svg.png"), expected 1920x1080"
[ "$(wc -c <"$WORK/slide-svg.png")" -gt 20000 ] || fail "the rasterised SVG is nearly empty"
ok "rsvg-convert renders the SVG ($(wc -c <"$WORK/slide-svg.png") bytes)"

pdftoppm -png -r 72 -singlefile "$WORK/slide.pdf" "$WORK/slide-pdf" 2>"$ERR" \
  || fail "pdftoppm failed"
is_png "$WORK/slide-pdf.png" || fail "pdftoppm made no PNG"
[ "$(wc -c <"$WORK/slide-pdf.png")" -gt 20000 ] || fail "the rasterised PDF is nearly empty"
ok "pdftoppm renders the PDF ($(png_size "$WORK/slide-pdf.png"))"

if command -v pdftotext >/dev/null; then
  pdftotext -raw "$WORK/slide.pdf" "$WORK/slide.txt" || fail "pdftotext failed"
  grep -q 'Lodestone [0-9]\+\.[0-9]\+' "$WORK/slide.txt" \
    || fail "the PDF footer lacks 'Lodestone X.Y'"
  grep -q 'Data:' "$WORK/slide.txt" || fail "the PDF footer lacks the data sources"
  ok "the PDF carries its footer as text"
fi

# --- materials --------------------------------------------------------------------------------

run --export "$WORK/ndpr.png" --year 2030
[ "$status" -eq 0 ] || fail "--export ndpr.png exited $status"
run --export "$WORK/heavy.png" --material heavy --year 2030
[ "$status" -eq 0 ] || fail "--export --material heavy exited $status"
is_png "$WORK/heavy.png" || fail "heavy.png is not a PNG"
[ "$(png_size "$WORK/heavy.png")" = 1920x1080 ] \
  || fail "heavy.png is $(png_size "$WORK/heavy.png"), expected 1920x1080"
[ "$(png_pixels "$WORK/ndpr.png")" = "$(png_pixels "$WORK/heavy.png")" ] && fail "--material heavy exported the NdPr diagram"
# Decoding in Python is slow: count the ink of a small page.
run --export "$WORK/heavy-small.png" --material heavy --year 2030 --size 640x360
[ "$status" -eq 0 ] || fail "--export --material heavy --size 640x360 exited $status"
ink=$(png_ink "$WORK/heavy-small.png") || fail "heavy-small.png does not decode"
[ "$ink" -gt 10000 ] || fail "heavy-small.png has only $ink inked pixels of 230400"
ok "--export --material heavy: 1920x1080, not NdPr's; $ink of 230400 pixels inked at 640x360"

run --export "$WORK/sm-price.png" --material sm --view chart:price --size 960x540
[ "$status" -eq 0 ] || fail "--export --material sm --view chart:price exited $status"
[ "$(png_size "$WORK/sm-price.png")" = 960x540 ] || fail "sm-price.png is not 960x540"
run --export "$WORK/ndpr-price.png" --view chart:price --size 960x540
[ "$(png_pixels "$WORK/sm-price.png")" = "$(png_pixels "$WORK/ndpr-price.png")" ] && fail "--material sm did not change the price chart"
ok "--material sm changes the price chart"

run --export "$WORK/joint.png" --material joint --year 2035 --view slide
[ "$status" -eq 0 ] || fail "--export --material joint exited $status"
is_png "$WORK/joint.png" || fail "joint.png is not a PNG"
ok "--export --material joint draws the joint magnet view"

# The scenario's view remembers the material; --material overrides it.
run --save-as "$WORK/sm.lodestone"
sed 's/chart="china-free"/chart="china-free" material="sm"/' "$WORK/sm.lodestone" >"$WORK/sm2.lodestone"
grep -q 'material="sm"' "$WORK/sm2.lodestone" || fail "could not write material=\"sm\""
run "$WORK/sm2.lodestone" --export "$WORK/sm-file.png" --year 2030
run --export "$WORK/sm-flag.png" --material sm --year 2030
[ "$(png_pixels "$WORK/sm-file.png")" = "$(png_pixels "$WORK/sm-flag.png")" ] \
  || fail "the scenario's material was not exported"
run "$WORK/sm2.lodestone" --export "$WORK/sm-ndpr.png" --year 2030 --material ndpr
[ "$(png_pixels "$WORK/sm-ndpr.png")" = "$(png_pixels "$WORK/ndpr.png")" ] \
  || fail "--material ndpr did not override the file"
ok "a scenario's material is exported; --material overrides it"

expect_error 2 'joint' "$WORK/none" -- --summary --material joint
expect_error 2 'joint' "$WORK/j.csv" -- --csv "$WORK/j.csv" --material joint
expect_error 2 'material' "$WORK/x.png" -- --export "$WORK/x.png" --material lutetium

# --- explain ---------------------------------------------------------------------------------

run --explain us_china_free_magnets_t --year 2032 --set fund.size_busd=20
[ "$status" -eq 0 ] || fail "--explain exited $status"
grep -q '^China-free magnets reaching US use, 2032' "$OUT" || fail "--explain lacks its title"
grep -q 'United States, NdFeB' "$OUT" || fail "--explain lacks the US makers' term"
grep -q 'via oxide separated in' "$OUT" || fail "--explain does not say where the oxide came from"
ok "--explain breaks the China-free magnets down by maker and oxide origin"
expect_error 2 'china_free_share_us_demand' "$WORK/none" -- --explain jobs_us
expect_error 2 'explain' "$WORK/none" -- --summary --year 2030
expect_error 2 '2070' "$WORK/none" -- --explain ndpr_price_usd_kg --year 2070

# --- save-as ----------------------------------------------------------------------------------

run --save-as "$WORK/push.lodestone" --set fund.size_busd=150
[ "$status" -eq 0 ] || fail "--save-as exited $status"
grep -q 'fund.size_busd' "$WORK/push.lodestone" || fail "the saved scenario lacks fund.size_busd"
run --summary --set fund.size_busd=150
cp "$OUT" "$WORK/summary-set.txt"
run --summary "$WORK/push.lodestone"
[ "$status" -eq 0 ] || fail "--summary of the saved file exited $status"
cmp -s "$OUT" "$WORK/summary-set.txt" || fail "the saved scenario does not reproduce --set"
ok "--save-as writes a scenario that reproduces --set"

run "$WORK/push.lodestone" --save-as "$WORK/copy.lodestone"
[ "$status" -eq 0 ] || fail "--save-as FILE exited $status"
run --summary "$WORK/copy.lodestone"
cmp -s "$OUT" "$WORK/summary-set.txt" || fail "re-saving a scenario changed its figures"
ok "--save-as FILE round-trips"

echo "test-cli: all $n_checks checks passed" >&2
exit 0
