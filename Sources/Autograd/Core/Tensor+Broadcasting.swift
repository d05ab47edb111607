// Tensor+Broadcasting.swift — NumPy's broadcasting, by its plain definition, and the two ops that
// move a gradient between broadcast shapes.
//
// Two shapes broadcast when, aligned at the right, each pair of sizes is equal or one of them is
// 1; an axis of size 1, or a missing one, is repeated. Position i of the broadcast result reads
// position ia of a and ib of b, found with strides that are 0 along repeated axes
// (`Shape.broadcastStrides`). `broadcasted(to:)` repeats; its adjoint `summed(toShape:)` adds the
// repeats back together: a value used twice in the forward pass gets both gradients.
//
// The definitions below are what every elementwise op computes. The loops that run are
// specializations of them for the common shapes (Kernels/Broadcasting.swift), tested against these.

extension Tensor {
  /// The values repeated along broadcast axes to fill `shape`.
  ///
  /// Backward: the gradient is summed back over the repeated axes.
  public func broadcasted(to target: [Int]) -> Tensor {
    if shape == target { return self }
    if !Shape.canBroadcast(shape, to: target) {
      fail("broadcasted(to:): shape \(shape) cannot be broadcast to \(target)")
    }
    let source = shape
    return Tensor.result(
      of: "broadcast", shape: target, scalars: Tensor.broadcastRepeat(scalars, from: shape, to: target), inputs: [self]
    ) { _, g in [g.summed(toShape: source)] }
  }

  /// The sum over the axes along which `shape` would be broadcast to this tensor's shape:
  /// the adjoint of ``broadcasted(to:)``.
  ///
  /// Backward: the gradient is broadcast back to this tensor's shape.
  public func summed(toShape target: [Int]) -> Tensor {
    if shape == target { return self }
    if !Shape.canBroadcast(target, to: shape) {
      fail("summed(toShape:): shape \(target) does not broadcast to \(shape)")
    }
    let source = shape
    return Tensor.result(
      of: "sumToShape", shape: target, scalars: Tensor.broadcastSum(scalars, from: shape, to: target), inputs: [self]
    ) { _, g in [g.broadcasted(to: source)] }
  }
}

/// The plain definitions: one loop over the positions of the broadcast shape each.
enum Broadcasting {
  /// out[i] = f(a[ia], b[ib]) over the broadcast shape of `a` and `b`.
  static func zip(_ a: Tensor, _ b: Tensor, to shape: [Int], _ f: (Double, Double) -> Double) -> [Double] {
    let (aStrides, bStrides) = (Shape.broadcastStrides(a.shape, to: shape), Shape.broadcastStrides(b.shape, to: shape))
    let (x, y) = (a.scalars, b.scalars)
    var values = [Double](repeating: 0, count: shape.reduce(1, *))
    Shape.forEachOffset(shape, aStrides, bStrides) { i, ia, ib in values[i] = f(x[ia], y[ib]) }
    return values
  }

  /// out[i] = x[ix]: `x`, of shape `source`, repeated to fill `target`.
  static func repeated(_ x: [Double], from source: [Int], to target: [Int]) -> [Double] {
    let strides = Shape.broadcastStrides(source, to: target)
    var values = [Double](repeating: 0, count: target.reduce(1, *))
    Shape.forEachOffset(target, strides, strides) { i, ix, _ in values[i] = x[ix] }
    return values
  }

  /// out[j] = Σ x[i] over the positions i of `source` that broadcast from position j of `target`,
  /// in the order of i.
  static func summed(_ x: [Double], from source: [Int], to target: [Int]) -> [Double] {
    let strides = Shape.broadcastStrides(target, to: source)
    var values = [Double](repeating: 0, count: target.reduce(1, *))
    Shape.forEachOffset(source, strides, strides) { i, j, _ in values[j] += x[i] }
    return values
  }
}
