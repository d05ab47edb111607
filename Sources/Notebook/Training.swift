// Training.swift — a training loop's progress: a bar on a terminal, plain lines elsewhere,
// and divergence caught and reported instead of printed as rows of nan.

import Foundation

/// What a training loop did: the loss of every completed epoch, and where it diverged, if it did.
public struct TrainingRun: Sendable {
  /// The loss of each epoch, in order (only finite, sub-limit values).
  public var losses: [Double]
  /// The epoch (1-based) at which the loss became non-finite or passed the limit; nil if it never did.
  public var divergedAt: Int?
  /// The loss reported at that epoch (∞, NaN or a huge number).
  public var divergentLoss: Double?

  public var diverged: Bool { divergedAt != nil }

  /// What one step of the loop is called in ``summary``: "epoch" (a pass over the data) unless
  /// the loop says otherwise ("step", for a loop that draws a fresh batch each time).
  public var unit = "epoch"

  /// The last finite loss.
  public var finalLoss: Double? { losses.last }

  /// One sentence: how training ended.
  public var summary: String {
    if let epoch = divergedAt, let loss = divergentLoss {
      return "diverged at \(unit) \(epoch): the loss reached \(Format.number(loss)), so training stopped"
    }
    return "trained \(losses.count) \(unit)s, final loss \(losses.last.map { Format.number($0) } ?? "none")"
  }
}

/// How progress is shown.
enum ProgressStyle {
  /// A bar redrawn in place on standard error (a terminal).
  case bar
  /// A plain line every tenth of the way (a log or a pipe).
  case lines
  /// Nothing (`--quiet`, `--json`).
  case silent
}

/// Shows a loop's progress on standard error, so standard output stays the lesson's.
final class ProgressReporter {
  let label: String
  let unit: String
  let total: Int
  let style: ProgressStyle
  let start = Date()
  private var lastDraw = Date.distantPast

  init(label: String, unit: String = "epoch", total: Int, style: ProgressStyle) {
    self.label = label
    self.unit = unit
    self.total = max(total, 1)
    self.style = style
  }

  func update(step: Int, loss: Double) {
    switch style {
    case .silent: return
    case .lines:
      let every = max(total / 10, 1)
      if step % every == 0 || step == total {
        writeToStandardError("\(label): \(unit) \(step)/\(total)  loss \(Format.number(loss, digits: 5))\n")
      }
    case .bar:
      // Redrawing costs a write; ten times a second is smooth enough.
      guard step == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
      lastDraw = Date()
      let width = 30
      let filled = width * step / total
      let elapsed = max(Date().timeIntervalSince(start), 1e-9)
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      let rate = Format.number(Double(step) / elapsed, digits: 3)
      writeToStandardError(
        "\r\(label) [\(bar)] \(step)/\(total)  loss \(Format.number(loss, digits: 5))  \(rate) \(unit)s/s\u{1B}[K")
    }
  }

  func finish() {
    if style == .bar { writeToStandardError("\n") }
  }
}

extension Notebook {
  /// Runs a training loop of `epochs` steps, each returning its loss, with a progress bar on a
  /// terminal (plain lines when standard error is not one; nothing when quiet or JSON).
  /// Stops at the first loss that is not finite or exceeds `divergenceLimit` and says so.
  ///
  /// The notebook only observes: the step itself is the chapter's, usually `optimizer.step { loss }`.
  public func train(
    _ label: String, epochs: Int, unit: String = "epoch", divergenceLimit: Double = 1e12,
    step: (_ epoch: Int) throws -> Double
  ) rethrows -> TrainingRun {
    let style: ProgressStyle = mode != .terminal ? .silent : (voice.terminal.stderrIsTTY ? .bar : .lines)
    let progress = ProgressReporter(label: label, unit: unit, total: epochs, style: style)
    defer { progress.finish() }
    var run = TrainingRun(losses: [])
    run.unit = unit
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
}
