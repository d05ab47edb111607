// ScatterPlot.swift — labelled points, optionally over a classifier's probability with its
// decision boundary.

/// Groups of labelled points (one group per class); with a background, the model's
/// probability fills the plane and the line where it crosses `boundaryLevel` is drawn.
public struct ScatterPlot: Figure {
  /// One group of points (a class).
  public typealias Group = LabelledPoints

  public var name: String
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var groups: [Group]
  /// The model's output over the plane (a probability in [0, 1]), or nil for points only.
  public var background: Grid?
  /// Where the decision boundary is drawn.
  public var boundaryLevel: Double
  /// The colour bar's label.
  public var backgroundLabel: String
  public var size: (width: Int, height: Int)

  public init(
    name: String, title: String, xLabel: String = "x_1", yLabel: String = "x_2", groups: [Group],
    background: Grid? = nil, boundaryLevel: Double = 0.5, backgroundLabel: String = "P(class 1)",
    size: (width: Int, height: Int) = (820, 760)
  ) {
    self.name = name
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.groups = groups
    self.background = background
    self.boundaryLevel = boundaryLevel
    self.backgroundLabel = backgroundLabel
    self.size = size
  }

  /// One group per class: `points[i]` goes to the group "class labels[i]", classes in order.
  public static func groups(points: [[Double]], labels: [Double]) -> [Group] {
    Set(labels).sorted().map { label in
      Group(
        "class \(Int(label))",
        points: points.indices.filter { labels[$0] == label }.map { (points[$0][0], points[$0][1]) })
    }
  }

  private static let markers = [7, 5, 9, 11, 13]

  public func data() -> String {
    blocks(
      (background.map { [$0.dataBlock()] } ?? [])
        + groups.map { $0.dataBlock() })
  }

  public func settings() -> [String] {
    guard let background else {
      return [
        "set xlabel \(quoted(xLabel))", "set ylabel \(quoted(yLabel))", "set size ratio -1",
        "set grid lc rgb '#dddddd'", "set key outside center bottom horizontal box opaque",
      ]
    }
    return mapViewSettings(
      grid: background, xLabel: xLabel, yLabel: yLabel, levels: [boundaryLevel], colorLabel: backgroundLabel)
      + ["set palette defined (0 '#b3d1ea', 0.5 '#f7f7f7', 1 '#f9c89b')", "set cbrange [0:1]"]
  }

  public func plotCommand(dataFile: String) -> String {
    let first = background == nil ? 0 : 1
    let points = groups.enumerated().map { i, g in
      let style = "pt \(Self.markers[i % Self.markers.count]) ps 0.9 lc rgb '\(seriesColors[i % seriesColors.count])'"
      let using = background == nil ? "1:2" : "1:2:(0) nocontours"
      return
        "'\(i == 0 && first == 0 ? dataFile : "")' index \(first + i) using \(using) with points \(style) title \(quoted(g.label))"
    }
    guard background != nil else { return "plot " + points.joined(separator: ", \\\n     ") }
    let surface = [
      "'\(dataFile)' index 0 using 1:2:3 with pm3d notitle",
      "'' index 0 using 1:2:3 nosurface with lines lw 2 lc rgb '#333333' title \(quoted("boundary, p = \(formatted(boundaryLevel))"))",
    ]
    return "splot " + (surface + points).joined(separator: ", \\\n      ")
  }
}
