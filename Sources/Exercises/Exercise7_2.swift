// Exercise7_2.swift — chapter 07: max pooling's backward pass with overlapping windows.

import Foundation

/// Exercise 7.2 — the backward pass of max pooling with overlapping windows, PyTorch's tie rule.
///
/// `x` was max-pooled in windows of `size` entries starting every `stride` entries (window w covers
/// x[w·stride ..< w·stride + size]; windows that would run past the end are dropped), and
/// `upstream[w]` is ∂L/∂(output of window w). Return ∂L/∂x. Each window sends its whole gradient to
/// its first largest entry (PyTorch's `max_pool1d`; chapter 07's library splits ties instead). An
/// entry in several windows collects the gradient of every window it wins.
public func maxPoolBackward(x: [Double], size: Int, stride: Int, upstream: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  var gradient = [Double](repeating: 0, count: x.count)
  for (w, g) in upstream.enumerated() {
    var winner = w * stride
    for i in (w * stride)..<(w * stride + size) where x[i] > x[winner] { winner = i }
    gradient[winner] += g
  }
  return gradient
  // END SOLUTION
}
