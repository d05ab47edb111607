// NotebookTests.swift — the notebook voice: formatting, JSON, literate blocks, training runs.

import Autograd
import Foundation
import Testing

@testable import Notebook

@Suite("Notebook")
struct NotebookTests {
  @Test func numbers() {
    #expect(Format.number(0.19661193324148185) == "0.1966119")
    #expect(Format.number(2) == "2")
    #expect(Format.number(-0.0) == "0")
    #expect(Format.number(1.5e-7, digits: 3) == "1.5e-07")
    #expect(Format.number(.infinity) == "inf")
  }

  @Test("tables align numbers right and text left")
  func table() {
    let lines = Format.table(["name", "value"], [["a", 1.5], ["longer", -20.25]])
    #expect(lines == ["name     value", "──────  ──────", "a          1.5", "longer  -20.25"])
  }

  @Test("a measured column (timings) stays out of the chapter's text")
  func measuredColumn() {
    let notebook = Notebook(
      chapter: "test", seed: 1, mode: .quiet, figuresDirectory: NSTemporaryDirectory(), renderFigures: false)
    notebook.cell("timed", "Timed") { cell in
      cell.table(["model", "accuracy", "seconds"], [["a", 0.5, 0.123], ["b", 1, 4.56]], measured: [2])
    }
    let block = notebook.outputBlocks["timed"]!
    #expect(block.contains("0.5") && block.contains("—"))
    #expect(!block.contains("0.123") && !block.contains("4.56"))
  }

  @Test func matrix() {
    #expect(Format.tensor(Tensor([[1.0, -2.0], [3.5, 4.0]])) == ["⎡   1   -2 ⎤", "⎣ 3.5    4 ⎦"])
  }

  @Test("JSON is valid, ordered and escaped")
  func json() throws {
    let value: JSONValue = .object([
      ("b", 1.5.json), ("a", [1, 2].json), ("text", "say \"hi\"\n".json), ("bad", Double.nan.json),
    ])
    let text = value.serialized()
    #expect(text == #"{"b":1.5,"a":[1,2],"text":"say \"hi\"\n","bad":"NaN"}"#)
    #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
  }

  @Test("a difference prints as the bound it is checked against, not as its own size")
  func bounds() {
    #expect(Format.within(3e-17, 1e-12) == "≤ 1e-12")
    #expect(Format.within(0, 1e-6) == "≤ 1e-6")
    #expect(Format.within(0.002, 1e-6) == "0.002, more than the 1e-6 allowed")
  }

  @Test("JSON numbers keep the text's 7 significant digits; the pretty form is the same JSON")
  func jsonPrecision() throws {
    #expect(JSONValue.number(0.1 + 0.2).serialized() == "0.3")
    #expect(JSONValue.number(2.5390037410593767e-05).serialized() == "2.539004e-05")
    let value: JSONValue = .object([("a", [1.5, 2].json), ("b", .array([.object([("c", "d".json)])])), ("e", .object([]))])
    #expect(value.pretty() == "{\n  \"a\": [1.5, 2],\n  \"b\": [\n    {\n      \"c\": \"d\"\n    }\n  ],\n  \"e\": {}\n}")
    let reread = try JSONSerialization.jsonObject(with: Data(value.pretty().utf8)) as? [String: Any]
    #expect(reread?["a"] as? [Double] == [1.5, 2])
  }

  @Test("colours and redrawn progress lines only on a terminal that is not TERM=dumb and without NO_COLOR")
  func terminalCapabilities() {
    let plain = Terminal.terminal(environment: ["TERM": "xterm"], stdoutIsTTY: true, stderrIsTTY: true)
    #expect(plain.colors && plain.stderrIsTTY)
    let dumb = Terminal.terminal(environment: ["TERM": "dumb"], stdoutIsTTY: true, stderrIsTTY: true)
    #expect(!dumb.colors && !dumb.stderrIsTTY)
    #expect(!Terminal.terminal(environment: ["NO_COLOR": "1"], stdoutIsTTY: true, stderrIsTTY: true).colors)
    #expect(!Terminal.terminal(environment: [:], stdoutIsTTY: false, stderrIsTTY: true).colors)
  }

  @Test("a cell's random numbers depend on the seed and its id, not on the cells before it")
  func cellOrder() {
    func draws(_ notebook: Notebook, _ id: String) -> [Double] {
      var values: [Double] = []
      notebook.cell(id, id) { cell in
        var rng = cell.generator()
        values = (0..<3).map { _ in rng.nextUnit() }
      }
      return values
    }
    let (alone, after, reordered) = (quietNotebook(), quietNotebook(), quietNotebook())
    let b = draws(alone, "b")
    let a = draws(after, "a")
    #expect(draws(after, "b") == b)  // a cell added before it changes nothing
    let bFirst = draws(reordered, "b")
    #expect(bFirst == b && draws(reordered, "a") == a)  // nor does the order
    #expect(draws(quietNotebook(), "c") != b)  // another id, another stream
    let otherSeed = Notebook(
      chapter: "test", seed: 2, mode: .quiet, figuresDirectory: NSTemporaryDirectory(), renderFigures: false)
    #expect(draws(otherSeed, "b") != b)  // another seed, another stream
  }

