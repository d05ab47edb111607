// PortableMath.swift — eˣ, ln x and ln(1 + x) computed by Autograd itself, so that they give the
// same bits on every machine.
//
// glibc's libm chooses its code for exp and log by CPU when the program starts: a variant with
// fused multiply-adds where the CPU has them (Haswell and later), another without (Sandybridge
// and earlier). The two agree to within an ulp but not always to the bit, and training
// amplifies a last-bit difference until a printed accuracy changes (seen here: run with
// GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA, chapters 05, 07 and 08 printed other digits).
// These are published algorithms written with plain IEEE-754 multiplications and additions,
// which Swift neither fuses nor reorders, so every CPU computes the same number.

import Foundation

/// eˣ, by fdlibm's `e_exp.c` (Sun Microsystems, 1993; also Go's `math.Exp`).
///
/// ```
/// x = k·ln 2 + r,   k = round(x / ln 2),  |r| ≤ ½ ln 2      so  eˣ = 2ᵏ · eʳ
/// eʳ = 1 + r + r·c / (2 − c),   c = r − r²(P₁ + r²(P₂ + r²(P₃ + r²(P₄ + r² P₅))))
/// ```
/// ln 2 is split in a head with few bits (k · head is exact) and a tail, so r keeps its digits.
/// The rational form of eʳ is fdlibm's: a degree-5 polynomial in r² gives 2⁻⁵⁹ relative error on
/// |r| ≤ ½ ln 2. Outside −708 … 709 (where 2ᵏ or the result leave the normal doubles) and for NaN,
/// Foundation's `exp` answers. This is the plain definition; Kernels/Lanes.swift computes the same
/// arithmetic a vector of values at a time, and the tests check that the two agree to the bit.
func portableExp(_ x: Double) -> Double {
  if !(-708...709).contains(x) { return Foundation.exp(x) }  // NaN too: it is in no range
  let (ln2Head, ln2Tail, log2e) = (6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.44269504088896338700e+00)
  let (p1, p2, p3) = (1.66666666666666657415e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05)
  let (p4, p5) = (-1.65339022054652515390e-06, 4.13813679705723846039e-08)
  // Adding 1.5·2⁵² rounds x/ln 2 to the nearest integer (ties to even), as the lanes do.
  let shifter = 6_755_399_441_055_744.0
  let k = (x * log2e + shifter) - shifter
  let head = x - k * ln2Head
  let tail = k * ln2Tail
  let r = head - tail
  let t = r * r
  let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
  let er = 1 - ((tail - (r * c) / (2 - c)) - head)
  return er * Double(sign: .plus, exponent: Int(k), significand: 1)  // × 2ᵏ, exact
}

/// tanh x, by Cephes' `tanh.c` (Stephen L. Moshier; also Go's `math.Tanh`).
///
/// ```
/// |x| < 0.625:  tanh x = x + x·s·P(s)/Q(s),  s = x²   (a minimax rational, error ≈ 2⁻⁵⁴)
/// otherwise:    tanh x = ±(1 − 2 / (e^(2|x|) + 1))   (no cancellation: the result is ≥ 0.55)
/// ```
/// |x| is capped at 22 before the exponential: beyond it 1 − 2/(e^(2|x|) + 1) rounds to 1. The
/// plain definition of the vector kernel in Kernels/Lanes.swift.
func portableTanh(_ x: Double) -> Double {
  let magnitude = Swift.abs(x)
  if magnitude >= 0.625 {
    let far = 1 - 2 / (portableExp(2 * Swift.min(magnitude, 22)) + 1)
    return x < 0 ? -far : far
  }
  if x == 0 { return x }  // keeps −0's sign
  let s = x * x
  let p = ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s - 1.61468768441708447952e3) * s
  let q = ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3
  return x + x * (p / q)
}

/// ln x, by FreeBSD's `e_log.c` as Go's `math.Log` writes it (error below one ulp):
///
/// ```
/// x = 2ᵏ·(1 + f),  √2/2 ≤ 1 + f < √2      s = f / (2 + f)
/// ln(1 + f) = f − hfsq + s·(hfsq + R(s)),  hfsq = f²/2,  R a minimax polynomial in s²
/// ln x = k·ln 2 + ln(1 + f)                 (ln 2 split in a head and a tail)
/// ```
func portableLog(_ x: Double) -> Double {
  if x.isNaN || x == .infinity { return x }
  if x < 0 { return .nan }
  if x == 0 { return -.infinity }
  let (ln2Hi, ln2Lo) = (6.93147180369123816490e-01, 1.90821492927058770002e-10)
  let (l1, l2, l3, l4) = (
    6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01
  )
  let (l5, l6, l7) = (1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01)
  // x = f1·2^ki with f1 in [0.5, 1) (frexp), then moved into [√2/2, √2).
  var f1 = x.significand / 2
  var ki = Int(x.exponent) + 1
  if f1 < 2.0.squareRoot() / 2 {
    f1 *= 2
    ki -= 1
  }
  let f = f1 - 1
  let k = Double(ki)
  let s = f / (2 + f)
  let s2 = s * s
  let s4 = s2 * s2
  let t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)))
  let t2 = s4 * (l2 + s4 * (l4 + s4 * l6))
  let r = t1 + t2
  let hfsq = 0.5 * f * f
  return k * ln2Hi - ((hfsq - (s * (hfsq + r) + k * ln2Lo)) - f)
}

