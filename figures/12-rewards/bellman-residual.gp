# bellman-residual.gp — Bellman residual ‖V_{k+1} − V_k‖∞ per sweep (0 drawn at 1e-16)
# Written by NeuralNotebook; the numbers are in bellman-residual.dat beside this file.
# Render again from this folder with:  gnuplot bellman-residual.gp   (writes bellman-residual.png and bellman-residual.svg)
set encoding utf8
set title 'Bellman residual ‖V_{k+1} − V_k‖∞ per sweep (0 drawn at 1e-16)' font ',14'
set xlabel 'sweep k'
set ylabel 'residual'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'bellman-residual.png'
plot 'bellman-residual.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'evaluation, uniform π', \
     'bellman-residual.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'VI, deterministic', \
     'bellman-residual.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'VI, slippery', \
     'bellman-residual.dat' index 3 using 1:2 with lines lw 2 dt 2 lc rgb '#CC79A7' title 'γᵏ'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'bellman-residual.svg'
replot
set output
