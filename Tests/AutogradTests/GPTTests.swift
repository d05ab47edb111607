// GPTTests.swift — chapter 10's GPT (Sources/Examples/GPT.swift): its gradients, its causality,
// and the padding it ignores; and the switch that puts every product in fixed order.

import Examples
import Testing

@testable import Autograd

@Suite("GPT")
struct GPTTests {
  func tinyModel() -> GPT {
    var generator = SeededGenerator(seed: 12)
    return GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 1, using: &generator)
  }

  @Test func lossGradientsMatchFiniteDifferences() {
    let model = tinyModel()
    let ids = [[0, 3, 1, 4], [0, 2, 2, 0]]
    let targets: [[Int?]] = [[3, 1, 4, 0], [2, 2, 0, nil]]
    let report = gradientCheck(model.parameters) { _ in model.loss(ids, targets: targets) }
    #expect(report.passed, "\(report)")
  }

  @Test func aPositionDoesNotSeeTheFuture() {
    let model = tinyModel()
    let a = withoutGradient { model([[0, 1, 2, 3]]) }.scalars
    let b = withoutGradient { model([[0, 1, 4, 4]]) }.scalars
    #expect(Array(a[0..<10]) == Array(b[0..<10]))  // positions 0 and 1: the same logits, bit for bit
    #expect(Array(a[10..<15]) != Array(b[10..<15]))
  }

  @Test func paddingTargetsAreNotCounted() {
    let model = tinyModel()
    let short = withoutGradient { model.loss([[0, 3]], targets: [[3, 0]]) }.item
    let padded = withoutGradient { model.loss([[0, 3, 0, 0]], targets: [[3, 0, nil, nil]]) }.item
    #expect(short == padded)
  }

  // In a child process (an exit test): the limit is global, and tests run in parallel.
  @Test func everyProductInFixedOrderWhenAsked() async {
    await #expect(processExitsWith: .success) {
      let a = randomTensor([70, 80], seed: 3)
      let b = randomTensor([80, 60], seed: 4)  // 336 000 multiply-adds: over the default limit
      fixedOrderProductLimit = .max
      if a.matmul(b).scalars != referenceMatmul(a, b).scalars { fatalError("not the fixed order") }
    }
  }
}

@Suite("OpenBLAS product count")
struct OpenBLASCountTests {
  // In a child process: the count is global, and other tests make products in parallel.
  @Test func countsTheProductsHandedToOpenBLAS() async {
    await #expect(processExitsWith: .success) {
      let small = randomTensor([8, 8], seed: 1)
      let large = randomTensor([80, 80], seed: 2)  // 512 000 multiply-adds: OpenBLAS's
      _ = small.matmul(small)
      if productsOutsideFixedOrder != 0 { fatalError("a small product was counted") }
      _ = large.matmul(large)
      if productsOutsideFixedOrder != 1 { fatalError("the large product was not counted") }
    }
  }
}
