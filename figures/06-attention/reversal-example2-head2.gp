# reversal-example2-head2.gp — Head 2 on input 937532
# Written by NeuralNotebook; the numbers are in reversal-example2-head2.dat beside this file.
# Render again from this folder with:  gnuplot reversal-example2-head2.gp   (writes reversal-example2-head2.png and reversal-example2-head2.svg)
set encoding utf8
set title 'Head 2 on input 937532' font ',14'
set xlabel 'input digit (key)'
set ylabel 'output position (query)'
set xtics ('9' 0, '3' 1, '7' 2, '5' 3, '3' 4, '2' 5) scale 0
set ytics ('out_1' 0, 'out_2' 1, 'out_3' 2, 'out_4' 3, 'out_5' 4, 'out_6' 5) scale 0
set xrange [-0.5:5.5]
set yrange [5.5:-0.5]
set cbrange [0:1]
set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')
set size ratio -1
unset key
threshold = 0.6
set terminal pngcairo size 800,740 enhanced font 'Sans,12'
set output 'reversal-example2-head2.png'
plot 'reversal-example2-head2.dat' using 1:2:3 with image, \
     '' using 1:2:(sprintf('%.2f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'
set terminal svg size 800,740 enhanced font 'Sans,12' background rgb 'white'
set output 'reversal-example2-head2.svg'
replot
set output
