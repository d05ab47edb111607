// Transformer.swift — a small GPT trained on the words: AdamW, warm-up and cosine, clipping.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// A batch of words as GPT inputs and targets: x = "." + word, y = word + "."; shorter words are
/// padded with "." whose targets are nil (not counted). The causal mask keeps the padding from
/// changing any earlier prediction.
func gptBatch(_ words: [String]) -> (ids: [[Int]], targets: [[Int?]]) {
  let length = words.map { $0.count + 1 }.max()!
  var ids: [[Int]] = []
  var targets: [[Int?]] = []
  for word in words {
    let letters = Vocabulary.ids(word)
    let x = [0] + letters
    let y: [Int?] = letters + [0]
    ids.append(x + [Int](repeating: 0, count: length - x.count))
    targets.append(y + [Int?](repeating: nil, count: length - y.count))
  }
  return (ids, targets)
}

/// The mean NLL (nats per predicted character) of `model` on `words`, in batches of similar length.
func gptLoss(_ model: GPT, _ words: [String]) -> Double {
  let sorted = words.sorted { ($0.count, $0) < ($1.count, $1) }
  var total = 0.0
  var count = 0
  var start = 0
  while start < sorted.count {
    let chunk = Array(sorted[start..<min(start + 64, sorted.count)])
    let (ids, targets) = gptBatch(chunk)
    let predictions = targets.flatMap { $0 }.compactMap { $0 }.count
    total += withoutGradient { model.loss(ids, targets: targets) }.item * Double(predictions)
    count += predictions
    start += 64
  }
  return total / Double(count)
}

/// The training batches of the GPT: `steps` batches of `size` words drawn with replacement, and
/// how many predictions they hold (a word of n letters makes n + 1). The MLP cell replays the
/// GPT's stream to train on the same number of predictions.
func gptBatches(
  _ train: [String], steps: Int = GPTShape.steps, size: Int = GPTShape.batch, using generator: SeededGenerator
) -> (batches: [[String]], predictions: Int) {
  var generator = generator
  let batches = (0..<steps).map { _ in (0..<size).map { _ in train[generator.nextInt(in: 0..<train.count)] } }
  return (batches, batches.joined().reduce(0) { $0 + $1.count + 1 })
}

/// The chapter's GPT, its size in one place (the benchmark `gpt_step` builds the same).
enum GPTShape {
  static let (context, width, heads, layers, batch) = (16, 32, 4, 2, 32)
  /// Training steps, each of `batch` words.
  static let steps = 2000
}

extension LanguageModel {
  func gptCell(_ notebook: Notebook, _ words: Words) throws -> (GPT, Score, Int) {
    var result: (GPT, Score, Int)!
    try notebook.cell("gpt", "A GPT: causal self-attention over the whole word so far") { cell in
      var weights = cell.generator("weights")
      let (batches, budget) = gptBatches(words.train, using: cell.generator("batches"))
      let shape = GPTShape.self
      let model = GPT(
        vocabulary: Vocabulary.size, context: shape.context, width: shape.width, heads: shape.heads,
        layers: shape.layers, using: &weights)
      let steps = shape.steps
      let schedule = LearningRateSchedule.warmupCosine(peak: 0.005, warmup: 100, total: steps, floor: 0.0005)
      let optimizer = AdamW(parameters: model.parameters, learningRate: 0.005, weightDecay: 0.01)
      let probe = Array(words.valid.prefix(1000))
      var curve: [(step: Double, train: Double, valid: Double)] = []
      var clipped = 0
      // Before training: near ln 27 only if the head's logits start near 0.
      let initialLoss = gptLoss(model, probe)
      curve.append((0, gptLoss(model, Array(words.train.prefix(1000))), initialLoss))
      let started = Date()
      let run = notebook.train("GPT", epochs: steps, unit: "step") { step in
        optimizer.learningRate = schedule.rate(at: step - 1)
        let (ids, targets) = gptBatch(batches[step - 1])
        let loss = optimizer.step(clippingGradientNorm: 1) { model.loss(ids, targets: targets) }
        if loss.gradientNorm > 1 { clipped += 1 }
        if step % 250 == 0 {
          curve.append((Double(step), gptLoss(model, Array(words.train.prefix(1000))), gptLoss(model, probe)))
        }
        return loss.loss
      }
      let trainingSeconds = Date().timeIntervalSince(started)
      let validLoss = gptLoss(model, words.valid)
      let testLoss = gptLoss(model, words.test)
      cell.line(
        "token and position embeddings (D = \(shape.width)), \(shape.layers) blocks of \(shape.heads)-head causal self-attention and a"
      )
      cell.line(
        "feed-forward layer of \(4 * shape.width) (pre-norm, residual: chapter 06's TransformerBlock), a layer norm, a head"
      )
      cell.line(
        "to \(Vocabulary.size) logits: \(model.parameterCount) parameters. AdamW (λ = 0.01), warm-up 100 steps then cosine from η = 0.005"
      )
      cell.line(
        "to 0.0005, gradients clipped at norm 1, \(steps) steps of \(shape.batch) training words: \(budget) predictions seen."
      )
      cell.line(
        "before training: \(Format.number(initialLoss, digits: 4)) nats on the 1000 validation words; ln 27 = \(Format.number(log(27.0), digits: 4))"
      )
      cell.line("  \(run.summary); the gradient norm exceeded 1 in \(clipped) of the \(steps) steps")
      cell.table(
        ["step", "train NLL (1000 words)", "valid NLL (1000 words)"], curve.map { [Int($0.step), $0.train, $0.valid] },
        digits: 4)
      // Wall time depends on the machine: the terminal shows it, the chapter's text a dash.
      cell.table(
        ["training", "seconds"], [["\(steps) steps, this machine", trainingSeconds]], digits: 3, measured: [1])
      cell.line(
        "validation, all \(words.valid.count) words: \(Format.number(validLoss, digits: 4)) nats = \(Format.number(validLoss / log(2), digits: 4)) bits per character; test: \(Format.number(testLoss, digits: 4)) nats"
      )
      let trained = curve.filter { $0.step > 0 }  // the figure starts after the first 250 steps
      try cell.figure(
        LineChart(
          name: "gpt-loss", title: "GPT: loss per character", xLabel: "step", yLabel: "nats per character",
          series: [
            .init("train (1000 words)", x: trained.map(\.step), y: trained.map(\.train), points: true),
            .init("valid (1000 words)", x: trained.map(\.step), y: trained.map(\.valid), points: true),
          ]))
      notebook.result("gpt_nats", [initialLoss, validLoss, testLoss])
      result = (
        model,
        Score(name: "GPT, \(shape.layers) blocks", parameters: model.parameterCount, nats: validLoss, test: testLoss),
        budget
      )
    }
    return result
  }
}
