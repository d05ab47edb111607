// NotImplemented.swift — what an unsolved exercise throws in the student release. Part of the
// exercises' fixed interface: the grader uses its own copy of this file, not a submitted one.

/// Thrown by an exercise that has not been solved yet. A thrown error (rather than a crash)
/// lets the other exercises' tests run and pass.
public struct NotImplemented: Error, CustomStringConvertible, Equatable {
  /// The exercise, e.g. "Exercise 3.2".
  public let exercise: String

  public init(_ exercise: String) {
    self.exercise = exercise
  }

  public var description: String { "\(exercise) is not implemented yet" }
}
