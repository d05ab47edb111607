// LSTM.swift — the LSTM cell gate by gate on a three-step sequence, backpropagation through
// time against finite differences, a memory task for an RNN and an LSTM, and how far back
// each one's gradient reaches.
//
// Shapes: B batch, T steps, I input width, H hidden width; gates and states [B, H].

import Autograd
import Foundation
import Notebook
import Plot

func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

/// The LSTM's six quantities at one step, for one sequence: i, f, o, g (candidate), c, h.
struct GateValues {
  var input: [Double]
  var forget: [Double]
  var output: [Double]
  var candidate: [Double]
  var cell: [Double]
  var hidden: [Double]

  var all: [Double] { input + forget + output + candidate + cell + hidden }
}

extension CNNAndLSTM {
  static let lstmInputs: [Double] = [1, 0.5, -1]

  /// Article 003's six equations on Doubles, unit by unit, for a cell with one input.
  func lstmByHand(_ cell: LSTMCell, inputs: [Double]) -> [GateValues] {
    let hidden = cell.hiddenWidth
    let (W, U, b) = (cell.W.rows, cell.U.rows, cell.b.scalars)
    var (h, c) = ([Double](repeating: 0, count: hidden), [Double](repeating: 0, count: hidden))
    var steps: [GateValues] = []
    for x in inputs {
      // Block n of the stacked weights: 0 input gate, 1 forget gate, 2 output gate, 3 candidate.
      func preActivation(_ n: Int) -> [Double] {
        (0..<hidden).map { j in
          let row = n * hidden + j
          return (0..<hidden).map { W[row][$0] * h[$0] }.reduce(0, +) + U[row][0] * x + b[row]
        }
      }
      let i = preActivation(0).map(sigmoid)  // i_t = σ(W_i h_{t−1} + U_i x_t + b_i)
      let f = preActivation(1).map(sigmoid)  // f_t = σ(W_f h_{t−1} + U_f x_t + b_f)
      let o = preActivation(2).map(sigmoid)  // o_t = σ(W_o h_{t−1} + U_o x_t + b_o)
      let g = preActivation(3).map(Foundation.tanh)  // tanh(W_c h_{t−1} + U_c x_t + b_c)
      c = (0..<hidden).map { f[$0] * c[$0] + i[$0] * g[$0] }  // c_t = f_t ∗ c_{t−1} + i_t ∗ g_t
      h = (0..<hidden).map { o[$0] * Foundation.tanh(c[$0]) }  // h_t = o_t ∗ tanh(c_t)
      steps.append(GateValues(input: i, forget: f, output: o, candidate: g, cell: c, hidden: h))
    }
    return steps
  }

  struct LSTMFacts {
    let byHand: [GateValues]
    let library: [GateValues]
  }

