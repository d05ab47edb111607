// Broadcasting.swift — a kernel: the broadcasting loops of Core/Tensor+Broadcasting.swift, written
// out for the shapes that training meets all the time, each one plain pass with no index arithmetic.
//
//   same shape                    a bias-free op between two activations
//   a tensor and one value        x * 2, 1 - y
//   a row repeated down a matrix  a bias added to every sample
//   one value per row             a row's sum or maximum kept as a column (softmax, norms)
//
// Any other shape goes to the plain definition. Every branch computes f on the same pairs of
// values as the definition, so the results are the same bits (KernelTests checks each branch).

extension Tensor {
  /// `f` on matching elements of `a` and `b` after broadcasting them to one shape: the shape and
  /// the values. Stops, naming `operation` and both shapes, when they do not broadcast.
  ///
  /// Always inlined, so each operator's `f` is compiled into its own plain loop (no call per element).
  @inline(__always)
  static func broadcastZip(
    _ operation: String, _ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double
  ) -> (shape: [Int], scalars: [Double]) {
    if a.shape == b.shape {
      let values = pooledArray(a.count) { out in
        a.scalars.withUnsafeBufferPointer { x in
          b.scalars.withUnsafeBufferPointer { y in
            for i in 0..<x.count { out[i] = f(x[i], y[i]) }
          }
        }
      }
      return (a.shape, values)
    }
    let shape = Shape.broadcast(a.shape, b.shape, operation: operation)
    if b.count == 1, shape == a.shape { return (shape, withScalar(a.scalars, b.scalars[0]) { x, y in f(x, y) }) }
    if a.count == 1, shape == b.shape { return (shape, withScalar(b.scalars, a.scalars[0]) { y, x in f(x, y) }) }
    if shape == a.shape, Array(a.shape.suffix(b.rank)) == b.shape {
      return (shape, repeatingRows(a.scalars, b.scalars) { x, row in f(x, row) })
    }
    if shape == b.shape, Array(b.shape.suffix(a.rank)) == a.shape {
      return (shape, repeatingRows(b.scalars, a.scalars) { x, row in f(row, x) })
    }
    if shape == a.shape, !a.shape.isEmpty, b.shape == Array(a.shape.dropLast()) + [1] {
      return (shape, perRow(a.scalars, b.scalars) { x, value in f(x, value) })
    }
    if shape == b.shape, !b.shape.isEmpty, a.shape == Array(b.shape.dropLast()) + [1] {
      return (shape, perRow(b.scalars, a.scalars) { x, value in f(value, x) })
    }
    return (shape, Broadcasting.zip(a, b, to: shape, f))
  }

  /// `f(x[i], y)` for every element of `x`.
  @inline(__always)
  static func withScalar(_ x: [Double], _ y: Double, _ f: (Double, Double) -> Double) -> [Double] {
    pooledArray(x.count) { out in
      x.withUnsafeBufferPointer { x in
        for i in 0..<x.count { out[i] = f(x[i], y) }
      }
    }
  }

  /// `f(x[i], row[i mod row.count])` for every element of `x`, whose length is a multiple of `row`'s.
  @inline(__always)
  static func repeatingRows(_ x: [Double], _ row: [Double], _ f: (Double, Double) -> Double) -> [Double] {
    pooledArray(x.count) { out in
      x.withUnsafeBufferPointer { x in
        row.withUnsafeBufferPointer { row in
          // A pointer to each row, so the inner loop has no index arithmetic to check for
          // overflow and compiles to vector instructions.
          let width = row.count
          for r in 0..<(width == 0 ? 0 : x.count / width) {
            let (input, output) = (x.baseAddress! + r * width, out.baseAddress! + r * width)
            for j in 0..<width { output[j] = f(input[j], row[j]) }
          }
        }
      }
    }
  }

