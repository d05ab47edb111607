// GradientCheckTests.swift — every differentiable operation: backward() against central
// finite differences, on seeded random inputs, over several shapes including broadcasting.

import Foundation
import Testing

@testable import Autograd

/// One operation applied to inputs of given shapes, drawn from `range`.
struct OpCase: Sendable, CustomTestStringConvertible {
  let name: String
  let shapes: [[Int]]
  var range: ClosedRange<Double> = -2...2
  let f: @Sendable ([Tensor]) -> Tensor

  var testDescription: String { "\(name) \(shapes.map { "\($0)" }.joined(separator: " "))" }

  func inputs() -> [Tensor] {
    shapes.enumerated().map { randomTensor($1, in: range, seed: UInt64($0 + 1)) }
  }
}

let elementwiseCases: [OpCase] = [
  OpCase(name: "add", shapes: [[2, 3], [2, 3]]) { $0[0] + $0[1] },
  OpCase(name: "add", shapes: [[2, 3], [3]]) { $0[0] + $0[1] },
  OpCase(name: "add", shapes: [[4, 1], [1, 5]]) { $0[0] + $0[1] },
  OpCase(name: "add scalar", shapes: [[3], []]) { $0[0] + $0[1] + 2.5 },
  OpCase(name: "subtract", shapes: [[2, 3], [2, 1]]) { $0[0] - $0[1] },
  OpCase(name: "subtract", shapes: [[3], [2, 3]]) { 1.0 - $0[0] - $0[1] },
  OpCase(name: "subtract a column", shapes: [[3, 1], [3, 4]]) { $0[0] - $0[1] },
  OpCase(name: "divide by a column", shapes: [[2, 3, 4], [2, 3, 1]], range: 0.5...2) { $0[0] / $0[1] },
  OpCase(name: "multiply", shapes: [[2, 3], [3]]) { $0[0] * $0[1] },
  OpCase(name: "multiply", shapes: [[3, 1, 2], [4, 2]]) { $0[0] * $0[1] * 3.0 },
  OpCase(name: "divide", shapes: [[2, 3], [3]], range: 0.5...2) { $0[0] / $0[1] },
  OpCase(name: "divide", shapes: [[2, 1], [1, 4]], range: 0.5...2) { 2.0 / $0[0] / $0[1] },
  OpCase(name: "negate", shapes: [[5]]) { -$0[0] },
  OpCase(name: "pow 3", shapes: [[2, 3]]) { $0[0].pow(3) },
  OpCase(name: "pow 0.5", shapes: [[4]], range: 0.5...2) { $0[0].pow(0.5) },
  OpCase(name: "pow -1.5", shapes: [[4]], range: 0.5...2) { $0[0].pow(-1.5) },
  OpCase(name: "exp", shapes: [[2, 3]]) { $0[0].exp() },
  OpCase(name: "log", shapes: [[2, 3]], range: 0.2...3) { $0[0].log() },
  OpCase(name: "sqrt", shapes: [[6]], range: 0.2...3) { $0[0].sqrt() },
  OpCase(name: "abs", shapes: [[7]]) { $0[0].abs() },
  OpCase(name: "relu", shapes: [[3, 4]]) { $0[0].relu() },
  OpCase(name: "leakyRelu", shapes: [[3, 4]]) { $0[0].leakyRelu(slope: 0.1) },
  OpCase(name: "sigmoid", shapes: [[3, 4]]) { $0[0].sigmoid() },
  OpCase(name: "tanh", shapes: [[3, 4]]) { $0[0].tanh() },
  OpCase(name: "softplus", shapes: [[3, 4]], range: -20...20) { $0[0].softplus() },
  OpCase(name: "gelu", shapes: [[3, 4]]) { $0[0].gelu() },
  OpCase(name: "normalCDF", shapes: [[5]]) { $0[0].normalCDF() },
  OpCase(name: "clamped", shapes: [[3, 4]]) { $0[0].clamped(min: -1, max: 1) },
  OpCase(name: "where", shapes: [[3, 4], [3, 4], [4]]) { Tensor.where($0[0] .> 0, $0[1], $0[2]) },
]

