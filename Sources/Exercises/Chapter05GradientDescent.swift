// Chapter05GradientDescent.swift — exercises for chapter 05 (gradient descent).

import Foundation

/// Exercise 5.1 — gradient descent on one variable.
///
/// Starting from `start`, take `steps` steps w ← w − η·f′(w). Return every w visited, the
/// start included (so `steps + 1` values).
public func gradientDescentPath(
  start: Double, learningRate: Double, steps: Int, derivative: (Double) -> Double
) throws -> [Double] {
  // BEGIN SOLUTION
  var path = [start]
  for _ in 0..<steps { path.append(path.last! - learningRate * derivative(path.last!)) }
  return path
  // END SOLUTION
}

/// Exercise 5.2 — one step of SGD with momentum.
///
/// PyTorch's form: v ← μ·v + g, then p ← p − η·v. Update `velocity` in place and return the new
/// parameters.
public func sgdMomentumStep(
  parameters p: [Double], gradients g: [Double], velocity v: inout [Double], learningRate: Double, momentum: Double
) throws -> [Double] {
  // BEGIN SOLUTION
  for i in v.indices { v[i] = momentum * v[i] + g[i] }
  return zip(p, v).map { $0 - learningRate * $1 }
  // END SOLUTION
}
