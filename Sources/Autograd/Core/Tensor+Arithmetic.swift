// Tensor+Arithmetic.swift — + − × ÷, negation and powers, elementwise with NumPy broadcasting.
//
// A backward rule skips an input that does not require a gradient (a constant such as the 2
// in x * 2): its gradient would be computed only to be thrown away.
//
// Broadcasting in the forward pass (a [3] vector added to every row of a [2, 3] matrix) means
// summing in the backward pass: the vector was used twice, so its gradient is the sum of
// the two rows' gradients. `summed(toShape:)` does that (Tensor+Broadcasting.swift).

import Foundation

extension Tensor {
  /// Elementwise sum. ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1.
  public static func + (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = broadcastZip("add", a, b, +)
    return result(of: "add", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [a.requiresGrad ? g.summed(toShape: a.shape) : nil, b.requiresGrad ? g.summed(toShape: b.shape) : nil]
    }
  }

  /// Elementwise difference. ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1.
  public static func - (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = broadcastZip("subtract", a, b, -)
    return result(of: "subtract", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [a.requiresGrad ? g.summed(toShape: a.shape) : nil, b.requiresGrad ? (-g).summed(toShape: b.shape) : nil]
    }
  }

  /// Elementwise product. ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
  public static func * (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = broadcastZip("multiply", a, b, *)
    return result(of: "multiply", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [
        a.requiresGrad ? (g * b).summed(toShape: a.shape) : nil,
        b.requiresGrad ? (g * a).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// Elementwise quotient. ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −(a/b)/b.
  public static func / (a: Tensor, b: Tensor) -> Tensor {
    let (shape, values) = broadcastZip("divide", a, b, /)
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
    let values = powerValues(exponent)  // Double.power of each value (Kernels/Elementwise.swift)
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
  /// (Core/PortableMath.swift says why that matters).
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
