// Cell.swift — one numbered cell of a chapter: what it prints becomes its output block in the
// chapter's text.

import Autograd
import Plot

/// One cell of a chapter's output: what it prints becomes its output block in the text.
public struct Cell {
  let notebook: Notebook
  let index: Int
  /// The cell's id, as its output block in the text names it.
  public let id: String

  /// A line of text (an empty line by default).
  public func line(_ text: String = "") { notebook.voice.append([text], toCell: index, literate: true) }

  /// Several lines.
  public func lines(_ texts: [String]) { notebook.voice.append(texts, toCell: index, literate: true) }

  /// A line whose terminal version differs from the text's: `shown` holds values of this run on
  /// this machine (a time), `literate` the same line with them left out, so text and program agree.
  public func line(_ literate: String, shown: String) {
    notebook.voice.append([literate], shown: [shown], toCell: index)
  }

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
    notebook.voice.append(Format.table(headers, literate, digits: digits), shown: shown, toCell: index)
  }

  /// Records a source check for the JSON and prints it.
  public func check(_ check: SourceCheck) { notebook.record(check, inCell: index) }

  /// Writes a figure's data and script, draws it, and notes where it went (terminal only:
  /// paths are not part of the lesson's text).
  @discardableResult
  public func figure(_ figure: some Figure) throws -> FigureOutput { try notebook.draw(figure, inCell: index) }

  /// A note for the terminal only, left out of the chapter's text (timings, paths).
  public func note(_ text: String) { notebook.voice.append([text], toCell: index, literate: false) }
}
