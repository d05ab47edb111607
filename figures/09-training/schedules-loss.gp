# schedules-loss.gp — Training loss under three schedules
# Written by NeuralNotebook; the numbers are in schedules-loss.dat beside this file.
# Render again from this folder with:  gnuplot schedules-loss.gp   (writes schedules-loss.png and schedules-loss.svg)
set encoding utf8
set title 'Training loss under three schedules' font ',14'
set xlabel 'step'
set ylabel 'binary cross-entropy (all 200 points)'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'schedules-loss.png'
plot 'schedules-loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'constant 0.1', \
     'schedules-loss.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'step: 0.1, ×0.2 every 200', \
     'schedules-loss.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'warm-up 50 + cosine, peak 0.2'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'schedules-loss.svg'
replot
set output
