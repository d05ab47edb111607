// MLP.swift — a multilayer perceptron: Linear layers with an activation between them.

/// Linear layers of the given sizes with an activation after every layer but the last, which
/// returns raw scores (logits) for a loss to interpret.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let model = MLP(sizes: [2, 3, 1], activation: .sigmoid, using: &rng)   // the 2-3-1 network
/// ```
public final class MLP: Module {
  /// The layers, input side first.
  public let layers: [Linear]
  /// The activation between layers.
  public let activation: Activation

  /// Layers `sizes[0] → sizes[1] → … → sizes.last`.
  public init(sizes: [Int], activation: Activation = .relu, using generator: inout SeededGenerator) {
    if sizes.count < 2 || sizes.contains(where: { $0 < 1 }) {
      fail("MLP: needs at least two positive sizes (inputs and outputs), got \(sizes)")
    }
    var layers: [Linear] = []
    for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
      layers.append(Linear(inputs: inputs, outputs: outputs, using: &generator))
    }
    self.layers = layers
    self.activation = activation
  }

  /// An MLP made of the given layers (whose sizes must chain).
  public init(layers: [Linear], activation: Activation) {
    for (a, b) in zip(layers, layers.dropFirst()) where a.W.shape[0] != b.W.shape[1] {
      fail("MLP: a layer with \(a.W.shape[0]) outputs is followed by one with \(b.W.shape[1]) inputs")
    }
    if layers.isEmpty { fail("MLP: needs at least one layer") }
    self.layers = layers
    self.activation = activation
  }


  /// The logits for inputs `[..., sizes[0]]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    var a = x
    for (i, layer) in layers.enumerated() {
      let z = layer(a)
      a = i == layers.count - 1 ? z : activation(z)
    }
    return a
  }
}
