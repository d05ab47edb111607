// Chapter09Tests.swift — exercises 9.1–9.3.

import Autograd
import Exercises
import Testing

@Suite("Chapter 09 exercises", .exerciseStatus)
struct Chapter09Tests {
  @Test("Exercise 9.1: one row of two features [3 points]")
  func twoFeatures() throws {
    // x̂ = (−1, 1)/√(1 + ε) for any row (a, a + 2); with γ = 1 and ∂L/∂y = (1, 0):
    // ∂L/∂x = (2·1 − 1 − (−1)(−1)) / (2·1), (2·0 − 1 − (1)(−1)) / 2 = (0, 0), up to ε.
    let g = try layerNormBackward(x: [[3, 5]], gamma: [1, 1], upstream: [[1, 0]], epsilon: 0)
    #expect(close(g, [[0, 0]]))
    let h = try layerNormBackward(x: [[0, 1, 2]], gamma: [1, 1, 1], upstream: [[0, 1, 0]], epsilon: 0)
    // σ² = 2/3: ∂L/∂x = (3·ĝ − Σĝ − x̂·Σĝx̂)/(3σ) with ĝ = (0, 1, 0), x̂ = (−1, 0, 1)/σ
    let sigma = (2.0 / 3).squareRoot()
    #expect(close(h, [[-1 / (3 * sigma), 2 / (3 * sigma), -1 / (3 * sigma)]]))
  }

  @Test("Exercise 9.2: ReLU (a = 0) is He's √(2/n) [2 points]")
  func relu() throws {
    #expect(close(try leakyReluHeStandardDeviation(fanIn: 50, slope: 0), 0.2))
  }

  @Test("Exercise 9.3: warm-up, the peak, half way down, the floor [2 points]")
  func schedule() throws {
    let rates = try [0, 3, 4, 9, 14, 20].map {
      try warmupLinearDecayRate(step: $0, peak: 1, warmup: 4, total: 14, floor: 0.1)
    }
    #expect(close(rates, [0.25, 1, 1, 0.55, 0.1, 0.1]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 9.1: matches autograd through Autograd's LayerNorm [4 points]", arguments: [1e-5, 0.5])
  func againstAutograd(_ epsilon: Double) throws {
    var rng = SeededGenerator(seed: 91)
    let x = Tensor.normal([3, 5], mean: 1, standardDeviation: 2, using: &rng, requiresGrad: true)
    let upstream = Tensor.normal([3, 5], using: &rng)
    let layer = LayerNorm(width: 5, epsilon: epsilon)
    layer.gamma.scalars = [1.5, -0.5, 2, 0.25, 1]
    (layer(x) * upstream).sum().backward()
    let got = try layerNormBackward(x: x.rows, gamma: layer.gamma.scalars, upstream: upstream.rows, epsilon: epsilon)
    try #require(hasShape(got, 3, 5), "the result must be [3][5]")
    #expect(close(got, x.grad!.rows), "ε = \(epsilon)")
  }

  @Test("Exercise 9.2: the general slope, and Autograd's gain for a = 0.01 [2 points]", arguments: [0.01, 0.2, 0.5])
  func leaky(_ slope: Double) throws {
    let got = try leakyReluHeStandardDeviation(fanIn: 64, slope: slope)
    #expect(close(got, (2 / (1 + slope * slope)).squareRoot() / 8), "slope \(slope)")
    if slope == 0.01 {
      #expect(
        close(
          got, Initialization.he(gain: Initialization.gain(for: .leakyRelu)).standardDeviation(inputs: 64, outputs: 1)!)
      )
    }
  }

  @Test("Exercise 9.3: every step of a schedule, its end included [2 points]")
  func everyStep() throws {
    for t in 0..<40 {
      let expected: Double =
        t < 10 ? 0.3 * Double(t + 1) / 10 : (t >= 30 ? 0.01 : 0.3 + (0.01 - 0.3) * Double(t - 10) / 20)
      #expect(
        close(try warmupLinearDecayRate(step: t, peak: 0.3, warmup: 10, total: 30, floor: 0.01), expected), "step \(t)")
    }
  }
  // END HIDDEN TESTS
}
