// MatrixProduct.swift — a kernel: the loops and library calls behind `Tensor.product`, the
// matrix product of Core/Tensor+Matmul.swift.
//
// Each matrix of a batch is one product C = op(A)·op(B). Small ones run in a fixed order of
// additions (FixedOrderProduct.swift: the same bits on every CPU); a training step's sizes in
// register tiles where the CPU has AVX-512 (TiledProduct.swift); the rest through OpenBLAS's
// `cblas_dgemm`, which reads the transposes in place (no copy) through its flags. Each product runs
// on one thread, so a batch is split between two threads by entry, and a single large product
// splits its own work in two. KernelTests holds every path to `referenceMatmul`, the textbook
// triple loop (and the tiled one to its own definition, bit for bit).

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
          // The tiled kernel (TiledProduct.swift) where the CPU has it and the size suits it.
          let tiled = n * m * k >= fixedOrderLimit && tiledProductTakes(n: n, m: m, k: k)
          // Every product below runs on one thread, so a batch is split between two threads here,
          // and a single large product splits its own work.
          inHalves(entries.count, elements: total) { range in
            for (i, ia, ib) in entries[range] {
              let (a, b, c) = (av.value + ia * n * k, bv.value + ib * k * m, cv.value + i * n * m)
              if n * m * k < fixedOrderLimit {
                // Small: the same bits on every CPU (Kernels/FixedOrderProduct.swift).
                fixedOrderProduct(a, transposeA: transposeA, b, transposeB: transposeB, n: n, m: m, k: k, into: c)
                continue
              }
              openBLASProducts.add(1, ordering: .relaxed)  // (bits that depend on the CPU: tiled or BLAS)
              let split = entries.count == 1 && n * m * k >= 1 << 20
              if tiled {
                tiledProduct(
                  a, transposeA: transposeA, b, transposeB: transposeB, n: n, m: m, k: k, into: c, split: split)
              } else {
                openBLASProduct(
                  a, transposeA: transposeA, columns: aColumns, b, transposeB: transposeB, columns: bColumns,
                  n: n, m: m, k: k, into: c, split: split)
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

/// C[n×m] = 1·op(A)·op(B) + 0·C by OpenBLAS's `cblas_dgemm`, all row-major (the leading dimension
/// of a stored matrix is its own column count, transposed or not): on two threads when `split`, as
/// two products of half the rows each (or half the columns, for one row).
///
/// OpenBLAS is told to run each call on one thread. Its own workers wait for work by spinning on the
/// cores, as ``SecondThread`` does, and on two cores the two pools took turns at the second core:
/// every tiled product and every split kernel then paid for OpenBLAS's spinning, and every OpenBLAS
/// call for the other's. With one pool, Autograd's, the products are split here instead.
func openBLASProduct(
  _ a: UnsafePointer<Double>, transposeA: Bool, columns aColumns: Int, _ b: UnsafePointer<Double>,
  transposeB: Bool, columns bColumns: Int, n: Int, m: Int, k: Int, into c: UnsafeMutablePointer<Double>, split: Bool
) {
  let (a, b, c) = (UnsafeSendable(a), UnsafeSendable(b), UnsafeSendable(c))
  let part = { @Sendable (rows: Range<Int>, columns: Range<Int>) in
    // op(A)'s rows start a row of A in, or a column when A is stored transposed; op(B)'s columns likewise.
    let aStart = transposeA ? rows.lowerBound : rows.lowerBound * aColumns
    let bStart = transposeB ? columns.lowerBound * bColumns : columns.lowerBound
    openblas_set_num_threads(1)
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(rows.count), Int32(columns.count), Int32(k), 1, a.value + aStart, Int32(aColumns), b.value + bStart,
      Int32(bColumns), 0, c.value + rows.lowerBound * m + columns.lowerBound, Int32(m))
  }
  if !split {
    part(0..<n, 0..<m)
  } else if n > 1 {
    inHalves(n, elements: n * m * k) { part($0, 0..<m) }
  } else {
    inHalves(m, elements: n * m * k) { part(0..<n, $0) }
  }
}
