// Chapter02ForwardPass.swift — exercises for chapter 02 (the forward pass).

import Foundation

/// Exercise 2.1 — one sigmoid neuron.
///
/// Return a = σ(z) with z = Σᵢ wᵢxᵢ + b.
public func neuronOutput(weights w: [Double], inputs x: [Double], bias b: Double) throws -> Double {
  // BEGIN SOLUTION
  let z = zip(w, x).map(*).reduce(0, +) + b
  return 1 / (1 + exp(-z))
  // END SOLUTION
}

/// Exercise 2.2 — a dense layer's pre-activations.
///
/// W has one row per neuron (W[i][j] is the weight from input j into neuron i). Return
/// z = W·x + b, one entry per neuron.
public func denseLayer(W: [[Double]], x: [Double], b: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  zip(W, b).map { row, bias in zip(row, x).map(*).reduce(0, +) + bias }
  // END SOLUTION
}
