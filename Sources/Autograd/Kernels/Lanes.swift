// Lanes.swift — a kernel: eˣ and tanh x four values at a time, for the ops that spend most of
// their time in them (`exp`, `tanh`, softmax rows).
//
// libm computes one value per call; these compute four lanes of a SIMD vector with the same
// arithmetic on each, so the compiler emits vector instructions and there is no call per value.
// The plain definitions, one value at a time, are `portableExp` and `portableTanh`
// (PortableMath.swift); the lanes do the same operations in the same order on each lane, so the
// tests require the same bits from both. Every value of an array goes through the lanes — the tail
// too — so a value never depends on where in an array it sits.

import Foundation

/// Four doubles, computed side by side.
typealias Lanes = SIMD4<Double>

/// eˣ on each lane: ``portableExp(_:)``'s arithmetic (fdlibm's), four lanes at a time. Lanes
/// outside −708 … 709 and NaN go to Foundation's `exp`, as there.
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
  let c: Lanes = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
  let er: Lanes = 1 - ((tail - (r * c) / (2 - c)) - head)
  // 2ᵏ written as a double's bits: exponent field k + 1023 (k's low bits moved there), significand 0.
  let kBits = unsafeBitCast(kPlusShifter, to: SIMD4<UInt64>.self)
  let twoToK = unsafeBitCast((kBits &+ 1023) &<< 52, to: Lanes.self)
  return er * twoToK
}

/// tanh x on each lane: ``portableTanh(_:)``'s arithmetic, four lanes at a time.
///
/// The two formulas each end in a division, x + x·(p/q) near 0 and ±(1 − 2/(e + 1)) further out;
/// each lane picks its numerator and denominator first, so one division serves both (division is
/// the slowest instruction here). A formula no lane needs is not computed.
@inline(__always)
func tanh(_ x: Lanes) -> Lanes {
  let magnitude = x.replacing(with: -x, where: x .< 0)
  let far = magnitude .>= 0.625
  let near = .!far  // NaN lanes too, as in portableTanh
  var (numerator, denominator) = (Lanes(repeating: 2), Lanes(repeating: 1))
  if any(far) {
    denominator = exp(2 * magnitude.replacing(with: 22, where: magnitude .> 22)) + 1
  }
  if any(near) {
    let s = x * x
    let p = ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s - 1.61468768441708447952e3) * s
    let q = ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3
    numerator.replace(with: p, where: near)
    denominator.replace(with: q, where: near)
  }
  let quotient = numerator / denominator
  let nearValue = (x + x * quotient).replacing(with: x, where: x .== 0)  // keeps −0's sign
  let farValue = 1 - quotient
  return nearValue.replacing(with: farValue.replacing(with: -farValue, where: x .< 0), where: far)
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
