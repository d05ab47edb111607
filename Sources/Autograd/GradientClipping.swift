// GradientClipping.swift — rescaling all gradients together when their joint norm is too large.

/// Scales the gradients of `parameters` so that their global norm ‖g‖ = √(Σ over all elements g²)
/// is at most `maxNorm`, as PyTorch's `clip_grad_norm_`:
///
/// ```
/// ‖g‖ > maxNorm:  g ← g · maxNorm / (‖g‖ + 10⁻⁶)        (the direction is kept, only the length changes)
/// ```
/// Returns the norm before clipping. Parameters without a gradient are skipped. A norm that is
/// not finite leaves the gradients as they are: it is returned so the training loop can stop.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Double) -> Double {
  if !(maxNorm > 0) { fail("clipGradientNorm(maxNorm: \(maxNorm)): the largest norm must be > 0") }
  var squares = 0.0
  for p in parameters {
    guard let g = p.grad else { continue }
    for value in g.scalars { squares += value * value }
  }
  let norm = squares.squareRoot()
  guard norm.isFinite, norm > maxNorm else { return norm }
  let factor = maxNorm / (norm + 1e-6)
  for p in parameters {
    if let g = p.grad { p.grad = withoutGradient { g * factor } }
  }
  return norm
}
