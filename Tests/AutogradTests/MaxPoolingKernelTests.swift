// MaxPoolingKernelTests.swift — the side-by-side max-pooling kernel (Kernels/MaxPooling.swift)
// against its definition (pool2dByPatches): the same values and the same gradients, over shapes
// with and without leftover rows, with ties (relu's zeros, repeated values) and a NaN.

import Testing

@testable import Autograd

@Suite("Max pooling: the kernel against the definition")
struct MaxPoolingKernelTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let shape: [Int]
    let size: (Int, Int)
    let values: @Sendable ([Double]) -> [Double]
    let name: String
    var testDescription: String { "\(name) \(shape) window \(size)" }
  }

  static let cases: [Case] = [
    Case(shape: [2, 4, 4, 3], size: (2, 2), values: { $0 }, name: "distinct"),
    Case(shape: [1, 5, 7, 2], size: (2, 3), values: { $0 }, name: "leftover rows and columns"),
    Case(shape: [3, 6, 6, 2], size: (2, 2), values: { $0.map { max($0, 0) } }, name: "relu's ties at 0"),
    Case(shape: [2, 4, 6, 1], size: (2, 2), values: { $0.map { ($0 * 2).rounded() } }, name: "repeated values"),
    Case(
      shape: [1, 4, 4, 2], size: (2, 2), values: { v in v.indices.map { $0 == 5 ? .nan : v[$0] } }, name: "a NaN"),
  ]

  @Test("values and gradients equal the definition's", arguments: cases)
  func sameAsDefinition(_ c: Case) {
    let base = randomTensor(c.shape, in: -2...2, seed: 7)
    let scalars = c.values(base.scalars)
    let fast = Tensor(shape: c.shape, scalars: scalars, requiresGrad: true)
    let plain = Tensor(shape: c.shape, scalars: scalars, requiresGrad: true)
    let yFast = maxPoolSideBySide(fast, size: c.size)
    let yPlain = pool2dByPatches(plain, .max, size: c.size)
    #expect(yFast.shape == yPlain.shape)
    #expect(zip(yFast.scalars, yPlain.scalars).allSatisfy { $0.bitPattern == $1.bitPattern || ($0 == $1) })
    // A weighted sum, so every output's gradient differs.
    let weights = randomTensor(yFast.shape, in: -1...1, seed: 8)
    (yFast * weights).sum().backward()
    (yPlain * weights).sum().backward()
    let (gFast, gPlain) = (fast.grad!.scalars, plain.grad!.scalars)
    #expect(gFast.count == gPlain.count)
    #expect(zip(gFast, gPlain).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(gFast) vs \(gPlain)")
  }

  @Test("pool2d takes the kernel for side-by-side max windows only")
  func dispatch() {
    let x = randomTensor([1, 4, 4, 1], in: -1...1, seed: 3)
    #expect(pool2d(x, .max, size: (2, 2)).operation.hasPrefix("max pool"))
    #expect(!pool2d(x, .max, size: (2, 2), stride: (1, 1)).operation.hasPrefix("max pool"))
    #expect(!pool2d(x, .average, size: (2, 2)).operation.hasPrefix("max pool"))
  }
}
