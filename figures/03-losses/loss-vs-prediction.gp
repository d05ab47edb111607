# loss-vs-prediction.gp — Loss against the predicted probability ŷ
# Written by NeuralNotebook; the numbers are in loss-vs-prediction.dat beside this file.
# Render again from this folder with:  gnuplot loss-vs-prediction.gp   (writes loss-vs-prediction.png and loss-vs-prediction.svg)
set encoding utf8
set title 'Loss against the predicted probability ŷ' font ',14'
set xlabel 'ŷ'
set ylabel 'loss'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'loss-vs-prediction.png'
plot 'loss-vs-prediction.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'MSE, y = 1: (ŷ − 1)²', \
     'loss-vs-prediction.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'MSE, y = 0: ŷ²', \
     'loss-vs-prediction.dat' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '#009E73' title 'BCE, y = 1: −log ŷ', \
     'loss-vs-prediction.dat' index 3 using 1:2 with lines lw 2 dt 2 lc rgb '#CC79A7' title 'BCE, y = 0: −log(1 − ŷ)'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'loss-vs-prediction.svg'
replot
set output
