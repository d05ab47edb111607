// Exercise11_4.swift — chapter 11: the backward pass of 2 × 2 max pooling, ties shared.

import Foundation

/// Exercise 11.4 — ∂L/∂x of 2 × 2 max pooling (stride 2) over a one-channel image.
///
/// `x` holds `height · width` values, row after row; the pooling's output has ⌊height/2⌋ ×
/// ⌊width/2⌋ values (a last odd row or column is dropped), and `upstream` holds ∂L/∂y for each,
/// row after row. Return ∂L/∂x, `height · width` values. Use Autograd's rule for ties (chapter
/// 11's max pooling), not PyTorch's (exercise 7.2): when w values of a window equal its maximum,
/// each of them receives upstream/w. Values in no window get 0.
public func maxPool2x2Backward(x: [Double], height: Int, width: Int, upstream: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  struct Invalid: Error {}
  let (ho, wo) = (height / 2, width / 2)
  guard x.count == height * width, upstream.count == ho * wo else { throw Invalid() }
  var g = [Double](repeating: 0, count: x.count)
  for oy in 0..<ho {
    for ox in 0..<wo {
      let window = [
        (2 * oy) * width + 2 * ox, (2 * oy) * width + 2 * ox + 1, (2 * oy + 1) * width + 2 * ox,
        (2 * oy + 1) * width + 2 * ox + 1,
      ]
      let largest = window.map { x[$0] }.max()!
      let winners = window.filter { x[$0] == largest }
      for i in winners { g[i] += upstream[oy * wo + ox] / Double(winners.count) }
    }
  }
  return g
  // END SOLUTION
}
