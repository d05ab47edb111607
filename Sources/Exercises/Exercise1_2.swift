// Exercise1_2.swift — chapter 01: softmax's logarithm, computed without ever forming softmax.

import Foundation

/// Exercise 1.2 — a numerically stable log-softmax.
///
/// Return log softmax(z)ᵢ = zᵢ − log Σⱼ e^(zⱼ). Taking the log of chapter 01's softmax is not
/// enough: for z = [1e4, 0, −1e4] the softmax rounds e^(−2·10⁴) to 0 and its log is −∞, where the
/// right answer is [0, −1e4, −2e4]. Subtract the largest zⱼ inside the logarithm.
public func logSoftmax(_ z: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  guard let largest = z.max() else { return [] }
  let logTotal = log(z.reduce(0) { $0 + exp($1 - largest) })
  return z.map { $0 - largest - logTotal }
  // END SOLUTION
}
