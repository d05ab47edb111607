// Metrics.swift — accuracy, precision, recall, F1 and ROC AUC, from predictions and labels,
// with article 002's definitions (L668–676).

/// Counts of a binary classifier's answers: `counts[actual][predicted]`.
struct Confusion {
  var counts = [[0, 0], [0, 0]]

  init(actual: [Int], predicted: [Int]) {
    for (a, p) in zip(actual, predicted) { counts[a][p] += 1 }
  }

  var total: Int { counts.joined().reduce(0, +) }
  /// Correctly predicted samples / all samples.
  var accuracy: Double { Double(counts[0][0] + counts[1][1]) / Double(total) }
  /// Of the samples predicted `c`, the share that are `c`.
  func precision(_ c: Int) -> Double { Double(counts[c][c]) / Double(counts[0][c] + counts[1][c]) }
  /// Of the samples that are `c`, the share predicted `c`.
  func recall(_ c: Int) -> Double { Double(counts[c][c]) / Double(counts[c][0] + counts[c][1]) }
  /// The harmonic mean of precision and recall.
  func f1(_ c: Int) -> Double {
    let (p, r) = (precision(c), recall(c))
    return 2 * p * r / (p + r)
  }
  func support(_ c: Int) -> Int { counts[c][0] + counts[c][1] }
}

/// The ROC AUC of both classes, [class 0, class 1], from each sample's P(class 1): class 0 is
/// scored by −P, which orders the samples exactly as 1 − P would. (1 − P itself rounds: two
/// different P close to 1 can give the same 1 − P, a tie that P did not have, and which P become
/// tied then depends on the last bits of P.) So for a binary classifier the two are one number.
func rocAUCs(probabilities: [Double], labels: [Int]) -> [Double] {
  (0...1).map { c in
    areaUnderROC(scores: probabilities.map { c == 1 ? $0 : -$0 }, labels: labels, positive: c)
  }
}

/// The area under the ROC curve for class `positive`, given each sample's score for that
/// class: the probability that a random sample of the class scores above a random sample of
/// the other (ties count one half).
func areaUnderROC(scores: [Double], labels: [Int], positive: Int) -> Double {
  let mine = zip(scores, labels).filter { $0.1 == positive }.map(\.0)
  let others = zip(scores, labels).filter { $0.1 != positive }.map(\.0)
  var wins = 0.0
  for s in mine { for o in others { wins += s > o ? 1 : (s == o ? 0.5 : 0) } }
  return wins / Double(mine.count * others.count)
}
