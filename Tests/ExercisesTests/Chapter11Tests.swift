// Chapter11Tests.swift — exercises 11.1–11.4.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 11 exercises", .exerciseStatus)
struct Chapter11Tests {
  @Test("Exercise 11.1: article 003's Conv2D on 28 × 28 images gives 26 × 26 × 32 [1 point]")
  func articleShape() throws {
    #expect(
      try conv2dOutputShape(input: [32, 28, 28, 1], filters: 32, kernel: [3, 3], stride: [1, 1], padding: [0, 0])
        == [32, 26, 26, 32])
  }

  @Test("Exercise 11.2: a 3 × 3 image, 2 × 2 windows, stride 1 [2 points]")
  func smallIm2col() throws {
    let rows = try im2col(
      image: [1, 2, 3, 4, 5, 6, 7, 8, 9], height: 3, width: 3, channels: 1, kernelHeight: 2, kernelWidth: 2, stride: 1)
    #expect(rows == [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]])
  }

  @Test("Exercise 11.3: article 003's CNN has 320 + 54090 parameters [1 point]")
  func articleCount() throws {
    #expect(
      try cnnParameterCounts(height: 28, width: 28, channels: 1, filters: 32, kernel: 3, pool: 2, classes: 10)
        == [320, 54090])
  }

  @Test("Exercise 11.4: one window, a tie between two values shares the gradient [2 points]")
  func tie() throws {
    #expect(try maxPool2x2Backward(x: [1, 3, 3, 0], height: 2, width: 2, upstream: [4]) == [0, 2, 2, 0])
  }

  // BEGIN HIDDEN TESTS
  @Test(
    "Exercise 11.1: strides and padding agree with Autograd's conv2d [2 points]",
    arguments: [
      ([2, 7, 9, 3], [3, 2], [2, 1], [1, 0]), ([1, 5, 5, 1], [5, 5], [1, 1], [0, 0]),
      ([3, 6, 4, 2], [1, 3], [3, 2], [2, 1]),
    ])
  func shapes(_ input: [Int], _ kernel: [Int], _ stride: [Int], _ padding: [Int]) throws {
    let y = conv2d(
      Tensor.zeros(input), Tensor.zeros([4, kernel[0], kernel[1], input[3]]), stride: (stride[0], stride[1]),
      padding: (padding[0], padding[1]))
    let got = try conv2dOutputShape(input: input, filters: 4, kernel: kernel, stride: stride, padding: padding)
    #expect(got == y.shape, "input \(input), kernel \(kernel), stride \(stride), padding \(padding)")
  }

  @Test("Exercise 11.1: a kernel larger than the padded image is refused [1 point]")
  func tooLarge() throws {
    // The same image with a kernel that fits has a shape: an unsolved stub, which throws for every
    // call, fails here instead of passing the refusal below.
    let fits = try conv2dOutputShape(input: [1, 2, 2, 1], filters: 1, kernel: [2, 1], stride: [1, 1], padding: [0, 0])
    #expect(fits == [1, 1, 2, 1])
    #expect(throws: (any Error).self) {
      try conv2dOutputShape(input: [1, 2, 2, 1], filters: 1, kernel: [4, 1], stride: [1, 1], padding: [0, 0])
    }
  }

  @Test("Exercise 11.2: matches Autograd's patches over channels and strides [3 points]", arguments: [1, 2])
  func im2colAgainstPatches(_ stride: Int) throws {
    var rng = SeededGenerator(seed: 112)
    let x = Tensor.normal([1, 5, 6, 2], using: &rng)
    let expected = x.patches(kernel: (2, 3), stride: (stride, stride))
    let got = try im2col(
      image: x.scalars, height: 5, width: 6, channels: 2, kernelHeight: 2, kernelWidth: 3, stride: stride)
    let rows = expected.shape[1] * expected.shape[2]
    try #require(got.count == rows && got.allSatisfy { $0.count == 12 }, "stride \(stride)")
    #expect(got.flatMap { $0 } == expected.scalars, "stride \(stride)")
  }

  @Test("Exercise 11.3: other sizes, odd pooling leftovers and channels [2 points]")
  func otherCounts() throws {
    // 32 × 30 × 3, 8 filters of 5: 28 × 26 maps, pooled by 3 to 9 × 8 (leftovers dropped).
    #expect(
      try cnnParameterCounts(height: 32, width: 30, channels: 3, filters: 8, kernel: 5, pool: 3, classes: 7)
        == [8 * (5 * 5 * 3 + 1), 7 * (9 * 8 * 8 + 1)])
  }

  @Test("Exercise 11.4: matches Autograd's pool2d backward, ties and an odd edge included [3 points]")
  func poolAgainstLibrary() throws {
    let values: [Double] = [0, 0, 1, 5, 2, 0, 0, 0, 1, 3, 3, 2, 3, 1, 4, 4, 4, 0, 7, 2, 2, 1, 0, 6, 6]
    let x = Tensor(shape: [1, 5, 5, 1], scalars: values, requiresGrad: true)
    let pooled = pool2d(x, .max, size: (2, 2))
    let upstream: [Double] = [1, -2, 3, 0.5]
    (pooled * Tensor(shape: pooled.shape, scalars: upstream)).sum().backward()
    let got = try maxPool2x2Backward(x: values, height: 5, width: 5, upstream: upstream)
    try #require(got.count == 25)
    #expect(close(got, x.grad!.scalars))
  }
  // END HIDDEN TESTS
}
