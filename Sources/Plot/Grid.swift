// Grid.swift — values of a function of two variables on a rectangular grid, for surface plots.

/// z = f(x, y) sampled at every pair of `x` and `y`.
public struct Grid: Sendable {
  public var x: [Double]
  public var y: [Double]
  /// `z[i][j]` is the value at `(x[i], y[j])`.
  public var z: [[Double]]

  public init(x: [Double], y: [Double], z: [[Double]]) {
    precondition(z.count == x.count && z.allSatisfy { $0.count == y.count }, "Grid: z must be [x.count][y.count]")
    self.x = x
    self.y = y
    self.z = z
  }

  /// Samples `f` on `xCount × yCount` evenly spaced points of the rectangle.
  public init(
    x xRange: ClosedRange<Double>, y yRange: ClosedRange<Double>, xCount: Int = 81, yCount: Int = 81,
    f: (Double, Double) -> Double
  ) {
    func steps(_ r: ClosedRange<Double>, _ n: Int) -> [Double] {
      (0..<n).map {
        $0 == n - 1 ? r.upperBound : r.lowerBound + (r.upperBound - r.lowerBound) * Double($0) / Double(n - 1)
      }
    }
    let xs = steps(xRange, xCount)
    let ys = steps(yRange, yCount)
    self.init(x: xs, y: ys, z: xs.map { x in ys.map { y in f(x, y) } })
  }

  /// The grid as a gnuplot surface block: one scan line per x, separated by blank lines.
  func dataBlock() -> String {
    x.indices.map { i in block(y.indices.map { j in [x[i], y[j], z[i][j]] }) }.joined(separator: "\n")
  }

  /// The smallest and largest finite values.
  var zRange: ClosedRange<Double> {
    let finite = z.joined().filter(\.isFinite)
    return (finite.min() ?? 0)...(finite.max() ?? 1)
  }
}

/// Commands shared by every surface seen from above: a map view, a colour background, and
/// contour lines drawn at chosen levels on it.
func mapViewSettings(grid: Grid, xLabel: String, yLabel: String, levels: [Double], colorLabel: String) -> [String] {
  [
    "set view map", "set size ratio -1",
    "set xlabel \(quoted(xLabel))", "set ylabel \(quoted(yLabel))",
    "set xrange [\(formatted(grid.x.first!)):\(formatted(grid.x.last!))]",
    "set yrange [\(formatted(grid.y.first!)):\(formatted(grid.y.last!))]",
    "set contour base", "unset clabel",
    "set cntrparam levels discrete " + levels.map { formatted($0) }.joined(separator: ", "),
    "set pm3d map interpolate 2,2",
    "set cblabel \(quoted(colorLabel))",
    // A map view ignores `set key outside`; the key gets its own strip under the plot instead.
    "set key at screen 0.5,0.125 center top horizontal maxcols 2",
    "set tmargin at screen 0.9", "set bmargin at screen 0.21",
  ]
}
