// ExerciseStatus.swift — the summary a student reads at the end of `swift test`: each exercise
// passed, failed (with the points its visible tests carry) or not implemented yet.
//
// The student's tests run among the library's own quick tests, and Swift Testing lists every test
// as it ends, so the exercises would be a few lines among many. Each chapter's exercise suite
// carries the trait `.exerciseStatus`; it watches the issues each test records and the error it
// throws, and when the test process ends one block names every exercise's status.

import Exercises
import Foundation
import Testing

/// What the tests of one exercise have shown so far.
private struct ExerciseRecord {
  var points = 0
  var earned = 0
  var notImplemented = false
  var failures = 0
}

/// Every exercise's record, filled in by the tests as they end, printed when the process exits.
private final class ExerciseLedger: @unchecked Sendable {
  static let shared = ExerciseLedger()
  private let lock = NSLock()
  private var records: [String: ExerciseRecord] = [:]
  private var printsAtExit = false

  /// Records that the test `name` ("Exercise 3.2: … [2 points]") ended, with or without issues.
  func ended(_ name: String, failed: Bool, notImplemented: Bool) {
    guard let exercise = Self.exercise(in: name) else { return }
    let points = Self.points(in: name)
    lock.lock()
    defer { lock.unlock() }
    var record = records[exercise, default: ExerciseRecord()]
    record.points += points
    if failed { record.failures += 1 } else { record.earned += points }
    record.notImplemented = record.notImplemented || notImplemented
    records[exercise] = record
    if !printsAtExit {
      printsAtExit = true
      atexit { ExerciseLedger.shared.printSummary() }
    }
  }

  /// The block printed at exit, exercises in their numeric order.
  func summary() -> String {
    lock.lock()
    defer { lock.unlock() }
    let number = { (exercise: String) in exercise.split(separator: ".").map { Int($0) ?? 0 } }
    let order = records.keys.sorted { number($0).lexicographicallyPrecedes(number($1)) }
    var lines = ["", "Exercises, by the tests in this package (grading adds hidden tests):"]
    var counts = (passed: 0, failed: 0, open: 0)
    for exercise in order {
      let record = records[exercise]!
      let status: String
      if record.notImplemented {
        status = "not implemented yet"
        counts.open += 1
      } else if record.failures > 0 {
        status = "failed: \(record.failures) test\(record.failures == 1 ? "" : "s") (scroll up for the first issue)"
        counts.failed += 1
      } else {
        status = "passed"
        counts.passed += 1
      }
      lines.append("  Exercise \(exercise)  \(record.earned)/\(record.points) points  \(status)")
    }
    lines.append("  \(counts.passed) passed, \(counts.failed) failed, \(counts.open) not implemented yet")
    return lines.joined(separator: "\n") + "\n"
  }

  func printSummary() {
    FileHandle.standardError.write(Data(summary().utf8))
  }

  /// "3.2" from "Exercise 3.2: …".
  static func exercise(in name: String) -> String? {
    guard let match = name.firstMatch(of: /^Exercise (\d+\.\d+):/) else { return nil }
    return String(match.1)
  }

  /// 2 from "… [2 points]", 1 from "… [1 point]".
  static func points(in name: String) -> Int {
    guard let match = name.firstMatch(of: /\[(\d+) points?\]$/) else { return 0 }
    return Int(match.1) ?? 0
  }
}

/// Watches one exercise test: any issue it records, or any error it throws, fails it; an error
/// `NotImplemented` marks its exercise as not implemented yet.
struct ExerciseStatusTrait: SuiteTrait, TestTrait, TestScoping {
  var isRecursive: Bool { true }

  /// Once per test function, around all its cases; suites themselves are not exercises.
  func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
    test.isSuite || testCase != nil ? nil : self
  }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let name = test.displayName ?? test.name
    let issues = IssueCount()
    // An issue recorded inside the test (a failed #expect, an error caught by #require) passes
    // through this handler unchanged; it only counts.
    let watcher: IssueHandlingTrait = .compactMapIssues { issue in
      issues.add(issue)
      return issue
    }
    do {
      try await watcher.provideScope(for: test, testCase: testCase, performing: function)
    } catch {
      ExerciseLedger.shared.ended(name, failed: true, notImplemented: error is NotImplemented)
      throw error
    }
    ExerciseLedger.shared.ended(name, failed: issues.count > 0, notImplemented: issues.notImplemented)
  }
}

/// The issues one test recorded, counted from the handler's concurrent calls.
private final class IssueCount: @unchecked Sendable {
  private let lock = NSLock()
  private var issues = 0
  private var sawNotImplemented = false

  func add(_ issue: Issue) {
    lock.lock()
    defer { lock.unlock() }
    issues += 1
    if case .errorCaught(let error) = issue.kind, error is NotImplemented { sawNotImplemented = true }
  }

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return issues
  }

  var notImplemented: Bool {
    lock.lock()
    defer { lock.unlock() }
    return sawNotImplemented
  }
}

extension Trait where Self == ExerciseStatusTrait {
  /// Reports each exercise test's outcome to the summary printed at the end of `swift test`.
  static var exerciseStatus: Self { Self() }
}
