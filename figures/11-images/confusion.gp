# confusion.gp — CNN on 1000 test images: how often class r is predicted as c
# Written by NeuralNotebook; the numbers are in confusion.dat beside this file.
# Render again from this folder with:  gnuplot confusion.gp   (writes confusion.png and confusion.svg)
set encoding utf8
set title 'CNN on 1000 test images: how often class r is predicted as c' font ',14'
set xlabel 'predicted'
set ylabel 'true'
set xtics ('T-shirt' 0, 'Trouser' 1, 'Pullover' 2, 'Dress' 3, 'Coat' 4, 'Sandal' 5, 'Shirt' 6, 'Sneaker' 7, 'Bag' 8, 'Boot' 9) scale 0
set ytics ('T-shirt' 0, 'Trouser' 1, 'Pullover' 2, 'Dress' 3, 'Coat' 4, 'Sandal' 5, 'Shirt' 6, 'Sneaker' 7, 'Bag' 8, 'Boot' 9) scale 0
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set cbrange [0:100]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 60
set terminal pngcairo size 900,840 enhanced font 'Sans,12'
set output 'confusion.png'
plot 'confusion.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.0f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 900,840 enhanced font 'Sans,12' background rgb 'white'
set output 'confusion.svg'
replot
set output
