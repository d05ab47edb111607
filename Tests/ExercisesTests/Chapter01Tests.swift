// Chapter01Tests.swift — exercises 1.1–1.2.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 01 exercises", .exerciseStatus)
struct Chapter01Tests {
  @Test("Exercise 1.1: silu′(0) = ½ and silu′(1) [2 points]")
  func siluDerivativeValues() throws {
    #expect(close(try siluDerivative(0), 0.5))
    #expect(close(try siluDerivative(1), 0.927670511574945))
  }

  @Test("Exercise 1.2: log-softmax of [1, 2, 3] [2 points]")
  func logSoftmaxValues() throws {
    let l = try logSoftmax([1, 2, 3])
    #expect(close(l, [-2.40760596444438, -1.40760596444438, -0.40760596444438]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 1.1: silu′ matches autograd of x·σ(x) [3 points]", arguments: [-30.0, -2.5, -0.4, 0.7, 3.0, 25.0])
  func siluDerivativeAgainstAutograd(_ x: Double) throws {
    let t = Tensor(x, requiresGrad: true)
    (t * t.sigmoid()).backward()
    #expect(close(try siluDerivative(x), t.grad!.item), "x = \(x)")
  }

  @Test("Exercise 1.1: finite far from 0 [1 point]", arguments: [-800.0, 800.0])
  func siluDerivativeFinite(_ x: Double) throws {
    #expect(close(try siluDerivative(x), x > 0 ? 1 : 0), "x = \(x)")
  }

  @Test("Exercise 1.2: matches Autograd's logSoftmax, at 1e4 too [3 points]")
  func logSoftmaxAgainstLibrary() throws {
    for z in [[0.5, -1.0, 2.0, 0.0, 3.5], [1e4, 0, -1e4], [-7.0]] {
      let expected = Tensor(z).logSoftmax(axis: 0).scalars
      let got = try logSoftmax(z)
      #expect(got.allSatisfy(\.isFinite) && close(got, expected), "z = \(z)")
    }
  }
  // END HIDDEN TESTS
}
