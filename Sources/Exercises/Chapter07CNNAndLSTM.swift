// Chapter07CNNAndLSTM.swift — exercises for chapter 07 (convolution, pooling, the LSTM).

import Foundation

/// Exercise 7.1 — the output length of a convolution.
///
/// A window of `kernel` steps moved `stride` steps at a time over `length` inputs with `padding`
/// zeros added at each end: return how many windows fit (0 if none does).
public func convolutionOutputLength(length: Int, kernel: Int, stride: Int, padding: Int) throws -> Int {
  // BEGIN SOLUTION
  let room = length + 2 * padding - kernel
  return room < 0 ? 0 : room / stride + 1
  // END SOLUTION
}

/// Exercise 7.2 — the backward pass of max pooling.
///
/// `x` was max-pooled in windows of `size` side by side (stride = size; a last, incomplete window
/// is dropped), and `upstream[w]` is ∂L/∂(output of window w). Return ∂L/∂x: each window's
/// gradient goes to its largest entry; entries that tie for the largest share it equally; every
/// other entry gets 0.
public func maxPoolBackward(x: [Double], size: Int, upstream: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  var gradient = [Double](repeating: 0, count: x.count)
  for (w, g) in upstream.enumerated() {
    let window = (w * size)..<((w + 1) * size)
    let largest = window.map { x[$0] }.max()!
    let winners = window.filter { x[$0] == largest }
    for i in winners { gradient[i] += g / Double(winners.count) }
  }
  return gradient
  // END SOLUTION
}

/// Exercise 7.3 — one step of an LSTM cell (article 003's equations).
///
/// With H hidden units and I inputs, `W` is [4H][H], `U` is [4H][I] and `b` is [4H], each holding
/// four blocks of H rows in the order input gate, forget gate, output gate, candidate:
///
/// ```
/// i = σ(W_i h + U_i x + b_i)   f = σ(W_f h + U_f x + b_f)   o = σ(W_o h + U_o x + b_o)
/// g = tanh(W_c h + U_c x + b_c)   c′ = f ∗ c + i ∗ g   h′ = o ∗ tanh(c′)
/// ```
/// Return the new hidden state h′ and cell state c′.
public func lstmStep(
  x: [Double], h: [Double], c: [Double], W: [[Double]], U: [[Double]], b: [Double]
) throws -> (hidden: [Double], cell: [Double]) {
  // BEGIN SOLUTION
  let width = h.count
  func block(_ n: Int) -> [Double] {
    (0..<width).map { j in
      let row = n * width + j
      return zip(W[row], h).map(*).reduce(0, +) + zip(U[row], x).map(*).reduce(0, +) + b[row]
    }
  }
  let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
  let (i, f, o, g) = (block(0).map(sigmoid), block(1).map(sigmoid), block(2).map(sigmoid), block(3).map(tanh))
  let cell = (0..<width).map { f[$0] * c[$0] + i[$0] * g[$0] }
  return ((0..<width).map { o[$0] * tanh(cell[$0]) }, cell)
  // END SOLUTION
}
