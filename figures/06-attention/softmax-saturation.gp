# softmax-saturation.gp — Largest softmax weight among 8 random keys
# Written by NeuralNotebook; the numbers are in softmax-saturation.dat beside this file.
# Render again from this folder with:  gnuplot softmax-saturation.gp   (writes softmax-saturation.png and softmax-saturation.svg)
set encoding utf8
set title 'Largest softmax weight among 8 random keys' font ',14'
set xlabel 'd (log scale)'
set ylabel 'mean of the largest weight'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale x 2
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'softmax-saturation.png'
plot 'softmax-saturation.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'unscaled q·k', \
     'softmax-saturation.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#D55E00' title 'scaled q·k/√d'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'softmax-saturation.svg'
replot
set output
