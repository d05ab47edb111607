# attention-head-2.gp — Block 2, head 2
# Written by NeuralNotebook; the numbers are in attention-head-2.dat beside this file.
# Render again from this folder with:  gnuplot attention-head-2.gp   (writes attention-head-2.png and attention-head-2.svg)
set encoding utf8
set title 'Block 2, head 2' font ',14'
set xlabel 'attends to'
set ylabel 'position'
set xtics ('.' 0, 'w' 1, 'a' 2, 't' 3, 'y' 4) scale 0
set ytics ('.' 0, 'w' 1, 'a' 2, 't' 3, 'y' 4) scale 0
set xrange [-0.5:4.5]
set yrange [4.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 710,650 enhanced font 'Sans,12'
set output 'attention-head-2.png'
plot 'attention-head-2.dat' using 1:2:3 with image
set terminal svg size 710,650 enhanced font 'Sans,12' background rgb 'white'
set output 'attention-head-2.svg'
replot
set output