/// ln(1 + x), accurate for small x as well (Goldberg's correction, "What every computer scientist
/// should know about floating-point arithmetic", theorem 4): with u = 1 + x rounded,
/// ln(1 + x) = ln(u)·x / (u − 1), which cancels the rounding of u; where u rounds to 1, it is x.
func portableLog1p(_ x: Double) -> Double {
  let u = 1 + x
  if u == 1 { return x }
  if u == .infinity || x.isNaN { return portableLog(u) }
  return portableLog(u) * x / (u - 1)
}

/// cos x, by fdlibm's kernels (`k_cos.c`, `k_sin.c`) after reducing x by multiples of π/2 (a
/// three-part Cody–Waite split of π/2, fdlibm's constants: each n·part is exact while
/// |x| < 2²⁰·π/2, which covers the 2πu of the normal generator with room to spare; larger
/// arguments go to the C library). Three parts keep r accurate even where x is close to a
/// multiple of π/2 and cos x close to 0.
///
/// ```
/// x = n·π/2 + r, |r| ≤ π/4      cos x = cos r, −sin r, −cos r, sin r   for n mod 4 = 0, 1, 2, 3
/// ```
/// Public so that a chapter's simulation (chapter 12's cart-pole) computes the same bits on every CPU.
public func portableCos(_ x: Double) -> Double {
  if !x.isFinite { return .nan }
  if Swift.abs(x) > 1_647_099 { return Foundation.cos(x) }
  let (n, r) = reducedByHalfPi(x)
  switch n & 3 {
  case 0: return kernelCos(r)
  case 1: return -kernelSin(r)
  case 2: return -kernelCos(r)
  default: return kernelSin(r)
  }
}

/// sin x, with ``portableCos(_:)``'s reduction and kernels:
///
/// ```
/// x = n·π/2 + r, |r| ≤ π/4      sin x = sin r, cos r, −sin r, −cos r   for n mod 4 = 0, 1, 2, 3
/// ```
public func portableSin(_ x: Double) -> Double {
  if !x.isFinite { return .nan }
  if Swift.abs(x) > 1_647_099 { return Foundation.sin(x) }
  let (n, r) = reducedByHalfPi(x)
  switch n & 3 {
  case 0: return kernelSin(r)
  case 1: return kernelCos(r)
  case 2: return -kernelSin(r)
  default: return -kernelCos(r)
  }
}

/// x = n·π/2 + r with |r| ≤ π/4: π/2 in three parts (fdlibm's), each n·part exact for |x| < 2²⁰·π/2.
private func reducedByHalfPi(_ x: Double) -> (n: Int, r: Double) {
  let (pio2a, pio2b, pio2c) = (1.57079632673412561417e+00, 6.07710050630396597660e-11, 2.02226624879595063154e-21)
  let n = (x * (2 / Double.pi)).rounded()
  return (Int(n), ((x - n * pio2a) - n * pio2b) - n * pio2c)
}

/// sin r for |r| ≤ π/4: r + r³·(S₁ + r²·P(r²)), fdlibm's minimax coefficients.
private func kernelSin(_ x: Double) -> Double {
  let (s1, s2, s3) = (-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04)
  let (s4, s5, s6) = (2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10)
  let z = x * x
  let v = z * x
  let r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))
  return x + v * (s1 + z * r)
}

/// cos r for |r| ≤ π/4: 1 − r²/2 + r⁴·C(r²), the subtraction arranged as fdlibm does to keep
/// its rounding error below an ulp.
private func kernelCos(_ x: Double) -> Double {
  let (c1, c2, c3) = (4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05)
  let (c4, c5, c6) = (-2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11)
  let z = x * x
  let r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))))
  let hz = 0.5 * z
  let w = 1 - hz
  return w + (((1 - w) - hz) + z * r)
}

/// xⁿ for a whole n ≥ 0, by repeated squaring: log₂ n multiplications, each an IEEE operation
/// (Adam's bias correction, β₁ᵗ and β₂ᵗ).
func portablePower(_ x: Double, _ n: Int) -> Double {
  var (result, base, n) = (1.0, x, n)
  while n > 0 {
    if n & 1 == 1 { result *= base }
    base *= base
    n >>= 1
  }
  return result
}
