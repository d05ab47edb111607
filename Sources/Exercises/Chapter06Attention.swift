// Chapter06Attention.swift — exercises for chapter 06 (attention).

import Foundation

/// Exercise 6.1 — scaled dot-product attention without the library's helper.
///
/// q is [n][d], k is [m][d], v is [m][dv]. Return softmax(q·kᵀ/√d)·v, [n][dv], the softmax
/// taken over each query's m scores.
public func scaledDotProductAttention(q: [[Double]], k: [[Double]], v: [[Double]]) throws -> [[Double]] {
  // BEGIN SOLUTION
  let d = Double(q.first?.count ?? 1)
  return q.map { query in
    let scores = k.map { key in zip(query, key).map(*).reduce(0, +) / d.squareRoot() }
    let m = scores.max() ?? 0
    let e = scores.map { exp($0 - m) }
    let total = e.reduce(0, +)
    let weights = e.map { $0 / total }
    return (0..<(v.first?.count ?? 0)).map { column in zip(weights, v).map { $0 * $1[column] }.reduce(0, +) }
  }
  // END SOLUTION
}

/// Exercise 6.2 — a causal mask.
///
/// Return the [n][n] mask with 1 where query i may attend to key j (j ≤ i) and 0 elsewhere.
public func causalMask(length n: Int) throws -> [[Double]] {
  // BEGIN SOLUTION
  (0..<n).map { i in (0..<n).map { j in j <= i ? 1 : 0 } }
  // END SOLUTION
}
