# attention-words.gp — Attention pooling's weight on each word
# Written by NeuralNotebook; the numbers are in attention-words.dat beside this file.
# Render again from this folder with:  gnuplot attention-words.gp   (writes attention-words.png and attention-words.svg)
set encoding utf8
set title 'Attention pooling''s weight on each word' font ',14'
set xlabel 'word position'
set ylabel ''
set xtics ('1' 0, '2' 1, '3' 2, '4' 3, '5' 4, '6' 5, '7' 6, '8' 7) scale 0
set ytics ('this is a great service' 0, 'the album was not amazing' 1, 'the room looked enjoyable but it was bad' 2, 'the pizza looked useless but it was superb' 3) scale 0
set xrange [-0.5:7.5]
set yrange [3.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 900,520 enhanced font 'Sans,12'
set output 'attention-words.png'
plot 'attention-words.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 900,520 enhanced font 'Sans,12' background rgb 'white'
set output 'attention-words.svg'
replot
set output
