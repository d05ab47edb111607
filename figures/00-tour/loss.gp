# loss.gp — Loss during gradient descent
# Written by NeuralNotebook; the numbers are in loss.dat beside this file.
# Render again from this folder with:  gnuplot loss.gp   (writes loss.png and loss.svg)
set encoding utf8
set title 'Loss during gradient descent' font ',14'
set xlabel 'epoch'
set ylabel 'L(w, b)'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'loss.png'
plot 'loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'L = ½ Σ (ŷ − y)²'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'loss.svg'
replot
set output
