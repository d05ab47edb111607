# lstm-gates.gp — The trained LSTM's unit 6 along one sequence
# Written by NeuralNotebook; the numbers are in lstm-gates.dat beside this file.
# Render again from this folder with:  gnuplot lstm-gates.gp   (writes lstm-gates.png and lstm-gates.svg)
set encoding utf8
set title 'The trained LSTM''s unit 6 along one sequence' font ',14'
set xlabel 'step t'
set ylabel 'value'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'lstm-gates.png'
plot 'lstm-gates.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'input gate i_t', \
     'lstm-gates.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'forget gate f_t', \
     'lstm-gates.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'output gate o_t', \
     'lstm-gates.dat' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'cell state c_t', \
     'lstm-gates.dat' index 4 using 1:2 with linespoints pt 7 ps 0.6 lw 2 dt 2 lc rgb '#E69F00' title 'input x_t'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'lstm-gates.svg'
replot
set output
