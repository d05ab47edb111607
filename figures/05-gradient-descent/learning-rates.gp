# learning-rates.gp — Loss per epoch for four learning rates
# Written by NeuralNotebook; the numbers are in learning-rates.dat beside this file.
# Render again from this folder with:  gnuplot learning-rates.gp   (writes learning-rates.png and learning-rates.svg)
set encoding utf8
set title 'Loss per epoch for four learning rates' font ',14'
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
set output 'learning-rates.png'
plot 'learning-rates.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'η = 0.001', \
     'learning-rates.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'η = 0.01', \
     'learning-rates.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'η = 0.05', \
     'learning-rates.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'η = 0.09'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'learning-rates.svg'
replot
set output
