// Exercise13_1.swift — chapter 13: BERT's masking rule, with the random draws given.

import Foundation

/// Exercise 13.1 — the input and targets of masked-word prediction.
///
/// For each position i of `tokens`: the word is *chosen* when `choose[i] < rate`. A chosen word
/// becomes `maskToken` when `kind[i] < 0.8`, becomes `randomWords[i]` when 0.8 ≤ `kind[i]` < 0.9,
/// and stays as it is otherwise; its target is the original word. A word not chosen stays and has
/// the target nil. (`choose`, `kind` and `randomWords` have one entry per position; in training
/// they are drawn at random, here they are given so that the answer is fixed.) BERT's `rate` is 0.15.
public func maskedInput(
  tokens: [Int], choose: [Double], kind: [Double], randomWords: [Int], maskToken: Int, rate: Double
) throws -> (input: [Int], targets: [Int?]) {
  // BEGIN SOLUTION
  var input = tokens
  var targets = [Int?](repeating: nil, count: tokens.count)
  for i in tokens.indices where choose[i] < rate {
    targets[i] = tokens[i]
    if kind[i] < 0.8 {
      input[i] = maskToken
    } else if kind[i] < 0.9 {
      input[i] = randomWords[i]
    }
  }
  return (input, targets)
  // END SOLUTION
}
