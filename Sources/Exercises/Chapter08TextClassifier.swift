// Chapter08TextClassifier.swift — exercises for chapter 08 (a text classifier).

import Foundation

/// Exercise 8.1 — a vocabulary, the way chapter 08 builds it.
///
/// Split each sentence into lower-case words at white space, dropping every character that is not
/// a letter, a digit or an apostrophe (words left empty are dropped). Return the id of every word:
/// ids 0 and 1 are reserved (padding and unknown words), so the most frequent word gets 2, the next
/// 3, and so on; words equally frequent are ordered alphabetically.
public func vocabulary(_ sentences: [String]) throws -> [String: Int] {
  // BEGIN SOLUTION
  var counts: [String: Int] = [:]
  for sentence in sentences {
    for word in sentence.lowercased().split(whereSeparator: { $0.isWhitespace }) {
      let kept = String(word.filter { $0.isLetter || $0.isNumber || $0 == "'" })
      if !kept.isEmpty { counts[kept, default: 0] += 1 }
    }
  }
  let ordered = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
  return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0 + 2) })
  // END SOLUTION
}

/// Exercise 8.2 — precision, recall and F1 of one class.
///
/// `actual` and `predicted` are class labels. For the class `positive`: precision is the share of
/// the samples predicted `positive` that are; recall the share of the samples that are `positive`
/// that were predicted so; F1 their harmonic mean. (Article 002's report, L461–476, is
/// inconsistent; chapter 08 shows how.)
public func precisionRecallF1(actual: [Int], predicted: [Int], positive: Int) throws -> [Double] {
  // BEGIN SOLUTION
  let pairs = zip(actual, predicted)
  let truePositives = Double(pairs.filter { $0 == positive && $1 == positive }.count)
  let predictedPositive = Double(predicted.filter { $0 == positive }.count)
  let actualPositive = Double(actual.filter { $0 == positive }.count)
  let precision = truePositives / predictedPositive
  let recall = truePositives / actualPositive
  return [precision, recall, 2 * precision * recall / (precision + recall)]
  // END SOLUTION
}
