# tanh-derivative-source.gp — tanh′: the true derivative and article 000's formula
# Written by NeuralNotebook; the numbers are in tanh-derivative-source.dat beside this file.
# Render again from this folder with:  gnuplot tanh-derivative-source.gp   (writes tanh-derivative-source.png and tanh-derivative-source.svg)
set encoding utf8
set title 'tanh′: the true derivative and article 000''s formula' font ',14'
set xlabel 'x'
set ylabel ''
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set xzeroaxis lt 1 lc rgb '#888888'
set yzeroaxis lt 1 lc rgb '#888888'
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'tanh-derivative-source.png'
plot 'tanh-derivative-source.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title '1 − tanh²x (true)', \
     'tanh-derivative-source.dat' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#D55E00' title '(1 − tanh²x)/(1 + tanh²x) (article 000)'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'tanh-derivative-source.svg'
replot
set output
