// Exponentials.swift — eˣ and tanh x four values at a time, for the ops that spend most of their
// time in them (`exp`, `tanh`, softmax rows).
//
// libm computes one value per call; these compute four lanes of a SIMD vector with the same
// arithmetic on each, so the compiler emits vector instructions and there is no call per value.
// Both are classic, published algorithms, accurate to about one unit in the last place (the tests
// measure it against Foundation's), and every value goes through the same lanes code — the tail of
// an array too — so a value never depends on where in an array it sits.

import Foundation

/// Four doubles, computed side by side.
typealias Lanes = SIMD4<Double>

/// eˣ on each lane, by fdlibm's `e_exp.c` (Sun Microsystems, 1993; also Go's `math.Exp`).
///
/// ```
/// x = k·ln 2 + r,   k = round(x / ln 2),  |r| ≤ ½ ln 2      so  eˣ = 2ᵏ · eʳ
/// eʳ = 1 + r + r·c / (2 − c),   c = r − r²(P₁ + r²(P₂ + r²(P₃ + r²(P₄ + r² P₅))))
/// ```
/// ln 2 is split in a head with few bits (k · head is exact) and a tail, so r keeps its digits.
/// The rational form of eʳ is fdlibm's: a degree-5 polynomial in r² gives 2⁻⁵⁹ relative error on
/// |r| ≤ ½ ln 2. Lanes outside −708 … 709 (where 2ᵏ or the result leave the normal doubles) and
/// NaN go to Foundation's `exp`.
@inline(__always)
func exp(_ x: Lanes) -> Lanes {
  let outside = (x .< -708) .| (x .> 709) .| (x .!= x)
  if !any(outside) { return expNormal(x) }
  var y = expNormal(x.replacing(with: 0, where: outside))
  for lane in 0..<4 where outside[lane] { y[lane] = Foundation.exp(x[lane]) }
  return y
}

/// eˣ for −708 ≤ x ≤ 709, where 2ᵏ and the result are normal doubles.
@inline(__always)
private func expNormal(_ x: Lanes) -> Lanes {
  let (ln2Head, ln2Tail, log2e) = (6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.44269504088896338700e+00)
  let (p1, p2, p3) = (1.66666666666666657415e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05)
  let (p4, p5) = (-1.65339022054652515390e-06, 4.13813679705723846039e-08)
  // Adding 1.5·2⁵² rounds x/ln 2 to the nearest integer k and leaves k in the low bits of the sum.
  let shifter = 6_755_399_441_055_744.0
  let kPlusShifter = x * log2e + shifter
  let k = kPlusShifter - shifter
  let head = x - k * ln2Head
  let tail = k * ln2Tail
  let r = head - tail
  let t = r * r
  let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
  let er = 1 - ((tail - (r * c) / (2 - c)) - head)
  // 2ᵏ written as a double's bits: exponent field k + 1023 (k's low bits moved there), significand 0.
  let kBits = unsafeBitCast(kPlusShifter, to: SIMD4<UInt64>.self)
  let twoToK = unsafeBitCast((kBits &+ 1023) &<< 52, to: Lanes.self)
  return er * twoToK
}

/// tanh x on each lane, by Cephes' `tanh.c` (Stephen L. Moshier; also Go's `math.Tanh`).
///
/// ```
/// |x| < 0.625:  tanh x = x + x·s·P(s)/Q(s),  s = x²   (a minimax rational, error ≈ 2⁻⁵⁴)
/// otherwise:    tanh x = ±(1 − 2 / (e^(2|x|) + 1))   (no cancellation: the result is ≥ 0.55)
/// ```
/// |x| is capped at 22 before the exponential: beyond it 1 − 2/(e^(2|x|) + 1) rounds to 1.
@inline(__always)
func tanh(_ x: Lanes) -> Lanes {
  let s = x * x
  let p = ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s - 1.61468768441708447952e3) * s
  let q = ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3
  let near0 = (x + x * (p / q)).replacing(with: x, where: x .== 0)  // keeps −0's sign
  let magnitude = x.replacing(with: -x, where: x .< 0)
  let far = 1 - 2 / (exp(2 * magnitude.replacing(with: 22, where: magnitude .> 22)) + 1)
  return near0.replacing(with: far.replacing(with: -far, where: x .< 0), where: magnitude .>= 0.625)
}

/// Applies `f` to `input`, four values at a time, into `output` (of the same count). The last
/// values, fewer than four, go through `f` as well, in a vector padded with zeros.
@inline(__always)
func forEachLanes(
  _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>,
  _ f: (Lanes) -> Lanes
) {
  var i = range.lowerBound
  while i + 4 <= range.upperBound {
    let y = f(Lanes(input[i], input[i + 1], input[i + 2], input[i + 3]))
    for lane in 0..<4 { output[i + lane] = y[lane] }
    i += 4
  }
  if i < range.upperBound {
    var x = Lanes.zero
    for lane in 0..<(range.upperBound - i) { x[lane] = input[i + lane] }
    let y = f(x)
    for lane in 0..<(range.upperBound - i) { output[i + lane] = y[lane] }
  }
}
