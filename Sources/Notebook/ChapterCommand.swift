// ChapterCommand.swift — the command line every chapter shares, on swift-argument-parser.

import ArgumentParser
import Autograd
import Foundation
import Plot

/// The flags every chapter accepts.
public struct ChapterOptions: ParsableArguments {
  @Flag(help: "Print one JSON object (chapter, results, source_checks) and nothing else.")
  public var json = false

  @Flag(name: .customLong("no-plot"), help: "Do not run gnuplot; still write each figure's data and script.")
  public var noPlot = false

  // `.unconditional` takes the next word as the value even when it starts with "-", so that
  // `--seed -1` is refused as a negative seed rather than as a missing value.
  @Option(
    parsing: .unconditional,
    help: "Seed for the random numbers, a whole number from 0 (default: the chapter's own, which the text shows).")
  public var seed: UInt64?

  @Option(name: .customLong("figures-dir"), help: "Where figures go (default: figures/CHAPTER).")
  public var figuresDir: String?

  @Flag(help: "Print nothing but errors and warnings.")
  public var quiet = false

  @Flag(name: .customLong("update-text"), help: "Rewrite the output blocks of the chapter's text from this run.")
  public var updateText = false

  @Flag(name: .customLong("check-text"), help: "Fail if the chapter's text shows output other than this run's.")
  public var checkText = false

  @Option(name: .customLong("text"), help: "The chapter's text (default: chapters/CHAPTER/README.md).")
  public var textPath: String?

  @Option(name: .customLong("gnuplot-timeout"), help: "Seconds gnuplot may take over one figure before it is stopped.")
  public var gnuplotTimeout: Double = 30

  public init() {}

  public func validate() throws {
    if json && quiet {
      throw ValidationError("--json and --quiet cannot be combined: --json already prints only JSON.")
    }
    if updateText && checkText { throw ValidationError("Choose one of --update-text and --check-text.") }
    if !(gnuplotTimeout > 0) { throw ValidationError("--gnuplot-timeout must be a positive number of seconds, got \(gnuplotTimeout).") }
  }

