// Heatmap.swift — a matrix drawn as coloured cells, each with its value printed, and a colour bar.

/// A matrix as coloured cells with row and column labels: attention weights, confusion matrices.
///
/// Row 0 is drawn at the top, as the matrix is printed.
public struct Heatmap: Figure {
  public var name: String
  public var title: String
  /// `values[row][column]`.
  public var values: [[Double]]
  public var rowLabels: [String]
  public var columnLabels: [String]
  public var xLabel: String
  public var yLabel: String
  /// The colour scale's range (nil: from the values).
  public var range: ClosedRange<Double>?
  /// Print each cell's value (with this many decimals), or nil for none (large matrices).
  public var decimals: Int?
  public var size: (width: Int, height: Int)

  public init(
    name: String, title: String, values: [[Double]], rowLabels: [String], columnLabels: [String],
    xLabel: String = "", yLabel: String = "", range: ClosedRange<Double>? = nil, decimals: Int? = 2,
    size: (width: Int, height: Int)? = nil
  ) {
    precondition(values.count == rowLabels.count, "Heatmap \(name): \(values.count) rows, \(rowLabels.count) labels")
    precondition(
      values.allSatisfy { $0.count == columnLabels.count },
      "Heatmap \(name): rows must have \(columnLabels.count) values")
    self.name = name
    self.title = title
    self.values = values
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.range = range
    self.decimals = decimals
    // Roughly square cells, between 60 and 90 pixels, plus room for labels and the colour bar.
    let cell = max(40, min(90, 640 / max(columnLabels.count, rowLabels.count, 1)))
    self.size = size ?? (columnLabels.count * cell + 260, rowLabels.count * cell + 200)
  }

  public func data() -> String {
    var rows: [[Double]] = []
    for (r, row) in values.enumerated() {
      for (c, v) in row.enumerated() { rows.append([Double(c), Double(r), v]) }
    }
    return block(rows, comment: "column row value")
  }

  public func settings() -> [String] {
    func tics(_ labels: [String]) -> String {
      "(" + labels.enumerated().map { "\(quoted($1)) \($0)" }.joined(separator: ", ") + ")"
    }
    let finite = values.joined().filter(\.isFinite)
    let r = range ?? ((finite.min() ?? 0)...(finite.max() ?? 1))
    return [
      "set xlabel \(quoted(xLabel))", "set ylabel \(quoted(yLabel))",
      "set xtics \(tics(columnLabels)) scale 0", "set ytics \(tics(rowLabels)) scale 0",
      "set xrange [-0.5:\(formatted(Double(columnLabels.count) - 0.5))]",
      // From high to low: row 0 at the top.
      "set yrange [\(formatted(Double(rowLabels.count) - 0.5)):-0.5]",
      "set cbrange [\(formatted(r.lowerBound)):\(formatted(r.upperBound))]",
      viridis, "set size ratio -1", "unset key",
      // Dark text on the light (high) end of viridis, white on the dark end.
      "threshold = \(formatted(r.lowerBound + 0.6 * (r.upperBound - r.lowerBound)))",
    ]
  }

  public func plotCommand(dataFile: String) -> String {
    var command = "plot '\(dataFile)' using 1:2:3 with image"
    if let decimals {
      command +=
        ", \\\n     '' using 1:2:(sprintf('%.\(decimals)f', $3)):($3 > threshold ? 0 : 0xffffff) with labels tc rgb variable font ',11'"
    }
    return command
  }
}
