// Linear.swift — the fully connected layer z = x·Wᵀ + b.

/// A fully connected layer: every output is a weighted sum of every input plus a bias.
///
/// ```
/// z = x·Wᵀ + b        x [..., inputs]   W [outputs, inputs]   b [outputs]   z [..., outputs]
/// ```
/// `W` is stored `[outputs, inputs]`, so row i holds the weights into neuron i — the
/// chapters' `wᵢⱼ`, from input j to neuron i — and for a single column vector x, z = W x + b.
public final class Linear: Module {
  /// The weights `W`, `[outputs, inputs]`.
  public let W: Tensor
  /// The biases `b`, `[outputs]`.
  public let b: Tensor

  /// A layer with weights and biases drawn uniformly from ±1/√inputs (PyTorch's default),
  /// which keeps the variance of z close to that of x.
  public init(inputs: Int, outputs: Int, using generator: inout SeededGenerator) {
    if inputs < 1 || outputs < 1 {
      fail("Linear(inputs: \(inputs), outputs: \(outputs)): a layer needs at least one input and one output")
    }
    let bound = 1 / Double(inputs).squareRoot()
    W = Tensor.uniform([outputs, inputs], in: -bound...bound, using: &generator, requiresGrad: true)
    b = Tensor.uniform([outputs], in: -bound...bound, using: &generator, requiresGrad: true)
  }

  /// A layer with the given weights `[outputs, inputs]` and biases `[outputs]`.
  public init(W: Tensor, b: Tensor) {
    if W.rank != 2 || b.shape != [W.shape[0]] {
      fail("Linear: W must be [outputs, inputs] and b [outputs], got W \(W.shape) and b \(b.shape)")
    }
    self.W = W
    self.b = b
    W.requiresGrad = true
    b.requiresGrad = true
  }


  /// z = x·Wᵀ + b for inputs `[..., inputs]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    if x.shape.last != W.shape[1] {
      fail("Linear: input \(x.shape) does not end in \(W.shape[1]) features (W is \(W.shape))")
    }
    if x.rank == 1 { return (x.reshaped([1, -1]).matmul(transposing: W) + b).reshaped([-1]) }
    return x.matmul(transposing: W) + b  // [..., outputs]
  }
}
