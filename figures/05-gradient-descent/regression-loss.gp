# regression-loss.gp — Article 001's regression: loss per epoch (η = 0.01)
# Written by NeuralNotebook; the numbers are in regression-loss.dat beside this file.
# Render again from this folder with:  gnuplot regression-loss.gp   (writes regression-loss.png and regression-loss.svg)
set encoding utf8
set title 'Article 001''s regression: loss per epoch (η = 0.01)' font ',14'
set xlabel 'epoch'
set ylabel 'MSE'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'regression-loss.png'
plot 'regression-loss.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'gradient descent', \
     'regression-loss.dat' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#D55E00' title 'least-squares minimum'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'regression-loss.svg'
replot
set output
