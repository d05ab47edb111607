# overfitting.gp — Training and validation loss, 40 training points
# Written by NeuralNotebook; the numbers are in overfitting.dat beside this file.
# Render again from this folder with:  gnuplot overfitting.gp   (writes overfitting.png and overfitting.svg)
set encoding utf8
set title 'Training and validation loss, 40 training points' font ',14'
set xlabel 'step'
set ylabel 'binary cross-entropy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom vertical maxrows 3
set bmargin 6.7
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'overfitting.png'
plot 'overfitting.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'none: validation', \
     'overfitting.dat' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#D55E00' title 'none: training', \
     'overfitting.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'L2 on W in the loss, λ = 0.01: validation', \
     'overfitting.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'AdamW on W and b, λ = 0.5: validation', \
     'overfitting.dat' index 4 using 1:2 with lines lw 2 lc rgb '#E69F00' title 'dropout p = 0.3: validation'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'overfitting.svg'
replot
set output
