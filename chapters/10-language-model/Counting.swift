// Counting.swift — the counting models (uniform, unigram, bigram with add-α smoothing), and the
// bigram again as a one-layer network trained by gradient descent.

import Autograd
import Foundation
import Notebook
import Plot

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

  func countingCells(_ notebook: Notebook, _ words: Words) throws -> [Score] {
    var scores: [Score] = []
    try notebook.cell("counting", "Counting: uniform, unigram and bigram models") { cell in
      let (trainPairs, validPairs) = (Words.pairs(words.train), Words.pairs(words.valid))
      let V = Vocabulary.size
      let uniform = [[Double]](repeating: [Double](repeating: 1 / Double(V), count: V), count: V)
      var unigramCounts = [Double](repeating: 0, count: V)
      for (_, b) in trainPairs { unigramCounts[b] += 1 }
      let unigram = smoothed([unigramCounts], 1)[0]
      let counts = bigramCounts(words.train)
      cell.line("A model gives P(next | what came before); its loss on a text is the mean of −ln P over the")
      cell.line(
        "characters it predicts, in nats (÷ ln 2 for bits). Counting on the \(trainPairs.count) training predictions:")
      var rows: [[TableEntry]] = []
      func add(_ name: String, _ table: [[Double]], parameters: Int) {
        let (train, valid) = (nll(table, trainPairs), nll(table, validPairs))
        rows.append([name, train, valid, valid / log(2)])
        scores.append(Score(name: name, parameters: parameters, nats: valid))
      }
      add("uniform: 1/27", uniform, parameters: 0)
      add("unigram: counts of the next character (+1)", [[Double]](repeating: unigram, count: V), parameters: V)
      for alpha in [0.01, 1.0] {
        let name = "bigram: counts N[a][b] + α, α = \(Format.number(alpha))"
        let table = smoothed(counts, alpha)
        let (train, valid) = (nll(table, trainPairs), nll(table, validPairs))
        rows.append([name, train, valid, valid / log(2)])
        if alpha == 1 { scores.append(Score(name: "bigram (counts, α = 1)", parameters: V * V, nats: valid)) }
      }
      cell.table(["model", "train nats", "valid nats", "valid bits"], rows, digits: 4)
      let zero = counts.flatMap { $0 }.filter { $0 == 0 }.count
      cell.line("\(zero) of the \(V * V) pairs never occur in training: without smoothing (α = 0) a validation word")
      cell.line(
        "containing one would have probability 0 and an infinite loss. ln 27 = \(Format.number(log(27.0), digits: 4)) nats = \(Format.number(log2(27.0), digits: 4)) bits."
      )
      scores.sort { $0.parameters < $1.parameters }
      let probabilities = smoothed(counts, 1)
      let labels = Vocabulary.symbols.map { String($0) }
      try cell.figure(
        Heatmap(
          name: "bigram", title: "P(next | previous), bigram counts + 1", values: probabilities, rowLabels: labels,
          columnLabels: labels, xLabel: "next character", yLabel: "previous character", range: 0...0.6, decimals: nil,
          size: (900, 860)))
      notebook.result("counting_valid_nats", scores.map(\.nats))
    }
    return scores
  }

  func trainedBigramCell(_ notebook: Notebook, _ words: Words) -> Score {
    var score = Score(name: "", parameters: 0, nats: 0)
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
      let (trainPairs, validPairs) = (Words.pairs(words.train), Words.pairs(words.valid))
      let seen = (0..<V).flatMap { a in (0..<V).filter { counts[a][$0] > 0 }.map { (a, $0) } }
      let largest = seen.map { abs(trained[$0.0][$0.1] - maximumLikelihood[$0.0][$0.1]) }.max()!
      cell.line("W [27, 27] from 0, Adam η = 0.1, \(steps) full-batch steps on the \(trainPairs.count) training pairs:")
      cell.line("  \(run.summary)")
      cell.line(
        "  training NLL: network \(Format.number(nll(trained, trainPairs), digits: 5)), counts N[a][b]/N[a] (the maximum-likelihood"
      )
      cell.line("  solution, α = 0) \(Format.number(nll(maximumLikelihood, trainPairs), digits: 5))")
      cell.line(
        "  largest |P_network − N[a][b]/N[a]| over the pairs seen in training: \(Format.number(largest, digits: 2))")
      let unseen = (0..<V).flatMap { a in (0..<V).filter { counts[a][$0] == 0 }.map { trained[a][$0] } }
      cell.line(
        "  smallest probability it gives a pair never seen in training: \(Format.number(unseen.min()!, digits: 3))")
      cell.line("  validation NLL of the network: \(Format.number(nll(trained, validPairs), digits: 5)) nats")
      cell.line("Minimizing the cross-entropy is maximizing the likelihood, and for the bigram the maximum is")
      cell.line("the table of relative counts: gradient descent arrives at what counting computes in one pass. Its")
      cell.line("pairs never seen are pushed towards probability 0 but, after finitely many steps, stay above it.")
      score = Score(name: "bigram (trained)", parameters: V * V, nats: nll(trained, validPairs))
      notebook.result("trained_bigram", [nll(trained, trainPairs), nll(maximumLikelihood, trainPairs), score.nats])
    }
    return score
  }
}
