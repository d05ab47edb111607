# paths-rosenbrock.gp — f(x, y) = (1 − x)² + 100(y − x²)²: paths of three optimizers
# Written by NeuralNotebook; the numbers are in paths-rosenbrock.dat beside this file.
# Render again from this folder with:  gnuplot paths-rosenbrock.gp   (writes paths-rosenbrock.png and paths-rosenbrock.svg)
set encoding utf8
set title 'f(x, y) = (1 − x)² + 100(y − x²)²: paths of three optimizers' font ',14'
set view map
set size ratio -1
set xlabel 'x'
set ylabel 'y'
set xrange [-2:2]
set yrange [-1:3]
set contour base
unset clabel
set cntrparam levels discrete 0.002670751, 0.007132911, 0.01905023, 0.05087841, 0.1358836, 0.3629112, 0.9692453, 2.588613, 6.91354, 18.46434, 49.31366, 131.7045, 351.75, 939.4365
set pm3d map interpolate 2,2
set cblabel 'f'
set key at screen 0.5,0.125 center top horizontal maxcols 2
set tmargin at screen 0.9
set bmargin at screen 0.21
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set cbrange [0.001:2509.001]
set logscale cb
set terminal pngcairo size 900,720 enhanced font 'Sans,12'
set output 'paths-rosenbrock.png'
splot 'paths-rosenbrock.dat' index 0 using 1:2:3 with pm3d notitle, \
      '' index 0 using 1:2:3 nosurface with lines lc rgb '#ffffff' lw 0.8 notitle, \
      '' index 1 using 1:2:(0) nocontours with lines lw 2 lc rgb '#D55E00' title 'SGD, η = 0.001', \
      '' index 2 using 1:2:(0) nocontours with lines lw 2 lc rgb '#009E73' title 'momentum 0.9, η = 0.0003', \
      '' index 3 using 1:2:(0) nocontours with lines lw 2 lc rgb '#CC79A7' title 'Adam, η = 0.02', \
      '' index 4 using 1:2:(0) nocontours with points pt 7 ps 1.2 lc rgb '#E69F00' title 'minimum'
set terminal svg size 900,720 enhanced font 'Sans,12' background rgb 'white'
set output 'paths-rosenbrock.svg'
replot
set output
