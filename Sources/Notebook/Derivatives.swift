// Derivatives.swift — the two independent ways chapters compute a derivative besides the hand
// formula: reverse-mode autograd, and the central difference quotient.

import Autograd

/// f′ at each point, by autograd: `f` is applied elementwise to a tensor of the points and
/// the sum is differentiated (∂(Σᵢ f(xᵢ))/∂xⱼ = f′(xⱼ) for an elementwise f).
public func autogradDerivative(of f: (Tensor) -> Tensor, at points: [Double]) -> [Double] {
  let x = Tensor(points, requiresGrad: true)
  f(x).sum().backward()
  return x.grad?.scalars ?? points.map { _ in 0 }
}

/// f′(x) ≈ (f(x + h) − f(x − h)) / 2h, accurate to O(h²).
public func centralDifference(of f: (Double) -> Double, at x: Double, h: Double = 1e-6) -> Double {
  (f(x + h) - f(x - h)) / (2 * h)
}

/// An elementwise tensor function evaluated at one number.
public func scalar(_ f: @escaping (Tensor) -> Tensor) -> (Double) -> Double {
  { f(Tensor($0)).item }
}
