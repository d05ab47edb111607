// ContextMLP.swift — Bengio et al. (2003): embed the last k characters, concatenate, one hidden
// layer, a softmax over the next character.

import Autograd
import Foundation
import Notebook
import Plot

/// The context-window language model: P(next | last k tokens).
final class ContextMLP: Module {
  let embedding: Embedding
  let hidden: Linear
  let output: Linear
  let context: Int

  init(context: Int, dimension: Int, hiddenWidth: Int, using generator: inout SeededGenerator) {
    embedding = Embedding(count: Vocabulary.size, dimension: dimension, using: &generator)
    hidden = Linear(inputs: context * dimension, outputs: hiddenWidth, using: &generator)
    output = Linear(inputs: hiddenWidth, outputs: Vocabulary.size, using: &generator)
    self.context = context
  }

  /// The logits `[n, V]` for `n` contexts of `context` ids each.
  func callAsFunction(_ contexts: [[Int]]) -> Tensor {
    let x = embedding(contexts.flatMap { $0 }).reshaped([contexts.count, -1])  // [n, k·d]
    return output(hidden(x).tanh())
  }

  /// Every (context, next) example of `words`: the k ids before each prediction, "." before the word.
  func examples(_ words: [String]) -> (contexts: [[Int]], targets: [Int]) {
    var contexts: [[Int]] = []
    var targets: [Int] = []
    for word in words {
      var window = [Int](repeating: 0, count: context)
      for id in Vocabulary.ids(word) + [0] {
        contexts.append(window)
        targets.append(id)
        window = Array(window.dropFirst()) + [id]
      }
    }
    return (contexts, targets)
  }

  /// Mean cross-entropy (nats) over all the examples, in blocks of 512.
  func loss(_ examples: (contexts: [[Int]], targets: [Int])) -> Double {
    var total = 0.0
    var start = 0
    while start < examples.targets.count {
      let end = min(start + 512, examples.targets.count)
      let logits = withoutGradient { self(Array(examples.contexts[start..<end])) }
      total +=
        softmaxCrossEntropy(logits: logits, labels: Array(examples.targets[start..<end])).item * Double(end - start)
      start = end
    }
    return total / Double(examples.targets.count)
  }
}

extension LanguageModel {
  func mlpCell(_ notebook: Notebook, _ words: Words) throws -> Score {
    var score = Score(name: "", parameters: 0, nats: 0)
    try notebook.cell("mlp", "A context-window MLP (Bengio et al. 2003)") { cell in
      var weights = cell.generator("weights")
      var batches = cell.generator("batches")
      let (k, dimension, hiddenWidth, batch, steps) = (3, 10, 96, 64, 4000)
      let model = ContextMLP(context: k, dimension: dimension, hiddenWidth: hiddenWidth, using: &weights)
      let train = model.examples(words.train)
      let valid = model.examples(words.valid)
      let schedule = LearningRateSchedule.warmupCosine(peak: 0.01, warmup: 100, total: steps, floor: 0.001)
      let optimizer = AdamW(parameters: model.parameters, learningRate: 0.01, weightDecay: 0.01)
      var curve: [(Double, Double, Double)] = []
      let run = notebook.train("MLP", epochs: steps, unit: "step") { step in
        optimizer.learningRate = schedule.rate(at: step - 1)
        let picked = (0..<batch).map { _ in batches.nextInt(in: 0..<train.targets.count) }
        let loss = optimizer.step {
          softmaxCrossEntropy(
            logits: model(picked.map { train.contexts[$0] }), labels: picked.map { train.targets[$0] })
        }
        if step % 1000 == 0 {
          let sample = (contexts: Array(train.contexts.prefix(20000)), targets: Array(train.targets.prefix(20000)))
          curve.append((Double(step), model.loss(sample), model.loss(valid)))
        }
        return loss
      }
      let validLoss = model.loss(valid)
      cell.line(
        "context k = \(k) characters, each embedded in \(dimension) dimensions, concatenated (\(k * dimension)), a tanh layer of"
      )
      cell.line(
        "\(hiddenWidth), a softmax over \(Vocabulary.size): \(model.parameterCount) parameters. AdamW (λ = 0.01), warm-up 100 steps then"
      )
      cell.line(
        "cosine from η = 0.01 to 0.001, mini-batches of \(batch) of the \(train.targets.count) training examples, \(steps) steps."
      )
      cell.line("  \(run.summary)")
      cell.table(
        ["step", "train NLL (first 20 000 examples)", "valid NLL"], curve.map { [Int($0.0), $0.1, $0.2] }, digits: 4)
      cell.line(
        "validation: \(Format.number(validLoss, digits: 4)) nats = \(Format.number(validLoss / log(2), digits: 4)) bits per character"
      )
      score = Score(name: "MLP, context 3", parameters: model.parameterCount, nats: validLoss)
      notebook.result("mlp_valid_nats", validLoss)
    }
    return score
  }
}
