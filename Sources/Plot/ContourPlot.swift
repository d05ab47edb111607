// ContourPlot.swift — a loss surface seen from above, with the paths optimizers took across it.

import Foundation

/// A coloured 2-D loss surface with contour lines and labelled paths drawn over it.
public struct ContourPlot: Figure {
  /// A labelled path of (x, y) points, e.g. the parameters after each gradient-descent step.
  public typealias Path = LabelledPoints

  public var name: String
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var surface: Grid
  public var paths: [Path]
  /// Labelled points drawn as markers, without lines (e.g. data points).
  public var markers: [LabelledPoints]
  /// The colour bar's label.
  public var colorLabel: String
  /// Colour by log(z): for losses whose valley is orders of magnitude below its walls.
  public var logColor: Bool
  /// How many contour lines.
  public var levelCount: Int
  public var size: (width: Int, height: Int)

  public init(
    name: String, title: String, xLabel: String, yLabel: String, surface: Grid, paths: [Path] = [],
    markers: [LabelledPoints] = [], colorLabel: String = "loss", logColor: Bool = false, levelCount: Int = 14,
    size: (width: Int, height: Int) = (900, 720)
  ) {
    self.name = name
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.surface = surface
    self.paths = paths
    self.markers = markers
    self.colorLabel = colorLabel
    self.logColor = logColor
    self.levelCount = levelCount
    self.size = size
  }

  /// Contour levels evenly spaced in z, or in log z when colouring by log (where they would
  /// otherwise all crowd the steep walls).
  var levels: [Double] {
    let range = surface.zRange
    let n = Double(levelCount + 1)
    if logColor, range.lowerBound > 0 {
      let (lo, hi) = (log10(range.lowerBound), log10(range.upperBound))
      return (1...levelCount).map { pow(10, lo + (hi - lo) * Double($0) / n) }
    }
    return (1...levelCount).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / n }
  }

  public func data() -> String {
    blocks(
      [surface.dataBlock()]
        + (paths + markers).map { $0.dataBlock() })
  }

  public func settings() -> [String] {
    mapViewSettings(grid: surface, xLabel: xLabel, yLabel: yLabel, levels: levels, colorLabel: colorLabel)
      + [viridis, "set cbrange [\(formatted(surface.zRange.lowerBound)):\(formatted(surface.zRange.upperBound))]"]
      + (logColor ? ["set logscale cb"] : [])
  }

  public func plotCommand(dataFile: String) -> String {
    var parts = [
      "'\(dataFile)' index 0 using 1:2:3 with pm3d notitle",
      "'' index 0 using 1:2:3 nosurface with lines lc rgb '#ffffff' lw 0.8 notitle",
    ]
    for (i, path) in paths.enumerated() {
      let color = seriesColors[(i + 1) % seriesColors.count]
      // Markers show the individual steps of a short path; on a long one they would hide the line.
      let style = path.points.count > 100 ? "lines lw 2" : "linespoints lw 2 pt 7 ps 0.5"
      parts.append(
        "'' index \(i + 1) using 1:2:(0) nocontours with \(style) lc rgb '\(color)' title \(quoted(path.label))"
      )
    }
    for (i, group) in markers.enumerated() {
      let color = seriesColors[(paths.count + i + 1) % seriesColors.count]
      parts.append(
        "'' index \(paths.count + i + 1) using 1:2:(0) nocontours with points pt 7 ps 1.2 lc rgb '\(color)' title \(quoted(group.label))"
      )
    }
    return "splot " + parts.joined(separator: ", \\\n      ")
  }
}
