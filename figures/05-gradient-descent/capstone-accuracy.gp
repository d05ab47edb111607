# capstone-accuracy.gp — Two moons: accuracy
# Written by NeuralNotebook; the numbers are in capstone-accuracy.dat beside this file.
# Render again from this folder with:  gnuplot capstone-accuracy.gp   (writes capstone-accuracy.png and capstone-accuracy.svg)
set encoding utf8
set title 'Two moons: accuracy' font ',14'
set xlabel 'epoch'
set ylabel 'accuracy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'capstone-accuracy.png'
plot 'capstone-accuracy.dat' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title '2-16-16-1 tanh, train', \
     'capstone-accuracy.dat' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#D55E00' title '2-16-16-1 tanh, test', \
     'capstone-accuracy.dat' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title '2-3-1 sigmoid, train', \
     'capstone-accuracy.dat' index 3 using 1:2 with lines lw 2 dt 2 lc rgb '#CC79A7' title '2-3-1 sigmoid, test'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'capstone-accuracy.svg'
replot
set output
