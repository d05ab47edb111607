// Counting.swift — the counting models (uniform, unigram, bigram with add-α smoothing), and the
// bigram again as a one-layer network trained by gradient descent.

import Autograd
import Foundation
import Notebook
import Plot

/// ∞ in a column of numbers, aligned with them.
struct Unbounded: TableEntry {
  func text(digits: Int) -> String { "∞" }
  var isNumber: Bool { true }
}

extension LanguageModel {
  /// Bigram counts N[a][b] of the training words.
  func bigramCounts(_ words: [String]) -> [[Double]] {
    var counts = [[Double]](repeating: [Double](repeating: 0, count: Vocabulary.size), count: Vocabulary.size)
    for (a, b) in Words.pairs(words) { counts[a][b] += 1 }
    return counts
  }

  /// Mean negative log-likelihood (nats) of the pairs under a table of probabilities P[a][b].
  func nll(_ probabilities: [[Double]], _ pairs: [(Int, Int)]) -> Double {
    -pairs.reduce(0) { $0 + log(probabilities[$1.0][$1.1]) } / Double(pairs.count)
  }

  /// Rows of counts + α, each normalized to sum to 1.
  func smoothed(_ counts: [[Double]], _ alpha: Double) -> [[Double]] {
    counts.map { row in
      let total = row.reduce(0, +) + alpha * Double(row.count)
      return row.map { ($0 + alpha) / total }
    }
  }

  /// The unigram's P(next), counts of the next character + 1 (no context).
  func unigram(_ words: [String]) -> [Double] {
    var counts = [Double](repeating: 0, count: Vocabulary.size)
    for (_, b) in Words.pairs(words) { counts[b] += 1 }
    return smoothed([counts], 1)[0]
  }

  /// A loss for the tables: ∞ (a prediction of probability 0) is written as such.
  func nats(_ x: Double) -> TableEntry { x.isFinite ? x : Unbounded() }

  func countingCells(_ notebook: Notebook, _ words: Words) throws -> [Score] {
    var scores: [Score] = []
    try notebook.cell("counting", "Counting: uniform, unigram and bigram models") { cell in
      let (trainPairs, validPairs, testPairs) = (
        Words.pairs(words.train), Words.pairs(words.valid), Words.pairs(words.test)
      )
      let V = Vocabulary.size
      let uniform = [[Double]](repeating: [Double](repeating: 1 / Double(V), count: V), count: V)
      let counts = bigramCounts(words.train)
      cell.line("A model gives P(next | what came before); its loss on a text is the mean of −ln P over the")
      cell.line(
        "characters it predicts, in nats (÷ ln 2 for bits). Counting on the \(trainPairs.count) training predictions:")
      var rows: [[TableEntry]] = []
      func add(_ name: String, _ table: [[Double]], parameters: Int, summary: String? = nil) {
        let (train, valid, test) = (nll(table, trainPairs), nll(table, validPairs), nll(table, testPairs))
        rows.append([name, nats(train), nats(valid), nats(test)])
        if let summary { scores.append(Score(name: summary, parameters: parameters, nats: valid, test: test)) }
      }
      add("uniform: 1/27", uniform, parameters: 0, summary: "uniform: 1/27")
      add(
        "unigram: counts of the next character (+1)", [[Double]](repeating: unigram(words.train), count: V),
        parameters: V, summary: "unigram: counts of the next character (+1)")
      for alpha in [0.0, 0.01, 1.0] {
        let summary = alpha == 0.01 ? nil : "bigram (counts, α = \(Format.number(alpha)))"
        add(
          "bigram: counts N[a][b] + α, α = \(Format.number(alpha))", smoothed(counts, alpha), parameters: V * V,
          summary: summary)
      }
      cell.table(["model", "train nats", "valid nats", "test nats"], rows, digits: 4)
      let zero = counts.flatMap { $0 }.filter { $0 == 0 }.count
      let unseenValid = validPairs.filter { counts[$0.0][$0.1] == 0 }
      let unseenTest = testPairs.filter { counts[$0.0][$0.1] == 0 }
      func name(_ pair: (Int, Int)) -> String { "\(Vocabulary.symbols[pair.0])→\(Vocabulary.symbols[pair.1])" }
      cell.line(
        "\(zero) of the \(V * V) pairs never occur in training. Predictions of such a pair: \(unseenValid.count) of the \(validPairs.count) in validation,"
      )
      cell.line(
        "\(unseenTest.count) of the \(testPairs.count) in test (\(unseenTest.map(name).joined(separator: ", "))). Without smoothing (α = 0) each gets probability 0,"
      )
      let zeroTable = smoothed(counts, 0)
      let finite = [validPairs, testPairs].map { nll(zeroTable, $0).isFinite ? "finite" : "infinite" }
      cell.line("so the α = 0 table's loss is \(finite[0]) on validation and \(finite[1]) on test. With smoothing:")
      var costRows: [[TableEntry]] = []
      for alpha in [0.01, 1.0] {
        let table = smoothed(counts, alpha)
        let costs = unseenTest.map { -log(table[$0.0][$0.1]) }
        costRows.append(
          [
            "α = \(Format.number(alpha))", Format.vector(costs, digits: 3),
            costs.reduce(0, +) / Double(testPairs.count),
          ])
      }
      cell.table(["", "−ln P of those test predictions", "their share of the mean test loss"], costRows, digits: 3)
      let validSpread = nll(smoothed(counts, 1), validPairs) - nll(smoothed(counts, 0), validPairs)
      cell.line(
        "On validation, α = 1 instead of α = 0 changes the bigram's loss by \(Format.number(validSpread, digits: 2)) nats. ln 27 = \(Format.number(log(27.0), digits: 4)) nats = \(Format.number(log2(27.0), digits: 4)) bits."
      )
      notebook.result("unseen_pair_predictions", [unseenValid.count, unseenTest.count])
      let probabilities = smoothed(counts, 1)
      let labels = Vocabulary.symbols.map { String($0) }
      try cell.figure(
        Heatmap(
          name: "bigram", title: "P(next | previous), bigram counts + 1", values: probabilities, rowLabels: labels,
          columnLabels: labels, xLabel: "next character", yLabel: "previous character", range: 0...0.6, decimals: nil,
          size: (900, 860)))
      notebook.result("counting_valid_nats", scores.map(\.nats))
      notebook.result("counting_test_nats", scores.filter { $0.test.isFinite }.map(\.test))
    }
    return scores
  }

