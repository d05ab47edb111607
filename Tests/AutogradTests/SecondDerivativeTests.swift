// SecondDerivativeTests.swift — differentiating the backward pass itself
// (`backward(createGraph: true)`), checked against closed forms.

import Foundation
import Testing

@testable import Autograd

/// A function and its second derivative in closed form.
struct SecondDerivativeCase: Sendable, CustomTestStringConvertible {
  let name: String
  let points: [Double]
  let f: @Sendable (Tensor) -> Tensor
  let second: @Sendable (Double) -> Double
  var testDescription: String { name }
}

func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

let secondDerivativeCases: [SecondDerivativeCase] = [
  // (tanh)'' = −2 tanh x (1 − tanh² x)
  SecondDerivativeCase(name: "tanh", points: [-1.5, -0.2, 0.4, 2], f: { $0.tanh() }) {
    -2 * tanh($0) * (1 - tanh($0) * tanh($0))
  },
  // σ'' = σ(1 − σ)(1 − 2σ)
  SecondDerivativeCase(name: "sigmoid", points: [-3, -0.5, 0.1, 1.7], f: { $0.sigmoid() }) {
    sigmoid($0) * (1 - sigmoid($0)) * (1 - 2 * sigmoid($0))
  },
  SecondDerivativeCase(name: "exp", points: [-1, 0, 0.5, 2], f: { $0.exp() }) { exp($0) },
  // (ln x)'' = −1/x²
  SecondDerivativeCase(name: "log", points: [0.3, 1, 2.5], f: { $0.log() }) { -1 / ($0 * $0) },
  // GELU'' = φ(x)(2 − x²)
  SecondDerivativeCase(name: "gelu", points: [-2, -0.3, 0.8, 1.9], f: { $0.gelu() }) {
    exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() * (2 - $0 * $0)
  },
  // sigmoid cross-entropy in the logit z with label t = 1: L = softplus(z) − z, L'' = σ(1 − σ)
  SecondDerivativeCase(
    name: "sigmoidCrossEntropy (composite loss)", points: [-2, 0, 1.3],
    f: {
      sigmoidCrossEntropy(logits: $0, labels: Tensor(1))
    }
  ) { sigmoid($0) * (1 - sigmoid($0)) },
  // MSE of a one-weight model w·x against y, x = 3: L = (3w − 1)², L'' = 18
  SecondDerivativeCase(
    name: "meanSquaredError of 3w (composite loss)", points: [-1, 0.5, 2],
    f: {
      meanSquaredError(predicted: $0 * 3, expected: Tensor(1))
    }
  ) { _ in 18 },
  // log softmax of [x, 0] at index 0: −softplus(−x), second derivative −σ(x)(1 − σ(x))
  SecondDerivativeCase(
    name: "logSoftmax", points: [-1, 0.2, 3],
    f: {
      Tensor.concatenated([$0.reshaped([1]), Tensor([0])], axis: 0).logSoftmax(axis: 0).sliced(axis: 0, 0..<1).sum()
    }
  ) { -sigmoid($0) * (1 - sigmoid($0)) },
]

@Suite("Second derivatives")
struct SecondDerivativeTests {
  @Test(arguments: secondDerivativeCases)
  func closedForm(_ c: SecondDerivativeCase) {
    for point in c.points {
      let x = Tensor(point, requiresGrad: true)
      let firstDerivative = gradients(of: c.f(x), withRespectTo: [x], createGraph: true)[0]
      #expect(firstDerivative.requiresGrad, "the first derivative must be a graph to differentiate")
      let secondDerivative = gradients(of: firstDerivative, withRespectTo: [x])[0]
      #expect(
        isClose(secondDerivative.item, c.second(point), tolerance: 1e-10),
        "\(c.name)''(\(point)): autograd \(secondDerivative.item), closed form \(c.second(point))")
    }
  }

  @Test("backward(createGraph: true) leaves a differentiable grad, backward() a plain one")
  func createGraphFlag() {
    let x = Tensor(0.7, requiresGrad: true)
    x.tanh().backward(createGraph: true)
    let dy = x.grad!
    #expect(dy.requiresGrad)
    x.grad = nil
    dy.backward()
    #expect(isClose(x.grad!.item, -2 * tanh(0.7) * (1 - tanh(0.7) * tanh(0.7))))

    let z = Tensor(0.7, requiresGrad: true)
    z.tanh().backward()
    #expect(!z.grad!.requiresGrad)
  }

  @Test("second derivatives through the transposed products match differences of first derivatives")
  func throughTransposedProducts() {
    let b = randomTensor([3, 2], seed: 8)
    let r = randomTensor([3, 2], seed: 9)
    // φ(a) = Σ r ⊙ ∂f/∂a for f(a) = Σ tanh(a·bᵀ): a function of the backward pass itself.
    func phi(_ a: Tensor, createGraph: Bool) -> Tensor {
      let dfda = gradients(of: a.matmul(transposing: b).tanh().sum(), withRespectTo: [a], createGraph: createGraph)[0]
      return (dfda * r).sum()
    }
    let a = randomTensor([3, 2], seed: 7)
    a.requiresGrad = true
    let analytic = gradients(of: phi(a, createGraph: true), withRespectTo: [a])[0].scalars
    let epsilon = 1e-6
    let numeric = a.scalars.indices.map { i -> Double in
      func shifted(_ d: Double) -> Double {
        var values = a.scalars
        values[i] += d
        return phi(Tensor(shape: a.shape, scalars: values, requiresGrad: true), createGraph: false).item
      }
      return (shifted(epsilon) - shifted(-epsilon)) / (2 * epsilon)
    }
    #expect(isClose(analytic, numeric, tolerance: 1e-6), "analytic \(analytic)\nnumeric  \(numeric)")
  }

  @Test("a mixed second derivative ∂²(x²y³)/∂x∂y = 6xy²")
  func mixed() {
    let x = Tensor(1.5, requiresGrad: true)
    let y = Tensor(-0.5, requiresGrad: true)
    let f = x.pow(2) * y.pow(3)
    let dfdx = gradients(of: f, withRespectTo: [x], createGraph: true)[0]
    let d2 = gradients(of: dfdx, withRespectTo: [y])[0]
    #expect(isClose(d2.item, 6 * 1.5 * 0.25))
  }
}
