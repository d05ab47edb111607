// Chapter08Tests.swift — exercises 8.1–8.2.

import Exercises
import Testing

@Suite("Chapter 08 exercises", .exerciseStatus)
struct Chapter08Tests {
  @Test("Exercise 8.1: ids by frequency, ties alphabetical, from 1 [2 points]")
  func ids() throws {
    // a ×3, b ×2, n ×2, others once; "!" and the space are ignored.
    let ids = try characterVocabulary(["Banana!", "cab"])
    #expect(ids == ["a": 1, "b": 2, "n": 3, "c": 4])
  }

  @Test("Exercise 8.2: two classes, one mistake each way [2 points]")
  func twoClasses() throws {
    // Class 0: precision 1/2, recall 1/2; class 1: precision 2/3, recall 2/3.
    let f1 = try macroF1(actual: [0, 0, 1, 1, 1], predicted: [0, 1, 1, 1, 0], classes: 2)
    #expect(close(f1, (0.5 + 2.0 / 3) / 2))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 8.1: only a–z counted, case folded, unseen letters absent [2 points]")
  func letters() throws {
    // z ×3 and c ×3 (c first), b once; "ä", "9", "-" and "'" are not letters a–z.
    let ids = try characterVocabulary(["Zz-z 9 ÄBC", "", "c'c"])
    #expect(ids == ["c": 1, "z": 2, "b": 3])
  }

  @Test("Exercise 8.2: a class never predicted, and one never present, count as 0 [3 points]")
  func emptyClasses() throws {
    // Class 0 never predicted (F1 0), class 2 never present nor predicted (F1 0), class 1: P = 3/5, R = 1.
    let f1 = try macroF1(actual: [0, 0, 1, 1, 1], predicted: [1, 1, 1, 1, 1], classes: 3)
    let classOne = 2 * 0.6 * 1 / 1.6
    #expect(close(f1, classOne / 3))
  }

  @Test("Exercise 8.2: article 002's report, read back from its recalls [2 points]")
  func report() throws {
    // 88 of 100 class-0 samples and 94 of 100 class-1 samples right.
    let actual = [Int](repeating: 0, count: 100) + [Int](repeating: 1, count: 100)
    let predicted =
      [Int](repeating: 0, count: 88) + [Int](repeating: 1, count: 12) + [Int](repeating: 1, count: 94)
      + [Int](repeating: 0, count: 6)
    func f1(_ p: Double, _ r: Double) -> Double { 2 * p * r / (p + r) }
    let expected = (f1(88.0 / 94, 0.88) + f1(94.0 / 106, 0.94)) / 2
    #expect(close(try macroF1(actual: actual, predicted: predicted, classes: 2), expected))
  }
  // END HIDDEN TESTS
}
