// Transfer.swift — fine-tuning the pre-trained encoder on 1 %, 10 % and 100 % of the labels,
// against the same model trained from scratch on the same labels, and a linear probe (the
// pre-trained encoder frozen, only the head trained); three seeds each.

import Autograd
import Foundation
import Notebook
import Plot

/// The three ways to use the labels.
enum Start: String, CaseIterable {
  case scratch = "from scratch"
  case fineTuned = "masked words, fine-tuned"
  case nextWord = "next word, fine-tuned"
  case probe = "masked words, frozen (linear probe)"
}

struct Transfer {
  let counts: [Int]
  /// accuracy[start][count index][seed]
  let accuracy: [Start: [[Double]]]
  /// The classifier fine-tuned on every label with the first seed: the model compressed next.
  let model: SentimentClassifier

  func mean(_ start: Start, _ index: Int) -> Double {
    accuracy[start]![index].reduce(0, +) / Double(accuracy[start]![index].count)
  }
}

/// The test accuracy and mean cross-entropy (nats) of `model`: positive when the logit is > 0.
func evaluate(_ model: SentimentClassifier, _ test: [(ids: [Int], label: Int)]) -> (accuracy: Double, loss: Double) {
  var (right, loss) = (0, 0.0)
  for start in stride(from: 0, to: test.count, by: 100) {
    let chunk = Array(test[start..<min(start + 100, test.count)])
    let logits = withoutGradient { model(padded(chunk.map(\.ids))) }
    let labels = Tensor(chunk.map { Double($0.label) })
    loss += withoutGradient { sigmoidCrossEntropy(logits: logits, labels: labels) }.item * Double(chunk.count)
    for (z, example) in zip(logits.scalars, chunk) where (z > 0 ? 1 : 0) == example.label { right += 1 }
  }
  return (Double(right) / Double(test.count), loss / Double(test.count))
}

extension LargeModels {
  static let fineTuningSteps = 200
  static let seeds = 3

  /// One classifier trained on `labeled`: every weight (from scratch or from the file) or the head alone.
  func trainClassifier(
    _ start: Start, _ labeled: [(ids: [Int], label: Int)], corpus: Corpus, weightsFile: URL, nextWordFile: URL,
    weights: inout SeededGenerator, batches: inout SeededGenerator
  ) throws -> SentimentClassifier {
    let model = SentimentClassifier(vocabulary: corpus.vocabulary.count, causal: start == .nextWord, using: &weights)
    switch start {
    case .scratch: break
    case .fineTuned, .probe: try model.body.load(from: weightsFile)
    case .nextWord: try model.body.load(from: nextWordFile)
    }
    let batch = min(16, labeled.count)
    if start == .probe {
      // The encoder is frozen: its pooled vectors are computed once, and only the head learns.
      let features = withoutGradient { model.body.pooled(padded(labeled.map(\.ids))) }  // [N, D]
      let labels = Tensor(labeled.map { Double($0.label) })
      let optimizer = Adam(parameters: model.head.parameters, learningRate: 0.01)
      for _ in 0..<Self.fineTuningSteps {
        optimizer.step { sigmoidCrossEntropy(logits: model.head(features).reshaped([-1]), labels: labels) }
      }
      return model
    }
    let optimizer = Adam(parameters: model.parameters, learningRate: 0.003)
    for _ in 0..<Self.fineTuningSteps {
      let picked = (0..<batch).map { _ in labeled[batches.nextInt(in: 0..<labeled.count)] }
      let labels = Tensor(picked.map { Double($0.label) })
      optimizer.step(clippingGradientNorm: 1) {
        sigmoidCrossEntropy(logits: model(padded(picked.map(\.ids))), labels: labels)
      }
    }
    return model
  }

  func transferCell(_ notebook: Notebook, _ corpus: Corpus, _ weightsFile: URL, nextWordFile: URL) throws -> Transfer {
    var result: Transfer!
    try notebook.cell("transfer", "Fine-tuning against training from scratch, with few labels") { cell in
      let counts = [1, 10, 100].map { corpus.labeled.count * $0 / 100 }
      var accuracy: [Start: [[Double]]] = [:]
      var kept: SentimentClassifier?
      var rows: [[TableEntry]] = []
      for start in Start.allCases {
        var perCount: [[Double]] = []
        for count in counts {
          var scores: [Double] = []
          for seed in 0..<Self.seeds {
            // The labels drawn with the seed: the same sentences for the three starts.
            var draw = cell.generator("labels/\(count)/\(seed)")
            var order = Array(corpus.labeled.indices)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, draw.nextInt(in: 0..<(i + 1))) }
            let labeled = order.prefix(count).map { corpus.labeled[$0] }
            // The same head (and, from scratch, the same encoder) for every start of a seed.
            var weights = cell.generator("weights/\(seed)")
            var batches = cell.generator("batches/\(count)/\(seed)")
            let model = try trainClassifier(
              start, labeled, corpus: corpus, weightsFile: weightsFile, nextWordFile: nextWordFile, weights: &weights,
              batches: &batches)
            scores.append(evaluate(model, corpus.test).accuracy)
            if start == .fineTuned && count == corpus.labeled.count && seed == 0 { kept = model }
          }
          perCount.append(scores)
          rows.append([start.rawValue, count, scores.reduce(0, +) / Double(scores.count), scores.min()!, scores.max()!])
        }
        accuracy[start] = perCount
      }
      cell.line(
        "Adam, \(Self.fineTuningSteps) steps of batches of up to 16 labeled sentences (η = 0.003 for every weight, 0.01 for the head alone);"
      )
      cell.line(
        "test accuracy on \(corpus.test.count) sentences, over \(Self.seeds) seeds (each seed draws the labels and the head):"
      )
      cell.table(["start", "labels", "mean", "lowest", "highest"], rows, digits: 3)
      try cell.figure(
        LineChart(
          name: "accuracy-vs-labels", title: "Test accuracy against the number of labels (mean of 3 seeds)",
          xLabel: "labeled sentences", yLabel: "test accuracy",
          series: Start.allCases.map { start in
            .init(
              start.rawValue, x: counts.map(Double.init),
              y: accuracy[start]!.map { $0.reduce(0, +) / Double($0.count) }, points: true)
          }, logX: true))
      notebook.result(
        "transfer_accuracy", Start.allCases.map { accuracy[$0]!.map { $0.reduce(0, +) / Double($0.count) } })
      result = Transfer(counts: counts, accuracy: accuracy, model: kept!)
    }
    return result
  }
}
