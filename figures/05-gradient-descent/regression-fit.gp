# regression-fit.gp — The data, the line after 100 epochs, and the least-squares line
# Written by NeuralNotebook; the numbers are in regression-fit.dat beside this file.
# Render again from this folder with:  gnuplot regression-fit.gp   (writes regression-fit.png and regression-fit.svg)
set encoding utf8
set title 'The data, the line after 100 epochs, and the least-squares line' font ',14'
set xlabel 'x'
set ylabel 'y'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'regression-fit.png'
plot 'regression-fit.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'data', \
     'regression-fit.dat' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'after 100 epochs', \
     'regression-fit.dat' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '#009E73' title 'least squares'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'regression-fit.svg'
replot
set output
