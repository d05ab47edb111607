# samples.gp — Fashion-MNIST: two training images of each class
# Written by NeuralNotebook; the numbers are in samples.dat beside this file.
# Render again from this folder with:  gnuplot samples.gp   (writes samples.png and samples.svg)
set encoding utf8
set title 'Fashion-MNIST: two training images of each class' font ',14'
unset key
unset xtics
unset ytics
unset border
set size ratio -1
set xrange [-0.5:309.74]
set yrange [74.54:-0.5]
set cbrange [0:1]
set palette gray
ox(i) = (i % 10) * 31.36
oy(i) = int(i / 10) * 39.2
set label 1 'T-shirt/top' at 13.5,31.42 center font ',10'
set label 2 'Trouser' at 44.86,31.42 center font ',10'
set label 3 'Pullover' at 76.22,31.42 center font ',10'
set label 4 'Dress' at 107.58,31.42 center font ',10'
set label 5 'Coat' at 138.94,31.42 center font ',10'
set label 6 'Sandal' at 170.3,31.42 center font ',10'
set label 7 'Shirt' at 201.66,31.42 center font ',10'
set label 8 'Sneaker' at 233.02,31.42 center font ',10'
set label 9 'Bag' at 264.38,31.42 center font ',10'
set label 10 'Ankle boot' at 295.74,31.42 center font ',10'
set label 11 'T-shirt/top' at 13.5,70.62 center font ',10'
set label 12 'Trouser' at 44.86,70.62 center font ',10'
set label 13 'Pullover' at 76.22,70.62 center font ',10'
set label 14 'Dress' at 107.58,70.62 center font ',10'
set label 15 'Coat' at 138.94,70.62 center font ',10'
set label 16 'Sandal' at 170.3,70.62 center font ',10'
set label 17 'Shirt' at 201.66,70.62 center font ',10'
set label 18 'Sneaker' at 233.02,70.62 center font ',10'
set label 19 'Bag' at 264.38,70.62 center font ',10'
set label 20 'Ankle boot' at 295.74,70.62 center font ',10'
set terminal pngcairo size 1060,318 enhanced font 'Sans,12'
set output 'samples.png'
plot for [i=0:19] 'samples.dat' index i matrix using ($1 + ox(i)):($2 + oy(i)):3 with image
set terminal svg size 1060,318 enhanced font 'Sans,12' background rgb 'white'
set output 'samples.svg'
replot
set output
