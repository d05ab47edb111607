// Exercise6_2.swift — chapter 06: a mask that limits attention to a recent window.

import Foundation

/// Exercise 6.2 — a sliding-window causal mask (as in local attention).
///
/// Return the [n][n] mask with 1 where query i may attend to key j and 0 elsewhere: j ≤ i and
/// j > i − window, so each query sees itself and the `window − 1` positions before it.
public func slidingWindowMask(length n: Int, window: Int) throws -> [[Double]] {
  // BEGIN SOLUTION
  var mask: [[Double]] = []
  for i in 0..<n {
    var row = [Double](repeating: 0, count: n)
    if window > 0 {
      for j in max(0, i - window + 1)...i { row[j] = 1 }
    }
    mask.append(row)
  }
  return mask
  // END SOLUTION
}
