// Chapter02Tests.swift — exercises 2.1–2.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 02 exercises", .exerciseStatus)
struct Chapter02Tests {
  @Test("Exercise 2.1: a network with one hidden unit cut off by the ReLU [2 points]")
  func reluNetwork() throws {
    // Pre-activations 0.5 and −1.2: only the first passes the ReLU.
    let y = try twoLayerReLUOutput(W1: [[1, 0.5], [-1, -0.2]], b1: [0, 0], w2: [2, 3], b2: -0.25, x: [0.25, 0.5])
    #expect(close(y, 0.75))
  }

  @Test("Exercise 2.2: two examples through a layer of three neurons [2 points]")
  func batchLayer() throws {
    let z = try denseLayerBatch(
      X: [[1, 0.5], [-1, 2]], W: [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]], b: [0.1, -0.2, 0.05])
    #expect(close(z, [[0.4, 0.5, -0.45], [-1.2, 1.1, 1.05]]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 2.1: matches Autograd on random networks [3 points]", arguments: [21, 22, 23])
  func reluNetworkAgainstLibrary(_ seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let (hidden, layer) = (Linear(inputs: 3, outputs: 5, using: &rng), Linear(inputs: 5, outputs: 1, using: &rng))
    let x = Tensor.normal([3], using: &rng)
    let expected = layer(hidden(x).relu()).item
    let y = try twoLayerReLUOutput(
      W1: hidden.W.rows, b1: hidden.b.scalars, w2: layer.W.rows[0], b2: layer.b.item, x: x.scalars)
    #expect(close(y, expected), "seed \(seed)")
  }

  @Test("Exercise 2.2: matches Autograd's Linear on a random batch [3 points]")
  func batchAgainstLinear() throws {
    var rng = SeededGenerator(seed: 22)
    let layer = Linear(inputs: 4, outputs: 5, using: &rng)
    let X = Tensor.normal([6, 4], using: &rng)
    let z = try denseLayerBatch(X: X.rows, W: layer.W.rows, b: layer.b.scalars)
    try #require(hasShape(z, 6, 5), "the result must be [6][5], one row per example")
    #expect(close(z, layer(X).rows))
  }
  // END HIDDEN TESTS
}
