// Chapter06Tests.swift — exercises 6.1–6.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 06 exercises", .exerciseStatus)
struct Chapter06Tests {
  @Test("Exercise 6.1: the first position sees only itself, the second both [3 points]")
  func twoPositions() throws {
    // Position 1: scores q₁·k₀/√2 = 0 and q₁·k₁/√2 = 0, so equal weights.
    let out = try causalSelfAttention(q: [[1, 0], [0, 0]], k: [[1, 1], [2, 0]], v: [[10, 0], [0, 10]])
    #expect(close(out, [[10, 0], [5, 5]]))
  }

  @Test("Exercise 6.2: a window of 2 over 4 positions [1 point]")
  func mask() throws {
    #expect(
      try slidingWindowMask(length: 4, window: 2) == [[1, 0, 0, 0], [1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]])
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 6.1: matches Autograd's attention with a causal mask [4 points]")
  func againstLibrary() throws {
    var rng = SeededGenerator(seed: 61)
    let (q, k, v) = (
      Tensor.normal([5, 3], using: &rng), Tensor.normal([5, 3], using: &rng), Tensor.normal([5, 2], using: &rng)
    )
    let causal = Tensor((0..<5).map { i in (0..<5).map { j in j <= i ? 1.0 : 0.0 } })
    let expected = attention(query: q, key: k, value: v, mask: causal).output.rows
    let out = try causalSelfAttention(q: q.rows, k: k.rows, v: v.rows)
    try #require(hasShape(out, 5, 2), "the result must be [5][2]")
    #expect(close(out, expected))
  }

  @Test(
    "Exercise 6.2: the mask used with Autograd, windows 1, 3 and longer than the sequence [2 points]",
    arguments: [1, 3, 9])
  func maskWithLibrary(_ window: Int) throws {
    let mask = try slidingWindowMask(length: 5, window: window)
    try #require(hasShape(mask, 5, 5), "window \(window): the mask must be [5][5]")
    let x = Tensor.ones([5, 2])
    let weights = attention(query: x, key: x, value: x, mask: Tensor(mask)).weights.rows
    for i in 0..<5 {
      let seen = min(i + 1, window)
      let expected = (0..<5).map { j in j <= i && j > i - window ? 1 / Double(seen) : 0 }
      #expect(close(weights[i], expected), "window \(window), query \(i)")
    }
  }
  // END HIDDEN TESTS
}
