// Chapter01Tests.swift — exercises 1.1–1.3.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 01 exercises")
struct Chapter01Tests {
  @Test("Exercise 1.1: σ′(0) = 0.25 and σ′ at 2 [2 points]")
  func sigmoidDerivativeValues() throws {
    #expect(close(try sigmoidDerivative(0), 0.25))
    #expect(close(try sigmoidDerivative(2), 0.104993585403507))
  }

  @Test("Exercise 1.2: tanh′(1) = 1 − tanh²(1) [2 points]")
  func tanhDerivativeValue() throws {
    #expect(close(try tanhDerivative(1), 1 - tanh(1) * tanh(1)))
  }

  @Test("Exercise 1.3: softmax of [1, 2, 3] [2 points]")
  func softmaxValues() throws {
    let s = try softmax([1, 2, 3])
    #expect(close(s, [0.0900305731703805, 0.244728471054798, 0.665240955774822]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 1.1: σ′ matches autograd at many points [2 points]", arguments: [-8.0, -1.5, 0.3, 4.0, 12.0])
  func sigmoidDerivativeAgainstAutograd(_ x: Double) throws {
    let t = Tensor(x, requiresGrad: true)
    t.sigmoid().backward()
    #expect(close(try sigmoidDerivative(x), t.grad!.item))
  }

  @Test("Exercise 1.2: tanh′ matches autograd at many points [2 points]", arguments: [-3.0, -0.2, 0.0, 0.7, 5.0])
  func tanhDerivativeAgainstAutograd(_ x: Double) throws {
    let t = Tensor(x, requiresGrad: true)
    t.tanh().backward()
    #expect(close(try tanhDerivative(x), t.grad!.item))
  }

  @Test("Exercise 1.3: softmax stays finite at 1e4 [2 points]")
  func softmaxStable() throws {
    let s = try softmax([1e4, 0, -1e4])
    #expect(s.allSatisfy { $0.isFinite })
    #expect(close(s, [1, 0, 0]))
  }
  // END HIDDEN TESTS
}
