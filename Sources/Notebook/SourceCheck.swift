// SourceCheck.swift — one claim of a source article, set beside what the program computes.

/// Whether a source's statement survives recomputation.
public enum Verdict: String, Sendable {
  case agrees, disagrees, ambiguous
}

/// A formula or number of a source article, what it states, what we compute, and the verdict.
///
/// `computed` always comes from running code; `stated` is copied from the article.
public struct SourceCheck: Sendable {
  /// A short stable identifier, e.g. `"sigmoid-derivative"`.
  public let id: String
  /// The seed file, e.g. `"000_3b683e0d4e5ffd36.txt"`.
  public let source: String
  /// What the source says, in words (with its line number where useful).
  public let claim: String
  public let stated: JSONValue
  public let computed: JSONValue
  public let verdict: Verdict
  /// Why, in one or two sentences.
  public let note: String

  public init(
    id: String, source: String, claim: String, stated: some JSONConvertible, computed: some JSONConvertible,
    verdict: Verdict, note: String
  ) {
    self.id = id
    self.source = source
    self.claim = claim
    self.stated = stated.json
    self.computed = computed.json
    self.verdict = verdict
    self.note = note
  }

  /// A numeric check whose verdict is computed: agrees when every stated value is within
  /// `tolerance` of the computed one (the precision the source printed).
  public init(
    id: String, source: String, claim: String, stated: [Double], computed: [Double], tolerance: Double,
    note: String
  ) {
    let agrees =
      stated.count == computed.count && zip(stated, computed).allSatisfy { abs($0 - $1) <= tolerance }
    self.init(
      id: id, source: source, claim: claim, stated: stated.count == 1 ? stated[0].json : stated.json,
      computed: computed.count == 1 ? computed[0].json : computed.json,
      verdict: agrees ? .agrees : .disagrees, note: note)
  }

  /// This check as an entry of the chapter JSON's `source_checks` (described in the README).
  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("source", .string(source)), ("claim", .string(claim)), ("stated", stated),
      ("computed", computed), ("verdict", .string(verdict.rawValue)), ("note", .string(note)),
    ])
  }

  /// Values as the terminal shows them: numbers with 7 significant digits, strings as they are,
  /// long arrays cut to their first five entries (the JSON keeps them all).
  static func shown(_ value: JSONValue) -> String {
    switch value {
    case .number(let x): return Format.number(x)
    case .string(let s): return s
    case .array(let items) where items.count > 6:
      return "[" + items.prefix(5).map(shown).joined(separator: ", ") + ", … (\(items.count) values)]"
    case .array(let items): return "[" + items.map(shown).joined(separator: ", ") + "]"
    default: return value.serialized()
    }
  }

  /// The lines printed in the terminal and the chapter's text; `styled` dresses the verdict word
  /// (colour on a terminal), which stays data until it is printed.
  func lines(styled: (String) -> String = { $0 }) -> [String] {
    let mark = verdict == .agrees ? "✓" : (verdict == .disagrees ? "✗" : "?")
    return [
      "\(mark) source check \(id) (\(source.prefix(3))): \(claim)",
      "    stated \(Self.shown(stated)) · computed \(Self.shown(computed)) → \(styled(verdict.rawValue.uppercased()))",
      "    \(note)",
    ]
  }
}
