# positional-encoding.gp — Sinusoidal positional encoding, 32 positions × 16 dimensions
# Written by NeuralNotebook; the numbers are in positional-encoding.dat beside this file.
# Render again from this folder with:  gnuplot positional-encoding.gp   (writes positional-encoding.png and positional-encoding.svg)
set encoding utf8
set title 'Sinusoidal positional encoding, 32 positions × 16 dimensions' font ',14'
set xlabel 'dimension'
set ylabel 'position'
set xtics ('0' 0, '' 1, '2' 2, '' 3, '4' 4, '' 5, '6' 6, '' 7, '8' 8, '' 9, '10' 10, '' 11, '12' 12, '' 13, '14' 14, '' 15) scale 0
set ytics ('0' 0, '' 1, '' 2, '' 3, '4' 4, '' 5, '' 6, '' 7, '8' 8, '' 9, '' 10, '' 11, '12' 12, '' 13, '' 14, '' 15, '16' 16, '' 17, '' 18, '' 19, '20' 20, '' 21, '' 22, '' 23, '24' 24, '' 25, '' 26, '' 27, '28' 28, '' 29, '' 30, '' 31) scale 0
set xrange [-0.5:15.5]
set yrange [31.5:-0.5]
set cbrange [-1:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.2
set terminal pngcairo size 900,1480 enhanced font 'Sans,12'
set output 'positional-encoding.png'
plot 'positional-encoding.dat' using 1:2:3 with image
set terminal svg size 900,1480 enhanced font 'Sans,12' background rgb 'white'
set output 'positional-encoding.svg'
replot
set output
