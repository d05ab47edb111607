// 08-text-classifier — sentiment of short reviews, from the tokens up: a tokenizer and
// vocabulary, then four classifiers on Autograd (mean pooling as in article 002, a 1-D CNN, an
// LSTM, attention pooling), trained from one seed and compared; what BERT would add.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

/// One labelled sentence of `Sentences.swift`.
struct Example {
  let label: Int  // 1 positive, 0 negative
  let isTest: Bool
  let pattern: String  // plain, negation, contrast
  let text: String
}

/// A trained model with what the chapter reports about it.
struct Trained {
  let model: any SentenceModel
  let losses: [Double]  // mean training loss per epoch
  let seconds: Double
  let trainAccuracy: Double
  let testProbabilities: [Double]
  let testPredictions: [Int]
}

@main
struct TextClassifier: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "08-text-classifier",
    abstract: "A text classifier from the tokens up: mean pooling, a 1-D CNN, an LSTM and attention pooling.")
  static let defaultSeed: UInt64 = 8
  @OptionGroup var options: ChapterOptions

  static let epochs = 25
  static let batchSize = 16

  static let examples: [Example] = sentencesTSV.split(separator: "\n").map { line in
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return Example(label: Int(fields[0])!, isTest: fields[1] == "test", pattern: fields[2], text: fields[3])
  }

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    let train = Self.examples.filter { !$0.isTest }
    let test = Self.examples.filter(\.isTest)
    let vocabulary = Vocabulary(train.map(\.text))
    dataCell(notebook, train: train, test: test)
    tokenCell(notebook, vocabulary, test: test)
    let trained = try trainingCell(notebook, vocabulary, train: train, test: test)
    let confusions = try confusionCell(notebook, trained, test: test)
    try attentionCell(notebook, trained, vocabulary, test: test)
    let probes = probeCell(notebook, trained, vocabulary)
    let bert = bertCell(notebook, ours: trained.map(\.model.parameterCount).reduce(0, +))
    sourceChecks(
      notebook,
      ChapterFacts(
        vocabulary: vocabulary, trained: trained, confusions: confusions, test: test, probes: probes, bert: bert))
  }

  // MARK: - The data

  func dataCell(_ notebook: Notebook, train: [Example], test: [Example]) {
    notebook.cell("data", "The sentences") { cell in
      cell.line(
        "\(Self.examples.count) short reviews, written for this chapter; a fixed quarter is held out for testing")
      let patterns = ["plain", "negation", "contrast"]
      var rows: [[TableEntry]] = []
      for (name, part) in [("train", train), ("test", test)] {
        for label in [1, 0] {
          let counts = patterns.map { p in part.filter { $0.label == label && $0.pattern == p }.count }
          rows.append(
            [name, label == 1 ? "positive" : "negative"] + counts.map { $0 as TableEntry } + [counts.reduce(0, +)])
        }
      }
      cell.table(["split", "label"] + patterns + ["total"], rows)
      for p in patterns {
        let examples = train.filter { $0.pattern == p }.prefix(2)
        cell.line("\(p): " + examples.map { "\"\($0.text)\" (\($0.label))" }.joined(separator: ", "))
      }
      notebook.result("sentences", ["train": train.count, "test": test.count] as KeyValuePairs)
    }
  }

  func tokenCell(_ notebook: Notebook, _ vocabulary: Vocabulary, test: [Example]) {
    notebook.cell("tokens", "Tokens and the vocabulary") { cell in
      let sentence = "This is a great product."
      cell.line("tokens(\"\(sentence)\") = [\(tokens(sentence).map { "\"\($0)\"" }.joined(separator: ", "))]")
      cell.line(
        "vocabulary from the training sentences: \(vocabulary.count) entries (id 0 <pad>, id 1 <OOV> for unseen words, then by frequency)"
      )
      let top = vocabulary.words[2..<12].map { "\($0) \(vocabulary.counts[$0]!)" }
      cell.line("most frequent: " + top.joined(separator: ", "))
      cell.line("encode(\"\(sentence)\") = \(vocabulary.encode(sentence))")
      let unseen = test.flatMap { tokens($0.text) }.filter { vocabulary.counts[$0] == nil }
      cell.line(
        "test tokens never seen in training: \(unseen.count)"
          + (unseen.isEmpty ? " (the grammar's words all occur in both splits)" : ""))
      let novel = "The soundtrack was great."
      cell.line(
        "encode(\"\(novel)\") = \(vocabulary.encode(novel)) — 'soundtrack' is not in the vocabulary, so it becomes 1")
      notebook.result("vocabulary_size", vocabulary.count)
    }
  }

  // MARK: - Training

  /// Groups of indices into `encoded` whose sentences have the same length, in batches of at
  /// most `batchSize`; so no sentence is ever padded. `order` gives the order of the sentences of
  /// one length, then of the batches: a random permutation when training, as they are otherwise.
  func batches(_ encoded: [[Int]], order: ([Int]) -> [Int] = { $0 }) -> [[Int]] {
    var byLength: [Int: [Int]] = [:]
    for (i, ids) in encoded.enumerated() { byLength[ids.count, default: []].append(i) }
    var groups: [[Int]] = []
    for length in byLength.keys.sorted() {
      let members = order(byLength[length]!)
      for start in stride(from: 0, to: members.count, by: Self.batchSize) {
        groups.append(Array(members[start..<min(start + Self.batchSize, members.count)]))
      }
    }
    return order(Array(groups.indices)).map { groups[$0] }
  }

  /// P(positive) for each sentence, in order.
  func probabilities(_ model: any SentenceModel, _ encoded: [[Int]]) -> [Double] {
    var result = [Double](repeating: 0, count: encoded.count)
    withoutGradient {
      for group in batches(encoded) {
        let p = model(group.map { encoded[$0] }).sigmoid().scalars
        for (i, index) in group.enumerated() { result[index] = p[i] }
      }
    }
    return result
  }

  func train(
    _ model: any SentenceModel, _ notebook: Notebook, train: [[Int]], labels: [Double]
  ) -> (losses: [Double], seconds: Double, diverged: String?) {
    let optimizer = Adam(parameters: model.parameters, learningRate: 0.01)
    var shuffler = notebook.generator("training/batches")  // the same batches for every model
    let clock = ContinuousClock()
    let start = clock.now
    let run = notebook.train(model.name, epochs: Self.epochs) { _ in
      var total = 0.0
      for group in batches(train, order: { items in shuffler.permutation(items.count).map { items[$0] } }) {
        let loss = optimizer.step {
          sigmoidCrossEntropy(logits: model(group.map { train[$0] }), labels: Tensor(group.map { labels[$0] }))
        }
        total += loss * Double(group.count)
      }
      return total / Double(train.count)
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return (run.losses, seconds, run.diverged ? run.summary : nil)
  }

  func trainingCell(_ notebook: Notebook, _ vocabulary: Vocabulary, train: [Example], test: [Example]) throws
    -> [Trained]
  {
    let encodedTrain = train.map { vocabulary.encode($0.text) }
    let encodedTest = test.map { vocabulary.encode($0.text) }
    let labels = train.map { Double($0.label) }
    var trained: [Trained] = []
    try notebook.cell("training", "Four classifiers, trained the same way") { cell in
      cell.line(
        "each: embeddings of width 16, Adam (η = 0.01), sigmoid cross-entropy, \(Self.epochs) epochs of batches of ≤ \(Self.batchSize) same-length sentences, seed \(notebook.seed)"
      )
      var rng = cell.generator("weights")
      let models: [any SentenceModel] = [
        MeanPooling(vocabulary: vocabulary.count, using: &rng),
        Convolutional(vocabulary: vocabulary.count, using: &rng),
        Recurrent(vocabulary: vocabulary.count, using: &rng),
        AttentionPooling(vocabulary: vocabulary.count, using: &rng),
      ]
      var rows: [[TableEntry]] = []
      var series: [LineChart.Series] = []
      for model in models {
        let (losses, seconds, diverged) = self.train(model, notebook, train: encodedTrain, labels: labels)
        if let diverged {
          cell.line("\(model.name): \(diverged)")
          continue
        }
        let trainPredictions = probabilities(model, encodedTrain).map { $0 > 0.5 ? 1 : 0 }
        let trainAccuracy = Double(zip(trainPredictions, train).filter { $0 == $1.label }.count) / Double(train.count)
        let p = probabilities(model, encodedTest)
        let predictions = p.map { $0 > 0.5 ? 1 : 0 }
        trained.append(
          Trained(
            model: model, losses: losses, seconds: seconds, trainAccuracy: trainAccuracy, testProbabilities: p,
            testPredictions: predictions))
        let byPattern = ["plain", "negation", "contrast"].map { pattern -> TableEntry in
          let part = test.indices.filter { test[$0].pattern == pattern }
          return "\(part.filter { predictions[$0] == test[$0].label }.count)/\(part.count)"
        }
        let correct = zip(predictions, test).filter { $0 == $1.label }.count
        rows.append(
          [model.name, model.parameterCount, losses.last!, trainAccuracy, "\(correct)/\(test.count)"] + byPattern
            + [seconds])
        series.append(.init(model.name, x: losses.indices.map { Double($0 + 1) }, y: losses))
        notebook.result(
          "test_accuracy_" + model.name.filter { $0.isLetter || $0.isNumber }, Double(correct) / Double(test.count))
      }
      cell.table(
        [
          "model", "parameters", "final train loss", "train accuracy", "test", "plain", "negation", "contrast",
          "seconds",
        ],
        rows, digits: 3, measured: [8])
      try cell.figure(
        LineChart(
          name: "training-loss", title: "Training loss of the four classifiers", xLabel: "epoch",
          yLabel: "mean cross-entropy", series: series, logY: true))
    }
    return trained
  }

  // MARK: - Errors and attention

  func confusionCell(_ notebook: Notebook, _ trained: [Trained], test: [Example]) throws -> [Confusion] {
    let actual = test.map(\.label)
    let confusions = trained.map { Confusion(actual: actual, predicted: $0.testPredictions) }
    try notebook.cell("confusion", "Confusion matrices and per-class scores on the test set") { cell in
      var rows: [[TableEntry]] = []
      for (t, confusion) in zip(trained, confusions) {
        for c in [0, 1] {
          rows.append([
            t.model.name, c == 1 ? "positive" : "negative", confusion.counts[c][0], confusion.counts[c][1],
            confusion.precision(c), confusion.recall(c), confusion.f1(c), confusion.support(c),
          ])
        }
      }
      cell.table(
        ["model", "actual", "→ negative", "→ positive", "precision", "recall", "F1", "support"], rows, digits: 3)
      for (t, confusion) in zip(trained, confusions) {
        let auc = rocAUCs(probabilities: t.testProbabilities, labels: actual)
        cell.line(
          "\(t.model.name): accuracy \(Format.number(confusion.accuracy, digits: 3)), ROC AUC for positive \(Format.number(auc[1], digits: 3)), for negative \(Format.number(auc[0], digits: 3))"
        )
        let wrong = test.indices.filter { t.testPredictions[$0] != test[$0].label }
        if !wrong.isEmpty {
          let kinds = ["plain", "negation", "contrast"].map { kind in
            let missed = wrong.filter { test[$0].pattern == kind }
            let positives = missed.filter { test[$0].label == 1 }.count
            return "\(kind) \(missed.count) (\(positives) positive)"
          }
          cell.line("  its errors by kind of sentence: " + kinds.joined(separator: ", "))
        }
      }
      // One row per model: the four cells of its confusion matrix side by side.
      try cell.figure(
        Heatmap(
          name: "confusion", title: "Confusion matrices, \(test.count) test sentences",
          values: confusions.map { c in
            [c.counts[0][0], c.counts[0][1], c.counts[1][0], c.counts[1][1]].map(Double.init)
          },
          rowLabels: trained.map(\.model.name),
          columnLabels: ["TN", "FP", "FN", "TP"],
          xLabel: "TN: negative as negative, FP: negative as positive, FN, TP alike",
          decimals: 0, size: (760, 520)))
    }
    return confusions
  }

  func attentionCell(_ notebook: Notebook, _ trained: [Trained], _ vocabulary: Vocabulary, test: [Example]) throws {
    guard let pooling = trained.first(where: { $0.model is AttentionPooling })?.model as? AttentionPooling else {
      return
    }
    try notebook.cell("attention-words", "Which words attention pooling weighs most") { cell in
      let chosen = ["plain", "negation", "contrast", "contrast"].enumerated().map { n, pattern in
        test.filter { $0.pattern == pattern }[n == 3 ? 1 : 0]
      }
      var rows: [[Double]] = []
      let width = chosen.map { tokens($0.text).count }.max()!
      for example in chosen {
        let ids = vocabulary.encode(example.text)
        let (logits, alpha) = withoutGradient { pooling.attend([ids]) }
        let (p, weights) = (logits.sigmoid().item, alpha.scalars)
        let words = tokens(example.text)
        cell.line(
          "\"\(example.text)\" (label \(example.label), P(positive) = \(Format.number(p, digits: 3))):")
        cell.line(
          "  " + zip(words, weights).map { "\($0) \(Format.number($1, digits: 2))" }.joined(separator: "  "))
        let top = weights.indices.max { weights[$0] < weights[$1] }!
        cell.line("  most weight on '\(words[top])'")
        rows.append(weights + [Double](repeating: 0, count: width - weights.count))
      }
      try cell.figure(
        Heatmap(
          name: "attention-words", title: "Attention pooling's weight on each word",
          values: rows, rowLabels: chosen.map(\.text), columnLabels: (1...width).map { "\($0)" },
          xLabel: "word position", range: 0...1, decimals: 2))
    }
  }

  // MARK: - The articles' sentences

  func probeCell(_ notebook: Notebook, _ trained: [Trained], _ vocabulary: Vocabulary) -> [String: [Double]] {
    // Article 000's run example (L567–594) and article 002's misclassified samples (L486–501).
    let sentences = ["This is a great product.", "I don't like this movie.", "The food was terrible."]
    var result: [String: [Double]] = [:]
    notebook.cell("article-sentences", "The articles' example sentences") { cell in
      var rows: [[TableEntry]] = []
      for sentence in sentences {
        let p = trained.map { probabilities($0.model, [vocabulary.encode(sentence)])[0] }
        result[sentence] = p
        rows.append([sentence] + p.map { $0 as TableEntry })
      }
      cell.line("P(positive) from each model:")
      cell.table(["sentence"] + trained.map(\.model.name), rows, digits: 3)
    }
    return result
  }
}
