// MatrixProduct.swift — a kernel: the loops and library calls behind `Tensor.product`, the
// matrix product of Core/Tensor+Matmul.swift.
//
// Each matrix of a batch is one product C = op(A)·op(B). Small ones run in a fixed order of
// additions (FixedOrderProduct.swift: the same bits on every CPU), large ones through OpenBLAS's
// `cblas_dgemm`, which reads the transposes in place (no copy) through its flags. A batch of small
// products (attention's heads) is split between two threads here, since OpenBLAS runs each of them
// on one. KernelTests holds every path to `referenceMatmul`, the textbook triple loop.

import COpenBLAS

extension Tensor {
  /// The values of op(A)·op(B) for every entry of `batch` (A and B broadcast over it), where op(A)
  /// is [n, k] and op(B) is [k, m].
  static func productValues(
    _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool, batch: [Int], n: Int, m: Int, k: Int
  ) -> [Double] {
    let stacked = batch.reduce(1, *) * n
    if !transposeA, b.rank == 2, !batch.isEmpty, stacked * m * k >= fixedOrderLimit {
      // A stack of matrices times one shared matrix (a layer's x·Wᵀ on a batch of sequences) is
      // one product with the rows stacked, [batch·n, k]·[k, m], and large enough for OpenBLAS: one
      // call instead of one a matrix. (Below the limit each row of C is computed alone in fixed
      // order, stacked or not, so nothing would change.)
      let rows = Tensor(shape: [stacked, a.shape[a.rank - 1]], scalars: a.scalars)
      return productValues(rows, b, transposeA: false, transposeB: transposeB, batch: [], n: stacked, m: m, k: k)
    }
    let shape = batch + [n, m]
    let (aColumns, bColumns) = (a.shape[a.rank - 1], b.shape[b.rank - 1])
    // BLAS writes every entry (β = 0), so the buffer need not be zero-filled first — except
    // when k = 0, where the product is all zeros and BLAS is not called.
    let total = Shape.count(shape, operation: "matmul")
    var values = k == 0 ? pooledZeros(total) : pooledArray(total) { _ in }
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
    return values
  }
}

extension Tensor {
  /// The gradient of a matrix `b` of rank 2 that multiplied every matrix of a batch `a` (a layer's
  /// weights on a batch of sequences): the sum over the batch of each entry's gradient, which with
  /// the rows of `a` and `g` stacked is one product, Aᵀ·G or Gᵀ·A as the rule asks. Nil when the
  /// stacked product is below ``fixedOrderLimit``: there the entries' products and their sum are
  /// computed one by one in fixed order (the stacked product would add in another order).
  static func stackedWeightGradient(_ a: Tensor, _ g: Tensor, transposedResult: Bool) -> Tensor? {
    let (k, m) = (a.shape[a.rank - 1], g.shape[g.rank - 1])
    let stacked = a.count / Swift.max(k, 1)
    guard a.rank > 2, stacked * m * k >= fixedOrderLimit else { return nil }
    let rowsA = a.reshaped([stacked, k])
    let rowsG = g.reshaped([stacked, m])
    return transposedResult
      ? product(rowsG, rowsA, transposeA: true, transposeB: false)  // Gᵀ·A, [m, k]
      : product(rowsA, rowsG, transposeA: true, transposeB: false)  // Aᵀ·G, [k, m]
  }
}
