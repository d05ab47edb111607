// StabilityTests.swift — softmax, log-softmax and the cross-entropies at logits of 1e4,
// where a naive exp overflows to ∞ and a naive log sees 0.

import Foundation
import Testing

@testable import Autograd

@Suite("Numerical stability at large inputs")
struct StabilityTests {
  let logits = Tensor([[1e4, 0, -1e4], [-1e4, -1e4 + 1, -1e4 + 3]])

  @Test func softmaxStaysFinite() {
    let y = logits.softmax(axis: -1)
    #expect(y.scalars.allSatisfy { $0.isFinite })
    #expect(isClose(y.rows[0], [1, 0, 0]))
    // Rows that differ only by a constant have the same softmax: [0, 1, 3].
    let expected = [0.0, 1, 3].map { (v: Double) in exp(v) / (1 + exp(1.0) + exp(3.0)) }
    #expect(isClose(y.rows[1], expected, tolerance: 1e-12))
  }

  @Test func logSoftmaxStaysFinite() {
    let y = logits.logSoftmax(axis: -1)
    #expect(y.scalars.allSatisfy { $0.isFinite })
    #expect(isClose(y.rows[0], [0, -1e4, -2e4]))
    let lse = log(1 + exp(1.0) + exp(3.0))
    #expect(isClose(y.rows[1], [-lse, 1 - lse, 3 - lse], tolerance: 1e-12))
  }

  @Test func logSumExpAtLargeInputs() {
    let lse = logits.logSumExp(axis: -1)
    #expect(isClose(lse.scalars, [1e4, -1e4 + log(1 + exp(1.0) + exp(3.0))], tolerance: 1e-14))
  }

  @Test func softmaxCrossEntropyAndItsGradient() {
    let z = Tensor(logits.rows, requiresGrad: true)
    let loss = softmaxCrossEntropy(logits: z, labels: [1, 2])
    // Row 0: −log softmax = 1e4 − 0; row 1: lse − 3.
    let expected = (1e4 + (log(1 + exp(1.0) + exp(3.0)) - 3)) / 2
    #expect(isClose(loss.item, expected, tolerance: 1e-12))
    loss.backward()
    #expect(z.grad!.scalars.allSatisfy { $0.isFinite })
    // ∂L/∂z = (softmax − onehot)/n
    #expect(isClose(z.grad!.rows[0], [0.5, -0.5, 0]))
  }

  @Test func sigmoidCrossEntropyAtLargeLogits() {
    let z = Tensor([1e4, -1e4, 1e4, -1e4], requiresGrad: true)
    let t = Tensor([1, 0, 0, 1])
    let loss = sigmoidCrossEntropy(logits: z, labels: t)
    // Two confident right answers cost 0, two confident wrong ones cost 1e4 each.
    #expect(isClose(loss.item, 2e4 / 4))
    loss.backward()
    #expect(isClose(z.grad!.scalars, [0, 0, 0.25, -0.25]))
  }

  @Test func sigmoidAndSoftplusAtExtremes() {
    let x = Tensor([-1e4, -800, 800, 1e4])
    #expect(x.sigmoid().scalars == [0, 0, 1, 1])
    #expect(isClose(x.softplus().scalars, [0, 0, 800, 1e4]))
  }

  @Test("the naive softmax overflows where the stable one does not")
  func naiveOverflows() {
    let naive = logits.exp() / logits.exp().sum(axis: -1, keepingAxis: true)
    #expect(naive.scalars.contains { $0.isNaN })
  }
}
