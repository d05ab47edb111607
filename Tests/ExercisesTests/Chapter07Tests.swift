// Chapter07Tests.swift — exercises 7.1–7.3.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 07 exercises", .exerciseStatus)
struct Chapter07Tests {
  @Test("Exercise 7.1: a kernel of 3 taps with dilation 2 spans 5 inputs [1 point]")
  func dilatedLength() throws {
    #expect(try dilatedConvolutionOutputLength(length: 9, kernel: 3, stride: 1, padding: 0, dilation: 2) == 5)
    #expect(try dilatedConvolutionOutputLength(length: 9, kernel: 3, stride: 2, padding: 2, dilation: 2) == 5)
  }

  @Test("Exercise 7.2: windows of 3 every 2 steps [2 points]")
  func maxPool() throws {
    // Windows [1, 5, 2], [2, 0, 4], [4, 4, 1]: the 4 at index 4 wins twice (the tie goes to it, the first).
    let g = try maxPoolBackward(x: [1, 5, 2, 0, 4, 4, 1], size: 3, stride: 2, upstream: [1, 2, 3])
    #expect(g == [0, 1, 0, 0, 5, 0, 0])
  }

  @Test("Exercise 7.3: one step of a one-unit GRU [3 points]")
  func gru() throws {
    // Blocks r, z, n of a cell with one unit and one input; r = σ(0), z = σ(0), n = tanh(0.5).
    let h = try gruStep(x: [1], h: [0.4], W: [[0], [0], [0]], U: [[0], [0], [0.5]], b: [0, 0, 0])
    #expect(close(h, [0.5 * tanh(0.5) + 0.5 * 0.4]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 7.1: agrees with Autograd's windows at dilation 1, and with the span rule beyond [2 points]")
  func lengths() throws {
    for length in [1, 2, 5, 8] {
      for kernel in [1, 2, 3, 5] {
        for stride in [1, 2, 3] {
          for padding in [0, 1, 2] {
            let plain = Tensor.windowCount(size: length, kernel: kernel, stride: stride, padding: padding)
            let span = 2 * (kernel - 1) + 1
            let wide = Tensor.windowCount(size: length, kernel: span, stride: stride, padding: padding)
            let got1 = try dilatedConvolutionOutputLength(
              length: length, kernel: kernel, stride: stride, padding: padding, dilation: 1)
            let got2 = try dilatedConvolutionOutputLength(
              length: length, kernel: kernel, stride: stride, padding: padding, dilation: 2)
            #expect(got1 == plain && got2 == wide, "n \(length), k \(kernel), s \(stride), p \(padding)")
          }
        }
      }
    }
  }

  @Test(
    "Exercise 7.2: without ties it matches Autograd's pool1d backward, overlapping and strided [3 points]",
    arguments: [(3, 2), (2, 3), (4, 1)])
  func maxPoolAgainstLibrary(_ window: (size: Int, stride: Int)) throws {
    let values: [Double] = [0.3, 2.5, -1.0, 0.9, 4.2, 1.7, -0.6, 3.3, 0.1, 2.2, -2.0]
    let x = Tensor(shape: [1, values.count, 1], scalars: values, requiresGrad: true)
    let pooled = pool1d(x, .max, size: window.size, stride: window.stride)
    let upstream = (0..<pooled.shape[1]).map { Double($0) - 1.5 }
    (pooled * Tensor(shape: pooled.shape, scalars: upstream)).sum().backward()
    let got = try maxPoolBackward(x: values, size: window.size, stride: window.stride, upstream: upstream)
    #expect(close(got, x.grad!.scalars), "size \(window.size), stride \(window.stride)")
  }

  @Test("Exercise 7.2: a tie sends everything to the first maximum [1 point]")
  func maxPoolTies() throws {
    let g = try maxPoolBackward(x: [2, 2, 2, 1, 3, 3], size: 2, stride: 2, upstream: [1, 1, 1])
    #expect(g == [1, 0, 1, 0, 1, 0])
  }

  @Test("Exercise 7.3: matches the GRU equations computed with Autograd, two units and three inputs [4 points]")
  func gruAgainstLibrary() throws {
    var rng = SeededGenerator(seed: 73)
    let (W, U, b) = (
      Tensor.normal([6, 2], using: &rng), Tensor.normal([6, 3], using: &rng), Tensor.normal([6], using: &rng)
    )
    let (x, h) = (Tensor.normal([3], using: &rng), Tensor.normal([2], using: &rng))
    func block(_ t: Tensor, _ n: Int) -> Tensor { Tensor(Array(t.rows[(2 * n)..<(2 * n + 2)])) }
    func times(_ m: Tensor, _ v: Tensor) -> Tensor { m.matmul(v.reshaped([v.shape[0], 1])).reshaped([m.shape[0]]) }
    let bias = b.scalars
    func part(_ n: Int) -> Tensor { Tensor(Array(bias[(2 * n)..<(2 * n + 2)])) }
    let r = (times(block(W, 0), h) + times(block(U, 0), x) + part(0)).sigmoid()
    let z = (times(block(W, 1), h) + times(block(U, 1), x) + part(1)).sigmoid()
    let n = (times(block(W, 2), r * h) + times(block(U, 2), x) + part(2)).tanh()
    let expected = ((1 - z) * n + z * h).scalars
    let got = try gruStep(x: x.scalars, h: h.scalars, W: W.rows, U: U.rows, b: bias)
    #expect(close(got, expected))
  }
  // END HIDDEN TESTS
}
