// FixedOrderProductTests.swift — the small-product kernel against the plain triple loop: bit for
// bit, in every transpose case, and the dispatch between it and BLAS at its limit.

import CLanes
import Testing

@testable import Autograd

@Suite("Small products in a fixed order")
struct FixedOrderProductTests {
  /// [n, k, m] shapes: single entries, rows, columns, and odd sizes that vectorized loops split.
  static let shapes = [(1, 1, 1), (1, 5, 1), (4, 1, 3), (3, 4, 2), (17, 9, 33), (32, 8, 32)]

  @Test("equals referenceMatmul bit for bit, with and without each transpose", arguments: shapes, [false, true])
  func matchesReference(_ sizes: (Int, Int, Int), _ transposeA: Bool) {
    let (n, k, m) = sizes
    let a = randomTensor([n, k], seed: 21)  // A, [n, k]
    let b = randomTensor([k, m], seed: 22)  // B, [k, m]
    let expected = referenceMatmul(a, b).scalars
    for transposeB in [false, true] {
      // Store each side as the kernel will read it: Aᵀ as [k, n], Bᵀ as [m, k].
      let storedA = transposeA ? a.transposed() : a
      let storedB = transposeB ? b.transposed() : b
      var c = [Double](repeating: .nan, count: n * m)
      storedA.scalars.withUnsafeBufferPointer { av in
        storedB.scalars.withUnsafeBufferPointer { bv in
          c.withUnsafeMutableBufferPointer { cv in
            fixedOrderProduct(
              av.baseAddress!, transposeA: transposeA, bv.baseAddress!, transposeB: transposeB, n: n, m: m, k: k,
              into: cv.baseAddress!)
          }
        }
      }
      #expect(c == expected, "transposeA \(transposeA), transposeB \(transposeB)")
    }
  }

  /// The C loop on vectors of `width` doubles against referenceMatmul, bit for bit.
  func checkWidth(_ width: Int) {
    for (n, k, m) in Self.shapes + [(16, 8, 16), (5, 3, 11)] {
      let (a, b) = (randomTensor([n, k], seed: 23), randomTensor([k, m], seed: 24))
      let expected = referenceMatmul(a, b).scalars
      for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
        let storedA = (transposeA ? a.transposed() : a).scalars
        let storedB = (transposeB ? b.transposed() : b).scalars
        var c = [Double](repeating: .nan, count: n * m)
        let ran = clanes_product_width(
          Int32(width), storedA, transposeA ? 1 : 0, storedB, transposeB ? 1 : 0, n, m, k, &c)
        #expect(ran == 1, "width \(width) did not run")
        #expect(c == expected, "[\(n), \(k)]·[\(k), \(m)], transposes \(transposeA), \(transposeB)")
      }
    }
  }

  @Test("the loop on vectors of 2 doubles (every CPU) equals referenceMatmul bit for bit")
  func baselineWidth() { checkWidth(2) }

  @Test(
    "the loop on vectors of 4 doubles (AVX2) equals referenceMatmul bit for bit",
    .needsAVX2)
  func avx2Width() { checkWidth(4) }

  @Test(
    "the loop on vectors of 8 doubles (AVX-512) equals referenceMatmul bit for bit",
    .needsAVX512)
  func avx512Width() { checkWidth(8) }

  @Test("matmul below the limit is the fixed-order loop; above it BLAS agrees to rounding")
  func dispatch() {
    // 32·32·127 = 130 048 multiply-adds, just below 2¹⁷; 32·32·128 is at the limit and goes to BLAS.
    for (k, exact) in [(127, true), (128, false)] {
      let a = randomTensor([32, k], seed: 23)
      let b = randomTensor([k, 32], seed: 24)
      let product = a.matmul(b).scalars
      let reference = referenceMatmul(a, b).scalars
      #expect((32 * 32 * k < fixedOrderLimit) == exact)
      if exact {
        #expect(product == reference)
      } else {
        #expect(isClose(product, reference, tolerance: 1e-12))
      }
    }
  }

  @Test("NaN and infinity pass through as in the triple loop")
  func specialValues() {
    let a = Tensor([[1.0, .nan], [.infinity, 0]])
    let b = Tensor([[2.0, 0], [1.0, 1.0]])
    let product = a.matmul(b).scalars
    let reference = referenceMatmul(a, b).scalars
    #expect(product[0].isNaN && product[1].isNaN && product[2] == .infinity && product[3].isNaN)
    #expect(zip(product, reference).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }
}
