// SeededGenerator.swift — a random number generator that gives the same numbers on every run
// and every machine, so every chapter's output is reproducible.

import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The caller owns it and passes it `inout`, so which numbers a computation draws is visible
/// in its code. The same seed gives the same sequence everywhere: the algorithm uses only
/// integer arithmetic, and the Doubles derived from it are exact conversions.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let w = Tensor.normal([3, 2], standardDeviation: 0.5, using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) {
    // SplitMix64 spreads any seed, 0 included, over the 256 bits of state.
    var s = seed
    func splitMix() -> UInt64 {
      s &+= 0x9E37_79B9_7F4A_7C15
      var z = s
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
    let result = rotate(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A uniform Double in [0, 1): the top 53 bits, so every value is exactly representable.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A standard normal Double (Box–Muller).
  public mutating func nextNormal() -> Double {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1 = 1 - nextUnit()
    let u2 = nextUnit()
    // Autograd's own log and cos: the C library's differ in the last bit from CPU to CPU.
    return (-2 * portableLog(u1)).squareRoot() * portableCos(2 * Double.pi * u2)
  }

  /// A uniform integer in `range`, for shuffles and sampling.
  public mutating func nextInt(in range: Range<Int>) -> Int {
    if range.isEmpty { fail("nextInt: the range \(range) is empty") }
    // The high word of a 64×64-bit product maps the bits onto 0..<count (Lemire's method,
    // written out so the numbers do not depend on the standard library's version).
    let offset = next().multipliedFullWidth(by: UInt64(range.count)).high
    return range.lowerBound + Int(offset)
  }

  /// The indices `0..<count` in a random order (Fisher–Yates).
  public mutating func permutation(_ count: Int) -> [Int] {
    var indices = Array(0..<count)
    for i in stride(from: count - 1, to: 0, by: -1) {
      indices.swapAt(i, nextInt(in: 0..<(i + 1)))
    }
    return indices
  }
}
