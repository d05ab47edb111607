// Chapter07Tests.swift — exercises 7.1–7.3.

import Autograd
import Exercises
import Testing

@Suite("Chapter 07 exercises")
struct Chapter07Tests {
  @Test("Exercise 7.1: 'valid', 'same' and strided lengths [1 point]")
  func outputLength() throws {
    #expect(try convolutionOutputLength(length: 7, kernel: 3, stride: 1, padding: 0) == 5)
    #expect(try convolutionOutputLength(length: 7, kernel: 3, stride: 1, padding: 1) == 7)
    #expect(try convolutionOutputLength(length: 7, kernel: 3, stride: 2, padding: 1) == 4)
  }

  @Test("Exercise 7.2: chapter 07's pooling example [2 points]")
  func maxPool() throws {
    let g = try maxPoolBackward(x: [1, 5, 2, 2, -1, -3, 0, 4], size: 2, upstream: [1, 2, 3, 4])
    #expect(g == [0, 1, 1, 1, 3, 0, 0, 4])
  }

  @Test("Exercise 7.3: one step of a one-unit LSTM [3 points]")
  func lstm() throws {
    // Blocks i, f, o, c of a cell with one unit and one input.
    let (hidden, cell) = try lstmStep(
      x: [0.7], h: [-0.2], c: [0.4], W: [[0.3], [-0.6], [0.8], [0.5]], U: [[1.1], [0.4], [-0.7], [0.9]],
      b: [0.1, 1.0, -0.2, 0.05])
    // i = σ(0.81), f = σ(1.4), o = σ(−0.85), g = tanh(0.58); c′ = f·0.4 + i·g, h′ = o·tanh(c′)
    #expect(close(cell, [0.6826152668789673], 1e-9))
    #expect(close(hidden, [0.17762865037015652], 1e-9))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 7.1: every case agrees with Autograd's windows, including none fitting [2 points]")
  func lengthsAgainstLibrary() throws {
    for length in [1, 2, 5, 8] {
      for kernel in [1, 2, 3, 5] {
        for stride in [1, 2, 3] {
          for padding in [0, 1, 2] {
            let expected = Tensor.windowCount(size: length, kernel: kernel, stride: stride, padding: padding)
            #expect(
              try convolutionOutputLength(length: length, kernel: kernel, stride: stride, padding: padding) == expected,
              "n \(length), k \(kernel), s \(stride), p \(padding)")
          }
        }
      }
    }
  }

  @Test("Exercise 7.2: matches Autograd's pool1d backward, ties and a dropped tail included [3 points]")
  func maxPoolAgainstLibrary() throws {
    let values: [Double] = [3, 3, 3, -1, 0, 2, 7, 7, 1, 4, 4, 5, 9]  // 13 values, windows of 3: the 13th is dropped
    let x = Tensor(shape: [1, 13, 1], scalars: values, requiresGrad: true)
    let upstream: [Double] = [1, -2, 0.5, 3]
    (pool1d(x, .max, size: 3) * Tensor(shape: [1, 4, 1], scalars: upstream)).sum().backward()
    #expect(close(try maxPoolBackward(x: values, size: 3, upstream: upstream), x.grad!.scalars))
  }

  @Test("Exercise 7.3: matches Autograd's LSTMCell with two units and three inputs [4 points]")
  func lstmAgainstLibrary() throws {
    var rng = SeededGenerator(seed: 73)
    let cell = LSTMCell(inputs: 3, hidden: 2, using: &rng)
    let (x, h, c) = (
      Tensor.normal([1, 3], using: &rng), Tensor.normal([1, 2], using: &rng), Tensor.normal([1, 2], using: &rng)
    )
    let step = cell(x, hidden: h, cell: c)
    let (hidden, newCell) = try lstmStep(
      x: x.scalars, h: h.scalars, c: c.scalars, W: cell.W.rows, U: cell.U.rows, b: cell.b.scalars)
    #expect(close(hidden, step.hidden.scalars))
    #expect(close(newCell, step.cell.scalars))
  }
  // END HIDDEN TESTS
}
