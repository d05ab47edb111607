# capstone-loss.gp — Two moons: training loss
# Written by NeuralNotebook; the numbers are in capstone-loss.dat beside this file.
# Render again from this folder with:  gnuplot capstone-loss.gp   (writes capstone-loss.png and capstone-loss.svg)
set encoding utf8
set title 'Two moons: training loss' font ',14'
set xlabel 'epoch'
set ylabel 'binary cross-entropy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'capstone-loss.png'
plot 'capstone-loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title '2-16-16-1 tanh', \
     'capstone-loss.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title '2-3-1 sigmoid'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'capstone-loss.svg'
replot
set output
