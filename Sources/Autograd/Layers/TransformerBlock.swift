// TransformerBlock.swift — one pre-norm transformer block: attention and a feed-forward network,
// each inside a residual connection with layer normalization in front.
//
// Shapes: B batch, T tokens, D model width.

import Foundation

/// A pre-norm transformer block (as in GPT-2 and nanoGPT):
///
/// ```
/// x = x + attention(norm₁(x))
/// x = x + feedForward(norm₂(x))        feedForward(x) = W₂·relu(W₁x + b₁) + b₂, hidden width 4D
/// ```
/// The residual paths let the gradient reach the lower layers unchanged (chapter 04's
/// vanishing gradients); the norms keep each position's vector at a steady scale.
public final class TransformerBlock: Module {
  /// The layer norm in front of the attention, over D features.
  public let norm1: LayerNorm
  /// The multi-head self-attention.
  public let attention: MultiHeadAttention
  /// The layer norm in front of the feed-forward network.
  public let norm2: LayerNorm
  /// The feed-forward network's first layer, W₁ `[hidden, D]`.
  public let expand: Linear
  /// The feed-forward network's second layer, W₂ `[D, hidden]`.
  public let contract: Linear

  /// A block for vectors of `width` D, `heads` heads, and a feed-forward hidden width of
  /// `hiddenWidth` (4D when nil, as in GPT-2).
  public init(width: Int, heads: Int, hiddenWidth: Int? = nil, using generator: inout SeededGenerator) {
    norm1 = LayerNorm(width: width)
    attention = MultiHeadAttention(width: width, heads: heads, using: &generator)
    norm2 = LayerNorm(width: width)
    expand = Linear(inputs: width, outputs: hiddenWidth ?? 4 * width, using: &generator)
    contract = Linear(inputs: hiddenWidth ?? 4 * width, outputs: width, using: &generator)
  }


  /// `x` `[B, T, D]` → `[B, T, D]`.
  public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) -> Tensor {
    attend(x, mask: mask).output
  }

  /// The block's output and its attention weights `[B, H, T, T]`.
  public func attend(_ x: Tensor, mask: Tensor? = nil) -> (output: Tensor, weights: Tensor) {
    let (attended, weights) = attention.attend(norm1(x), mask: mask)
    let x = x + attended  // [B, T, D]
    return (x + contract(expand(norm2(x)).relu()), weights)  // [B, T, D]
  }
}

/// The sinusoidal positional encoding of "Attention Is All You Need", `[length, width]`:
///
/// ```
/// PE[p, 2i] = sin(p / 10000^(2i/width))      PE[p, 2i+1] = cos(p / 10000^(2i/width))
/// ```
/// Each pair of columns is a clock ticking at its own rate, so every position gets a distinct
/// pattern, and PE[p + k] is a fixed rotation of PE[p] for every offset k.
public func positionalEncoding(length: Int, width: Int) -> Tensor {
  var values = [Double](repeating: 0, count: length * width)
  for p in 0..<length {
    for column in 0..<width {
      let rate = Double.power(10000, Double(2 * (column / 2)) / Double(width))
      let angle = Double(p) / rate
      values[p * width + column] = column % 2 == 0 ? sin(angle) : cos(angle)
    }
  }
  return Tensor(shape: [length, width], scalars: values)
}
