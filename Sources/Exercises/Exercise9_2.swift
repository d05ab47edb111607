// Exercise9_2.swift — chapter 09: He's initialization for an activation the chapter does not use.

import Foundation

/// Exercise 9.2 — the weights' standard deviation for a leaky ReLU layer.
///
/// A leaky ReLU f(z) = z for z > 0 and a·z otherwise (0 ≤ a < 1). For z symmetric around 0, work
/// out E[f(z)²] in terms of Var(z), then choose Var(w) so that n·Var(w)·E[f(z)²] = Var(z): the
/// variance passed on stays the same from layer to layer, as He's choice does for ReLU (a = 0).
/// Return that standard deviation of w for a layer with `fanIn` inputs.
public func leakyReluHeStandardDeviation(fanIn: Int, slope: Double) throws -> Double {
  // BEGIN SOLUTION
  let meanSquareFactor = (1 + slope * slope) / 2
  return (1 / (Double(fanIn) * meanSquareFactor)).squareRoot()
  // END SOLUTION
}
