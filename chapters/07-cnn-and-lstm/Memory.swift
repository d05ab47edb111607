// Memory.swift — why the cell state helps: a task that needs a long memory, trained with a plain
// RNN and with an LSTM, and the size of ∂h_T/∂x_t as t moves away from the end.
//
// Shapes: B batch, T steps, I = 1 input, H hidden; readout Linear(H → 1) on h_T.

import Autograd
import Foundation
import Notebook
import Plot

/// Either recurrent cell with a readout: the last hidden state → one logit.
final class SequenceClassifier: Module {
  enum Kind: String, CaseIterable { case rnn = "RNN", lstm = "LSTM" }
  let kind: Kind
  let rnn: RNNCell?
  let lstm: LSTMCell?
  let readout: Linear

  init(_ kind: Kind, hidden: Int, using generator: inout SeededGenerator) {
    self.kind = kind
    rnn = kind == .rnn ? RNNCell(inputs: 1, hidden: hidden, using: &generator) : nil
    lstm = kind == .lstm ? LSTMCell(inputs: 1, hidden: hidden, using: &generator) : nil
    readout = Linear(inputs: hidden, outputs: 1, using: &generator)
  }

  /// `x` `[B, T, 1]` → logits `[B]`.
  func callAsFunction(_ x: Tensor) -> Tensor {
    let last = rnn.map { $0.sequence(x).last! } ?? lstm!.sequence(x).last!.hidden  // [B, H]
    return readout(last).reshaped([-1])
  }
}

/// Sequences whose first entry is +1 or −1 (the label: 1 or 0) followed by `length` − 1 steps of
/// uniform noise on [−1, 1]: to answer at the end, a model must carry the first entry through the
/// noise. `x` is `[count, length, 1]`, `labels` `[count]`.
func memoryBatch(_ count: Int, length: Int = CNNAndLSTM.memoryLength, using generator: inout SeededGenerator) -> (
  x: Tensor, labels: Tensor
) {
  var values: [Double] = []
  var labels: [Double] = []
  for _ in 0..<count {
    let label = generator.nextInt(in: 0..<2)
    labels.append(Double(label))
    values.append(label == 1 ? 1 : -1)
    for _ in 1..<length { values.append(2 * generator.nextUnit() - 1) }
  }
  return (Tensor(shape: [count, length, 1], scalars: values), Tensor(labels))
}

extension CNNAndLSTM {
  static let memoryLength = 20

  struct MemoryFacts {
    /// Test accuracy of each kind of model, one per training run.
    let accuracy: [SequenceClassifier.Kind: [Double]]
    /// The RNN's test accuracy after five times the steps, one per run.
    var rnnLonger: [Double] = []
  }

  /// Trains one model on the memory task; returns it with its losses, its test accuracy at the
  /// end and at each of `checkpoints` (steps).
  func trainMemory(
    _ kind: SequenceClassifier.Kind, run number: Int, steps: Int, test: (x: Tensor, labels: Tensor),
    checkpoints: [Int] = [], _ notebook: Notebook
  ) -> (model: SequenceClassifier, run: TrainingRun, accuracy: Double, atCheckpoints: [Double]) {
    var rng = notebook.generator("memory/run \(number)/weights")
    let model = SequenceClassifier(kind, hidden: 8, using: &rng)
    let optimizer = Adam(parameters: model.parameters, learningRate: 0.01)
    var batches = notebook.generator("memory/run \(number)/batches")  // the same batches for both kinds
    func accuracy() -> Double {
      let predictions = withoutGradient { model(test.x).scalars.map { $0 > 0 ? 1.0 : 0.0 } }
      return Double(zip(predictions, test.labels.scalars).filter { $0 == $1 }.count) / Double(test.labels.count)
    }
    var atCheckpoints: [Double] = []
    let run = notebook.train("memory task, \(kind.rawValue), run \(number)", epochs: steps, unit: "step") { step in
      let (x, labels) = memoryBatch(32, using: &batches)
      let loss = optimizer.step { sigmoidCrossEntropy(logits: model(x), labels: labels) }
      if checkpoints.contains(step) { atCheckpoints.append(accuracy()) }
      return loss
    }
    return (model, run, accuracy(), atCheckpoints)
  }

