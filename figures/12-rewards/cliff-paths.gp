# cliff-paths.gp — The cliff (dark): greedy paths after 500 episodes, seed 0
# Written by NeuralNotebook; the numbers are in cliff-paths.dat beside this file.
# Render again from this folder with:  gnuplot cliff-paths.gp   (writes cliff-paths.png and cliff-paths.svg)
set encoding utf8
set title 'The cliff (dark): greedy paths after 500 episodes, seed 0' font ',14'
set xrange [-0.5:11.5]
set yrange [3.5:-0.5]
set xtics 1 scale 0
set ytics 1 scale 0
set xlabel 'column'
set ylabel 'row'
set cbrange [-100:-1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
set key outside bottom center horizontal
unset colorbox
set terminal pngcairo size 1340,560 enhanced font 'Sans,12'
set output 'cliff-paths.png'
plot 'cliff-paths.dat' index 0 using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 lc palette notitle, \
     '' index 1 using 1:2:(0.5):(0.5) with boxxyerror fs solid 1.0 lc rgb '#999999' notitle, \
     '' index 4 using 1:2 with linespoints lw 3 pt 7 ps 0.8 lc rgb '#D55E00' title 'SARSA, greedy (seed 0)', \
     '' index 5 using 1:2 with linespoints lw 3 pt 7 ps 0.8 lc rgb '#0072B2' title 'Q-learning, greedy (seed 0)'
set terminal svg size 1340,560 enhanced font 'Sans,12' background rgb 'white'
set output 'cliff-paths.svg'
replot
set output
