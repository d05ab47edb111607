// Initialization.swift — how a layer's first weights are drawn, and why the scale matters.
//
// For z = Σᵢ wᵢxᵢ over n inputs, with independent zero-mean weights:
//   Var(z) = n · Var(w) · E[x²]
// Keeping Var(z) steady from layer to layer asks for Var(w) = gain² / n. Xavier/Glorot averages
// the forward and backward fan (n_in + n_out)/2; He uses n_in with gain² = 2 for ReLU, which
// zeroes half of its inputs and so halves E[x²]. Chapter 09 measures all of this.

/// How a ``Linear`` layer's weights are drawn (biases start at 0 except for ``uniformFanIn``).
public enum Initialization: Sendable, Equatable {
  /// Weights and biases uniform in ±1/√n_in: PyTorch's default for `nn.Linear`, Var(w) = 1/(3n_in).
  case uniformFanIn
  /// Normal weights with a fixed standard deviation, whatever the layer's size (chapter 09's
  /// "too small" and "too large" starts).
  case normal(standardDeviation: Double)
  /// Xavier/Glorot: normal with Var(w) = gain² · 2/(n_in + n_out) (Glorot and Bengio 2010).
  case xavier(gain: Double)
  /// He/Kaiming: normal with Var(w) = gain² / n_in (He et al. 2015); gain √2 for ReLU.
  case he(gain: Double)

  /// The gain that keeps the variance of activations steady through `activation`, PyTorch's
  /// `calculate_gain`: 1 for identity and sigmoid's linear part, 5/3 for tanh, √2 for ReLU,
  /// √(2/(1 + a²)) for leaky ReLU of slope a = 0.01.
  public static func gain(for activation: Activation) -> Double {
    switch activation {
    case .identity, .sigmoid, .gelu, .softplus: 1
    case .tanh: 5.0 / 3
    case .relu: 2.0.squareRoot()
    case .leakyRelu: (2 / (1 + 0.01 * 0.01)).squareRoot()
    }
  }

  /// The weights' standard deviation for a layer of `inputs` → `outputs` (nil for ``uniformFanIn``,
  /// which is not normal).
  public func standardDeviation(inputs: Int, outputs: Int) -> Double? {
    switch self {
    case .uniformFanIn: nil
    case .normal(let deviation): deviation
    case .xavier(let gain): gain * (2 / Double(inputs + outputs)).squareRoot()
    case .he(let gain): gain / Double(inputs).squareRoot()
    }
  }
}

extension Linear {
  /// A layer of `inputs` → `outputs` with weights drawn as `initialization` says; biases start at
  /// 0, except with ``Initialization/uniformFanIn``, which draws them like the weights (PyTorch).
  public convenience init(
    inputs: Int, outputs: Int, initialization: Initialization, using generator: inout SeededGenerator
  ) {
    if inputs < 1 || outputs < 1 {
      fail("Linear(inputs: \(inputs), outputs: \(outputs)): a layer needs at least one input and one output")
    }
    guard let deviation = initialization.standardDeviation(inputs: inputs, outputs: outputs) else {
      let bound = 1 / Double(inputs).squareRoot()
      self.init(
        W: Tensor.uniform([outputs, inputs], in: -bound...bound, using: &generator),
        b: Tensor.uniform([outputs], in: -bound...bound, using: &generator))
      return
    }
    if !(deviation >= 0) || !deviation.isFinite {
      fail("Linear(initialization: \(initialization)): the standard deviation must be finite and ≥ 0, got \(deviation)")
    }
    self.init(
      W: Tensor.normal([outputs, inputs], standardDeviation: deviation, using: &generator),
      b: Tensor.zeros([outputs]))
  }
}
