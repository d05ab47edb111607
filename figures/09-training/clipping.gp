# clipping.gp — Loss per step, exploding gradients
# Written by NeuralNotebook; the numbers are in clipping.dat beside this file.
# Render again from this folder with:  gnuplot clipping.gp   (writes clipping.png and clipping.svg)
set encoding utf8
set title 'Loss per step, exploding gradients' font ',14'
set xlabel 'step'
set ylabel 'mean squared error'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'clipping.png'
plot 'clipping.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'not clipped', \
     'clipping.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'clipped at ‖g‖ = 1', \
     'clipping.dat' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '#009E73' title 'predicting 0: 0.7258'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'clipping.svg'
replot
set output
