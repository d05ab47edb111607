# residual-gradients.gp — Gradient norm per layer, 30 tanh layers
# Written by NeuralNotebook; the numbers are in residual-gradients.dat beside this file.
# Render again from this folder with:  gnuplot residual-gradients.gp   (writes residual-gradients.png and residual-gradients.svg)
set encoding utf8
set title 'Gradient norm per layer, 30 tanh layers' font ',14'
set xlabel 'layer (1 = input side)'
set ylabel '‖∂L/∂W‖'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'residual-gradients.png'
plot 'residual-gradients.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'tanh(Wa + b), default ±1/√n', \
     'residual-gradients.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'a + tanh(Wa + b), default ±1/√n', \
     'residual-gradients.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'tanh(Wa + b), Xavier, gain 5/3', \
     'residual-gradients.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'a + tanh(Wa + b), Xavier, gain 5/3'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'residual-gradients.svg'
replot
set output
