# selective-weights.gp — Weights of one query over three keys
# Written by NeuralNotebook; the numbers are in selective-weights.dat beside this file.
# Render again from this folder with:  gnuplot selective-weights.gp   (writes selective-weights.png and selective-weights.svg)
set encoding utf8
set title 'Weights of one query over three keys' font ',14'
set xlabel 'key'
set ylabel ''
set xtics ('k_1' 0, 'k_2' 1, 'k_3' 2) scale 0
set ytics ('unscaled' 0, 'scaled' 1) scale 0
set xrange [-0.5:2.5]
set yrange [1.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 530,380 enhanced font 'Sans,12'
set output 'selective-weights.png'
plot 'selective-weights.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 530,380 enhanced font 'Sans,12' background rgb 'white'
set output 'selective-weights.svg'
replot
set output