let reductionCases: [OpCase] = [
  OpCase(name: "sum", shapes: [[2, 3, 2]]) { $0[0].sum() },
  OpCase(name: "mean", shapes: [[2, 3]]) { $0[0].mean() },
  OpCase(name: "sum axis 0", shapes: [[2, 3, 2]]) { $0[0].sum(axis: 0) },
  OpCase(name: "sum axis -1 kept", shapes: [[2, 3, 2]]) { $0[0].sum(axis: -1, keepingAxis: true) },
  OpCase(name: "mean axis 1", shapes: [[2, 3, 2]]) { $0[0].mean(axis: 1) },
  OpCase(name: "max", shapes: [[3, 4]]) { $0[0].max() },
  OpCase(name: "max axis 1", shapes: [[3, 4]]) { $0[0].max(axis: 1) },
  OpCase(name: "max axis 0 kept", shapes: [[3, 4, 2]]) { $0[0].max(axis: 0, keepingAxis: true) },
  OpCase(name: "logSumExp axis -1", shapes: [[3, 4]]) { $0[0].logSumExp(axis: -1) },
  OpCase(name: "logSumExp axis 0", shapes: [[3, 4]]) { $0[0].logSumExp(axis: 0, keepingAxis: true) },
  OpCase(name: "softmax axis -1", shapes: [[3, 4]]) { $0[0].softmax(axis: -1) },
  OpCase(name: "softmax axis 1", shapes: [[2, 3, 4]]) { $0[0].softmax(axis: 1) },
  OpCase(name: "logSoftmax axis -1", shapes: [[3, 5]]) { $0[0].logSoftmax(axis: -1) },
  OpCase(name: "logSoftmax axis 0", shapes: [[3, 5]]) { $0[0].logSoftmax(axis: 0) },
]

let shapeCases: [OpCase] = [
  OpCase(name: "reshaped", shapes: [[2, 6]]) { $0[0].reshaped([3, -1]) * $0[0].reshaped([3, 4]) },
  OpCase(name: "transposed", shapes: [[2, 3, 4]]) { $0[0].transposed() },
  OpCase(name: "permuted", shapes: [[2, 3, 4]]) { $0[0].permuted([2, 0, 1]) },
  OpCase(name: "squeezed", shapes: [[3, 1, 2]]) { $0[0].squeezed(axis: 1) },
  OpCase(name: "unsqueezed", shapes: [[3, 2]]) { $0[0].unsqueezed(axis: 1) + $0[0].unsqueezed(axis: -3) },
  OpCase(name: "concatenated", shapes: [[2, 3], [2, 2]]) { Tensor.concatenated([$0[0], $0[1], $0[0]], axis: 1) },
  OpCase(name: "concatenated axis 0", shapes: [[1, 3], [2, 3]]) { Tensor.concatenated([$0[0], $0[1]], axis: 0) },
  OpCase(name: "sliced", shapes: [[3, 5]]) { $0[0].sliced(axis: 1, 1..<4) },
  OpCase(name: "sliced axis 0", shapes: [[4, 2, 2]]) { $0[0].sliced(axis: 0, 2..<4) },
  OpCase(name: "gathered", shapes: [[4, 3]]) { $0[0].gathered([2, 0, 2, 3]) },
  OpCase(name: "broadcasted", shapes: [[3, 1]]) { $0[0].broadcasted(to: [2, 3, 4]) },
  OpCase(name: "summed", shapes: [[2, 3, 4]]) { $0[0].summed(toShape: [3, 1]) },
]

