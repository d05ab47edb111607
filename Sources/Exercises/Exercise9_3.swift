// Exercise9_3.swift — chapter 09: a learning-rate schedule with a linear decay after the warm-up.

import Foundation

/// Exercise 9.3 — warm-up followed by a linear decay.
///
/// For step t = 0, 1, 2, …: during the first `warmup` steps the rate rises linearly,
/// peak · (t + 1)/warmup, as in chapter 09's warm-up. From step `warmup` it falls in a straight
/// line from `peak` (at t = warmup) to `floor` (at t = total), and stays at `floor` after `total`.
/// Return the rate of step `step`.
public func warmupLinearDecayRate(step t: Int, peak: Double, warmup: Int, total: Int, floor: Double) throws -> Double {
  // BEGIN SOLUTION
  if t < warmup { return peak * Double(t + 1) / Double(warmup) }
  if t >= total { return floor }
  let fraction = Double(t - warmup) / Double(total - warmup)
  return peak + (floor - peak) * fraction
  // END SOLUTION
}
