# dqn-td-error.gp — DQN: mean |y − Q(s, a)| over each episode's training batches
# Written by NeuralNotebook; the numbers are in dqn-td-error.dat beside this file.
# Render again from this folder with:  gnuplot dqn-td-error.gp   (writes dqn-td-error.png and dqn-td-error.svg)
set encoding utf8
set title 'DQN: mean |y − Q(s, a)| over each episode''s training batches' font ',14'
set xlabel 'episode'
set ylabel 'mean |TD error|'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'dqn-td-error.png'
plot 'dqn-td-error.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'seed 0', \
     'dqn-td-error.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'seed 1', \
     'dqn-td-error.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'seed 2', \
     'dqn-td-error.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'seed 3', \
     'dqn-td-error.dat' index 4 using 1:2 with lines lw 2 lc rgb '#E69F00' title 'seed 4'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'dqn-td-error.svg'
replot
set output
