// Shape.swift — shape arithmetic: row-major strides, NumPy broadcasting, axis checks.

import Foundation

/// Helpers on shapes (`[Int]`), shared by every operation.
enum Shape {
  /// The number of values of a tensor of `shape`, checked before anything is allocated: a
  /// negative size, a count that overflows `Int`, or more bytes than the machine's memory holds
  /// stop with a message naming `operation`, instead of a trap inside the standard library or
  /// the kernel's out-of-memory killer. (A tensor that fits in memory is allocated as the
  /// system allows; Linux may still refuse it later if other memory is in use.)
  static func count(_ shape: [Int], operation: String) -> Int {
    if let bad = shape.first(where: { $0 < 0 }) {
      fail("\(operation): negative axis size \(bad) in shape \(shape)")
    }
    var count = 1
    for size in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      if overflow { fail("\(operation): shape \(shape) has more values than an Int can count") }
      count = product
    }
    let bytes = Double(count) * Double(MemoryLayout<Double>.size)
    if bytes > physicalMemory {
      fail(
        "\(operation): shape \(shape) needs \(gigabytes(bytes)) for its values, more than this machine's "
          + "\(gigabytes(physicalMemory)) of memory")
    }
    return count
  }

  /// The machine's memory in bytes, read once: `count` runs for every tensor made, and asking
  /// the system each time would put a file read on that path.
  private static let physicalMemory = Double(ProcessInfo.processInfo.physicalMemory)

  private static func gigabytes(_ bytes: Double) -> String {
    String(format: "%.1f GB", bytes / 1e9)
  }

  /// Row-major strides: how far apart, in `scalars`, neighbours along each axis are.
  /// `[2, 3, 4]` → `[12, 4, 1]`.
  static func strides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in shape.indices.reversed() {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// The broadcast shape of `a` and `b` (NumPy rules): align from the right; two sizes agree
  /// when equal or when one of them is 1.
  static func broadcast(_ a: [Int], _ b: [Int], operation: String) -> [Int] {
    let rank = max(a.count, b.count)
    let a1 = [Int](repeating: 1, count: rank - a.count) + a
    let b1 = [Int](repeating: 1, count: rank - b.count) + b
    return (0..<rank).map { axis in
      if a1[axis] == b1[axis] || b1[axis] == 1 { return a1[axis] }
      if a1[axis] == 1 { return b1[axis] }
      fail(
        "\(operation): shapes \(a) and \(b) cannot be broadcast together (axis \(axis) has \(a1[axis]) vs \(b1[axis]))")
    }
  }

  /// Strides for reading a tensor of `shape` as if it had the larger shape `target`:
  /// 0 along every axis that is broadcast (added on the left, or of size 1).
  static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
    let own = strides(shape)
    let padding = target.count - shape.count
    return target.indices.map { axis in
      axis < padding || shape[axis - padding] == 1 ? 0 : own[axis - padding]
    }
  }

  /// Whether `shape` broadcasts to `target` without changing `target`.
  static func canBroadcast(_ shape: [Int], to target: [Int]) -> Bool {
    guard shape.count <= target.count else { return false }
    let padding = target.count - shape.count
    return shape.indices.allSatisfy { shape[$0] == 1 || shape[$0] == target[$0 + padding] }
  }

  /// An axis with negative values counting from the end, checked against the rank.
  static func axis(_ axis: Int, rank: Int, operation: String, shape: [Int]) -> Int {
    let normalized = axis < 0 ? axis + rank : axis
    if normalized < 0 || normalized >= rank {
      fail("\(operation): axis \(axis) is out of range for shape \(shape)")
    }
    return normalized
  }

  /// Visits every position of `shape` in row-major order, with the matching offsets into two
  /// tensors read through `stridesA` and `stridesB` (see ``broadcastStrides(_:to:)``).
  /// The offsets are updated incrementally, like an odometer.
  @inline(__always)
  static func forEachOffset(
    _ shape: [Int], _ stridesA: [Int], _ stridesB: [Int], _ body: (Int, Int, Int) -> Void
  ) {
    let count = shape.reduce(1, *)
    guard count > 0 else { return }
    var index = [Int](repeating: 0, count: shape.count)
    var a = 0
    var b = 0
    for position in 0..<count {
      body(position, a, b)
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        a += stridesA[axis]
        b += stridesB[axis]
        if index[axis] < shape[axis] { break }
        a -= stridesA[axis] * shape[axis]
        b -= stridesB[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  /// Splits `shape` around `axis` into (outer, size, inner) counts: the values of a row-major
  /// tensor are `outer` blocks of `size` slices of `inner` contiguous values.
  static func split(_ shape: [Int], at axis: Int) -> (outer: Int, size: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
  }
}
