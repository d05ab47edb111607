# gpt-loss.gp — GPT: loss per character
# Written by NeuralNotebook; the numbers are in gpt-loss.dat beside this file.
# Render again from this folder with:  gnuplot gpt-loss.gp   (writes gpt-loss.png and gpt-loss.svg)
set encoding utf8
set title 'GPT: loss per character' font ',14'
set xlabel 'step'
set ylabel 'nats per character'
set grid lc rgb '#dddddd'
set key at screen 0.5, 0.015 center bottom horizontal maxrows 1
set bmargin 5.5
set autoscale xfix
set offsets 0, 0, graph 0.05, graph 0.05
set terminal pngcairo size 900,560 enhanced font 'Sans,12'
set output 'gpt-loss.png'
plot 'gpt-loss.dat' index 0 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#0072B2' title 'train (1000 words)', \
     'gpt-loss.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb '#D55E00' title 'valid (1000 words)'
set terminal svg size 900,560 enhanced font 'Sans,12' background rgb 'white'
set output 'gpt-loss.svg'
replot
set output
