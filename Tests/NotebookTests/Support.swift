// Support.swift — running built chapter programs from tests, and temporary folders.

import Foundation

/// The package's root folder (this file is Tests/NotebookTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// The folder holding the chapter programs: `NEURALNOTEBOOK_BIN` when set (`make test` points it
/// at the release build, so the chapters run at full speed), else the debug build beside the
/// running test binary.
let productsDirectory =
  ProcessInfo.processInfo.environment["NEURALNOTEBOOK_BIN"]
  ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path

/// Every chapter folder (`chapters/NN-topic`).
let chapterNames: [String] = {
  let all = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/chapters")) ?? []
  return all.filter { $0.range(of: #"^\d\d-"#, options: .regularExpression) != nil }.sorted()
}()

/// What a finished program printed and returned.
struct ProgramRun {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// Runs a built chapter from the package root with `arguments`, optionally with another environment.
func runChapter(_ name: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProgramRun {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: productsDirectory + "/" + name)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
  if let environment { process.environment = environment }
  // Files rather than pipes: a chatty program cannot fill them and block.
  let folder = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  FileManager.default.createFile(atPath: folder + "/out", contents: nil)
  FileManager.default.createFile(atPath: folder + "/err", contents: nil)
  process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
  process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
  try process.run()
  process.waitUntilExit()
  return ProgramRun(
    status: process.terminationStatus, stdout: try String(contentsOfFile: folder + "/out", encoding: .utf8),
    stderr: try String(contentsOfFile: folder + "/err", encoding: .utf8))
}

/// A fresh empty temporary folder.
func temporaryDirectory() throws -> String {
  let path = NSTemporaryDirectory() + "neuralnotebook-test-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
