// JSONValue.swift — a small JSON value with ordered keys, so the same results print as the
// same bytes on every run.

import Foundation

/// A JSON value whose objects keep their keys in insertion order.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

  /// Compact JSON text. Numbers use Swift's shortest round-trip form; NaN and ±∞, which JSON
  /// cannot express, become the strings "NaN", "Infinity" and "-Infinity".
  public func serialized() -> String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x):
      if x.isNaN { return "\"NaN\"" }
      if x.isInfinite { return x > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
      if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
      return "\(x)"
    case .string(let s): return Self.quoted(s)
    case .array(let items): return "[" + items.map { $0.serialized() }.joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + pairs.map { Self.quoted($0.0) + ":" + $0.1.serialized() }.joined(separator: ",") + "}"
    }
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
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
}

/// Something that can stand in a chapter's JSON results.
public protocol JSONConvertible {
  var json: JSONValue { get }
}

extension JSONValue: JSONConvertible { public var json: JSONValue { self } }
extension Double: JSONConvertible { public var json: JSONValue { .number(self) } }
extension Int: JSONConvertible { public var json: JSONValue { .number(Double(self)) } }
extension Bool: JSONConvertible { public var json: JSONValue { .bool(self) } }
extension String: JSONConvertible { public var json: JSONValue { .string(self) } }
extension Array: JSONConvertible where Element: JSONConvertible {
  public var json: JSONValue { .array(map(\.json)) }
}
extension Optional: JSONConvertible where Wrapped: JSONConvertible {
  public var json: JSONValue { self?.json ?? .null }
}
extension KeyValuePairs: JSONConvertible where Key == String, Value: JSONConvertible {
  public var json: JSONValue { .object(map { ($0.key, $0.value.json) }) }
}
