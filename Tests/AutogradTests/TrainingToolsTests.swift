// TrainingToolsTests.swift — what chapter 09 trains with: batch normalization, dropout, AdamW,
// learning-rate schedules, gradient clipping and initialization; each against its formula or
// finite differences, and each misuse with its message.

import Foundation
import Testing

@testable import Autograd

@Suite("Training tools")
struct TrainingToolsTests {
  @Test func batchNormTrainingGradientsMatchFiniteDifferences() {
    let norm = BatchNorm(features: 3)
    norm.gamma.scalars = [1.5, -0.5, 2]
    norm.beta.scalars = [0.1, 0.2, -0.3]
    let x = randomTensor([5, 3], seed: 9)
    let weights = randomTensor([5, 3], seed: 10)
    let report = gradientCheck([x, norm.gamma, norm.beta]) { _ in (norm(x) * weights).sum() }
    #expect(report.passed, "\(report)")
  }

  @Test func batchNormNormalizesEachFeatureAndTracksRunningStatistics() {
    let norm = BatchNorm(features: 2, momentum: 0.1)
    let x = Tensor([[1.0, 10], [3, 10], [5, 16]])
    let y = norm(x)
    let columns = (0..<2).map { j in y.rows.map { $0[j] } }
    for column in columns {
      #expect(isClose(column.reduce(0, +) / 3, 0, tolerance: 1e-12))
      #expect(isClose(column.map { $0 * $0 }.reduce(0, +) / 3, 1, tolerance: 1e-4))  // ε = 1e-5 shrinks it a little
    }
    // Means 3 and 12, unbiased variances 4 and 12.
    #expect(isClose(norm.runningMean, [0.3, 1.2], tolerance: 1e-12))
    #expect(isClose(norm.runningVariance, [0.9 + 0.4, 0.9 + 1.2], tolerance: 1e-12))
    norm.isTraining = false
    let evaluated = norm(Tensor([[0.3, 1.2]]))
    #expect(isClose(evaluated.scalars, [0, 0], tolerance: 1e-12))
  }

  @Test func batchNormRunningStatisticsFollowTheModeNotGradientRecording() {
    // As in PyTorch: no_grad does not freeze BatchNorm's running statistics, eval() does.
    let norm = BatchNorm(features: 2, momentum: 0.1)
    let x = Tensor([[1.0, 10], [3, 10], [5, 16]])
    _ = withoutGradient { norm(x) }
    #expect(isClose(norm.runningMean, [0.3, 1.2], tolerance: 1e-12), "training mode updates, gradients or not")
    norm.isTraining = false
    let (mean, variance) = (norm.runningMean, norm.runningVariance)
    _ = norm(x)
    _ = withoutGradient { norm(x) }
    #expect(norm.runningMean == mean && norm.runningVariance == variance, "evaluation mode leaves them as they are")
  }

