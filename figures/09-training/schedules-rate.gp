# schedules-rate.gp — Learning rate per step
# Written by NeuralNotebook; the numbers are in schedules-rate.dat beside this file.
# Render again from this folder with:  gnuplot schedules-rate.gp   (writes schedules-rate.png and schedules-rate.svg)
set encoding utf8
set title 'Learning rate per step' font ',14'
set xlabel 'step'
set ylabel 'η'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'schedules-rate.png'
plot 'schedules-rate.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'constant 0.1', \
     'schedules-rate.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'step: 0.1, ×0.2 every 200', \
     'schedules-rate.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'warm-up 50 + cosine, peak 0.2'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'schedules-rate.svg'
replot
set output
