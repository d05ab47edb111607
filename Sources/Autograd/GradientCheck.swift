// GradientCheck.swift — compare backpropagation's gradients with finite differences.
//
// The derivative is the limit of a difference quotient, so it can be approximated without
// any backward rule at all. If the two disagree, a backward rule is wrong.

/// What ``gradientCheck(_:epsilon:tolerance:of:)`` found: both gradients of every input and
/// the largest disagreement.
public struct GradientCheckReport: CustomStringConvertible, Sendable {
  /// One input's two gradients.
  public struct Input: Sendable {
    /// The input's position in the list passed to the check.
    public let index: Int
    /// The input's shape.
    public let shape: [Int]
    /// ∂f/∂x from `backward()`.
    public let analytic: [Double]
    /// ∂f/∂x from central differences.
    public let numeric: [Double]
    /// max over elements of |analytic − numeric| / max(1, |analytic|, |numeric|).
    public let maxRelativeError: Double
    /// The element where that maximum is reached.
    public let worstElement: Int
  }

  /// Every input's two gradients, in the order passed to the check.
  public let inputs: [Input]
  /// The largest relative error the check accepts.
  public let tolerance: Double

  /// The largest relative error over all inputs.
  public var maxRelativeError: Double { inputs.map(\.maxRelativeError).max() ?? 0 }

  /// Whether every error is within the tolerance.
  public var passed: Bool { maxRelativeError <= tolerance }

  /// One line per input, with both sides of the worst element, and a verdict.
  public var description: String {
    var lines = inputs.map { input in
      let w = input.worstElement
      let worst =
        input.analytic.isEmpty
        ? "no elements"
        : "worst element \(w): analytic \(input.analytic[w]), numeric \(input.numeric[w])"
      return "input \(input.index) \(input.shape): max relative error \(input.maxRelativeError) (\(worst))"
    }
    lines.append(passed ? "OK: within \(tolerance)" : "NOT OK: max relative error \(maxRelativeError) > \(tolerance)")
    return lines.joined(separator: "\n")
  }
}

/// Checks the analytic gradients of `f` at `inputs` against central finite differences.
///
/// ```
/// ∂f/∂xᵢ ≈ (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε          error O(ε²)
/// ```
/// The central difference is accurate to O(ε²) rather than the one-sided O(ε); with ε = 1e-6
/// both that error and the rounding error (≈ 1e-16/ε) stay near 1e-10 for smooth functions.
/// The relative error divides by max(1, |a|, |n|), so tiny gradients are compared absolutely.
///
/// If `f` returns more than one element, the check differentiates Σ rᵢ fᵢ with fixed
/// pseudo-random weights r, which tests every output's gradient at once.
///
/// The inputs' values, `requiresGrad` and `grad` are left as they were.
///
/// ```swift
/// let report = gradientCheck([x, w]) { t in (t[0].matmul(t[1])).tanh() }
/// print(report)   // prints both sides where they differ
/// ```
public func gradientCheck(
  _ inputs: [Tensor], epsilon: Double = 1e-6, tolerance: Double = 1e-6, of f: ([Tensor]) -> Tensor
) -> GradientCheckReport {
  let saved = inputs.map { ($0.requiresGrad, $0.grad) }
  defer {
    for (input, (requiresGrad, grad)) in zip(inputs, saved) {
      input.requiresGrad = requiresGrad
      input.grad = grad
    }
  }
  // Fixed weights that turn any output into a scalar to differentiate.
  var weights: Tensor?
  func scalarOutput() -> Tensor {
    let y = f(inputs)
    if y.count == 1 { return y.reshaped([]) }
    if weights == nil {
      var rng = SeededGenerator(seed: 0x5EED)
      weights = Tensor.uniform(y.shape, in: 0.5...1.5, using: &rng)
    }
    return (y * weights!).sum()
  }

  for input in inputs {
    input.requiresGrad = true
    input.grad = nil
  }
  let output = scalarOutput()
  output.backward()
  let analytic = inputs.map { $0.grad?.scalars ?? [Double](repeating: 0, count: $0.count) }

  return withoutGradient {
    let reports = inputs.enumerated().map { index, input in
      let numeric = input.scalars.indices.map { i in
        let original = input.scalars[i]
        input.scalars[i] = original + epsilon
        let plus = scalarOutput().item
        input.scalars[i] = original - epsilon
        let minus = scalarOutput().item
        input.scalars[i] = original
        return (plus - minus) / (2 * epsilon)
      }
      let errors = zip(analytic[index], numeric).map { a, n in
        let error = Swift.abs(a - n) / Swift.max(1, Swift.abs(a), Swift.abs(n))
        return error.isNaN ? .infinity : error  // a NaN on either side is a failure, never a pass
      }
      let worst = errors.indices.max { errors[$0] < errors[$1] } ?? 0
      return GradientCheckReport.Input(
        index: index, shape: input.shape, analytic: analytic[index], numeric: numeric,
        maxRelativeError: errors.isEmpty ? 0 : errors[worst], worstElement: worst)
    }
    return GradientCheckReport(inputs: reports, tolerance: tolerance)
  }
}
