// Exercise8_2.swift — chapter 08: one number for a classifier over several classes.

import Foundation

/// Exercise 8.2 — the macro-averaged F1 score.
///
/// `actual` and `predicted` are class labels in 0..<classes. For each class c compute precision,
/// recall and F1 as chapter 08 does for one class, with one convention for the cases it never
/// meets: a precision or recall whose denominator is 0 counts as 0, and so does F1 when precision +
/// recall is 0 (scikit-learn's `zero_division=0`). Return the mean of the `classes` F1 scores.
public func macroF1(actual: [Int], predicted: [Int], classes: Int) throws -> Double {
  // BEGIN SOLUTION
  func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
  var total = 0.0
  for c in 0..<classes {
    var hits = 0
    var predictedCount = 0
    var actualCount = 0
    for (a, p) in zip(actual, predicted) {
      if a == c && p == c { hits += 1 }
      if p == c { predictedCount += 1 }
      if a == c { actualCount += 1 }
    }
    let precision = ratio(hits, predictedCount)
    let recall = ratio(hits, actualCount)
    total += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }
  return total / Double(classes)
  // END SOLUTION
}
