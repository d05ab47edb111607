// Notebook.swift — what a chapter writes to. It holds the run's parts, each a small type with one
// job: the voice that prints cells (Voice.swift), the named results (ResultsRecord.swift), the
// source checks (SourceCheckLog.swift), the figures (FigureLog.swift), training observation
// (Training.swift) and the random streams (RandomStreams.swift).

import Autograd
import Foundation
import Plot

/// The running record of one chapter: its cells, results, source checks and figures.
public final class Notebook {
  /// The chapter's folder name, e.g. `"00-tour"`.
  public let chapter: String
  /// The seed of this run (`--seed`, or the chapter's default); every random stream derives from it.
  public let seed: UInt64
  let voice: Voice
  let figureLog: FigureLog
  private var record = ResultsRecord()
  private var checkLog = SourceCheckLog()
  /// Who has used each random stream so far (RandomStreams.swift).
  var streamOwners: [String: String] = [:]

  public init(
    chapter: String, seed: UInt64, mode: OutputMode, figuresDirectory: String, renderFigures: Bool,
    gnuplotTimeout: Double = 30, terminal: Terminal = .current
  ) {
    self.chapter = chapter
    self.seed = seed
    voice = Voice(mode: mode, terminal: terminal)
    figureLog = FigureLog(
      writer: FigureWriter(directory: figuresDirectory, render: renderFigures, timeout: gnuplotTimeout))
  }

  public var mode: OutputMode { voice.mode }
  /// Each cell's id, title and the lines that belong in the chapter's text.
  public var cells: [(id: String, title: String, lines: [String])] { voice.cells }
  public var results: [(String, JSONValue)] { record.entries }
  public var sourceChecks: [SourceCheck] { checkLog.checks }
  public var figures: [FigureOutput] { figureLog.outputs }

  /// Runs one cell: a numbered heading, then whatever `body` writes to it.
  ///
  /// - Parameters:
  ///   - id: names the cell's output block in the chapter's text (`<!-- output: id -->`) and its
  ///     random stream (``Cell/generator(_:)``).
  ///   - title: the heading printed above it.
  public func cell(_ id: String, _ title: String, _ body: (Cell) throws -> Void) rethrows {
    let index = voice.begin(id, title)
    try body(Cell(notebook: self, index: index, id: id))
  }

  /// Records a named result for the JSON output.
  public func result(_ name: String, _ value: some JSONConvertible) { record.record(name, value.json) }

  /// The JSON object the README describes: chapter, results, source_checks.
  public var json: JSONValue {
    .object([
      ("chapter", .string(chapter)), ("results", .object(results)),
      ("source_checks", .array(sourceChecks.map(\.json))),
    ])
  }

  /// Each cell's text lines joined, by cell id: what the chapter's output blocks must show.
  public var outputBlocks: [String: String] {
    Dictionary(uniqueKeysWithValues: cells.map { ($0.id, $0.lines.joined(separator: "\n")) })
  }

  func record(_ check: SourceCheck, inCell index: Int) {
    checkLog.add(check)
    voice.append(check, toCell: index)
  }

  func draw(_ figure: some Figure, inCell index: Int) throws -> FigureOutput {
    let (output, note) = try figureLog.draw(figure)
    if let note { voice.append([note], toCell: index, literate: false) }
    return output
  }
}
