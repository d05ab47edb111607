// ChapterProgramTests.swift — every chapter program, run as a reader runs it: its JSON, its
// text's output blocks, its command line, and its figures without gnuplot.

import Foundation
import Testing

@Suite("Chapter programs")
struct ChapterProgramTests {
  /// The committed results are the program's (the book checks compare them under every
  /// configuration, BLASKernelTests.swift); here their form, as the README documents it.
  @Test("results.json in the documented form", arguments: chapterNames)
  func json(_ chapter: String) throws {
    let text = try #require(FileManager.default.contents(atPath: "\(packageRoot)/chapters/\(chapter)/results.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: text) as? [String: Any])
    #expect(object["chapter"] as? String == chapter)
    let results = try #require(object["results"] as? [String: Any])
    #expect(!results.isEmpty)
    let checks = try #require(object["source_checks"] as? [[String: Any]])
    for check in checks {
      for key in ["id", "source", "claim", "stated", "computed", "verdict", "note"] {
        #expect(check[key] != nil, "source check \(check["id"] ?? "?") has no \(key)")
      }
      #expect(["agrees", "disagrees", "ambiguous"].contains(check["verdict"] as? String ?? ""))
      #expect((check["source"] as? String ?? "").hasSuffix(".txt"))
    }
    let ids = checks.compactMap { $0["id"] as? String }
    #expect(Set(ids).count == ids.count, "source check ids repeat")
  }
}

