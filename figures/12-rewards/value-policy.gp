# value-policy.gp — V* of the slippery grid and the greedy policy read from Q*
# Written by NeuralNotebook; the numbers are in value-policy.dat beside this file.
# Render again from this folder with:  gnuplot value-policy.gp   (writes value-policy.png and value-policy.svg)
set encoding utf8
set title 'V* of the slippery grid and the greedy policy read from Q*' font ',14'
set xrange [-0.5:3.5]
set yrange [2.5:-0.5]
set xtics 1 scale 0
set ytics 1 scale 0
set xlabel 'column'
set ylabel 'row'
set cbrange [0:0.9281803]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
set key outside bottom center horizontal
set colorbox
set terminal pngcairo size 620,470 enhanced font 'Sans,12'
set output 'value-policy.png'
plot 'value-policy.dat' index 0 using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 lc palette notitle, \
     '' index 1 using 1:2:(0.5):(0.5) with boxxyerror fs solid 1.0 lc rgb '#999999' notitle, \
     '' index 2 using 1:2:3:4 with vectors head filled size 0.12,25 lw 2 lc rgb 'white' notitle, \
     '' index 3 using 1:2:3 with labels tc rgb 'white' font ',14' notitle
set terminal svg size 620,470 enhanced font 'Sans,12' background rgb 'white'
set output 'value-policy.svg'
replot
set output
