// Format.swift — numbers, vectors, matrices and tables as text, with consistent significant digits.

import Autograd
import Foundation
import Plot

/// How numbers are written in the terminal and in the chapters' output blocks.
public enum Format {
  /// `x` with `digits` significant digits, trailing zeros dropped: 0.1966119, 2, -3.5e-07.
  public static func number(_ x: Double, digits: Int = 7) -> String {
    formatted(x, digits: digits, spelling: .text)  // Plot's, the one formatter of the book
  }

  /// A difference against the bound it is checked with: "≤ 1e-12" when it is within it, else
  /// the difference itself and the bound it broke.
  ///
  /// The bound, not the measured value, is what is printed: a rounding error's size depends on
  /// the order of additions (the CPU's BLAS kernel, the math library), so printing it as
  /// "< 1e-16" or "< 1e-15" would change from machine to machine; the bound does not.
  public static func within(_ difference: Double, _ bound: Double) -> String {
    // A power of ten reads as 1e-6, not as %g's 1e-06.
    let exponent = log10(bound).rounded()
    let shown = bound == pow(10, exponent) ? "1e\(Int(exponent))" : number(bound)
    if difference <= bound { return "≤ \(shown)" }
    return "\(number(difference)), more than the \(shown) allowed"
  }

  /// The bound for two computations of the same formula that differ only in the order of their
  /// roundings (autograd against a hand formula): far above 1e-16 · the values' size, far below
  /// any mistake.
  public static let roundingBound = 1e-12

  /// The bound for finite differences against an exact derivative, and ``gradientCheck``'s
  /// default tolerance: a central difference with ε = 1e-6 is accurate to about 1e-10.
  public static let differenceBound = 1e-6

  /// `[a, b, c]`.
  public static func vector(_ values: [Double], digits: Int = 7) -> String {
    "[" + values.map { number($0, digits: digits) }.joined(separator: ", ") + "]"
  }

  /// A matrix as aligned rows in brackets, one line per row.
  public static func matrix(_ rows: [[Double]], digits: Int = 7) -> [String] {
    let cells = rows.map { $0.map { number($0, digits: digits) } }
    let width = cells.joined().map(\.count).max() ?? 1
    return cells.enumerated().map { i, row in
      let open = rows.count == 1 ? "[" : (i == 0 ? "⎡" : (i == rows.count - 1 ? "⎣" : "⎢"))
      let close = rows.count == 1 ? "]" : (i == 0 ? "⎤" : (i == rows.count - 1 ? "⎦" : "⎥"))
      return open + " " + row.map { $0.leftPadded(to: width) }.joined(separator: "  ") + " " + close
    }
  }

  /// A tensor: a number, a vector, or a matrix (higher ranks print their shape and values).
  public static func tensor(_ t: Tensor, digits: Int = 7) -> [String] {
    switch t.rank {
    case 0: return [number(t.item, digits: digits)]
    case 1: return [vector(t.scalars, digits: digits)]
    case 2: return matrix(t.rows, digits: digits)
    default: return ["shape \(t.shape): " + vector(t.scalars, digits: digits)]
    }
  }

  /// A table with a header row and a rule; numbers right-aligned, text left-aligned.
  public static func table(_ headers: [String], _ rows: [[TableEntry]], digits: Int = 7) -> [String] {
    let texts = rows.map { $0.map { $0.text(digits: digits) } }
    let widths = headers.indices.map { c in
      ([headers[c]] + texts.compactMap { c < $0.count ? $0[c] : nil }).map(\.count).max() ?? 0
    }
    let numeric = headers.indices.map { c in rows.allSatisfy { c >= $0.count || $0[c].isNumber } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, text in
        numeric[c] ? text.leftPadded(to: widths[c]) : text.rightPadded(to: widths[c])
      }.joined(separator: "  ").trailingSpacesRemoved
    }
    return [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
      + texts.map(line)
  }
}

/// A value in a table: a number (formatted and right-aligned) or text.
public protocol TableEntry {
  func text(digits: Int) -> String
  var isNumber: Bool { get }
}

extension Double: TableEntry {
  public func text(digits: Int) -> String { Format.number(self, digits: digits) }
  public var isNumber: Bool { true }
}

extension Int: TableEntry {
  public func text(digits: Int) -> String { String(self) }
  public var isNumber: Bool { true }
}

extension String: TableEntry {
  public func text(digits: Int) -> String { self }
  public var isNumber: Bool { false }
}

extension String {
  func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
  func rightPadded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
  var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
