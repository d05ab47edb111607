// Chapter08Tests.swift — exercises 8.1–8.2.

import Exercises
import Testing

@Suite("Chapter 08 exercises")
struct Chapter08Tests {
  @Test("Exercise 8.1: ids by frequency, ties alphabetical, from 2 [2 points]")
  func ids() throws {
    let ids = try vocabulary(["The food was great.", "the food was not great", "The service was slow!"])
    // "the" and "was" 3 times each (a–z: "the" first), "food" and "great" twice, the rest once.
    #expect(ids == ["the": 2, "was": 3, "food": 4, "great": 5, "not": 6, "service": 7, "slow": 8])
  }

  @Test("Exercise 8.2: a small confusion [2 points]")
  func scores() throws {
    let s = try precisionRecallF1(actual: [1, 1, 1, 0, 0], predicted: [1, 1, 0, 1, 0], positive: 1)
    #expect(close(s, [2.0 / 3, 2.0 / 3, 2.0 / 3]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 8.1: apostrophes kept, punctuation and case dropped [2 points]")
  func tokens() throws {
    let ids = try vocabulary(["I don't LIKE it.", "i like, i LIKE!", "-- ?"])
    #expect(ids == ["i": 2, "like": 3, "don't": 4, "it": 5])  // "i" and "like" 3 times each
  }

  @Test("Exercise 8.2: article 002's report, read back from its recalls [3 points]")
  func report() throws {
    // 88 of 100 class-0 samples and 94 of 100 class-1 samples right.
    let actual = [Int](repeating: 0, count: 100) + [Int](repeating: 1, count: 100)
    let predicted =
      [Int](repeating: 0, count: 88) + [Int](repeating: 1, count: 12) + [Int](repeating: 1, count: 94)
      + [Int](repeating: 0, count: 6)
    let zero = try precisionRecallF1(actual: actual, predicted: predicted, positive: 0)
    let one = try precisionRecallF1(actual: actual, predicted: predicted, positive: 1)
    let precision: Double = 88.0 / 94
    let f1: Double = 2 * precision * 0.88 / (precision + 0.88)
    #expect(close(zero, [precision, 0.88, f1]))
    #expect(close(one[0], 94.0 / 106) && close(one[1], 0.94))
  }
  // END HIDDEN TESTS
}
