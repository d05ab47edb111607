# source-example-weights.gp — Article 004's example: attention weights
# Written by NeuralNotebook; the numbers are in source-example-weights.dat beside this file.
# Render again from this folder with:  gnuplot source-example-weights.gp   (writes source-example-weights.png and source-example-weights.svg)
set encoding utf8
set title 'Article 004''s example: attention weights' font ',14'
set xlabel 'key position'
set ylabel 'query position'
set xtics ('k_1' 0, 'k_2' 1, 'k_3' 2, 'k_4' 3, 'k_5' 4) scale 0
set ytics ('q_1' 0, 'q_2' 1, 'q_3' 2, 'q_4' 3, 'q_5' 4) scale 0
set xrange [-0.5:4.5]
set yrange [4.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 710,650 enhanced font 'Sans,12'
set output 'source-example-weights.png'
plot 'source-example-weights.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 710,650 enhanced font 'Sans,12' background rgb 'white'
set output 'source-example-weights.svg'
replot
set output