  @Test("a cell's own stream asked for under a shared name stops, naming both; replaying it on purpose does not")
  func streamNamesApart() async {
    await #expect(processExitsWith: .failure) {
      let notebook = Notebook(
        chapter: "test", seed: 1, mode: .quiet, figuresDirectory: NSTemporaryDirectory(), renderFigures: false)
      notebook.cell("a", "A") { cell in _ = cell.generator("batches") }
      _ = notebook.generator("a/batches")
    }
    let notebook = quietNotebook()
    var first: [Double] = []
    notebook.cell("a", "A") { cell in
      var rng = cell.generator("batches")
      first = (0..<3).map { _ in rng.nextUnit() }
    }
    var replayed = notebook.generator(replaying: "batches", ofCell: "a")
    #expect((0..<3).map { _ in replayed.nextUnit() } == first)
  }

  @Test("a stream's seed is fixed arithmetic, the same in every process and on every machine")
  func streamSeedIsStable() {
    // The value an independent implementation (FNV-1a, then SplitMix64's finalizer) gives: if
    // this changes, every chapter's numbers change with it.
    #expect(Notebook.streamSeed(5, "data") == 0xf410_9dfd_57cb_2742)
    #expect(Notebook.streamSeed(5, "data") != Notebook.streamSeed(5, "datb"))
  }

  @Test("a numeric source check computes its verdict")
  func sourceCheckVerdict() {
    let agrees = SourceCheck(
      id: "a", source: "x.txt", claim: "c", stated: [2.307], computed: [2.3069], tolerance: 5e-4, note: "")
    let disagrees = SourceCheck(
      id: "b", source: "x.txt", claim: "c", stated: [2.307], computed: [2.2], tolerance: 5e-4, note: "")
    #expect(agrees.verdict == .agrees)
    #expect(disagrees.verdict == .disagrees)
  }

  let text = """
    # Title
    <!-- output: first -->
    ```text
    old 1
    ```
    <!-- end output -->
    middle
    <!-- output: second -->
    ```text
    same
    ```
    <!-- end output -->
    """

  @Test("blocks are found, refreshed, and their differences reported")
  func literate() throws {
    let blocks = try LiterateText.blocks(in: text)
    #expect(blocks.map(\.id) == ["first", "second"])
    #expect(blocks[0].content == "old 1")
    let outputs = ["first": "new 1\nnew 2", "second": "same"]
    let refreshed = try LiterateText.refreshed(text, outputs: outputs)
    #expect(refreshed.contains("```text\nnew 1\nnew 2\n```"))
    #expect(try LiterateText.mismatches(in: refreshed, outputs: outputs).isEmpty)
    let problems = try LiterateText.mismatches(in: text, outputs: outputs)
    #expect(problems.count == 1)
    #expect(
      problems[0].contains("output 'first'") && problems[0].contains("text:    old 1")
        && problems[0].contains("program: new 1"))
    #expect(try LiterateText.mismatches(in: text, outputs: ["second": "same"])[0].contains("no cell 'first'"))
  }

  @Test(
    "broken markers are reported with their line",
    arguments: [
      ("<!-- output: a -->\n```text\nx\n```\n", "line 1: output 'a' is not closed"),
      ("<!-- end output -->\n", "line 1: '<!-- end output -->' without an opening marker"),
      ("<!-- output: a -->\nx\n<!-- end output -->\n", "line 1: output 'a' must hold one ``` fenced block"),
      (
        "<!-- output: a -->\n```\n```\n<!-- end output -->\n<!-- output: a -->\n```\n```\n<!-- end output -->",
        "line 5: a second output block named 'a'"
      ),
    ])
  func brokenMarkers(_ example: (String, String)) {
    #expect(throws: LiterateText.MarkerError.self) { try LiterateText.blocks(in: example.0) }
    do {
      _ = try LiterateText.blocks(in: example.0)
    } catch {
      #expect("\(error)" == example.1)
    }
  }

  @Test("prose numbers must be ones the program printed, to the digits shown")
  func proseNumbers() throws {
    let text = "At x = 1 the slope is 0.420, not 0.266; see §4.3.\n```sh\nswift run 1.5\n```\nAlso 3.14."
    let corpus = "table: 0.4199743 0.2658022"
    let unbacked = try LiterateText.unbackedNumbers(in: text, corpus: corpus)
    #expect(unbacked.map(\.number) == ["3.14"])
    #expect(unbacked.first?.line == 5)
  }

  @Test("image links are found")
  func links() {
    #expect(
      LiterateText.imageLinks(in: "a ![x](../../figures/00-tour/loss.png) b ![y](z.svg)") == [
        "../../figures/00-tour/loss.png", "z.svg",
      ])
  }

  func quietNotebook() -> Notebook {
    Notebook(chapter: "test", seed: 1, mode: .quiet, figuresDirectory: NSTemporaryDirectory(), renderFigures: false)
  }

  @Test("a diverging loss stops training and is reported, not recorded as nan")
  func divergence() {
    var loss = 1.0
    let run = quietNotebook().train("test", epochs: 100) { _ in
      loss *= 1e3
      return loss
    }
    #expect(run.diverged)
    #expect(run.divergedAt == 5)  // 1e15 > 1e12
    #expect(run.losses.count == 4)
    #expect(run.losses.allSatisfy { $0.isFinite })
    #expect(run.summary.hasPrefix("diverged at epoch 5"))
    let nan = quietNotebook().train("test", epochs: 10) { $0 == 3 ? .nan : 1.0 }
    #expect(nan.divergedAt == 3)
  }

  @Test("cells keep their text lines; terminal notes stay out of the text")
  func cells() {
    let notebook = quietNotebook()
    notebook.cell("one", "One") { cell in
      cell.value("x", 0.5)
      cell.note("took 3 ms")
      cell.vector("v", [1, 2])
    }
    #expect(notebook.outputBlocks["one"] == "x = 0.5\nv = [1, 2]")
    notebook.result("answer", 42)
    #expect(notebook.json.serialized() == #"{"chapter":"test","results":{"answer":42},"source_checks":[]}"#)
  }
}
