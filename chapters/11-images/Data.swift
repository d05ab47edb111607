// Data.swift — Fashion-MNIST read from Debian's files, and the subset this run trains on.

import Autograd
import Datasets
import Notebook
import Plot

/// The images of this run: a training set, a test set (the article's validation_data), and the
/// size of the files they came from.
struct RunData {
  let train: ImageSet
  let test: ImageSet
  let trainFileCount: Int
  let testFileCount: Int
  static let classes = FashionMNIST.classNames
}

extension Images {
  func dataCell(_ notebook: Notebook, _ scope: Scope) throws -> RunData {
    let trainFile = try FashionMNIST(.train)
    let testFile = try FashionMNIST(.test)
    // A subset drawn at random (seeded), so that every class is represented about as often as in the file.
    var subset = notebook.generator("subset")
    let trainIndices = Array(subset.permutation(trainFile.count).prefix(scope.trainCount))
    let testIndices = Array(subset.permutation(testFile.count).prefix(scope.testCount))
    let data = RunData(
      train: ImageSet(trainFile, indices: trainIndices), test: ImageSet(testFile, indices: testIndices),
      trainFileCount: trainFile.count, testFileCount: testFile.count)
    try notebook.cell("data", "Fashion-MNIST: 28 × 28 grey pictures of clothes in 10 classes") { cell in
      cell.line("\(FashionMNIST.directory) (Debian's dataset-fashion-mnist), four gzip-compressed IDX files:")
      cell.line("  train: \(trainFile.count) images and labels; t10k: \(testFile.count) images and labels")
      cell.line(
        "this run: \(data.train.count) training images and \(data.test.count) test images drawn at random (seeded), "
          + "\(scope.epochs) epochs")
      func counts(_ set: ImageSet) -> [Int] { (0..<10).map { c in set.labels.filter { $0 == c }.count } }
      let (trainCounts, testCounts) = (counts(data.train), counts(data.test))
      cell.table(
        ["label", "class", "train", "test"],
        (0..<10).map { [$0, RunData.classes[$0], trainCounts[$0], testCounts[$0]] })
      cell.line("pixels 0–255 are divided by 255, so each image is 784 values in [0, 1]")
      notebook.result("scope", [data.train.count, data.test.count, scope.epochs])
      // Two training images of each class, the first ones of the subset.
      var shown: [Int] = []
      for c in 0..<10 { shown += data.train.labels.indices.filter { data.train.labels[$0] == c }.prefix(2) }
      shown.sort { (data.train.labels[$0], $0) < (data.train.labels[$1], $1) }
      let columns = (0..<2).flatMap { k in (0..<10).map { shown[2 * $0 + k] } }
      try cell.figure(
        ImageGrid(
          name: "samples", title: "Fashion-MNIST: two training images of each class",
          images: columns.map { data.train.image($0) },
          captions: columns.map { RunData.classes[data.train.labels[$0]] },
          columns: 10, range: 0...1))
    }
    return data
  }
}
