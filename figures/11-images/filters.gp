# filters.gp — The CNN's 32 filters after training (blue < 0 < red)
# Written by NeuralNotebook; the numbers are in filters.dat beside this file.
# Render again from this folder with:  gnuplot filters.gp   (writes filters.png and filters.svg)
set encoding utf8
set title 'The CNN''s 32 filters after training (blue < 0 < red)' font ',14'
unset key
unset xtics
unset ytics
unset border
set size ratio -1
set xrange [-0.5:26.02]
set yrange [15.94:-0.5]
set cbrange [-0.2363689:0.2363689]
set palette defined (0 '#2166ac', 0.5 '#f7f7f7', 1 '#b2182b')
ox(i) = (i % 8) * 3.36
oy(i) = int(i / 8) * 4.2
set label 1 'filter 0' at 1,2.92 center font ',10'
set label 2 'filter 1' at 4.36,2.92 center font ',10'
set label 3 'filter 2' at 7.72,2.92 center font ',10'
set label 4 'filter 3' at 11.08,2.92 center font ',10'
set label 5 'filter 4' at 14.44,2.92 center font ',10'
set label 6 'filter 5' at 17.8,2.92 center font ',10'
set label 7 'filter 6' at 21.16,2.92 center font ',10'
set label 8 'filter 7' at 24.52,2.92 center font ',10'
set label 9 'filter 8' at 1,7.12 center font ',10'
set label 10 'filter 9' at 4.36,7.12 center font ',10'
set label 11 'filter 10' at 7.72,7.12 center font ',10'
set label 12 'filter 11' at 11.08,7.12 center font ',10'
set label 13 'filter 12' at 14.44,7.12 center font ',10'
set label 14 'filter 13' at 17.8,7.12 center font ',10'
set label 15 'filter 14' at 21.16,7.12 center font ',10'
set label 16 'filter 15' at 24.52,7.12 center font ',10'
set label 17 'filter 16' at 1,11.32 center font ',10'
set label 18 'filter 17' at 4.36,11.32 center font ',10'
set label 19 'filter 18' at 7.72,11.32 center font ',10'
set label 20 'filter 19' at 11.08,11.32 center font ',10'
set label 21 'filter 20' at 14.44,11.32 center font ',10'
set label 22 'filter 21' at 17.8,11.32 center font ',10'
set label 23 'filter 22' at 21.16,11.32 center font ',10'
set label 24 'filter 23' at 24.52,11.32 center font ',10'
set label 25 'filter 24' at 1,15.52 center font ',10'
set label 26 'filter 25' at 4.36,15.52 center font ',10'
set label 27 'filter 26' at 7.72,15.52 center font ',10'
set label 28 'filter 27' at 11.08,15.52 center font ',10'
set label 29 'filter 28' at 14.44,15.52 center font ',10'
set label 30 'filter 29' at 17.8,15.52 center font ',10'
set label 31 'filter 30' at 21.16,15.52 center font ',10'
set label 32 'filter 31' at 24.52,15.52 center font ',10'
set terminal pngcairo size 720,466 enhanced font 'Sans,12'
set output 'filters.png'
plot for [i=0:31] 'filters.dat' index i matrix using ($1 + ox(i)):($2 + oy(i)):3 with image
set terminal svg size 720,466 enhanced font 'Sans,12' background rgb 'white'
set output 'filters.svg'
replot
set output
