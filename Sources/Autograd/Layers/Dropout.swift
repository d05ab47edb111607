// Dropout.swift — inverted dropout: zero a random share p of the activations while training and
// scale the rest by 1/(1 − p), so that nothing changes in expectation and evaluation needs no
// rescaling.

/// Inverted dropout (Srivastava et al. 2014), with its own seeded generator.
///
/// ```
/// training:    y = x ⊙ m / (1 − p),  mᵢ = 1 with probability 1 − p, else 0     E[y] = x
/// evaluation:  y = x
/// ```
/// The gradient is the same mask: ∂y/∂x = m/(1 − p).
public final class Dropout: Module {
  /// The probability p of zeroing an activation, in [0, 1).
  public let probability: Double
  /// Training mode (drop) or evaluation mode (identity).
  public var isTraining = true
  private var generator: SeededGenerator

  /// Dropout with probability `p`, drawing its masks from a generator of its own, seeded by one
  /// draw from `generator` (a chapter cell's stream, say), so that the masks follow the run's seed
  /// as the weights do.
  public convenience init(probability p: Double, using generator: inout SeededGenerator) {
    self.init(probability: p, masksSeed: generator.next())
  }

  /// Dropout with probability `p`, drawing its masks from a generator seeded by `seed`.
  @available(*, deprecated, message: "draw the seed from the run's generator: Dropout(probability:using:)")
  public convenience init(probability p: Double, seed: UInt64) {
    self.init(probability: p, masksSeed: seed)
  }

  private init(probability p: Double, masksSeed seed: UInt64) {
    if !(0..<1).contains(p) { fail("Dropout(probability: \(p)): the probability must be in [0, 1)") }
    probability = p
    generator = SeededGenerator(seed: seed)
  }

  /// The mask a forward pass on `shape` would use next (1 kept, 0 dropped), without using it up.
  public func peekMask(_ shape: [Int]) -> Tensor {
    var copy = generator
    return Self.mask(shape, probability, &copy)
  }

  /// `x` with a fresh mask applied and scaled by 1/(1 − p) in training mode; `x` itself in evaluation mode.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    guard isTraining, probability > 0 else { return x }
    return x * (Self.mask(x.shape, probability, &generator) / (1 - probability))
  }

  private static func mask(_ shape: [Int], _ p: Double, _ generator: inout SeededGenerator) -> Tensor {
    Tensor.uniform(shape, using: &generator) .>= p
  }
}
