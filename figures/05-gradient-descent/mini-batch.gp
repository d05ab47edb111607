# mini-batch.gp — Loss over the whole data set, per epoch (η = 0.01)
# Written by NeuralNotebook; the numbers are in mini-batch.dat beside this file.
# Render again from this folder with:  gnuplot mini-batch.gp   (writes mini-batch.png and mini-batch.svg)
set encoding utf8
set title 'Loss over the whole data set, per epoch (η = 0.01)' font ',14'
set xlabel 'epoch'
set ylabel 'MSE'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'mini-batch.png'
plot 'mini-batch.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'full batch', \
     'mini-batch.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'batches of 1'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'mini-batch.svg'
replot
set output
