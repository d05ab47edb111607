// 10-language-model — language modelling from first principles on English words: counting
// models, the bigram trained by gradient descent, a context-window MLP (Bengio et al. 2003), and
// a small GPT; then sampling with temperature and top-k, attention while a word is written, and
// a key–value cache.
//
// Every matrix product here is computed in Autograd's fixed order of additions (the limit is
// raised at the start of the lesson), so the numbers are the same under every BLAS kernel.

import ArgumentParser
import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// The tokens: the boundary "." (id 0), then a–z (ids 1–26).
enum Vocabulary {
  static let symbols: [Character] = ["."] + "abcdefghijklmnopqrstuvwxyz"
  static var size: Int { symbols.count }
  static func ids(_ word: String) -> [Int] { word.unicodeScalars.map { Int($0.value) - 96 } }
  static func word(_ ids: [Int]) -> String { String(ids.map { symbols[$0] }) }
}

/// The word list, split into training, validation and test sets.
struct Words {
  static let path = "/usr/share/dict/words"
  /// Words of up to this many letters: with its boundary token a word fills the GPT's context.
  static let longest = 15
  let all: Int
  let kept: Int
  let train: [String]
  let valid: [String]
  let test: [String]

  struct Missing: Error, CustomStringConvertible {
    var description: String {
      "\(Words.path) is missing: chapter 10 reads Debian's English word list; install the package wamerican (make deps does: apt-get install wamerican)"
    }
  }

  init(using generator: inout SeededGenerator) throws {
    guard let text = try? String(contentsOfFile: Words.path, encoding: .utf8) else { throw Missing() }
    let lines = text.split(separator: "\n").map(String.init)
    let lowercase = lines.filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
    var words = lowercase.filter { $0.count <= Words.longest }
    for i in stride(from: words.count - 1, to: 0, by: -1) { words.swapAt(i, generator.nextInt(in: 0..<(i + 1))) }
    let (trainCount, validCount) = (words.count * 8 / 10, words.count / 10)
    all = lowercase.count
    kept = words.count
    train = Array(words[0..<trainCount])
    valid = Array(words[trainCount..<(trainCount + validCount)])
    test = Array(words[(trainCount + validCount)...])
  }

  /// Every (previous token, next token) pair of `words`, each word framed by the boundary.
  static func pairs(_ words: [String]) -> [(Int, Int)] {
    words.flatMap { word -> [(Int, Int)] in
      let ids = [0] + Vocabulary.ids(word) + [0]
      return zip(ids, ids.dropFirst()).map { ($0, $1) }
    }
  }
}

/// One model's line in the final table.
struct Score {
  let name: String
  let parameters: Int
  /// Validation and test loss, nats per character (∞ when a test prediction has probability 0).
  let nats: Double
  let test: Double
  var bits: Double { nats / log(2) }
}

@main
struct LanguageModel: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "10-language-model",
    abstract: "From counting bigrams to sampling words with a trained GPT, on Debian's English word list.")
  static let defaultSeed: UInt64 = 10
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    var split = notebook.generator("split")
    let words = try Words(using: &split)
    dataCell(notebook, words)
    var scores = try countingCells(notebook, words)
    scores.append(trainedBigramCell(notebook, words))
    let (mlp, mlpScore) = try mlpCell(notebook, words)
    scores.append(mlpScore)
    let (gpt, gptScore, gptPredictions) = try gptCell(notebook, words)
    if gptPredictions != mlp.budget {
      throw ValidationError("the GPT saw \(gptPredictions) predictions, the MLP's budget assumed \(mlp.budget)")
    }
    let wider = budgetCell(notebook, words, mlp: mlp, gpt: gptScore, gptPredictions: gptPredictions)
    scores += wider.map(\.1) + [gptScore]
    try samplingCells(notebook, words, gpt, mlps: [mlp.model] + wider.map(\.0.model))
    summaryCell(notebook, scores)
    // The promise of the first line is kept by ChapterCommand: it stops if any product went to
    // OpenBLAS or the tiled kernel.
  }

  func dataCell(_ notebook: Notebook, _ words: Words) {
    notebook.cell("data", "The data: English words, one character at a time") { cell in
      cell.line("\(Words.path) (Debian's wamerican): \(words.all) words of lower-case letters a–z only,")
      cell.line(
        "\(words.kept) of them with at most \(Words.longest) letters; shuffled with the seeded generator and split:")
      cell.table(
        ["set", "words", "characters + boundaries"],
        [("train", words.train), ("valid", words.valid), ("test", words.test)].map { name, list in
          [name, list.count, list.reduce(0) { $0 + $1.count + 1 }]
        })
      cell.line("tokens: \(Vocabulary.size) = \".\" (the boundary, id 0) and a–z (ids 1–26)")
      cell.line("first training words: \(words.train.prefix(8).joined(separator: ", "))")
      cell.line("a word is read as .word.: \".\" → w₁ → … → wₙ → \".\", so a word of n letters makes n + 1 predictions")
      notebook.result("word_counts", [words.train.count, words.valid.count, words.test.count])
    }
  }

  func summaryCell(_ notebook: Notebook, _ scores: [Score]) {
    notebook.cell("summary", "Validation and test loss, model by model") { cell in
      cell.table(
        ["model", "parameters", "valid nats", "test nats", "valid bits", "test bits"],
        scores.map { [$0.name, $0.parameters, $0.nats, nats($0.test), $0.bits, nats($0.test / log(2))] }, digits: 4)
      notebook.result("bits_per_character", scores.map(\.bits))
    }
  }
}
