// Exercise3_1.swift — chapter 03: a regression loss between the squared and the absolute error.

import Foundation

/// Exercise 3.1 — the Huber loss.
///
/// For each pair, with r = prediction − target: ½r² where |r| ≤ δ, and δ(|r| − ½δ) beyond (the two
/// pieces meet with the same value and slope at |r| = δ). Return the mean over all pairs.
public func huberLoss(predictions: [Double], targets: [Double], delta: Double) throws -> Double {
  // BEGIN SOLUTION
  var total = 0.0
  for (prediction, target) in zip(predictions, targets) {
    let r = abs(prediction - target)
    total += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta)
  }
  return total / Double(predictions.count)
  // END SOLUTION
}
