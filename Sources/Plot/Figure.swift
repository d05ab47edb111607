// Figure.swift — what every figure kind provides: its data and the gnuplot commands that draw it.

import Foundation

/// A chart that can be written as a data file plus a gnuplot script.
///
/// Each figure kind (``LineChart``, ``ScatterPlot``, ``ContourPlot``, ``Heatmap``) turns its
/// numbers into `NAME.dat` and its look into `NAME.gp`; ``FigureWriter`` writes both and asks
/// gnuplot for `NAME.png` and `NAME.svg`.
public protocol Figure: Sendable {
  /// The file name without extension, e.g. `"loss"`.
  var name: String { get }
  /// The title printed above the chart.
  var title: String { get }
  /// Width and height in pixels.
  var size: (width: Int, height: Int) { get }
  /// The contents of `NAME.dat`: blocks separated by two blank lines, read with `index N`.
  func data() -> String
  /// gnuplot commands that set the chart up (axes, labels, palette), before the terminal is chosen.
  func settings() -> [String]
  /// The `plot`/`splot` command, reading `dataFile`.
  func plotCommand(dataFile: String) -> String
}

extension Figure {
  /// The whole script: header, settings, then the same plot to PNG and to SVG.
  public func script() -> String {
    let font = "font 'Sans,12'"
    let (w, h) = size
    var lines = [
      "# \(name).gp — \(title)",
      "# Written by NeuralNotebook; the numbers are in \(name).dat beside this file.",
      "# Render again from this folder with:  gnuplot \(name).gp   (writes \(name).png and \(name).svg)",
      "set encoding utf8",
      "set title \(quoted(title)) font ',14'",
    ]
    lines += settings()
    lines += [
      "set terminal pngcairo size \(w),\(h) enhanced \(font)",
      "set output '\(name).png'",
      plotCommand(dataFile: "\(name).dat"),
      "set terminal svg size \(w),\(h) enhanced \(font) background rgb 'white'",
      "set output '\(name).svg'",
      "replot",
      "set output",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}

/// (x, y) points under one legend label: a class of a scatter plot, a path over a contour plot.
public struct LabelledPoints: Sendable {
  public var label: String
  public var points: [(x: Double, y: Double)]

  public init(_ label: String, points: [(x: Double, y: Double)]) {
    self.label = label
    self.points = points
  }

  /// The points as a data block headed by the label.
  func dataBlock() -> String { block(points.map { [$0.x, $0.y] }, comment: label) }
}

/// A gnuplot string literal: single quotes, with a quote inside written twice.
public func quoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}

/// How a value that is not a finite number is spelled.
public enum NonFiniteSpelling: Sendable {
  /// `NaN`, `Inf`, `-Inf`: what gnuplot reads in data files (a NaN point is skipped).
  case gnuplot
  /// `nan`, `inf`, `-inf`: what Swift and C print, and what the chapters' texts show.
  case text
}

/// A number as the book writes it, in data files and in the chapters' text alike: `digits`
/// significant digits (trailing zeros dropped), never "-0". Seven digits are far below what a
/// picture can show and the text's own precision.
public func formatted(_ x: Double, digits: Int = 7, spelling: NonFiniteSpelling = .gnuplot) -> String {
  if x.isNaN { return spelling == .gnuplot ? "NaN" : "nan" }
  if x.isInfinite { return (x > 0 ? "" : "-") + (spelling == .gnuplot ? "Inf" : "inf") }
  if x == 0 { return "0" }  // no "-0"
  return String(format: "%.\(digits)g", x)
}

/// Rows of numbers, one line each, as a data block.
func block(_ rows: [[Double]], comment: String? = nil) -> String {
  var text = comment.map { "# \($0)\n" } ?? ""
  for row in rows { text += row.map { formatted($0) }.joined(separator: " ") + "\n" }
  return text
}

/// Blocks joined the way gnuplot's `index` counts them: two blank lines between.
func blocks(_ parts: [String]) -> String {
  parts.joined(separator: "\n\n")
}

/// Colours that stay distinct for colour-blind readers (Okabe–Ito), used in order.
let seriesColors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

/// The viridis palette: even steps in lightness, readable in grey.
let viridis = "set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')"
