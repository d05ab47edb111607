// TestSupport.swift — helpers shared by the Autograd tests.

import Autograd

/// Whether `a` and `b` agree to `tolerance`, relative to their size once it exceeds 1.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  if a == b { return true }  // infinities
  return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Whether every element agrees (same count required).
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// A tensor of `shape` with values drawn from `range`, seeded by the shape so every case is
/// reproducible.
func randomTensor(_ shape: [Int], in range: ClosedRange<Double> = -2...2, seed: UInt64 = 1) -> Tensor {
  var rng = SeededGenerator(seed: seed &+ UInt64(shape.reduce(7, { $0 &* 31 &+ $1 })))
  return Tensor.uniform(shape, in: range, using: &rng)
}
