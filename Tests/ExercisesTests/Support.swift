// Support.swift — tolerances for the exercise tests.
//
// Each test's name says its exercise and its points, "Exercise 3.2: … [2 points]"; the grader
// (`make grade`) reads both from there.

func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}
