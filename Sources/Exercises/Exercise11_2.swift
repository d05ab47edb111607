// Exercise11_2.swift — chapter 11: im2col, every window of an image as a row.

import Foundation

/// Exercise 11.2 — im2col for one image, so that a convolution becomes one matrix product.
///
/// `image` holds `height · width · channels` values, channels last: the value at row y, column
/// x, channel c is `image[(y · width + x) · channels + c]`. Slide a `kernelHeight × kernelWidth`
/// window over it with `stride` pixels between windows (no padding). Return one row per window,
/// windows in reading order (top row of windows first, left to right), each row the window's
/// values ordered by row in the window, then column, then channel:
/// `kernelHeight · kernelWidth · channels` values. (Chapter 11's `patches` does this for a batch.)
public func im2col(
  image: [Double], height: Int, width: Int, channels: Int, kernelHeight: Int, kernelWidth: Int, stride: Int
)
  throws -> [[Double]]
{
  // BEGIN SOLUTION
  struct Invalid: Error {}
  guard image.count == height * width * channels, kernelHeight >= 1, kernelWidth >= 1, stride >= 1,
    kernelHeight <= height, kernelWidth <= width
  else { throw Invalid() }
  var rows: [[Double]] = []
  for top in Swift.stride(from: 0, through: height - kernelHeight, by: stride) {
    for left in Swift.stride(from: 0, through: width - kernelWidth, by: stride) {
      var row: [Double] = []
      for dy in 0..<kernelHeight {
        for dx in 0..<kernelWidth {
          for c in 0..<channels { row.append(image[((top + dy) * width + left + dx) * channels + c]) }
        }
      }
      rows.append(row)
    }
  }
  return rows
  // END SOLUTION
}
