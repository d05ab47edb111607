// Chapter05Tests.swift — exercises 5.1–5.2.

import Autograd
import Exercises
import Foundation
import Testing

@Suite("Chapter 05 exercises", .exerciseStatus)
struct Chapter05Tests {
  @Test("Exercise 5.1: the first step from s = 0 [2 points]")
  func firstStep() throws {
    // s = 0.01·4 = 0.04, √s = 0.2: p = 1 − 0.1·2/0.2 = 0 (ε = 0 here).
    let step = try rmspropStep(
      parameters: [1], gradients: [2], meanSquare: [0], learningRate: 0.1, decay: 0.99, epsilon: 0)
    #expect(close(step.parameters, [0]))
    #expect(close(step.meanSquare, [0.04]))
  }

  @Test("Exercise 5.2: two steps on a diagonal bowl [2 points]")
  func diagonalBowl() throws {
    // ∇f = (2w₁ − 2, 4w₂): from (0, 1) with η = 0.1.
    let path = try quadraticDescentPath(A: [[2, 0], [0, 4]], b: [2, 0], start: [0, 1], learningRate: 0.1, steps: 2)
    #expect(close(path, [[0, 1], [0.2, 0.6], [0.36, 0.36]]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 5.1: ten steps on Σ p³ match the update rule, ε included [3 points]")
  func tenSteps() throws {
    var (p, s) = ([1.0, -2.0, 0.5], [0.0, 0.0, 0.0])
    var (mine, mySquare) = (p, s)
    for _ in 0..<10 {
      let g = p.map { 3 * $0 * $0 }
      for i in p.indices {
        s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i]
        p[i] -= 0.01 * g[i] / (s[i].squareRoot() + 1e-3)
      }
      let step = try rmspropStep(
        parameters: mine, gradients: mine.map { 3 * $0 * $0 }, meanSquare: mySquare, learningRate: 0.01, decay: 0.9,
        epsilon: 1e-3)
      try #require(step.parameters.count == 3 && step.meanSquare.count == 3, "three parameters in, three out")
      (mine, mySquare) = (step.parameters, step.meanSquare)
    }
    #expect(close(mine, p))
    #expect(close(mySquare, s))
  }

  @Test("Exercise 5.2: a coupled bowl, against autograd's gradient [3 points]")
  func coupledBowl() throws {
    let A = [[3.0, 1.0], [1.0, 2.0]]
    let b = [1.0, -1.0]
    let path = try quadraticDescentPath(A: A, b: b, start: [2, -1], learningRate: 0.2, steps: 5)
    try #require(hasShape(path, 6, 2), "steps + 1 rows of 2 numbers")
    var w = [2.0, -1.0]
    for step in 1...5 {
      let t = Tensor(w, requiresGrad: true)
      let at = Tensor(A).matmul(t.reshaped([2, 1])).reshaped([2])
      ((t * at).sum() * 0.5 - (Tensor(b) * t).sum()).backward()
      w = zip(w, t.grad!.scalars).map { $0 - 0.2 * $1 }
      #expect(close(path[step], w), "step \(step)")
    }
  }

  @Test("Exercise 5.2: zero steps return the start alone [1 point]")
  func noSteps() throws {
    #expect(try quadraticDescentPath(A: [[1]], b: [0], start: [4], learningRate: 0.1, steps: 0) == [[4]])
  }
  // END HIDDEN TESTS
}
