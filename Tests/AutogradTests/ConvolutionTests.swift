// ConvolutionTests.swift — convolution, pooling and the recurrent cells against values worked
// out by hand, and the LSTM step against Swift's compiler differentiation.

import Foundation
import Testing
import _Differentiation

@testable import Autograd

@Suite("Convolution, pooling, recurrent cells")
struct ConvolutionTests {
  @Test("conv1d slides the kernel without flipping it (cross-correlation)")
  func conv1dByHand() {
    let x = Tensor(shape: [1, 5, 1], scalars: [1, 2, 0, -1, 3])
    let w = Tensor(shape: [1, 3, 1], scalars: [1, 0, -1])
    // y_i = x_i − x_{i+2}: [1 − 0, 2 − (−1), 0 − 3]
    #expect(conv1d(x, w).scalars == [1, 3, -3])
    // Padding 1 adds a zero at each end; stride 2 keeps every other window.
    #expect(conv1d(x, w, padding: 1).scalars == [-2, 1, 3, -3, -1])
    #expect(conv1d(x, w, stride: 2, padding: 1).scalars == [-2, 3, -1])
    #expect(conv1d(x, w, bias: Tensor([0.5])).scalars == [1.5, 3.5, -2.5])
  }

  @Test(
    "the output size is ⌊(n + 2p − k)/s⌋ + 1",
    arguments: [(7, 3, 1, 0), (7, 3, 2, 1), (8, 2, 2, 0), (28, 3, 1, 0), (5, 5, 3, 2)])
  func outputSize(_ c: (n: Int, k: Int, s: Int, p: Int)) {
    let y = Tensor.zeros([1, c.n, 1]).patches(kernel: c.k, stride: c.s, padding: c.p)
    #expect(y.shape[1] == (c.n + 2 * c.p - c.k) / c.s + 1)
    #expect(y.shape[1] == Tensor.windowCount(size: c.n, kernel: c.k, stride: c.s, padding: c.p))
  }

  @Test("conv2d over channels: every filter sums over its window and every channel")
  func conv2dByHand() {
    // A 3×3 image with two channels; channel 2 is channel 1 times 10.
    let pixels: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let x = Tensor(shape: [1, 3, 3, 2], scalars: pixels.flatMap { [$0, 10 * $0] })
    // One 2×2 filter reading channel 1 with [[1, 0], [0, −1]] and channel 2 with 0.1 everywhere.
    let w = Tensor(shape: [1, 2, 2, 2], scalars: [1, 0.1, 0, 0.1, 0, 0.1, -1, 0.1])
    // Top-left window: 1 − 5 + 0.1·(10 + 20 + 40 + 50) = 8.
    let y = conv2d(x, w)
    #expect(y.shape == [1, 2, 2, 1])
    #expect(isClose(y.scalars, [8, 12, 20, 24], tolerance: 1e-12))
  }

  @Test("a convolution layer matches a Linear layer applied to each window")
  func convIsLinearOnWindows() {
    var rng = SeededGenerator(seed: 3)
    let conv = Conv1D(channels: 2, filters: 3, kernel: 2, using: &rng)
    let x = randomTensor([1, 4, 2])
    let dense = Linear(W: conv.W.reshaped([3, 4]).detached(), b: conv.b.detached())
    let window = x.sliced(axis: 1, 1..<3).reshaped([4])  // the second window, flattened
    #expect(isClose(dense(window).scalars, conv(x).sliced(axis: 1, 1..<2).scalars, tolerance: 1e-12))
  }

  @Test("max pooling sends each window's gradient to its largest entry; average pooling shares it")
  func poolingGradients() {
    let x = Tensor(shape: [1, 6, 1], scalars: [1, 5, 2, 2, -1, -3], requiresGrad: true)
    let maxed = pool1d(x, .max, size: 2)
    #expect(maxed.scalars == [5, 2, -1])
    (maxed * Tensor(shape: [1, 3, 1], scalars: [1, 2, 3])).sum().backward()
    #expect(x.grad!.scalars == [0, 1, 1, 1, 3, 0])  // the tie 2, 2 shares its gradient
    x.grad = nil
    let averaged = pool1d(x, .average, size: 3)
    let thirds: [Double] = [8.0 / 3, -2.0 / 3]
    #expect(averaged.scalars == thirds)
    averaged.sum().backward()
    #expect(isClose(x.grad!.scalars, [Double](repeating: 1.0 / 3, count: 6), tolerance: 1e-15))
  }

  @Test("2×2 max pooling halves height and width")
  func pool2dShape() {
    let x = Tensor(shape: [1, 4, 4, 1], scalars: (0..<16).map(Double.init))
    #expect(pool2d(x, .max, size: (2, 2)).scalars == [5, 7, 13, 15])
    #expect(pool2d(x, .average, size: (2, 2)).scalars == [2.5, 4.5, 10.5, 12.5])
  }

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
