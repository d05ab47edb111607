// Exercise4_2.swift — chapter 04: backpropagation through a 2-3-1 network of another kind.

import Foundation

/// Exercise 4.2 — one backward pass of a tanh 2-3-1 regression network, by hand.
///
/// The network: z₁ = W₁x + b₁, a₁ = tanh(z₁), ŷ = W₂·a₁ + b₂ (no activation on the output), with
/// the squared error L = (ŷ − y)². Chapter 04's network has sigmoids and cross-entropy instead;
/// work out this one's δ₂ = ∂L/∂ŷ and δ₁ = ∂L/∂z₁ and return every ∂L/∂parameter. Use no library.
public func backpropTanhSquaredError(
  W1: [[Double]], b1: [Double], W2: [Double], b2: Double, x: [Double], y: Double
) throws -> NetworkGradients {
  // BEGIN SOLUTION
  var hidden: [Double] = []
  for (row, bias) in zip(W1, b1) {
    var z = bias
    for (w, input) in zip(row, x) { z += w * input }
    hidden.append(tanh(z))
  }
  var prediction = b2
  for (w, a) in zip(W2, hidden) { prediction += w * a }
  let outputDelta = 2 * (prediction - y)
  var hiddenDelta: [Double] = []
  for (w, a) in zip(W2, hidden) { hiddenDelta.append(outputDelta * w * (1 - a * a)) }
  return NetworkGradients(
    W1: hiddenDelta.map { delta in x.map { delta * $0 } }, b1: hiddenDelta,
    W2: hidden.map { outputDelta * $0 }, b2: outputDelta)
  // END SOLUTION
}
