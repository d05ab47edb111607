// Recurrent.swift — a plain RNN cell and an LSTM cell, one time step each, and the loop that
// runs them over a sequence. Backpropagation through time is ordinary backward() on the
// unrolled graph.
//
// Shapes: B batch, T steps, I input width, H hidden width.

/// The plain (Elman) recurrent cell: `h_t = tanh(W h_{t−1} + U x_t + b)`.
public final class RNNCell: Module {
  /// Hidden-to-hidden weights `[H, H]`.
  public let W: Tensor
  /// Input-to-hidden weights `[H, I]`.
  public let U: Tensor
  /// Biases `[H]`.
  public let b: Tensor

  /// Weights drawn uniformly from ±1/√H (PyTorch's default).
  public init(inputs: Int, hidden: Int, using generator: inout SeededGenerator) {
    let bound = 1 / Double(hidden).squareRoot()
    W = Tensor.uniform([hidden, hidden], in: -bound...bound, using: &generator, requiresGrad: true)
    U = Tensor.uniform([hidden, inputs], in: -bound...bound, using: &generator, requiresGrad: true)
    b = Tensor.uniform([hidden], in: -bound...bound, using: &generator, requiresGrad: true)
  }

  /// The number of hidden units H.
  public var hiddenWidth: Int { W.shape[0] }

  /// One step: `x` `[B, I]`, `h` `[B, H]` → the new `h` `[B, H]`.
  public func callAsFunction(_ x: Tensor, _ h: Tensor) -> Tensor {
    (h.matmul(transposing: W) + x.matmul(transposing: U) + b).tanh()
  }

  /// The hidden state after every step of `x` `[B, T, I]`, starting from h₀ = 0.
  public func sequence(_ x: Tensor) -> [Tensor] {
    var h = Tensor.zeros([x.shape[0], hiddenWidth])
    return stepsOf(x, cell: "RNNCell", inputs: U.shape[1]).map { xt in
      h = self(xt, h)
      return h
    }
  }
}

/// The LSTM cell, in article 003's notation (L247–279):
///
/// ```
/// i_t = σ(W_i h_{t−1} + U_i x_t + b_i)                    input gate
/// f_t = σ(W_f h_{t−1} + U_f x_t + b_f)                    forget gate
/// o_t = σ(W_o h_{t−1} + U_o x_t + b_o)                    output gate
/// g_t = tanh(W_c h_{t−1} + U_c x_t + b_c)                 candidate
/// c_t = f_t ∗ c_{t−1} + i_t ∗ g_t                          cell state
/// h_t = o_t ∗ tanh(c_t)                                    hidden state (the output)
/// ```
/// The four blocks are stored stacked in the order i, f, o, c: `W` `[4H, H]`, `U` `[4H, I]`,
/// `b` `[4H]`, so one product per step computes every gate's pre-activation.
public final class LSTMCell: Module {
  /// Hidden-to-gates weights `[4H, H]`: rows `0..<H` are W_i, then W_f, W_o, W_c.
  public let W: Tensor
  /// Input-to-gates weights `[4H, I]`, blocks in the same order.
  public let U: Tensor
  /// Gate biases `[4H]`, blocks in the same order.
  public let b: Tensor

  /// The values of one step: every gate, the candidate, and both states, each `[B, H]`.
  public struct Step {
    /// The input gate i = σ(W_i h + U_i x + b_i).
    public let input: Tensor
    /// The forget gate f = σ(W_f h + U_f x + b_f).
    public let forget: Tensor
    /// The output gate o = σ(W_o h + U_o x + b_o).
    public let output: Tensor
    /// The candidate g = tanh(W_c h + U_c x + b_c).
    public let candidate: Tensor
    /// The new cell state c′ = f ⊙ c + i ⊙ g.
    public let cell: Tensor
    /// The new hidden state h′ = o ⊙ tanh(c′).
    public let hidden: Tensor
  }

  /// Weights drawn uniformly from ±1/√H; the forget gate's biases start at `forgetBias`
  /// (Keras's `unit_forget_bias` uses 1, so the cell starts out remembering).
  public init(inputs: Int, hidden: Int, forgetBias: Double = 1, using generator: inout SeededGenerator) {
    let bound = 1 / Double(hidden).squareRoot()
    W = Tensor.uniform([4 * hidden, hidden], in: -bound...bound, using: &generator, requiresGrad: true)
    U = Tensor.uniform([4 * hidden, inputs], in: -bound...bound, using: &generator, requiresGrad: true)
    var biases = Tensor.uniform([4 * hidden], in: -bound...bound, using: &generator).scalars
    for j in hidden..<(2 * hidden) { biases[j] = forgetBias }
    b = Tensor(shape: [4 * hidden], scalars: biases, requiresGrad: true)
  }

  /// A cell with the given stacked weights `W` `[4H, H]`, `U` `[4H, I]`, `b` `[4H]`.
  public init(W: Tensor, U: Tensor, b: Tensor) {
    let h = W.shape.last ?? 0
    if W.shape != [4 * h, h] || U.rank != 2 || U.shape[0] != 4 * h || b.shape != [4 * h] {
      fail("LSTMCell: W must be [4H, H], U [4H, I] and b [4H], got W \(W.shape), U \(U.shape) and b \(b.shape)")
    }
    (self.W, self.U, self.b) = (W, U, b)
    for p in [W, U, b] { p.requiresGrad = true }
  }

  /// The number of hidden units H.
  public var hiddenWidth: Int { W.shape[1] }

  /// One step: `x` `[B, I]` and the previous `h`, `c` `[B, H]` → every gate and the new states.
  public func callAsFunction(_ x: Tensor, hidden h: Tensor, cell c: Tensor) -> Step {
    let width = hiddenWidth
    let z = h.matmul(transposing: W) + x.matmul(transposing: U) + b  // [B, 4H]
    func block(_ n: Int) -> Tensor { z.sliced(axis: 1, (n * width)..<((n + 1) * width)) }
    let (i, f, o, g) = (block(0).sigmoid(), block(1).sigmoid(), block(2).sigmoid(), block(3).tanh())
    let cell = f * c + i * g
    return Step(input: i, forget: f, output: o, candidate: g, cell: cell, hidden: o * cell.tanh())
  }

  /// Every step over `x` `[B, T, I]`, starting from h₀ = c₀ = 0.
  public func sequence(_ x: Tensor) -> [Step] {
    var (h, c) = (Tensor.zeros([x.shape[0], hiddenWidth]), Tensor.zeros([x.shape[0], hiddenWidth]))
    return stepsOf(x, cell: "LSTMCell", inputs: U.shape[1]).map { xt in
      let step = self(xt, hidden: h, cell: c)
      (h, c) = (step.hidden, step.cell)
      return step
    }
  }
}

/// The inputs of each time step of `x` `[B, T, I]`: T tensors `[B, I]`.
private func stepsOf(_ x: Tensor, cell: String, inputs: Int) -> [Tensor] {
  if x.rank != 3 || x.shape[2] != inputs {
    fail("\(cell): input must be [batch, steps, \(inputs)], got \(x.shape)")
  }
  return (0..<x.shape[1]).map { x.sliced(axis: 1, $0..<($0 + 1)).reshaped([x.shape[0], inputs]) }
}
