// FashionMNIST.swift — Zalando's Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 70 000 grey
// 28 × 28 pictures of clothing in 10 classes, as Debian's package dataset-fashion-mnist installs them.

import Foundation

/// One split of Fashion-MNIST: images and their labels, checked against each other.
public struct FashionMNIST: Sendable {
  /// Where Debian's `dataset-fashion-mnist` puts the four files.
  public static let directory = "/usr/share/datasets/fashion-mnist"
  /// The command that installs them.
  public static let installCommand = "sudo apt-get install dataset-fashion-mnist"
  /// The ten classes, in label order 0–9.
  public static let classNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
  ]
  /// Rows and columns of every image.
  public static let side = 28

  /// Which of the two files pairs.
  public enum Split: String, Sendable {
    /// 60 000 images: `train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`.
    case train
    /// 10 000 images: `t10k-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`.
    case test = "t10k"
  }

  /// The pixels, image after image, row after row: 784 bytes per image, 0 (background) to 255.
  public let pixels: [UInt8]
  /// The class of each image, 0–9.
  public let labels: [Int]

  /// The number of images.
  public var count: Int { labels.count }

  /// Reads `split` from `directory`: both files must exist, parse as IDX with 28 × 28 images,
  /// hold as many labels as images, and every label must be a class 0–9.
  public init(_ split: Split, directory: String = FashionMNIST.directory) throws {
    let imagesPath = "\(directory)/\(split.rawValue)-images-idx3-ubyte.gz"
    let labelsPath = "\(directory)/\(split.rawValue)-labels-idx1-ubyte.gz"
    for path in [imagesPath, labelsPath] where !FileManager.default.fileExists(atPath: path) {
      throw DatasetError(
        path: path,
        problem: "missing: Fashion-MNIST comes from Debian's package dataset-fashion-mnist "
          + "(make deps installs it; by hand: \(FashionMNIST.installCommand))")
    }
    let images = try IDXArray(contentsOfGzip: imagesPath, dimensions: 3)
    let labels = try IDXArray(contentsOfGzip: labelsPath, dimensions: 1)
    let side = FashionMNIST.side
    guard images.shape[1] == side, images.shape[2] == side else {
      throw DatasetError(
        path: imagesPath, problem: "images of \(images.shape[1]) × \(images.shape[2]), expected 28 × 28")
    }
    guard images.shape[0] == labels.shape[0] else {
      throw DatasetError(
        path: labelsPath, problem: "\(labels.shape[0]) labels for the \(images.shape[0]) images of \(imagesPath)")
    }
    if let bad = labels.bytes.firstIndex(where: { $0 > 9 }) {
      throw DatasetError(path: labelsPath, problem: "label \(labels.bytes[bad]) at index \(bad); classes are 0–9")
    }
    pixels = images.bytes
    self.labels = labels.bytes.map(Int.init)
  }

  /// Image `index` as 784 values in [0, 1] (pixel / 255, Keras's usual scaling), row after row.
  public func image(_ index: Int) -> [Double] {
    let size = FashionMNIST.side * FashionMNIST.side
    return pixels[(index * size)..<((index + 1) * size)].map { Double($0) / 255 }
  }
}
