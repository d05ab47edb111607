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
    let (a, b) = (self, other)
    if a.rank < 2 || b.rank < 2 {
      fail("matmul: needs at least 2 axes on both sides, got \(a.shape) · \(b.shape)")
    }
    let (n, k, m) = (a.shape[a.rank - 2], a.shape[a.rank - 1], b.shape[b.rank - 1])
    if b.shape[b.rank - 2] != k {
      fail("matmul: inner dimensions differ, \(a.shape) · \(b.shape) (\(k) vs \(b.shape[b.rank - 2]))")
    }
    let batch = Shape.broadcast(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)), operation: "matmul")
    let shape = batch + [n, m]
    // BLAS writes every entry (β = 0), so the buffer need not be zero-filled first — except
    // when k = 0, where the product is all zeros and BLAS is not called.
    let total = shape.reduce(1, *)
    var values =
      k == 0
      ? [Double](repeating: 0, count: total)
      : [Double](unsafeUninitializedCapacity: total) { _, count in count = total }
    // Offsets of each batch entry's matrix inside a and b (0 strides where broadcast).
    let aStrides = Shape.broadcastStrides(Array(a.shape.dropLast(2)), to: batch)
    let bStrides = Shape.broadcastStrides(Array(b.shape.dropLast(2)), to: batch)
    // With an empty side the product is all zeros (or empty); BLAS rejects zero leading sizes.
    if n > 0, m > 0, k > 0 {
      a.scalars.withUnsafeBufferPointer { av in
        b.scalars.withUnsafeBufferPointer { bv in
          values.withUnsafeMutableBufferPointer { cv in
            Shape.forEachOffset(batch, aStrides, bStrides) { i, ia, ib in
              // C[n×m] = 1·A[n×k]·B[k×m] + 0·C, all row-major.
              cblas_dgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(m), Int32(k),
                1, av.baseAddress! + ia * n * k, Int32(k), bv.baseAddress! + ib * k * m, Int32(m),
                0, cv.baseAddress! + i * n * m, Int32(m))
            }
          }
        }
      }
    }
    return Tensor.result(of: "matmul", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [g.matmul(b.transposed()).summed(toShape: a.shape), a.transposed().matmul(g).summed(toShape: b.shape)]
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
