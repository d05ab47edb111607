// ImageGrid.swift — small images side by side, each with a caption: samples of a data set,
// learned filters, feature maps.

/// Grey-level (or signed) images laid out in a grid, each captioned underneath.
///
/// Each image is one data block (gnuplot `matrix`, read with `index i`), placed by its position
/// in the grid; row 0 of an image is drawn at the top, as it is stored.
public struct ImageGrid: Figure {
  /// How values map to colours.
  public enum Palette: Sendable {
    /// Black (low) to white (high): photographs, activations.
    case grey
    /// Blue (negative), white (0), red (positive), symmetric about 0: weights.
    case signed
  }

  public var name: String
  public var title: String
  /// `images[i][row][column]`, all of one size.
  public var images: [[[Double]]]
  public var captions: [String]
  public var columns: Int
  public var palette: Palette
  /// The colour scale's range (nil: from the values; symmetric about 0 for `.signed`).
  public var range: ClosedRange<Double>?
  public var size: (width: Int, height: Int)

  public init(
    name: String, title: String, images: [[[Double]]], captions: [String], columns: Int, palette: Palette = .grey,
    range: ClosedRange<Double>? = nil, tileSize: Int = 90
  ) {
    precondition(!images.isEmpty && images.count == captions.count, "ImageGrid \(name): one caption per image")
    precondition(images.allSatisfy { $0.count == images[0].count && $0.allSatisfy { $0.count == images[0][0].count } })
    self.name = name
    self.title = title
    self.images = images
    self.captions = captions
    self.columns = columns
    self.palette = palette
    self.range = range
    let rows = (images.count + columns - 1) / columns
    self.size = (columns * tileSize + 160, rows * (tileSize + 24) + 90)
  }

  var height: Int { images[0].count }
  var width: Int { images[0][0].count }
  /// The gap between tiles, and the room left under each for its caption, in pixels of the images.
  var gap: Double { Double(max(width, height)) * 0.12 }
  var captionRoom: Double { Double(height) * 0.28 }

  public func data() -> String {
    blocks(
      images.enumerated().map { i, image in
        "# image \(i): \(captions[i])\n"
          + image.map { $0.map { formatted($0) }.joined(separator: " ") }.joined(separator: "\n")
      })
  }

  public func settings() -> [String] {
    let rows = (images.count + columns - 1) / columns
    let (w, h) = (Double(width), Double(height))
    let values = images.joined().joined().filter(\.isFinite)
    var r = range ?? ((values.min() ?? 0)...(values.max() ?? 1))
    if range == nil, palette == .signed {
      let m = max(abs(r.lowerBound), abs(r.upperBound), 1e-12)
      r = -m...m
    }
    var lines = [
      "unset key", "unset xtics", "unset ytics", "unset border", "set size ratio -1",
      "set xrange [-0.5:\(formatted(Double(columns) * (w + gap) - gap - 0.5))]",
      "set yrange [\(formatted(Double(rows) * (h + gap + captionRoom) - gap - 0.5)):-0.5]",
      "set cbrange [\(formatted(r.lowerBound)):\(formatted(r.upperBound))]",
      palette == .grey
        ? "set palette gray" : "set palette defined (0 '#2166ac', 0.5 '#f7f7f7', 1 '#b2182b')",
      "ox(i) = (i % \(columns)) * \(formatted(w + gap))",
      "oy(i) = int(i / \(columns)) * \(formatted(h + gap + captionRoom))",
    ]
    for (i, caption) in captions.enumerated() {
      let x = Double(i % columns) * (w + gap) + (w - 1) / 2
      let y = Double(i / columns) * (h + gap + captionRoom) + h - 0.5 + captionRoom * 0.5
      lines.append("set label \(i + 1) \(quoted(caption)) at \(formatted(x)),\(formatted(y)) center font ',10'")
    }
    return lines
  }

  public func plotCommand(dataFile: String) -> String {
    "plot for [i=0:\(images.count - 1)] '\(dataFile)' index i matrix using ($1 + ox(i)):($2 + oy(i)):3 with image"
  }
}
