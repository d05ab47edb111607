// Tensor+Softmax.swift — softmax and log-softmax along an axis, stable for large inputs.

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
      [y * (g - (g * y).sum(axis: axis, keepingAxis: true))]
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
      [g - y.exp() * g.sum(axis: axis, keepingAxis: true)]
    }
  }

  /// Along `axis` (a normalized axis), each slice's softmax e^(xⱼ − m) / Σₖ e^(xₖ − m), or with
  /// `log` its logarithm xⱼ − m − log Σₖ e^(xₖ − m), where m = max x.
  private func softmaxValues(axis: Int, log: Bool) -> [Double] {
    let (outer, size, inner) = Shape.split(shape, at: axis)
    var values = [Double](repeating: 0, count: count)
    scalars.withUnsafeBufferPointer { x in
      values.withUnsafeMutableBufferPointer { y in
        let (x, y) = (UnsafeSendable(x), UnsafeSendable(y))
        // Slices are independent, so a large tensor's are split between two threads.
        inHalves(outer * inner, elements: count) { slices in
          var shifted = [Double](repeating: 0, count: size)  // one slice's xⱼ − m, then e^(xⱼ − m)
          for slice in slices {
            let first = (slice / inner) * size * inner + slice % inner  // then first + inner, first + 2·inner, …
            var m = -Double.infinity
            for j in 0..<size { m = Swift.max(m, x.value[first + j * inner]) }
            for j in 0..<size { shifted[j] = x.value[first + j * inner] - m }
            shifted.withUnsafeMutableBufferPointer { e in
              forEachLanes(UnsafeBufferPointer(e), into: e, 0..<size, Autograd.exp)
            }
            var total = 0.0
            for j in 0..<size { total += shifted[j] }
            let logTotal = portableLog(total)
            for j in 0..<size {
              let slot = first + j * inner
              y.value[slot] = log ? x.value[slot] - m - logTotal : shifted[j] / total
            }
          }
        }
      }
    }
    return values
  }
}
