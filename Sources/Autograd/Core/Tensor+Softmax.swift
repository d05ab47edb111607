// Tensor+Softmax.swift — softmax and log-softmax along an axis, stable for large inputs.
//
// Their values, and their backward rules when the backward pass is not recorded, are computed
// slice by slice in one pass (Kernels/SoftmaxRows.swift) rather than as the compositions the
// formulas spell, exp(x − max x) / Σ exp(x − max x); the tests require the same bits from both.

import Foundation

extension Tensor {
  /// softmax(x)ⱼ = exp(xⱼ) / Σₖ exp(xₖ) along `axis`.
  ///
  /// The Jacobian is ∂yⱼ/∂xᵢ = yⱼ(δᵢⱼ − yᵢ), so the backward rule is
  /// ```
  /// ∂L/∂xᵢ = yᵢ (gᵢ − Σⱼ gⱼ yⱼ)
  /// ```
  /// Computed as exp(xⱼ − max x) / Σₖ exp(xₖ − max x): the same value (the factor e^−max
  /// cancels), but no exponent is positive, so nothing overflows at inputs of 1e4.
  public func softmax(axis: Int) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "softmax(axis:)", shape: shape)
    let y = softmaxValues(axis: axis, log: false)
    return Tensor.result(of: "softmax(axis: \(axis))", shape: shape, scalars: y, inputs: [self]) { y, g in
      // Not recorded, the same operations run fused, slice by slice (Kernels/SoftmaxRows.swift).
      [isRecordingGradients ? y * (g - (g * y).sum(axis: axis, keepingAxis: true)) : y.softmaxGradient(g, axis: axis)]
    }
  }

  /// log softmax(x)ⱼ = xⱼ − log Σₖ exp(xₖ) along `axis`.
  ///
  /// ```
  /// ∂L/∂xᵢ = gᵢ − softmax(x)ᵢ Σⱼ gⱼ
  /// ```
  /// Never takes the log of a softmax that may have rounded to 0: it subtracts the stable
  /// log-sum-exp instead, so it stays finite where `softmax(axis:).log()` gives −∞.
  public func logSoftmax(axis: Int) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "logSoftmax(axis:)", shape: shape)
    return Tensor.result(
      of: "logSoftmax(axis: \(axis))", shape: shape, scalars: softmaxValues(axis: axis, log: true), inputs: [self]
    ) { y, g in
      [isRecordingGradients ? g - y.exp() * g.sum(axis: axis, keepingAxis: true) : y.logSoftmaxGradient(g, axis: axis)]
    }
  }
}
