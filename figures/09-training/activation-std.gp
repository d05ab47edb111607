# activation-std.gp — Std of the activations, layer by layer
# Written by NeuralNotebook; the numbers are in activation-std.dat beside this file.
# Render again from this folder with:  gnuplot activation-std.gp   (writes activation-std.png and activation-std.svg)
set encoding utf8
set title 'Std of the activations, layer by layer' font ',14'
set xlabel 'layer'
set ylabel 'std'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom vertical maxrows 3
set bmargin 6.7
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'activation-std.png'
plot 'activation-std.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'tanh, N(0, 0.01²)', \
     'activation-std.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'tanh, N(0, 1)', \
     'activation-std.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'tanh, Xavier, gain 1', \
     'activation-std.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'tanh, Xavier, gain 5/3', \
     'activation-std.dat' index 4 using 1:2 with lines lw 2 lc rgb '#E69F00' title 'tanh, He, gain √2', \
     'activation-std.dat' index 5 using 1:2 with lines lw 2 lc rgb '#56B4E9' title 'relu, N(0, 0.01²)', \
     'activation-std.dat' index 6 using 1:2 with lines lw 2 lc rgb '#000000' title 'relu, N(0, 1)', \
     'activation-std.dat' index 7 using 1:2 with lines lw 2 lc rgb '#F0E442' title 'relu, Xavier, gain 1', \
     'activation-std.dat' index 8 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'relu, He, gain √2'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'activation-std.svg'
replot
set output
