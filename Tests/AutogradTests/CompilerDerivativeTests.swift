// CompilerDerivativeTests.swift — every elementwise rule against Swift's own automatic
// differentiation (`_Differentiation`), which derives the derivative from the function's
// code at compile time: an independent second opinion on each hand-written backward rule.

import Foundation
import Testing
import _Differentiation

@testable import Autograd

/// erf with its derivative registered, so the compiler can differentiate GELU's exact form.
func erfForDifferentiation(_ x: Double) -> Double { erf(x) }

@derivative(of: erfForDifferentiation)
func erfPullback(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (erf(x), { v in v * 2 / Double.pi.squareRoot() * exp(-x * x) })
}

/// An elementwise tensor operation and the same function of one Double, for the compiler.
struct UnaryRule: Sendable, CustomTestStringConvertible {
  let name: String
  let points: [Double]
  let tensor: @Sendable (Tensor) -> Tensor
  let scalar: @differentiable(reverse) @Sendable (Double) -> Double
  var testDescription: String { name }
}

let everywhere: [Double] = [-3.1, -1.2, -0.4, 0.3, 0.9, 2.5]
let positive: [Double] = [0.2, 0.7, 1.3, 4.1]

let unaryRules: [UnaryRule] = [
  UnaryRule(name: "negate", points: everywhere, tensor: { -$0 }, scalar: { -$0 }),
  UnaryRule(name: "exp", points: everywhere, tensor: { $0.exp() }, scalar: { exp($0) }),
  UnaryRule(name: "log", points: positive, tensor: { $0.log() }, scalar: { log($0) }),
  UnaryRule(name: "sqrt", points: positive, tensor: { $0.sqrt() }, scalar: { sqrt($0) }),
  UnaryRule(name: "pow 3", points: everywhere, tensor: { $0.pow(3) }, scalar: { pow($0, 3) }),
  UnaryRule(name: "pow -0.5", points: positive, tensor: { $0.pow(-0.5) }, scalar: { pow($0, -0.5) }),
  UnaryRule(name: "abs", points: everywhere, tensor: { $0.abs() }, scalar: { $0 < 0 ? -$0 : $0 }),
  UnaryRule(name: "relu", points: everywhere + [0], tensor: { $0.relu() }, scalar: { $0 > 0 ? $0 : 0 }),
  UnaryRule(
    name: "leakyRelu", points: everywhere, tensor: { $0.leakyRelu(slope: 0.2) }, scalar: { $0 > 0 ? $0 : 0.2 * $0 }),
  UnaryRule(name: "sigmoid", points: everywhere, tensor: { $0.sigmoid() }, scalar: { 1 / (1 + exp(-$0)) }),
  UnaryRule(name: "tanh", points: everywhere, tensor: { $0.tanh() }, scalar: { tanh($0) }),
  UnaryRule(name: "softplus", points: everywhere, tensor: { $0.softplus() }, scalar: { log(1 + exp($0)) }),
  UnaryRule(
    name: "gelu", points: everywhere, tensor: { $0.gelu() },
    scalar: { $0 * 0.5 * (1 + erfForDifferentiation($0 / 2.0.squareRoot())) }),
  UnaryRule(
    name: "clamped", points: everywhere, tensor: { $0.clamped(min: -1, max: 2) },
    scalar: { $0 < -1 ? -1 : ($0 > 2 ? 2 : $0) }),
  UnaryRule(
    name: "add, multiply, divide by constants", points: everywhere, tensor: { (3 * $0 + 1) / 4 - 2 },
    scalar: { (3 * $0 + 1) / 4 - 2 }),
]

/// A binary tensor operation and the same function of two Doubles.
struct BinaryRule: Sendable, CustomTestStringConvertible {
  let name: String
  let tensor: @Sendable (Tensor, Tensor) -> Tensor
  let scalar: @differentiable(reverse) @Sendable (Double, Double) -> Double
  var testDescription: String { name }
}

let binaryRules: [BinaryRule] = [
  BinaryRule(name: "add", tensor: { $0 + $1 }, scalar: { $0 + $1 }),
  BinaryRule(name: "subtract", tensor: { $0 - $1 }, scalar: { $0 - $1 }),
  BinaryRule(name: "multiply", tensor: { $0 * $1 }, scalar: { $0 * $1 }),
  BinaryRule(name: "divide", tensor: { $0 / $1 }, scalar: { $0 / $1 }),
  // One element: the mean is the element's ℓ(p − e); the pairs below fall on both pieces and on |d| = δ.
  BinaryRule(
    name: "huberLoss", tensor: { huberLoss(predicted: $0, expected: $1) },
    scalar: { p, e in
      let d = p - e
      return (d < 0 ? -d : d) <= 1 ? 0.5 * d * d : (d < 0 ? -d : d) - 0.5
    }),
  BinaryRule(
    name: "a·tanh(b) + exp(a/b)", tensor: { $0 * $1.tanh() + ($0 / $1).exp() }, scalar: { $0 * tanh($1) + exp($0 / $1) }
  ),
]

@Suite("Elementwise rules match Swift's compiler differentiation")
struct CompilerDerivativeTests {
  @Test(arguments: unaryRules)
  func unary(_ rule: UnaryRule) {
    let x = Tensor(rule.points, requiresGrad: true)
    rule.tensor(x).sum().backward()
    let ours = x.grad!.scalars
    let compilers = rule.points.map { gradient(at: $0, of: rule.scalar) }
    for (point, (a, b)) in zip(rule.points, zip(ours, compilers)) {
      #expect(isClose(a, b, tolerance: 1e-12), "\(rule.name)'(\(point)): autograd \(a), compiler \(b)")
    }
    // The forward values must match too, or the derivatives compare different functions.
    #expect(isClose(rule.tensor(Tensor(rule.points)).scalars, rule.points.map(rule.scalar), tolerance: 1e-12))
  }

  @Test(arguments: binaryRules)
  func binary(_ rule: BinaryRule) {
    let pairs: [(Double, Double)] = [(0.5, 1.5), (-1.2, 0.7), (2.0, -3.0)]
    for (a0, b0) in pairs {
      let a = Tensor(a0, requiresGrad: true)
      let b = Tensor(b0, requiresGrad: true)
      rule.tensor(a, b).backward()
      let (da, db) = gradient(at: a0, b0, of: rule.scalar)
      #expect(isClose(a.grad!.item, da, tolerance: 1e-12), "∂/∂a of \(rule.name) at (\(a0), \(b0))")
      #expect(isClose(b.grad!.item, db, tolerance: 1e-12), "∂/∂b of \(rule.name) at (\(a0), \(b0))")
    }
  }
}
