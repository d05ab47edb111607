# wrong.gp — Confidently wrong: true class → predicted (probability)
# Written by NeuralNotebook; the numbers are in wrong.dat beside this file.
# Render again from this folder with:  gnuplot wrong.gp   (writes wrong.png and wrong.svg)
set encoding utf8
set title 'Confidently wrong: true class → predicted (probability)' font ',14'
unset key
unset xtics
unset ytics
unset border
set size ratio -1
set xrange [-0.5:184.3]
set yrange [74.54:-0.5]
set cbrange [0:1]
set palette gray
ox(i) = (i % 6) * 31.36
oy(i) = int(i / 6) * 39.2
set label 1 'Pullover → Coat 0.99' at 13.5,31.42 center font ',10'
set label 2 'Shirt → T-shirt 0.98' at 44.86,31.42 center font ',10'
set label 3 'Pullover → Coat 0.97' at 76.22,31.42 center font ',10'
set label 4 'Shirt → T-shirt 0.96' at 107.58,31.42 center font ',10'
set label 5 'Shirt → T-shirt 0.96' at 138.94,31.42 center font ',10'
set label 6 'Shirt → T-shirt 0.94' at 170.3,31.42 center font ',10'
set label 7 'Shirt → T-shirt 0.94' at 13.5,70.62 center font ',10'
set label 8 'Shirt → Coat 0.93' at 44.86,70.62 center font ',10'
set label 9 'Sneaker → Sandal 0.92' at 76.22,70.62 center font ',10'
set label 10 'Trouser → Dress 0.92' at 107.58,70.62 center font ',10'
set label 11 'Pullover → Coat 0.91' at 138.94,70.62 center font ',10'
set label 12 'T-shirt → Coat 0.91' at 170.3,70.62 center font ',10'
set terminal pngcairo size 1180,478 enhanced font 'Sans,12'
set output 'wrong.png'
plot for [i=0:11] 'wrong.dat' index i matrix using ($1 + ox(i)):($2 + oy(i)):3 with image
set terminal svg size 1180,478 enhanced font 'Sans,12' background rgb 'white'
set output 'wrong.svg'
replot
set output
