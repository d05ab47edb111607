// Conv.swift — convolution layers: learned kernels slid over a sequence or an image.

/// A 1-D convolution layer over sequences `[B, L, C]` → `[B, Lo, F]` (see ``conv1d(_:_:bias:stride:padding:)``).
///
/// The same `F × k × C` kernel weights are used at every position: that sharing is what makes a
/// convolution a feature detector that works wherever the feature appears.
public final class Conv1D: Module {
  /// The kernels `[filters, kernel, channels]`.
  public let W: Tensor
  /// The biases `[filters]`.
  public let b: Tensor
  /// The step between windows.
  public let stride: Int
  /// The zeros added at each end of the sequence.
  public let padding: Int

  /// Weights drawn uniformly from ±1/√(kernel·channels), the fan-in of one output (PyTorch's default).
  public init(
    channels: Int, filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
    using generator: inout SeededGenerator
  ) {
    let bound = 1 / Double(kernel * channels).squareRoot()
    W = Tensor.uniform([filters, kernel, channels], in: -bound...bound, using: &generator, requiresGrad: true)
    b = Tensor.uniform([filters], in: -bound...bound, using: &generator, requiresGrad: true)
    self.stride = stride
    self.padding = padding
  }

  /// The convolution of `x` `[B, L, channels]`: `[B, Lo, filters]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    conv1d(x, W, bias: b, stride: stride, padding: padding)
  }
}

/// A 2-D convolution layer over images `[B, H, W, C]` → `[B, Ho, Wo, F]`, Keras's `Conv2D`.
public final class Conv2D: Module {
  /// The kernels `[filters, kh, kw, channels]`.
  public let W: Tensor
  /// The biases `[filters]`.
  public let b: Tensor
  /// The steps between windows (rows, columns).
  public let stride: (Int, Int)
  /// The zeros added on each side (rows, columns).
  public let padding: (Int, Int)

  /// Weights drawn uniformly from ±1/√(kh·kw·channels).
  public init(
    channels: Int, filters: Int, kernel: (Int, Int), stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
    using generator: inout SeededGenerator
  ) {
    let bound = 1 / Double(kernel.0 * kernel.1 * channels).squareRoot()
    W = Tensor.uniform(
      [filters, kernel.0, kernel.1, channels], in: -bound...bound, using: &generator, requiresGrad: true)
    b = Tensor.uniform([filters], in: -bound...bound, using: &generator, requiresGrad: true)
    self.stride = stride
    self.padding = padding
  }

  /// The convolution of `x` `[B, H, W, channels]`: `[B, Ho, Wo, filters]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    conv2d(x, W, bias: b, stride: stride, padding: padding)
  }
}
