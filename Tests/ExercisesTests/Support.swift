// Support.swift — tolerances for the exercise tests.
//
// Each test's name says its exercise and its points, "Exercise 3.2: … [2 points]"; the grader
// (`make grade`) reads both from there.

import Autograd

// The one tolerance rule of the project, Autograd's `isClose`, under the short name these tests use.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  Autograd.isClose(a, b, tolerance: tolerance)
}

func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
  Autograd.isClose(a, b, tolerance: tolerance)
}
