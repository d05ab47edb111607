// SafeTensors.swift — the safetensors file format (Hugging Face), written and read with every
// field checked, for Autograd's Double tensors.
//
// A file is three parts:
//
//   8 bytes       N, the header's length, an unsigned 64-bit integer, little-endian
//   N bytes       a JSON object: for each tensor, name → {"dtype": "F64", "shape": [...],
//                 "data_offsets": [begin, end]}, offsets in bytes from the start of the data
//                 section, end excluded; and optionally "__metadata__": {string: string}
//   the rest      the data section: each tensor's values, row-major, little-endian
//
// Reading trusts nothing: a file is parsed and checked whole before any value is used, so a
// truncated or corrupt file is refused and the model it was meant for keeps its values.

import Foundation

/// The safetensors format (Hugging Face's `safetensors`), the format PyTorch, JAX and NumPy users
/// share weights in, with `F64` tensors.
///
/// ```
/// [8 bytes: N, little-endian u64][N bytes: JSON header][data: little-endian doubles]
/// header: {"__metadata__": {"format": "autograd"}, "W": {"dtype": "F64", "shape": [3, 2], "data_offsets": [0, 48]}, …}
/// ```
/// ``encode(_:metadata:)`` writes the tensors in the order given, one after the other; ``decode(_:)``
/// accepts any order but requires what the reference implementation requires: every offset pair
/// within the data, the tensors back to back with no gap or overlap, covering the data exactly,
/// and each tensor's byte count equal to 8 × the product of its shape.
///
/// See also: ``Module/save(to:metadata:)``, ``Module/load(from:)``.
public enum SafeTensors {
  /// One tensor of a file: its name, shape and row-major values.
  public struct Entry: Equatable, Sendable {
    /// The tensor's name (`blocks.0.attention.query.W`).
    public let name: String
    /// The size of each axis, `[]` for a scalar.
    public let shape: [Int]
    /// The values, row-major.
    public let values: [Double]

    /// A tensor named `name` of `shape` with row-major `values`.
    public init(name: String, shape: [Int], values: [Double]) {
      (self.name, self.shape, self.values) = (name, shape, values)
    }
  }

  /// A decoded file: its tensors in the order of their data, and its metadata.
  public struct File: Sendable {
    /// The tensors, in the order of their offsets in the data section.
    public let entries: [Entry]
    /// The `__metadata__` strings (empty when the file has none).
    public let metadata: [String: String]
  }

  /// The largest header accepted, as in the reference implementation (100 MB): a corrupt length
  /// must not make the reader allocate without bound.
  static let largestHeader = 100_000_000

