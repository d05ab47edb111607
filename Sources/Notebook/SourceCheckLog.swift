// SourceCheckLog.swift — the source checks of a run, each id once.

/// The source checks recorded so far, in order.
struct SourceCheckLog {
  private(set) var checks: [SourceCheck] = []

  mutating func add(_ check: SourceCheck) {
    if let old = checks.first(where: { $0.id == check.id }) {
      fatalError("Notebook: two source checks are named '\(check.id)' (the first: \(old.claim))")
    }
    checks.append(check)
  }
}
