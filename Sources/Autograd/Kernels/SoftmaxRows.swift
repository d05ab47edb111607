// SoftmaxRows.swift — a kernel: the values of softmax and log-softmax (Core/Tensor+Softmax.swift),
// one slice at a time.
//
// The formula as tensor operations, (x − m).exp() / (x − m).exp().sum(axis:), passes over the
// tensor five times and makes four temporaries. Here each slice is read once into a small buffer,
// its exponentials taken a vector at a time, summed in order and divided: the same operations
// on the same values, so the same bits (KernelTests compares the two). Along the last axis, rows go
// four at a time (byRowGroups); a large tensor's slices are split between two threads.

/// The work on one slice: its values in `a` (and `b`), its results into `out`, each slice's values
/// `stride` apart, with room for one slice in `scratch`.
typealias SliceBody =
  @Sendable (
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ stride: Int,
    _ scratch: UnsafeMutablePointer<Double>
  ) -> Void

/// The work on four contiguous rows at once (`a`, `b` and `out` at the first row's first value, the
/// rows one after the other), with room for four rows in `scratch`.
typealias RowGroupBody =
  @Sendable (
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ scratch: UnsafeMutablePointer<Double>
  ) -> Void

extension Tensor {
  /// Along `axis` (a normalized axis), each slice's softmax e^(xⱼ − m) / Σₖ e^(xₖ − m), or with
  /// `log` its logarithm xⱼ − m − log Σₖ e^(xₖ − m), where m = max x.
  func softmaxValues(axis: Int, log: Bool) -> [Double] {
    let size = shape[axis]
    let slice: SliceBody = { x, _, y, stride, e in
      var m = -Double.infinity
      for j in 0..<size { m = Swift.max(m, x[j * stride]) }
      for j in 0..<size { e[j] = x[j * stride] - m }
      Kernels.exp(e, e, size)
      var total = 0.0
      for j in 0..<size { total += e[j] }
      if log {
        let logTotal = portableLog(total)
        for j in 0..<size { y[j * stride] = x[j * stride] - m - logTotal }
      } else {
        for j in 0..<size { y[j * stride] = e[j] / total }
      }
    }
    guard axis == rank - 1 else { return Tensor.bySlices(self, nil, axis: axis, slice) }
    // The same operations on four rows side by side (see byRowGroups).
    return Tensor.byRowGroups(self, nil, size: size, slice) { x, _, y, e in
      var m = SIMD4<Double>(repeating: -.infinity)
      for j in 0..<size {
        let v = SIMD4(x[j], x[size + j], x[2 * size + j], x[3 * size + j])
        m.replace(with: v, where: v .>= m)  // Swift.max(m, v) is v >= m ? v : m
      }
      for r in 0..<4 {
        let (x, e) = (x + r * size, e + r * size)  // (row pointers: no index arithmetic in the loop)
        for j in 0..<size { e[j] = x[j] - m[r] }
      }
      Kernels.exp(e, e, 4 * size)
      var total = SIMD4<Double>(repeating: 0)
      for j in 0..<size { total += SIMD4(e[j], e[size + j], e[2 * size + j], e[3 * size + j]) }
      for r in 0..<4 {
        let (x, e, y) = (x + r * size, e + r * size, y + r * size)
        if log {
          let logTotal = portableLog(total[r])
          for j in 0..<size { y[j] = x[j] - m[r] - logTotal }
        } else {
          for j in 0..<size { y[j] = e[j] / total[r] }
        }
      }
    }
  }

