// Tensor+Creation.swift — tensors made from a rule rather than a list: zeros, ones, ranges,
// identity, and seeded random values.

import Foundation

extension Tensor {
  /// A tensor of `shape` with every element `value`.
  public static func full(_ shape: [Int], _ value: Double, requiresGrad: Bool = false) -> Tensor {
    Tensor(
      shape: shape, scalars: Array(repeating: value, count: Shape.count(shape, operation: "full")),
      requiresGrad: requiresGrad)
  }

  /// A tensor of zeros.
  public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
    full(shape, 0, requiresGrad: requiresGrad)
  }

  /// A tensor of ones.
  public static func ones(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
    full(shape, 1, requiresGrad: requiresGrad)
  }

  /// Zeros with the shape of `other`.
  public static func zeros(like other: Tensor) -> Tensor { zeros(other.shape) }

  /// Ones with the shape of `other`.
  public static func ones(like other: Tensor) -> Tensor { ones(other.shape) }

  /// The `n × n` identity matrix.
  public static func identity(_ n: Int) -> Tensor {
    if n < 0 { fail("identity: size \(n) is negative") }
    var values = [Double](repeating: 0, count: Shape.count([n, n], operation: "identity"))
    for i in 0..<n { values[i * n + i] = 1 }
    return Tensor(shape: [n, n], scalars: values)
  }

  /// `start, start + step, …` up to but excluding `end`, like NumPy's `arange`.
  public static func arange(_ start: Double, _ end: Double, step: Double = 1) -> Tensor {
    if !start.isFinite || !end.isFinite || !step.isFinite {
      fail("arange: start \(start), end \(end) and step \(step) must be finite numbers")
    }
    if step == 0 || (end - start) / step < 0 {
      fail("arange: step \(step) never goes from \(start) to \(end)")
    }
    let steps = ((end - start) / step).rounded(.up)
    if steps >= Double(Int.max) { fail("arange: \(steps) values from \(start) to \(end) by \(step) are too many") }
    let n = Shape.count([Int(steps)], operation: "arange")
    return Tensor((0..<n).map { start + Double($0) * step })
  }

  /// `count` evenly spaced values from `start` to `end`, both included.
  public static func linspace(_ start: Double, _ end: Double, count: Int) -> Tensor {
    if count < 1 { fail("linspace: count must be at least 1, got \(count)") }
    if !start.isFinite || !end.isFinite { fail("linspace: start \(start) and end \(end) must be finite numbers") }
    if count == 1 { return Tensor([start]) }
    let step = (end - start) / Double(count - 1)
    // The last value is `end` exactly, not start + (count − 1)·step rounded.
    return Tensor((0..<count).map { $0 == count - 1 ? end : start + Double($0) * step })
  }

  /// Values drawn uniformly from `range`.
  public static func uniform(
    _ shape: [Int], in range: ClosedRange<Double> = 0...1, using generator: inout SeededGenerator,
    requiresGrad: Bool = false
  ) -> Tensor {
    let values = (0..<Shape.count(shape, operation: "uniform")).map { _ in
      range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUnit()
    }
    return Tensor(shape: shape, scalars: values, requiresGrad: requiresGrad)
  }

  /// Values drawn from the normal distribution with `mean` and `standardDeviation`.
  public static func normal(
    _ shape: [Int], mean: Double = 0, standardDeviation: Double = 1, using generator: inout SeededGenerator,
    requiresGrad: Bool = false
  ) -> Tensor {
    let values = (0..<Shape.count(shape, operation: "normal")).map { _ in mean + standardDeviation * generator.nextNormal() }
    return Tensor(shape: shape, scalars: values, requiresGrad: requiresGrad)
  }
}
