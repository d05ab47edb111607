// Tensor+Matmul.swift — the matrix product and its backward rule.
//
// Shapes: a [..., n, k] · b [..., k, m] → [..., n, m]; the leading (batch) axes broadcast.
// The definition is the textbook triple loop, `textbookProductValues` at the end of the file; in
// the fast mode the products run through Kernels/MatrixProduct.swift instead (the same loop on the
// CPU's widest vectors for small ones, register tiles on AVX-512 or OpenBLAS for large ones), which
// the tests hold to that definition.

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
    let values =
      Kernels.enabled
      ? productValues(a, b, transposeA: transposeA, transposeB: transposeB, batch: batch, n: n, m: m, k: k)
      : textbookProductValues(a, b, transposeA: transposeA, transposeB: transposeB, batch: batch, n: n, m: m, k: k)
    return Tensor.result(of: "matmul", shape: batch + [n, m], scalars: values, inputs: [a, b]) { _, g in
      // Each gradient's product as (left, transposed?, right, transposed?), from the table above.
      let (dA, dB) =
        switch (transposeA, transposeB) {
        case (false, false): ((g, false, b, true), (a, true, g, false))  // G·Bᵀ, Aᵀ·G
        case (false, true): ((g, false, b, false), (g, true, a, false))  // G·B, Gᵀ·A
        case (true, false): ((b, false, g, true), (a, false, g, false))  // B·Gᵀ, A·G
        case (true, true): ((b, true, g, true), (g, true, a, true))  // Bᵀ·Gᵀ, Gᵀ·Aᵀ
        }
      // Each side's product is computed only if that side wants a gradient (an input batch x
      // of a first layer does not), and summed over batch axes that were broadcast.
      return [
        a.requiresGrad ? product(dA.0, dA.2, transposeA: dA.1, transposeB: dA.3).summed(toShape: a.shape) : nil,
        b.requiresGrad
          ? sharedMatrixGradient(a, b, g, transposeA: transposeA, transposeB: transposeB)
            ?? product(dB.0, dB.2, transposeA: dB.1, transposeB: dB.3).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// The fast path of ∂L/∂B for a matrix B that a whole batch A shared (a layer's weights on a
  /// batch of sequences): the batch's sum as one product of the stacked rows, Aᵀ·G or Gᵀ·A
  /// (Kernels/MatrixProduct.swift). Nil, and so the definition above, in the reference mode and
  /// wherever that product would be computed in fixed order anyway.
  private static func sharedMatrixGradient(_ a: Tensor, _ b: Tensor, _ g: Tensor, transposeA: Bool, transposeB: Bool)
    -> Tensor?
  {
    Kernels.enabled ? stackedWeightGradient(a, b, g, transposeA: transposeA, transposeB: transposeB) : nil
  }

  /// The values of op(A)·op(B) for every entry of `batch` (A and B broadcast over it), op(A) [n, k]
  /// and op(B) [k, m], by the textbook loop: each entry summed from 0 in the order of p,
  ///
  /// ```
  /// C[i][j] = (…((0 + op(A)[i][0]·op(B)[0][j]) + op(A)[i][1]·op(B)[1][j]) + …) + op(A)[i][k−1]·op(B)[k−1][j]
  /// ```
  /// The definition of the product: the reference mode runs it, and every fast path is tested
  /// against it (bit for bit where its order is the same, to a tolerance for OpenBLAS's).
  static func textbookProductValues(
    _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool, batch: [Int], n: Int, m: Int, k: Int
  ) -> [Double] {
    _ = Shape.count(batch + [n, m], operation: "matmul")  // stops, with a message, on a result too large
    let aStrides = Shape.broadcastStrides(Array(a.shape.dropLast(2)), to: batch)
    let bStrides = Shape.broadcastStrides(Array(b.shape.dropLast(2)), to: batch)
    var values = [Double](repeating: 0, count: batch.reduce(1, *) * n * m)
    guard !values.isEmpty, k > 0 else { return values }  // an empty side: all zeros, or nothing
    // op(B) as a [k, m] matrix, its rows read in order below (B itself unless it is transposed).
    var rowsOfB = [Double](repeating: 0, count: transposeB ? k * m : 0)
    a.scalars.withUnsafeBufferPointer { x in
      b.scalars.withUnsafeBufferPointer { y in
        values.withUnsafeMutableBufferPointer { c in
          Shape.forEachOffset(batch, aStrides, bStrides) { entry, ia, ib in
            let (x, y, c) = (x.baseAddress! + ia * n * k, y.baseAddress! + ib * k * m, c.baseAddress! + entry * n * m)
            // Row i of C collects one term of every entry at each p in turn: each entry is still
            // the sum above, from 0 in the order of p.
            func multiply(byRows y: UnsafePointer<Double>) {
              for i in 0..<n {
                let row = c + i * m  // C[i][·]
                for p in 0..<k {
                  let (aip, rowOfB) = (transposeA ? x[p * n + i] : x[i * k + p], y + p * m)  // op(A)[i][p], op(B)[p][·]
                  for j in 0..<m { row[j] += aip * rowOfB[j] }
                }
              }
            }
            guard transposeB else { return multiply(byRows: y) }
            for p in 0..<k { for j in 0..<m { rowsOfB[p * m + j] = y[j * k + p] } }  // op(B)[p][j] = B[j][p]
            rowsOfB.withUnsafeBufferPointer { multiply(byRows: $0.baseAddress!) }
          }
        }
      }
    }
    return values
  }
}

/// The matrix product of two rank-2 tensors by the textbook triple loop, no BLAS and no graph:
/// an algorithmic reference that the fast ``Tensor/matmul(_:)`` is tested against, and what the
/// reference mode (``ExecutionMode/reference``) computes.
///
/// ```
/// Cᵢⱼ = Σₖ Aᵢₖ Bₖⱼ
/// ```
public func referenceMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
  if a.rank != 2 || b.rank != 2 || a.shape[1] != b.shape[0] {
    fail("referenceMatmul: needs [n, k] · [k, m], got \(a.shape) · \(b.shape)")
  }
  let (n, k, m) = (a.shape[0], a.shape[1], b.shape[1])
  let values = Tensor.textbookProductValues(a, b, transposeA: false, transposeB: false, batch: [], n: n, m: m, k: k)
  return Tensor(shape: [n, m], scalars: values)
}
