// Chapter04Tests.swift — exercises 4.1–4.2.

import Autograd
import Examples
import Exercises
import Testing

@Suite("Chapter 04 exercises")
struct Chapter04Tests {
  @Test("Exercise 4.1: chapter 04's expression at a = 2, b = −3, c = 10, f = −2 [2 points]")
  func chainRule() throws {
    #expect(try chainRuleGradients(a: 2, b: -3, c: 10, f: -2) == [6, -4, -2, 4])
  }

  @Test("Exercise 4.2: the output layer's gradients on chapter 04's network [3 points]")
  func outputLayer() throws {
    let g = try backpropTwoThreeOne(
      W1: TwoThreeOne.W1, b1: TwoThreeOne.b1, W2: TwoThreeOne.W2[0], b2: TwoThreeOne.b2[0], x: TwoThreeOne.x,
      y: TwoThreeOne.y)
    #expect(close(g.b2, -0.341126903759249))
    #expect(close(g.W2, [-0.20422846781303, -0.212337624368941, -0.132821432568231]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 4.2: every gradient matches autograd, for y = 1 and y = 0 [4 points]", arguments: [1.0, 0.0])
  func allGradients(_ y: Double) throws {
    let model = TwoThreeOne.model()
    binaryCrossEntropy(probabilities: model(Tensor(TwoThreeOne.x)).sigmoid(), targets: Tensor([y])).backward()
    let g = try backpropTwoThreeOne(
      W1: TwoThreeOne.W1, b1: TwoThreeOne.b1, W2: TwoThreeOne.W2[0], b2: TwoThreeOne.b2[0], x: TwoThreeOne.x, y: y)
    #expect(close(g.W1.flatMap { $0 }, model.layers[0].W.grad!.scalars))
    #expect(close(g.b1, model.layers[0].b.grad!.scalars))
    #expect(close(g.W2, model.layers[1].W.grad!.scalars))
    #expect(close(g.b2, model.layers[1].b.grad!.item))
  }
  // END HIDDEN TESTS
}
