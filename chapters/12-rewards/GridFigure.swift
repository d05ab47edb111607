// GridFigure.swift — a grid world drawn: each state's value as a coloured cell, walls grey, a
// policy's action as an arrow in each cell, and paths walked through the grid.

import Plot

/// A grid world's values as a heatmap, with an arrow per state and paths on top.
struct GridFigure: Figure {
  let name: String
  let title: String
  let mdp: MDP
  /// One value per state (coloured), or nil for a plain grid.
  let values: [Double]?
  /// One action per non-terminal state, drawn as an arrow (empty for none).
  let arrows: [Int]
  /// Paths of (column, row) points, each under its label.
  let paths: [LabelledPoints]
  /// Words written in cells: (state, text).
  var labels: [(state: Int, text: String)] = []
  /// Whether to show the colour scale.
  var colorBox = true
  var size: (width: Int, height: Int) { (mdp.columns * 90 + 260, mdp.rows * 90 + 200) }

  /// Rows of numbers as a data block (the library's own is internal to Plot).
  private func block(_ rows: [[Double]], _ comment: String) -> String {
    "# \(comment)\n" + rows.map { $0.map { formatted($0) }.joined(separator: " ") + "\n" }.joined()
  }

  func data() -> String {
    var cells: [[Double]] = []
    var walls: [[Double]] = []
    for r in 0..<mdp.rows {
      for c in 0..<mdp.columns {
        if let s = mdp.state(row: r, column: c) {
          cells.append([Double(c), Double(r), values?[s] ?? 0])
        } else {
          walls.append([Double(c), Double(r)])
        }
      }
    }
    // An arrow from 0.3 of a cell behind the centre to 0.3 ahead, in the action's direction.
    let vectors = mdp.cells.indices.filter { !arrows.isEmpty && !mdp.isTerminal($0) }.map { s -> [Double] in
      let (dr, dc) = MDP.moves[arrows[s]]
      let (x, y) = (Double(mdp.cells[s].column), Double(mdp.cells[s].row))
      return [x - 0.3 * Double(dc), y - 0.3 * Double(dr), 0.6 * Double(dc), 0.6 * Double(dr)]
    }
    var parts = [block(cells, "column row value"), block(walls.isEmpty ? [[-9, -9]] : walls, "walls: column row")]
    parts.append(block(vectors.isEmpty ? [[-9, -9, 0, 0]] : vectors, "arrows: x y dx dy"))
    let words = labels.map { "\(mdp.cells[$0.state].column) \(mdp.cells[$0.state].row) \"\($0.text)\"\n" }
    parts.append("# labels: column row text\n" + (words.isEmpty ? "-9 -9 \"\"\n" : words.joined()))
    parts += paths.map { path in block(path.points.map { [$0.x, $0.y] }, path.label) }
    return parts.joined(separator: "\n\n")
  }

  func settings() -> [String] {
    let finite = (values ?? [0]).filter(\.isFinite)
    return [
      "set xrange [-0.5:\(Double(mdp.columns) - 0.5)]", "set yrange [\(Double(mdp.rows) - 0.5):-0.5]",
      "set xtics 1 scale 0", "set ytics 1 scale 0", "set xlabel 'column'", "set ylabel 'row'",
      "set cbrange [\(formatted(finite.min()!)):\(formatted(Swift.max(finite.max()!, finite.min()! + 1e-9)))]",
      "set palette defined (0 '#440154', 0.25 '#3b528b', 0.5 '#21918c', 0.75 '#5ec962', 1 '#fde725')",
      "set size ratio -1", "set key outside bottom center horizontal",
      values != nil && colorBox ? "set colorbox" : "unset colorbox",
    ]
  }

  func plotCommand(dataFile: String) -> String {
    let colors = ["#D55E00", "#0072B2", "#009E73"]
    var parts = [
      // Boxes rather than `with image`, which needs every cell of the rectangle (walls are missing).
      "'\(dataFile)' index 0 using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 lc palette notitle",
      "'' index 1 using 1:2:(0.5):(0.5) with boxxyerror fs solid 1.0 lc rgb '#999999' notitle",
    ]
    if !arrows.isEmpty {
      parts.append("'' index 2 using 1:2:3:4 with vectors head filled size 0.12,25 lw 2 lc rgb 'white' notitle")
    }
    if !labels.isEmpty { parts.append("'' index 3 using 1:2:3 with labels tc rgb 'white' font ',14' notitle") }
    for (i, path) in paths.enumerated() {
      parts.append(
        "'' index \(4 + i) using 1:2 with linespoints lw 3 pt 7 ps 0.8 lc rgb '\(colors[i % colors.count])' title \(quoted(path.label))"
      )
    }
    return "plot " + parts.joined(separator: ", \\\n     ")
  }
}
