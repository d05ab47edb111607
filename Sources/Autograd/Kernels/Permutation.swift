// Permutation.swift — a kernel: the copies behind `permuted` (Core/Tensor+ShapeOps.swift).
//
// The definition visits every value with an odometer over the result's axes. When the last axis
// stays last — splitting a layer's features into attention heads, [batch, tokens, heads, width] →
// [batch, heads, tokens, width], and merging them back — each row of the last axis is contiguous
// in both tensors, so the odometer runs over the other axes only and each row is copied whole.
// The same values land in the same places (KernelTests compares it with the definition).

extension Tensor {
  /// ``Permutation/values(_:shape:axes:)``, a row of the last axis at a time when it stays last.
  static func permutedValues(_ x: [Double], shape: [Int], axes: [Int]) -> [Double] {
    guard let width = shape.last, width > 0, axes.last == shape.count - 1, !x.isEmpty else {
      return Permutation.values(x, shape: shape, axes: axes)
    }
    let own = Shape.strides(shape)
    let readStrides = axes.dropLast().map { own[$0] }
    return pooledArray(x.count) { out in
      x.withUnsafeBufferPointer { x in
        Shape.forEachOffset(axes.dropLast().map { shape[$0] }, readStrides, readStrides) { row, offset, _ in
          (out.baseAddress! + row * width).update(from: x.baseAddress! + offset, count: width)
        }
      }
    }
  }
}
