// FixedOrderProduct.swift — small matrix products computed in one fixed order of additions, so
// that every CPU gives the same bits.
//
// OpenBLAS picks its kernel by CPU (or by OPENBLAS_CORETYPE), and each kernel adds up the k
// products of an entry in its own order — in blocks of its own width, with or without fused
// multiply-adds — so the same product can differ in its last bits from one machine to the next.
// Training amplifies such differences until a printed accuracy changes. Below
// ``fixedOrderLimit`` multiply-adds a plain loop costs about what the BLAS call does, and its
// order is the textbook one, ``referenceMatmul``'s:
//
//     c[i][j] = (…((0 + a[i][0]·b[0][j]) + a[i][1]·b[1][j]) + …) + a[i][k−1]·b[k−1][j]
//
// Multiplication and addition are IEEE-754 operations that Swift neither reorders nor fuses, so
// this is the same number on x86-64 and arm64 alike. Larger products go to the tiled kernel or to
// BLAS, which are far faster there; those are the benchmarks' sizes, not the chapters'.

import CLanes
import Synchronization

private let fixedOrderLimitStorage = Atomic<Int>(1 << 17)

/// Products with fewer multiply-adds (n·m·k) than this are computed by ``fixedOrderProduct``.
var fixedOrderLimit: Int { fixedOrderLimitStorage.load(ordering: .relaxed) }

/// How many matrix products this process has computed outside the fixed order: those at or above
/// ``fixedOrderProductLimit``, handed to OpenBLAS or (on AVX-512) to the tiled kernel, whose last
/// bits depend on the CPU. A program that must not depend on them can check that it stayed 0
/// (every chapter's command does).
public var productsOutsideFixedOrder: Int { openBLASProducts.load(ordering: .relaxed) }

/// The count of ``productsOutsideFixedOrder``, under its old name, which said less than it counts
/// (the tiled kernel's products too).
@available(*, deprecated, renamed: "productsOutsideFixedOrder")
public var openBLASProductCount: Int { productsOutsideFixedOrder }

let openBLASProducts = Atomic<Int>(0)

/// Matrix products with fewer multiply-adds (n·m·k) than this are computed in one fixed order of
/// additions, the same bits on every CPU; larger ones go to the tiled kernel (on AVX-512) or to
/// OpenBLAS, which add in their own orders (faster, but the last bits depend on the CPU). A batch of matrices times one shared
/// matrix (a layer applied to a batch of sequences) counts as one product of the stacked rows. The
/// default, 2¹⁷, covers every product of chapters 00–09. A program whose results must be identical everywhere, whatever the
/// sizes (chapter 10's GPT), raises it, at the price of speed on large products:
///
/// ```swift
/// fixedOrderProductLimit = .max
/// ```
public var fixedOrderProductLimit: Int {
  get { fixedOrderLimitStorage.load(ordering: .relaxed) }
  set {
    if newValue < 0 { fail("fixedOrderProductLimit: the limit must be ≥ 0, got \(newValue)") }
    fixedOrderLimitStorage.store(newValue, ordering: .relaxed)
  }
}

/// C[n×m] = op(A)·op(B), where A is stored [n, k] (or [k, n] when `transposeA`) and B is stored
/// [k, m] (or [m, k] when `transposeB`), all row-major. Writes every entry of C.
///
/// The loop is in C (`clanes_product`, Sources/CLanes/Lanes.cpp) so that it runs on the widest
/// vectors the CPU has: for each row i of C and each p in order, C[i][j] += op(A)[i][p]·B[p][j]
/// across j — each entry still summed term by term from 0, a multiplication and an addition each
/// (no fused multiply-add), so every width gives referenceMatmul's bits (FixedOrderProductTests
/// checks each width this CPU runs).
func fixedOrderProduct(
  _ a: UnsafePointer<Double>, transposeA: Bool, _ b: UnsafePointer<Double>, transposeB: Bool,
  n: Int, m: Int, k: Int, into c: UnsafeMutablePointer<Double>
) {
  clanes_product(a, transposeA ? 1 : 0, b, transposeB ? 1 : 0, n, m, k, c)
}
