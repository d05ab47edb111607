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
    _ = Shape.count(batch + [n, m], operation: "matmul")  // stops, with a message, on a result too large
    let (aColumns, bColumns) = (a.shape[a.rank - 1], b.shape[b.rank - 1])
    let stacked = batch.reduce(1, *) * n
    if !transposeA, b.rank == 2, !batch.isEmpty, stacked * m * k >= fixedOrderLimit {
      // A stack of matrices times one shared matrix (a layer's x·Wᵀ on a batch of sequences) is
      // one product with the rows stacked, [batch·n, k]·[k, m], and large enough for OpenBLAS: one
      // call instead of one a matrix. (Below the limit each row of C is computed alone in fixed
      // order, stacked or not, so nothing would change.)
      return products(
        a.scalars, columns: aColumns, transposeA: false, b.scalars, columns: bColumns, transposeB: transposeB,
        entries: [(0, 0, 0)], n: stacked, m: m, k: k)
    }
    // Which matrices of a and b each batch entry multiplies (0 strides where broadcast).
    let aStrides = Shape.broadcastStrides(Array(a.shape.dropLast(2)), to: batch)
    let bStrides = Shape.broadcastStrides(Array(b.shape.dropLast(2)), to: batch)
    var entries: [(Int, Int, Int)] = []  // per batch entry: the indices of its C, A and B matrices
    Shape.forEachOffset(batch, aStrides, bStrides) { entries.append(($0, $1, $2)) }
    return products(
      a.scalars, columns: aColumns, transposeA: transposeA, b.scalars, columns: bColumns, transposeB: transposeB,
      entries: entries, n: n, m: m, k: k)
  }

  /// C[i] = op(A[ia])·op(B[ib]) for each (i, ia, ib) of `entries`, the indices of [n, m], [n, k]
  /// and [k, m] matrices (as stored: [k, n] and [m, k] when transposed) in `c`, `a` and `b`;
  /// `columns` is each stored matrix's column count.
  static func products(
    _ a: [Double], columns aColumns: Int, transposeA: Bool, _ b: [Double], columns bColumns: Int,
    transposeB: Bool, entries: [(Int, Int, Int)], n: Int, m: Int, k: Int
  ) -> [Double] {
    let total = entries.count * n * m
    // BLAS writes every entry (β = 0), so the buffer need not be zero-filled first — except
    // when k = 0, where the product is all zeros and BLAS is not called.
    var values = k == 0 ? pooledZeros(total) : pooledArray(total) { _ in }
    // With an empty side the product is all zeros (or empty); BLAS rejects zero leading sizes.
    guard n > 0, m > 0, k > 0 else { return values }
    a.withUnsafeBufferPointer { av in
      b.withUnsafeBufferPointer { bv in
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
    return values
  }
}

extension Tensor {
  /// The gradient of `b`, a matrix of rank 2 that multiplied every matrix of a batch `a` (a layer's
  /// weights on a batch of sequences, `a`·`b` or `a`·`b`ᵀ), from the product's gradient `g`: the
  /// sum over the batch of each entry's gradient, which with the rows of `a` and `g` stacked is one
  /// product, Aᵀ·G or Gᵀ·A. Nil for any other product, and where the stacked product is below
  /// ``fixedOrderLimit``: there the entries' products and their sum are computed one by one in
  /// fixed order (the stacked product would add in another order).
  static func stackedWeightGradient(_ a: Tensor, _ b: Tensor, _ g: Tensor, transposeA: Bool, transposeB: Bool)
    -> Tensor?
  {
    let (k, m) = (a.shape[a.rank - 1], g.shape[g.rank - 1])
    let stacked = a.count / Swift.max(k, 1)
    guard !transposeA, b.rank == 2, a.rank > 2, stacked * m * k >= fixedOrderLimit else { return nil }
    // b·… = Aᵀ·G is [k, m]; with b transposed, Gᵀ·A is [m, k].
    let (left, right) = transposeB ? (g, a) : (a, g)
    if isRecordingGradients {  // a product of the graph, to be differentiated again
      let rows = { (t: Tensor) in t.reshaped([stacked, t.shape[t.rank - 1]]) }
      return product(rows(left), rows(right), transposeA: true, transposeB: false)
    }
    let (columns, rightColumns) = (left.shape[left.rank - 1], right.shape[right.rank - 1])
    let values = products(
      left.scalars, columns: columns, transposeA: true, right.scalars, columns: rightColumns, transposeB: false,
      entries: [(0, 0, 0)], n: columns, m: rightColumns, k: stacked)
    return Tensor(shape: [columns, rightColumns], scalars: values)
  }
}
