// GPT.swift — the character-level GPT of chapter 10, shared with `bench` (its `gpt_step`).
//
// Shapes: B batch, T positions (at most `context`), D width, V vocabulary.

import Autograd

/// A decoder-only transformer over token ids, with GPT-2's layout (Radford et al. 2019): a layer
/// norm in front of each sub-layer and one after the last block.
///
/// ```
/// x = tokens[ids] + positions[0..<T]                     [B, T, D]
/// x = block(x, causal mask)   for each block              pre-norm, residual (TransformerBlock)
/// logits = head(norm(x))                                  [B, T, V]
/// ```
/// The causal mask lets position t attend to positions ≤ t only, so the logits at t predict
/// token t + 1 from the tokens up to t, and one forward pass trains every position at once.
///
/// What differs from the GPTs it is named for: the first GPT (Radford et al. 2018) put each layer
/// norm after its residual addition (post-norm) and had no final norm; both GPTs use GELU in the
/// feed-forward layer, where `TransformerBlock` uses ReLU. Against nanoGPT's `model.py`: the head
/// has its own weights and a bias (nanoGPT ties the head to the token embedding), there is no
/// dropout, and the Linear layers keep PyTorch's default initialisation (nanoGPT draws them from
/// N(0, 0.02²)). Chapter 10's AdamW decays every parameter; nanoGPT's `configure_optimizers`
/// decays only the 2-D ones (weight matrices and embeddings), not the biases and layer-norm gains.
public final class GPT: Module {
  /// The token embedding, `[V, D]`.
  public let tokens: Embedding
  /// The learned position embedding, `[context, D]`.
  public let positions: Embedding
  /// The transformer blocks, input side first.
  public let blocks: [TransformerBlock]
  /// The layer norm after the last block.
  public let norm: LayerNorm
  /// The language-model head, D → V.
  public let head: Linear
  /// The longest sequence the model reads.
  public let context: Int

  /// A model with embeddings drawn from N(0, 0.02²), as GPT-2 does, and PyTorch's default Linear layers.
  public init(
    vocabulary: Int, context: Int, width: Int, heads: Int, layers: Int, using generator: inout SeededGenerator
  ) {
    tokens = Embedding(count: vocabulary, dimension: width, using: &generator)
    positions = Embedding(count: context, dimension: width, using: &generator)
    for table in [tokens.E, positions.E] { table.scalars = table.scalars.map { 0.02 * $0 } }
    blocks = (0..<layers).map { _ in TransformerBlock(width: width, heads: heads, using: &generator) }
    norm = LayerNorm(width: width)
    head = Linear(inputs: width, outputs: vocabulary, using: &generator)
    self.context = context
  }

  /// The `[T, T]` mask with 1 where position t may attend to position s (s ≤ t).
  public static func causalMask(_ length: Int) -> Tensor {
    Tensor((0..<length).map { t in (0..<length).map { s in s <= t ? 1.0 : 0.0 } })
  }

  /// The logits `[B, T, V]` for `ids` (B rows of T ids each, T ≤ context), and every block's
  /// attention weights `[B, H, T, T]`.
  public func attend(_ ids: [[Int]]) -> (logits: Tensor, weights: [Tensor]) {
    let (b, t) = (ids.count, ids.first?.count ?? 0)
    if t < 1 || t > context || ids.contains(where: { $0.count != t }) {
      fatalError("GPT: needs \(b) rows of 1 to \(context) ids each, got rows of \(ids.map(\.count))")
    }
    let width = tokens.E.shape[1]
    var x = tokens(ids.flatMap { $0 }).reshaped([b, t, width]) + positions(Array(0..<t))  // [B, T, D]
    let mask = Self.causalMask(t)
    var weights: [Tensor] = []
    for block in blocks {
      let (output, w) = block.attend(x, mask: mask)
      x = output
      weights.append(w)
    }
    return (head(norm(x)), weights)  // [B, T, V]
  }

  /// The logits `[B, T, V]` for `ids`.
  public func callAsFunction(_ ids: [[Int]]) -> Tensor { attend(ids).logits }

  /// The mean cross-entropy of the next-token predictions over every position whose target is
  /// not nil: −(1/N) Σ log softmax(logits[b, t])[targets[b][t]].
  public func loss(_ ids: [[Int]], targets: [[Int?]]) -> Tensor {
    let logits = self(ids)
    let vocabulary = logits.shape[2]
    var weights = [Double](repeating: 0, count: logits.count)
    var counted = 0
    for (b, row) in targets.enumerated() {
      for (t, target) in row.enumerated() {
        guard let target else { continue }
        weights[(b * row.count + t) * vocabulary + target] = 1
        counted += 1
      }
    }
    if counted == 0 { fatalError("GPT.loss: no position has a target") }
    return -(logits.logSoftmax(axis: -1) * Tensor(shape: logits.shape, scalars: weights)).sum() / Double(counted)
  }
}