@Suite("The tour's command line and edge cases", .bookCheck)
struct TourCommandLineTests {
  /// The tour's text and one of its output lines, `prefix` followed by what the program printed.
  func tourLine(startingWith prefix: String) throws -> (text: String, line: String) {
    let text = try String(contentsOfFile: packageRoot + "/chapters/00-tour/README.md", encoding: .utf8)
    let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix(prefix) })
    return (text, line)
  }

  @Test("--json prints the committed results and nothing else")
  func jsonOutput() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try runChapter("00-tour", ["--json", "--no-plot", "--figures-dir", folder])
    #expect(run.status == 0, "\(run.stderr)")
    let printed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? NSDictionary
    let committed = try FileManager.default.contents(atPath: packageRoot + "/chapters/00-tour/results.json").map {
      try JSONSerialization.jsonObject(with: $0) as? NSDictionary
    }
    #expect(printed != nil && printed == committed ?? nil)
  }

  @Test("a changed number in the text is caught, naming the block and both lines")
  func literateCheckCatchesChange() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (text, line) = try tourLine(startingWith: "L(0, 0) = ")
    let wrong = line + "1"  // one more digit: a number the program did not print
    try text.replacingOccurrences(of: line, with: wrong).write(
      toFile: folder + "/README.md", atomically: true, encoding: .utf8)
    let run = try runChapter(
      "00-tour", ["--check-text", "--text", folder + "/README.md", "--no-plot", "--figures-dir", folder])
    #expect(run.status != 0)
    #expect(run.stderr.contains("output 'gradient'"))
    #expect(run.stderr.contains("text:    \(wrong)"))
    #expect(run.stderr.contains("program: \(line)"))
  }

  @Test("committed results that are not the program's are caught, naming the line")
  func resultsCheckCatchesChange() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let chapter = packageRoot + "/chapters/00-tour/"
    try FileManager.default.copyItem(atPath: chapter + "README.md", toPath: folder + "/README.md")
    let results = try String(contentsOfFile: chapter + "results.json", encoding: .utf8)
    let changed = results.replacingOccurrences(of: #""chapter": "00-tour""#, with: #""chapter": "00-tours""#)
    #expect(changed != results)
    try changed.write(toFile: folder + "/results.json", atomically: true, encoding: .utf8)
    let run = try runChapter(
      "00-tour", ["--check-text", "--text", folder + "/README.md", "--no-plot", "--figures-dir", folder])
    #expect(run.status != 0)
    #expect(run.stderr.contains("results.json line 2 differs"), "\(run.stderr)")
  }

  @Test("a number in the prose that the program never printed is caught")
  func proseNumberCaught() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let text = try String(contentsOfFile: packageRoot + "/chapters/00-tour/README.md", encoding: .utf8)
    try (text + "\nThe slope is about 1.234.\n").write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
    let run = try runChapter(
      "00-tour", ["--check-text", "--text", folder + "/README.md", "--no-plot", "--figures-dir", folder])
    #expect(run.status != 0)
    #expect(run.stderr.contains("the number 1.234 in the text is not in the program's output"))
  }

  @Test("--update-text writes the program's output back into a stale text")
  func updateTextRepairs() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (text, line) = try tourLine(startingWith: "training accuracy: ")
    try text.replacingOccurrences(of: line, with: "training accuracy: 1/60")
      .write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
    let update = try runChapter(
      "00-tour", ["--update-text", "--text", folder + "/README.md", "--no-plot", "--figures-dir", folder])
    #expect(update.status == 0, "\(update.stderr)")
    let repaired = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
    #expect(repaired == text)
  }

  @Test("without gnuplot, data and scripts are still written and one line says how to install it")
  func missingGnuplot() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try runChapter(
      "00-tour", ["--figures-dir", folder], environment: ["PATH": "/nonexistent", "NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.components(separatedBy: "gnuplot was not found").count == 2, "\(run.stderr)")
    #expect(run.stderr.contains("apt-get install gnuplot-nox"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.contains("loss.dat") && files.contains("loss.gp"))
    #expect(!files.contains { $0.hasSuffix(".png") })
  }

  @Test("a bad argument prints usage and exits with a usage error")
  func badArgument() throws {
    let run = try runChapter("00-tour", ["--bogus"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("Usage: 00-tour"))
    #expect(run.stderr.contains("--bogus"))
  }

  @Test("--seed -1 is refused as a negative seed")
  func negativeSeed() throws {
    let run = try runChapter("00-tour", ["--seed", "-1"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("The value '-1' is invalid for '--seed <seed>'"), "\(run.stderr)")
  }

  @Test("a bad --figures-dir or --text is refused before the lesson runs, naming the option and the path")
  func badPaths() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    FileManager.default.createFile(atPath: folder + "/file", contents: Data())
    for (arguments, message) in [
      (["--figures-dir", folder + "/file"], "--figures-dir \(folder)/file: this is a file, not a folder."),
      (["--figures-dir", "/proc/neuralnotebook"], "--figures-dir /proc/neuralnotebook: the folder cannot be created"),
      (["--check-text", "--text", folder + "/none.md"], "--text \(folder)/none.md: there is no readable chapter text"),
    ] {
      let run = try runChapter("00-tour", arguments + ["--no-plot"])
      #expect(run.status == 64)
      #expect(run.stderr.contains(message), "\(run.stderr)")
      #expect(run.stdout.isEmpty, "the lesson ran before the option was checked")
    }
  }

  @Test("a gnuplot that hangs is stopped after --gnuplot-timeout; one that draws nothing is not believed")
  func brokenGnuplot() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (script, message) in [
      ("exec sleep 1000", "within 1 s and was stopped"),
      ("cat >/dev/null; echo NEURALNOTEBOOK-RENDER-OK", "but the file is missing or incomplete"),
    ] {
      try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
      try ("#!/bin/sh\n" + script + "\n").write(toFile: folder + "/bin/gnuplot", atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin/gnuplot")
      let clock = ContinuousClock()
      let start = clock.now
      let run = try runChapter(
        "03-losses", ["--figures-dir", folder + "/figures", "--gnuplot-timeout", "1"],
        environment: ["PATH": folder + "/bin:/usr/bin:/bin", "NO_COLOR": "1"])
      #expect(clock.now - start < .seconds(20))
      #expect(run.status == 0)
      #expect(run.stderr.contains("figure loss-vs-prediction was not drawn"), "\(run.stderr)")
      #expect(run.stderr.contains(message), "\(run.stderr)")
      #expect(!run.stdout.contains("↳ figure \(folder)/figures/loss-vs-prediction.png"))
    }
  }

  @Test("--help lists the shared options")
  func help() throws {
    let run = try runChapter("00-tour", ["--help"])
    #expect(run.status == 0)
    for option in ["--json", "--no-plot", "--seed", "--figures-dir", "--quiet", "--check-text", "--update-text"] {
      #expect(run.stdout.contains(option), "--help does not mention \(option)")
    }
  }

  @Test("--check-text refuses a seed other than the text's")
  func seedAndText() throws {
    let run = try runChapter("00-tour", ["--check-text", "--seed", "5"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("need that seed"))
  }

  @Test("output on a pipe has no colour codes; NO_COLOR is respected")
  func noColorOnPipe() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try runChapter("00-tour", ["--no-plot", "--figures-dir", folder])
    #expect(!run.stdout.contains("\u{1B}["))
    #expect(run.stdout.contains("[1] Nine points"))
    // Progress goes to standard error as plain lines when it is not a terminal.
    #expect(run.stderr.contains("gradient descent: epoch 60/60"))
    #expect(!run.stderr.contains("\r"))
  }
}