  /// The RNN given five times the budget, from the same starts and batches as the table's runs.
  func rnnLongerCell(_ notebook: Notebook) -> [Double] {
    var finals: [Double] = []
    notebook.cell("rnn-longer", "The plain RNN on the memory task, five times longer") { cell in
      let checkpoints = [400, 1000, 2000]
      var data = notebook.generator("memory/test")
      let test = memoryBatch(500, using: &data)
      var rows: [[TableEntry]] = []
      var solved = 0
      for number in 1...4 {
        let result = trainMemory(.rnn, run: number, steps: checkpoints.last!, test: test, checkpoints: checkpoints, notebook)
        if result.run.diverged { cell.line("RNN, run \(number): \(result.run.summary)") }
        if result.accuracy > 0.9 { solved += 1 }
        finals.append(result.accuracy)
        rows.append([number] + result.atCheckpoints.map { $0 as TableEntry })
      }
      cell.line("the same four runs (weights, batches, 500 test sequences) as above, trained for \(checkpoints.last!) steps")
      cell.table(["run"] + checkpoints.map { "test accuracy after \($0) steps" }, rows, digits: 3)
      cell.line("RNN: above 0.9 after \(checkpoints.last!) steps in \(solved) of 4 runs")
      notebook.result("memory_rnn_longer_solved", solved)
    }
    return finals
  }

  func memoryCell(_ notebook: Notebook) throws -> MemoryFacts {
    var accuracy: [SequenceClassifier.Kind: [Double]] = [:]
    try notebook.cell("memory", "A task that needs memory: an RNN and an LSTM, trained the same way") { cell in
      let steps = 400
      let runs = Array(1...4)
      var data = notebook.generator("memory/test")
      let test = memoryBatch(500, using: &data)
      cell.line(
        "each sequence: ±1, then \(Self.memoryLength - 1) steps of noise uniform on [−1, 1]; the label is the first entry's sign, read from h_T"
      )
      cell.line(
        "H = 8, Adam (η = 0.01), \(steps) steps of 32 fresh sequences, sigmoid cross-entropy; 500 test sequences")
      var rows: [[TableEntry]] = runs.map { [$0] }
      var series: [LineChart.Series] = []
      var firstLSTM: SequenceClassifier?
      var parameters: [String] = []
      for kind in SequenceClassifier.Kind.allCases {
        for (n, number) in runs.enumerated() {
          let (model, run, score, _) = trainMemory(kind, run: number, steps: steps, test: test, notebook)
          if run.diverged { cell.line("\(kind.rawValue), run \(number): \(run.summary)") }
          let losses = run.losses
          accuracy[kind, default: []].append(score)
          rows[n].append(score)
          if n == 0 {
            series.append(.init("\(kind.rawValue), run \(number)", x: losses.indices.map { Double($0 + 1) }, y: losses))
            parameters.append("\(kind.rawValue) \(model.parameterCount)")
            if kind == .lstm { firstLSTM = model }
          }
        }
        notebook.result("memory_accuracy_\(kind.rawValue.lowercased())", accuracy[kind]!)
      }
      cell.table(["run"] + SequenceClassifier.Kind.allCases.map { "\($0.rawValue) test accuracy" }, rows, digits: 3)
      for kind in SequenceClassifier.Kind.allCases {
        let solved = accuracy[kind]!.filter { $0 > 0.9 }.count
        cell.line("\(kind.rawValue): above 0.9 in \(solved) of \(runs.count) runs")
      }
      cell.line("parameters: \(parameters.joined(separator: ", ")); 0.5 is a coin toss")
      try cell.figure(
        LineChart(
          name: "memory-loss", title: "Remembering the first of \(Self.memoryLength) inputs (run 1)",
          xLabel: "training step", yLabel: "cross-entropy", series: series))

      // The trained LSTM's gates along one test sequence.
      let sequence = test.x.sliced(axis: 0, 0..<1)  // [1, T, 1]
      let gates = withoutGradient { firstLSTM!.lstm!.sequence(sequence) }
      let t = (1...Self.memoryLength).map(Double.init)
      func mean(_ pick: (LSTMCell.Step) -> Tensor) -> [Double] { gates.map { pick($0).mean().item } }
      let meanForget = mean(\.forget).dropFirst().reduce(0, +) / Double(Self.memoryLength - 1)
      // The unit that carries the sign: the largest |c_T| at the end of the sequence.
      let finalCell = gates.last!.cell.scalars
      let unit = finalCell.indices.max { abs(finalCell[$0]) < abs(finalCell[$1]) }!
      func ofUnit(_ pick: (LSTMCell.Step) -> Tensor) -> [Double] { gates.map { pick($0).scalars[unit] } }
      cell.line(
        "the trained LSTM (run 1) on test sequence 1 (first entry \(Format.number(sequence.scalars[0]))): "
          + "forget gate averaged over units and steps 2…\(Self.memoryLength) = \(Format.number(meanForget, digits: 3))"
      )
      cell.line(
        "unit \(unit + 1) holds the sign: c_1 = \(Format.number(ofUnit(\.cell)[0], digits: 3)), c_\(Self.memoryLength) = "
          + "\(Format.number(finalCell[unit], digits: 3)); its forget gate over steps 2…\(Self.memoryLength): "
          + "min \(Format.number(ofUnit(\.forget).dropFirst().min()!, digits: 3)), max \(Format.number(ofUnit(\.forget).dropFirst().max()!, digits: 3))"
      )
      // c_T = c_1·∏f_t + Σ_t (i_t g_t)·∏_{s>t} f_s: the first write as the forget gates leave it,
      // and everything written after it.
      let kept = ofUnit(\.cell)[0] * ofUnit(\.forget).dropFirst().reduce(1, *)
      let writes = zip(ofUnit(\.input), ofUnit(\.candidate)).dropFirst().map { $0 * $1 }
      let sameSign = writes.filter { $0 * finalCell[unit] > 0 }.count
      cell.line(
        "of c_\(Self.memoryLength) = \(Format.number(finalCell[unit], digits: 3)): c_1 carried by the forget gates alone "
          + "\(Format.number(kept, digits: 3)), written during steps 2…\(Self.memoryLength) "
          + "\(Format.number(finalCell[unit] - kept, digits: 3)); i_t·g_t had the sign of c_\(Self.memoryLength) "
          + "in \(sameSign) of those \(Self.memoryLength - 1) steps")
      notebook.result("memory_cell_kept_vs_written", [kept, finalCell[unit] - kept])
      try cell.figure(
        LineChart(
          name: "lstm-gates", title: "The trained LSTM's unit \(unit + 1) along one sequence",
          xLabel: "step t", yLabel: "value",
          series: [
            .init("input gate i_t", x: t, y: ofUnit(\.input)), .init("forget gate f_t", x: t, y: ofUnit(\.forget)),
            .init("output gate o_t", x: t, y: ofUnit(\.output)), .init("cell state c_t", x: t, y: ofUnit(\.cell)),
            .init("input x_t", x: t, y: sequence.scalars, points: true, dashed: true),
          ]))
      notebook.result("memory_mean_forget_gate", meanForget)
    }
    return MemoryFacts(accuracy: accuracy)
  }

