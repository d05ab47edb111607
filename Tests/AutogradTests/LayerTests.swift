// LayerTests.swift — layers, optimizers, and a network that learns XOR end to end.

import Testing

@testable import Autograd

@Suite("Layers and optimizers")
struct LayerTests {
  @Test("Linear computes z = W x + b for a vector and x·Wᵀ + b for a batch")
  func linear() {
    let layer = Linear(W: Tensor([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]]), b: Tensor([0.5, 0.0, -1.0]))
    #expect(layer(Tensor([1.0, 1.0])).scalars == [3.5, -1, 3])
    #expect(layer(Tensor([[1.0, 1.0], [2.0, 0.0]])).rows == [[3.5, -1, 3], [2.5, 0, 5]])
    #expect(layer.parameterCount == 9)
  }

  @Test func mlpShapesAndParameters() {
    var rng = SeededGenerator(seed: 1)
    let model = MLP(sizes: [2, 3, 1], activation: .sigmoid, using: &rng)
    #expect(model.parameterCount == 2 * 3 + 3 + 3 * 1 + 1)
    #expect(model(Tensor.zeros([5, 2])).shape == [5, 1])
    // The initial weights lie in ±1/√fan-in.
    #expect(model.layers[0].W.scalars.allSatisfy { abs($0) <= 1 / 2.0.squareRoot() })
  }

  @Test("Embedding gathers rows and sends gradients back to them")
  func embedding() {
    var rng = SeededGenerator(seed: 2)
    let table = Embedding(count: 4, dimension: 3, using: &rng)
    let vectors = table([1, 3, 1])
    #expect(vectors.rows[0] == table.E.rows[1])
    vectors.sum().backward()
    #expect(table.E.grad!.rows == [[0, 0, 0], [2, 2, 2], [0, 0, 0], [1, 1, 1]])
  }

  @Test("SGD with momentum: v ← μv + g, p ← p − ηv")
  func sgdMomentum() {
    let p = Tensor([1.0], requiresGrad: true)
    let optimizer = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
    for _ in 0..<2 {
      optimizer.zeroGradients()
      (p * 2).sum().backward()  // g = 2 every step
      optimizer.update()
    }
    // Step 1: v = 2, p = 0.8. Step 2: v = 0.9·2 + 2 = 3.8, p = 0.8 − 0.38 = 0.42.
    #expect(isClose(p.item, 0.42, tolerance: 1e-15))
  }

  @Test("Adam's first step moves each parameter by about η against its gradient's sign")
  func adamFirstStep() {
    let p = Tensor([1.0, -1.0], requiresGrad: true)
    let optimizer = Adam(parameters: [p], learningRate: 0.01)
    (p * Tensor([3.0, -0.001])).sum().backward()
    optimizer.update()
    #expect(isClose(p.scalars, [0.99, -0.99], tolerance: 1e-5))
  }

  @Test("an MLP learns XOR with Adam from a fixed seed")
  func xor() {
    var rng = SeededGenerator(seed: 7)
    let model = MLP(sizes: [2, 8, 1], activation: .tanh, using: &rng)
    let optimizer = Adam(parameters: model.parameters, learningRate: 0.05)
    let x = Tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    let y = Tensor([[0.0], [1.0], [1.0], [0.0]])
    var loss = Double.infinity
    for _ in 0..<300 {
      optimizer.zeroGradients()
      let l = sigmoidCrossEntropy(logits: model(x), labels: y)
      l.backward()
      optimizer.update()
      loss = l.item
    }
    let predictions = withoutGradient { model(x).sigmoid().scalars }
    #expect(loss < 0.05, "final loss \(loss)")
    #expect(predictions.map { $0 > 0.5 ? 1.0 : 0.0 } == [0, 1, 1, 0], "\(predictions)")
  }
}
