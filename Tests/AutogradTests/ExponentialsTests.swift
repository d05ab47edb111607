// ExponentialsTests.swift — Autograd's eˣ and tanh (the plain definitions portableExp and
// portableTanh, which the vector kernels equal bit for bit: KernelTests) against Foundation's, in
// units in the last place, over their whole range, and their special values.

import Foundation
import Testing

@testable import Autograd

@Suite("Portable exp and tanh")
struct ExponentialsTests {
  /// |a − b| in units in the last place of b.
  func ulps(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : Swift.abs(a - b) / b.ulp
  }

  /// Values spread over `range`, uniformly and also densely near 0 (where tanh's two formulas
  /// meet at 0.625 and cancellation would show).
  func samples(_ range: ClosedRange<Double>, count: Int = 40_000) -> [Double] {
    var rng = SeededGenerator(seed: 11)
    let uniform = (0..<count).map { _ in Double.random(in: range, using: &rng) }
    let small = (0..<count).map { _ in
      Double.random(in: -1...1, using: &rng) * Foundation.pow(10, -Double.random(in: 0...12, using: &rng))
    }
    return uniform + small + [0.625, -0.625, 0.625.nextDown, 0.625.nextUp, 22, -22, 1e-300, -1e-300]
  }

  func worst(_ xs: [Double], _ ours: (Double) -> Double, _ reference: (Double) -> Double) -> (ulps: Double, at: Double)
  {
    var worst = (ulps: 0.0, at: 0.0)
    for x in xs {
      let error = ulps(ours(x), reference(x))
      if error > worst.ulps { worst = (error, x) }
    }
    return worst
  }

  @Test("eˣ is within 1 ulp of Foundation's from −745 to 709")
  func expAccuracy() {
    let worst = worst(samples(-745...709), portableExp, Foundation.exp)
    #expect(worst.ulps <= 1, "\(worst.ulps) ulp at x = \(worst.at)")
  }

  @Test("tanh is within 2 ulp of Foundation's from −30 to 30")
  func tanhAccuracy() {
    let worst = worst(samples(-30...30), portableTanh, Foundation.tanh)
    #expect(worst.ulps <= 2, "\(worst.ulps) ulp at x = \(worst.at)")
  }

  @Test("special values: exp(0) = 1, overflow to ∞, underflow to subnormals and 0, NaN; tanh(±0), ±∞, NaN")
  func specialValues() {
    let e = Tensor([0, 710, -740, -.infinity, .nan, .infinity]).exp().scalars
    #expect(Array(e[0..<4]) == [1, .infinity, Foundation.exp(-740), 0] && e[4].isNaN && e[5] == .infinity)
    let t = Tensor([0, -0.0, .infinity, -.infinity, .nan]).tanh().scalars
    #expect(Array(t[0..<4]) == [0, 0, 1, -1] && t[1].sign == .minus && t[4].isNaN)
  }

  @Test("a value does not depend on where it sits: the tail of an array goes through the same vectors")
  func tails() {
    let x = Tensor((0..<11).map { Double($0) / 3 - 1.5 })
    for n in 1...11 {
      let head = Tensor(Array(x.scalars.prefix(n)))
      #expect(head.tanh().scalars == Array(x.tanh().scalars.prefix(n)))
      #expect(head.exp().scalars == Array(x.exp().scalars.prefix(n)))
    }
  }
}
