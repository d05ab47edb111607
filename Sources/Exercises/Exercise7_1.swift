// Exercise7_1.swift — chapter 07: the output length of a dilated convolution.

import Foundation

/// Exercise 7.1 — how many windows a dilated convolution has.
///
/// A kernel of `kernel` taps spaced `dilation` inputs apart (dilation 1 is chapter 07's ordinary
/// kernel) moves `stride` steps at a time over `length` inputs with `padding` zeros added at each
/// end. Return how many positions it fits at (0 if none does).
public func dilatedConvolutionOutputLength(
  length: Int, kernel: Int, stride: Int, padding: Int, dilation: Int
) throws -> Int {
  // BEGIN SOLUTION
  let span = dilation * (kernel - 1) + 1
  let padded = length + 2 * padding
  if padded < span { return 0 }
  return (padded - span) / stride + 1
  // END SOLUTION
}
