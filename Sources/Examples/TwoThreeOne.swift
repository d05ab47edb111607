// TwoThreeOne.swift — the sources' 2-3-1 network (article 000, §4.3) with fixed numbers, so
// chapters 02 (forward pass) and 04 (backpropagation) compute on the very same network.
//
// Article 000 gives the shape only (2 inputs, 3 hidden neurons, 1 output, binary labels) and
// no numbers; these weights are ours, small and uneven so that every neuron behaves differently.

import Autograd

/// The 2-3-1 network: x [2] → z₁ = W₁x + b₁ [3] → a₁ = σ(z₁) → z₂ = W₂a₁ + b₂ [1] → ŷ = σ(z₂).
public enum TwoThreeOne {
  /// Hidden-layer weights W₁ [3, 2]: row i holds the weights into hidden neuron i.
  public static let W1: [[Double]] = [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]
  /// Hidden-layer biases b₁ [3].
  public static let b1: [Double] = [0.1, -0.2, 0.05]
  /// Output weights W₂ [1, 3].
  public static let W2: [[Double]] = [[0.7, -0.5, 0.9]]
  /// Output bias b₂ [1].
  public static let b2: [Double] = [0.2]
  /// The example input x = [x₁, x₂].
  public static let x: [Double] = [1.0, 0.5]
  /// Its label y ∈ {0, 1}.
  public static let y: Double = 1

  /// A batch of four inputs, one per row [4, 2], for the matrix form.
  public static let batch: [[Double]] = [[1.0, 0.5], [-1.0, 2.0], [0.0, 0.0], [2.0, -1.5]]

  /// The network as `Autograd` layers, with these weights (fresh tensors on every call).
  public static func model() -> MLP {
    MLP(
      layers: [Linear(W: Tensor(W1), b: Tensor(b1)), Linear(W: Tensor(W2), b: Tensor(b2))],
      activation: .sigmoid)
  }
}
