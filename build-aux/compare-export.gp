# compare-export.gp — gnuplot's side of build-aux/compare-export.sh: the chart
# `lodestone --export OUT.png --view chart:china-free --size 1600x900` draws, from the same
# series (the CSV files `lodestone --csv` writes), as a 1600×900 PNG: title, unit, a grid,
# the 50 % target, the marked year, the Baseline and the scenario lines and their legend.
#
#   gnuplot -e "scenario='s.csv'; baseline='b.csv'; out='g.png'; year=2030" compare-export.gp

if (!exists("scenario")) scenario = 'scenario.csv'
if (!exists("baseline")) baseline = 'baseline.csv'
if (!exists("out")) out = 'gnuplot.png'
if (!exists("year")) year = 2030

set terminal pngcairo size 1600,900 enhanced font "DejaVu Sans,13" linewidth 1.5
set output out
set datafile separator ','
set datafile columnheaders

set lmargin at screen 0.06
set rmargin at screen 0.87
set tmargin at screen 0.86
set bmargin at screen 0.13
set label 10 "China-free share of US magnet supply" at screen 0.03, 0.94 font "DejaVu Sans Bold,18"
set label 11 "Share of US magnet supply, %" at screen 0.03, 0.895 tc rgb "#5e5c64"
set xrange [2024:2040]
set yrange [0:100]
set xtics 1 nomirror
set ytics 20 nomirror
set grid ytics lc rgb "#dddddd" lt 1
set border 3 lc rgb "#888888"
set key outside right center nobox

set arrow 1 from year, 0 to year, 100 nohead lc rgb "#1c71d8" lw 1 front
set arrow 2 from 2024, 50 to 2040, 50 nohead lc rgb "#c01c28" dt 2 lw 1.5
set label 1 "Target 50%" at 2024.1, 53 tc rgb "#c01c28" font "DejaVu Sans Bold,13"
set label 2 "Baseline · 2030 · Data: USGS MCS 2025; IEA GCMO 2024 …" at screen 0.02, 0.03
set label 3 "Lodestone 0.1" at screen 0.98, 0.03 right

share = 'china_free_share_us_demand'
plot baseline using 1:(100 * column(share)) with lines lw 3 lc rgb "#b0b0b8" title "Baseline", \
     scenario using 1:(100 * column(share)) with lines lw 3 lc rgb "#1c71d8" title "Scenario"
