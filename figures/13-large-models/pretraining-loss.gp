# pretraining-loss.gp — Masked-word prediction: loss during pre-training
# Written by NeuralNotebook; the numbers are in pretraining-loss.dat beside this file.
# Render again from this folder with:  gnuplot pretraining-loss.gp   (writes pretraining-loss.png and pretraining-loss.svg)
set encoding utf8
set title 'Masked-word prediction: loss during pre-training' font ',14'
set xlabel 'step'
set ylabel 'nats per masked word'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'pretraining-loss.png'
plot 'pretraining-loss.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'mean of 100 steps'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'pretraining-loss.svg'
replot
set output
