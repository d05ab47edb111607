// Tolerance.swift — when two computed numbers count as the same: the one rule of every test and
// every exercise check. (``gradientCheck(_:epsilon:tolerance:of:)`` measures its relative error
// the same way, |a − b| / max(1, |a|, |b|), and reports the value rather than a yes or no.)

/// Whether `a` and `b` agree to `tolerance`: absolutely for numbers up to 1 in size, relatively
/// above. Equal values agree (so do two equal infinities); NaN agrees with nothing.
///
/// ```
/// |a − b| ≤ tolerance · max(1, |a|, |b|)
/// ```
public func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  if a == b { return true }  // equal infinities, whose difference is NaN
  return Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(a), Swift.abs(b))
}

/// Whether two lists have the same length and agree element by element (``isClose(_:_:tolerance:)``).
public func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}
