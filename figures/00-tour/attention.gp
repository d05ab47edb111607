# attention.gp — Attention weights
# Written by NeuralNotebook; the numbers are in attention.dat beside this file.
# Render again from this folder with:  gnuplot attention.gp   (writes attention.png and attention.svg)
set encoding utf8
set title 'Attention weights' font ',14'
set xlabel 'key'
set ylabel 'query'
set xtics ('k_1' 0, 'k_2' 1, 'k_3' 2, 'k_4' 3) scale 0
set ytics ('q_1' 0, 'q_2' 1, 'q_3' 2) scale 0
set xrange [-0.5:3.5]
set yrange [2.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 620,470 enhanced font 'Sans,12'
set output 'attention.png'
plot 'attention.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 620,470 enhanced font 'Sans,12' background rgb 'white'
set output 'attention.svg'
replot
set output
