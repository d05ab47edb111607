// Capstone.swift — a one-block transformer learns to reverse digit sequences; its attention
// weights show how: each output position looks at the mirrored input position.
//
// Shapes: B batch, T tokens (sequence length), D model width, V vocabulary (10 digits).

import Autograd
import Foundation
import Notebook
import Plot

/// The reversal model: digit embedding + sinusoidal positions → one transformer block → LayerNorm → logits.
final class Reverser: Module {
  let embedding: Embedding
  let block: TransformerBlock
  let norm: LayerNorm
  let head: Linear
  let positions: Tensor  // [T, D]

  init(length: Int, width: Int, heads: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: 10, dimension: width, using: &generator)
    block = TransformerBlock(width: width, heads: heads, using: &generator)
    norm = LayerNorm(width: width)
    head = Linear(inputs: width, outputs: 10, using: &generator)
    positions = positionalEncoding(length: length, width: width)
  }

  /// The predicted digits of each sequence: the most likely class at every position.
  func predict(_ sequences: [[Int]]) -> [[Int]] {
    let rows = withoutGradient { self(sequences) }.reshaped([-1, 10]).rows  // [N·T][10]
    let digits = rows.map { row in row.indices.max { row[$0] < row[$1] }! }
    let t = sequences.first?.count ?? 0
    return sequences.indices.map { Array(digits[($0 * t)..<(($0 + 1) * t)]) }
  }

  /// Digit sequences [B][T] → logits [B, T, 10].
  func callAsFunction(_ sequences: [[Int]]) -> Tensor { attend(sequences).logits }

  /// The logits `[B, T, 10]` and the block's attention weights `[B, H, T, T]`.
  func attend(_ sequences: [[Int]]) -> (logits: Tensor, weights: Tensor) {
    let (b, t) = (sequences.count, sequences[0].count)
    let x = embedding(sequences.flatMap { $0 }).reshaped([b, t, -1]) + positions  // [B, T, D]
    let (y, weights) = block.attend(x)  // [B, T, D], [B, H, T, T]
    return (head(norm(y)), weights)  // [B, T, 10]
  }
}

struct ReversalResult {
  let losses: [Double]
  let run: TrainingRun
  let tokenAccuracy: Double
  let sequenceAccuracy: Double
  let evaluations: [(step: Int, tokenAccuracy: Double)]
  let model: Reverser
  let test: [[Int]]
}

/// `count` random digit sequences of `length` digits.
func randomSequences(_ count: Int, length: Int = Attention.length, using generator: inout SeededGenerator) -> [[Int]] {
  (0..<count).map { _ in (0..<length).map { _ in generator.nextInt(in: 0..<10) } }
}

extension Attention {
  static let length = 6

  /// Token and whole-sequence accuracy of `model` on `sequences`.
  func accuracy(_ model: Reverser, _ sequences: [[Int]]) -> (token: Double, sequence: Double) {
    var tokens = 0
    var whole = 0
    for (predicted, sequence) in zip(model.predict(sequences), sequences) {
      let correct = zip(predicted, sequence.reversed()).filter { $0 == $1 }.count
      tokens += correct
      whole += correct == Self.length ? 1 : 0
    }
    return (Double(tokens) / Double(sequences.count * Self.length), Double(whole) / Double(sequences.count))
  }

  func trainReverser(_ notebook: Notebook, steps: Int, batch: Int = 64) -> ReversalResult {
    var rng = notebook.generator("capstone")
    let model = Reverser(length: Self.length, width: 32, heads: 2, using: &rng)
    let test = randomSequences(500, using: &rng)
    let held = Set(test)
    let optimizer = Adam(parameters: model.parameters, learningRate: 3e-3)
    var evaluations: [(Int, Double)] = []
    let run = notebook.train("reversal transformer", epochs: steps, unit: "step") { step in
      var sequences: [[Int]] = []
      while sequences.count < batch {  // fresh training sequences, never one of the test set
        let s = randomSequences(1, using: &rng)[0]
        if !held.contains(s) { sequences.append(s) }
      }
      let loss = optimizer.step {
        let logits = model(sequences).reshaped([-1, 10])  // [B·T, 10]
        return softmaxCrossEntropy(logits: logits, labels: sequences.flatMap { $0.reversed() })
      }
      if step % 100 == 0 { evaluations.append((step, accuracy(model, test).token)) }
      return loss
    }
    let (token, sequence) = accuracy(model, test)
    return ReversalResult(
      losses: run.losses, run: run, tokenAccuracy: token, sequenceAccuracy: sequence, evaluations: evaluations,
      model: model, test: test)
  }
}
