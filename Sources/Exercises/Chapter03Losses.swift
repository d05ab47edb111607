// Chapter03Losses.swift — exercises for chapter 03 (losses).

import Foundation

/// Exercise 3.1 — binary cross-entropy.
///
/// Return the mean over i of −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]. (Article 004 forgets the
/// second term.)
public func binaryCrossEntropy(probabilities p: [Double], targets y: [Double]) throws -> Double {
  // BEGIN SOLUTION
  let terms = zip(p, y).map { p, y in -(y * log(p) + (1 - y) * log(1 - p)) }
  return terms.reduce(0, +) / Double(terms.count)
  // END SOLUTION
}

/// Exercise 3.2 — the softmax + cross-entropy gradient.
///
/// For one example with logits z and the true class `label`, L = −log softmax(z)[label].
/// Return ∂L/∂z (one entry per class).
public func softmaxCrossEntropyGradient(logits z: [Double], label: Int) throws -> [Double] {
  // BEGIN SOLUTION
  let m = z.max() ?? 0
  let e = z.map { exp($0 - m) }
  let total = e.reduce(0, +)
  return e.enumerated().map { i, ei in ei / total - (i == label ? 1 : 0) }
  // END SOLUTION
}
