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

/// One MLP trained for a budget of predictions: AdamW, warm-up then cosine, mini-batches of 64.
struct MLPRun {
  let model: ContextMLP
  let steps: Int
  let batch: Int
  /// The predictions the GPT sees, which this run was matched to (0 when not matched).
  var budget = 0
  /// Predictions seen in training: steps × batch.
  var predictions: Int { steps * batch }
  let initialLoss: Double
  let run: TrainingRun
  /// (step, train NLL on the first 20 000 examples, valid NLL) at the checkpoints asked for.
  let curve: [(step: Int, train: Double, valid: Double)]
  let valid: Double
  let test: Double

  /// Trains a k-character MLP for `steps` steps; `checkpoints` are the steps at which to measure
  /// the learning curve (0: before training).
  init(
    context k: Int, steps: Int, words: Words, notebook: Notebook, label: String, weights: SeededGenerator,
    batches: SeededGenerator, checkpoints: Set<Int> = []
  ) {
    var (weights, batches) = (weights, batches)
    let batch = 64
    let model = ContextMLP(context: k, dimension: 10, hiddenWidth: 96, using: &weights)
    let train = model.examples(words.train)
    let validExamples = model.examples(words.valid)
    let sample = (contexts: Array(train.contexts.prefix(20000)), targets: Array(train.targets.prefix(20000)))
    // Before any step the loss should be near ln 27, the uniform guess's, if the logits start near 0.
    initialLoss = model.loss(sample)
    var curve: [(step: Int, train: Double, valid: Double)] = []
    if checkpoints.contains(0) { curve.append((0, initialLoss, model.loss(validExamples))) }
    let schedule = LearningRateSchedule.warmupCosine(peak: 0.01, warmup: 100, total: steps, floor: 0.001)
    let optimizer = AdamW(parameters: model.parameters, learningRate: 0.01, weightDecay: 0.01)
    run = notebook.train(label, epochs: steps, unit: "step") { step in
      optimizer.learningRate = schedule.rate(at: step - 1)
      let picked = (0..<batch).map { _ in batches.nextInt(in: 0..<train.targets.count) }
      let loss = optimizer.step {
        softmaxCrossEntropy(logits: model(picked.map { train.contexts[$0] }), labels: picked.map { train.targets[$0] })
      }
      if checkpoints.contains(step) { curve.append((step, model.loss(sample), model.loss(validExamples))) }
      return loss
    }
    self.model = model
    self.steps = steps
    self.batch = batch
    self.curve = curve
    valid = model.loss(validExamples)
    test = model.loss(model.examples(words.test))
  }
}

/// The share of the predictions in `words` whose whole prefix (the boundary and every letter so
/// far) fits in a window of `k` tokens: the ones a k-character MLP sees as fully as a GPT does.
func wholePrefixShare(_ words: [String], context k: Int) -> Double {
  let predictions = words.reduce(0) { $0 + $1.count + 1 }
  // The prediction after t letters sees the boundary when t < k: min(n + 1, k) of a word's n + 1.
  let inView = words.reduce(0) { $0 + min($1.count + 1, k) }
  return Double(inView) / Double(predictions)
}

extension LanguageModel {
  func mlpCell(_ notebook: Notebook, _ words: Words) throws -> (MLPRun, Score) {
    var result: (MLPRun, Score)!
    try notebook.cell("mlp", "A context-window MLP (Bengio et al. 2003)") { cell in
      // The budget: as many predictions as the GPT below will see (the GPT cell checks it).
      let budget = gptBatches(words.train, using: notebook.generator(replaying: "batches", ofCell: "gpt")).predictions
      let steps = Int((Double(budget) / 64).rounded())
      let k = 3
      let checkpoints = Set([0] + Array(stride(from: 2000, to: steps, by: 2000)) + [steps])
      var mlp = MLPRun(
        context: k, steps: steps, words: words, notebook: notebook, label: "MLP", weights: cell.generator("weights"),
        batches: cell.generator("batches"), checkpoints: checkpoints)
      mlp.budget = budget
      let trainCount = mlp.model.examples(words.train).targets.count
      cell.line(
        "context k = \(k) characters, each embedded in 10 dimensions, concatenated (\(k * 10)), a tanh layer of"
      )
      cell.line(
        "96, a softmax over \(Vocabulary.size): \(mlp.model.parameterCount) parameters. AdamW (λ = 0.01), warm-up 100 steps then"
      )
      cell.line(
        "cosine from η = 0.01 to 0.001, mini-batches of \(mlp.batch) of the \(trainCount) training examples, \(steps) steps:"
      )
      cell.line(
        "\(mlp.predictions) predictions seen (\(Format.number(Double(mlp.predictions) / Double(trainCount), digits: 3)) epochs), the GPT's budget below (\(budget))."
      )
      cell.line(
        "before training: \(Format.number(mlp.initialLoss, digits: 4)) nats on the first 20 000 examples; ln 27 = \(Format.number(log(27.0), digits: 4))"
      )
      cell.line("  \(mlp.run.summary)")
      cell.table(
        ["step", "train NLL (first 20 000 examples)", "valid NLL"], mlp.curve.map { [$0.step, $0.train, $0.valid] },
        digits: 4)
      cell.line(
        "validation: \(Format.number(mlp.valid, digits: 4)) nats = \(Format.number(mlp.valid / log(2), digits: 4)) bits per character; test: \(Format.number(mlp.test, digits: 4)) nats"
      )
      notebook.result("mlp_nats", [mlp.initialLoss, mlp.valid, mlp.test])
      result = (
        mlp, Score(name: "MLP, context 3", parameters: mlp.model.parameterCount, nats: mlp.valid, test: mlp.test)
      )
    }
    return result
  }
}
