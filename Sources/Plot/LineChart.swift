// LineChart.swift — lines of y against x: loss curves, train vs. validation, a function and its derivative.

/// One or more labelled series of (x, y) points joined by lines.
///
/// ```swift
/// LineChart(name: "loss", title: "Training loss", xLabel: "epoch", yLabel: "loss", logY: true,
///           series: [.init("train", x: epochs, y: trainLoss), .init("validation", x: epochs, y: validLoss)])
/// ```
public struct LineChart: Figure {
  /// One labelled line.
  public struct Series: Sendable {
    public var label: String
    public var x: [Double]
    public var y: [Double]
    /// Draw markers at the points as well as the line.
    public var points: Bool
    /// Dashed instead of solid.
    public var dashed: Bool

    public init(_ label: String, x: [Double], y: [Double], points: Bool = false, dashed: Bool = false) {
      precondition(x.count == y.count, "LineChart.Series \(label): \(x.count) x values but \(y.count) y values")
      self.label = label
      self.x = x
      self.y = y
      self.points = points
      self.dashed = dashed
    }
  }

  public var name: String
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [Series]
  /// A logarithmic y axis (for losses that fall over orders of magnitude).
  public var logY: Bool
  /// A logarithmic x axis (for sizes that double).
  public var logX: Bool
  /// Draw the lines x = 0 and y = 0 (for function plots).
  public var zeroAxes: Bool
  public var size: (width: Int, height: Int)

  public init(
    name: String, title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false,
    logX: Bool = false, zeroAxes: Bool = false, size: (width: Int, height: Int) = (900, 560)
  ) {
    self.name = name
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.logY = logY
    self.logX = logX
    self.zeroAxes = zeroAxes
    self.size = size
  }

  /// A function and its derivative sampled at `x`, on zero axes.
  public static func function(
    name: String, title: String, x: [Double], f: (Double) -> Double, derivative: (Double) -> Double,
    functionLabel: String = "f(x)", derivativeLabel: String = "f′(x)", xLabel: String = "x"
  ) -> LineChart {
    LineChart(
      name: name, title: title, xLabel: xLabel, yLabel: "",
      series: [
        Series(functionLabel, x: x, y: x.map(f)), Series(derivativeLabel, x: x, y: x.map(derivative), dashed: true),
      ], zeroAxes: true)
  }

  public func data() -> String {
    blocks(series.map { s in block(zip(s.x, s.y).map { [$0, $1] }, comment: s.label) })
  }

  public func settings() -> [String] {
    var lines = [
      "set xlabel \(quoted(xLabel))", "set ylabel \(quoted(yLabel))",
      "set grid lc rgb '#dddddd'",
      // The key below the plot never covers a curve; x spans the data exactly, y gets a margin.
      keyPlacement, "set bmargin \(bottomMargin)",
      "set autoscale xfix", "set offsets 0, 0, graph 0.05, graph 0.05",
    ]
    if logY { lines += ["set logscale y", "set format y '10^{%L}'"] }
    if logX { lines.append("set logscale x 2") }
    if zeroAxes { lines += ["set xzeroaxis lt 1 lc rgb '#888888'", "set yzeroaxis lt 1 lc rgb '#888888'"] }
    return lines
  }

  /// The rows of the key below the plot, estimated as gnuplot lays a key out: every entry as wide
  /// as the longest title plus its line sample (about 9 pixels a character for the 12-point font,
  /// 8 characters for the sample and the gaps), as many entries to a row as fit in the width.
  var keyRows: Int {
    guard let longest = series.map(\.label.count).max() else { return 0 }
    let perRow = max(1, size.width / ((longest + 8) * 9))
    return (series.count + perRow - 1) / perRow
  }

  /// Up to two rows, gnuplot wraps the key itself and it fits under the x label. A longer key is
  /// laid out in columns of exactly ``keyRows`` rows, so that the margin below can be made to fit
  /// it: left to gnuplot, a third row covered the x label (chapter 09's overfitting figure).
  var keyPlacement: String {
    keyRows <= 2
      ? "set key at screen 0.5, 0.015 center bottom horizontal maxrows 1"
      : "set key at screen 0.5, 0.015 center bottom vertical maxrows \(keyRows)"
  }

  /// The lines (in character heights) below the axis: tic labels, the x label and a key of up to two
  /// rows fit in 5.5; each further row of the key needs about 1.2 more.
  var bottomMargin: String {
    let tenths = 55 + 12 * max(0, keyRows - 2)
    return "\(tenths / 10).\(tenths % 10)"
  }

  public func plotCommand(dataFile: String) -> String {
    let parts = series.enumerated().map { i, s in
      let style = s.points ? "linespoints pt 7 ps 0.6" : "lines"
      let dash = s.dashed ? " dt 2" : ""
      let color = seriesColors[i % seriesColors.count]
      return "'\(dataFile)' index \(i) using 1:2 with \(style) lw 2\(dash) lc rgb '\(color)' title \(quoted(s.label))"
    }
    return "plot " + parts.joined(separator: ", \\\n     ")
  }
}
