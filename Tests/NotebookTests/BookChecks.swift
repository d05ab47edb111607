// BookChecks.swift — which tests are the book's long checks, and the switch that runs them.
//
// The long checks run the chapter programs as a reader runs them (their JSON, their text under
// every BLAS kernel, their command line) and draw figures with gnuplot. `make test` runs them
// from the release build; a bare `swift test` (a student checking an exercise, a contributor
// checking the library) leaves them out, and Swift Testing lists each one as skipped with the
// command that runs it, so that nobody takes them for passed.

import Foundation
import Testing

/// Whether this run includes the book's long checks: `NEURALNOTEBOOK_BOOK_TESTS=1`, which
/// `make test` sets.
let bookChecksRequested = ProcessInfo.processInfo.environment["NEURALNOTEBOOK_BOOK_TESTS"] == "1"

extension Trait where Self == ConditionTrait {
  /// Runs a test or suite only among the book's long checks.
  static var bookCheck: Self {
    .enabled(
      if: bookChecksRequested,
      "a long check of the book: `make test` runs it (or NEURALNOTEBOOK_BOOK_TESTS=1 swift test)")
  }
}
