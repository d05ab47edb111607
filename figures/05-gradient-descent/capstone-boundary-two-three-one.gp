# capstone-boundary-two-three-one.gp — Two moons: the 2-3-1 sigmoid network's decision boundary
# Written by NeuralNotebook; the numbers are in capstone-boundary-two-three-one.dat beside this file.
# Render again from this folder with:  gnuplot capstone-boundary-two-three-one.gp   (writes capstone-boundary-two-three-one.png and capstone-boundary-two-three-one.svg)
set encoding utf8
set title 'Two moons: the 2-3-1 sigmoid network''s decision boundary' font ',14'
set view map
set size ratio -1
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-1.5:2.5]
set yrange [-1:1.5]
set contour base
unset clabel
set cntrparam levels discrete 0.5
set pm3d map interpolate 2,2
set cblabel 'P(class 1)'
set key at screen 0.5,0.125 center top horizontal maxcols 2
set tmargin at screen 0.9
set bmargin at screen 0.21
set palette defined (0 '#b3d1ea', 0.5 '#f7f7f7', 1 '#f9c89b')
set cbrange [0:1]
set terminal pngcairo size 820,760 enhanced font 'Sans,12'
set output 'capstone-boundary-two-three-one.png'
splot 'capstone-boundary-two-three-one.dat' index 0 using 1:2:3 with pm3d notitle, \
      '' index 0 using 1:2:3 nosurface with lines lw 2 lc rgb '#333333' title 'boundary, p = 0.5', \
      '' index 1 using 1:2:(0) nocontours with points pt 7 ps 0.9 lc rgb '#0072B2' title 'class 0', \
      '' index 2 using 1:2:(0) nocontours with points pt 5 ps 0.9 lc rgb '#D55E00' title 'class 1'
set terminal svg size 820,760 enhanced font 'Sans,12' background rgb 'white'
set output 'capstone-boundary-two-three-one.svg'
replot
set output
