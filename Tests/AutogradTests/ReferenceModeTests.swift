// ReferenceModeTests.swift — the reference mode (ExecutionMode.swift) computes what the fast mode
// computes, bit for bit, on work of the chapters' kind: elementwise ops large enough to be split
// between threads, softmax rows, products below the fixed-order limit, a training step with Adam,
// SGD and a mean's kept gradient.
//
// The mode is one switch for the whole process, and tests run in parallel, so each check runs in
// a process of its own (an exit test): the fast mode first, then the reference mode, compared there.

import Autograd
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every value of a short training run and of the ops on its way, in the current mode.
private func workload() -> [[Double]] {
  var rng = SeededGenerator(seed: 34)
  var outputs: [[Double]] = []
  // Elementwise ops on 40 000 values: above the split into halves, and a blocked sum's count.
  let big = Tensor.uniform([200, 200], in: -6...6, using: &rng, requiresGrad: true)
  let loss = (big.tanh() * big.exp().sqrt() + big.sigmoid()).mean()
  loss.backward()
  outputs += [[loss.item], big.grad!.scalars]
  // Softmax rows (four at a time and alone) and log-softmax along both axes, values and gradients.
  let x = Tensor.uniform([7, 9], in: -20...20, using: &rng, requiresGrad: true)
  for axis in 0..<2 {
    x.grad = nil
    let y = x.softmax(axis: axis) * x.logSoftmax(axis: axis)
    y.sum().backward()
    outputs += [y.scalars, x.grad!.scalars]
  }
  // Products in every transpose, batched and broadcast, below the fixed-order limit.
  let a = Tensor.uniform([3, 5, 7], in: -1...1, using: &rng, requiresGrad: true)
  let w = Tensor.uniform([4, 7], in: -1...1, using: &rng, requiresGrad: true)
  let product = a.matmul(transposing: w).matmul(w).sum() + a.transposed().matmul(a).sum()
  product.backward()
  outputs += [[product.item], a.grad!.scalars, w.grad!.scalars]
  // Training steps: an MLP with Adam and clipping, another with SGD.
  for adam in [true, false] {
    var weights = SeededGenerator(seed: 35)
    let model = MLP(sizes: [6, 32, 32, 3], activation: .tanh, using: &weights)
    let optimizer: Optimizer =
      adam
      ? Adam(parameters: model.parameters, learningRate: 0.01) : SGD(parameters: model.parameters, learningRate: 0.1)
    let inputs = Tensor.normal([64, 6], using: &rng)
    let targets = Tensor.normal([64, 3], using: &rng)
    for _ in 0..<5 {
      let step = optimizer.step(clippingGradientNorm: 1) {
        meanSquaredError(predicted: model(inputs), expected: targets)
      }
      outputs.append([step.loss, step.gradientNorm])
    }
    outputs += model.parameters.map(\.scalars)
  }
  return outputs
}

private func sameBits(_ a: [[Double]], _ b: [[Double]]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern } }
}

@Suite("The reference mode")
struct ReferenceModeTests {
  @Test("runs the fast mode's work to the same bits on the plain definitions")
  func sameBitsAsFast() async {
    await #expect(processExitsWith: .success) {
      ExecutionMode.current = .fast
      let fast = workload()
      ExecutionMode.current = .reference
      let reference = workload()
      exit(sameBits(fast, reference) ? 0 : 1)
    }
  }

  @Test("computes a product above the fixed-order limit by the textbook loop, not OpenBLAS")
  func largeProductIsTheTextbookLoop() async {
    await #expect(processExitsWith: .success) {
      ExecutionMode.current = .reference
      var rng = SeededGenerator(seed: 36)
      let a = Tensor.uniform([64, 64], in: -1...1, using: &rng)
      let b = Tensor.uniform([64, 64], in: -1...1, using: &rng)  // 2¹⁸ multiply-adds: OpenBLAS's in the fast mode
      let before = productsOutsideFixedOrder
      let c = a.matmul(b)
      let same = c.scalars.map(\.bitPattern) == referenceMatmul(a, b).scalars.map(\.bitPattern)
      exit(same && productsOutsideFixedOrder == before ? 0 : 1)
    }
  }

  @Test("multiplies and normalizes empty tensors as the fast mode does (zeros for an empty inner side)")
  func emptyProducts() async {
    await #expect(processExitsWith: .success) {
      let shapes: [([Int], [Int])] = [([2, 0], [0, 3]), ([0, 3], [3, 2]), ([2, 3], [3, 0]), ([0, 2, 3], [3, 4])]
      var outputs: [[[Double]]] = [[], []]
      for (index, mode) in [ExecutionMode.fast, .reference].enumerated() {
        ExecutionMode.current = mode
        for (left, right) in shapes {
          let a = Tensor.zeros(left, requiresGrad: true)
          let b = Tensor.ones(right, requiresGrad: true)
          let c = a.matmul(b)
          c.sum().backward()
          outputs[index] += [c.shape.map(Double.init), c.scalars, a.grad!.scalars, b.grad!.scalars]
        }
        for shape in [[2, 0], [0, 3]] {
          let x = Tensor.zeros(shape, requiresGrad: true)
          (x.softmax(axis: 1) + x.logSoftmax(axis: 1)).sum().backward()
          outputs[index] += [x.grad!.scalars]
        }
      }
      exit(outputs[0] == outputs[1] ? 0 : 1)
    }
  }

  @Test("AUTOGRAD_MODE other than fast or reference stops with a message")
  func badEnvironment() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        setenv("AUTOGRAD_MODE", "quick", 1)
        _ = ExecutionMode.current
      })
    #expect(text.contains("AUTOGRAD_MODE=quick: the mode must be 'fast' or 'reference'"))
  }
}
