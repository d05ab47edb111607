// Notebook.swift — what a chapter writes to: numbered cells of output, named results, source
// checks and figures. It prints as the chapter runs and keeps everything for the JSON and the text.

import Autograd
import Foundation
import Plot

/// Where a chapter's output goes.
public enum OutputMode: Sendable {
  /// Cells printed to standard output as they run.
  case terminal
  /// Nothing printed (warnings still go to standard error).
  case quiet
  /// Nothing printed until the end, then one JSON object.
  case json
}

/// The running record of one chapter: its cells, results, source checks and figures.
public final class Notebook {
  /// The chapter's folder name, e.g. `"00-tour"`.
  public let chapter: String
  /// The seed of this run (`--seed`, or the chapter's default).
  public let seed: UInt64
  /// A generator seeded with ``seed``, for the chapter's random numbers.
  public var random: SeededGenerator
  public let mode: OutputMode
  let terminal: Terminal
  let figureWriter: FigureWriter

  /// Each cell's id, title and the lines that belong in the chapter's text.
  public private(set) var cells: [(id: String, title: String, lines: [String])] = []
  public private(set) var results: [(String, JSONValue)] = []
  public private(set) var sourceChecks: [SourceCheck] = []
  public private(set) var figures: [FigureOutput] = []
  private var toldAboutGnuplot = false

  public init(
    chapter: String, seed: UInt64, mode: OutputMode, figuresDirectory: String, renderFigures: Bool,
    gnuplotTimeout: Double = 30, terminal: Terminal = .current
  ) {
    self.chapter = chapter
    self.seed = seed
    self.random = SeededGenerator(seed: seed)
    self.mode = mode
    self.terminal = terminal
    self.figureWriter = FigureWriter(directory: figuresDirectory, render: renderFigures, timeout: gnuplotTimeout)
  }

  /// Runs one cell: a numbered heading, then whatever `body` writes to it.
  ///
  /// - Parameters:
  ///   - id: names the cell's output block in the chapter's text (`<!-- output: id -->`).
  ///   - title: the heading printed above it.
  public func cell(_ id: String, _ title: String, _ body: (Cell) throws -> Void) rethrows {
    if cells.contains(where: { $0.id == id }) { fatalError("Notebook: two cells are named '\(id)'") }
    cells.append((id, title, []))
    show("\n" + terminal.styled("[\(cells.count)] \(title)", "1;36"))
    try body(Cell(notebook: self, index: cells.count - 1))
  }

  /// Records a named result for the JSON output.
  public func result(_ name: String, _ value: some JSONConvertible) {
    if let i = results.firstIndex(where: { $0.0 == name }) {
      results[i].1 = value.json
    } else {
      results.append((name, value.json))
    }
  }

  /// The JSON object of API.md: chapter, results, source_checks.
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

  /// Runs a training loop of `epochs` steps, each returning its loss, with a progress bar on a
  /// terminal (plain lines when standard error is not one; nothing when quiet or JSON).
  /// Stops at the first loss that is not finite or exceeds `divergenceLimit` and says so.
  public func train(
    _ label: String, epochs: Int, divergenceLimit: Double = 1e12, step: (_ epoch: Int) throws -> Double
  ) rethrows -> TrainingRun {
    let style: ProgressStyle = mode != .terminal ? .silent : (terminal.stderrIsTTY ? .bar : .lines)
    let progress = ProgressReporter(label: label, total: epochs, style: style)
    defer { progress.finish() }
    var run = TrainingRun(losses: [])
    guard epochs > 0 else { return run }
    for epoch in 1...epochs {
      let loss = try step(epoch)
      if !loss.isFinite || abs(loss) > divergenceLimit {
        run.divergedAt = epoch
        run.divergentLoss = loss
        break
      }
      run.losses.append(loss)
      progress.update(step: epoch, loss: loss)
    }
    return run
  }

  // MARK: - Printing

  /// Prints a line in terminal mode.
  func show(_ text: String) {
    if mode == .terminal { print(text) }
  }

  func append(_ lines: [String], toCell index: Int, literate: Bool) {
    if literate { cells[index].lines += lines }
    for line in lines { show(literate ? line : terminal.styled(line, "2")) }
  }

