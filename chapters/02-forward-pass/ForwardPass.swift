// 02-forward-pass — from one neuron to the sources' 2-3-1 network: every weighted sum written
// out by hand, then the same numbers from Autograd in matrix form.
//
// Shapes: x [2] input; W₁ [3, 2], b₁ [3]; W₂ [1, 3], b₂ [1]; X [4, 2] a batch of inputs.

import ArgumentParser
import Autograd
import Examples
import Foundation
import Notebook
import Plot

func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

/// "0.4·0.5 + 0.3·(-1) − 0.2·2 + 0.1": a weighted sum plus bias, written out term by term.
func writtenSum(_ w: [Double], _ x: [Double], plus b: Double, digits: Int = 4) -> String {
  let products = zip(w, x).map { w, x in
    let xs = Format.number(x, digits: digits)
    return (sign: w, text: "\(Format.number(abs(w), digits: digits))·\(x < 0 ? "(\(xs))" : xs)")
  }
  return signedTerms(products + [(b, Format.number(abs(b), digits: digits))])
}

/// Terms joined with + and −: [(0.2, "0.2"), (−0.3, "0.3")] → "0.2 − 0.3".
func signedTerms(_ terms: [(sign: Double, text: String)]) -> String {
  terms.enumerated().map { i, term in
    i == 0 ? (term.sign < 0 ? "-" : "") + term.text : (term.sign < 0 ? " − " : " + ") + term.text
  }.joined()
}

