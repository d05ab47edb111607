// Exercise6_1.swift — chapter 06: attention in which no position sees the future.

import Foundation

/// Exercise 6.1 — causal scaled dot-product self-attention, without the library.
///
/// q, k and v are [n][d], [n][d] and [n][dv]: one row per position. Position i attends only to
/// positions j ≤ i: its weights are the softmax, over j = 0…i, of q_i·k_j / √d, and its output is
/// Σ_{j ≤ i} weight_ij · v_j. Return the outputs, [n][dv]. (Masked positions get weight exactly 0:
/// leave them out of the softmax rather than adding a large negative number.)
public func causalSelfAttention(q: [[Double]], k: [[Double]], v: [[Double]]) throws -> [[Double]] {
  // BEGIN SOLUTION
  let scale = Double(q.first?.count ?? 1).squareRoot()
  var outputs: [[Double]] = []
  for i in q.indices {
    var scores: [Double] = []
    for j in 0...i { scores.append(zip(q[i], k[j]).reduce(0) { $0 + $1.0 * $1.1 } / scale) }
    let largest = scores.max()!
    let e = scores.map { exp($0 - largest) }
    let total = e.reduce(0, +)
    var output = [Double](repeating: 0, count: v[0].count)
    for j in 0...i {
      for c in output.indices { output[c] += e[j] / total * v[j][c] }
    }
    outputs.append(output)
  }
  return outputs
  // END SOLUTION
}
