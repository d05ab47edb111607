# gradient-through-time.gp — Gradient reaching each input, T = 50
# Written by NeuralNotebook; the numbers are in gradient-through-time.dat beside this file.
# Render again from this folder with:  gnuplot gradient-through-time.gp   (writes gradient-through-time.png and gradient-through-time.svg)
set encoding utf8
set title 'Gradient reaching each input, T = 50' font ',14'
set xlabel 'steps back from the end (T − t)'
set ylabel '‖∂L/∂x_t‖ (mean over the batch)'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale y
set format y '10^{%L}'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'gradient-through-time.png'
plot 'gradient-through-time.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'RNN', \
     'gradient-through-time.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'LSTM, forget bias 0', \
     'gradient-through-time.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'LSTM, forget bias 1'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'gradient-through-time.svg'
replot
set output
