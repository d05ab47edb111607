# rows-read.gp — LSTM test accuracy after reading t of the 28 rows
# Written by NeuralNotebook; the numbers are in rows-read.dat beside this file.
# Render again from this folder with:  gnuplot rows-read.gp   (writes rows-read.png and rows-read.svg)
set encoding utf8
set title 'LSTM test accuracy after reading t of the 28 rows' font ',14'
set xlabel 'rows read'
set ylabel 'test accuracy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'rows-read.png'
plot 'rows-read.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'LSTM'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'rows-read.svg'
replot
set output
