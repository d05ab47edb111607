// Encoder.swift — a small BERT: token and position embeddings, transformer blocks that see the
// whole sentence (no causal mask), a final layer norm; with two heads on top, one that predicts
// masked words (pre-training) and one that scores sentiment (fine-tuning).
//
// Shapes: B batch, T positions (the longest sentence of the batch), D width, V vocabulary.

import Autograd
import Examples

/// The body both tasks share, the part that is saved after pre-training and loaded before fine-tuning.
final class Encoder: Module {
  static let (context, width, heads, layers) = (10, 16, 2, 1)
  let tokens: Embedding
  let positions: Embedding
  let blocks: [TransformerBlock]
  let norm: LayerNorm
  /// Whether a position sees only itself and the positions before it (GPT) rather than the whole sentence (BERT).
  let causal: Bool

  init(vocabulary: Int, width: Int = Encoder.width, causal: Bool = false, using generator: inout SeededGenerator) {
    self.causal = causal
    tokens = Embedding(count: vocabulary, dimension: width, using: &generator)
    positions = Embedding(count: Self.context, dimension: width, using: &generator)
    for table in [tokens.E, positions.E] { table.scalars = table.scalars.map { 0.02 * $0 } }  // as GPT-2 and BERT
    blocks = (0..<Self.layers).map { _ in TransformerBlock(width: width, heads: Self.heads, using: &generator) }
    norm = LayerNorm(width: width)
  }

  /// The vectors `[B, T, D]` of sentences padded with id 0 to one length; a padding position is
  /// masked out as a key, so it changes nothing at the real positions.
  func callAsFunction(_ ids: [[Int]]) -> Tensor {
    let (b, t) = (ids.count, ids[0].count)
    var x = tokens(ids.flatMap { $0 }).reshaped([b, t, tokens.E.shape[1]]) + positions(Array(0..<t))  // [B, T, D]
    let keys = Tensor(shape: [b, 1, 1, t], scalars: ids.flatMap { $0.map { $0 == Vocabulary.padding ? 0.0 : 1.0 } })
    // keys [B, 1, 1, T] broadcast over heads and queries; with the causal mask [T, T], [B, 1, T, T].
    let mask = causal ? keys * GPT.causalMask(t) : keys
    for block in blocks { x = block(x, mask: mask) }
    return norm(x)  // [B, T, D]
  }

  /// The mean of the vectors of the real (not padding) positions, `[B, D]`: one vector per sentence.
  func pooled(_ ids: [[Int]]) -> Tensor {
    let (b, t) = (ids.count, ids[0].count)
    let real = ids.flatMap { $0.map { $0 == Vocabulary.padding ? 0.0 : 1.0 } }
    let weights = Tensor(shape: [b, t, 1], scalars: real)  // [B, T, 1]
    let lengths = Tensor(shape: [b, 1], scalars: ids.map { Double($0.filter { $0 != Vocabulary.padding }.count) })
    return (self(ids) * weights).sum(axis: 1) / lengths  // [B, D]
  }
}

/// Pre-training: the encoder and a head D → V that predicts a word at each position that has a
/// target: the masked words (BERT, the encoder bidirectional) or the next word (GPT, causal).
final class WordPredictor: Module {
  let body: Encoder
  let head: Linear

  init(vocabulary: Int, causal: Bool = false, using generator: inout SeededGenerator) {
    body = Encoder(vocabulary: vocabulary, causal: causal, using: &generator)
    head = Linear(inputs: Encoder.width, outputs: vocabulary, using: &generator)
  }

  /// The logits `[B, T, V]`.
  func callAsFunction(_ ids: [[Int]]) -> Tensor { head(body(ids)) }

  /// The mean cross-entropy over the positions that have a target (the masked ones).
  func loss(_ ids: [[Int]], targets: [[Int?]]) -> Tensor {
    let logits = self(ids)  // [B, T, V]
    let v = logits.shape[2]
    var picks = [Double](repeating: 0, count: logits.count)
    var counted = 0
    for (b, row) in targets.enumerated() {
      for (t, target) in row.enumerated() {
        guard let target else { continue }
        picks[(b * row.count + t) * v + target] = 1
        counted += 1
      }
    }
    return -(logits.logSoftmax(axis: -1) * Tensor(shape: logits.shape, scalars: picks)).sum() / Double(counted)
  }
}

/// Fine-tuning: the encoder and a head D → 1, the logit of "positive", on the pooled vector.
final class SentimentClassifier: Module {
  let body: Encoder
  let head: Linear

  init(vocabulary: Int, width: Int = Encoder.width, causal: Bool = false, using generator: inout SeededGenerator) {
    body = Encoder(vocabulary: vocabulary, width: width, causal: causal, using: &generator)
    head = Linear(inputs: width, outputs: 1, using: &generator)
  }

  /// The logits `[B]`.
  func callAsFunction(_ ids: [[Int]]) -> Tensor { head(body.pooled(ids)).reshaped([-1]) }
}

/// Sentences padded with id 0 to the longest of them.
func padded(_ sentences: [[Int]]) -> [[Int]] {
  let length = sentences.map(\.count).max()!
  return sentences.map { $0 + [Int](repeating: Vocabulary.padding, count: length - $0.count) }
}

/// BERT's masking rule (Devlin et al. 2018, §3.1): each word is chosen with probability 15 %; a
/// chosen word becomes [MASK] 80 % of the time, a random word 10 %, and stays as it is 10 %; the
/// model must predict every chosen word. Returns the input and the targets (nil: not chosen).
func maskWords(
  _ ids: [Int], vocabulary: Vocabulary, rate: Double = 0.15, using generator: inout SeededGenerator
) -> (input: [Int], targets: [Int?]) {
  var input = ids
  var targets = [Int?](repeating: nil, count: ids.count)
  for (t, id) in ids.enumerated() where id != Vocabulary.padding {
    guard generator.nextUnit() < rate else { continue }
    targets[t] = id
    let u = generator.nextUnit()
    if u < 0.8 {
      input[t] = Vocabulary.mask
    } else if u < 0.9 {
      input[t] = generator.nextInt(in: vocabulary.firstWord..<vocabulary.count)
    }  // else: the word stays, and must still be predicted
  }
  return (input, targets)
}
