// Exercise5_1.swift — chapter 05: an optimizer between momentum and Adam.

import Foundation

/// Exercise 5.1 — one step of RMSprop (PyTorch's form, no momentum).
///
/// For each parameter, with gradient g: s ← α·s + (1 − α)·g², then p ← p − η·g / (√s + ε).
/// `meanSquare` is s before the step. Return the parameters and s after it. Chapter 05's Adam
/// keeps the same running mean of g² (its v); RMSprop has no first moment and no bias correction.
public func rmspropStep(
  parameters p: [Double], gradients g: [Double], meanSquare s: [Double], learningRate: Double, decay: Double,
  epsilon: Double
) throws -> (parameters: [Double], meanSquare: [Double]) {
  // BEGIN SOLUTION
  var newParameters: [Double] = []
  var newMeanSquare: [Double] = []
  for i in p.indices {
    let square = decay * s[i] + (1 - decay) * g[i] * g[i]
    newMeanSquare.append(square)
    newParameters.append(p[i] - learningRate * g[i] / (square.squareRoot() + epsilon))
  }
  return (newParameters, newMeanSquare)
  // END SOLUTION
}
