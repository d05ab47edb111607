// Tensor+Arithmetic.swift — + − × ÷, negation and powers, elementwise with NumPy broadcasting.
//
// A backward rule skips an input that does not require a gradient (a constant such as the 2
// in x * 2): its gradient would be computed only to be thrown away.
//
// Broadcasting in the forward pass (a [3] vector added to every row of a [2, 3] matrix) means
// summing in the backward pass: the vector was used twice, so its gradient is the sum of
// the two rows' gradients. `summed(toShape:)` does that, and `broadcasted(to:)` is its mirror.

import Foundation

extension Tensor {
  /// Applies `f` to matching elements of `a` and `b` after broadcasting them to one shape.
  ///
  /// Always inlined, so each operator's `f` is compiled into its own plain loop (no call per element).
  @inline(__always)
  static func zipBroadcast(
    _ operation: String, _ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double
  ) -> (shape: [Int], scalars: [Double]) {
    if a.shape == b.shape {
      let values = [Double](unsafeUninitializedCapacity: a.count) { out, initialized in
        a.scalars.withUnsafeBufferPointer { x in
          b.scalars.withUnsafeBufferPointer { y in
            for i in 0..<x.count { out[i] = f(x[i], y[i]) }
          }
        }
        initialized = a.count
      }
      return (a.shape, values)
    }
    let shape = Shape.broadcast(a.shape, b.shape, operation: operation)
    if b.count == 1, shape == a.shape { return (shape, withScalar(a.scalars, b.scalars[0]) { x, y in f(x, y) }) }
    if a.count == 1, shape == b.shape { return (shape, withScalar(b.scalars, a.scalars[0]) { y, x in f(x, y) }) }
    // A row repeated down a matrix (a bias added to every sample): one pass, no index arithmetic.
    if shape == a.shape, Array(a.shape.suffix(b.rank)) == b.shape {
      return (shape, repeatingRows(a.scalars, b.scalars) { x, row in f(x, row) })
    }
    if shape == b.shape, Array(b.shape.suffix(a.rank)) == a.shape {
      return (shape, repeatingRows(b.scalars, a.scalars) { x, row in f(row, x) })
    }
    // One value per row against a matrix (a row's sum or maximum kept as a column: softmax, norms).
    if shape == a.shape, !a.shape.isEmpty, b.shape == Array(a.shape.dropLast()) + [1] {
      return (shape, perRow(a.scalars, b.scalars) { x, value in f(x, value) })
    }
    if shape == b.shape, !b.shape.isEmpty, a.shape == Array(b.shape.dropLast()) + [1] {
      return (shape, perRow(b.scalars, a.scalars) { x, value in f(value, x) })
    }
    let (aStrides, bStrides) = (Shape.broadcastStrides(a.shape, to: shape), Shape.broadcastStrides(b.shape, to: shape))
    var values = [Double](repeating: 0, count: shape.reduce(1, *))
    a.scalars.withUnsafeBufferPointer { av in
      b.scalars.withUnsafeBufferPointer { bv in
        Shape.forEachOffset(shape, aStrides, bStrides) { i, ia, ib in values[i] = f(av[ia], bv[ib]) }
      }
    }
    return (shape, values)
  }

