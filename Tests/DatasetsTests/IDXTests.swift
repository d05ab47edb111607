// IDXTests.swift — the IDX reader and the Fashion-MNIST loader on small files these tests write
// themselves (gzip-compressed through zlib): good ones, corrupt ones and truncated ones.

import CZlib
import Foundation
import Testing

@testable import Datasets

/// A fresh folder under the system's temporary directory.
private func scratchFolder() -> String {
  let path = NSTemporaryDirectory() + "idx-tests-\(UUID().uuidString)"
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Writes `bytes` gzip-compressed to `path` with zlib.
private func writeGzip(_ bytes: [UInt8], to path: String) {
  let file = gzopen(path, "wb")!
  let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
  precondition(Int(written) == bytes.count)
  gzclose(file)
}

/// `count` images of 28 × 28 (pixel i of image n is (n + i) mod 256) and labels n mod 10.
private func writeFashion(in folder: String, split: String, count: Int, labels: Int? = nil, side: Int = 28) {
  let pixels = (0..<(count * side * side)).map { UInt8(($0 / (side * side) + $0 % (side * side)) % 256) }
  writeGzip(
    IDXArray.encoded(shape: [count, side, side], bytes: pixels), to: "\(folder)/\(split)-images-idx3-ubyte.gz")
  let n = labels ?? count
  writeGzip(
    IDXArray.encoded(shape: [n], bytes: (0..<n).map { UInt8($0 % 10) }), to: "\(folder)/\(split)-labels-idx1-ubyte.gz")
}

@Suite("IDX files and Fashion-MNIST")
struct IDXTests {
  @Test("a good file: shape and bytes as written")
  func good() throws {
    let folder = scratchFolder()
    let path = "\(folder)/a.gz"
    writeGzip(IDXArray.encoded(shape: [2, 3, 4], bytes: (0..<24).map(UInt8.init)), to: path)
    let array = try IDXArray(contentsOfGzip: path, dimensions: 3)
    #expect(array.shape == [2, 3, 4])
    #expect(array.bytes == (0..<24).map(UInt8.init))
  }

  @Test("sizes are read big-endian, beyond one byte")
  func bigEndian() throws {
    let data = IDXArray.encoded(shape: [300], bytes: [UInt8](repeating: 7, count: 300))
    #expect(Array(data[4..<8]) == [0, 0, 1, 44])
    #expect(try IDXArray(parsing: data, from: "x", dimensions: 1).shape == [300])
  }

  /// A header field changed: each gives an error that names the file and says what is wrong.
  @Test(
    "a wrong header is refused, naming the file",
    arguments: [
      (0, UInt8(1), "not an IDX file"), (2, UInt8(0x0D), "element type 0xd"), (3, UInt8(2), "2 dimensions, expected 1"),
      (7, UInt8(9), "the header promises 9 = 9 elements, but 5 bytes follow it (the file is truncated)"),
      (7, UInt8(4), "(extra bytes at the end)"),
    ])
  func wrongHeader(index: Int, value: UInt8, message: String) {
    var data = IDXArray.encoded(shape: [5], bytes: [1, 2, 3, 4, 5])
    data[index] = value
    let error = #expect(throws: DatasetError.self) { try IDXArray(parsing: data, from: "labels.gz", dimensions: 1) }
    #expect(error?.path == "labels.gz")
    #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
  }

  @Test("a file shorter than its header is refused")
  func shortHeader() {
    #expect(throws: DatasetError.self) { try IDXArray(parsing: [0, 0], from: "x", dimensions: 1) }
    #expect(throws: DatasetError.self) { try IDXArray(parsing: [0, 0, 8, 3, 0, 0], from: "x", dimensions: 3) }
  }

  @Test("a truncated gzip file is an error naming it (zlib: unexpected end of file)")
  func truncatedGzip() throws {
    let folder = scratchFolder()
    let path = "\(folder)/cut.gz"
    writeGzip(IDXArray.encoded(shape: [1000], bytes: (0..<1000).map { UInt8($0 % 251) }), to: path)
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: DatasetError.self) { try IDXArray(contentsOfGzip: path, dimensions: 1) }
    #expect(error?.path == path)
    #expect(error?.description.contains("damaged") == true, "\(error?.description ?? "")")
  }

  @Test("a corrupt gzip file (a changed byte: wrong data or checksum) is an error naming it")
  func corruptGzip() throws {
    let folder = scratchFolder()
    let path = "\(folder)/bad.gz"
    writeGzip(IDXArray.encoded(shape: [1000], bytes: (0..<1000).map { UInt8($0 % 251) }), to: path)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: DatasetError.self) { try IDXArray(contentsOfGzip: path, dimensions: 1) }
    #expect(error?.path == path)
  }

  @Test("Fashion-MNIST from a folder of small files: images scaled to [0, 1], labels as written")
  func fashion() throws {
    let folder = scratchFolder()
    writeFashion(in: folder, split: "t10k", count: 3)
    let data = try FashionMNIST(.test, directory: folder)
    #expect(data.count == 3)
    #expect(data.labels == [0, 1, 2])
    #expect(data.image(1).count == 784)
    #expect(data.image(1)[0] == 1.0 / 255)
  }

  @Test("a missing file names the package and the install command")
  func missing() {
    let error = #expect(throws: DatasetError.self) { try FashionMNIST(.train, directory: scratchFolder()) }
    #expect(error?.description.contains("apt-get install dataset-fashion-mnist") == true)
    #expect(error?.path.hasSuffix("train-images-idx3-ubyte.gz") == true)
  }

  @Test("images and labels that disagree, or images not 28 × 28, are refused")
  func mismatched() {
    let folder = scratchFolder()
    writeFashion(in: folder, split: "train", count: 3, labels: 4)
    let error = #expect(throws: DatasetError.self) { try FashionMNIST(.train, directory: folder) }
    #expect(error?.description.contains("4 labels for the 3 images") == true)
    let other = scratchFolder()
    writeFashion(in: other, split: "train", count: 2, side: 27)
    #expect(throws: DatasetError.self) { try FashionMNIST(.train, directory: other) }
  }
}