let matmulCases: [OpCase] = [
  OpCase(name: "matmul", shapes: [[3, 4], [4, 2]]) { $0[0].matmul($0[1]) },
  OpCase(name: "matmul batched × matrix", shapes: [[2, 3, 4], [4, 5]]) { $0[0].matmul($0[1]) },
  OpCase(name: "matmul broadcast batches", shapes: [[2, 1, 3, 4], [3, 4, 2]]) { $0[0].matmul($0[1]) },
  OpCase(name: "matmul then tanh", shapes: [[1, 3], [3, 3]]) { $0[0].matmul($0[1]).tanh().matmul($0[1]) },
  OpCase(name: "matmul transposing", shapes: [[3, 4], [2, 4]]) { $0[0].matmul(transposing: $0[1]) },
  OpCase(name: "matmul transposing, batched", shapes: [[2, 3, 4], [5, 4]]) { $0[0].matmul(transposing: $0[1]) },
  OpCase(name: "product Aᵀ·B", shapes: [[4, 3], [4, 2]]) {
    Tensor.product($0[0], $0[1], transposeA: true, transposeB: false)
  },
  OpCase(name: "product Aᵀ·Bᵀ, batched", shapes: [[2, 4, 3], [2, 4]]) {
    Tensor.product($0[0], $0[1], transposeA: true, transposeB: true)
  },
]

let modelCases: [OpCase] = [
  OpCase(name: "meanSquaredError", shapes: [[4, 2], [4, 2]]) { meanSquaredError(predicted: $0[0], expected: $0[1]) },
  // Range ±2 puts differences on both sides of δ = 1 (and of δ = 0.5): both pieces are checked.
  OpCase(name: "huberLoss", shapes: [[4, 2], [4, 2]]) { huberLoss(predicted: $0[0], expected: $0[1]) },
  OpCase(name: "huberLoss δ = 0.5", shapes: [[6], [6]]) { huberLoss(predicted: $0[0], expected: $0[1], delta: 0.5) },
  OpCase(name: "softmaxCrossEntropy", shapes: [[4, 3]]) { softmaxCrossEntropy(logits: $0[0], labels: [0, 2, 1, 2]) },
  OpCase(name: "binaryCrossEntropy", shapes: [[5], [5]], range: 0.1...0.9) {
    binaryCrossEntropy(probabilities: $0[0], targets: $0[1])
  },
  OpCase(name: "sigmoidCrossEntropy", shapes: [[5], [5]], range: 0...1) {
    sigmoidCrossEntropy(logits: ($0[0] - 0.5) * 8, labels: $0[1])
  },
  OpCase(name: "attention scaled", shapes: [[3, 4], [5, 4], [5, 2]]) {
    attention(query: $0[0], key: $0[1], value: $0[2]).output
  },
  OpCase(name: "attention unscaled, batched", shapes: [[2, 3, 4], [2, 5, 4], [2, 5, 2]]) {
    attention(query: $0[0], key: $0[1], value: $0[2], scaled: false).output
  },
  OpCase(name: "attention causal mask", shapes: [[4, 3], [4, 3], [4, 3]]) {
    let causal = Tensor.ones([4, 4]) - (Tensor.arange(0, 4).reshaped([4, 1]) .< Tensor.arange(0, 4))
    return attention(query: $0[0], key: $0[1], value: $0[2], mask: causal).output
  },
  OpCase(name: "Linear", shapes: [[5, 3], [2, 3], [2]]) { Linear(W: $0[1], b: $0[2])($0[0]).tanh() },
  OpCase(name: "normalized", shapes: [[3, 5]]) { $0[0].normalized() },
  OpCase(name: "normalized axis 0", shapes: [[4, 2]]) { $0[0].normalized(axis: 0) },
  OpCase(name: "patches 2×2, stride 1", shapes: [[2, 3, 4, 2]]) { $0[0].patches(kernel: (2, 2)) },
  OpCase(name: "patches 3×2, stride 2, padding 1", shapes: [[1, 4, 5, 2]]) {
    $0[0].patches(kernel: (3, 2), stride: (2, 2), padding: (1, 1))
  },
  OpCase(name: "patches 1-D, kernel 3, padding 1", shapes: [[2, 5, 3]]) { $0[0].patches(kernel: 3, padding: 1) },
  OpCase(name: "conv1d", shapes: [[2, 6, 3], [4, 3, 3], [4]]) { conv1d($0[0], $0[1], bias: $0[2]).tanh() },
  OpCase(name: "conv1d stride 2, padding 2", shapes: [[1, 7, 2], [3, 3, 2]]) {
    conv1d($0[0], $0[1], stride: 2, padding: 2)
  },
  OpCase(name: "conv2d", shapes: [[2, 4, 5, 2], [3, 3, 3, 2], [3]]) { conv2d($0[0], $0[1], bias: $0[2]) },
  OpCase(name: "conv2d stride 2, padding 1", shapes: [[1, 5, 5, 1], [2, 3, 3, 1]]) {
    conv2d($0[0], $0[1], stride: (2, 2), padding: (1, 1)).sigmoid()
  },
  OpCase(name: "max pool 1-D", shapes: [[2, 6, 3]]) { pool1d($0[0], .max, size: 2) },
  OpCase(name: "average pool 1-D, overlapping", shapes: [[2, 6, 3]]) { pool1d($0[0], .average, size: 3, stride: 1) },
  OpCase(name: "max pool 2-D", shapes: [[2, 4, 4, 2]]) { pool2d($0[0], .max, size: (2, 2)) },
  OpCase(name: "max pool 2-D, leftover rows", shapes: [[2, 5, 7, 3]]) { pool2d($0[0], .max, size: (2, 3)) },
  OpCase(name: "max pool 2-D by patches", shapes: [[2, 4, 4, 2]]) { pool2dByPatches($0[0], .max, size: (2, 2)) },
  OpCase(name: "conv2d, 3 channels, batch 3, then max pool", shapes: [[3, 6, 6, 3], [4, 3, 3, 3], [4]]) {
    pool2d(conv2d($0[0], $0[1], bias: $0[2]), .max, size: (2, 2))
  },
  OpCase(name: "average pool 2-D", shapes: [[1, 4, 6, 2]]) { pool2d($0[0], .average, size: (2, 3)) },
  OpCase(name: "attention with padding mask", shapes: [[2, 4, 3], [2, 4, 3], [2, 4, 2]]) {
    attention(query: $0[0], key: $0[1], value: $0[2], mask: Tensor([1.0, 1, 1, 0])).output
  },
]

