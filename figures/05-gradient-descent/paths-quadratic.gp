# paths-quadratic.gp — f(x, y) = ½(x² + 25y²): paths of three optimizers
# Written by NeuralNotebook; the numbers are in paths-quadratic.dat beside this file.
# Render again from this folder with:  gnuplot paths-quadratic.gp   (writes paths-quadratic.png and paths-quadratic.svg)
set encoding utf8
set title 'f(x, y) = ½(x² + 25y²): paths of three optimizers' font ',14'
set view map
set size ratio -1
set xlabel 'x'
set ylabel 'y'
set xrange [-4.5:1.5]
set yrange [-2:2]
set contour base
unset clabel
set cntrparam levels discrete 0.002082592, 0.004337189, 0.009032593, 0.01881121, 0.03917606, 0.08158774, 0.169914, 0.3538614, 0.7369489, 1.534764, 3.196286, 6.65656, 13.8629, 28.87076
set pm3d map interpolate 2,2
set cblabel 'f'
set key at screen 0.5,0.125 center top horizontal maxcols 2
set tmargin at screen 0.9
set bmargin at screen 0.21
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set cbrange [0.001:60.126]
set logscale cb
set terminal pngcairo size 900,720 enhanced font 'Sans,12'
set output 'paths-quadratic.png'
splot 'paths-quadratic.dat' index 0 using 1:2:3 with pm3d notitle, \
      '' index 0 using 1:2:3 nosurface with lines lc rgb '#ffffff' lw 0.8 notitle, \
      '' index 1 using 1:2:(0) nocontours with linespoints lw 2 pt 7 ps 0.5 lc rgb '#D55E00' title 'SGD, η = 0.07', \
      '' index 2 using 1:2:(0) nocontours with linespoints lw 2 pt 7 ps 0.5 lc rgb '#009E73' title 'momentum 0.6, η = 0.05', \
      '' index 3 using 1:2:(0) nocontours with linespoints lw 2 pt 7 ps 0.5 lc rgb '#CC79A7' title 'Adam, η = 0.3', \
      '' index 4 using 1:2:(0) nocontours with points pt 7 ps 1.2 lc rgb '#E69F00' title 'minimum'
set terminal svg size 900,720 enhanced font 'Sans,12' background rgb 'white'
set output 'paths-quadratic.svg'
replot
set output
