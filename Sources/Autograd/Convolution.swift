// Convolution.swift — convolution and pooling over sequences [B, L, C] and images [B, H, W, C].
//
// Both are built on `patches` (Core/Tensor+Patches.swift): a convolution multiplies every
// window by the kernel (one matrix product), a pooling reduces every window. So their backward
// rules are those of matmul, max and mean, followed by adding each window's gradient back to
// the positions it covered.

/// A one-dimensional convolution, as every framework computes it (strictly a cross-correlation:
/// the kernel is not flipped):
///
/// ```
/// y[b, i, f] = Σⱼ Σ꜀ x[b, i·stride + j − padding, c] · w[f, j, c] + bias[f]
/// ```
/// - Parameters:
///   - x: `[B, L, C]`.
///   - w: the kernels, `[F, k, C]`: F filters of k steps over C channels.
///   - bias: `[F]`, or nil.
///   - stride: the step between windows.
///   - padding: the zeros added at each end.
/// - Returns: `[B, Lo, F]` with Lo = ⌊(L + 2·padding − k)/stride⌋ + 1.
public func conv1d(_ x: Tensor, _ w: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) -> Tensor {
  if x.rank != 3 || w.rank != 3 || x.shape[2] != w.shape[2] {
    fail("conv1d: input \(x.shape) must be [batch, length, C] and kernel \(w.shape) [filters, k, C]")
  }
  let (filters, k) = (w.shape[0], w.shape[1])
  let y = x.patches(kernel: k, stride: stride, padding: padding).matmul(transposing: w.reshaped([filters, -1]))
  return bias.map { y + $0 } ?? y  // [B, Lo, F]
}

/// A two-dimensional convolution (cross-correlation), the layer of Keras's `Conv2D`:
///
/// ```
/// y[b, i, j, f] = Σ_{u,v,c} x[b, i·s₀ + u − p₀, j·s₁ + v − p₁, c] · w[f, u, v, c] + bias[f]
/// ```
/// - Parameters:
///   - x: `[B, H, W, C]`.
///   - w: the kernels, `[F, kh, kw, C]`.
///   - bias: `[F]`, or nil.
///   - stride: the steps between windows (rows, columns).
///   - padding: the zeros added on each side (rows, columns).
/// - Returns: `[B, Ho, Wo, F]`.
public func conv2d(
  _ x: Tensor, _ w: Tensor, bias: Tensor? = nil, stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)
) -> Tensor {
  if x.rank != 4 || w.rank != 4 || x.shape[3] != w.shape[3] {
    fail("conv2d: input \(x.shape) must be [batch, height, width, C] and kernel \(w.shape) [filters, kh, kw, C]")
  }
  let filters = w.shape[0]
  let windows = x.patches(kernel: (w.shape[1], w.shape[2]), stride: stride, padding: padding)
  let y = windows.matmul(transposing: w.reshaped([filters, -1]))
  return bias.map { y + $0 } ?? y  // [B, Ho, Wo, F]
}

/// How a pooling reduces each window.
public enum Pooling: String, Sendable {
  /// The largest value; the gradient goes to it alone.
  case max
  /// The mean; the gradient is shared equally, 1/size to each position.
  case average
}

/// Pooling over windows of `size` steps of a sequence batch `[B, L, C]`, each channel on its
/// own; `stride` defaults to `size` (windows side by side, as in Keras), so L shrinks to ⌊L/size⌋.
public func pool1d(_ x: Tensor, _ kind: Pooling, size: Int, stride: Int? = nil) -> Tensor {
  if x.rank != 3 { fail("pool1d: input must be [batch, length, channels], got \(x.shape)") }
  let (b, c) = (x.shape[0], x.shape[2])
  let windows = x.patches(kernel: size, stride: stride ?? size).reshaped([b, -1, size, c])  // [B, Lo, k, C]
  return kind == .max ? windows.max(axis: 2) : windows.mean(axis: 2)  // [B, Lo, C]
}

/// Pooling over `size` windows of an image batch `[B, H, W, C]`; `stride` defaults to `size`
/// (Keras's `MaxPooling2D((2, 2))` halves height and width).
public func pool2d(_ x: Tensor, _ kind: Pooling, size: (Int, Int), stride: (Int, Int)? = nil) -> Tensor {
  if x.rank != 4 { fail("pool2d: input must be [batch, height, width, channels], got \(x.shape)") }
  // Windows side by side (Keras's MaxPooling2D): one pass instead of patches, max and its mask
  // (Kernels/MaxPooling.swift, the same values and gradients; KernelTests compares them). Not in
  // the reference mode, which pools by the definition below.
  if Kernels.enabled, kind == .max, stride == nil || stride! == size, size.0 <= x.shape[1],
    size.1 <= x.shape[2], size.0 > 0, size.1 > 0
  {
    return maxPoolSideBySide(x, size: size)
  }
  return pool2dByPatches(x, kind, size: size, stride: stride)
}

/// ``pool2d(_:_:size:stride:)`` by its definition: every window as a row of `patches`, reduced.
func pool2dByPatches(_ x: Tensor, _ kind: Pooling, size: (Int, Int), stride: (Int, Int)? = nil) -> Tensor {
  let (b, c) = (x.shape[0], x.shape[3])
  let windows = x.patches(kernel: size, stride: stride ?? size)
  let (ho, wo) = (windows.shape[1], windows.shape[2])
  let grouped = windows.reshaped([b, ho, wo, size.0 * size.1, c])  // [B, Ho, Wo, kh·kw, C]
  return kind == .max ? grouped.max(axis: 3) : grouped.mean(axis: 3)  // [B, Ho, Wo, C]
}
