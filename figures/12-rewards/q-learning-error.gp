# q-learning-error.gp — Tabular Q-learning, ε = 0.5: max |Q − Q*|, mean of 5 seeds (0 drawn at 1e-16)
# Written by NeuralNotebook; the numbers are in q-learning-error.dat beside this file.
# Render again from this folder with:  gnuplot q-learning-error.gp   (writes q-learning-error.png and q-learning-error.svg)
set encoding utf8
set title 'Tabular Q-learning, ε = 0.5: max |Q − Q*|, mean of 5 seeds (0 drawn at 1e-16)' font ',14'
set xlabel 'episode'
set ylabel 'max |Q − Q*|'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'q-learning-error.png'
plot 'q-learning-error.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'deterministic, α = 1', \
     'q-learning-error.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'slippery, α = 0.02', \
     'q-learning-error.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'slippery, α = 0.1', \
     'q-learning-error.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'slippery, α = 0.5'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'q-learning-error.svg'
replot
set output
