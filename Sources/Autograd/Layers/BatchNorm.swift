// BatchNorm.swift — batch normalization: each feature normalized over the batch while training,
// by running averages of the batch statistics when evaluating.

/// Batch normalization of `[B, F]` inputs (Ioffe and Szegedy 2015), PyTorch's `BatchNorm1d`.
///
/// ```
/// training:    μ = mean over the batch, σ² = variance over the batch (biased, 1/B)
///              y = γ ⊙ (x − μ)/√(σ² + ε) + β
///              running μ ← (1 − m)·running μ + m·μ,  running σ² ← (1 − m)·running σ² + m·σ²·B/(B − 1)
/// evaluation:  y = γ ⊙ (x − running μ)/√(running σ² + ε) + β
/// ```
/// In training mode every example's output depends on the rest of the batch, so the gradient
/// has three terms (chapter 09 derives them); in evaluation mode it is an affine map per feature.
///
/// The mode alone decides whether the running statistics change: every call in training mode
/// updates them, also inside ``withoutGradient(_:)``, which only stops the recording of the
/// graph. This is PyTorch's rule too (`torch.no_grad()` leaves `BatchNorm1d` updating its
/// running statistics; `eval()` stops it). To evaluate, set ``isTraining`` to `false`; a
/// training-mode call made "just to look" moves the statistics that evaluation will use.
public final class BatchNorm: Module {
  /// The learned scale γ, `[features]`, starting at 1.
  public let gamma: Tensor
  /// The learned shift β, `[features]`, starting at 0.
  public let beta: Tensor
  /// The running mean of the batches' means, `[features]` (not trained: updated by every call in
  /// training mode, with or without gradients).
  public internal(set) var runningMean: [Double]
  /// The running mean of the batches' unbiased variances, `[features]`.
  public internal(set) var runningVariance: [Double]
  /// The weight m of the newest batch in the running averages (PyTorch's `momentum`, 0.1).
  public let momentum: Double
  /// The ε added to the variance before its square root.
  public let epsilon: Double
  /// Training mode (batch statistics, running averages updated) or evaluation mode (running
  /// averages, left as they are). The only switch that freezes the running averages.
  public var isTraining = true

  /// A normalization of `features` features, γ = 1, β = 0, running mean 0 and variance 1.
  public init(features: Int, momentum: Double = 0.1, epsilon: Double = 1e-5) {
    if features < 1 || !(0...1).contains(momentum) || !(epsilon > 0) {
      fail(
        "BatchNorm(features: \(features), momentum: \(momentum), epsilon: \(epsilon)): needs features ≥ 1, momentum in [0, 1], epsilon > 0"
      )
    }
    gamma = Tensor.ones([features], requiresGrad: true)
    beta = Tensor.zeros([features], requiresGrad: true)
    runningMean = Array(repeating: 0, count: features)
    runningVariance = Array(repeating: 1, count: features)
    self.momentum = momentum
    self.epsilon = epsilon
  }

  /// Normalizes `x` `[B, features]`: over the batch in training mode (B ≥ 2), by the running
  /// statistics in evaluation mode.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    if x.rank != 2 || x.shape[1] != gamma.count {
      fail("BatchNorm: input \(x.shape) must be [batch, \(gamma.count)]")
    }
    guard isTraining else {
      let mean = Tensor(runningMean)
      let deviation = (Tensor(runningVariance) + epsilon).sqrt()
      return (x - mean) / deviation * gamma + beta
    }
    let batch = x.shape[0]
    if batch < 2 {
      fail("BatchNorm: training mode needs a batch of at least 2 to have a variance, got \(x.shape)")
    }
    let y = x.normalized(axis: 0, epsilon: epsilon) * gamma + beta
    withoutGradient {
      let mean = x.mean(axis: 0)
      let variance = (x - mean).pow(2).mean(axis: 0).scalars
      let unbiased = Double(batch) / Double(batch - 1)
      for j in runningMean.indices {
        runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean.scalars[j]
        runningVariance[j] = (1 - momentum) * runningVariance[j] + momentum * variance[j] * unbiased
      }
    }
    return y
  }
}
