// Exercise5_2.swift — chapter 05: gradient descent on a quadratic bowl in several dimensions.

import Foundation

/// Exercise 5.2 — the path of gradient descent on f(w) = ½ wᵀAw − bᵀw.
///
/// `A` is a symmetric [d][d] matrix, `b` and `start` have d entries. Work out ∇f on paper, then take
/// `steps` steps w ← w − η∇f(w) from `start`. Return every w visited, the start included
/// (`steps + 1` rows of d numbers).
public func quadraticDescentPath(
  A: [[Double]], b: [Double], start: [Double], learningRate: Double, steps: Int
) throws -> [[Double]] {
  // BEGIN SOLUTION
  var path = [start]
  for _ in 0..<steps {
    let w = path[path.count - 1]
    var next = w
    for i in w.indices {
      var gradient = -b[i]
      for j in w.indices { gradient += A[i][j] * w[j] }
      next[i] = w[i] - learningRate * gradient
    }
    path.append(next)
  }
  return path
  // END SOLUTION
}
