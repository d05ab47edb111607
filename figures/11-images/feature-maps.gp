# feature-maps.gp — Test image 0 (Bag) through each filter and relu, each map scaled to its maximum
# Written by NeuralNotebook; the numbers are in feature-maps.dat beside this file.
# Render again from this folder with:  gnuplot feature-maps.gp   (writes feature-maps.png and feature-maps.svg)
set encoding utf8
set title 'Test image 0 (Bag) through each filter and relu, each map scaled to its maximum' font ',14'
unset key
unset xtics
unset ytics
unset border
set size ratio -1
set xrange [-0.5:316.7]
set yrange [105.58:-0.5]
set cbrange [0:1]
set palette gray
ox(i) = (i % 11) * 29.12
oy(i) = int(i / 11) * 36.4
set label 1 'the image' at 12.5,29.14 center font ',10'
set label 2 'map 0' at 41.62,29.14 center font ',10'
set label 3 'map 1' at 70.74,29.14 center font ',10'
set label 4 'map 2' at 99.86,29.14 center font ',10'
set label 5 'map 3' at 128.98,29.14 center font ',10'
set label 6 'map 4' at 158.1,29.14 center font ',10'
set label 7 'map 5' at 187.22,29.14 center font ',10'
set label 8 'map 6' at 216.34,29.14 center font ',10'
set label 9 'map 7' at 245.46,29.14 center font ',10'
set label 10 'map 8' at 274.58,29.14 center font ',10'
set label 11 'map 9' at 303.7,29.14 center font ',10'
set label 12 'map 10' at 12.5,65.54 center font ',10'
set label 13 'map 11' at 41.62,65.54 center font ',10'
set label 14 'map 12' at 70.74,65.54 center font ',10'
set label 15 'map 13' at 99.86,65.54 center font ',10'
set label 16 'map 14' at 128.98,65.54 center font ',10'
set label 17 'map 15' at 158.1,65.54 center font ',10'
set label 18 'map 16' at 187.22,65.54 center font ',10'
set label 19 'map 17' at 216.34,65.54 center font ',10'
set label 20 'map 18' at 245.46,65.54 center font ',10'
set label 21 'map 19' at 274.58,65.54 center font ',10'
set label 22 'map 20' at 303.7,65.54 center font ',10'
set label 23 'map 21' at 12.5,101.94 center font ',10'
set label 24 'map 22' at 41.62,101.94 center font ',10'
set label 25 'map 23' at 70.74,101.94 center font ',10'
set label 26 'map 24' at 99.86,101.94 center font ',10'
set label 27 'map 25' at 128.98,101.94 center font ',10'
set label 28 'map 26' at 158.1,101.94 center font ',10'
set label 29 'map 27' at 187.22,101.94 center font ',10'
set label 30 'map 28' at 216.34,101.94 center font ',10'
set label 31 'map 29' at 245.46,101.94 center font ',10'
set label 32 'map 30' at 274.58,101.94 center font ',10'
set label 33 'map 31' at 303.7,101.94 center font ',10'
set terminal pngcairo size 1040,402 enhanced font 'Sans,12'
set output 'feature-maps.png'
plot for [i=0:32] 'feature-maps.dat' index i matrix using ($1 + ox(i)):($2 + oy(i)):3 with image
set terminal svg size 1040,402 enhanced font 'Sans,12' background rgb 'white'
set output 'feature-maps.svg'
replot
set output
