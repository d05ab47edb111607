# training-loss.gp — Training loss of the four classifiers
# Written by NeuralNotebook; the numbers are in training-loss.dat beside this file.
# Render again from this folder with:  gnuplot training-loss.gp   (writes training-loss.png and training-loss.svg)
set encoding utf8
set title 'Training loss of the four classifiers' font ',14'
set xlabel 'epoch'
set ylabel 'mean cross-entropy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'training-loss.png'
plot 'training-loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'mean pooling', \
     'training-loss.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title '1-D CNN', \
     'training-loss.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'LSTM', \
     'training-loss.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'attention pooling'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'training-loss.svg'
replot
set output
