// ImageSet.swift — the images a model trains on: pixels scaled to [0, 1] and labels, in batches.
//
// Shapes: B batch, 28 × 28 pixels; the CNN reads [B, 28, 28, 1] (one channel), the LSTM
// [B, 28, 28] (28 time steps of a 28-pixel row).

import Autograd
import Datasets

/// Images and their labels, `pixels` holding 784 values in [0, 1] per image, row after row.
struct ImageSet {
  let pixels: [Double]
  let labels: [Int]
  var count: Int { labels.count }
  static let side = FashionMNIST.side
  static let size = side * side

  /// The images `indices` of `data`, scaled by 1/255 as Keras examples do (x_train / 255.0).
  init(_ data: FashionMNIST, indices: [Int]) {
    var pixels: [Double] = []
    pixels.reserveCapacity(indices.count * ImageSet.size)
    for i in indices { pixels += data.image(i) }
    self.pixels = pixels
    labels = indices.map { data.labels[$0] }
  }

  /// The images `indices` as one tensor of `shape` (its first entry the batch) and their labels.
  func batch(_ indices: [Int], shape: [Int]) -> (x: Tensor, labels: [Int]) {
    var values: [Double] = []
    values.reserveCapacity(indices.count * ImageSet.size)
    for i in indices { values += pixels[(i * ImageSet.size)..<((i + 1) * ImageSet.size)] }
    return (Tensor(shape: shape, scalars: values), indices.map { labels[$0] })
  }

  /// Image `index`, 28 rows of 28 values.
  func image(_ index: Int) -> [[Double]] {
    (0..<ImageSet.side).map { row in
      Array(pixels[(index * ImageSet.size + row * ImageSet.side)..<(index * ImageSet.size + (row + 1) * ImageSet.side)])
    }
  }
}
