// Terminal.swift — where output goes and whether it may be coloured.

import Foundation

/// Facts about the terminal that decide how output looks.
public struct Terminal: Sendable {
  /// Whether standard output is a terminal (not a pipe or a file).
  public var stdoutIsTTY: Bool
  /// Whether standard error is a terminal that can redraw a line (not `TERM=dumb`); progress
  /// bars need it, and print plain lines otherwise.
  public var stderrIsTTY: Bool
  /// Whether colours are allowed: a terminal, `NO_COLOR` unset or empty (no-color.org), and
  /// `TERM` not `dumb` (a terminal that understands no escape codes).
  public var colors: Bool

  /// The real terminal of this process.
  public static var current: Terminal {
    terminal(
      environment: ProcessInfo.processInfo.environment, stdoutIsTTY: isatty(STDOUT_FILENO) == 1,
      stderrIsTTY: isatty(STDERR_FILENO) == 1)
  }

  /// What a process with this environment and these terminals may show.
  static func terminal(environment: [String: String], stdoutIsTTY tty: Bool, stderrIsTTY: Bool) -> Terminal {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return Terminal(stdoutIsTTY: tty, stderrIsTTY: stderrIsTTY && !dumb, colors: tty && !noColor && !dumb)
  }

  /// `text` in an ANSI style (e.g. "1" bold, "36" cyan) when colours are on.
  func styled(_ text: String, _ code: String) -> String {
    colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

/// Writes to standard error, unbuffered, for progress and warnings that must not mix into stdout.
func writeToStandardError(_ text: String) {
  fflush(nil)  // what was printed to stdout before comes out before this
  FileHandle.standardError.write(Data(text.utf8))
}