  func lstmCell(_ notebook: Notebook) -> LSTMFacts {
    var rng = notebook.generator("lstm-step-by-step")
    let lstm = LSTMCell(inputs: 1, hidden: 2, using: &rng)
    let inputs = Self.lstmInputs
    let byHand = lstmByHand(lstm, inputs: inputs)
    let library = lstm.sequence(Tensor(shape: [1, inputs.count, 1], scalars: inputs)).map {
      GateValues(
        input: $0.input.scalars, forget: $0.forget.scalars, output: $0.output.scalars,
        candidate: $0.candidate.scalars, cell: $0.cell.scalars, hidden: $0.hidden.scalars)
    }
    notebook.cell("lstm-step-by-step", "The LSTM cell, gate by gate, over three steps") { cell in
      cell.line("one input (I = 1), two hidden units (H = 2), seeded weights; the forget gate's bias starts at 1:")
      let (W, U, b) = (lstm.W.rows, lstm.U.scalars, lstm.b.scalars)
      for (n, name) in ["i (input gate)", "f (forget gate)", "o (output gate)", "c (candidate)"].enumerated() {
        let rows = (2 * n)..<(2 * n + 2)
        cell.line(
          "  W_\(name.prefix(1)) = [\(rows.map { Format.vector(W[$0], digits: 4) }.joined(separator: ", "))]"
            + "   U_\(name.prefix(1)) = \(Format.vector(rows.map { U[$0] }, digits: 4))"
            + "   b_\(name.prefix(1)) = \(Format.vector(rows.map { b[$0] }, digits: 4))   \(name.dropFirst(2))")
      }
      cell.line("h₀ = c₀ = [0, 0]; x = \(Format.vector(inputs))")
      for (t, step) in byHand.enumerated() {
        let previous = t == 0 ? [0.0, 0] : byHand[t - 1].cell
        cell.line("t = \(t + 1), x_t = \(Format.number(inputs[t])):")
        cell.line("  i_t = σ(W_i h_{t−1} + U_i x_t + b_i)     = \(Format.vector(step.input, digits: 5))")
        cell.line("  f_t = σ(W_f h_{t−1} + U_f x_t + b_f)     = \(Format.vector(step.forget, digits: 5))")
        cell.line("  o_t = σ(W_o h_{t−1} + U_o x_t + b_o)     = \(Format.vector(step.output, digits: 5))")
        cell.line("  g_t = tanh(W_c h_{t−1} + U_c x_t + b_c)  = \(Format.vector(step.candidate, digits: 5))")
        cell.line(
          "  c_t = f_t∗c_{t−1} + i_t∗g_t = \(Format.vector(step.forget, digits: 4))∗\(Format.vector(previous, digits: 4)) + "
            + "\(Format.vector(step.input, digits: 4))∗\(Format.vector(step.candidate, digits: 4)) = \(Format.vector(step.cell, digits: 5))"
        )
        cell.line("  h_t = o_t∗tanh(c_t)                      = \(Format.vector(step.hidden, digits: 5))")
      }
      let difference = zip(byHand.flatMap(\.all), library.flatMap(\.all)).map { abs($0 - $1) }.max()!
      cell.line("LSTMCell.sequence computes the same 36 numbers: max |difference| \(Format.within(difference, Format.roundingBound))")
      notebook.result("lstm_hidden", byHand.map(\.hidden))
      notebook.result("lstm_cell", byHand.map(\.cell))
    }
    return LSTMFacts(byHand: byHand, library: library)
  }

  // MARK: - Backpropagation through time

  func throughTimeCell(_ notebook: Notebook) {
    notebook.cell("through-time", "Backpropagation through time, checked by finite differences") { cell in
      var rng = cell.generator()
      let lstm = LSTMCell(inputs: 1, hidden: 2, using: &rng)
      let rnn = RNNCell(inputs: 1, hidden: 2, using: &rng)
      let x = Tensor(shape: [1, 3, 1], scalars: Self.lstmInputs, requiresGrad: true)
      let targets = [[0.5, -0.5], [0.2, 0.1], [-0.3, 0.4]].map { Tensor([$0]) }  // y_t, [1, 2] each
      // L = Σ_t ‖h_t − y_t‖²: every step's output feeds the loss, so the gradient flows back along
      // two roads, down from each step's own loss and back through the states of later steps.
      func loss(_ hidden: [Tensor]) -> Tensor {
        zip(hidden, targets).map { ($0 - $1).pow(2).sum() }.reduce(Tensor(0.0), +)
      }
      cell.line(
        "L = Σ_t ‖h_t − y_t‖² over the three steps of the previous cell, y = [[0.5, -0.5], [0.2, 0.1], [-0.3, 0.4]]")
      let lstmLoss = loss(lstm.sequence(x).map(\.hidden))
      lstmLoss.backward()
      cell.line("LSTM: L = \(Format.number(lstmLoss.item))")
      cell.tensor("  ∂L/∂U (the input weights, blocks i f o c)", lstm.U.grad!.reshaped([4, 2]).transposed(), digits: 5)
      cell.vector("  ∂L/∂x", x.grad!.scalars, digits: 5)
      cell.line("autograd against central differences, every parameter and the inputs:")
      for (name, report) in [
        ("LSTM", gradientCheck(lstm.parameters + [x]) { _ in loss(lstm.sequence(x).map(\.hidden)) }),
        ("RNN", gradientCheck(rnn.parameters + [x]) { _ in loss(rnn.sequence(x)) }),
      ] {
        let names = ["W", "U", "b", "x"]
        let errors = zip(names, report.inputs).map { "\($0) \(Format.within($1.maxRelativeError, report.tolerance))" }
        cell.line(
          "  \(name): max relative error \(errors.joined(separator: ", ")) — \(report.passed ? "OK" : "NOT OK")")
        notebook.result("gradient_check_\(name.lowercased())_passed", report.passed)
      }
    }
  }
}
