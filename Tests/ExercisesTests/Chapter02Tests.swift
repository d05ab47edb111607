// Chapter02Tests.swift — exercises 2.1–2.2.

import Autograd
import Examples
import Exercises
import Testing

@Suite("Chapter 02 exercises")
struct Chapter02Tests {
  @Test("Exercise 2.1: chapter 02's neuron gives σ(−0.4) [2 points]")
  func neuron() throws {
    #expect(close(try neuronOutput(weights: [0.4, 0.3, -0.2], inputs: [0.5, -1, 2], bias: 0.1), 0.401312339887548))
  }

  @Test("Exercise 2.2: the 2-3-1 network's hidden layer [2 points]")
  func hiddenLayer() throws {
    let z = try denseLayer(W: TwoThreeOne.W1, x: TwoThreeOne.x, b: TwoThreeOne.b1)
    #expect(close(z, [0.4, 0.5, -0.45]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 2.2: matches Autograd's Linear on a random layer [3 points]")
  func denseAgainstLinear() throws {
    var rng = SeededGenerator(seed: 22)
    let layer = Linear(inputs: 4, outputs: 5, using: &rng)
    let x = Tensor.normal([4], using: &rng)
    let expected = layer(x).scalars
    #expect(close(try denseLayer(W: layer.W.rows, x: x.scalars, b: layer.b.scalars), expected))
  }
  // END HIDDEN TESTS
}
