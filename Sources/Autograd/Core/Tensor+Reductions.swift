// Tensor+Reductions.swift — sum, mean, max and log-sum-exp, over everything or along one axis.
//
// A reduction along an axis sees the values as (outer, size, inner) blocks: `outer` groups,
// each holding `size` slices of `inner` contiguous values; it combines the `size` slices.

import Foundation

extension Tensor {
  /// Combines the values along `axis` with `reduce`, which receives one strided slice at a time.
  func reduce(
    along axis: Int,
    _ reduce: (_ slice: UnsafeBufferPointer<Double>, _ start: Int, _ stride: Int, _ size: Int) -> Double
  ) -> [Double] {
    let (outer, size, inner) = Shape.split(shape, at: axis)
    var values = [Double](repeating: 0, count: outer * inner)
    scalars.withUnsafeBufferPointer { x in
      for o in 0..<outer {
        for i in 0..<inner { values[o * inner + i] = reduce(x, o * size * inner + i, inner, size) }
      }
    }
    return values
  }

  /// The shape after reducing `axis`: removed, or kept with size 1.
  func reducedShape(_ axis: Int, keepingAxis: Bool) -> [Int] {
    var reduced = shape
    if keepingAxis { reduced[axis] = 1 } else { reduced.remove(at: axis) }
    return reduced
  }

  /// A gradient of a reduction along `axis`, broadcast back to this tensor's shape.
  func spread(_ gradient: Tensor, along axis: Int) -> Tensor {
    gradient.reshaped(reducedShape(axis, keepingAxis: true)).broadcasted(to: shape)
  }

  /// The sum of all elements, a scalar. ∂(Σx)/∂xᵢ = 1.
  ///
  /// Added one value after the other; from 65 536 values on, in a fixed blocked order that is
  /// faster and rounds less.
  public func sum() -> Tensor {
    Tensor.result(of: "sum", shape: [], scalars: [sumOfAll(scalars)], inputs: [self]) { _, g in
      [g.broadcasted(to: self.shape)]
    }
  }

  /// The mean of all elements, a scalar. ∂(mean x)/∂xᵢ = 1/n.
  public func mean() -> Tensor {
    if count == 0 { fail("mean: the tensor of shape \(shape) is empty") }
    return sum() / Double(count)
  }

  /// The sum along `axis` (negative counts from the end), which is removed unless
  /// `keepingAxis` is true. ∂(Σⱼ xᵢⱼ)/∂xᵢⱼ = 1.
  public func sum(axis: Int, keepingAxis: Bool = false) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "sum(axis:)", shape: shape)
    // Along the last axis, Kernels/Broadcasting.swift's rowSums performs the same additions faster.
    let values =
      axis == rank - 1
      ? Tensor.rowSums(scalars, rows: shape.dropLast().reduce(1, *), width: shape[axis])
      : reduce(along: axis) { x, start, stride, size in
        var total = 0.0
        for j in 0..<size { total += x[start + j * stride] }
        return total
      }
    return Tensor.result(
      of: "sum(axis: \(axis))", shape: reducedShape(axis, keepingAxis: keepingAxis), scalars: values,
      inputs: [self]
    ) { _, g in [self.spread(g, along: axis)] }
  }

  /// The mean along `axis`, which is removed unless `keepingAxis` is true.
  public func mean(axis: Int, keepingAxis: Bool = false) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "mean(axis:)", shape: shape)
    if shape[axis] == 0 { fail("mean(axis:): axis \(axis) of shape \(shape) is empty") }
    return sum(axis: axis, keepingAxis: keepingAxis) / Double(shape[axis])
  }

  /// The largest element, a scalar.
  ///
  /// Backward: the gradient goes to the largest element; ties share it equally.
  public func max() -> Tensor {
    if count == 0 { fail("max: the tensor of shape \(shape) is empty") }
    let largest = Tensor.largest(scalars)
    let winners = self .== largest
    return Tensor.result(of: "max", shape: [], scalars: [largest], inputs: [self]) { _, g in
      [g * winners / winners.sum().item]
    }
  }

  /// The largest element along `axis`, which is removed unless `keepingAxis` is true.
  ///
  /// Backward: the gradient of each slice goes to its largest element; ties share it equally.
  public func max(axis: Int, keepingAxis: Bool = false) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "max(axis:)", shape: shape)
    if shape[axis] == 0 { fail("max(axis:): axis \(axis) of shape \(shape) is empty") }
    let values = reduce(along: axis) { x, start, stride, size in
      Tensor.largest((0..<size).map { x[start + $0 * stride] })
    }
    let kept = reducedShape(axis, keepingAxis: true)
    let winners = self .== Tensor(shape: kept, scalars: values)
    let share = winners / winners.sum(axis: axis, keepingAxis: true)
    return Tensor.result(
      of: "max(axis: \(axis))", shape: reducedShape(axis, keepingAxis: keepingAxis), scalars: values,
      inputs: [self]
    ) { _, g in [self.spread(g, along: axis) * share] }
  }

  /// log Σⱼ exp(xⱼ) along `axis`, computed without overflow.
  ///
  /// ```
  /// LSE(x) = m + log Σⱼ exp(xⱼ − m),  m = maxⱼ xⱼ      ∂LSE/∂xⱼ = exp(xⱼ − LSE) = softmax(x)ⱼ
  /// ```
  /// Subtracting the maximum first keeps every exponent ≤ 0, so nothing overflows even for
  /// inputs of magnitude 1e4, and the largest term is exactly 1, so the log never sees 0.
  public func logSumExp(axis: Int, keepingAxis: Bool = false) -> Tensor {
    let axis = Shape.axis(axis, rank: rank, operation: "logSumExp(axis:)", shape: shape)
    let values = reduce(along: axis) { x, start, stride, size in
      let m = (0..<size).map { x[start + $0 * stride] }.max() ?? -.infinity
      if m == -.infinity { return -.infinity }
      var total = 0.0
      for j in 0..<size { total += portableExp(x[start + j * stride] - m) }
      return m + portableLog(total)
    }
    let kept = reducedShape(axis, keepingAxis: true)
    return Tensor.result(
      of: "logSumExp(axis: \(axis))", shape: reducedShape(axis, keepingAxis: keepingAxis), scalars: values,
      inputs: [self]
    ) { y, g in [self.spread(g, along: axis) * (self - y.reshaped(kept)).exp()] }
  }

  /// The largest value, or NaN when any value is NaN — wherever it stands. (`Array.max()` compares
  /// with `<`, which is false for NaN, so its answer would depend on the NaN's position.)
  static func largest(_ values: [Double]) -> Double {
    values.contains(where: \.isNaN) ? .nan : values.max()!
  }
}
