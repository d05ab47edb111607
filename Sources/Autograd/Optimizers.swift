// Optimizers.swift — gradient descent and its two most used refinements, momentum and Adam.
//
// Each step reads p.grad and updates p.scalars in place; no graph is recorded.

/// Something that updates parameters from their gradients.
///
/// A training loop asks it for the whole step, ``step(_:)`` or
/// ``step(clippingGradientNorm:_:)``; ``update()`` is the last line of that step alone.
public protocol Optimizer: AnyObject {
  /// The tensors it updates.
  var parameters: [Tensor] { get }
  /// One update of every parameter that has a gradient, from the gradients as they are now.
  func update()
}

extension Optimizer {
  /// Clears every parameter's gradient, since gradients accumulate across backward passes.
  public func zeroGradients() {
    for p in parameters { p.grad = nil }
  }

  /// One training step: zero the gradients, compute the loss, backpropagate, update.
  ///
  /// ```swift
  /// let loss = optimizer.step { meanSquaredError(predicted: model(x), expected: y) }
  /// ```
  /// The four lines it stands for are the loop of chapter 04, in the one order that is right:
  /// gradients accumulate, so they are cleared before the backward pass, and the update uses them
  /// after it. Returns the loss's value (the loss must be a one-element tensor).
  @discardableResult
  public func step(_ loss: () throws -> Tensor) rethrows -> Double {
    zeroGradients()
    let value = try loss()
    value.backward()
    update()
    return value.item
  }

  /// One training step with the gradients clipped: zero, loss, backpropagate, rescale the
  /// gradients so that their joint norm is at most `maxNorm` (``clipGradientNorm(_:maxNorm:)``),
  /// update.
  ///
  /// ```swift
  /// let (loss, norm) = optimizer.step(clippingGradientNorm: 1) { model.loss(ids, targets: targets) }
  /// ```
  /// Returns the loss's value and the gradients' norm before clipping (`maxNorm` = ∞ measures the
  /// norm and clips nothing). A norm that is not finite leaves the gradients as they are (and the
  /// update then spreads the NaN or infinity into the parameters): a loop should stop on it.
  @discardableResult
  public func step(clippingGradientNorm maxNorm: Double, _ loss: () throws -> Tensor) rethrows -> (
    loss: Double, gradientNorm: Double
  ) {
    zeroGradients()
    let value = try loss()
    value.backward()
    let norm = clipGradientNorm(parameters, maxNorm: maxNorm)
    update()
    return (value.item, norm)
  }

  /// The update alone; renamed ``update()``, so that `step` always means the whole training step.
  @available(
    *, deprecated, renamed: "update()", message: "step() is now update(); step { loss } is the whole training step"
  )
  public func step() {
    update()
  }
}

/// Stochastic gradient descent, with optional momentum (PyTorch's form).
///
/// ```
/// v ← μ·v + ∂L/∂p        p ← p − η·v          (μ = 0: plain p ← p − η·∂L/∂p)
/// ```
public final class SGD: Optimizer {
  /// The tensors it updates, each with the velocity v of its own shape.
  public let parameters: [Tensor]
  /// The learning rate η.
  public var learningRate: Double
  /// The momentum μ (0 for none).
  public let momentum: Double
  var velocity: [[Double]]  // internal: Checkpoint/ saves it

  /// An optimizer for `parameters` with learning rate η and momentum μ (0: plain gradient descent).
  public init(parameters: [Tensor], learningRate: Double, momentum: Double = 0) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    // Without momentum v is g itself, and is not kept.
    velocity = momentum == 0 ? [] : parameters.map { [Double](repeating: 0, count: $0.count) }
  }

  /// One update of every parameter that has a gradient: v ← μ·v + g, p ← p − η·v.
  public func update() {
    for (index, p) in parameters.enumerated() {
      guard let g = p.grad?.scalars else { continue }
      // Whole arrays in place: one access to p.scalars, not one per element, and no copy.
      p.scalars.withUnsafeMutableBufferPointer { values in
        if momentum == 0 {
          // p ← p − η·g (v = 0·v + g = g); the fast path splits the same loop in halves (Kernels/Descent.swift).
          if Kernels.enabled { return descentKernel(values, g, rate: learningRate) }
          for i in g.indices { values[i] -= learningRate * g[i] }
          return
        }
        velocity[index].withUnsafeMutableBufferPointer { v in
          for i in g.indices {
            v[i] = momentum * v[i] + g[i]
            values[i] -= learningRate * v[i]
          }
        }
      }
    }
  }
}

