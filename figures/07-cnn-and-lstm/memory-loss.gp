# memory-loss.gp — Remembering the first of 20 inputs (run 1)
# Written by NeuralNotebook; the numbers are in memory-loss.dat beside this file.
# Render again from this folder with:  gnuplot memory-loss.gp   (writes memory-loss.png and memory-loss.svg)
set encoding utf8
set title 'Remembering the first of 20 inputs (run 1)' font ',14'
set xlabel 'training step'
set ylabel 'cross-entropy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'memory-loss.png'
plot 'memory-loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'RNN, run 1', \
     'memory-loss.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'LSTM, run 1'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'memory-loss.svg'
replot
set output
