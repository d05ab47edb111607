# mask-causal.gp — Self-attention with a causal mask
# Written by NeuralNotebook; the numbers are in mask-causal.dat beside this file.
# Render again from this folder with:  gnuplot mask-causal.gp   (writes mask-causal.png and mask-causal.svg)
set encoding utf8
set title 'Self-attention with a causal mask' font ',14'
set xlabel 'key'
set ylabel 'query'
set xtics ('t_1' 0, 't_2' 1, 't_3' 2, 't_4' 3, 't_5' 4) scale 0
set ytics ('t_1' 0, 't_2' 1, 't_3' 2, 't_4' 3, 't_5' 4) scale 0
set xrange [-0.5:4.5]
set yrange [4.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 710,650 enhanced font 'Sans,12'
set output 'mask-causal.png'
plot 'mask-causal.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 710,650 enhanced font 'Sans,12' background rgb 'white'
set output 'mask-causal.svg'
replot
set output