/// Adam: momentum on the gradient and a per-parameter step size from its running square.
///
/// ```
/// m ← β₁m + (1 − β₁)g       s ← β₂s + (1 − β₂)g²
/// m̂ = m / (1 − β₁ᵗ)          ŝ = s / (1 − β₂ᵗ)           (bias correction: m, s start at 0)
/// p ← p − η · m̂ / (√ŝ + ε)
/// ```
public final class Adam: Optimizer {
  /// The tensors it updates, each with its moments m and s of its own shape.
  public let parameters: [Tensor]
  /// The learning rate η.
  public var learningRate: Double
  /// The decay β₁ of the running mean m of the gradient (0.9 by default).
  public let beta1: Double
  /// The decay β₂ of the running mean s of its square (0.999 by default).
  public let beta2: Double
  /// The ε added to √ŝ so that a parameter with no gradient yet does not divide by 0.
  public let epsilon: Double
  var m: [[Double]]  // internal, as s and t: Checkpoint/ saves them
  var s: [[Double]]
  var t = 0

  /// An optimizer for `parameters` with PyTorch's defaults (η = 10⁻³, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸).
  public init(
    parameters: [Tensor], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    m = parameters.map { [Double](repeating: 0, count: $0.count) }
    s = m
  }

  /// One update of every parameter that has a gradient (the equations above), the step count t
  /// advanced by one.
  public func update() {
    t += 1
    // β^t by repeated squaring, not the C library's pow, whose last bit depends on the CPU.
    let correction1 = 1 - portablePower(beta1, t)
    let correction2 = 1 - portablePower(beta2, t)
    for (index, p) in parameters.enumerated() {
      guard let g = p.grad?.scalars, !g.isEmpty else { continue }
      guard Kernels.enabled else {
        adamUpdate(
          &p.scalars, &m[index], &s[index], g, rate: learningRate, beta1: beta1, beta2: beta2,
          correction1: correction1, correction2: correction2, epsilon: epsilon)
        continue
      }
      // Fast: adamUpdate's formulas on the widest vectors the CPU runs (Kernels/Lanes.swift): the
      // same operations value by value, so the same bits, with its three divisions and square root
      // taken several values at a time instead of one.
      g.withUnsafeBufferPointer { g in
        m[index].withUnsafeMutableBufferPointer { mi in
          s[index].withUnsafeMutableBufferPointer { si in
            p.scalars.withUnsafeMutableBufferPointer { values in
              adamKernel(
                values.baseAddress!, mi.baseAddress!, si.baseAddress!, g.baseAddress!, g.count, rate: learningRate,
                beta1: beta1, beta2: beta2, correction1: correction1, correction2: correction2, epsilon: epsilon)
            }
          }
        }
      }
    }
  }
}

/// One Adam update of every parameter value `p` with its moments `m` and `s` and gradient `g`, in
/// place, value by value: the formulas of ``Adam``, with the bias corrections c₁ = 1 − β₁ᵗ and
/// c₂ = 1 − β₂ᵗ. The definition the vector kernel that ``Adam/update()`` runs is tested against.
func adamUpdate(
  _ p: inout [Double], _ m: inout [Double], _ s: inout [Double], _ g: [Double], rate: Double, beta1: Double,
  beta2: Double, correction1: Double, correction2: Double, epsilon: Double
) {
  for i in g.indices {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i]
    s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i]
    let mHat = m[i] / correction1
    let sHat = s[i] / correction2
    p[i] -= rate * mHat / (sHat.squareRoot() + epsilon)
  }
}

/// AdamW: Adam with decoupled weight decay (Loshchilov and Hutter 2019), PyTorch's `AdamW`.
///
/// ```
/// p ← p − η·λ·p              the decay, applied to the weights directly
/// then Adam's step on the gradient of the loss alone
/// ```
/// Adding λ/2·‖p‖² to the loss instead ("L2") puts λp into g, where Adam divides it by √ŝ: a
/// parameter with large gradients then decays less. Decoupling decays every weight at the same
/// rate (chapter 09 compares the two).
public final class AdamW: Optimizer {
  /// The tensors it updates.
  public var parameters: [Tensor] { adam.parameters }
  /// The learning rate η (shared by the decay and the Adam step).
  public var learningRate: Double {
    get { adam.learningRate }
    set { adam.learningRate = newValue }
  }
  /// The decay rate λ (PyTorch's default 0.01).
  public let weightDecay: Double
  let adam: Adam

  /// An optimizer for `parameters` with Adam's defaults and weight decay λ.
  public init(
    parameters: [Tensor], learningRate: Double = 1e-3, weightDecay: Double = 0.01, beta1: Double = 0.9,
    beta2: Double = 0.999, epsilon: Double = 1e-8
  ) {
    if !(weightDecay >= 0) { fail("AdamW(weightDecay: \(weightDecay)): the decay must be ≥ 0") }
    self.weightDecay = weightDecay
    adam = Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
  }

  /// One update of every parameter that has a gradient: the decay, then Adam's update.
  public func update() {
    let keep = 1 - learningRate * weightDecay
    for p in parameters where p.grad != nil {
      p.scalars.withUnsafeMutableBufferPointer { values in
        for i in values.indices { values[i] *= keep }
      }
    }
    adam.update()
  }
}
