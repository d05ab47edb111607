// Tensor+Selection.swift — comparisons that make masks, `where` selection, clamping.
//
// A mask is a tensor of 1s and 0s. Comparisons are piecewise constant, so no gradient flows
// through a mask; it only routes the gradient of what it selects.

// `.>` and friends are the standard library's pointwise comparison operators (as on SIMD
// vectors): `x .> 0` reads "elementwise x > 0".
extension Tensor {
  static func compare(_ operation: String, _ a: Tensor, _ b: Tensor, _ test: (Double, Double) -> Bool)
    -> Tensor
  {
    let (shape, values) = broadcastZip(operation, a, b) { test($0, $1) ? 1 : 0 }
    return Tensor(shape: shape, scalars: values)
  }

  /// 1 where `a > b`, else 0.
  public static func .> (a: Tensor, b: Tensor) -> Tensor { compare(".>", a, b, >) }
  /// 1 where `a ≥ b`, else 0.
  public static func .>= (a: Tensor, b: Tensor) -> Tensor { compare(".>=", a, b, >=) }
  /// 1 where `a < b`, else 0.
  public static func .< (a: Tensor, b: Tensor) -> Tensor { compare(".<", a, b, <) }
  /// 1 where `a ≤ b`, else 0.
  public static func .<= (a: Tensor, b: Tensor) -> Tensor { compare(".<=", a, b, <=) }
  /// 1 where `a == b`, else 0.
  public static func .== (a: Tensor, b: Tensor) -> Tensor { compare(".==", a, b, ==) }
  /// 1 where `a != b`, else 0.
  public static func .!= (a: Tensor, b: Tensor) -> Tensor { compare(".!=", a, b, !=) }

  /// 1 where `a > b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .> (a: Tensor, b: Double) -> Tensor { a .> Tensor(b) }
  /// 1 where `a ≥ b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .>= (a: Tensor, b: Double) -> Tensor { a .>= Tensor(b) }
  /// 1 where `a < b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .< (a: Tensor, b: Double) -> Tensor { a .< Tensor(b) }
  /// 1 where `a ≤ b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .<= (a: Tensor, b: Double) -> Tensor { a .<= Tensor(b) }
  /// 1 where `a == b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .== (a: Tensor, b: Double) -> Tensor { a .== Tensor(b) }
  /// 1 where `a != b`, else 0, for a number `b` (broadcast to `a`'s shape). Not differentiable: a mask.
  public static func .!= (a: Tensor, b: Double) -> Tensor { a .!= Tensor(b) }

  /// `a` where `condition` is nonzero, `b` elsewhere; the three broadcast together.
  ///
  /// Backward: the gradient goes to whichever side was chosen, element by element.
  public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor {
    let shape = Shape.broadcast(
      Shape.broadcast(condition.shape, a.shape, operation: "where"), b.shape, operation: "where")
    let mask = Tensor(shape: condition.shape, scalars: condition.scalars.map { $0 != 0 ? 1 : 0 })
      .broadcasted(to: shape)
    let (aValues, bValues) = (a.broadcasted(to: shape).scalars, b.broadcasted(to: shape).scalars)
    let values = Tensor.selectValues(mask.scalars, aValues, bValues)  // mᵢ ≠ 0 ? aᵢ : bᵢ, element by element
    return result(of: "where", shape: shape, scalars: values, inputs: [a, b]) { _, g in
      [(g * mask).summed(toShape: a.shape), (g * (1 - mask)).summed(toShape: b.shape)]
    }
  }

  /// The values limited to `[min, max]`.
  ///
  /// Backward: the gradient passes where `min ≤ x ≤ max` and is 0 where the value was cut.
  public func clamped(min lower: Double = -.infinity, max upper: Double = .infinity) -> Tensor {
    if lower > upper { fail("clamped: min \(lower) is greater than max \(upper)") }
    return map("clamp", { $0.isNaN ? $0 : Swift.min(Swift.max($0, lower), upper) }) { x, _, g in
      g * (x .>= lower) * (x .<= upper)
    }
  }
}
