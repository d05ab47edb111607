# descent-path.gp — The loss surface L(w, b) and the path of gradient descent
# Written by NeuralNotebook; the numbers are in descent-path.dat beside this file.
# Render again from this folder with:  gnuplot descent-path.gp   (writes descent-path.png and descent-path.svg)
set encoding utf8
set title 'The loss surface L(w, b) and the path of gradient descent' font ',14'
set view map
set size ratio -1
set xlabel 'w'
set ylabel 'b'
set xrange [-0.5:2.5]
set yrange [-1:1.5]
set contour base
unset clabel
set cntrparam levels discrete 0.1228412, 0.175672, 0.2512238, 0.3592685, 0.5137804, 0.7347436, 1.050737, 1.502632, 2.148874, 3.073047, 4.394683, 6.284719, 8.98761, 12.85294
set pm3d map interpolate 2,2
set cblabel 'loss'
set key at screen 0.5,0.125 center top horizontal maxcols 2
set tmargin at screen 0.9
set bmargin at screen 0.21
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set cbrange [0.08589855:18.38065]
set logscale cb
set terminal pngcairo size 900,720 enhanced font 'Sans,12'
set output 'descent-path.png'
splot 'descent-path.dat' index 0 using 1:2:3 with pm3d notitle, \
      '' index 0 using 1:2:3 nosurface with lines lc rgb '#ffffff' lw 0.8 notitle, \
      '' index 1 using 1:2:(0) nocontours with linespoints lw 2 pt 7 ps 0.5 lc rgb '#D55E00' title 'gradient descent, η = 0.05'
set terminal svg size 900,720 enhanced font 'Sans,12' background rgb 'white'
set output 'descent-path.svg'
replot
set output
