// ModuleTests.swift — a module's parameters are found, not listed, and one training step is
// `optimizer.step { loss }`.

import Testing

import Autograd

/// A model that stores its layers every way a model might: directly, in an array, optional, and
/// beside a constant and a shared tensor.
final class Assorted: Module {
  let first: Linear
  let stack: [Linear]
  let extra: Linear?
  let missing: Linear? = nil
  let constant = Tensor([1.0, 2.0])  // no requiresGrad: not a parameter
  let scale = Tensor(0.5, requiresGrad: true)
  let sameScale: Tensor  // the same tensor again: counted once

  init(using generator: inout SeededGenerator) {
    first = Linear(inputs: 2, outputs: 3, using: &generator)
    stack = [Linear(inputs: 3, outputs: 3, using: &generator), Linear(inputs: 3, outputs: 1, using: &generator)]
    extra = Linear(inputs: 1, outputs: 1, using: &generator)
    sameScale = scale
  }
}

/// A layer added to an existing model by subclassing it.
final class Extended: MLPHolder {
  let added: Linear
  override init(using generator: inout SeededGenerator) {
    added = Linear(inputs: 1, outputs: 1, using: &generator)
    super.init(using: &generator)
  }
}

class MLPHolder: Module {
  let mlp: MLP
  init(using generator: inout SeededGenerator) { mlp = MLP(sizes: [2, 2, 1], activation: .tanh, using: &generator) }
}

@Suite("Modules and the training step")
struct ModuleTests {
  @Test("parameters are found in stored layers, arrays and optionals, in declaration order, once each")
  func discovery() {
    var rng = SeededGenerator(seed: 1)
    let model = Assorted(using: &rng)
    let expected =
      model.first.parameters + model.stack.flatMap(\.parameters) + model.extra!.parameters + [model.scale]
    #expect(model.parameters.map(ObjectIdentifier.init) == expected.map(ObjectIdentifier.init))
    #expect(model.first.parameters.map(ObjectIdentifier.init) == [model.first.W, model.first.b].map(ObjectIdentifier.init))
    #expect(!model.parameters.contains { $0 === model.constant })
  }

  @Test("a layer added to a model is seen and trained by the optimizer")
  func addedLayerTrains() {
    var rng = SeededGenerator(seed: 2)
    let model = Extended(using: &rng)
    #expect(model.parameters.count == model.mlp.parameters.count + 2)
    #expect(model.parameters.last === model.added.b)  // a subclass's properties after its superclass's
    let optimizer = SGD(parameters: model.parameters, learningRate: 0.1)
    let before = model.added.W.item
    optimizer.step { (model.added(model.mlp(Tensor([[1.0, 2.0]]))) - 3).pow(2).sum() }
    #expect(model.added.W.item != before)
  }

  @Test("optimizer.step { loss } is zero, backward, step, and returns the loss")
  func stepIsTheLoop() {
    var (a, b) = (SeededGenerator(seed: 3), SeededGenerator(seed: 3))
    let (byHand, shared) = (MLP(sizes: [2, 4, 1], activation: .tanh, using: &a), MLP(sizes: [2, 4, 1], activation: .tanh, using: &b))
    let (x, y) = (Tensor([[1.0, -1.0], [0.5, 2.0]]), Tensor([[1.0], [0.0]]))
    let handOptimizer = Adam(parameters: byHand.parameters, learningRate: 0.1)
    let sharedOptimizer = Adam(parameters: shared.parameters, learningRate: 0.1)
    for _ in 0..<3 {
      handOptimizer.zeroGradients()
      let loss = meanSquaredError(predicted: byHand(x), expected: y)
      loss.backward()
      handOptimizer.update()
      let value = sharedOptimizer.step { meanSquaredError(predicted: shared(x), expected: y) }
      #expect(value == loss.item)
    }
    #expect(zip(byHand.parameters, shared.parameters).allSatisfy { $0.scalars == $1.scalars })
  }

  @Test("attention weights come back from the call; the layer keeps no state")
  func attentionWeightsReturned() {
    var rng = SeededGenerator(seed: 4)
    let block = TransformerBlock(width: 4, heads: 2, using: &rng)
    let x = Tensor.normal([1, 3, 4], using: &rng)
    let (output, weights) = block.attend(x)
    #expect(output.scalars == block(x).scalars)
    #expect(weights.shape == [1, 2, 3, 3])
    #expect(isClose(weights.sum(axis: -1).scalars, [Double](repeating: 1, count: 6), tolerance: 1e-12))
  }
}
