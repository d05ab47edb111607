// Exercise10_2.swift — chapter 10: a causal mask for a batch of sequences of different lengths.

import Foundation

/// Exercise 10.2 — causal masks that also hide padding.
///
/// A batch holds sequences of `lengths[b]` real tokens, each padded to `size` positions. Return
/// one [size][size] mask per sequence: 1 where query position t may attend to key position s,
/// that is s ≤ t (causal) and s < lengths[b] (a real token, not padding); 0 elsewhere. (Rows of
/// padding positions may then attend to the real tokens only; they are not predicted.)
public func paddedCausalMasks(lengths: [Int], size: Int) throws -> [[[Double]]] {
  // BEGIN SOLUTION
  lengths.map { length in
    (0..<size).map { t in (0..<size).map { s in s <= t && s < length ? 1.0 : 0.0 } }
  }
  // END SOLUTION
}
