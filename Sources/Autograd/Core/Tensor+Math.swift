// Tensor+Math.swift — elementwise exp, log, sqrt, abs and the normal CDF.
//
// Each backward rule is written with tensor operations (not with the raw numbers), so that
// the rule itself can be differentiated for second derivatives. The rules of `exp`, `log` and
// `sqrt` are generic ``ElementwiseRule``s (at the end of the file): the same lines run on tensors when
// the backward pass is recorded and, fused into one loop, on doubles when it is not
// (Kernels/Elementwise.swift).

import Foundation

extension Tensor {
  /// eˣ elementwise, by fdlibm's algorithm computed by Autograd itself (the same bits on every CPU).
  /// d/dx eˣ = eˣ, the output itself.
  public func exp() -> Tensor {
    map("exp", portableExp, fast: Kernels.exp, backward: ExpBackward.self)
  }

  /// Natural logarithm elementwise. d/dx ln x = 1/x.
  public func log() -> Tensor {
    map("log", portableLog, backward: LogBackward.self)
  }

  /// Square root elementwise. d/dx √x = 1/(2√x).
  public func sqrt() -> Tensor {
    map("sqrt", Foundation.sqrt, backward: SqrtBackward.self)
  }

  /// |x| elementwise. d/dx |x| = sign(x), taken as 0 at 0.
  public func abs() -> Tensor {
    map("abs", Swift.abs) { x, _, g in g * x.sign() }
  }

  /// −1, 0 or 1 elementwise (NaN stays NaN, so |x|'s gradient shows it). Piecewise constant, so
  /// no gradient flows through it.
  public func sign() -> Tensor {
    Tensor(shape: shape, scalars: scalars.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) })
  }

  /// Φ(x), the standard normal cumulative distribution, elementwise.
  ///
  /// ```
  /// Φ(x) = ½ (1 + erf(x/√2))      Φ'(x) = φ(x) = e^(−x²/2) / √(2π)
  /// ```
  public func normalCDF() -> Tensor {
    map("normalCDF", { 0.5 * (1 + erf($0 / 2.0.squareRoot())) }) { x, _, g in
      g * (-0.5 * x * x).exp() / (2 * Double.pi).squareRoot()
    }
  }
}

/// ∂L/∂x = g·eˣ = g·y.
private enum ExpBackward: ElementwiseRule {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T { g * y }
}

/// ∂L/∂x = g / x.
private enum LogBackward: ElementwiseRule {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T { g / x }
}

/// ∂L/∂x = g · ½ / √x = g·0.5 / y.
private enum SqrtBackward: ElementwiseRule {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T { g * 0.5 / y }
}
