# loss.gp — Cross-entropy per epoch (training: running mean over the epoch)
# Written by NeuralNotebook; the numbers are in loss.dat beside this file.
# Render again from this folder with:  gnuplot loss.gp   (writes loss.png and loss.svg)
set encoding utf8
set title 'Cross-entropy per epoch (training: running mean over the epoch)' font ',14'
set xlabel 'epoch'
set ylabel 'loss'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'loss.png'
plot 'loss.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#0072B2' title 'CNN train', \
     'loss.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#D55E00' title 'LSTM train', \
     'loss.dat' index 2 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#009E73' title 'dense train', \
     'loss.dat' index 3 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#CC79A7' title 'CNN test', \
     'loss.dat' index 4 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#E69F00' title 'LSTM test', \
     'loss.dat' index 5 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#56B4E9' title 'dense test'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'loss.svg'
replot
set output