  /// The backward rule of ``softmax(axis:)`` (this tensor its output y) in one pass, when it is not
  /// recorded: ∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖyₖ) along `axis`, with the tensor rule's operations in its order.
  func softmaxGradient(_ g: Tensor, axis: Int) -> Tensor {
    let size = shape[axis]
    let slice: SliceBody = { y, g, out, stride, _ in
      var dot = 0.0
      for j in 0..<size { dot += g[j * stride] * y[j * stride] }
      for j in 0..<size { out[j * stride] = y[j * stride] * (g[j * stride] - dot) }
    }
    guard axis == rank - 1 else { return Tensor(shape: shape, scalars: Tensor.bySlices(self, g, axis: axis, slice)) }
    let values = Tensor.byRowGroups(self, g, size: size, slice) { y, g, out, _ in
      var dot = SIMD4<Double>(repeating: 0)
      for j in 0..<size {
        let (gj, yj) = (
          SIMD4(g[j], g[size + j], g[2 * size + j], g[3 * size + j]),
          SIMD4(y[j], y[size + j], y[2 * size + j], y[3 * size + j])
        )
        dot += gj * yj
      }
      for r in 0..<4 {
        let (y, g, out) = (y + r * size, g + r * size, out + r * size)
        for j in 0..<size { out[j] = y[j] * (g[j] - dot[r]) }
      }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// The backward rule of ``logSoftmax(axis:)`` (this tensor its output y) in one pass, when it is
  /// not recorded: ∂L/∂xⱼ = gⱼ − e^(yⱼ) Σₖ gₖ along `axis`, with the tensor rule's operations.
  func logSoftmaxGradient(_ g: Tensor, axis: Int) -> Tensor {
    let size = shape[axis]
    let values = Tensor.bySlices(self, g, axis: axis) { y, g, out, stride, e in
      var total = 0.0
      for j in 0..<size { total += g[j * stride] }
      for j in 0..<size { e[j] = y[j * stride] }
      Kernels.exp(e, e, size)
      for j in 0..<size { out[j * stride] = g[j * stride] - e[j] * total }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// A new array of `a`'s count, written slice by slice along `axis` by `body` (each slice's first
  /// value, its others `inner` apart). Slices are independent, so a large tensor's are split between
  /// two threads.
  private static func bySlices(_ a: Tensor, _ b: Tensor?, axis: Int, _ body: @escaping SliceBody) -> [Double] {
    let (outer, size, inner) = Shape.split(a.shape, at: axis)
    return withPointers(a, b, count: outer * inner, scratch: size) { x, z, out, slices, scratch in
      for slice in slices {
        let first = (slice / inner) * size * inner + slice % inner  // then first + inner, …
        body(x + first, z + first, out + first, inner, scratch)
      }
    }
  }

  /// A new array of `a`'s count, written row by row along its last axis (rows of `size` values):
  /// four rows at a time by `group`, the rows left over by `single`, one at a time.
  ///
  /// A row's maximum, sum or dot product is a chain of operations each waiting for the one before.
  /// `group` runs four rows side by side in the lanes of a SIMD4, which keeps the CPU busy, while
  /// each row's operations keep their order, so the results are `single`'s bits (KernelTests
  /// compares both with the tensor formulas).
  private static func byRowGroups(
    _ a: Tensor, _ b: Tensor?, size: Int, _ single: @escaping SliceBody, _ group: @escaping RowGroupBody
  ) -> [Double] {
    let rows = size == 0 ? 0 : a.count / size
    return withPointers(a, b, count: rows, scratch: 4 * size) { x, z, out, rows, scratch in
      var row = rows.lowerBound
      while row + 4 <= rows.upperBound {
        group(x + row * size, z + row * size, out + row * size, scratch)
        row += 4
      }
      for row in row..<rows.upperBound { single(x + row * size, z + row * size, out + row * size, 1, scratch) }
    }
  }

  /// A new array of `a`'s count, written by `body` over `0..<count` pieces of work, split between two
  /// threads for a large tensor: `a`'s (and `b`'s) values, the array, the pieces, and room for
  /// `scratch` values per thread.
  private static func withPointers(
    _ a: Tensor, _ b: Tensor?, count: Int, scratch: Int,
    _ body:
      @escaping @Sendable (
        UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Range<Int>,
        UnsafeMutablePointer<Double>
      ) -> Void
  ) -> [Double] {
    let second = b?.scalars ?? a.scalars
    return pooledArray(a.count) { out in
      guard let outStart = out.baseAddress else { return }
      a.scalars.withUnsafeBufferPointer { x in
        second.withUnsafeBufferPointer { z in
          let (x, z, out) = (UnsafeSendable(x.baseAddress!), UnsafeSendable(z.baseAddress!), UnsafeSendable(outStart))
          inHalves(count, elements: a.count) { pieces in
            let room = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(scratch, 1))
            defer { room.deallocate() }
            body(x.value, z.value, out.value, pieces, room)
          }
        }
      }
    }
  }
}
