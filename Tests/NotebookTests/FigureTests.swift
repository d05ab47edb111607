// FigureTests.swift — every figure kind: its data and script, rendering, and what happens when
// gnuplot is missing or fails.

import Foundation
import Testing

@testable import Plot

/// One of each figure kind, from fixed numbers.
let sampleFigures: [any Figure] = [
  LineChart(
    name: "lines", title: "Two series", xLabel: "epoch", yLabel: "loss",
    series: [
      .init("train", x: [1, 2, 3], y: [1, 0.5, 0.25]),
      .init("validation", x: [1, 2, 3], y: [1.2, 0.7, 0.5], dashed: true),
    ],
    logY: true),
  LineChart.function(
    name: "function", title: "tanh", x: [-2, -1, 0, 1, 2], f: tanh, derivative: { 1 - tanh($0) * tanh($0) }),
  ScatterPlot(
    name: "scatter", title: "Points", groups: [.init("a", points: [(0, 0), (1, 1)]), .init("b", points: [(2, 0)])]),
  ScatterPlot(
    name: "boundary", title: "Boundary", groups: [.init("a", points: [(-1, 0)]), .init("b", points: [(1, 0)])],
    background: Grid(x: -2...2, y: -2...2, xCount: 11, yCount: 11) { x, _ in 1 / (1 + exp(-3 * x)) }),
  ContourPlot(
    name: "contour", title: "Bowl", xLabel: "w", yLabel: "b",
    surface: Grid(x: -1...1, y: -1...1, xCount: 21, yCount: 21) { $0 * $0 + 4 * $1 * $1 + 0.01 },
    paths: [.init("descent", points: [(0.9, 0.9), (0.5, 0.1), (0.1, 0.0)])], logColor: true),
  Heatmap(
    name: "heatmap", title: "Weights", values: [[0.5, 0.5], [0.1, 0.9]], rowLabels: ["q_1", "q_2"],
    columnLabels: ["k_1", "it's"], range: 0...1),
]

/// Whether gnuplot is on the search path: the tests that need it are skipped, visibly, without it.
let gnuplotInstalled = FigureWriter(directory: NSTemporaryDirectory()).gnuplot != nil

@Suite("Figures")
struct FigureTests {
  @Test("every kind writes the same data and script twice")
  func everyKindWritesFiles() throws {
    let (first, second) = (try temporaryDirectory(), try temporaryDirectory())
    defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
    for figure in sampleFigures {
      for folder in [first, second] {
        #expect(try FigureWriter(directory: folder, render: false).write(figure).status == .skipped)
      }
      for ext in ["dat", "gp"] {
        #expect(
          FileManager.default.contents(atPath: "\(first)/\(figure.name).\(ext)")
            == FileManager.default.contents(atPath: "\(second)/\(figure.name).\(ext)"))
      }
    }
  }

  @Test(
    "gnuplot draws every kind, as a whole PNG and SVG",
    .bookCheck, .enabled(if: gnuplotInstalled, "gnuplot is not installed"))
  func everyKindIsDrawn() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for figure in sampleFigures {
      let output = try FigureWriter(directory: folder).write(figure)
      #expect(output.status == .rendered, "\(figure.name): \(output.status)")
      for path in [output.pngPath, output.svgPath] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size > 1000, "\(path) is missing or empty")
      }
    }
  }

  @Test(
    "the script alone redraws the picture from its folder",
    .bookCheck, .enabled(if: gnuplotInstalled, "gnuplot is not installed"))
  func scriptRunsByHand() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writer = FigureWriter(directory: folder, render: false)
    let gnuplot = try #require(FigureWriter(directory: folder).gnuplot)
    _ = try writer.write(sampleFigures[0])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: gnuplot)
    process.arguments = ["lines.gp"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: folder + "/lines.png"))
  }

  @Test("without gnuplot on the search path the status says so and the files are there")
  func gnuplotMissing() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writer = FigureWriter(directory: folder, searchPath: "/nonexistent")
    #expect(writer.gnuplot == nil)
    let output = try writer.write(sampleFigures[0])
    #expect(output.status == .gnuplotMissing)
    #expect(FileManager.default.fileExists(atPath: output.dataPath))
    #expect(FileManager.default.fileExists(atPath: output.scriptPath))
    #expect(writer.installHint.contains("apt-get install gnuplot-nox"))
  }

  /// A figure whose script has a mistake in it.
  struct BrokenFigure: Figure {
    let name = "broken"
    let title = "Broken"
    let size = (width: 300, height: 200)
    func data() -> String { "1 2\n" }
    func settings() -> [String] { ["set nosuchsetting 3"] }
    func plotCommand(dataFile: String) -> String { "plot '\(dataFile)' with lines" }
  }

  @Test(
    "a gnuplot error comes back with gnuplot's message and the script's path",
    .bookCheck, .enabled(if: gnuplotInstalled, "gnuplot is not installed"))
  func gnuplotError() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try FigureWriter(directory: folder).write(BrokenFigure())
    guard case .failed(let message) = output.status else {
      Issue.record("expected a failure, got \(output.status)")
      return
    }
    #expect(message.contains(folder + "/broken.gp"))
    #expect(message.contains("nosuchsetting"))
  }

  @Test("a key of more than two rows below the plot gets the room it needs")
  func keyRowsWidenTheBottomMargin() {
    func chart(_ labels: [String]) -> LineChart {
      LineChart(
        name: "k", title: "k", xLabel: "step", yLabel: "loss",
        series: labels.map { LineChart.Series($0, x: [0, 1], y: [1, 2]) })
    }
    let short = chart(["train", "validation"])
    #expect(short.keyRows == 1 && short.settings().contains("set bmargin 5.5"))
    #expect(short.settings().contains { $0.hasSuffix("horizontal maxrows 1") })
    // Five entries as long as chapter 09's overfitting key: two columns of three rows at 900 pixels.
    let long = chart((1...5).map { "L2 in the loss, λ = 0.01: validation \($0)" })
    #expect(long.keyRows == 3 && long.settings().contains("set bmargin 6.7"))
    #expect(long.settings().contains { $0.hasSuffix("vertical maxrows 3") })
  }

  @Test func quotingAndNumbers() {
    #expect(quoted("it's") == "'it''s'")
    #expect(formatted(0.1) == "0.1")
    #expect(formatted(-0.0) == "0")
    #expect(formatted(1.0 / 3) == "0.3333333")
    #expect(formatted(.nan) == "NaN")
  }
}
