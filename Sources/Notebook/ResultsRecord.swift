// ResultsRecord.swift — the named results of a run, for the chapter's JSON and results.json.

/// Named results in the order they were first recorded; recording a name again replaces its value.
struct ResultsRecord {
  private(set) var entries: [(String, JSONValue)] = []

  mutating func record(_ name: String, _ value: JSONValue) {
    if let i = entries.firstIndex(where: { $0.0 == name }) {
      entries[i].1 = value
    } else {
      entries.append((name, value))
    }
  }
}
