// TestSupport.swift — helpers shared by the Autograd tests.

import Autograd

/// A tensor of `shape` with values drawn from `range`, seeded by the shape so every case is
/// reproducible.
func randomTensor(_ shape: [Int], in range: ClosedRange<Double> = -2...2, seed: UInt64 = 1) -> Tensor {
  var rng = SeededGenerator(seed: seed &+ UInt64(shape.reduce(7, { $0 &* 31 &+ $1 })))
  return Tensor.uniform(shape, in: range, using: &rng)
}
