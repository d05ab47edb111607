# accuracy-vs-labels.gp — Test accuracy against the number of labels (mean of 3 seeds)
# Written by NeuralNotebook; the numbers are in accuracy-vs-labels.dat beside this file.
# Render again from this folder with:  gnuplot accuracy-vs-labels.gp   (writes accuracy-vs-labels.png and accuracy-vs-labels.svg)
set encoding utf8
set title 'Test accuracy against the number of labels (mean of 3 seeds)' font ',14'
set xlabel 'labeled sentences'
set ylabel 'test accuracy'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set logscale x 2
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'accuracy-vs-labels.png'
plot 'accuracy-vs-labels.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'from scratch', \
     'accuracy-vs-labels.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#D55E00' title 'masked words, fine-tuned', \
     'accuracy-vs-labels.dat' index 2 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#009E73' title 'next word, fine-tuned', \
     'accuracy-vs-labels.dat' index 3 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#CC79A7' title 'masked words, frozen (linear probe)'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'accuracy-vs-labels.svg'
replot
set output
