// Chapter05Tests.swift — exercises 5.1–5.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 05 exercises")
struct Chapter05Tests {
  @Test("Exercise 5.1: three steps on (w − 3)² from 0 with η = 0.1 [2 points]")
  func parabola() throws {
    let path = try gradientDescentPath(start: 0, learningRate: 0.1, steps: 3) { 2 * ($0 - 3) }
    #expect(close(path, [0, 0.6, 1.08, 1.464]))
  }

  @Test("Exercise 5.2: two momentum steps with a constant gradient [2 points]")
  func momentum() throws {
    var v = [0.0]
    var p = try sgdMomentumStep(parameters: [1], gradients: [2], velocity: &v, learningRate: 0.1, momentum: 0.9)
    p = try sgdMomentumStep(parameters: p, gradients: [2], velocity: &v, learningRate: 0.1, momentum: 0.9)
    #expect(close(p, [0.42]))
    #expect(close(v, [3.8]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 5.2: matches Autograd's SGD over ten steps [3 points]")
  func momentumAgainstSGD() throws {
    let p = Tensor([1.0, -2.0, 0.5], requiresGrad: true)
    let sgd = SGD(parameters: [p], learningRate: 0.05, momentum: 0.8)
    var mine = p.scalars
    var v = [0.0, 0.0, 0.0]
    for _ in 0..<10 {
      sgd.zeroGradients()
      (p * p * p).sum().backward()
      let g = mine.map { 3 * $0 * $0 }  // the same gradient, from our own copy
      sgd.step()
      mine = try sgdMomentumStep(parameters: mine, gradients: g, velocity: &v, learningRate: 0.05, momentum: 0.8)
    }
    #expect(close(mine, p.scalars))
  }

  @Test("Exercise 5.1: zero steps return the start alone [1 point]")
  func noSteps() throws {
    #expect(try gradientDescentPath(start: 4, learningRate: 0.1, steps: 0) { $0 } == [4])
  }
  // END HIDDEN TESTS
}
