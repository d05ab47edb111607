# gradient-norms.gp — Gradient norm per layer, 12 layers deep
# Written by NeuralNotebook; the numbers are in gradient-norms.dat beside this file.
# Render again from this folder with:  gnuplot gradient-norms.gp   (writes gradient-norms.png and gradient-norms.svg)
set encoding utf8
set title 'Gradient norm per layer, 12 layers deep' font ',14'
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
set output 'gradient-norms.png'
plot 'gradient-norms.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'sigmoid', \
     'gradient-norms.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#D55E00' title 'tanh', \
     'gradient-norms.dat' index 2 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#009E73' title 'relu', \
     'gradient-norms.dat' index 3 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#CC79A7' title 'relu, He init'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'gradient-norms.svg'
replot
set output
