// Tensor+ShapeOps.swift — operations that move values without changing them: reshape,
// transpose/permute, squeeze/unsqueeze, concatenate, slice, and row gather (embedding lookup).
//
// Their backward rules move the gradient back the same way: each op here has a mirror.

extension Tensor {
  /// The same values with a new shape of the same size. One axis may be `-1`, inferred.
  ///
  /// Backward: the gradient is reshaped back.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    var target = newShape
    if let inferred = newShape.firstIndex(of: -1) {
      let known = newShape.enumerated().filter { $0.offset != inferred }.map(\.element).reduce(1, *)
      if known == 0 || count % known != 0 || newShape.filter({ $0 == -1 }).count > 1 {
        fail("reshaped: cannot reshape \(shape) to \(newShape)")
      }
      target[inferred] = count / known
    }
    if target.reduce(1, *) != count || target.contains(where: { $0 < 0 }) {
      fail("reshaped: cannot reshape \(shape) (\(count) values) to \(newShape)")
    }
    if target == shape { return self }
    let source = shape
    return Tensor.result(of: "reshape", shape: target, scalars: scalars, inputs: [self]) { _, g in
      [g.reshaped(source)]
    }.sharingScalars(with: self)
  }

  /// The axes reordered: axis `i` of the result is axis `axes[i]` of this tensor.
  ///
  /// Backward: the gradient is permuted by the inverse permutation.
  public func permuted(_ axes: [Int]) -> Tensor {
    let axes = axes.map { Shape.axis($0, rank: rank, operation: "permuted", shape: shape) }
    if axes.sorted() != Array(0..<rank) {
      fail("permuted: \(axes) is not a permutation of the axes of shape \(shape)")
    }
    if axes == Array(0..<rank) { return self }
    let newShape = axes.map { shape[$0] }
    let values = Tensor.permutedValues(scalars, shape: shape, axes: axes)  // Permutation.values, faster
    var inverse = [Int](repeating: 0, count: rank)
    for (i, axis) in axes.enumerated() { inverse[axis] = i }
    return Tensor.result(of: "permute\(axes)", shape: newShape, scalars: values, inputs: [self]) { _, g in
      [g.permuted(inverse)]
    }
  }

  /// The last two axes swapped (a matrix transpose, batched over leading axes).
  public func transposed() -> Tensor {
    if rank < 2 { fail("transposed: needs at least 2 axes, got shape \(shape)") }
    var axes = Array(0..<rank)
    axes.swapAt(rank - 1, rank - 2)
    return permuted(axes)
  }

  /// The tensor with axis `axis` of size 1 removed (every size-1 axis when `axis` is nil).
  public func squeezed(axis: Int? = nil) -> Tensor {
    guard let axis else { return reshaped(shape.filter { $0 != 1 }) }
    let a = Shape.axis(axis, rank: rank, operation: "squeezed", shape: shape)
    if shape[a] != 1 { fail("squeezed: axis \(axis) of shape \(shape) has size \(shape[a]), not 1") }
    var newShape = shape
    newShape.remove(at: a)
    return reshaped(newShape)
  }

  /// The tensor with a new axis of size 1 inserted at `axis` (negative counts from the end
  /// of the result: −1 appends).
  public func unsqueezed(axis: Int) -> Tensor {
    let a = Shape.axis(axis, rank: rank + 1, operation: "unsqueezed", shape: shape)
    var newShape = shape
    newShape.insert(1, at: a)
    return reshaped(newShape)
  }

  /// The tensors joined along `axis`; all other sizes must match.
  ///
  /// Backward: each input receives its own slice of the gradient.
  public static func concatenated(_ tensors: [Tensor], axis: Int) -> Tensor {
    guard let first = tensors.first else { fail("concatenated: needs at least one tensor") }
    let a = Shape.axis(axis, rank: first.rank, operation: "concatenated", shape: first.shape)
    for t in tensors
    where t.rank != first.rank || t.shape.indices.contains(where: { $0 != a && t.shape[$0] != first.shape[$0] }) {
      fail("concatenated: shapes \(first.shape) and \(t.shape) differ outside axis \(axis)")
    }
    var newShape = first.shape
    newShape[a] = tensors.map { $0.shape[a] }.reduce(0, +)
    let (outer, _, inner) = Shape.split(first.shape, at: a)
    var values: [Double] = []
    values.reserveCapacity(newShape.reduce(1, *))
    for o in 0..<outer {
      for t in tensors {
        let block = t.shape[a] * inner
        values += t.scalars[(o * block)..<((o + 1) * block)]
      }
    }
    let starts = tensors.map { $0.shape[a] }.reduce(into: [0]) { $0.append($0.last! + $1) }
    return result(of: "concatenate(axis: \(a))", shape: newShape, scalars: values, inputs: tensors) { _, g in
      tensors.indices.map { g.sliced(axis: a, starts[$0]..<starts[$0 + 1]) }
    }
  }

  /// The slices `range` along `axis`.
  ///
  /// Backward: the gradient is placed back at `range`, with zeros elsewhere.
  public func sliced(axis: Int, _ range: Range<Int>) -> Tensor {
    let a = Shape.axis(axis, rank: rank, operation: "sliced", shape: shape)
    if range.lowerBound < 0 || range.upperBound > shape[a] {
      fail("sliced: range \(range) is out of bounds for axis \(axis) of shape \(shape)")
    }
    var newShape = shape
    newShape[a] = range.count
    let (outer, size, inner) = Shape.split(shape, at: a)
    var values: [Double] = []
    values.reserveCapacity(newShape.reduce(1, *))
    for o in 0..<outer {
      values += scalars[((o * size + range.lowerBound) * inner)..<((o * size + range.upperBound) * inner)]
    }
    let source = shape
    return Tensor.result(of: "slice(axis: \(a), \(range))", shape: newShape, scalars: values, inputs: [self]) {
      _, g in [g.padded(axis: a, to: source[a], at: range.lowerBound)]
    }
  }

  /// The tensor placed at offset `start` along `axis` of a zero tensor whose axis has `size`
  /// entries: the adjoint of ``sliced(axis:_:)``.
  func padded(axis: Int, to size: Int, at start: Int) -> Tensor {
    var newShape = shape
    newShape[axis] = size
    let (outer, own, inner) = Shape.split(shape, at: axis)
    var values = [Double](repeating: 0, count: newShape.reduce(1, *))
    for o in 0..<outer {
      let from = o * own * inner
      let to = (o * size + start) * inner
      for j in 0..<(own * inner) { values[to + j] = scalars[from + j] }
    }
    return Tensor.result(of: "pad(axis: \(axis))", shape: newShape, scalars: values, inputs: [self]) { _, g in
      [g.sliced(axis: axis, start..<(start + own))]
    }
  }

  /// The entries `indices` along the first axis (rows of a matrix): `[V, D]` gathered by
  /// `n` indices gives `[n, D]`. This is an embedding lookup.
  ///
  /// Backward: each row's gradient is added back into the row it came from (a row used
  /// twice gets both gradients).
  public func gathered(_ indices: [Int]) -> Tensor {
    if rank == 0 { fail("gathered: needs at least one axis, got a scalar") }
    if let bad = indices.first(where: { $0 < 0 || $0 >= shape[0] }) {
      fail("gathered: index \(bad) is out of range for the first axis of shape \(shape)")
    }
    let row = count / Swift.max(shape[0], 1)
    var values: [Double] = []
    values.reserveCapacity(indices.count * row)
    for i in indices { values += scalars[(i * row)..<((i + 1) * row)] }
    let source = shape
    return Tensor.result(
      of: "gather", shape: [indices.count] + shape.dropFirst(), scalars: values, inputs: [self]
    ) { _, g in [g.scatterAdded(indices, rows: source[0])] }
  }

  /// A tensor with `rows` entries along the first axis, where entry `i` of this tensor is
  /// added into entry `indices[i]`: the adjoint of ``gathered(_:)``.
  func scatterAdded(_ indices: [Int], rows: Int) -> Tensor {
    let row = count / Swift.max(shape[0], 1)
    var values = [Double](repeating: 0, count: rows * row)
    for (i, target) in indices.enumerated() {
      for j in 0..<row { values[target * row + j] += scalars[i * row + j] }
    }
    return Tensor.result(
      of: "scatterAdd", shape: [rows] + shape.dropFirst(), scalars: values, inputs: [self]
    ) { _, g in [g.gathered(indices)] }
  }
}

/// The values of a tensor with its axes permuted, by their definition: result axis i is axis
/// `axes[i]` of `x` (of shape `shape`), so each result position reads `x` at the offset that
/// steps `x`'s axis `axes[i]` for every step along result axis i. Kernels/Permutation.swift
/// copies the same values faster.
enum Permutation {
  static func values(_ x: [Double], shape: [Int], axes: [Int]) -> [Double] {
    let own = Shape.strides(shape)
    let readStrides = axes.map { own[$0] }  // stepping along result axis i steps own axis axes[i]
    var values = [Double](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { x in
      Shape.forEachOffset(axes.map { shape[$0] }, readStrides, readStrides) { i, offset, _ in values[i] = x[offset] }
    }
    return values
  }
}
