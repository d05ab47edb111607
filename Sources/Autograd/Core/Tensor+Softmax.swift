// Tensor+Softmax.swift — softmax and log-softmax along an axis, stable for large inputs.
//
// The definitions are the compositions the formulas spell, exp(x − max x) / Σ exp(x − max x), and
// the rules below as tensor operations. In the fast mode the values, and the rules when the
// backward pass is not recorded, are computed slice by slice in one pass instead
// (Kernels/SoftmaxRows.swift); the tests require the same bits from both.

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
    let y = Kernels.enabled ? softmaxValues(axis: axis, log: false) : byFormula(axis: axis, log: false)
    return Tensor.result(of: "softmax(axis: \(axis))", shape: shape, scalars: y, inputs: [self]) { y, g in
      // Fast and not recorded, the same operations run fused, slice by slice (Kernels/SoftmaxRows.swift).
      guard isRecordingGradients || !Kernels.enabled else { return [y.softmaxGradient(g, axis: axis)] }
      return [y * (g - (g * y).sum(axis: axis, keepingAxis: true))]
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
    let y = Kernels.enabled ? softmaxValues(axis: axis, log: true) : byFormula(axis: axis, log: true)
    return Tensor.result(of: "logSoftmax(axis: \(axis))", shape: shape, scalars: y, inputs: [self]) { y, g in
      guard isRecordingGradients || !Kernels.enabled else { return [y.logSoftmaxGradient(g, axis: axis)] }
      return [g - y.exp() * g.sum(axis: axis, keepingAxis: true)]
    }
  }

  /// softmax's values (or, with `log`, log-softmax's) as the formulas spell them, in tensor
  /// operations and without a graph: the definition that the fused rows equal bit for bit.
  private func byFormula(axis: Int, log: Bool) -> [Double] {
    guard shape[axis] > 0 else { return [] }  // no slices of any length: nothing to normalize
    return withoutGradient {
      let shifted = self - self.max(axis: axis, keepingAxis: true)  // no exponent is positive
      let e = shifted.exp()
      let total = e.sum(axis: axis, keepingAxis: true)
      return (log ? shifted - total.log() : e / total).scalars
    }
  }
}
