// Exercise7_3.swift — chapter 07: one step of a gated recurrent unit, the LSTM's smaller cousin.

import Foundation

/// Exercise 7.3 — one step of a GRU cell (Cho et al. 2014).
///
/// With H hidden units and I inputs, `W` is [3H][H], `U` is [3H][I] and `b` is [3H], each holding
/// three blocks of H rows in the order reset gate, update gate, candidate:
///
/// ```
/// r = σ(W_r h + U_r x + b_r)          z = σ(W_z h + U_z x + b_z)
/// n = tanh(W_n (r ∗ h) + U_n x + b_n)  h′ = (1 − z) ∗ n + z ∗ h
/// ```
/// (∗ is elementwise.) Return the new hidden state h′. There is no separate cell state: z decides
/// how much of h is kept, where the LSTM of chapter 07 has a forget and an input gate.
public func gruStep(x: [Double], h: [Double], W: [[Double]], U: [[Double]], b: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  let units = h.count
  func affine(_ row: Int, _ state: [Double]) -> Double {
    var total = b[row]
    for j in 0..<units { total += W[row][j] * state[j] }
    for j in x.indices { total += U[row][j] * x[j] }
    return total
  }
  func sigmoid(_ value: Double) -> Double { 1 / (1 + exp(-value)) }
  let reset = (0..<units).map { sigmoid(affine($0, h)) }
  let update = (0..<units).map { sigmoid(affine(units + $0, h)) }
  let resetState = (0..<units).map { reset[$0] * h[$0] }
  let candidate = (0..<units).map { tanh(affine(2 * units + $0, resetState)) }
  return (0..<units).map { (1 - update[$0]) * candidate[$0] + update[$0] * h[$0] }
  // END SOLUTION
}
