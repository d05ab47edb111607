# cliff-returns.gp — Return per episode while learning (ε = 0.1), mean of 10 seeds, 10-episode average
# Written by NeuralNotebook; the numbers are in cliff-returns.dat beside this file.
# Render again from this folder with:  gnuplot cliff-returns.gp   (writes cliff-returns.png and cliff-returns.svg)
set encoding utf8
set title 'Return per episode while learning (ε = 0.1), mean of 10 seeds, 10-episode average' font ',14'
set xlabel 'episode'
set ylabel 'sum of rewards'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'cliff-returns.png'
plot 'cliff-returns.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'SARSA', \
     'cliff-returns.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'Q-learning'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'cliff-returns.svg'
replot
set output
