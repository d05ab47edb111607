# losses-quadratic.gp — f(x, y) = ½(x² + 25y²): f per step
# Written by NeuralNotebook; the numbers are in losses-quadratic.dat beside this file.
# Render again from this folder with:  gnuplot losses-quadratic.gp   (writes losses-quadratic.png and losses-quadratic.svg)
set encoding utf8
set title 'f(x, y) = ½(x² + 25y²): f per step' font ',14'
set xlabel 'step'
set ylabel 'f'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'losses-quadratic.png'
plot 'losses-quadratic.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'SGD, η = 0.07', \
     'losses-quadratic.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'momentum 0.6, η = 0.05', \
     'losses-quadratic.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'Adam, η = 0.3'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'losses-quadratic.svg'
replot
set output
