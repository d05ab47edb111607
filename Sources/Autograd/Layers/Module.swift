// Module.swift — what every layer and model has in common: parameters to train, found by
// looking at what the module stores, as PyTorch registers a module's attributes.

/// A layer or model: something with trainable parameters.
///
/// A module does not list its parameters: ``parameters`` finds them in its stored properties, so
/// a layer added to a model is trained without anyone remembering to add it to a list.
public protocol Module: AnyObject {
  /// Every trainable tensor, in a fixed order (optimizers keep their state in that order).
  var parameters: [Tensor] { get }
}

extension Module {
  /// The tensors with `requiresGrad` among the stored properties, in declaration order, and the
  /// parameters of every stored module — directly, in arrays or in optionals. A tensor stored
  /// twice (shared weights) counts once. Tensors that do not require gradients (constants such
  /// as a positional encoding) are not parameters. The same walk as ``namedParameters``.
  public var parameters: [Tensor] { namedParameters.map(\.tensor) }

  /// The number of trainable values.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// The elementwise nonlinearity between layers, by name.
public enum Activation: String, CaseIterable, Sendable {
  /// f(z) = z: no nonlinearity (a linear output layer).
  case identity
  /// f(z) = max(0, z) (``Tensor/relu()``).
  case relu
  /// f(z) = z for z > 0, 0.01·z otherwise (``Tensor/leakyRelu(slope:)``).
  case leakyRelu
  /// f(z) = 1 / (1 + e^−z) (``Tensor/sigmoid()``).
  case sigmoid
  /// f(z) = tanh z (``Tensor/tanh()``).
  case tanh
  /// f(z) = z·Φ(z), Φ the standard normal CDF (``Tensor/gelu()``).
  case gelu
  /// f(z) = ln(1 + eᶻ) (``Tensor/softplus()``).
  case softplus

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