  @Test func batchNormMisuse() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = BatchNorm(features: 3)(Tensor.ones([1, 3]))
      })
    #expect(text.contains("BatchNorm: training mode needs a batch of at least 2 to have a variance, got [1, 3]"))
    let shape = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = BatchNorm(features: 3)(Tensor.ones([4, 2]))
      })
    #expect(shape.contains("BatchNorm: input [4, 2] must be [batch, 3]"))
  }

  @Test func dropoutScalesWhatItKeepsAndIsTheIdentityInEvaluation() {
    var masks = SeededGenerator(seed: 3)
    let dropout = Dropout(probability: 0.25, using: &masks)
    let x = Tensor(shape: [1000], scalars: (0..<1000).map { Double($0 % 7) + 1 }, requiresGrad: true)
    let mask = dropout.peekMask(x.shape)
    let y = dropout(x)
    let expected = zip(x.scalars, mask.scalars).map { $0 * ($1 / 0.75) }
    #expect(y.scalars == expected, "x ⊙ (m / (1 − p))")
    let kept = mask.scalars.reduce(0, +)
    #expect(kept > 700 && kept < 800)  // about 750 of 1000
    y.sum().backward()
    #expect(x.grad!.scalars == mask.scalars.map { $0 / 0.75 })  // the gradient is the same mask
    dropout.isTraining = false
    #expect(dropout(x).scalars == x.scalars)
  }

  @Test func dropoutKeepsTheExpectation() {
    // Over 4000 masks the mean output of each of 5 inputs is within 3% of the input.
    var masks = SeededGenerator(seed: 11)
    let dropout = Dropout(probability: 0.5, using: &masks)
    let x = Tensor([1.0, 2, 3, 4, 5])
    var total = [Double](repeating: 0, count: 5)
    for _ in 0..<4000 { total = zip(total, dropout(x).scalars).map(+) }
    for (sum, value) in zip(total, x.scalars) { #expect(abs(sum / 4000 - value) < 0.03 * value) }
  }

  @Test func dropoutMisuse() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        var masks = SeededGenerator(seed: 0)
        _ = Dropout(probability: 1, using: &masks)
      })
    #expect(text.contains("Dropout(probability: 1.0): the probability must be in [0, 1)"))
  }

  @Test func adamWDecaysTheWeightsApartFromTheGradient() {
    let p = Tensor([1.0, -2.0], requiresGrad: true)
    let optimizer = AdamW(parameters: [p], learningRate: 0.1, weightDecay: 0.5)
    var (m, s, mine) = ([0.0, 0], [0.0, 0], [1.0, -2.0])
    for t in 1...3 {
      optimizer.step { (p * p).sum() }
      let g = mine.map { 2 * $0 }
      for i in 0..<2 {
        mine[i] *= 1 - 0.1 * 0.5
        m[i] = 0.9 * m[i] + 0.1 * g[i]
        s[i] = 0.999 * s[i] + 0.001 * g[i] * g[i]
        let (mHat, sHat) = (m[i] / (1 - pow(0.9, Double(t))), s[i] / (1 - pow(0.999, Double(t))))
        mine[i] -= 0.1 * mHat / (sHat.squareRoot() + 1e-8)
      }
    }
    #expect(isClose(p.scalars, mine, tolerance: 1e-12))
  }

  @Test func adamWWithoutDecayIsAdam() {
    let (a, b) = (Tensor([0.5, -1.5], requiresGrad: true), Tensor([0.5, -1.5], requiresGrad: true))
    let (adam, adamW) = (
      Adam(parameters: [a], learningRate: 0.05), AdamW(parameters: [b], learningRate: 0.05, weightDecay: 0)
    )
    for _ in 0..<5 {
      adam.step { (a * a * a).sum() }
      adamW.step { (b * b * b).sum() }
    }
    #expect(a.scalars == b.scalars)
  }

  @Test func schedules() {
    #expect(LearningRateSchedule.constant(0.1).rate(at: 99) == 0.1)
    let decay = LearningRateSchedule.stepDecay(initial: 1, every: 10, factor: 0.5)
    #expect([0, 9, 10, 25].map(decay.rate(at:)) == [1, 1, 0.5, 0.25])
    let cosine = LearningRateSchedule.warmupCosine(peak: 1, warmup: 4, total: 14, floor: 0.1)
    #expect(isClose([0, 3].map(cosine.rate(at:)), [0.25, 1], tolerance: 1e-15))
    #expect(isClose(cosine.rate(at: 9), 0.55, tolerance: 1e-12))  // half way down: the mean of peak and floor
    #expect(isClose([14, 50].map(cosine.rate(at:)), [0.1, 0.1], tolerance: 1e-12))
  }

  @Test func scheduleMisuse() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = LearningRateSchedule.warmupCosine(peak: 1, warmup: 5, total: 5, floor: 0).rate(at: 0)
      })
    #expect(text.contains("warmupCosine(warmup: 5, total: 5): needs 0 ≤ warmup < total"))
  }

  @Test func clippingKeepsTheDirectionAndCapsTheNorm() {
    let (a, b) = (Tensor([3.0], requiresGrad: true), Tensor([0.0, 4.0], requiresGrad: true))
    (a * 1 + (b * 1).sum()).backward()  // grads 1 and [1, 1]
    a.grad = Tensor([3.0])
    b.grad = Tensor([0.0, 4.0])
    let norm = clipGradientNorm([a, b], maxNorm: 1)
    #expect(norm == 5)
    #expect(isClose(a.grad!.scalars + b.grad!.scalars, [0.6, 0, 0.8], tolerance: 1e-6))
    #expect(clipGradientNorm([a, b], maxNorm: 2) < 2)  // now below: unchanged
    #expect(isClose(a.grad!.scalars, [0.6], tolerance: 1e-6))
  }

  @Test("step(clippingGradientNorm:) is the loop written out: zero, loss, backward, clip, update")
  func clippedTrainingStep() {
    // Two copies of one model, one trained by the loop written out, one by the step: the same bits.
    var generator = SeededGenerator(seed: 8)
    let x = Tensor.normal([6, 3], using: &generator)
    let y = Tensor.normal([6, 2], using: &generator) * 10  // large targets: the norm exceeds 1 and is clipped
    var weights = SeededGenerator(seed: 9)
    let byHand = MLP(sizes: [3, 5, 2], activation: .tanh, using: &weights)
    weights = SeededGenerator(seed: 9)
    let byStep = MLP(sizes: [3, 5, 2], activation: .tanh, using: &weights)
    let handOptimizer = Adam(parameters: byHand.parameters, learningRate: 0.01)
    let stepOptimizer = Adam(parameters: byStep.parameters, learningRate: 0.01)
    for _ in 0..<5 {
      handOptimizer.zeroGradients()
      let loss = meanSquaredError(predicted: byHand(x), expected: y)
      loss.backward()
      let norm = clipGradientNorm(byHand.parameters, maxNorm: 1)
      handOptimizer.update()
      let step = stepOptimizer.step(clippingGradientNorm: 1) { meanSquaredError(predicted: byStep(x), expected: y) }
      #expect(step.loss == loss.item && step.gradientNorm == norm && norm > 1)
    }
    #expect(byHand.parameters.map(\.scalars) == byStep.parameters.map(\.scalars))
    // ∞ measures the norm and clips nothing: the plain step's bits.
    let plain = stepOptimizer.step { meanSquaredError(predicted: byStep(x), expected: y) }
    let measured = handOptimizer.step(clippingGradientNorm: .infinity) {
      meanSquaredError(predicted: byHand(x), expected: y)
    }
    #expect(measured.loss == plain && measured.gradientNorm > 1)
    #expect(byHand.parameters.map(\.scalars) == byStep.parameters.map(\.scalars))
  }

  @Test func initializationScales() {
    #expect(Initialization.gain(for: .tanh) == 5.0 / 3)
    #expect(Initialization.gain(for: .relu) == 2.0.squareRoot())
    #expect(Initialization.he(gain: 2.0.squareRoot()).standardDeviation(inputs: 50, outputs: 10) == 0.2)
    #expect(isClose(Initialization.xavier(gain: 1).standardDeviation(inputs: 30, outputs: 70)!, 0.1414213562373095))
    var generator = SeededGenerator(seed: 5)
    let layer = Linear(inputs: 200, outputs: 100, initialization: .he(gain: 2.0.squareRoot()), using: &generator)
    let w = layer.W.scalars
    let deviation = (w.map { $0 * $0 }.reduce(0, +) / Double(w.count)).squareRoot()
    #expect(abs(deviation - 0.1) < 0.002)  // 20 000 draws: the sample deviation is within 2% of 0.1
    #expect(layer.b.scalars.allSatisfy { $0 == 0 })
    #expect(layer.parameters.count == 2)
  }
}
