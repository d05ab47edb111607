# confusion.gp — Test-set confusion matrices
# Written by NeuralNotebook; the numbers are in confusion.dat beside this file.
# Render again from this folder with:  gnuplot confusion.gp   (writes confusion.png and confusion.svg)
set encoding utf8
set title 'Test-set confusion matrices' font ',14'
set xlabel 'predicted'
set ylabel 'actual'
set xtics ('negative' 0, 'positive' 1) scale 0
set ytics ('mean pooling: negative' 0, 'mean pooling: positive' 1, '1-D CNN: negative' 2, '1-D CNN: positive' 3, 'LSTM: negative' 4, 'LSTM: positive' 5, 'attention pooling: negative' 6, 'attention pooling: positive' 7) scale 0
set xrange [-0.5:1.5]
set yrange [7.5:-0.5]
set cbrange [0:45]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 27
set terminal pngcairo size 420,840 enhanced font 'Sans,12'
set output 'confusion.png'
plot 'confusion.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.0f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 420,840 enhanced font 'Sans,12' background rgb 'white'
set output 'confusion.svg'
replot
set output
