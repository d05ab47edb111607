// Chapter04Tests.swift — exercises 4.1–4.2.

import Autograd
import Examples
import Exercises
import Foundation
import Testing

@Suite("Chapter 04 exercises", .exerciseStatus)
struct Chapter04Tests {
  @Test("Exercise 4.1: at a = 1, b = 0.5, c = −0.5, f = 3 the tanh sits at 0 [2 points]")
  func chainRule() throws {
    // d = 0, tanh′(0) = 1: ∂L/∂d = f = 3.
    #expect(try tanhExpressionGradients(a: 1, b: 0.5, c: -0.5, f: 3) == [1.5, 3, 3, 0])
  }

  @Test("Exercise 4.2: ∂L/∂b₂ and ∂L/∂W₂ on chapter 04's weights [3 points]")
  func outputLayer() throws {
    let g = try backpropTanhSquaredError(
      W1: TwoThreeOne.W1, b1: TwoThreeOne.b1, W2: TwoThreeOne.W2[0], b2: TwoThreeOne.b2[0], x: TwoThreeOne.x,
      y: TwoThreeOne.y)
    let hidden = [tanh(0.4), tanh(0.5), tanh(-0.45)]
    let delta2 = 2 * (0.7 * hidden[0] - 0.5 * hidden[1] + 0.9 * hidden[2] + 0.2 - 1)
    #expect(close(g.b2, delta2))
    #expect(close(g.W2, hidden.map { delta2 * $0 }))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 4.1: matches autograd [2 points]", arguments: [0.3, -1.7])
  func chainRuleAgainstAutograd(_ a: Double) throws {
    let (ta, tb, tc, tf) = (
      Tensor(a, requiresGrad: true), Tensor(-0.8, requiresGrad: true), Tensor(0.25, requiresGrad: true),
      Tensor(1.5, requiresGrad: true)
    )
    ((ta * tb + tc).tanh() * tf).backward()
    let expected = [ta, tb, tc, tf].map { $0.grad!.item }
    #expect(close(try tanhExpressionGradients(a: a, b: -0.8, c: 0.25, f: 1.5), expected), "a = \(a)")
  }

  @Test("Exercise 4.2: every gradient matches autograd [4 points]", arguments: [1.0, -0.5])
  func allGradients(_ y: Double) throws {
    let W1 = Tensor(TwoThreeOne.W1, requiresGrad: true)
    let b1 = Tensor(TwoThreeOne.b1, requiresGrad: true)
    let W2 = Tensor(TwoThreeOne.W2[0], requiresGrad: true)
    let b2 = Tensor(TwoThreeOne.b2[0], requiresGrad: true)
    let hidden = (W1.matmul(Tensor(TwoThreeOne.x).reshaped([2, 1])).reshaped([3]) + b1).tanh()
    let prediction = (W2 * hidden).sum() + b2
    ((prediction - y) * (prediction - y)).backward()
    let g = try backpropTanhSquaredError(
      W1: TwoThreeOne.W1, b1: TwoThreeOne.b1, W2: TwoThreeOne.W2[0], b2: TwoThreeOne.b2[0], x: TwoThreeOne.x, y: y)
    #expect(close(g.W1, W1.grad!.rows), "y = \(y)")
    #expect(close(g.b1, b1.grad!.scalars), "y = \(y)")
    #expect(close(g.W2, W2.grad!.scalars), "y = \(y)")
    #expect(close(g.b2, b2.grad!.item), "y = \(y)")
  }
  // END HIDDEN TESTS
}
