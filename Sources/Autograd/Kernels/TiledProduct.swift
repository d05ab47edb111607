// TiledProduct.swift — a kernel: matrix products between the fixed-order loop's sizes and the
// very large ones, computed in register tiles on AVX-512 (Sources/CLanes/Lanes.cpp).
//
// A training step's products (a batch of 128 rows through layers of 256) are too small for
// OpenBLAS to share well between two threads: its workers meet and part for every call, and it
// clears each result before adding into it. This kernel gives each thread half of C's columns (or
// of its rows, when C is narrow): the thread copies its columns of op(B) into panels of 16, then,
// for each block of 12 rows of op(A), computes the 12 × 16 tiles, each entry held in a register
// while p runs. Each entry is the chain
//
//     c[i][j] = fma(a[i][k−1], b[k−1][j], …fma(a[i][1], b[1][j], fma(a[i][0], b[0][j], 0))…)
//
// one rounding per term, in order — the same on every CPU with AVX-512, though not the same as
// the fixed-order loop's (which rounds the product and the sum apart) nor as OpenBLAS's. KernelTests
// holds it to that definition, bit for bit, over shapes that reach every edge of the tiles.

import CLanes

/// Whether ``tiledProduct`` takes a product of these sizes: on a CPU with AVX-512, from 2¹⁸ to
/// 2²⁵ multiply-adds, with k ≤ 1024 and at least two blocks of 12 rows. Below 2¹⁸, OpenBLAS's kernel
/// for small matrices costs less than sharing the work between threads; above 2²⁵, its blocking for
/// the caches is faster; and with fewer rows, copying B into panels costs about as much as the
/// product itself.
func tiledProductTakes(n: Int, m: Int, k: Int) -> Bool {
  tiledProductRuns && (1 << 18..<1 << 25).contains(n * m * k) && k <= 1024 && n >= 24
}

private let tiledProductRuns = clanes_runs(8) == 1

/// C[n×m] = op(A)·op(B), stored as for ``fixedOrderProduct``, by the tiled kernel; on two threads
/// when `split` (a single product), else on this one (a batch's products, already split by entry).
func tiledProduct(
  _ a: UnsafePointer<Double>, transposeA: Bool, _ b: UnsafePointer<Double>, transposeB: Bool,
  n: Int, m: Int, k: Int, into c: UnsafeMutablePointer<Double>, split: Bool
) {
  let (a, b, c) = (UnsafeSendable(a), UnsafeSendable(b), UnsafeSendable(c))
  let tiles = { @Sendable (blocks: Range<Int>, panels: Range<Int>) in
    _ = clanes_tiled_product(
      a.value, transposeA ? 1 : 0, b.value, transposeB ? 1 : 0, n, m, k, c.value, blocks.lowerBound,
      blocks.upperBound, panels.lowerBound, panels.upperBound)
  }
  let (blocks, panels) = (clanes_tiled_row_blocks(n), clanes_tiled_panels(m))
  // Each thread copies the panels of B it reads and reads A where it is stored, so halves of the
  // panels copy nothing twice; C with a single panel is cut into halves of its row blocks instead.
  if !split {
    tiles(0..<blocks, 0..<panels)
  } else if panels > 1 {
    inHalves(panels, elements: n * m * k) { tiles(0..<blocks, $0) }
  } else {
    inHalves(blocks, elements: n * m * k) { tiles($0, 0..<panels) }
  }
}
