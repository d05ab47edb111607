// Models.swift — from text to token ids, and four ways to turn a sentence's token ids into one
// logit: mean pooling (article 002's Keras model), a 1-D CNN, an LSTM, and attention pooling.
//
// Shapes: B sentences of the same length T (batches are grouped by length, so nothing is
// padded), D = 16 embedding width, V vocabulary size.

import Autograd
import Foundation

// MARK: - Text to ids

/// Lower-case words, punctuation dropped, apostrophes kept ("don't" is one token).
func tokens(_ text: String) -> [String] {
  text.lowercased().split(whereSeparator: { $0.isWhitespace }).map { word in
    String(word.filter { $0.isLetter || $0.isNumber || $0 == "'" })
  }.filter { !$0.isEmpty }
}

/// Word ↔ id, built from the training sentences only: id 0 is reserved for padding (as in
/// Keras), id 1 for words never seen in training ("<OOV>"), then words by falling frequency.
struct Vocabulary {
  static let padding = 0
  static let unknown = 1
  let words: [String]  // words[id]
  let counts: [String: Int]
  private let ids: [String: Int]

  init(_ sentences: [String]) {
    var counts: [String: Int] = [:]
    for sentence in sentences { for word in tokens(sentence) { counts[word, default: 0] += 1 } }
    let ordered = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }  // frequency, then a–z
    words = ["<pad>", "<OOV>"] + ordered
    self.counts = counts
    ids = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
  }

  var count: Int { words.count }

  func encode(_ text: String) -> [Int] { tokens(text).map { ids[$0] ?? Self.unknown } }
}

// MARK: - The four classifiers

/// A sentence classifier: same-length id sequences `[B][T]` → one logit per sentence `[B]`.
protocol SentenceModel: Module {
  var name: String { get }
  func callAsFunction(_ batch: [[Int]]) -> Tensor
}

extension Embedding {
  /// The vectors of a batch of same-length id sequences, `[B, T, D]`.
  func batch(_ ids: [[Int]]) -> Tensor {
    self(ids.flatMap { $0 }).reshaped([ids.count, ids[0].count, -1])
  }
}

/// Article 002's model: Embedding → GlobalAveragePooling1D → Dense(24, relu) → Dense(1).
/// The mean forgets word order: "not bad" and "bad not" are the same input.
final class MeanPooling: SentenceModel {
  let name = "mean pooling"
  let embedding: Embedding
  let hidden: Linear
  let output: Linear

  init(vocabulary: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: vocabulary, dimension: 16, using: &generator)
    hidden = Linear(inputs: 16, outputs: 24, using: &generator)
    output = Linear(inputs: 24, outputs: 1, using: &generator)
  }

  func callAsFunction(_ batch: [[Int]]) -> Tensor {
    let pooled = embedding.batch(batch).mean(axis: 1)  // [B, D]
    return output(hidden(pooled).relu()).reshaped([-1])  // [B]
  }
}

/// A 1-D CNN: 32 filters of 3 words (padding 1) → relu → max over positions → Dense(1).
/// Each filter is a trigram detector ("was not bad"); the max asks "does it occur anywhere?".
final class Convolutional: SentenceModel {
  let name = "1-D CNN"
  let embedding: Embedding
  let conv: Conv1D
  let output: Linear

  init(vocabulary: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: vocabulary, dimension: 16, using: &generator)
    conv = Conv1D(channels: 16, filters: 32, kernel: 3, padding: 1, using: &generator)
    output = Linear(inputs: 32, outputs: 1, using: &generator)
  }

  func callAsFunction(_ batch: [[Int]]) -> Tensor {
    let features = conv(embedding.batch(batch)).relu()  // [B, T, 32]
    return output(features.max(axis: 1)).reshaped([-1])  // [B]
  }
}

/// An LSTM reads the words in order; its last hidden state → Dense(1).
final class Recurrent: SentenceModel {
  let name = "LSTM"
  let embedding: Embedding
  let lstm: LSTMCell
  let output: Linear

  init(vocabulary: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: vocabulary, dimension: 16, using: &generator)
    lstm = LSTMCell(inputs: 16, hidden: 24, using: &generator)
    output = Linear(inputs: 24, outputs: 1, using: &generator)
  }

  func callAsFunction(_ batch: [[Int]]) -> Tensor {
    let last = lstm.sequence(embedding.batch(batch)).last!.hidden  // [B, H]
    return output(last).reshaped([-1])  // [B]
  }
}

/// Attention pooling: a learned query scores every word's key, softmax turns the scores into
/// weights, and the sentence vector is the weighted mean — a mean that learns what to look at.
///
/// ```
/// k_t = tanh(W e_t + b)                   [B, T, 24]
/// α = softmax(q·k_tᵀ/√24) over t          [B, 1, T]   (q a learned [24] vector)
/// s = Σ_t α_t k_t                          [B, 24]  →  Dense(24, relu) → Dense(1)
/// ```
final class AttentionPooling: SentenceModel {
  let name = "attention pooling"
  let embedding: Embedding
  let keys: Linear
  let query: Tensor  // [1, 1, 24]
  let hidden: Linear
  let output: Linear

  init(vocabulary: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: vocabulary, dimension: 16, using: &generator)
    keys = Linear(inputs: 16, outputs: 24, using: &generator)
    query = Tensor.normal([1, 1, 24], using: &generator, requiresGrad: true)
    hidden = Linear(inputs: 24, outputs: 24, using: &generator)
    output = Linear(inputs: 24, outputs: 1, using: &generator)
  }

  func callAsFunction(_ batch: [[Int]]) -> Tensor { attend(batch).logits }

  /// The logits `[B]` and the weights α `[B, T]` that pooled each sentence.
  func attend(_ batch: [[Int]]) -> (logits: Tensor, weights: Tensor) {
    let k = keys(embedding.batch(batch)).tanh()  // [B, T, 24]
    let (pooled, weights) = attention(query: query, key: k, value: k)  // [B, 1, 24], [B, 1, T]
    let logits = output(hidden(pooled.reshaped([batch.count, -1])).relu()).reshaped([-1])  // [B]
    return (logits, weights.reshaped([batch.count, -1]))
  }
}
