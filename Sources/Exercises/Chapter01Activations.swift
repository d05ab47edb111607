// Chapter01Activations.swift — exercises for chapter 01 (activation functions).

import Foundation

/// Exercise 1.1 — the sigmoid's derivative.
///
/// Return σ′(x) for σ(x) = 1 / (1 + e^(−x)). Hint: chapter 01 writes σ′ in terms of σ itself.
public func sigmoidDerivative(_ x: Double) throws -> Double {
  // BEGIN SOLUTION
  let s = 1 / (1 + exp(-x))
  return s * (1 - s)
  // END SOLUTION
}

/// Exercise 1.2 — the tanh's derivative.
///
/// Return tanh′(x). (Article 000 gets this one wrong; do not copy it.)
public func tanhDerivative(_ x: Double) throws -> Double {
  // BEGIN SOLUTION
  let t = tanh(x)
  return 1 - t * t
  // END SOLUTION
}

/// Exercise 1.3 — a numerically stable softmax.
///
/// Return softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ). It must stay finite for inputs as large as 1e4:
/// subtract the largest zⱼ first.
public func softmax(_ z: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  let m = z.max() ?? 0
  let e = z.map { exp($0 - m) }
  let total = e.reduce(0, +)
  return e.map { $0 / total }
  // END SOLUTION
}
