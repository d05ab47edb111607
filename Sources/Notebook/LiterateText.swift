// LiterateText.swift — the chapter's Markdown holds the program's real output between markers;
// `make` refreshes them and a test fails when they drift.
//
// A block looks like this in the Markdown (the comments are invisible on GitHub):
//
//     <!-- output: forward-pass -->
//     ```text
//     z = 0.35
//     ```
//     <!-- end output -->

import Foundation

/// Reading and refreshing the output blocks of a chapter's text.
public enum LiterateText {
  static let openPrefix = "<!-- output: "
  static let openSuffix = " -->"
  static let close = "<!-- end output -->"

  /// A problem with the markers themselves.
  public struct MarkerError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// One output block: its id, the text inside the fence, and the lines it spans (markers included).
  public struct Block: Equatable {
    public let id: String
    public let content: String
    /// 0-based line indices of the opening and closing markers.
    public let open: Int
    public let close: Int
  }

  /// The output blocks of `text`, in order.
  public static func blocks(in text: String) throws -> [Block] {
    let lines = text.components(separatedBy: "\n")
    var blocks: [Block] = []
    var current: (id: String, open: Int)?
    for (i, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix(openPrefix), line.hasSuffix(openSuffix) {
        if let current {
          throw MarkerError(line: i + 1, message: "output '\(current.id)' (line \(current.open + 1)) is not closed")
        }
        let id = String(line.dropFirst(openPrefix.count).dropLast(openSuffix.count))
        if blocks.contains(where: { $0.id == id }) {
          throw MarkerError(line: i + 1, message: "a second output block named '\(id)'")
        }
        current = (id, i)
      } else if line == close {
        guard let open = current else {
          throw MarkerError(line: i + 1, message: "'\(close)' without an opening marker")
        }
        let inner = Array(lines[(open.open + 1)..<i])
        guard inner.first?.hasPrefix("```") == true, inner.count >= 2, inner.last == "```" else {
          throw MarkerError(line: open.open + 1, message: "output '\(open.id)' must hold one ``` fenced block")
        }
        blocks.append(
          Block(id: open.id, content: inner.dropFirst().dropLast().joined(separator: "\n"), open: open.open, close: i))
        current = nil
      }
    }
    if let current { throw MarkerError(line: current.open + 1, message: "output '\(current.id)' is not closed") }
    return blocks
  }

  /// `text` with every block's content replaced by the program's output for that id.
  /// A block whose id the program did not produce is an error: the text would go stale.
  public static func refreshed(_ text: String, outputs: [String: String]) throws -> String {
    var lines = text.components(separatedBy: "\n")
    for block in try blocks(in: text).reversed() {
      guard let output = outputs[block.id] else {
        throw MarkerError(line: block.open + 1, message: "the program has no cell '\(block.id)'")
      }
      lines.replaceSubrange(
        (block.open + 1)..<block.close, with: ["```text"] + output.components(separatedBy: "\n") + ["```"])
    }
    return lines.joined(separator: "\n")
  }

  /// Every block whose content differs from the program's output, as readable reports:
  /// the first differing line, text side and program side.
  public static func mismatches(in text: String, outputs: [String: String]) throws -> [String] {
    try blocks(in: text).compactMap { block -> String? in
      guard let output = outputs[block.id] else {
        return "output '\(block.id)' (line \(block.open + 1)): the program has no cell '\(block.id)'"
      }
      guard let difference = firstDifference(block.content, output) else { return nil }
      return
        "output '\(block.id)' (line \(block.open + 2 + difference.line)) differs:\n  text:    \(difference.text)\n"
        + "  program: \(difference.program)"
    }
  }

  /// The first line (1-based) where `text` and `program` differ, with both sides; nil when equal.
  public static func firstDifference(_ text: String, _ program: String) -> (line: Int, text: String, program: String)? {
    if text == program { return nil }
    let (a, b) = (text.components(separatedBy: "\n"), program.components(separatedBy: "\n"))
    let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    return (i + 1, i < a.count ? a[i] : "(no line)", i < b.count ? b[i] : "(no line)")
  }

  /// The decimal numbers of the text's prose (outside output blocks and code fences) that the
  /// program never printed: each must equal, to the digits the prose shows, some number in
  /// `corpus` (the program's output). "0.266" is backed by a printed 0.2658022. Section numbers
  /// ("§4.3") are not numbers of the lesson and are skipped.
  public static func unbackedNumbers(in text: String, corpus: String) throws -> [(line: Int, number: String)] {
    let pattern = try! NSRegularExpression(pattern: #"(?<![\w.§])\d+\.\d+(?!\w|\.\d)"#)
    func numbers(_ s: String) -> [String] {
      pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap {
        Range($0.range, in: s).map { String(s[$0]) }
      }
    }
    let printed = Set(
      try! NSRegularExpression(pattern: #"\d+(\.\d+)?(e[-+]?\d+)?"#).matches(
        in: corpus, range: NSRange(corpus.startIndex..., in: corpus)
      )
      .compactMap { Range($0.range, in: corpus).flatMap { Double(corpus[$0]) } })
    let inBlocks = try blocks(in: text).flatMap { Array($0.open...$0.close) }
    var unbacked: [(Int, String)] = []
    var inFence = false
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle(); continue }
      if inFence || inBlocks.contains(i) { continue }
      for number in numbers(line) {
        let decimals = number.count - number.distance(from: number.startIndex, to: number.firstIndex(of: ".")!) - 1
        let backed = printed.contains { String(format: "%.\(decimals)f", $0) == number }
        if !backed { unbacked.append((i + 1, number)) }
      }
    }
    return unbacked
  }

  /// The images a text links to (`![…](path)`), as written.
  public static func imageLinks(in text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"!\[[^\]]*\]\(([^)\s]+)\)"#)
    let range = NSRange(text.startIndex..., in: text)
    return pattern.matches(in: text, range: range).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}
