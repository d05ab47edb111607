// Tensor+Math.swift — elementwise exp, log, sqrt, abs and the normal CDF.
//
// Each backward rule is written with tensor operations (not with the raw numbers), so that
// the rule itself can be differentiated for second derivatives.

import Foundation

extension Tensor {
  /// Applies `f` to every element; the result remembers `backward` for the chain rule.
  /// Large tensors are computed in two halves on two threads (``inHalves(_:_:)``).
  @inline(__always)
  func map(
    _ operation: String, _ f: @escaping @Sendable (Double) -> Double,
    backward: @escaping (_ x: Tensor, _ y: Tensor, _ gradient: Tensor) -> Tensor
  ) -> Tensor {
    mapping(operation, { x, y, range in for i in range { y[i] = f(x[i]) } }, backward: backward)
  }

  /// Applies `f` to every element, four at a time (``Lanes``); otherwise as ``map(_:_:backward:)``.
  @inline(__always)
  func map(
    _ operation: String, lanes f: @escaping @Sendable (Lanes) -> Lanes,
    backward: @escaping (_ x: Tensor, _ y: Tensor, _ gradient: Tensor) -> Tensor
  ) -> Tensor {
    mapping(operation, { x, y, range in forEachLanes(x, into: y, range, f) }, backward: backward)
  }

  /// The result of `apply`, which writes the outputs of a range of elements from their inputs.
  @inline(__always)
  private func mapping(
    _ operation: String,
    _ apply: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, Range<Int>) -> Void,
    backward: @escaping (_ x: Tensor, _ y: Tensor, _ gradient: Tensor) -> Tensor
  ) -> Tensor {
    let values = [Double](unsafeUninitializedCapacity: count) { out, initialized in
      scalars.withUnsafeBufferPointer { x in
        let (input, output) = (UnsafeSendable(x), UnsafeSendable(out))
        inHalves(x.count) { range in apply(input.value, output.value, range) }
      }
      initialized = count
    }
    return Tensor.result(of: operation, shape: shape, scalars: values, inputs: [self]) { y, g in
      [backward(self, y, g)]
    }
  }

  /// eˣ elementwise. d/dx eˣ = eˣ, the output itself.
  public func exp() -> Tensor {
    map("exp", lanes: Autograd.exp) { _, y, g in g * y }
  }

  /// Natural logarithm elementwise. d/dx ln x = 1/x.
  public func log() -> Tensor {
    map("log", portableLog) { x, _, g in g / x }
  }

  /// Square root elementwise. d/dx √x = 1/(2√x).
  public func sqrt() -> Tensor {
    map("sqrt", Foundation.sqrt) { _, y, g in g * 0.5 / y }
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
