// Exercise10_1.swift — chapter 10: a counting language model that looks two characters back.

import Foundation

/// Exercise 10.1 — bits per character of an add-α trigram model.
///
/// Read each word as chapter 10 does, framed by the boundary ".", but with two boundaries in
/// front: "..word." predicts w₁ from "..", w₂ from ".w₁", …, and "." from the last two letters —
/// n + 1 predictions for n letters. Count the trigrams (a, b, c) of `train`; the model is
/// P(c | a, b) = (N[a][b][c] + α) / (N[a][b] + 27α), over the 27 tokens "." and a–z. Return the
/// mean of −log₂ P over every prediction in `test` (bits per character).
public func trigramBitsPerCharacter(train: [String], test: [String], alpha: Double) throws -> Double {
  // BEGIN SOLUTION
  func tokens(_ word: String) -> [Int] { [0, 0] + word.unicodeScalars.map { Int($0.value) - 96 } + [0] }
  var counts = [Int: Double]()
  var contexts = [Int: Double]()
  for word in train {
    let t = tokens(word)
    for i in 2..<t.count {
      counts[(t[i - 2] * 27 + t[i - 1]) * 27 + t[i], default: 0] += 1
      contexts[t[i - 2] * 27 + t[i - 1], default: 0] += 1
    }
  }
  var bits = 0.0
  var predictions = 0
  for word in test {
    let t = tokens(word)
    for i in 2..<t.count {
      let context = t[i - 2] * 27 + t[i - 1]
      let p = (counts[context * 27 + t[i], default: 0] + alpha) / (contexts[context, default: 0] + 27 * alpha)
      bits -= log2(p)
      predictions += 1
    }
  }
  return bits / Double(predictions)
  // END SOLUTION
}
