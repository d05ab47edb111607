// ConvolutionTests.swift — convolution and pooling against values worked out by hand.

import Foundation
import Testing

@testable import Autograd

@Suite("Convolution and pooling")
struct ConvolutionTests {
  @Test("conv1d slides the kernel without flipping it (cross-correlation)")
  func conv1dByHand() {
    let x = Tensor(shape: [1, 5, 1], scalars: [1, 2, 0, -1, 3])
    let w = Tensor(shape: [1, 3, 1], scalars: [1, 0, -1])
    // y_i = x_i − x_{i+2}: [1 − 0, 2 − (−1), 0 − 3]
    #expect(conv1d(x, w).scalars == [1, 3, -3])
    // Padding 1 adds a zero at each end; stride 2 keeps every other window.
    #expect(conv1d(x, w, padding: 1).scalars == [-2, 1, 3, -3, -1])
    #expect(conv1d(x, w, stride: 2, padding: 1).scalars == [-2, 3, -1])
    #expect(conv1d(x, w, bias: Tensor([0.5])).scalars == [1.5, 3.5, -2.5])
  }

  @Test(
    "the output size is ⌊(n + 2p − k)/s⌋ + 1",
    arguments: [(7, 3, 1, 0), (7, 3, 2, 1), (8, 2, 2, 0), (28, 3, 1, 0), (5, 5, 3, 2)])
  func outputSize(_ c: (n: Int, k: Int, s: Int, p: Int)) {
    let y = Tensor.zeros([1, c.n, 1]).patches(kernel: c.k, stride: c.s, padding: c.p)
    #expect(y.shape[1] == (c.n + 2 * c.p - c.k) / c.s + 1)
    #expect(y.shape[1] == Tensor.windowCount(size: c.n, kernel: c.k, stride: c.s, padding: c.p))
  }

  @Test("conv2d over channels: every filter sums over its window and every channel")
  func conv2dByHand() {
    // A 3×3 image with two channels; channel 2 is channel 1 times 10.
    let pixels: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let x = Tensor(shape: [1, 3, 3, 2], scalars: pixels.flatMap { [$0, 10 * $0] })
    // One 2×2 filter reading channel 1 with [[1, 0], [0, −1]] and channel 2 with 0.1 everywhere.
    let w = Tensor(shape: [1, 2, 2, 2], scalars: [1, 0.1, 0, 0.1, 0, 0.1, -1, 0.1])
    // Top-left window: 1 − 5 + 0.1·(10 + 20 + 40 + 50) = 8.
    let y = conv2d(x, w)
    #expect(y.shape == [1, 2, 2, 1])
    #expect(isClose(y.scalars, [8, 12, 20, 24], tolerance: 1e-12))
  }

  @Test("a convolution layer matches a Linear layer applied to each window")
  func convIsLinearOnWindows() {
    var rng = SeededGenerator(seed: 3)
    let conv = Conv1D(channels: 2, filters: 3, kernel: 2, using: &rng)
    let x = randomTensor([1, 4, 2])
    let dense = Linear(W: conv.W.reshaped([3, 4]).detached(), b: conv.b.detached())
    let window = x.sliced(axis: 1, 1..<3).reshaped([4])  // the second window, flattened
    #expect(isClose(dense(window).scalars, conv(x).sliced(axis: 1, 1..<2).scalars, tolerance: 1e-12))
  }

  @Test("max pooling sends each window's gradient to its largest entry; average pooling shares it")
  func poolingGradients() {
    let x = Tensor(shape: [1, 6, 1], scalars: [1, 5, 2, 2, -1, -3], requiresGrad: true)
    let maxed = pool1d(x, .max, size: 2)
    #expect(maxed.scalars == [5, 2, -1])
    (maxed * Tensor(shape: [1, 3, 1], scalars: [1, 2, 3])).sum().backward()
    #expect(x.grad!.scalars == [0, 1, 1, 1, 3, 0])  // the tie 2, 2 shares its gradient
    x.grad = nil
    let averaged = pool1d(x, .average, size: 3)
    let thirds: [Double] = [8.0 / 3, -2.0 / 3]
    #expect(averaged.scalars == thirds)
    averaged.sum().backward()
    #expect(isClose(x.grad!.scalars, [Double](repeating: 1.0 / 3, count: 6), tolerance: 1e-15))
  }

  @Test("2×2 max pooling halves height and width")
  func pool2dShape() {
    let x = Tensor(shape: [1, 4, 4, 1], scalars: (0..<16).map(Double.init))
    #expect(pool2d(x, .max, size: (2, 2)).scalars == [5, 7, 13, 15])
    #expect(pool2d(x, .average, size: (2, 2)).scalars == [2.5, 4.5, 10.5, 12.5])
  }
}
