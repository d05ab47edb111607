// IDX.swift — the IDX format of MNIST and Fashion-MNIST (LeCun et al.), checked field by field.
//
// An IDX file is a header and an array of bytes:
//
//   bytes 0–1   0x00 0x00
//   byte  2     the element type (0x08: unsigned byte, the only one these data sets use)
//   byte  3     the number of dimensions d
//   then d      sizes, each a 32-bit big-endian integer
//   then        the elements, ∏ sizes of them, the last dimension varying fastest

/// An IDX array of unsigned bytes: its sizes and its elements, row-major.
public struct IDXArray: Equatable, Sendable {
  /// The size of each dimension, e.g. `[60000, 28, 28]`.
  public let shape: [Int]
  /// The elements, the last dimension varying fastest.
  public let bytes: [UInt8]

  /// Parses IDX `data` read from `path` (named in every error), expecting `dimensions`
  /// dimensions: the magic number, the element type, the sizes and the element count are checked.
  public init(parsing data: [UInt8], from path: String, dimensions: Int) throws {
    func problem(_ text: String) -> DatasetError { DatasetError(path: path, problem: text) }
    guard data.count >= 4 else {
      throw problem("\(data.count) bytes, too short for an IDX header (4 bytes before the sizes)")
    }
    guard data[0] == 0, data[1] == 0 else {
      throw problem(
        "not an IDX file: it starts with bytes \(data[0]), \(data[1]) where the magic number has 0, 0")
    }
    guard data[2] == 0x08 else {
      throw problem("element type 0x\(String(data[2], radix: 16)), expected 0x08 (unsigned bytes)")
    }
    guard Int(data[3]) == dimensions else {
      throw problem("\(data[3]) dimensions, expected \(dimensions)")
    }
    let headerSize = 4 + 4 * dimensions
    guard data.count >= headerSize else {
      throw problem("\(data.count) bytes, too short for the header of \(dimensions) sizes (\(headerSize) bytes)")
    }
    let sizes = (0..<dimensions).map { d in
      (0..<4).reduce(0) { $0 << 8 | Int(data[4 + 4 * d + $1]) }  // big-endian
    }
    let count = sizes.reduce(1, *)
    let payload = data.count - headerSize
    guard payload == count else {
      let sizesText = sizes.map(String.init).joined(separator: " × ")
      throw problem(
        "the header promises \(sizesText) = \(count) elements, but \(payload) bytes follow it"
          + (payload < count ? " (the file is truncated)" : " (extra bytes at the end)"))
    }
    shape = sizes
    bytes = Array(data[headerSize...])
  }

  /// The IDX array in the gzip file at `path`, with `dimensions` dimensions.
  public init(contentsOfGzip path: String, dimensions: Int) throws {
    try self.init(parsing: try gunzip(path), from: path, dimensions: dimensions)
  }

  /// The IDX bytes of `shape` and `bytes`: header and elements (for writing test files).
  public static func encoded(shape: [Int], bytes: [UInt8]) -> [UInt8] {
    var data: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
    for size in shape { data += [24, 16, 8, 0].map { UInt8((size >> $0) & 0xFF) } }
    return data + bytes
  }
}
