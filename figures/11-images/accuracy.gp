# accuracy.gp — Accuracy per epoch (training: running mean over the epoch)
# Written by NeuralNotebook; the numbers are in accuracy.dat beside this file.
# Render again from this folder with:  gnuplot accuracy.gp   (writes accuracy.png and accuracy.svg)
set encoding utf8
set title 'Accuracy per epoch (training: running mean over the epoch)' font ',14'
set xlabel 'epoch'
set ylabel 'accuracy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'accuracy.png'
plot 'accuracy.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#0072B2' title 'CNN train', \
     'accuracy.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#D55E00' title 'LSTM train', \
     'accuracy.dat' index 2 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#009E73' title 'dense train', \
     'accuracy.dat' index 3 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#CC79A7' title 'CNN test', \
     'accuracy.dat' index 4 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#E69F00' title 'LSTM test', \
     'accuracy.dat' index 5 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#56B4E9' title 'dense test'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'accuracy.svg'
replot
set output
