// Elementwise.swift — a kernel: a function of one value applied over a whole tensor (in two halves
// on two threads when it is large, a vector at a time where the function has a kernel), and the
// backward rules of such functions fused into one pass.
//
// The backward rule of y = f(x) is ∂L/∂x = g·f′(x). Written with tensor operations, as the op
// files write it so that `backward(createGraph: true)` can differentiate it again, tanh's
// `g * (1 - y * y)` makes three tensors: three passes over memory and three fresh buffers. When
// the backward pass is not recorded (the usual `backward()`), the same rule runs instead as one
// loop over the doubles. The rule is one generic function, written once over
// ``ElementwiseArithmetic``, so the two forms perform the same IEEE operations in the same order
// and give the same bits (the kernel tests check it).

/// The arithmetic a backward rule of an elementwise op is written in: + − × ÷ between values and
/// with constants. ``Tensor`` has it (the recorded rule) and so does `Double` (the fused loop), so
/// one generic function serves as both.
protocol ElementwiseArithmetic {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static func + (a: Self, b: Double) -> Self
  static func - (a: Self, b: Double) -> Self
  static func * (a: Self, b: Double) -> Self
  static func / (a: Self, b: Double) -> Self
  static func + (a: Double, b: Self) -> Self
  static func - (a: Double, b: Self) -> Self
  static func * (a: Double, b: Self) -> Self
  static func / (a: Double, b: Self) -> Self
}

extension Double: ElementwiseArithmetic {}
extension Tensor: ElementwiseArithmetic {}

/// The backward rule of an elementwise op y = f(x): ∂L/∂x from x, y and g = ∂L/∂y, written once
/// for any ``ElementwiseArithmetic``.
protocol ElementwiseRule: SendableMetatype {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T
}

extension Tensor {
  /// Applies `f` to every element; the result remembers `backward` for the chain rule.
  @inline(__always)
  func map(
    _ operation: String, _ f: @escaping @Sendable (Double) -> Double,
    backward: @escaping (_ x: Tensor, _ y: Tensor, _ gradient: Tensor) -> Tensor
  ) -> Tensor {
    let values = mapped { x, y, range in for i in range { y[i] = f(x[i]) } }
    return Tensor.result(of: operation, shape: shape, scalars: values, inputs: [self]) { y, g in
      [backward(self, y, g)]
    }
  }

  /// Applies `f` to every element; the backward rule is recorded with tensor operations when the
  /// backward pass is recorded, and otherwise runs on doubles, fused into one pass.
  @inline(__always)
  func map<Rule: ElementwiseRule>(
    _ operation: String, _ f: @escaping @Sendable (Double) -> Double, backward: Rule.Type
  ) -> Tensor {
    elementwise(operation, mapped { x, y, range in for i in range { y[i] = f(x[i]) } }, backward)
  }

  /// As ``map(_:_:backward:)``: `f` is the definition, one value at a time, and in the fast mode
  /// `fast`, a kernel that computes a run of values at once with `f`'s bits (Lanes.swift), runs
  /// instead.
  @inline(__always)
  func map<Rule: ElementwiseRule>(
    _ operation: String, _ f: @escaping @Sendable (Double) -> Double,
    fast: @escaping @Sendable (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void,
    backward: Rule.Type
  ) -> Tensor {
    guard Kernels.enabled else { return map(operation, f, backward: backward) }
    return elementwise(
      operation,
      mapped { x, y, range in
        if !range.isEmpty { fast(x.baseAddress! + range.lowerBound, y.baseAddress! + range.lowerBound, range.count) }
      }, backward)
  }

  /// The result of an elementwise op with these values and this rule.
  private func elementwise<Rule: ElementwiseRule>(_ operation: String, _ values: [Double], _: Rule.Type) -> Tensor {
    Tensor.result(of: operation, shape: shape, scalars: values, inputs: [self]) { y, g in
      // The rule as tensor operations is the definition; fused into one loop is the fast path.
      if isRecordingGradients || !Kernels.enabled { return [Rule.gradient(x: self, y: y, g: g)] }
      return [Tensor(shape: y.shape, scalars: Tensor.fused(Rule.self, x: self.scalars, y: y.scalars, g: g.scalars))]
    }
  }

  /// `Double.power(x, exponent)` of every value (Core/Tensor+Arithmetic.swift), with the
  /// exponent's case chosen once rather than for every value, so each case's loop is plain
  /// arithmetic that runs on vectors.
  func powerValues(_ exponent: Double) -> [Double] {
    switch exponent {
    case 0: pointwise { _ in 1 }
    case 1: pointwise { $0 }
    case 2: pointwise { $0 * $0 }
    case 3: pointwise { $0 * $0 * $0 }
    case -1: pointwise { 1 / $0 }
    case 0.5: pointwise { $0.squareRoot() }
    default: pointwise { Double.power($0, exponent) }
    }
  }

  /// `f` of every value, in one plain loop on this thread (`f` inlined into it), into a pooled array.
  @inline(__always)
  private func pointwise(_ f: (Double) -> Double) -> [Double] {
    pooledArray(count) { out in
      scalars.withUnsafeBufferPointer { x in
        for i in 0..<x.count { out[i] = f(x[i]) }
      }
    }
  }

  /// `where`'s values (Core/Tensor+Selection.swift): `a[i]` where `mask[i]` ≠ 0, else `b[i]`, all three
  /// of one count, in one loop into a pooled array.
  static func selectValues(_ mask: [Double], _ a: [Double], _ b: [Double]) -> [Double] {
    pooledArray(mask.count) { out in
      mask.withUnsafeBufferPointer { mask in
        a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            for i in 0..<mask.count { out[i] = mask[i] != 0 ? a[i] : b[i] }
          }
        }
      }
    }
  }

  /// The values `apply` writes, a range of elements at a time, from this tensor's; a large tensor
  /// in two halves on two threads (``inHalves(_:elements:_:)``).
  @inline(__always)
  func mapped(
    _ apply: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, Range<Int>) -> Void
  ) -> [Double] {
    pooledArray(count) { out in
      scalars.withUnsafeBufferPointer { x in
        let (input, output) = (UnsafeSendable(x), UnsafeSendable(out))
        inHalves(x.count) { range in apply(input.value, output.value, range) }
      }
    }
  }

  /// `Rule.gradient(x[i], y[i], g[i])` for every element, in two halves for large arrays (all three
  /// of one count).
  static func fused<Rule: ElementwiseRule>(_: Rule.Type, x: [Double], y: [Double], g: [Double]) -> [Double] {
    // A gradient of one value everywhere (a sum's, UniformArrays.swift) is read as that value.
    let uniform = keptUniformValue(g)
    return pooledArray(g.count) { out in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          g.withUnsafeBufferPointer { g in
            let (x, y, g, out) = (UnsafeSendable(x), UnsafeSendable(y), UnsafeSendable(g), UnsafeSendable(out))
            inHalves(g.value.count) { range in
              if let uniform {
                for i in range { out.value[i] = Rule.gradient(x: x.value[i], y: y.value[i], g: uniform) }
              } else {
                for i in range { out.value[i] = Rule.gradient(x: x.value[i], y: y.value[i], g: g.value[i]) }
              }
            }
          }
        }
      }
    }
  }
}
