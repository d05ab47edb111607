// LayerNorm.swift — layer normalization: each vector rescaled to mean 0 and variance 1, then
// given a learned scale γ and shift β.

extension Tensor {
  /// (x − mean) / √(variance + ε) along `axis`, the variance being the mean squared deviation.
  ///
  /// ```
  /// μ = mean(x)      σ² = mean((x − μ)²)      x̂ = (x − μ) / √(σ² + ε)
  /// ```
  /// Built from differentiable operations, so its gradient (which couples every element of a
  /// vector through μ and σ²) comes from the chain rule and can be checked like any other.
  public func normalized(axis: Int = -1, epsilon: Double = 1e-5) -> Tensor {
    let mu = mean(axis: axis, keepingAxis: true)
    let centered = self - mu
    let variance = centered.pow(2).mean(axis: axis, keepingAxis: true)
    return centered / (variance + epsilon).sqrt()
  }
}

/// Layer normalization over the last axis: y = γ ⊙ x̂ + β, with x̂ the normalized input.
///
/// Keeps the activations of every position at a steady scale however deep the stack, which is
/// what lets transformer blocks be stacked and trained.
public final class LayerNorm: Module {
  /// The learned scale γ, `[width]`, starting at 1.
  public let gamma: Tensor
  /// The learned shift β, `[width]`, starting at 0.
  public let beta: Tensor
  /// The ε added to the variance before its square root, so a constant row does not divide by 0.
  public let epsilon: Double

  /// A normalization of vectors of `width` features, γ = 1 and β = 0 to start with.
  public init(width: Int, epsilon: Double = 1e-5) {
    gamma = Tensor.ones([width], requiresGrad: true)
    beta = Tensor.zeros([width], requiresGrad: true)
    self.epsilon = epsilon
  }


  /// Normalizes `x` `[..., width]` over its last axis.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    if x.shape.last != gamma.count {
      fail("LayerNorm: input \(x.shape) does not end in \(gamma.count) features")
    }
    return x.normalized(axis: -1, epsilon: epsilon) * gamma + beta
  }
}