@Suite("Gradients match central finite differences")
struct GradientCheckTests {
  func check(_ c: OpCase) {
    let report = gradientCheck(c.inputs(), of: c.f)
    #expect(report.passed, "\(c.testDescription)\n\(report)")
  }

  @Test(arguments: elementwiseCases) func elementwise(_ c: OpCase) { check(c) }
  @Test(arguments: reductionCases) func reductions(_ c: OpCase) { check(c) }
  @Test(arguments: shapeCases) func shapeOperations(_ c: OpCase) { check(c) }
  @Test(arguments: matmulCases) func matrixProducts(_ c: OpCase) { check(c) }
  @Test(arguments: modelCases) func lossesAttentionLayers(_ c: OpCase) { check(c) }

  /// Every parameter and the input of a layer, checked at once.
  func checkLayer(_ parameters: [Tensor], input x: Tensor, _ f: @escaping () -> Tensor) {
    let report = gradientCheck(parameters + [x]) { _ in f() }
    #expect(report.passed, "\(report)")
  }

  @Test func layerNorm() {
    let norm = LayerNorm(width: 4)
    norm.gamma.scalars = [1.5, 0.5, -1, 2]
    norm.beta.scalars = [0.1, 0, -0.2, 0.3]
    let x = randomTensor([3, 4])
    checkLayer(norm.parameters, input: x) { norm(x).tanh() }
  }

  @Test func multiHeadAttention() {
    var rng = SeededGenerator(seed: 3)
    let attention = MultiHeadAttention(width: 4, heads: 2, using: &rng)
    let x = randomTensor([2, 3, 4])
    let causal = Tensor([[1.0, 0, 0], [1, 1, 0], [1, 1, 1]])
    checkLayer(attention.parameters, input: x) { attention(x, mask: causal) }
  }

