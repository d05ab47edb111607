# softplus.gp — Softplus and its derivative
# Written by NeuralNotebook; the numbers are in softplus.dat beside this file.
# Render again from this folder with:  gnuplot softplus.gp   (writes softplus.png and softplus.svg)
set encoding utf8
set title 'Softplus and its derivative' font ',14'
set xlabel 'x'
set ylabel ''
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set xzeroaxis lt 1 lc rgb '#888888'
set yzeroaxis lt 1 lc rgb '#888888'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'softplus.png'
plot 'softplus.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'softplus(x)', \
     'softplus.dat' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#D55E00' title 'softplus′(x)'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'softplus.svg'
replot
set output
