// Chapter13Tests.swift — exercises 13.1–13.3.

import Exercises
import Foundation
import Testing

@Suite("Chapter 13 exercises", .exerciseStatus)
struct Chapter13Tests {
  @Test("Exercise 13.1: one word of each kind [2 points]")
  func masking() throws {
    // Position 0 not chosen; 1 masked; 2 replaced by 9; 3 kept but predicted.
    let (input, targets) = try maskedInput(
      tokens: [4, 5, 6, 7], choose: [0.5, 0.1, 0.0, 0.14], kind: [0, 0.3, 0.85, 0.95], randomWords: [2, 2, 9, 2],
      maskToken: 1, rate: 0.15)
    #expect(input == [4, 1, 9, 7])
    #expect(targets == [nil, 5, 6, 7])
  }

  @Test("Exercise 13.2: the range [−1, 1.55] in 256 codes [2 points]")
  func uint8() throws {
    let result = try uint8RoundTrip([-1, 0, 1.55])
    #expect(close(result.scale, 0.01))
    #expect(result.zeroPoint == 100)
    #expect(result.codes == [0, 100, 255])
    #expect(close(result.restored, [-1, 0, 1.55]))
  }

  @Test("Exercise 13.3: the same logits give 0 [1 point]")
  func distillationZero() throws {
    #expect(close(try distillationLoss(teacherLogits: [1, 2, 3], studentLogits: [1, 2, 3], temperature: 2), 0))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 13.1: rate 0 chooses nothing; rate 1 every word; edges of 0.8 and 0.9 [3 points]")
  func maskingEdges() throws {
    let tokens = [3, 4, 5, 6]
    let none = try maskedInput(
      tokens: tokens, choose: [0, 0.2, 0.5, 0.9], kind: [0, 0, 0, 0], randomWords: [8, 8, 8, 8], maskToken: 1, rate: 0)
    #expect(none.input == tokens && none.targets == [nil, nil, nil, nil])
    let all = try maskedInput(
      tokens: tokens, choose: [0, 0.2, 0.5, 0.9], kind: [0.79, 0.8, 0.89, 0.9], randomWords: [8, 9, 10, 11],
      maskToken: 1, rate: 1)
    #expect(all.input == [1, 9, 10, 6])
    #expect(all.targets == [3, 4, 5, 6])
    let edge = try maskedInput(tokens: [7], choose: [0.15], kind: [0], randomWords: [2], maskToken: 1, rate: 0.15)
    #expect(edge.input == [7] && edge.targets == [nil])  // chosen when choose < rate, strictly
  }

  @Test("Exercise 13.2: error at most s/2, codes in 0…255, a constant vector [3 points]")
  func uint8General() throws {
    var state: UInt64 = 132
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53) * 7 - 2
    }
    let x = (0..<200).map { _ in next() }
    let result = try uint8RoundTrip(x)
    let (low, high) = (x.min()!, x.max()!)
    #expect(close(result.scale, (high - low) / 255))
    #expect(result.zeroPoint == Int((-low / result.scale).rounded()))
    #expect(result.codes.allSatisfy { (0...255).contains($0) })
    #expect(zip(result.restored, x).allSatisfy { abs($0 - $1) <= result.scale / 2 + 1e-12 })
    let constant = try uint8RoundTrip([0.5, 0.5])
    #expect(close(constant.scale, 1) && constant.restored.allSatisfy { abs($0 - 0.5) <= 0.5 })
  }

  @Test("Exercise 13.3: KL of two distributions, scaled by T², stable at large logits [3 points]")
  func distillationGeneral() throws {
    func softmax(_ z: [Double]) -> [Double] {
      let e = z.map { exp($0 - z.max()!) }
      return e.map { $0 / e.reduce(0, +) }
    }
    let (t, s) = ([2.0, 0.5, -1.0], [0.0, 1.0, 0.5])
    for temperature in [1.0, 2.0, 4.0] {
      let p = softmax(t.map { $0 / temperature })
      let q = softmax(s.map { $0 / temperature })
      let expected = temperature * temperature * zip(p, q).reduce(0) { $0 + $1.0 * log($1.0 / $1.1) }
      #expect(
        close(try distillationLoss(teacherLogits: t, studentLogits: s, temperature: temperature), expected),
        "T = \(temperature)")
    }
    let large = try distillationLoss(teacherLogits: [1000, 999], studentLogits: [999, 1000], temperature: 1)
    let p = softmax([1, 0])
    #expect(close(large, (p[0] - p[1]) * log(p[0] / p[1])))
  }
  // END HIDDEN TESTS
}
