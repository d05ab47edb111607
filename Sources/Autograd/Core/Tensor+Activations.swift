// Tensor+Activations.swift — the nonlinearities: ReLU, leaky ReLU, sigmoid, tanh, GELU, softplus.
//
// Each one: the function, its derivative in a comment, and the backward rule that is that
// derivative times the incoming gradient. The rules of sigmoid and tanh, the hot ones, are generic
// ``ElementwiseRule``s at the end of the file: the same lines run on tensors when the backward pass is
// recorded and, fused into one loop, on doubles when it is not (Kernels/Elementwise.swift).

import Foundation

extension Tensor {
  /// max(0, x) elementwise.
  ///
  /// ```
  /// relu'(x) = 1 if x > 0, else 0      (0 at x = 0, as in PyTorch)
  /// ```
  public func relu() -> Tensor {
    // NaN passes through (as in PyTorch): `max(0, nan)` would hide it as 0.
    map("relu", { $0 > 0 || $0.isNaN ? $0 : 0 }) { x, _, g in g * (x .> 0) }
  }

  /// x for x > 0, `slope`·x otherwise.
  ///
  /// ```
  /// leakyRelu'(x) = 1 if x > 0, else slope
  /// ```
  public func leakyRelu(slope: Double = 0.01) -> Tensor {
    map("leakyRelu", { $0 > 0 ? $0 : slope * $0 }) { x, _, g in
      g * Tensor.where(x .> 0, Tensor(1), Tensor(slope))
    }
  }

  /// σ(x) = 1 / (1 + e⁻ˣ) elementwise.
  ///
  /// ```
  /// σ'(x) = σ(x) (1 − σ(x))
  /// ```
  public func sigmoid() -> Tensor {
    // For x < 0, e⁻ˣ overflows for x < −709; eˣ / (1 + eˣ) is the same value and cannot.
    map(
      "sigmoid", { $0 >= 0 ? 1 / (1 + portableExp(-$0)) : portableExp($0) / (1 + portableExp($0)) },
      backward: SigmoidBackward.self)
  }

  /// tanh x = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) elementwise, by Cephes' algorithm computed by Autograd itself
  /// (the same bits on every CPU).
  ///
  /// ```
  /// tanh'(x) = 1 − tanh²(x)
  /// ```
  public func tanh() -> Tensor {
    map("tanh", portableTanh, fast: Kernels.tanh, backward: TanhBackward.self)
  }

  /// softplus(x) = ln(1 + eˣ) elementwise, a smooth ReLU.
  ///
  /// ```
  /// softplus'(x) = σ(x)
  /// ```
  public func softplus() -> Tensor {
    // ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|): eˣ never overflows, and log1p keeps the
    // digits that 1 + tiny would lose.
    map("softplus", { Swift.max($0, 0) + portableLog1p(portableExp(-Swift.abs($0))) }) { x, _, g in
      g * x.sigmoid()
    }
  }

  /// GELU(x) = x·Φ(x), with Φ the standard normal CDF (the exact form, not the tanh
  /// approximation).
  ///
  /// ```
  /// GELU'(x) = Φ(x) + x·φ(x)
  /// ```
  /// Built from ``normalCDF()`` and a product, so the chain rule gives that derivative.
  public func gelu() -> Tensor {
    self * normalCDF()
  }
}

/// ∂L/∂x = g·σ′(x) = g·y·(1 − y).
private enum SigmoidBackward: ElementwiseRule {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T { g * y * (1 - y) }
}

/// ∂L/∂x = g·tanh′(x) = g·(1 − y²).
private enum TanhBackward: ElementwiseRule {
  static func gradient<T: ElementwiseArithmetic>(x: T, y: T, g: T) -> T { g * (1 - y * y) }
}