  /// Lines whose text version differs from what the terminal shows (machine-dependent values).
  func append(_ literate: [String], shown: [String], toCell index: Int) {
    cells[index].lines += literate
    for line in shown { show(line) }
  }

  func record(_ check: SourceCheck, inCell index: Int) {
    if let old = sourceChecks.firstIndex(where: { $0.id == check.id }) {
      fatalError("Notebook: two source checks are named '\(check.id)' (the first: \(sourceChecks[old].claim))")
    }
    sourceChecks.append(check)
    var lines = check.lines
    if terminal.colors {
      let color = check.verdict == .agrees ? "32" : (check.verdict == .disagrees ? "31" : "33")
      lines[1] = lines[1].replacingOccurrences(
        of: check.verdict.rawValue.uppercased(),
        with: terminal.styled(check.verdict.rawValue.uppercased(), "1;\(color)"))
    }
    cells[index].lines += check.lines
    for line in lines { show(line) }
  }

  func draw(_ figure: some Figure, inCell index: Int) throws -> FigureOutput {
    let output = try figureWriter.write(figure)
    figures.append(output)
    switch output.status {
    case .rendered: append(["↳ figure \(output.pngPath)"], toCell: index, literate: false)
    case .skipped:
      append(["↳ figure data and script \(output.scriptPath) (not drawn: --no-plot)"], toCell: index, literate: false)
    case .gnuplotMissing:
      append(["↳ figure data and script \(output.scriptPath) (not drawn: no gnuplot)"], toCell: index, literate: false)
      if !toldAboutGnuplot {
        toldAboutGnuplot = true
        writeToStandardError(figureWriter.installHint + "\n")
      }
    case .failed(let message):
      writeToStandardError("figure \(figure.name) was not drawn. \(message)\n")
    }
    return output
  }
}

/// One cell of a chapter's output: what it prints becomes its output block in the text.
public struct Cell {
  let notebook: Notebook
  let index: Int

  /// A line of text (an empty line by default).
  public func line(_ text: String = "") { notebook.append([text], toCell: index, literate: true) }

  /// Several lines.
  public func lines(_ texts: [String]) { notebook.append(texts, toCell: index, literate: true) }

  /// `name = value`, with `digits` significant digits.
  public func value(_ name: String, _ x: Double, digits: Int = 7) {
    line("\(name) = \(Format.number(x, digits: digits))")
  }

  /// `name = [a, b, c]`.
  public func vector(_ name: String, _ values: [Double], digits: Int = 7) {
    line("\(name) = \(Format.vector(values, digits: digits))")
  }

  /// A tensor under its name: a number or vector on one line, a matrix on aligned lines.
  public func tensor(_ name: String, _ t: Tensor, digits: Int = 7) {
    let text = Format.tensor(t, digits: digits)
    if text.count == 1 {
      line("\(name) = \(text[0])")
    } else {
      let pad = String(repeating: " ", count: name.count + 3)
      lines(text.enumerated().map { $0 == 0 ? "\(name) = \($1)" : pad + $1 })
    }
  }

  /// An aligned table: numbers right-aligned with `digits` significant digits.
  ///
  /// Columns listed in `measured` hold values of this run on this machine (timings): the
  /// terminal shows them, the chapter's text shows "—" there, so text and program still agree.
  public func table(_ headers: [String], _ rows: [[TableEntry]], digits: Int = 7, measured: Set<Int> = []) {
    let shown = Format.table(headers, rows, digits: digits)
    if measured.isEmpty { return lines(shown) }
    let literate = rows.map { row in row.enumerated().map { measured.contains($0) ? "—" as TableEntry : $1 } }
    notebook.append(Format.table(headers, literate, digits: digits), shown: shown, toCell: index)
  }

  /// Records a source check for the JSON and prints it.
  public func check(_ check: SourceCheck) { notebook.record(check, inCell: index) }

  /// Writes a figure's data and script, draws it, and notes where it went (terminal only:
  /// paths are not part of the lesson's text).
  @discardableResult
  public func figure(_ figure: some Figure) throws -> FigureOutput { try notebook.draw(figure, inCell: index) }

  /// A note for the terminal only, left out of the chapter's text (timings, paths).
  public func note(_ text: String) { notebook.append([text], toCell: index, literate: false) }
}