@main
struct ForwardPass: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "02-forward-pass",
    abstract: "The forward pass: one neuron, then the 2-3-1 network by hand and in matrix form.")
  static let defaultSeed: UInt64 = 2
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    // MARK: One neuron: z = Σ wᵢxᵢ + b, a = f(z).
    let x = [0.5, -1.0, 2.0]
    let w = [0.4, 0.3, -0.2]
    let b = 0.1
    notebook.cell("neuron", "One neuron: z = Σ wᵢxᵢ + b, a = f(z)") { cell in
      cell.vector("x", x)
      cell.vector("w", w)
      cell.value("b", b)
      let products = zip(w, x).map(*)
      let z = products.reduce(0, +) + b
      cell.line("z = \(writtenSum(w, x, plus: b))")
      cell.line("  = " + signedTerms((products + [b]).map { ($0, Format.number(abs($0))) }))
      cell.line("  = \(Format.number(z))")
      cell.table(
        ["activation", "a = f(z)"],
        [["sigmoid", sigmoid(z)], ["tanh", tanh(z)], ["relu", max(0, z)]])
      notebook.result("neuron_z", z)
    }

    // MARK: The 2-3-1 network by hand.
    let (W1, b1, W2, b2, input) = (TwoThreeOne.W1, TwoThreeOne.b1, TwoThreeOne.W2, TwoThreeOne.b2, TwoThreeOne.x)
    var handHidden: [Double] = []
    var handOutput = 0.0
    notebook.cell("network", "The 2-3-1 network and its parameters") { cell in
      cell.line("x [2] → hidden layer: z₁ = W₁x + b₁, a₁ = σ(z₁) [3] → output: z₂ = W₂a₁ + b₂, ŷ = σ(z₂) [1]")
      cell.tensor("W₁", Tensor(W1))
      cell.tensor("b₁", Tensor(b1))
      cell.tensor("W₂", Tensor(W2))
      cell.tensor("b₂", Tensor(b2))
      cell.vector("the input of the worked example: x", input)
      let count = TwoThreeOne.model().parameterCount
      cell.line("parameters: 3·2 + 3 + 1·3 + 1 = \(count)")
      notebook.result("parameter_count", count)
    }

    notebook.cell("by-hand", "The forward pass by hand, neuron by neuron, for x = \(Format.vector(input))") { cell in
      cell.line("Hidden layer:")
      for i in 0..<3 {
        let z = zip(W1[i], input).map(*).reduce(0, +) + b1[i]
        let a = sigmoid(z)
        handHidden.append(a)
        cell.line(
          "  z₁[\(i + 1)] = \(writtenSum(W1[i], input, plus: b1[i])) = \(Format.number(z))"
            + "    a₁[\(i + 1)] = σ(\(Format.number(z, digits: 4))) = \(Format.number(a))")
      }
      cell.line("Output layer:")
      let z2 = zip(W2[0], handHidden).map(*).reduce(0, +) + b2[0]
      handOutput = sigmoid(z2)
      cell.line("  z₂ = \(writtenSum(W2[0], handHidden, plus: b2[0])) = \(Format.number(z2))")
      cell.line("  ŷ = σ(z₂) = \(Format.number(handOutput))")
      cell.line("ŷ > 0.5, so the network predicts class 1 for this x.")
      notebook.result("hidden_activations", handHidden)
      notebook.result("output", handOutput)
    }

    // MARK: The same in matrix form with Autograd.
    notebook.cell("matrix-form", "The same in matrix form, with Autograd") { cell in
      let xT = Tensor(input).reshaped([2, 1])  // [2, 1], a column
      let z1 = Tensor(W1).matmul(xT) + Tensor(b1).reshaped([3, 1])  // [3, 1]
      let a1 = z1.sigmoid()  // [3, 1]
      let z2 = Tensor(W2).matmul(a1) + Tensor(b2).reshaped([1, 1])  // [1, 1]
      let yHat = z2.sigmoid()  // [1, 1]
      cell.tensor("z₁ = W₁x + b₁", z1.reshaped([-1]))
      cell.tensor("a₁ = σ(z₁)", a1.reshaped([-1]))
      cell.tensor("z₂ = W₂a₁ + b₂", z2.reshaped([-1]))
      cell.tensor("ŷ = σ(z₂)", yHat.reshaped([-1]))
      let handDifference = max(
        abs(yHat.item - handOutput), zip(a1.scalars, handHidden).map { abs($0 - $1) }.max()!)
      cell.line("largest difference from the hand computation: \(Format.within(handDifference, Format.roundingBound))")
      cell.line()
      cell.line("A batch: the inputs as rows of X [4, 2]; then Z₁ = X·W₁ᵀ + b₁ [4, 3], one row per input.")
      let model = TwoThreeOne.model()  // Linear layers computing x·Wᵀ + b
      let X = Tensor(TwoThreeOne.batch)  // [4, 2]
      let Z1 = model.layers[0](X)  // [4, 3]
      let Yhat = model(X).sigmoid()  // [4, 1]
      cell.tensor("X", X)
      cell.tensor("Z₁", Z1)
      cell.tensor("Ŷ", Yhat)
      cell.line("row 1 of Ŷ is the single-input ŷ above: \(Yhat.scalars[0] == yHat.item ? "identical" : "different")")
      notebook.result("batch_outputs", Yhat.scalars)
    }

    try notebook.cell("output-plane", "The network's output over the input plane") { cell in
      let model = TwoThreeOne.model()
      let grid = Grid(x: -4...4, y: -4...4, xCount: 81, yCount: 81) { x1, x2 in
        withoutGradient { model(Tensor([x1, x2])).sigmoid().item }
      }
      let values = grid.z.joined()
      cell.line(
        "over x₁, x₂ ∈ [−4, 4]: ŷ from \(Format.number(values.min()!, digits: 4)) to \(Format.number(values.max()!, digits: 4))"
      )
      if values.min()! > 0.5 {
        cell.line("ŷ > 0.5 everywhere here: untrained, the network predicts class 1 for every input in the square.")
      } else {
        cell.line("The line ŷ = 0.5 is where these untrained weights happen to put the boundary.")
      }
      try cell.figure(
        ContourPlot(
          name: "output-plane", title: "ŷ of the 2-3-1 network over the input plane", xLabel: "x_1", yLabel: "x_2",
          surface: grid, markers: [.init("the batch X", points: TwoThreeOne.batch.map { ($0[0], $0[1]) })],
          colorLabel: "ŷ", levelCount: 10))
    }

    try sourceChecks(notebook, hidden: handHidden, output: handOutput)
  }
}
