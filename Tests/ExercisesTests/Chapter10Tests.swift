// Chapter10Tests.swift — exercises 10.1–10.3.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 10 exercises", .exerciseStatus)
struct Chapter10Tests {
  @Test("Exercise 10.1: one training word, itself as the test [3 points]")
  func trigram() throws {
    // "ab": trigrams ..a, .ab, ab. each once; with α = 0 each prediction has probability 1.
    #expect(close(try trigramBitsPerCharacter(train: ["ab"], test: ["ab"], alpha: 0), 0))
    // α = 1: each prediction (1 + 1)/(1 + 27) = 1/14, so log₂ 14 bits.
    #expect(close(try trigramBitsPerCharacter(train: ["ab"], test: ["ab"], alpha: 1), log2(14.0)))
  }

  @Test("Exercise 10.2: lengths 3 and 1, padded to 3 [2 points]")
  func masks() throws {
    #expect(
      try paddedCausalMasks(lengths: [3, 1], size: 3) == [
        [[1, 0, 0], [1, 1, 0], [1, 1, 1]], [[1, 0, 0], [1, 0, 0], [1, 0, 0]],
      ])
  }

  @Test("Exercise 10.3: three logits, top-p 0.5 keeps one [2 points]")
  func nucleus() throws {
    #expect(close(try nucleusDistribution(logits: [2, 1, 0], temperature: 1, topP: 0.5), [1, 0, 0]))
  }

  @Test("Exercise 10.4: the first step attends to itself alone [2 points]")
  func firstStep() throws {
    let step = try cachedAttentionStep(query: [1, 0], key: [0, 1], value: [3, -2], keys: [], values: [])
    #expect(close(step.output, [3, -2]))
    #expect(step.keys == [[0, 1]] && step.values == [[3, -2]])
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 10.1: unseen contexts fall back to uniform, several words [3 points]")
  func trigramGeneral() throws {
    let train = ["cab", "cabs", "abc", "a"]
    let test = ["cab", "bad", "z"]
    // The same model written out: counts of (a, b) → c over the framed training words.
    func tokens(_ w: String) -> [Int] { [0, 0] + w.unicodeScalars.map { Int($0.value) - 96 } + [0] }
    var n: [[Int]: Double] = [:]
    var c: [[Int]: Double] = [:]
    for w in train {
      let t = tokens(w)
      for i in 2..<t.count {
        n[[t[i - 2], t[i - 1], t[i]], default: 0] += 1
        c[[t[i - 2], t[i - 1]], default: 0] += 1
      }
    }
    var bits = 0.0
    var count = 0
    for w in test {
      let t = tokens(w)
      for i in 2..<t.count {
        bits -= log2((n[[t[i - 2], t[i - 1], t[i]], default: 0] + 0.5) / (c[[t[i - 2], t[i - 1]], default: 0] + 13.5))
        count += 1
      }
    }
    #expect(close(try trigramBitsPerCharacter(train: train, test: test, alpha: 0.5), bits / Double(count)))
  }

  @Test("Exercise 10.2: used with Autograd's attention, padding gets no weight [3 points]")
  func masksWithLibrary() throws {
    let masks = try paddedCausalMasks(lengths: [4, 2], size: 4)
    try #require(masks.count == 2 && masks.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.count == 4 } }, "[2][4][4]")
    let x = Tensor.ones([2, 4, 3])
    let weights = attention(
      query: x, key: x, value: x, mask: Tensor(shape: [2, 4, 4], scalars: masks.flatMap { $0.flatMap { $0 } })
    ).weights
    let second = Array(weights.scalars[16..<32])
    // Sequence 2 has two real tokens: row 0 sees position 0; rows 1–3 see positions 0 and 1 equally.
    #expect(close(second, [1, 0, 0, 0, 0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0]))
  }

  @Test("Exercise 10.3: temperature, ties and top-p 1 [3 points]", arguments: [0.5, 1.0, 2.0])
  func nucleusGeneral(_ temperature: Double) throws {
    let logits = [1.0, 3.0, 3.0, -1.0, 0.5]
    let p = Tensor(logits.map { $0 / temperature }).softmax(axis: 0).scalars
    #expect(close(try nucleusDistribution(logits: logits, temperature: temperature, topP: 1), p), "τ = \(temperature)")
    // The two tied largest come first (index 1, then 2); keep adding until the mass reaches 0.9.
    let order = [1, 2, 0, 4, 3]
    var kept: [Int] = []
    var mass = 0.0
    for i in order where mass < 0.9 {
      kept.append(i)
      mass += p[i]
    }
    let expected = p.indices.map { kept.contains($0) ? p[$0] / mass : 0 }
    #expect(
      close(try nucleusDistribution(logits: logits, temperature: temperature, topP: 0.9), expected),
      "τ = \(temperature)")
  }
  @Test("Exercise 10.4: step by step, the same outputs as causal attention over the whole sequence [4 points]")
  func cacheAgainstLibrary() throws {
    var rng = SeededGenerator(seed: 104)
    let (q, k, v) = (
      Tensor.normal([5, 4], using: &rng), Tensor.normal([5, 4], using: &rng), Tensor.normal([5, 3], using: &rng)
    )
    let causal = Tensor((0..<5).map { i in (0..<5).map { j in j <= i ? 1.0 : 0.0 } })
    let expected = attention(query: q, key: k, value: v, mask: causal).output.rows
    var (keys, values): ([[Double]], [[Double]]) = ([], [])
    for t in 0..<5 {
      let step = try cachedAttentionStep(query: q.rows[t], key: k.rows[t], value: v.rows[t], keys: keys, values: values)
      try #require(
        step.output.count == 3 && step.keys.count == t + 1 && step.values.count == t + 1, "step \(t): shapes")
      #expect(close(step.output, expected[t]), "step \(t)")
      (keys, values) = (step.keys, step.values)
    }
  }
  // END HIDDEN TESTS
}
