# confusion.gp — Confusion matrices, 88 test sentences
# Written by NeuralNotebook; the numbers are in confusion.dat beside this file.
# Render again from this folder with:  gnuplot confusion.gp   (writes confusion.png and confusion.svg)
set encoding utf8
set title 'Confusion matrices, 88 test sentences' font ',14'
set xlabel 'TN: negative as negative, FP: negative as positive, FN, TP alike'
set ylabel ''
set xtics ('TN' 0, 'FP' 1, 'FN' 2, 'TP' 3) scale 0
set ytics ('mean pooling' 0, '1-D CNN' 1, 'LSTM' 2, 'attention pooling' 3) scale 0
set xrange [-0.5:3.5]
set yrange [3.5:-0.5]
set cbrange [0:45]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 27
set terminal pngcairo size 760,520 enhanced font 'Sans,12'
set output 'confusion.png'
plot 'confusion.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.0f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 760,520 enhanced font 'Sans,12' background rgb 'white'
set output 'confusion.svg'
replot
set output