  @Test func transformerBlock() {
    var rng = SeededGenerator(seed: 4)
    let block = TransformerBlock(width: 4, heads: 2, hiddenWidth: 6, using: &rng)
    let x = randomTensor([2, 3, 4])
    checkLayer(block.parameters, input: x) { block(x) }
  }

  @Test func conv2DLayer() {
    var rng = SeededGenerator(seed: 5)
    let layer = Conv2D(channels: 2, filters: 3, kernel: (2, 2), padding: (1, 1), using: &rng)
    let x = randomTensor([2, 3, 3, 2])
    checkLayer(layer.parameters, input: x) { pool2d(layer(x).relu(), .max, size: (2, 2)) }
  }

  @Test("backpropagation through time in an RNN, over 5 steps")
  func rnnThroughTime() {
    var rng = SeededGenerator(seed: 6)
    let cell = RNNCell(inputs: 2, hidden: 3, using: &rng)
    let x = randomTensor([2, 5, 2])
    checkLayer(cell.parameters, input: x) { cell.sequence(x).last!.pow(2).sum() }
  }

  @Test("backpropagation through time in an LSTM, through every state, over 4 steps")
  func lstmThroughTime() {
    var rng = SeededGenerator(seed: 7)
    let cell = LSTMCell(inputs: 2, hidden: 3, using: &rng)
    let x = randomTensor([2, 4, 2])
    checkLayer(cell.parameters, input: x) {
      cell.sequence(x).map { ($0.hidden * $0.cell).sum() }.reduce(Tensor(0.0), +)
    }
  }

  @Test("multi-head attention is the concatenation of independent heads")
  func headsAreIndependent() {
    var rng = SeededGenerator(seed: 5)
    let mha = MultiHeadAttention(width: 4, heads: 2, using: &rng)
    let x = randomTensor([1, 3, 4])
    let full = withoutGradient { mha(x) }
    let (q, k, v) = withoutGradient { (mha.query(x), mha.key(x), mha.value(x)) }  // [1, 3, 4]
    let heads = (0..<2).map { h in
      attention(
        query: q.sliced(axis: 2, (2 * h)..<(2 * h + 2)), key: k.sliced(axis: 2, (2 * h)..<(2 * h + 2)),
        value: v.sliced(axis: 2, (2 * h)..<(2 * h + 2))
      ).output
    }
    let byHand = withoutGradient { mha.output(Tensor.concatenated(heads, axis: 2)) }
    #expect(isClose(full.scalars, byHand.scalars, tolerance: 1e-12))
  }

  @Test("the sinusoidal positional encoding: sin on even columns, cos on odd, rates 10000^(−2i/d)")
  func positional() {
    let pe = positionalEncoding(length: 5, width: 4)
    #expect(pe.shape == [5, 4])
    #expect(isClose(pe.rows[3], [sin(3), cos(3), sin(3 / 100), cos(3 / 100)]))
  }

  @Test("a wrong backward rule is caught, with both sides printed")
  func catchesWrongRule() {
    // sin's derivative is cos; this rule claims −sin, and the check must say NOT OK.
    let x = randomTensor([4])
    let report = gradientCheck([x]) { t in
      Tensor.result(of: "badSin", shape: t[0].shape, scalars: t[0].scalars.map { sin($0) }, inputs: [t[0]]) {
        _, g in [-g * t[0].sigmoid()]
      }
    }
    #expect(!report.passed)
    #expect(report.description.contains("NOT OK"))
    #expect(report.description.contains("analytic"))
  }

  @Test("the check leaves values, requiresGrad and grad as they were")
  func leavesInputsAlone() {
    let x = randomTensor([3])
    let before = x.scalars
    _ = gradientCheck([x]) { $0[0].tanh().sum() }
    #expect(x.scalars == before)
    #expect(!x.requiresGrad)
    #expect(x.grad == nil)
  }
}