  func trainedBigramCell(_ notebook: Notebook, _ words: Words) -> Score {
    var score = Score(name: "", parameters: 0, nats: 0, test: 0)
    notebook.cell("trained-bigram", "The bigram as a network: one layer over one-hot characters") { cell in
      let V = Vocabulary.size
      let counts = bigramCounts(words.train)
      let total = counts.flatMap { $0 }.reduce(0, +)
      // logits = onehot(a) · W = W[a]; the mean cross-entropy over all training pairs only needs
      // how often each pair occurs: L = −Σ_ab (N_ab/N) · log softmax(W[a])[b].
      let frequencies = Tensor(counts.map { $0.map { $0 / total } })
      let W = Tensor.zeros([V, V], requiresGrad: true)
      let optimizer = Adam(parameters: [W], learningRate: 0.1)
      let steps = 600
      let run = notebook.train("bigram network", epochs: steps, unit: "step") { _ in
        optimizer.step { -(frequencies * W.logSoftmax(axis: 1)).sum() }
      }
      let trained = W.softmax(axis: 1).rows
      let maximumLikelihood = smoothed(counts, 0)
      let addOne = smoothed(counts, 1)
      let pairs = [Words.pairs(words.train), Words.pairs(words.valid), Words.pairs(words.test)]
      let seen = (0..<V).flatMap { a in (0..<V).filter { counts[a][$0] > 0 }.map { (a, $0) } }
      let largest = seen.map { abs(trained[$0.0][$0.1] - maximumLikelihood[$0.0][$0.1]) }.max()!
      cell.line("W [27, 27] from 0, Adam η = 0.1, \(steps) full-batch steps on the \(pairs[0].count) training pairs:")
      cell.line("  \(run.summary)")
      cell.line(
        "  largest |P_network − N[a][b]/N[a]| over the pairs seen in training: \(Format.number(largest, digits: 2))")
      let unseen = (0..<V).flatMap { a in (0..<V).filter { counts[a][$0] == 0 }.map { trained[a][$0] } }
      cell.line(
        "  smallest probability it gives a pair never seen in training: \(Format.number(unseen.min()!, digits: 3))")
      cell.table(
        ["NLL (nats)", "train", "valid", "test"],
        [
          ["network"] + pairs.map { nats(nll(trained, $0)) },
          ["counts, α = 0 (the maximum-likelihood solution)"] + pairs.map { nats(nll(maximumLikelihood, $0)) },
          ["counts, α = 1"] + pairs.map { nats(nll(addOne, $0)) },
        ], digits: 5)
      cell.line("Minimizing the cross-entropy is maximizing the likelihood, and for the bigram the maximum is")
      cell.line("the α = 0 table of relative counts: gradient descent approaches what counting computes in one")
      cell.line("pass. Its pairs never seen are pushed towards probability 0 but, after finitely many steps, stay")
      cell.line(
        nll(maximumLikelihood, pairs[2]).isFinite
          ? "above it." : "above it, so the network's test loss is finite where the α = 0 table's is not.")
      score = Score(
        name: "bigram (trained)", parameters: V * V, nats: nll(trained, pairs[1]), test: nll(trained, pairs[2]))
      notebook.result(
        "trained_bigram", [nll(trained, pairs[0]), nll(maximumLikelihood, pairs[0]), score.nats, score.test])
    }
    return score
  }
}
