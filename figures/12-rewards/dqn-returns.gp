# dqn-returns.gp — DQN on the cart-pole: return per episode, and its 20-episode mean
# Written by NeuralNotebook; the numbers are in dqn-returns.dat beside this file.
# Render again from this folder with:  gnuplot dqn-returns.gp   (writes dqn-returns.png and dqn-returns.svg)
set encoding utf8
set title 'DQN on the cart-pole: return per episode, and its 20-episode mean' font ',14'
set xlabel 'episode'
set ylabel 'return (steps survived)'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'dqn-returns.png'
plot 'dqn-returns.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'seed 0, each episode', \
     'dqn-returns.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'seed 0, 20-episode mean', \
     'dqn-returns.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'seed 1, 20-episode mean', \
     'dqn-returns.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'seed 2, 20-episode mean', \
     'dqn-returns.dat' index 4 using 1:2 with lines lw 2 lc rgb '#E69F00' title 'seed 3, 20-episode mean', \
     'dqn-returns.dat' index 5 using 1:2 with lines lw 2 lc rgb '#56B4E9' title 'seed 4, 20-episode mean'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'dqn-returns.svg'
replot
set output
