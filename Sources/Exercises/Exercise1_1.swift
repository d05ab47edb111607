// Exercise1_1.swift — chapter 01: the derivative of an activation the chapter does not derive.

import Foundation

/// Exercise 1.1 — the derivative of SiLU (also called swish), silu(x) = x · σ(x).
///
/// Chapter 01 derives σ′ = σ(1 − σ); use it with the product rule. Return silu′(x). It must stay
/// finite for any finite x (at x = ±800, say).
public func siluDerivative(_ x: Double) throws -> Double {
  // BEGIN SOLUTION
  let sigma = 1 / (1 + exp(-x))
  return sigma + x * sigma * (1 - sigma)
  // END SOLUTION
}
