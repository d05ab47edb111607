// Chapter06Tests.swift — exercises 6.1–6.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 06 exercises")
struct Chapter06Tests {
  @Test("Exercise 6.1: chapter 06's selective query [3 points]")
  func selective() throws {
    let out = try scaledDotProductAttention(
      q: [[2, 1, 0, 1]], k: [[2, 1, 0, 1], [0, 1, 1, 0], [-1, 0, 1, 1]], v: [[10, 0], [0, 10], [5, 5]])
    #expect(close(out[0], [9.126268, 0.8737322], 1e-6))
  }

  @Test("Exercise 6.2: the causal mask of length 3 [1 point]")
  func mask() throws {
    #expect(try causalMask(length: 3) == [[1, 0, 0], [1, 1, 0], [1, 1, 1]])
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 6.1: matches Autograd's attention on random inputs [4 points]")
  func againstLibrary() throws {
    var rng = SeededGenerator(seed: 61)
    let (q, k, v) = (
      Tensor.normal([3, 5], using: &rng), Tensor.normal([4, 5], using: &rng), Tensor.normal([4, 2], using: &rng)
    )
    let expected = attention(query: q, key: k, value: v).output.rows
    let out = try scaledDotProductAttention(q: q.rows, k: k.rows, v: v.rows)
    #expect(close(out.flatMap { $0 }, expected.flatMap { $0 }))
  }

  @Test("Exercise 6.2: the mask used with Autograd zeroes the future [2 points]")
  func maskWithLibrary() throws {
    let mask = Tensor(try causalMask(length: 4))
    let x = Tensor.ones([4, 2])
    let w = attention(query: x, key: x, value: x, mask: mask).weights.rows
    #expect(w[0] == [1, 0, 0, 0])
    #expect(close(w[3], [0.25, 0.25, 0.25, 0.25]))
  }
  // END HIDDEN TESTS
}
