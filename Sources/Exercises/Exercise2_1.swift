// Exercise2_1.swift — chapter 02: a forward pass through a network the chapter does not use.

import Foundation

/// Exercise 2.1 — the output of a two-layer ReLU network with a linear output unit.
///
/// `W1` has one row per hidden unit (W1[i][j] is the weight from input j into hidden unit i), `b1`
/// one bias per hidden unit, `w2` one weight per hidden unit into the single output unit, `b2` its
/// bias. Return ŷ = w₂ · relu(W₁x + b₁) + b₂, with relu(z) = max(0, z) elementwise and no
/// activation on the output.
public func twoLayerReLUOutput(W1: [[Double]], b1: [Double], w2: [Double], b2: Double, x: [Double]) throws -> Double {
  // BEGIN SOLUTION
  var output = b2
  for (row, (bias, weight)) in zip(W1, zip(b1, w2)) {
    var z = bias
    for (w, input) in zip(row, x) { z += w * input }
    output += weight * max(0, z)
  }
  return output
  // END SOLUTION
}
