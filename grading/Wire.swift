// Wire.swift — how an exercise's arguments and answer cross between the grader's test process
// and the process that runs a submission. Both sides compile this file.
//
// JSON, with two additions: a number that is not finite travels as {"nonfinite": "nan"} (JSON has
// no NaN or ∞, and a wrong answer may well be one), and every Double is written with Swift's
// shortest round-trip digits, so it arrives bit for bit.

import Foundation

enum Wire: Codable, Equatable {
  case number(Double)
  case string(String)
  case array([Wire])
  case object([String: Wire])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else if let array = try? container.decode([Wire].self) {
      self = .array(array)
    } else {
      let object = try container.decode([String: Wire].self)
      if object.count == 1, case .string(let name)? = object["nonfinite"] {
        self = .number(name == "nan" ? .nan : name == "-inf" ? -.infinity : .infinity)
      } else {
        self = .object(object)
      }
    }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let x) where x.isFinite: try container.encode(x)
    case .number(let x):
      try container.encode(["nonfinite": Wire.string(x.isNaN ? "nan" : x < 0 ? "-inf" : "inf")])
    case .string(let s): try container.encode(s)
    case .array(let a): try container.encode(a)
    case .object(let o): try container.encode(o)
    }
  }
}

/// A value that is wrong for the type the interface fixes: a grader error, not a student's.
struct WireMismatch: Error, CustomStringConvertible {
  let expected: String
  let got: Wire
  var description: String { "expected \(expected), got \(got)" }
}

/// A type that an exercise takes or returns.
protocol WireValue {
  init(wire: Wire) throws
  var wire: Wire { get }
}

extension Double: WireValue {
  init(wire: Wire) throws {
    guard case .number(let x) = wire else { throw WireMismatch(expected: "a number", got: wire) }
    self = x
  }
  var wire: Wire { .number(self) }
}

extension Int: WireValue {
  init(wire: Wire) throws {
    guard case .number(let x) = wire, let n = Int(exactly: x) else {
      throw WireMismatch(expected: "an integer", got: wire)
    }
    self = n
  }
  var wire: Wire { .number(Double(self)) }
}

extension String: WireValue {
  init(wire: Wire) throws {
    guard case .string(let s) = wire else { throw WireMismatch(expected: "a string", got: wire) }
    self = s
  }
  var wire: Wire { .string(self) }
}

extension Array: WireValue where Element: WireValue {
  init(wire: Wire) throws {
    guard case .array(let items) = wire else { throw WireMismatch(expected: "an array", got: wire) }
    self = try items.map(Element.init(wire:))
  }
  var wire: Wire { .array(map(\.wire)) }
}

/// An optional travels as an array of none or one value (Wire has no null): [] is nil, [x] is x.
extension Optional: WireValue where Wrapped: WireValue {
  init(wire: Wire) throws {
    guard case .array(let items) = wire, items.count <= 1 else {
      throw WireMismatch(expected: "an optional value ([] or [x])", got: wire)
    }
    self = try items.first.map(Wrapped.init(wire:))
  }
  var wire: Wire { .array(map { [$0.wire] } ?? []) }
}

extension Dictionary: WireValue where Key == String, Value: WireValue {
  init(wire: Wire) throws {
    guard case .object(let entries) = wire else { throw WireMismatch(expected: "an object", got: wire) }
    self = try entries.mapValues(Value.init(wire:))
  }
  var wire: Wire { .object(mapValues(\.wire)) }
}

extension NetworkGradients: WireValue {
  init(wire: Wire) throws {
    guard case .object(let o) = wire, let W1 = o["W1"], let b1 = o["b1"], let W2 = o["W2"], let b2 = o["b2"] else {
      throw WireMismatch(expected: "NetworkGradients", got: wire)
    }
    self.init(
      W1: try [[Double]](wire: W1), b1: try [Double](wire: b1), W2: try [Double](wire: W2), b2: try Double(wire: b2))
  }
  var wire: Wire { .object(["W1": W1.wire, "b1": b1.wire, "W2": W2.wire, "b2": b2.wire]) }
}

/// What the runner sends back: the answer, or the description of the error the exercise threw.
struct Reply: Codable {
  var value: Wire?
  var error: String?
}