  /// `f(x[i], values[i / width])` for every element of `x`, a matrix of `values.count` rows.
  @inline(__always)
  static func perRow(_ x: [Double], _ values: [Double], _ f: (Double, Double) -> Double) -> [Double] {
    pooledArray(x.count) { out in
      x.withUnsafeBufferPointer { x in
        values.withUnsafeBufferPointer { values in
          let width = values.count == 0 ? 0 : x.count / values.count
          for r in 0..<(width == 0 ? 0 : values.count) {  // (as repeatingRows: a pointer to each row)
            let (input, output, value) = (x.baseAddress! + r * width, out.baseAddress! + r * width, values[r])
            for j in 0..<width { output[j] = f(input[j], value) }
          }
        }
      }
    }
  }

  /// ``Broadcasting/repeated(_:from:to:)``; one value (a scalar's gradient), a row repeated down
  /// a matrix (a bias's shape) and one value per row (a kept axis of a reduction, spread back by its
  /// backward rule) are filled in one plain pass.
  static func broadcastRepeat(_ x: [Double], from source: [Int], to target: [Int]) -> [Double] {
    let count = target.reduce(1, *)
    if x.count == 1 {
      // One value everywhere (a sum's gradient): kept and shared (UniformArrays.swift); filled, the
      // first time, in a write-only pass worth two threads when large.
      let value = x[0]
      return uniformArray(value, count: count) {
        pooledArray(count) { out in
          let out = UnsafeSendable(out)
          inHalves(count) { range in UnsafeMutableBufferPointer(rebasing: out.value[range]).update(repeating: value) }
        }
      }
    }
    if !x.isEmpty, Array(target.suffix(source.count)) == source {
      return pooledArray(count) { out in
        x.withUnsafeBufferPointer { x in
          for start in stride(from: 0, to: count, by: x.count) {
            (out.baseAddress! + start).update(from: x.baseAddress!, count: x.count)  // one copy a row
          }
        }
      }
    }
    if !target.isEmpty, source == Array(target.dropLast()) + [1] {
      let width = target[target.count - 1]
      return pooledArray(count) { out in
        for row in 0..<(width == 0 ? 0 : x.count) {
          (out.baseAddress! + row * width).update(repeating: x[row], count: width)
        }
      }
    }
    return Broadcasting.repeated(x, from: source, to: target)
  }

  /// The sum of each of `rows` rows of `width` values, from its first value to its last. The sum is
  /// a chain of additions, each waiting for the one before, so four rows go side by side in the
  /// lanes of a SIMD4, each in its own order.
  static func rowSums(_ x: [Double], rows: Int, width: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: rows) { values, initialized in
      x.withUnsafeBufferPointer { x in
        var row = 0
        while row + 4 <= rows {
          var sums = SIMD4<Double>(repeating: 0)
          for j in 0..<width {
            let at = row * width + j
            sums += SIMD4(x[at], x[at + width], x[at + 2 * width], x[at + 3 * width])
          }
          for r in 0..<4 { values[row + r] = sums[r] }
          row += 4
        }
        for row in row..<rows {
          var sum = 0.0
          for j in 0..<width { sum += x[row * width + j] }
          values[row] = sum
        }
      }
      initialized = rows
    }
  }

  /// ``Broadcasting/summed(_:from:to:)``; when `target` is `source` with its last axis kept as 1
  /// (a row's gradient), each row is summed, and when `target` is the trailing axes of `source` (a
  /// bias's gradient), rows of `target`'s size are added together, one after the other: the
  /// definition's order in both.
  static func broadcastSum(_ x: [Double], from source: [Int], to target: [Int]) -> [Double] {
    if !source.isEmpty, target == Array(source.dropLast()) + [1] {
      let width = source[source.count - 1]
      return rowSums(x, rows: width == 0 ? target.reduce(1, *) : x.count / width, width: width)
    }
    guard Array(source.suffix(target.count)) == target else { return Broadcasting.summed(x, from: source, to: target) }
    var values = pooledZeros(target.reduce(1, *))
    let size = values.count
    x.withUnsafeBufferPointer { x in
      values.withUnsafeMutableBufferPointer { sum in
        for row in 0..<(x.count / Swift.max(size, 1)) {
          let values = x.baseAddress! + row * size  // (a pointer to each row: vector instructions)
          for j in 0..<size { sum[j] += values[j] }
        }
      }
    }
    return values
  }
}