  // MARK: - How far back the gradient reaches

  struct GradientNorms {
    let length: Int
    let byModel: [(name: String, norms: [Double])]  // ‖∂(Σ h_T)/∂x_t‖ for t = 1 … T
  }

  func gradientFlowCell(_ notebook: Notebook) throws -> GradientNorms {
    let (length, hidden, batch) = (50, 16, 8)
    var data = notebook.generator("gradient-flow/inputs")
    let x = Tensor.normal([batch, length, 1], using: &data)
    var byModel: [(String, [Double])] = []
    for (name, forgetBias) in [("RNN", nil), ("LSTM, forget bias 0", 0.0), ("LSTM, forget bias 1", 1.0)]
      as [(String, Double?)]
    {
      var rng = notebook.generator("gradient-flow/weights")  // the same weights for each model
      let input = Tensor(x.scalars, requiresGrad: true).reshaped([batch, length, 1])
      let last =
        forgetBias.map { LSTMCell(inputs: 1, hidden: hidden, forgetBias: $0, using: &rng).sequence(input).last!.hidden }
        ?? RNNCell(inputs: 1, hidden: hidden, using: &rng).sequence(input).last!
      let g = gradients(of: last.sum(), withRespectTo: [input])[0].reshaped([batch, length])  // ∂(Σ h_T)/∂x_t
      let norms = (0..<length).map { t in g.sliced(axis: 1, t..<(t + 1)).pow(2).sum().item.squareRoot() / Double(batch)
      }
      byModel.append((name, norms))
    }
    try notebook.cell("gradient-flow", "How far back does the gradient reach? ‖∂h_T/∂x_t‖ at initialisation") { cell in
      cell.line("T = \(length) steps, H = \(hidden), \(batch) random sequences, freshly initialised cells; L = Σ h_T")
      let shown = [length, length - 5, length - 10, length - 20, length - 30, length - 40, 1]
      let rows: [[TableEntry]] = shown.map { t in [t, length - t] + byModel.map { $0.1[t - 1] as TableEntry } }
      cell.table(["t", "steps back"] + byModel.map(\.0), rows, digits: 3)
      for (name, norms) in byModel {
        cell.line("\(name): ‖∂L/∂x_1‖ / ‖∂L/∂x_T‖ = \(Format.number(norms[0] / norms[length - 1], digits: 3))")
      }
      try cell.figure(
        LineChart(
          name: "gradient-through-time", title: "Gradient reaching each input, T = \(length)",
          xLabel: "steps back from the end (T − t)", yLabel: "‖∂L/∂x_t‖ (mean over the batch)",
          series: byModel.map { name, norms in
            .init(name, x: (0..<length).map { Double(length - 1 - $0) }, y: norms)
          }, logY: true))
      for (name, norms) in byModel {
        notebook.result("gradient_norms_" + name.lowercased().filter { $0.isLetter || $0.isNumber }, norms)
      }
    }
    return GradientNorms(length: length, byModel: byModel)
  }
}