  /// The bytes of a safetensors file holding `entries` in that order, with `metadata`.
  ///
  /// The JSON header is written in a fixed order (metadata first, then the tensors in the order
  /// given) and padded with spaces to a multiple of 8 bytes, so that the data section starts
  /// aligned for 8-byte values, as the reference implementation does.
  public static func encode(_ entries: [Entry], metadata: [String: String] = [:]) -> Data {
    var fields: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
      fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    for entry in entries {
      let count = entry.shape.reduce(1, *)
      if count != entry.values.count {
        fail("SafeTensors.encode: \(entry.name) has shape \(entry.shape) but \(entry.values.count) values")
      }
      let end = offset + 8 * count
      fields.append(
        "\(jsonString(entry.name)):{\"dtype\":\"F64\",\"shape\":[\(entry.shape.map(String.init).joined(separator: ","))],"
          + "\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array(("{" + fields.joined(separator: ",") + "}").utf8)
    while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
    var data = Data(capacity: 8 + header.count + offset)
    appendLittleEndian(UInt64(header.count), to: &data)
    data.append(contentsOf: header)
    for entry in entries {
      for value in entry.values { appendLittleEndian(value.bitPattern, to: &data) }
    }
    return data
  }

  /// The tensors and metadata of a safetensors file, every field checked.
  ///
  /// - Throws: ``SafeTensorsError`` naming the first problem: a file shorter than its header
  ///   length says, a header that is not a JSON object of the expected fields, a dtype other
  ///   than `F64`, a shape and offsets that disagree, offsets outside the data, overlapping or
  ///   leaving a gap, a name used twice (JSON allows it, safetensors does not).
  public static func decode(_ data: Data) throws -> File {
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else {
      throw SafeTensorsError("the file has \(bytes.count) bytes, fewer than the 8 of its header length")
    }
    let headerLength = readLittleEndian(bytes, at: 0)
    guard headerLength <= UInt64(largestHeader) else {
      throw SafeTensorsError("the header length \(headerLength) is larger than the limit of \(largestHeader) bytes")
    }
    guard 8 + Int(headerLength) <= bytes.count else {
      throw SafeTensorsError(
        "the header length says \(headerLength) bytes, but only \(bytes.count - 8) follow it (truncated file?)")
    }
    let headerBytes = bytes[8..<(8 + Int(headerLength))]
    guard headerBytes.first == UInt8(ascii: "{") else {
      throw SafeTensorsError("the header does not start with '{': not a JSON object")
    }
    if let key = duplicateKey(in: Array(headerBytes)) {
      throw SafeTensorsError("the header names \"\(key)\" twice")
    }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: Data(headerBytes))
    } catch {
      // JSONDecoder reports a number that is not a whole one as invalid JSON: say which it is.
      guard (try? JSONSerialization.jsonObject(with: Data(headerBytes))) != nil else {
        throw SafeTensorsError("the header is not valid JSON")
      }
      var path = ""
      if case let DecodingError.typeMismatch(_, context) = error {
        path = context.codingPath.map(\.stringValue).joined(separator: ".")
      }
      if case let DecodingError.keyNotFound(key, context) = error {
        path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
      }
      if case let DecodingError.valueNotFound(_, context) = error {
        path = context.codingPath.map(\.stringValue).joined(separator: ".")
      }
      throw SafeTensorsError(
        "the header is JSON but not what safetensors expects"
          + (path.isEmpty
            ? " (a tensor's dtype a string, shape and data_offsets lists of whole numbers; __metadata__ strings)"
            : ": \(path) is missing or of the wrong type"))
    }
    let metadata = header.metadata
    let dataStart = 8 + Int(headerLength)
    let dataLength = bytes.count - dataStart
    var located: [(name: String, shape: [Int], begin: Int, end: Int)] = []
    for (name, fields) in header.tensors {
      guard fields.dtype == "F64" else {
        throw SafeTensorsError("\(name): dtype \(fields.dtype); Autograd reads F64 (Double) tensors only")
      }
      let (shape, offsets) = (fields.shape, fields.data_offsets)
      guard shape.allSatisfy({ $0 >= 0 }) else { throw SafeTensorsError("\(name): shape \(shape) has a negative size") }
      guard offsets.count == 2, offsets.allSatisfy({ $0 >= 0 }) else {
        throw SafeTensorsError("\(name): data_offsets \(offsets) is not a pair of non-negative integers")
      }
      let (begin, end) = (offsets[0], offsets[1])
      guard begin <= end, end <= dataLength else {
        throw SafeTensorsError(
          "\(name): data_offsets [\(begin), \(end)) lie outside the data section of \(dataLength) bytes")
      }
      // The product of the shape, refusing an overflow rather than wrapping around.
      var count = 1
      for size in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { throw SafeTensorsError("\(name): shape \(shape) is too large") }
        count = product
      }
      let (bytes, tooMany) = count.multipliedReportingOverflow(by: 8)
      guard !tooMany else { throw SafeTensorsError("\(name): shape \(shape) is too large") }
      guard end - begin == bytes else {
        throw SafeTensorsError(
          "\(name): shape \(shape) needs \(bytes) bytes of F64, data_offsets [\(begin), \(end)) hold \(end - begin)")
      }
      located.append((name, shape, begin, end))
    }
    // Back to back, in offset order (name order breaks ties between empty tensors).
    located.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    var expected = 0
    for entry in located {
      if entry.begin != expected {
        throw SafeTensorsError(
          entry.begin < expected
            ? "\(entry.name): data_offsets [\(entry.begin), \(entry.end)) overlap the tensor before it"
            : "\(entry.name): data_offsets [\(entry.begin), \(entry.end)) leave a gap after byte \(expected)")
      }
      expected = entry.end
    }
    guard expected == dataLength else {
      throw SafeTensorsError("the tensors cover \(expected) bytes of data, but the data section has \(dataLength)")
    }
    let entries = located.map { entry in
      Entry(
        name: entry.name, shape: entry.shape,
        values: stride(from: dataStart + entry.begin, to: dataStart + entry.end, by: 8).map {
          Double(bitPattern: readLittleEndian(bytes, at: $0))
        })
    }
    return File(entries: entries, metadata: metadata)
  }

  /// The JSON header: each tensor's fields, and the metadata.
  private struct Header: Decodable {
    struct Fields: Decodable {
      let dtype: String
      let shape: [Int]
      let data_offsets: [Int]
    }
    struct Key: CodingKey {
      let stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }
    var tensors: [(name: String, fields: Fields)] = []
    var metadata: [String: String] = [:]

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      for key in container.allKeys {
        if key.stringValue == "__metadata__" {
          metadata = try container.decode([String: String].self, forKey: key)
        } else {
          tensors.append((key.stringValue, try container.decode(Fields.self, forKey: key)))
        }
      }
    }
  }

  /// The first key that appears twice in the top-level object of `header`, if any (JSONSerialization
  /// would keep only one of them silently).
  private static func duplicateKey(in header: [UInt8]) -> String? {
    var seen = Set<String>()
    var depth = 0
    var index = 0
    while index < header.count {
      let byte = header[index]
      if byte == UInt8(ascii: "\"") {
        var end = index + 1
        while end < header.count && header[end] != UInt8(ascii: "\"") {
          end += header[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < header.count else { return nil }  // unterminated: JSONSerialization reports it
        // A key of the top-level object is a string at depth 1 followed by a colon.
        var next = end + 1
        while next < header.count && [0x20, 0x09, 0x0A, 0x0D].contains(header[next]) { next += 1 }
        if depth == 1, next < header.count, header[next] == UInt8(ascii: ":") {
          let key = String(decoding: header[(index + 1)..<end], as: UTF8.self)
          if !seen.insert(key).inserted { return key }
        }
        index = end + 1
        continue
      }
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
      if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
      index += 1
    }
    return nil
  }

  /// `string` as a JSON string literal.
  private static func jsonString(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func appendLittleEndian(_ value: UInt64, to data: inout Data) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  private static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
  }
}

/// Why a safetensors file was refused: what is wrong, and where.
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
  /// The problem, naming the first tensor or field at fault.
  public let description: String

  init(_ description: String) { self.description = description }
}
