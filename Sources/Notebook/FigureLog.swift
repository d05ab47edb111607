// FigureLog.swift — the figures of a run: written, drawn, and what to say about each.

import Plot

/// Writes figures into the run's folder and keeps what came of each.
final class FigureLog {
  let writer: FigureWriter
  private(set) var outputs: [FigureOutput] = []
  private var toldAboutGnuplot = false

  init(writer: FigureWriter) { self.writer = writer }

  /// Writes and draws `figure`; returns its files and the note for the terminal. Problems go to
  /// standard error: the install hint once per run, a failed drawing every time.
  func draw(_ figure: some Figure) throws -> (output: FigureOutput, note: String?) {
    let output = try writer.write(figure)
    outputs.append(output)
    switch output.status {
    case .rendered: return (output, "↳ figure \(output.pngPath)")
    case .skipped: return (output, "↳ figure data and script \(output.scriptPath) (not drawn: --no-plot)")
    case .gnuplotMissing:
      if !toldAboutGnuplot {
        toldAboutGnuplot = true
        writeToStandardError(writer.installHint + "\n")
      }
      return (output, "↳ figure data and script \(output.scriptPath) (not drawn: no gnuplot)")
    case .failed(let message):
      writeToStandardError("figure \(figure.name) was not drawn. \(message)\n")
      return (output, nil)
    }
  }
}
