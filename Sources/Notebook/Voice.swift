// Voice.swift — the terminal voice of a chapter: it prints cells as they run (in terminal mode)
// and keeps each cell's text lines for the chapter's output blocks.

/// Where a chapter's output goes.
public enum OutputMode: Sendable {
  /// Cells printed to standard output as they run.
  case terminal
  /// Nothing printed (warnings still go to standard error).
  case quiet
  /// Nothing printed until the end, then one JSON object.
  case json
}

/// The cells of a run and how they are shown.
final class Voice {
  let mode: OutputMode
  let terminal: Terminal
  /// Each cell's id, title and the lines that belong in the chapter's text.
  private(set) var cells: [(id: String, title: String, lines: [String])] = []

  init(mode: OutputMode, terminal: Terminal) {
    self.mode = mode
    self.terminal = terminal
  }

  /// Starts a numbered cell; its index for the lines that follow.
  func begin(_ id: String, _ title: String) -> Int {
    if cells.contains(where: { $0.id == id }) { fatalError("Notebook: two cells are named '\(id)'") }
    cells.append((id, title, []))
    show("\n" + terminal.styled("[\(cells.count)] \(title)", "1;36"))
    return cells.count - 1
  }

  /// Prints a line in terminal mode.
  func show(_ text: String) {
    if mode == .terminal { print(text) }
  }

  /// Lines of the lesson (`literate`), or notes for the terminal only, dimmed.
  func append(_ lines: [String], toCell index: Int, literate: Bool) {
    if literate { cells[index].lines += lines }
    for line in lines { show(literate ? line : terminal.styled(line, "2")) }
  }

  /// Lines whose text version differs from what the terminal shows (machine-dependent values).
  func append(_ literate: [String], shown: [String], toCell index: Int) {
    cells[index].lines += literate
    for line in shown { show(line) }
  }

  /// A source check: plain in the text, its verdict coloured on a terminal.
  func append(_ check: SourceCheck, toCell index: Int) {
    let color = check.verdict == .agrees ? "32" : (check.verdict == .disagrees ? "31" : "33")
    append(check.lines(), shown: check.lines { terminal.styled($0, "1;\(color)") }, toCell: index)
  }
}
