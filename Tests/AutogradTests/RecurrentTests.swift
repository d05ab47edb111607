// RecurrentTests.swift — the RNN and LSTM steps against values worked out by hand, and the
// LSTM's gradients through time against Swift's compiler differentiation.

import Foundation
import Testing
import _Differentiation

@testable import Autograd

@Suite("Recurrent cells")
struct RecurrentTests {
  @Test("the RNN step is tanh(W h + U x + b)")
  func rnnStep() {
    var rng = SeededGenerator(seed: 2)
    let cell = RNNCell(inputs: 2, hidden: 2, using: &rng)
    let (x, h) = (Tensor([[0.5, -1.0]]), Tensor([[0.2, 0.3]]))
    let (W, U, b) = (cell.W.rows, cell.U.rows, cell.b.scalars)
    let expected: [Double] = (0..<2).map { i in
      let z: Double = W[i][0] * 0.2 + W[i][1] * 0.3 + U[i][0] * 0.5 - U[i][1] + b[i]
      return Foundation.tanh(z)
    }
    #expect(isClose(cell(x, h).scalars, expected, tolerance: 1e-15))
  }

  @Test("the LSTM step follows article 003's six equations")
  func lstmEquations() {
    var rng = SeededGenerator(seed: 4)
    let cell = LSTMCell(inputs: 1, hidden: 1, forgetBias: 0.5, using: &rng)
    let (x, h, c) = (0.7, -0.2, 0.4)
    let (W, U, b) = (cell.W.scalars, cell.U.scalars, cell.b.scalars)  // blocks i, f, o, c
    func gate(_ n: Int) -> Double { W[n] * h + U[n] * x + b[n] }
    let sigmoid = { (z: Double) in 1 / (1 + Foundation.exp(-z)) }
    let (i, f, o, g) = (sigmoid(gate(0)), sigmoid(gate(1)), sigmoid(gate(2)), Foundation.tanh(gate(3)))
    let step = cell(Tensor([[x]]), hidden: Tensor([[h]]), cell: Tensor([[c]]))
    #expect(b[1] == 0.5)
    #expect(isClose(step.input.item, i, tolerance: 1e-15))
    #expect(isClose(step.forget.item, f, tolerance: 1e-15))
    #expect(isClose(step.output.item, o, tolerance: 1e-15))
    #expect(isClose(step.candidate.item, g, tolerance: 1e-15))
    #expect(isClose(step.cell.item, f * c + i * g, tolerance: 1e-15))
    #expect(isClose(step.hidden.item, o * Foundation.tanh(f * c + i * g), tolerance: 1e-15))
  }

  @Test("the LSTM's gradients through two steps match the compiler's derivative of the same equations")
  func lstmAgainstCompiler() {
    let weights: [Double] = [0.3, -0.6, 0.8, 0.5, 1.1, 0.4, -0.7, 0.9, 0.1, 1.0, -0.2, 0.05]  // W, U, b blocks
    let inputs: [Double] = [0.9, -0.4]
    // h₂ after two steps of a one-unit LSTM from h₀ = c₀ = 0, written on Doubles.
    @differentiable(reverse)
    func finalHidden(_ p: [Double]) -> Double {
      func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
      var h = 0.0
      var c = 0.0
      for t in 0..<2 {
        let x = inputs[t]
        let i = sigmoid(p[0] * h + p[4] * x + p[8])
        let f = sigmoid(p[1] * h + p[5] * x + p[9])
        let o = sigmoid(p[2] * h + p[6] * x + p[10])
        let g = tanh(p[3] * h + p[7] * x + p[11])
        c = f * c + i * g
        h = o * tanh(c)
      }
      return h
    }
    let compiler = gradient(at: weights, of: finalHidden).base
    let cell = LSTMCell(
      W: Tensor(shape: [4, 1], scalars: Array(weights[0..<4])),
      U: Tensor(shape: [4, 1], scalars: Array(weights[4..<8])),
      b: Tensor(Array(weights[8..<12])))
    cell.sequence(Tensor(shape: [1, 2, 1], scalars: inputs)).last!.hidden.sum().backward()
    let ours = cell.W.grad!.scalars + cell.U.grad!.scalars + cell.b.grad!.scalars
    #expect(isClose(ours, compiler, tolerance: 1e-12), "autograd \(ours)\ncompiler \(compiler)")
  }
}