  /// Checks, before the lesson runs, that the figures folder can be written and that the text
  /// to check or update can be read: a mistake costs a sentence, not a whole run.
  func validateFiles(chapter: String) throws {
    let folder = figuresDir ?? "figures/\(chapter)"
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      if !isFolder.boolValue { throw ValidationError("--figures-dir \(folder): this is a file, not a folder.") }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw ValidationError("--figures-dir \(folder): the folder cannot be created (\(Self.reason(error))).")
      }
    }
    if access(folder, W_OK) != 0 { throw ValidationError("--figures-dir \(folder): the folder cannot be written to.") }
    if updateText || checkText {
      let text = textPath ?? "chapters/\(chapter)/README.md"
      if !FileManager.default.isReadableFile(atPath: text) {
        throw ValidationError(
          "--text \(text): there is no readable chapter text there; run from the repository root or pass --text PATH.")
      }
    }
  }

  /// The system's own words for a file error, without Foundation's "Error Domain=… Code=…" dump.
  static func reason(_ error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
    return (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}

/// A chapter program: declares its name and default seed, and writes its lesson to a ``Notebook``.
///
/// ```swift
/// @main
/// struct Tour: ChapterCommand {
///   static let configuration = CommandConfiguration(commandName: "00-tour", abstract: "A tour.")
///   static let defaultSeed: UInt64 = 0
///   @OptionGroup var options: ChapterOptions
///   func lesson(_ notebook: Notebook) throws { … }
/// }
/// ```
public protocol ChapterCommand: ParsableCommand {
  /// The seed the chapter's text was produced with.
  static var defaultSeed: UInt64 { get }
  var options: ChapterOptions { get }
  /// The chapter itself, top to bottom.
  func lesson(_ notebook: Notebook) throws
}

extension ChapterCommand {
  /// The chapter's folder name: its command name.
  public static var chapterName: String { configuration.commandName ?? String(describing: Self.self) }

  public func validate() throws {
    if (options.updateText || options.checkText), let seed = options.seed, seed != Self.defaultSeed {
      throw ValidationError(
        "The text shows the run with seed \(Self.defaultSeed); --update-text and --check-text need that seed.")
    }
    try options.validateFiles(chapter: Self.chapterName)
  }

  public mutating func run() throws {
    let name = Self.chapterName
    let mode: OutputMode =
      options.json ? .json : ((options.quiet || options.updateText || options.checkText) ? .quiet : .terminal)
    let notebook = Notebook(
      chapter: name, seed: options.seed ?? Self.defaultSeed, mode: mode,
      figuresDirectory: options.figuresDir ?? "figures/\(name)", renderFigures: !options.noPlot,
      gnuplotTimeout: options.gnuplotTimeout)
    try lesson(notebook)
    // Every chapter computes each product in fixed order (below fixedOrderProductLimit, or with the
    // limit raised), so no BLAS kernel can change its numbers, and the tests rely on it: they run a
    // chapter once, not under every OpenBLAS kernel. A product that went elsewhere stops it here.
    if productsOutsideFixedOrder > 0 {
      throw ValidationError(
        "\(name) computed \(productsOutsideFixedOrder) products outside the fixed order (OpenBLAS or the tiled "
          + "kernel), whose last bits depend on the CPU; keep products below fixedOrderProductLimit or raise it")
    }
    if options.json { print(notebook.json.serialized()) }
    let textPath = options.textPath ?? "chapters/\(name)/README.md"
    // The committed results sit beside the text: chapters/NN-topic/results.json.
    let resultsPath = ((textPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
      "results.json")
    if options.updateText {
      try updateText(at: textPath, from: notebook)
      try write(notebook.json.pretty() + "\n", to: resultsPath)
    }
    if options.checkText { try checkText(at: textPath, resultsPath: resultsPath, against: notebook) }
  }

  /// Writes `contents` to `path` unless it already holds exactly that (so a second `make`
  /// touches nothing).
  private func write(_ contents: String, to path: String) throws {
    if (try? String(contentsOfFile: path, encoding: .utf8)) == contents { return }
    do {
      try contents.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw ValidationError("Cannot write \(path): \(error.localizedDescription)")
    }
  }

  private func readText(_ path: String) throws -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ValidationError(
        "Cannot read the chapter's text at \(path); run from the repository root or pass --text PATH.")
    }
    return text
  }

  private func updateText(at path: String, from notebook: Notebook) throws {
    let text = try readText(path)
    do {
      let refreshed = try LiterateText.refreshed(text, outputs: notebook.outputBlocks)
      try write(refreshed, to: path)
    } catch let error as LiterateText.MarkerError {
      throw ValidationError("\(path): \(error)")
    }
  }

  private func checkText(at path: String, resultsPath: String, against notebook: Notebook) throws {
    let text = try readText(path)
    var problems: [String]
    do {
      problems = try LiterateText.mismatches(in: text, outputs: notebook.outputBlocks)
    } catch let error as LiterateText.MarkerError {
      problems = ["\(error)"]
    }
    // The JSON results are part of the book too: the committed file must be this run's.
    let committed = (try? String(contentsOfFile: resultsPath, encoding: .utf8)) ?? ""
    if let difference = LiterateText.firstDifference(committed, notebook.json.pretty() + "\n") {
      problems.append("\(resultsPath) line \(difference.line) differs:\n  file:    \(difference.text)\n  program: \(difference.program)")
    }
    // Every decimal number of the prose must be one the program printed (cells, titles or JSON).
    let corpus =
      notebook.cells.map { ([$0.title] + $0.lines).joined(separator: "\n") }.joined(separator: "\n")
      + notebook.json.serialized()
    if let unbacked = try? LiterateText.unbackedNumbers(in: text, corpus: corpus) {
      problems += unbacked.map { "line \($0.line): the number \($0.number) in the text is not in the program's output" }
    }
    let written = Set(notebook.figures.map { ($0.name) })
    for link in LiterateText.imageLinks(in: text) where link.contains("figures/\(Self.chapterName)/") {
      let figure = ((link as NSString).lastPathComponent as NSString).deletingPathExtension
      if !written.contains(figure) {
        problems.append("the text shows figure '\(link)', which the program does not draw")
      }
    }
    if !problems.isEmpty {
      writeToStandardError(
        "\(path) and the program disagree:\n" + problems.joined(separator: "\n") + "\nRun `make` to refresh the text.\n"
      )
      throw ExitCode.failure
    }
  }
}
