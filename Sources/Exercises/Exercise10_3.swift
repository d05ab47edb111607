// Exercise10_3.swift — chapter 10: nucleus (top-p) sampling.

import Foundation

/// Exercise 10.3 — the distribution nucleus sampling draws from.
///
/// Divide the logits by `temperature` and take their softmax. Then keep the smallest set of the
/// most probable tokens whose probabilities add up to at least `topP` (0 < topP ≤ 1; ties broken
/// by the lower index first), set every other probability to 0, and renormalize the kept ones to
/// sum to 1 (Holtzman et al. 2020). Chapter 10 keeps a fixed number k instead. Return the
/// distribution, one probability per logit.
public func nucleusDistribution(logits: [Double], temperature: Double, topP: Double) throws -> [Double] {
  // BEGIN SOLUTION
  let scaled = logits.map { $0 / temperature }
  let largest = scaled.max() ?? 0
  let exponentials = scaled.map { exp($0 - largest) }
  let total = exponentials.reduce(0, +)
  let probabilities = exponentials.map { $0 / total }
  let order = probabilities.indices.sorted { (probabilities[$0], -$0) > (probabilities[$1], -$1) }
  var kept = Set<Int>()
  var mass = 0.0
  for index in order where mass < topP {
    kept.insert(index)
    mass += probabilities[index]
  }
  return probabilities.indices.map { kept.contains($0) ? probabilities[$0] / mass : 0 }
  // END SOLUTION
}
