# tanh-histogram.gp — tanh activations of layer 10
# Written by NeuralNotebook; the numbers are in tanh-histogram.dat beside this file.
# Render again from this folder with:  gnuplot tanh-histogram.gp   (writes tanh-histogram.png and tanh-histogram.svg)
set encoding utf8
set title 'tanh activations of layer 10' font ',14'
set xlabel 'activation'
set ylabel 'share of the units'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'tanh-histogram.png'
plot 'tanh-histogram.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'N(0, 1)', \
     'tanh-histogram.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#D55E00' title 'Xavier, gain 5/3'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'tanh-histogram.svg'
replot
set output
