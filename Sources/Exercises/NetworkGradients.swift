// NetworkGradients.swift — the type exercise 4.2 returns. Part of the exercises' fixed
// interface: the grader uses its own copy of this file, not a submitted one.

/// The gradients of a 2-3-1 network's parameters (same shapes as the parameters).
public struct NetworkGradients: Equatable, Sendable {
  /// ∂L/∂W₁, [3][2]: row i holds the weights into hidden unit i.
  public var W1: [[Double]]
  /// ∂L/∂b₁, [3].
  public var b1: [Double]
  /// ∂L/∂W₂, [3]: the single output unit's weights.
  public var W2: [Double]
  /// ∂L/∂b₂.
  public var b2: Double

  public init(W1: [[Double]], b1: [Double], W2: [Double], b2: Double) {
    self.W1 = W1
    self.b1 = b1
    self.W2 = W2
    self.b2 = b2
  }
}
