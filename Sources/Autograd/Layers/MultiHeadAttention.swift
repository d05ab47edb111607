// MultiHeadAttention.swift — several attention heads side by side, each in its own subspace.
//
// Shapes: B batch, T tokens, D model width, H heads, S = D/H the width of one head.

/// Multi-head self-attention.
///
/// ```
/// q, k, v = x·W_qᵀ, x·W_kᵀ, x·W_vᵀ                  each [B, T, D]
/// split into H heads of width S = D/H               [B, H, T, S]
/// headᵢ = attention(qᵢ, kᵢ, vᵢ)                      [B, H, T, S]
/// output = concat(head₁ … head_H)·W_oᵀ + b_o        [B, T, D]
/// ```
/// Each head attends in its own S-dimensional projection, so different heads can look for
/// different things; the output projection mixes what they found.
public final class MultiHeadAttention: Module {
  /// The number of heads H; each has width S = D/H.
  public let heads: Int
  /// The query projection W_q, `[D, D]` with bias (all heads at once).
  public let query: Linear
  /// The key projection W_k, `[D, D]` with bias.
  public let key: Linear
  /// The value projection W_v, `[D, D]` with bias.
  public let value: Linear
  /// The output projection W_o, `[D, D]` with bias, mixing the heads.
  public let output: Linear

  /// Attention over vectors of `width` D in `heads` heads; D must be a multiple of H.
  public init(width: Int, heads: Int, using generator: inout SeededGenerator) {
    if heads < 1 || width % heads != 0 {
      fail("MultiHeadAttention: width \(width) does not split into \(heads) heads")
    }
    self.heads = heads
    query = Linear(inputs: width, outputs: width, using: &generator)
    key = Linear(inputs: width, outputs: width, using: &generator)
    value = Linear(inputs: width, outputs: width, using: &generator)
    output = Linear(inputs: width, outputs: width, using: &generator)
  }


  /// The heads of a projection: [B, T, D] → [B, H, T, S].
  public func splitHeads(_ x: Tensor) -> Tensor {
    let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
    return x.reshaped([b, t, heads, d / heads]).permuted([0, 2, 1, 3])
  }

  /// Self-attention over `x` `[B, T, D]`; `mask` (1 allowed, 0 masked) broadcasts to `[B, H, T, T]`.
  public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) -> Tensor {
    attend(x, mask: mask).output
  }

  /// The same as calling the layer, with each head's attention weights `[B, H, T, T]` returned
  /// beside the output (for figures; the model keeps no state between calls).
  public func attend(_ x: Tensor, mask: Tensor? = nil) -> (output: Tensor, weights: Tensor) {
    if x.rank != 3 { fail("MultiHeadAttention: input must be [batch, tokens, width], got \(x.shape)") }
    let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
    let q = splitHeads(query(x))  // [B, H, T, S]
    let k = splitHeads(key(x))  // [B, H, T, S]
    let v = splitHeads(value(x))  // [B, H, T, S]
    let (heads, weights) = attention(query: q, key: k, value: v, mask: mask)  // [B, H, T, S], [B, H, T, T]
    let joined = heads.permuted([0, 2, 1, 3]).reshaped([b, t, d])  // [B, T, D]
    return (output(joined), weights)
  }
}
