// 13-large-models — the workflow of the sources' large models at notebook scale: pre-train a
// small BERT on unlabeled sentences by masked-word prediction, save its weights in the
// safetensors format and load them back, fine-tune it on few labels against the same model
// trained from scratch, and compress the result by pruning and quantization.
//
// Every matrix product is computed in Autograd's fixed order of additions, so the numbers are the
// same under every BLAS kernel.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

@main
struct LargeModels: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "13-large-models",
    abstract: "Pre-training, fine-tuning and compression of a small BERT, with its weights saved to disk.")
  static let defaultSeed: UInt64 = 13
  @OptionGroup var options: ChapterOptions

  /// Where the chapter writes its weights: the figures folder (never the source tree).
  var weightsFolder: String { options.figuresDir ?? "figures/\(Self.chapterName)" }

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    let started = Date()
    var split = notebook.generator("split")
    let corpus = Corpus(using: &split)
    dataCell(notebook, corpus)
    maskingCell(notebook, corpus)
    let pretraining = try pretrainingCell(notebook, corpus)
    let reloaded = try savingCell(notebook, corpus, pretraining)
    let nextWord = try nextWordCell(notebook, corpus)
    let transfer = try transferCell(notebook, corpus, reloaded, nextWordFile: nextWord.file)
    let compression = compressionCell(notebook, corpus, transfer.model)
    let distillation = distillationCell(notebook, corpus, transfer.model)
    sourceChecks(notebook, pretraining, transfer, compression, distillation)
    notebook.cell("runtime", "Run time") { cell in
      // Wall time depends on the machine: the terminal shows it, the chapter's text a dash.
      cell.table(
        ["run", "seconds"], [["the whole chapter, this machine", Date().timeIntervalSince(started)]], digits: 3,
        measured: [1])
    }
    // Every product ran in fixed order, so no BLAS kernel can change this chapter's numbers:
    // ChapterCommand stops the chapter if one did not.
  }

  func dataCell(_ notebook: Notebook, _ corpus: Corpus) {
    notebook.cell("data", "The text: reviews from a small grammar, most of them unlabeled") { cell in
      cell.line(
        "the grammar makes \(corpus.grammarSize) distinct sentences of \(corpus.vocabulary.count - 2) words; shuffled with the seeded generator and split:"
      )
      cell.table(
        ["set", "sentences", "labels used"],
        [
          ["unlabeled (pre-training)", corpus.unlabeled.count, "none"],
          ["labeled (fine-tuning)", corpus.labeled.count, "1 %, 10 % or 100 %"],
          ["test", corpus.test.count, "to score only"],
        ])
      cell.line(
        "positive sentences: \(corpus.labeled.filter { $0.label == 1 }.count) of the labeled, \(corpus.test.filter { $0.label == 1 }.count) of the test set"
      )
      for (text, label) in corpus.examples { cell.line("  \(label)  \(text)") }
      notebook.result("sentences", [corpus.unlabeled.count, corpus.labeled.count, corpus.test.count])
    }
  }

  func maskingCell(_ notebook: Notebook, _ corpus: Corpus) {
    notebook.cell("masking", "What masked-word prediction asks: BERT's 15 % and 80/10/10 rule") { cell in
      var rng = cell.generator()
      let sentence = corpus.unlabeled[0]
      var chosen = 0
      var kinds = [0, 0, 0]  // [MASK], random, kept
      var words = 0
      for _ in 0..<2000 {
        for ids in corpus.unlabeled.prefix(50) {
          let (input, targets) = maskWords(ids, vocabulary: corpus.vocabulary, using: &rng)
          words += ids.count
          for (t, target) in targets.enumerated() where target != nil {
            chosen += 1
            kinds[input[t] == Vocabulary.mask ? 0 : input[t] == ids[t] ? 2 : 1] += 1
          }
        }
      }
      cell.line("one sentence, masked five times (→ marks a word the model must predict):")
      cell.line("  \(corpus.vocabulary.decode(sentence))")
      var shown = cell.generator("shown")
      for _ in 0..<5 {
        let (input, targets) = maskWords(sentence, vocabulary: corpus.vocabulary, using: &shown)
        let words = zip(input, targets).map { id, target in (target == nil ? "" : "→") + corpus.vocabulary.words[id] }
        cell.line("  \(words.joined(separator: " "))")
      }
      cell.line(
        "over 2000 passes of 50 sentences (\(words) words): \(Format.number(100 * Double(chosen) / Double(words), digits: 3)) % chosen; of those"
      )
      cell.line(
        "\(Format.number(100 * Double(kinds[0]) / Double(chosen), digits: 3)) % became [MASK], \(Format.number(100 * Double(kinds[1]) / Double(chosen), digits: 3)) % another word, \(Format.number(100 * Double(kinds[2]) / Double(chosen), digits: 3)) % stayed (kept, or drawn as itself)"
      )
      notebook.result("masking_shares", [Double(chosen) / Double(words)] + kinds.map { Double($0) / Double(chosen) })
    }
  }
}
