// Support.swift — tolerances and shape checks for the exercise tests.
//
// Each test's name says its exercise and its points, "Exercise 3.2: … [2 points]"; the grader
// reads both from there. A test checks the shape of a submitted answer before it hands the answer
// to Autograd, so that a wrong shape fails that test instead of stopping the test process.

import Autograd

// The one tolerance rule of the project, Autograd's `isClose`, under the short name these tests use.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  Autograd.isClose(a, b, tolerance: tolerance)
}

func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && Autograd.isClose(a, b, tolerance: tolerance)
}

func close(_ a: [[Double]], _ b: [[Double]], _ tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}

/// Whether `matrix` has `rows` rows of `columns` entries each.
func hasShape(_ matrix: [[Double]], _ rows: Int, _ columns: Int) -> Bool {
  matrix.count == rows && matrix.allSatisfy { $0.count == columns }
}
