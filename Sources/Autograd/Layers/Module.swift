// Module.swift — what every layer and model has in common: parameters to train.

/// A layer or model: something with trainable parameters.
public protocol Module: AnyObject {
  /// Every trainable tensor, in a fixed order (optimizers keep their state in that order).
  var parameters: [Tensor] { get }
}

extension Module {
  /// Clears the gradient of every parameter (before the next backward pass, since
  /// gradients accumulate).
  public func zeroGradients() {
    for p in parameters { p.grad = nil }
  }

  /// The number of trainable values.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// The elementwise nonlinearity between layers, by name.
public enum Activation: String, CaseIterable, Sendable {
  case identity, relu, leakyRelu, sigmoid, tanh, gelu, softplus

  /// Applies the activation.
  public func callAsFunction(_ z: Tensor) -> Tensor {
    switch self {
    case .identity: z
    case .relu: z.relu()
    case .leakyRelu: z.leakyRelu()
    case .sigmoid: z.sigmoid()
    case .tanh: z.tanh()
    case .gelu: z.gelu()
    case .softplus: z.softplus()
    }
  }
}
