# output-plane.gp — ŷ of the 2-3-1 network over the input plane
# Written by NeuralNotebook; the numbers are in output-plane.dat beside this file.
# Render again from this folder with:  gnuplot output-plane.gp   (writes output-plane.png and output-plane.svg)
set encoding utf8
set title 'ŷ of the 2-3-1 network over the input plane' font ',14'
set view map
set size ratio -1
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-4:4]
set yrange [-4:4]
set contour base
unset clabel
set cntrparam levels discrete 0.593019, 0.6114523, 0.6298855, 0.6483188, 0.6667521, 0.6851854, 0.7036187, 0.722052, 0.7404853, 0.7589186
set pm3d map interpolate 2,2
set cblabel 'ŷ'
set key at screen 0.5,0.125 center top horizontal maxcols 2
set tmargin at screen 0.9
set bmargin at screen 0.21
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set cbrange [0.5745857:0.7773519]
set terminal pngcairo size 900,720 enhanced font 'Sans,12'
set output 'output-plane.png'
splot 'output-plane.dat' index 0 using 1:2:3 with pm3d notitle, \
      '' index 0 using 1:2:3 nosurface with lines lc rgb '#ffffff' lw 0.8 notitle, \
      '' index 1 using 1:2:(0) nocontours with points pt 7 ps 1.2 lc rgb '#D55E00' title 'the batch X'
set terminal svg size 900,720 enhanced font 'Sans,12' background rgb 'white'
set output 'output-plane.svg'
replot
set output
