// Gzip.swift — the bytes of a gzip-compressed file, inflated by zlib (a system library: the
// inflate algorithm is not ours to rewrite, and Foundation cannot inflate gzip on Linux).

import CZlib
import Foundation

/// Why a data file could not be read; every case names the file.
public struct DatasetError: Error, CustomStringConvertible, Equatable {
  /// The file concerned.
  public let path: String
  /// What is wrong with it, in a sentence.
  public let problem: String

  public init(path: String, problem: String) {
    self.path = path
    self.problem = problem
  }

  public var description: String { "\(path): \(problem)" }
}

/// The inflated contents of the gzip file at `path`.
///
/// zlib's `gzread` checks the stream as it goes: a corrupt block or a wrong CRC-32 is a
/// `Z_DATA_ERROR`, a file cut short is `Z_BUF_ERROR` ("unexpected end of file"); both are thrown,
/// naming the file.
/// (A file that is not gzip at all is read as it is, zlib's "transparent" mode; the IDX reader's
/// magic number then catches it.)
public func gunzip(_ path: String) throws -> [UInt8] {
  guard FileManager.default.fileExists(atPath: path) else {
    throw DatasetError(path: path, problem: "no such file")
  }
  guard let file = gzopen(path, "rb") else {
    throw DatasetError(path: path, problem: "cannot be opened (\(String(cString: strerror(errno))))")
  }
  defer { gzclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
    if count < 0 {
      var code: Int32 = 0
      let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
      throw DatasetError(path: path, problem: "the gzip stream is damaged (zlib: \(message))")
    }
    if count == 0 { break }
    bytes += chunk[0..<Int(count)]
  }
  // A file cut short is not an error of gzread (it returns the data up to the cut, then 0):
  // zlib records it as Z_BUF_ERROR, "unexpected end of file", which only gzerror tells.
  var code: Int32 = 0
  let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
  if code != Z_OK {
    throw DatasetError(path: path, problem: "the gzip stream is damaged or truncated (zlib: \(message))")
  }
  return bytes
}
