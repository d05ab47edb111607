# bigram.gp — P(next | previous), bigram counts + 1
# Written by NeuralNotebook; the numbers are in bigram.dat beside this file.
# Render again from this folder with:  gnuplot bigram.gp   (writes bigram.png and bigram.svg)
set encoding utf8
set title 'P(next | previous), bigram counts + 1' font ',14'
set xlabel 'next character'
set ylabel 'previous character'
set xtics ('.' 0, 'a' 1, 'b' 2, 'c' 3, 'd' 4, 'e' 5, 'f' 6, 'g' 7, 'h' 8, 'i' 9, 'j' 10, 'k' 11, 'l' 12, 'm' 13, 'n' 14, 'o' 15, 'p' 16, 'q' 17, 'r' 18, 's' 19, 't' 20, 'u' 21, 'v' 22, 'w' 23, 'x' 24, 'y' 25, 'z' 26) scale 0
set ytics ('.' 0, 'a' 1, 'b' 2, 'c' 3, 'd' 4, 'e' 5, 'f' 6, 'g' 7, 'h' 8, 'i' 9, 'j' 10, 'k' 11, 'l' 12, 'm' 13, 'n' 14, 'o' 15, 'p' 16, 'q' 17, 'r' 18, 's' 19, 't' 20, 'u' 21, 'v' 22, 'w' 23, 'x' 24, 'y' 25, 'z' 26) scale 0
set xrange [-0.5:26.5]
set yrange [26.5:-0.5]
set cbrange [0:0.6]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.36
set terminal pngcairo size 900,860 enhanced font 'Sans,12'
set output 'bigram.png'
plot 'bigram.dat' using 1:2:3 with image
set terminal svg size 900,860 enhanced font 'Sans,12' background rgb 'white'
set output 'bigram.svg'
replot
set output
