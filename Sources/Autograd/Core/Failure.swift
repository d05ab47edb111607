// Failure.swift — how misuse stops the program.

/// Stops with a message that names the operation and the shapes involved.
///
/// `fatalError` rather than `precondition`: its message is kept in release builds, where
/// `precondition` messages are dropped, and a reader's mistake deserves the explanation
/// in every build.
func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
  fatalError("Autograd: " + message, file: file, line: line)
}