  /// `f(x[i], y)` for every element of `x`.
  @inline(__always)
  static func withScalar(_ x: [Double], _ y: Double, _ f: (Double, Double) -> Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        for i in 0..<x.count { out[i] = f(x[i], y) }
      }
      initialized = x.count
    }
  }

  /// `f(x[i], row[i mod row.count])` for every element of `x`, whose length is a multiple of `row`'s.
  @inline(__always)
  static func repeatingRows(_ x: [Double], _ row: [Double], _ f: (Double, Double) -> Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        row.withUnsafeBufferPointer { row in
          let width = row.count
          for r in 0..<(width == 0 ? 0 : x.count / width) {
            for j in 0..<width { out[r * width + j] = f(x[r * width + j], row[j]) }
          }
        }
      }
      initialized = x.count
    }
  }

  /// `f(x[i], values[i / width])` for every element of `x`, a matrix of `values.count` rows.
  @inline(__always)
  static func perRow(_ x: [Double], _ values: [Double], _ f: (Double, Double) -> Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        values.withUnsafeBufferPointer { values in
          let width = values.count == 0 ? 0 : x.count / values.count
          for r in 0..<values.count {
            for j in 0..<width { out[r * width + j] = f(x[r * width + j], values[r]) }
          }
        }
      }
      initialized = x.count
    }
  }

  /// The values repeated along broadcast axes to fill `shape`.
  ///
  /// Backward: the gradient is summed back over the repeated axes.
  public func broadcasted(to target: [Int]) -> Tensor {
    if shape == target { return self }
    if !Shape.canBroadcast(shape, to: target) {
      fail("broadcasted(to:): shape \(shape) cannot be broadcast to \(target)")
    }
    var values: [Double]
    if count == 1 {
      values = [Double](repeating: scalars[0], count: target.reduce(1, *))  // the common case: a scalar's gradient
    } else {
      values = [Double](repeating: 0, count: target.reduce(1, *))
      let strides = Shape.broadcastStrides(shape, to: target)
      scalars.withUnsafeBufferPointer { x in
        Shape.forEachOffset(target, strides, strides) { i, offset, _ in values[i] = x[offset] }
      }
    }
    let source = shape
    return Tensor.result(of: "broadcast", shape: target, scalars: values, inputs: [self]) { _, g in
      [g.summed(toShape: source)]
    }
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
    var values = [Double](repeating: 0, count: target.reduce(1, *))
    if Array(shape.suffix(target.count)) == target {
      // The common case, a bias's gradient: rows of `target`'s size added together.
      let size = values.count
      scalars.withUnsafeBufferPointer { x in
        values.withUnsafeMutableBufferPointer { sum in
          for row in 0..<(count / Swift.max(size, 1)) {
            for j in 0..<size { sum[j] += x[row * size + j] }
          }
        }
      }
    } else {
      let strides = Shape.broadcastStrides(target, to: shape)
      scalars.withUnsafeBufferPointer { x in
        Shape.forEachOffset(shape, strides, strides) { i, offset, _ in values[offset] += x[i] }
      }
    }
    let source = shape
    return Tensor.result(of: "sumToShape", shape: target, scalars: values, inputs: [self]) { _, g in
      [g.broadcasted(to: source)]
    }
  }

  /// Elementwise sum. ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1.
  public static func + (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = zipBroadcast("add", a, b, +)
    return result(of: "add", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [a.requiresGrad ? g.summed(toShape: a.shape) : nil, b.requiresGrad ? g.summed(toShape: b.shape) : nil]
    }
  }

  /// Elementwise difference. ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1.
  public static func - (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = zipBroadcast("subtract", a, b, -)
    return result(of: "subtract", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [a.requiresGrad ? g.summed(toShape: a.shape) : nil, b.requiresGrad ? (-g).summed(toShape: b.shape) : nil]
    }
  }

  /// Elementwise product. ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
  public static func * (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = zipBroadcast("multiply", a, b, *)
    return result(of: "multiply", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [
        a.requiresGrad ? (g * b).summed(toShape: a.shape) : nil,
        b.requiresGrad ? (g * a).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// Elementwise quotient. ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −(a/b)/b.
  public static func / (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = zipBroadcast("divide", a, b, /)
    return result(of: "divide", shape: shape, scalars: values, inputs: [a, b]) { y, g in
      [
        a.requiresGrad ? (g / b).summed(toShape: a.shape) : nil,
        b.requiresGrad ? (-g * y / b).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// Negation. ∂(−x)/∂x = −1.
  public static prefix func - (x: Tensor) -> Tensor {
    result(of: "negate", shape: x.shape, scalars: x.scalars.map { -$0 }, inputs: [x]) { _, g in [-g] }
  }

  /// Elementwise power with a constant exponent. d/dx xᵖ = p·xᵖ⁻¹.
  public func pow(_ exponent: Double) -> Tensor {
    let values = scalars.map { Double.power($0, exponent) }
    return Tensor.result(of: "pow", shape: shape, scalars: values, inputs: [self]) { _, g in
      [g * exponent * self.pow(exponent - 1)]
    }
  }

  /// Elementwise sum a + b with a number: `b` becomes a scalar tensor and broadcasts to `a`'s shape.
  public static func + (a: Tensor, b: Double) -> Tensor { a + Tensor(b) }
  /// Elementwise sum a + b of a number and a tensor: `a` broadcasts to `b`'s shape.
  public static func + (a: Double, b: Tensor) -> Tensor { Tensor(a) + b }
  /// Elementwise difference a − b with a number: `b` becomes a scalar tensor and broadcasts to `a`'s shape.
  public static func - (a: Tensor, b: Double) -> Tensor { a - Tensor(b) }
  /// Elementwise difference a − b of a number and a tensor: `a` broadcasts to `b`'s shape.
  public static func - (a: Double, b: Tensor) -> Tensor { Tensor(a) - b }
  /// Elementwise product a · b with a number: `b` becomes a scalar tensor and broadcasts to `a`'s shape.
  public static func * (a: Tensor, b: Double) -> Tensor { a * Tensor(b) }
  /// Elementwise product a · b of a number and a tensor: `a` broadcasts to `b`'s shape.
  public static func * (a: Double, b: Tensor) -> Tensor { Tensor(a) * b }
  /// Elementwise quotient a / b with a number: `b` becomes a scalar tensor and broadcasts to `a`'s shape.
  public static func / (a: Tensor, b: Double) -> Tensor { a / Tensor(b) }
  /// Elementwise quotient a / b of a number and a tensor: `a` broadcasts to `b`'s shape.
  public static func / (a: Double, b: Tensor) -> Tensor { Tensor(a) / b }
}

extension Double {
  /// xᵖ. The exponents the book uses (0, 1, 2, 3, −1, ½) are single IEEE operations, the same
  /// bits on every machine; others go to the C library's `pow`, whose code glibc picks by CPU
  /// (Kernels/PortableMath.swift says why that matters).
  static func power(_ base: Double, _ exponent: Double) -> Double {
    switch exponent {
    case 0: return 1
    case 1: return base
    case 2: return base * base
    case 3: return base * base * base
    case -1: return 1 / base
    case 0.5: return base.squareRoot()
    default: return pow(base, exponent)
    }
  }
}
