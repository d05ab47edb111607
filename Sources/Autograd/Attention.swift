// Attention.swift — scaled dot-product attention, the heart of the transformer.
//
// Shapes: n queries, m keys/values, d query/key width, dv value width; leading axes
// (batch, heads) broadcast.

import Foundation

/// Scaled dot-product attention.
///
/// ```
/// weights = softmax(q·kᵀ / √d)      (over the last axis: each query's weights sum to 1)
/// output  = weights · v
/// ```
/// Dividing by √d keeps the scores' variance near 1 whatever the width d, so the softmax
/// does not saturate (see chapter 06).
///
/// - Parameters:
///   - q: the queries, `[..., n, d]`
///   - k: the keys, `[..., m, d]`
///   - v: the values, `[..., m, dv]`
///   - mask: 1 where attention is allowed, 0 where it is not, broadcastable to `[..., n, m]`.
///     Masked weights are exactly 0. A query with every key masked has no defined weights.
///   - scaled: divide the scores by √d (true) or not (false).
/// - Returns: `output` `[..., n, dv]` and `weights` `[..., n, m]`.
public func attention(query q: Tensor, key k: Tensor, value v: Tensor, mask: Tensor? = nil, scaled: Bool = true)
  -> (output: Tensor, weights: Tensor)
{
  let d = q.shape.last ?? 0
  if q.rank < 2 || k.rank < 2 || v.rank < 2 || k.shape.last != d || k.shape[k.rank - 2] != v.shape[v.rank - 2] {
    fail(
      "attention: needs query [..., n, d], key [..., m, d], value [..., m, dv]; got \(q.shape), \(k.shape), \(v.shape)")
  }
  var scores = q.matmul(transposing: k)  // [..., n, m]
  if scaled { scores = scores / Double(d).squareRoot() }
  if let mask {
    // −∞ becomes e^−∞ = 0 in the softmax: masked weights are exactly zero, not merely small.
    scores = Tensor.where(mask, scores, Tensor(-.infinity))
  }
  let weights = scores.softmax(axis: -1)  // [..., n, m]
  return (weights.matmul(v), weights)  // [..., n, dv]
}
