// Chapter04Backprop.swift — exercises for chapter 04 (backpropagation).

import Foundation

/// Exercise 4.1 — the chain rule by hand.
///
/// For L = (a·b + c)·f, return [∂L/∂a, ∂L/∂b, ∂L/∂c, ∂L/∂f].
public func chainRuleGradients(a: Double, b: Double, c: Double, f: Double) throws -> [Double] {
  // BEGIN SOLUTION
  let d = a * b + c
  return [f * b, f * a, f, d]
  // END SOLUTION
}

/// The gradients of the 2-3-1 network's parameters (same shapes as the parameters).
public struct NetworkGradients: Equatable, Sendable {
  public var W1: [[Double]]  // [3][2]
  public var b1: [Double]  // [3]
  public var W2: [Double]  // [3], the single output neuron's weights
  public var b2: Double

  public init(W1: [[Double]], b1: [Double], W2: [Double], b2: Double) {
    self.W1 = W1
    self.b1 = b1
    self.W2 = W2
    self.b2 = b2
  }
}

/// Exercise 4.2 — one backward pass of the 2-3-1 network, by hand.
///
/// The network: z₁ = W₁x + b₁, a₁ = σ(z₁), z₂ = W₂·a₁ + b₂, ŷ = σ(z₂), with the loss the binary
/// cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)]. Return every ∂L/∂parameter. Use no library:
/// compute δ₂, then δ₁, as chapter 04 does.
public func backpropTwoThreeOne(
  W1: [[Double]], b1: [Double], W2: [Double], b2: Double, x: [Double], y: Double
) throws -> NetworkGradients {
  // BEGIN SOLUTION
  func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
  let a1 = (0..<3).map { i in sigmoid(W1[i][0] * x[0] + W1[i][1] * x[1] + b1[i]) }
  let yHat = sigmoid((0..<3).map { W2[$0] * a1[$0] }.reduce(0, +) + b2)
  let delta2 = yHat - y  // σ′ cancels against the cross-entropy
  let delta1 = (0..<3).map { W2[$0] * delta2 * a1[$0] * (1 - a1[$0]) }
  return NetworkGradients(
    W1: delta1.map { d in x.map { d * $0 } }, b1: delta1, W2: a1.map { delta2 * $0 }, b2: delta2)
  // END SOLUTION
}
