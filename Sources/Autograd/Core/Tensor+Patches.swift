// Tensor+Patches.swift — the sliding window that convolution and pooling share: every window
// of an image laid out as one row ("im2col"), and its adjoint, which adds the rows back.
//
// With patches, a convolution is one matrix product and a pooling is one reduction:
//
//   conv:  patches(x) [B, Ho, Wo, kh·kw·C] · Wᵀ [kh·kw·C, F]   → [B, Ho, Wo, F]
//   pool:  patches(x) as [B, Ho, Wo, kh·kw, C], max or mean over the window axis
//
// Layout is channels-last, as in Keras: images [B, H, W, C], sequences [B, L, C].

extension Tensor {
  /// The number of window positions along an axis of `size` entries:
  /// ⌊(size + 2·padding − kernel) / stride⌋ + 1, or 0 when the window does not fit.
  public static func windowCount(size: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
    let room = size + 2 * padding - kernel
    return room < 0 ? 0 : room / stride + 1  // (a negative room would round toward zero, not down)
  }

  /// Every `kh × kw` window of an image batch `[B, H, W, C]`, flattened to a row:
  /// `[B, Ho, Wo, kh·kw·C]`, ordered (row in window, column in window, channel).
  /// Positions outside the image (padding) read 0.
  ///
  /// Backward: each row's gradient is added back to the pixels it was read from; a pixel
  /// inside several windows collects from all of them.
  public func patches(kernel: (Int, Int), stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)) -> Tensor {
    if rank != 4 { fail("patches: input must be [batch, height, width, channels], got \(shape)") }
    let (b, h, w, c) = (shape[0], shape[1], shape[2], shape[3])
    let (kh, kw) = kernel
    if kh < 1 || kw < 1 || stride.0 < 1 || stride.1 < 1 || padding.0 < 0 || padding.1 < 0 {
      fail("patches: kernel \(kernel), stride \(stride) and padding \(padding) must be positive (padding ≥ 0)")
    }
    let ho = Tensor.windowCount(size: h, kernel: kh, stride: stride.0, padding: padding.0)
    let wo = Tensor.windowCount(size: w, kernel: kw, stride: stride.1, padding: padding.1)
    if ho < 1 || wo < 1 {
      fail("patches: a \(kh)×\(kw) window does not fit input \(shape) with padding \(padding)")
    }
    // map[i] = the offset in `scalars` that output element i reads, or −1 for padding.
    var map: [Int] = []
    map.reserveCapacity(b * ho * wo * kh * kw * c)
    for n in 0..<b {
      for oy in 0..<ho {
        for ox in 0..<wo {
          for ky in 0..<kh {
            for kx in 0..<kw {
              let (y, x) = (oy * stride.0 + ky - padding.0, ox * stride.1 + kx - padding.1)
              let inside = (0..<h).contains(y) && (0..<w).contains(x)
              for channel in 0..<c { map.append(inside ? ((n * h + y) * w + x) * c + channel : -1) }
            }
          }
        }
      }
    }
    return picked(map, shape: [b, ho, wo, kh * kw * c], operation: "patches(\(kh)×\(kw))")
  }

  /// Every window of `kernel` steps of a sequence batch `[B, L, C]`, flattened to a row:
  /// `[B, Lo, kernel·C]`. The one-dimensional case of ``patches(kernel:stride:padding:)``.
  public func patches(kernel: Int, stride: Int = 1, padding: Int = 0) -> Tensor {
    if rank != 3 { fail("patches: input must be [batch, length, channels], got \(shape)") }
    let (b, c) = (shape[0], shape[2])
    return reshaped([b, 1, shape[1], c])
      .patches(kernel: (1, kernel), stride: (1, stride), padding: (0, padding))
      .reshaped([b, -1, kernel * c])
  }

  /// The elements at offsets `map` (−1 reads 0), laid out in `shape`.
  ///
  /// Backward: each gradient element is added back where it was read from.
  func picked(_ map: [Int], shape newShape: [Int], operation: String = "pick") -> Tensor {
    var values = [Double](repeating: 0, count: map.count)
    scalars.withUnsafeBufferPointer { x in
      for (i, offset) in map.enumerated() where offset >= 0 { values[i] = x[offset] }
    }
    let source = shape
    return Tensor.result(of: operation, shape: newShape, scalars: values, inputs: [self]) { _, g in
      [g.placed(map, shape: source)]
    }
  }

  /// A zero tensor of `shape` with element i of this tensor added at offset `map[i]` (skipped
  /// when −1): the adjoint of ``picked(_:shape:operation:)``.
  func placed(_ map: [Int], shape newShape: [Int]) -> Tensor {
    var values = [Double](repeating: 0, count: newShape.reduce(1, *))
    scalars.withUnsafeBufferPointer { g in
      for (i, offset) in map.enumerated() where offset >= 0 { values[offset] += g[i] }
    }
    let source = shape
    return Tensor.result(of: "place", shape: newShape, scalars: values, inputs: [self]) { _, g in
      [g.picked(map, shape: source)]
    }
  }
}
