// Exercise4_1.swift — chapter 04: the chain rule through a nonlinearity.

import Foundation

/// Exercise 4.1 — the chain rule by hand, through a tanh.
///
/// For L = tanh(a·b + c) · f, return [∂L/∂a, ∂L/∂b, ∂L/∂c, ∂L/∂f]. Name the intermediate
/// values (d = a·b + c, e = tanh d) and go backward from L, as chapter 04 does for its expression.
public func tanhExpressionGradients(a: Double, b: Double, c: Double, f: Double) throws -> [Double] {
  // BEGIN SOLUTION
  let e = tanh(a * b + c)
  let dLdd = f * (1 - e * e)
  return [dLdd * b, dLdd * a, dLdd, e]
  // END SOLUTION
}
