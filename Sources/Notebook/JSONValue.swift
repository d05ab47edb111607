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

  /// How many significant digits a number keeps: the text's own precision. The 16th and 17th
  /// digits of a computed value depend on the order of its roundings (the CPU's BLAS kernel, the
  /// math library), so printing them would make the JSON differ from machine to machine.
  public static let significantDigits = 7

  /// Compact JSON text. Numbers are rounded to ``significantDigits`` and then written in Swift's
  /// shortest form; NaN and ±∞, which JSON cannot express, become the strings "NaN", "Infinity"
  /// and "-Infinity".
  public func serialized() -> String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let exact):
      if exact.isNaN { return "\"NaN\"" }
      if exact.isInfinite { return exact > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
      let x = Double(String(format: "%.\(Self.significantDigits)g", exact))!
      if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
      return "\(x)"
    case .string(let s): return Self.quoted(s)
    case .array(let items): return "[" + items.map { $0.serialized() }.joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + pairs.map { Self.quoted($0.0) + ":" + $0.1.serialized() }.joined(separator: ",") + "}"
    }
  }

  /// The same JSON laid out for reading and for line-by-line diffs: one key per line, arrays of
  /// plain values on one line. This is the form of each chapter's committed `results.json`.
  public func pretty(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .array(let items) where items.contains(where: \.isContainer):
      return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case .array(let items):
      return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
    case .object(let pairs) where !pairs.isEmpty:
      let lines = pairs.map { inner + Self.quoted($0.0) + ": " + $0.1.pretty(indent: inner) }
      return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
    default:
      return serialized()
    }
  }

  private var isContainer: Bool {
    switch self {
    case .array, .object: return true
    default: return false
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
