// Tensor+Matmul.swift — matrix products through OpenBLAS, with a plain loop kept beside it.
//
// Shapes: a [..., n, k] · b [..., k, m] → [..., n, m]; the leading (batch) axes broadcast.

import COpenBLAS

extension Tensor {
  /// The matrix product over the last two axes, batched and broadcast over leading axes.
  ///
  /// ```
  /// C = A·B            ∂L/∂A = G·Bᵀ            ∂L/∂B = Aᵀ·G
  /// ```
  /// (summed over batch axes that were broadcast). The backward products are matmuls too,
  /// so they run through BLAS and can themselves be differentiated.
  public func matmul(_ other: Tensor) -> Tensor {
    Tensor.product(self, other, transposeA: false, transposeB: false)
  }

  /// self · otherᵀ (the last two axes of `other` swapped), without copying the transpose:
  /// BLAS reads `other` transposed. `x.matmul(transposing: W)` is a layer's x·Wᵀ, and
  /// `q.matmul(transposing: k)` attention's scores.
  public func matmul(transposing other: Tensor) -> Tensor {
    Tensor.product(self, other, transposeA: false, transposeB: true)
  }

  /// op(A)·op(B) with op a transpose of the last two axes where asked; BLAS does the
  /// transposing as it reads, which is why these flags exist at all.
  ///
  /// With G = ∂L/∂C, the four cases of the backward rule are the same product rule read with
  /// the transposes moved around:
  /// ```
  /// C = A·B     ∂A = G·Bᵀ     ∂B = Aᵀ·G          C = A·Bᵀ    ∂A = G·B      ∂B = Gᵀ·A
  /// C = Aᵀ·B    ∂A = B·Gᵀ     ∂B = A·G           C = Aᵀ·Bᵀ   ∂A = Bᵀ·Gᵀ    ∂B = Gᵀ·Aᵀ
  /// ```
  static func product(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> Tensor {
    if a.rank < 2 || b.rank < 2 {
      fail("matmul: needs at least 2 axes on both sides, got \(a.shape) · \(b.shape)")
    }
    // A is [n, k] once transposed as asked, B is [k, m].
    let (aRows, aColumns) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
    let (bRows, bColumns) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
    let (n, k) = transposeA ? (aColumns, aRows) : (aRows, aColumns)
    let (bk, m) = transposeB ? (bColumns, bRows) : (bRows, bColumns)
    if bk != k {
      let shown = { (t: Tensor, transposed: Bool) in "\(t.shape)\(transposed ? "ᵀ" : "")" }
      fail("matmul: inner dimensions differ, \(shown(a, transposeA)) · \(shown(b, transposeB)) (\(k) vs \(bk))")
    }
    let batch = Shape.broadcast(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)), operation: "matmul")
    let shape = batch + [n, m]
    // BLAS writes every entry (β = 0), so the buffer need not be zero-filled first — except
    // when k = 0, where the product is all zeros and BLAS is not called.
    let total = Shape.count(shape, operation: "matmul")
    var values =
      k == 0
      ? [Double](repeating: 0, count: total)
      : [Double](unsafeUninitializedCapacity: total) { _, count in count = total }
    // Offsets of each batch entry's matrix inside a and b (0 strides where broadcast).
    let aStrides = Shape.broadcastStrides(Array(a.shape.dropLast(2)), to: batch)
    let bStrides = Shape.broadcastStrides(Array(b.shape.dropLast(2)), to: batch)
    // With an empty side the product is all zeros (or empty); BLAS rejects zero leading sizes.
    if n > 0, m > 0, k > 0 {
      var offsets: [(Int, Int, Int)] = []  // per batch entry: where C, A and B start
      Shape.forEachOffset(batch, aStrides, bStrides) { offsets.append(($0, $1, $2)) }
      let entries = offsets
      a.scalars.withUnsafeBufferPointer { av in
        b.scalars.withUnsafeBufferPointer { bv in
          values.withUnsafeMutableBufferPointer { cv in
            let (av, bv, cv) = (
              UnsafeSendable(av.baseAddress!), UnsafeSendable(bv.baseAddress!), UnsafeSendable(cv.baseAddress!)
            )
            // OpenBLAS runs a product below 2¹⁸ multiply-adds on one thread, so a batch of them
            // (attention's heads) is split between two threads here; larger ones it threads itself.
            inHalves(entries.count, elements: n * m * k < 1 << 18 ? total : 0) { range in
              for (i, ia, ib) in entries[range] {
                if n * m * k < fixedOrderLimit {
                  // Small: the same bits on every CPU (Kernels/FixedOrderProduct.swift).
                  fixedOrderProduct(
                    av.value + ia * n * k, transposeA: transposeA, bv.value + ib * k * m, transposeB: transposeB,
                    n: n, m: m, k: k, into: cv.value + i * n * m)
                  continue
                }
                // C[n×m] = 1·op(A)·op(B) + 0·C, all row-major; the leading dimension of a stored
                // matrix is its own column count, transposed or not.
                openBLASProducts.add(1, ordering: .relaxed)
                cblas_dgemm(
                  CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                  Int32(n), Int32(m), Int32(k), 1, av.value + ia * n * k, Int32(aColumns),
                  bv.value + ib * k * m, Int32(bColumns), 0, cv.value + i * n * m, Int32(m))
              }
            }
          }
        }
      }
    }
    return Tensor.result(of: "matmul", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      let (dA, dB): (() -> Tensor, () -> Tensor)
      switch (transposeA, transposeB) {
      case (false, false):
        (dA, dB) = (
          { product(g, b, transposeA: false, transposeB: true) }, { product(a, g, transposeA: true, transposeB: false) }
        )
      case (false, true):
        (dA, dB) = (
          { product(g, b, transposeA: false, transposeB: false) },
          { product(g, a, transposeA: true, transposeB: false) }
        )
      case (true, false):
        (dA, dB) = (
          { product(b, g, transposeA: false, transposeB: true) },
          { product(a, g, transposeA: false, transposeB: false) }
        )
      case (true, true):
        (dA, dB) = (
          { product(b, g, transposeA: true, transposeB: true) }, { product(g, a, transposeA: true, transposeB: true) }
        )
      }
      // Each side's product is computed only if that side wants a gradient (an input batch x
      // of a first layer does not).
      return [
        a.requiresGrad ? dA().summed(toShape: a.shape) : nil, b.requiresGrad ? dB().summed(toShape: b.shape) : nil,
      ]
    }
  }
}

/// The matrix product of two rank-2 tensors by the textbook triple loop, no BLAS and no graph:
/// an algorithmic reference that the fast ``Tensor/matmul(_:)`` is tested against.
///
/// ```
/// Cᵢⱼ = Σₖ Aᵢₖ Bₖⱼ
/// ```
public func referenceMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
  if a.rank != 2 || b.rank != 2 || a.shape[1] != b.shape[0] {
    fail("referenceMatmul: needs [n, k] · [k, m], got \(a.shape) · \(b.shape)")
  }
  let (n, k, m) = (a.shape[0], a.shape[1], b.shape[1])
  var c = [Double](repeating: 0, count: n * m)
  for i in 0..<n {
    for j in 0..<m {
      for p in 0..<k { c[i * m + j] += a.scalars[i * k + p] * b.scalars[p * m + j] }
    }
  }
  return Tensor(shape: [n, m], scalars: c)
}
