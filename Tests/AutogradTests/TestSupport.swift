// TestSupport.swift — helpers shared by the Autograd tests.

import Autograd
import CLanes
import Testing

/// A tensor of `shape` with values drawn from `range`, seeded by the shape so every case is
/// reproducible.
func randomTensor(_ shape: [Int], in range: ClosedRange<Double> = -2...2, seed: UInt64 = 1) -> Tensor {
  var rng = SeededGenerator(seed: seed &+ UInt64(shape.reduce(7, { $0 &* 31 &+ $1 })))
  return Tensor.uniform(shape, in: range, using: &rng)
}

extension Trait where Self == ConditionTrait {
  /// Runs the test only on a CPU with AVX2 (vectors of 4 doubles), and says why it was skipped.
  static var needsAVX2: Self { .enabled(if: clanes_runs(4) == 1, "this CPU has no AVX2") }
  /// Runs the test only on a CPU with AVX-512 (vectors of 8 doubles), and says why it was skipped.
  static var needsAVX512: Self { .enabled(if: clanes_runs(8) == 1, "this CPU has no AVX-512") }
}
