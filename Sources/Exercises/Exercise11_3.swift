// Exercise11_3.swift — chapter 11: counting the parameters of a small CNN, layer by layer.

import Foundation

/// Exercise 11.3 — the parameters of Conv2D → MaxPooling2D → Flatten → Dense, as Keras counts them.
///
/// The input is `height × width × channels`; the convolution has `filters` square kernels of
/// `kernel × kernel` (stride 1, no padding, one bias each); the pooling takes `pool × pool` windows
/// side by side (dropping rows and columns that do not fill a window); the dense layer has
/// `classes` units (a bias each) on the flattened result. Return `[convolution, dense]`: the
/// parameters of the two layers with any (pooling and flattening have none). Article 003's CNN,
/// 28 × 28 × 1, 32 filters of 3, pool 2, 10 classes, has `[320, 54090]`. Throw (any error) if a
/// layer does not fit.
public func cnnParameterCounts(
  height: Int, width: Int, channels: Int, filters: Int, kernel: Int, pool: Int, classes: Int
) throws -> [Int] {
  // BEGIN SOLUTION
  struct Invalid: Error {}
  guard kernel >= 1, pool >= 1, kernel <= height, kernel <= width else { throw Invalid() }
  let (h, w) = ((height - kernel + 1) / pool, (width - kernel + 1) / pool)
  guard h >= 1, w >= 1 else { throw Invalid() }
  return [filters * (kernel * kernel * channels + 1), classes * (h * w * filters + 1)]
  // END SOLUTION
}
