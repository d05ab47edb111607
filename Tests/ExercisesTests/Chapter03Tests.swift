// Chapter03Tests.swift — exercises 3.1–3.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 03 exercises", .exerciseStatus)
struct Chapter03Tests {
  @Test("Exercise 3.1: one residual on each side of δ [2 points]")
  func huberExample() throws {
    // Residuals 0.5 (quadratic: 0.125) and −3 (linear: 1·(3 − 0.5) = 2.5).
    #expect(close(try huberLoss(predictions: [1.5, -1], targets: [1, 2], delta: 1), 1.3125))
  }

  @Test("Exercise 3.2: ∂L/∂z = (σ(z) − y)/n [2 points]")
  func sigmoidGradient() throws {
    let g = try sigmoidCrossEntropyGradient(logits: [0, 2], targets: [1, 0])
    #expect(close(g, [-0.25, 0.440398538988941]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 3.1: matches the definition at δ = 0.7, both pieces and the seam [3 points]")
  func huberMixed() throws {
    let predictions = [0.2, -1.1, 3.0, 0.7, -0.7]
    let targets = [0.0, 0.0, 1.0, 0.0, 0.0]
    // r = 0.2, −1.1, 2, 0.7, −0.7: ½·0.04, 0.7·(1.1 − 0.35), 0.7·(2 − 0.35), ½·0.49, ½·0.49
    let expected = (0.02 + 0.525 + 1.155 + 0.245 + 0.245) / 5
    #expect(close(try huberLoss(predictions: predictions, targets: targets, delta: 0.7), expected))
  }

  @Test("Exercise 3.1: with a large δ it is half the mean squared error [1 point]")
  func huberQuadratic() throws {
    let p = [0.3, -2.0, 1.25]
    let t = [1.0, 0.5, 1.0]
    let mse = meanSquaredError(predicted: Tensor(p), expected: Tensor(t)).item
    #expect(close(try huberLoss(predictions: p, targets: t, delta: 100), mse / 2))
  }

  @Test("Exercise 3.2: matches autograd, also at logits of ±1e4 [3 points]")
  func sigmoidGradientAgainstAutograd() throws {
    for (logits, targets) in [([0.5, -1.0, 2.0, 0.0], [1.0, 0, 0, 1]), ([1e4, -1e4, 1e4], [0.0, 1, 1])] {
      let z = Tensor(logits, requiresGrad: true)
      sigmoidCrossEntropy(logits: z, labels: Tensor(targets)).backward()
      let got = try sigmoidCrossEntropyGradient(logits: logits, targets: targets)
      #expect(got.allSatisfy(\.isFinite) && close(got, z.grad!.scalars), "logits \(logits)")
    }
  }
  // END HIDDEN TESTS
}
