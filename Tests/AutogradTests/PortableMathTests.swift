// PortableMathTests.swift — Autograd's own ln, ln(1 + x), cos and integer powers against the C
// library's, to within an ulp or two, with their special values.

import Foundation
import Testing

@testable import Autograd

/// How many representable doubles lie between a and b.
func ulps(_ a: Double, _ b: Double) -> UInt64 {
  if a == b { return 0 }
  func ordered(_ x: Double) -> Int64 {
    let bits = Int64(bitPattern: x.bitPattern)
    return bits < 0 ? Int64.min &- bits : bits
  }
  return (ordered(a) &- ordered(b)).magnitude
}

@Suite("Portable math")
struct PortableMathTests {
  /// Values spread over many binades, with a seeded generator.
  static func samples(_ range: ClosedRange<Double>, count: Int = 20_000) -> [Double] {
    var rng = SeededGenerator(seed: 7)
    return (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit() }
  }

  @Test("ln x within 1 ulp of the C library's, from subnormals to the largest doubles")
  func log() {
    let xs =
      Self.samples(1e-3...10) + Self.samples(0.5...2) + Self.samples(1...1e300).map { $0 }
      + [Double.leastNonzeroMagnitude, .leastNormalMagnitude, 1, 2, .greatestFiniteMagnitude, 1 + .ulpOfOne]
    let worst = xs.map { ulps(portableLog($0), Foundation.log($0)) }.max()!
    #expect(worst <= 1)
    #expect(portableLog(0) == -.infinity && portableLog(.infinity) == .infinity)
    #expect(portableLog(-1).isNaN && portableLog(.nan).isNaN && portableLog(1) == 0)
  }

  @Test("ln(1 + x) within 2 ulps, tiny arguments included")
  func log1p() {
    let xs = Self.samples(0...1) + Self.samples(1e-12...1e-6) + [1e-300, 5e-324, 0, -0.5]
    let worst = xs.map { ulps(portableLog1p($0), Foundation.log1p($0)) }.max()!
    #expect(worst <= 2)
  }

  @Test("cos x within 1 ulp on the normal generator's range and beyond")
  func cos() {
    let xs = Self.samples(0...(2 * .pi)) + Self.samples(-100...100) + [0, .pi / 2, .pi, 3 * .pi / 2]
    let worst = xs.map { ulps(portableCos($0), Foundation.cos($0)) }.max()!
    #expect(worst <= 1)
    #expect(portableCos(.nan).isNaN && portableCos(.infinity).isNaN)
  }

  @Test("sin x within 1 ulp, with cos's reduction, on the cart-pole's angles and beyond")
  func sin() {
    let xs = Self.samples(-0.5...0.5) + Self.samples(0...(2 * .pi)) + Self.samples(-100...100) + [0, .pi / 2, -.pi / 4]
    let worst = xs.map { ulps(portableSin($0), Foundation.sin($0)) }.max()!
    #expect(worst <= 1)
    #expect(portableSin(.nan).isNaN && portableSin(-.infinity).isNaN)
  }

  @Test("whole powers by squaring, as Adam's bias correction needs them", arguments: [0.9, 0.999, 2.0])
  func power(_ base: Double) {
    #expect(portablePower(base, 0) == 1 && portablePower(base, 1) == base && portablePower(base, 2) == base * base)
    for n in [3, 10, 100, 1000, 10_000] {
      #expect(isClose(portablePower(base, n), Foundation.pow(base, Double(n)), tolerance: 1e-13))
    }
  }
}
