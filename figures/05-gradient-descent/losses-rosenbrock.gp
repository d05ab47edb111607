# losses-rosenbrock.gp — f(x, y) = (1 − x)² + 100(y − x²)²: f per step
# Written by NeuralNotebook; the numbers are in losses-rosenbrock.dat beside this file.
# Render again from this folder with:  gnuplot losses-rosenbrock.gp   (writes losses-rosenbrock.png and losses-rosenbrock.svg)
set encoding utf8
set title 'f(x, y) = (1 − x)² + 100(y − x²)²: f per step' font ',14'
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
set output 'losses-rosenbrock.png'
plot 'losses-rosenbrock.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'SGD, η = 0.001', \
     'losses-rosenbrock.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'momentum 0.9, η = 0.0003', \
     'losses-rosenbrock.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'Adam, η = 0.02'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'losses-rosenbrock.svg'
replot
set output
