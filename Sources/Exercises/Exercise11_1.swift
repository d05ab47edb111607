// Exercise11_1.swift — chapter 11: the shape of a 2-D convolution's output.

import Foundation

/// Exercise 11.1 — the output shape of a 2-D convolution with stride and padding.
///
/// `input` is an image batch `[B, H, W, C]` (channels last, as in Keras and chapter 11); the layer
/// has `filters` kernels of `kernel` = `[kh, kw]`, moves `stride` = `[sh, sw]` pixels at a time and
/// adds `padding` = `[ph, pw]` zeros on each side. Return `[B, Ho, Wo, filters]`. Throw (any error)
/// when the input is not of rank 4, a kernel size or stride is below 1, a padding is negative,
/// or the kernel does not fit the padded image.
public func conv2dOutputShape(input: [Int], filters: Int, kernel: [Int], stride: [Int], padding: [Int]) throws
  -> [Int]
{
  // BEGIN SOLUTION
  struct Invalid: Error {}
  guard input.count == 4, kernel.count == 2, stride.count == 2, padding.count == 2, filters >= 1 else {
    throw Invalid()
  }
  var out = [input[0]]
  for axis in 0..<2 {
    let (size, k, s, p) = (input[1 + axis], kernel[axis], stride[axis], padding[axis])
    guard k >= 1, s >= 1, p >= 0, size + 2 * p >= k else { throw Invalid() }
    out.append((size + 2 * p - k) / s + 1)
  }
  return out + [filters]
  // END SOLUTION
}
