// EdgeValueTests.swift — NaN propagates wherever it stands, and losses are exact and finite at
// the edges of their domains.

import Foundation
import Testing

import Autograd

@Suite("NaN and edge values")
struct EdgeValueTests {
  @Test("NaN passes through relu and clamped, instead of becoming 0")
  func nanThroughActivations() {
    #expect(Tensor([.nan, -1, 2]).relu().scalars[0].isNaN)
    #expect(Tensor([.nan]).clamped(min: 0, max: 1).scalars[0].isNaN)
    #expect(Tensor([-0.0, -1, 2]).relu().scalars == [0, 0, 2])
    let x = Tensor([.nan, 2], requiresGrad: true)
    x.abs().sum().backward()
    #expect(x.grad!.scalars[0].isNaN && x.grad!.scalars[1] == 1)
  }

  @Test("max is NaN when any element is, wherever it stands", arguments: [[.nan, 1, 3], [1, .nan, 3], [1, 3, .nan]])
  func nanInMax(_ values: [Double]) {
    #expect(Tensor(values).max().item.isNaN)
    #expect(Tensor(shape: [1, 3], scalars: values).max(axis: 1).item.isNaN)
    #expect(Tensor(shape: [1, 3], scalars: values).logSumExp(axis: 1).item.isNaN)
  }

  @Test("an MLP with one NaN weight has a NaN loss, not a finite one")
  func nanWeightShows() {
    var rng = SeededGenerator(seed: 2)
    let model = MLP(sizes: [2, 4, 1], activation: .relu, using: &rng)
    model.parameters[0].scalars[0] = .nan
    let loss = meanSquaredError(predicted: model(Tensor([[1.0, 1.0]])), expected: Tensor([[0.0]]))
    #expect(loss.item.isNaN)
  }

  @Test("binary cross-entropy is exact and finite at p = 0 and p = 1")
  func bceAtTheEdges() {
    let p = Tensor([1.0, 0.0, 1 / (1 + exp(-40.0))], requiresGrad: true)  // the last rounds to exactly 1
    let t = Tensor([1.0, 0.0, 1.0], requiresGrad: true)
    let loss = binaryCrossEntropy(probabilities: p, targets: t)
    loss.backward()
    #expect(loss.item == 0)
    #expect(p.grad!.scalars.allSatisfy(\.isFinite) && t.grad!.scalars.allSatisfy(\.isFinite))
    // A certain wrong answer costs log's clamp, 100, as in PyTorch.
    #expect(binaryCrossEntropy(probabilities: Tensor([0.0]), targets: Tensor([1.0])).item == 100)
  }

  @Test("sigmoid cross-entropy at ±∞: 0 where the label agrees, ∞ where it does not")
  func sigmoidCrossEntropyAtInfinity() {
    let z = Tensor([.infinity, -.infinity], requiresGrad: true)
    let agrees = sigmoidCrossEntropy(logits: z, labels: Tensor([1.0, 0.0]))
    agrees.backward()
    #expect(agrees.item == 0)
    #expect(z.grad!.scalars == [0, 0])
    #expect(sigmoidCrossEntropy(logits: Tensor([.infinity]), labels: Tensor([0.0])).item == .infinity)
    #expect(isClose(sigmoidCrossEntropy(logits: Tensor([0.0]), labels: Tensor([1.0])).item, log(2), tolerance: 1e-15))
  }
}
