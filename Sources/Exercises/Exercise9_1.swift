// Exercise9_1.swift — chapter 09: layer normalization's backward pass, by hand.

import Foundation

/// Exercise 9.1 — ∂L/∂x for layer normalization.
///
/// Each row x_b of `x` ([B][F]) is normalized over its own F features: μ_b = mean of the row,
/// σ²_b = mean of (x_bj − μ_b)² (1/F, not 1/(F − 1)), x̂_bj = (x_bj − μ_b)/√(σ²_b + ε), and
/// y_bj = γ_j·x̂_bj + β_j. Given `upstream` = ∂L/∂y ([B][F]), return ∂L/∂x ([B][F]).
/// Chapter 09 derives the three-term formula for batch normalization, which normalizes each
/// column over the batch; here the normalization runs along the rows.
public func layerNormBackward(x: [[Double]], gamma: [Double], upstream: [[Double]], epsilon: Double) throws
  -> [[Double]]
{
  // BEGIN SOLUTION
  var result: [[Double]] = []
  for (row, g) in zip(x, upstream) {
    let width = Double(row.count)
    let mean = row.reduce(0, +) / width
    let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / width
    let scale = (variance + epsilon).squareRoot()
    let normalized = row.map { ($0 - mean) / scale }
    let gradNormalized = zip(g, gamma).map { $0 * $1 }
    let total = gradNormalized.reduce(0, +)
    let projection = zip(gradNormalized, normalized).reduce(0) { $0 + $1.0 * $1.1 }
    result.append(
      row.indices.map { (width * gradNormalized[$0] - total - normalized[$0] * projection) / (width * scale) })
  }
  return result
  // END SOLUTION
}
