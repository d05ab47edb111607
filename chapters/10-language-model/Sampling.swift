// Sampling.swift — writing words with the trained GPT: temperature and top-k, how many samples
// are new, the attention while one word is written, and the key–value cache.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// Draws an id from the logits divided by `temperature`, keeping only the `topK` largest (nil: all).
func sample(_ logits: [Double], temperature: Double, topK: Int?, using generator: inout SeededGenerator) -> Int {
  var scaled = logits.map { $0 / temperature }
  if let topK, topK < scaled.count {
    let threshold = scaled.sorted(by: >)[topK - 1]
    scaled = scaled.map { $0 >= threshold ? $0 : -.infinity }
  }
  let probabilities = Tensor(scaled).softmax(axis: 0).scalars
  let u = generator.nextUnit()
  var cumulative = 0.0
  for (id, p) in probabilities.enumerated() {
    cumulative += p
    if u < cumulative { return id }
  }
  return probabilities.lastIndex { $0 > 0 }!
}

/// Generates one word: from "." until the model writes "." or the context is full. `next` gives
/// the logits of the next token after the ids so far.
func generate(
  temperature: Double, topK: Int?, using generator: inout SeededGenerator, next: ([Int]) -> [Double]
) -> [Int] {
  var ids = [0]
  while ids.count < GPTShape.context {
    let id = sample(next(ids), temperature: temperature, topK: topK, using: &generator)
    if id == 0 { break }
    ids.append(id)
  }
  return Array(ids.dropFirst())
}

/// A GPT's keys and values of every position so far, per block: decoding one token computes its
/// own query, key and value only, and attends to the cached ones.
struct KeyValueCache {
  var keys: [[Double]]  // per block, [H, t, S] flattened by position: position-major
  var values: [[Double]]
  var length = 0

  init(blocks: Int) {
    keys = Array(repeating: [], count: blocks)
    values = Array(repeating: [], count: blocks)
  }

  /// The logits `[V]` of the token after `id` at position `length`, updating the cache.
  mutating func step(_ model: GPT, _ id: Int) -> [Double] {
    withoutGradient {
      let width = model.tokens.E.shape[1]
      var x = (model.tokens([id]) + model.positions([length])).reshaped([1, 1, width])  // [1, 1, D]
      for (l, block) in model.blocks.enumerated() {
        let attention = block.attention
        let (heads, size) = (attention.heads, width / attention.heads)
        let h = block.norm1(x)
        let q = attention.splitHeads(attention.query(h))  // [1, H, 1, S]
        keys[l] += attention.key(h).scalars  // this position's [D] = [H·S]
        values[l] += attention.value(h).scalars
        // The cache as [1, H, t, S]: position-major storage, permuted to head-major.
        let t = length + 1
        let K = Tensor(shape: [1, t, heads, size], scalars: keys[l]).permuted([0, 2, 1, 3])
        let Vv = Tensor(shape: [1, t, heads, size], scalars: values[l]).permuted([0, 2, 1, 3])
        let (out, _) = Autograd.attention(query: q, key: K, value: Vv)  // [1, H, 1, S]; no mask: all t are in the past
        x = x + attention.output(out.permuted([0, 2, 1, 3]).reshaped([1, 1, width]))
        x = x + block.contract(block.expand(block.norm2(x)).relu())
      }
      length += 1
      return model.head(model.norm(x)).scalars  // [V]
    }
  }
}

extension LanguageModel {
  func samplingCells(_ notebook: Notebook, _ words: Words, _ model: GPT, mlps: [ContextMLP]) throws {
    let training = Set(words.train)
    let dictionary = Set(words.valid + words.test)
    // The logits after the last of `ids`, from a forward pass over all of them.
    func fullLogits(_ ids: [Int]) -> [Double] {
      let logits = withoutGradient { model([ids]) }.scalars  // [1, T, V]
      return Array(logits[((ids.count - 1) * Vocabulary.size)...])
    }
    notebook.cell("samples-by-model", "Words written by each model") { cell in
      let unigramLogits = unigram(words.train).map { log($0) }
      let bigramLogits = smoothed(bigramCounts(words.train), 1).map { $0.map { log($0) } }
      // Each model as "the logits of the next token after these ids" (ids start with ".").
      var models: [(String, ([Int]) -> [Double])] = [
        ("unigram (+1)", { _ in unigramLogits }),
        ("bigram (α = 1)", { ids in bigramLogits[ids.last!] }),
      ]
      for mlp in mlps {
        models.append(
          (
            "MLP, context \(mlp.context)",
            { ids in
              let window = Array(([Int](repeating: 0, count: mlp.context - 1) + ids).suffix(mlp.context))
              return withoutGradient { mlp([window]) }.scalars
            }
          ))
      }
      models.append(("GPT", fullLogits))
      cell.line("Twelve words from each model at τ = 1, each drawn from \".\" until the model writes \".\" (at most")
      cell.line(
        "\(GPTShape.context - 1) letters, the GPT's context), and how many of 200 are words of the training set:")
      var rows: [[TableEntry]] = []
      for (name, next) in models {
        var rng = cell.generator(name)
        let samples = (0..<12).map { _ in Vocabulary.word(generate(temperature: 1, topK: nil, using: &rng, next: next))
        }
        // An empty word (the model wrote "." first) is shown as "".
        cell.line("  \(name): \(samples.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: " "))")
        var more = cell.generator(name + "/200")
        let known = (0..<200).filter { _ in
          training.contains(Vocabulary.word(generate(temperature: 1, topK: nil, using: &more, next: next)))
        }
        rows.append([name, Double(known.count) / 200])
      }
      cell.table(["model", "share of 200 samples in the training set"], rows, digits: 3)
      notebook.result("samples_in_training_set", rows.map { $0[1] as! Double })
    }

    notebook.cell("sampling", "Sampling: temperature and top-k") { cell in
      cell.line(
        "Each word starts from \".\"; the next character is drawn from softmax(logits / τ), among the k most likely")
      cell.line("when top-k is set, until the model writes \".\". Twelve words per setting:")
      for (temperature, topK) in [(0.5, nil), (1.0, nil), (1.0, 5), (1.5, nil)] as [(Double, Int?)] {
        var rng = cell.generator("examples-\(temperature)-\(topK ?? 0)")
        let samples = (0..<12).map { _ in
          Vocabulary.word(generate(temperature: temperature, topK: topK, using: &rng, next: fullLogits))
        }
        cell.line(
          "  τ = \(Format.number(temperature))\(topK.map { ", top-\($0)" } ?? ""): \(samples.joined(separator: " "))")
      }
      var rows: [[TableEntry]] = []
      var seen: [Int] = []  // samples that are training words, per τ
      for temperature in [0.5, 0.8, 1.0, 1.5] {
        var rng = cell.generator("novelty-\(temperature)")
        let samples = (0..<200).map { _ in
          Vocabulary.word(generate(temperature: temperature, topK: nil, using: &rng, next: fullLogits))
        }
        let new = samples.filter { !training.contains($0) }
        let real = new.filter { dictionary.contains($0) }
        let distinct = Set(samples).count
        seen.append(samples.count - new.count)
        rows.append([Format.number(temperature), Double(new.count) / 200, real.count, distinct])
        notebook.result(
          "novelty_\(Format.number(temperature))", [Double(new.count) / 200, Double(real.count), Double(distinct)])
      }
      cell.line("200 words per temperature:")
      cell.table(
        ["τ", "share not in the training set", "of those, real words (valid/test)", "distinct words"], rows, digits: 3)
      cell.line("A low temperature sharpens the distribution towards the likeliest characters, a high one flattens it;")
      let falls = zip(seen, seen.dropFirst()).allSatisfy { $0 > $1 }
      cell.line(
        "in these 200 samples per τ, the share of training words \(falls ? "falls" : "does not fall steadily") as τ rises"
          + " (one seed).")
    }

    try notebook.cell("attention", "Attention while one word is written") { cell in
      var rng = cell.generator()
      let ids = [0] + generate(temperature: 0.8, topK: nil, using: &rng, next: fullLogits)
      let (_, weights) = withoutGradient { model.attend([ids]) }
      let labels = ids.map { String(Vocabulary.symbols[$0]) }
      let last = weights[weights.count - 1]  // [1, H, T, T]
      cell.line(
        "the word \"\(Vocabulary.word(Array(ids.dropFirst())))\" (τ = 0.8), read back through the model; block \(weights.count)'s weights,"
      )
      cell.line("row t = the position predicting character t + 1, columns = the positions it attends to:")
      for head in 0..<GPTShape.heads {
        let rows = (0..<ids.count).map { t in
          (0..<ids.count).map { s in last.scalars[(head * ids.count + t) * ids.count + s] }
        }
        try cell.figure(
          Heatmap(
            name: "attention-head-\(head + 1)", title: "Block \(weights.count), head \(head + 1)", values: rows,
            rowLabels: labels, columnLabels: labels, xLabel: "attends to", yLabel: "position", range: 0...1,
            decimals: nil))
        let upper = (0..<ids.count).flatMap { t in ((t + 1)..<ids.count).map { rows[t][$0] } }.max() ?? 0
        cell.line(
          "  head \(head + 1): largest weight above the diagonal (on a future position) \(Format.number(upper))")
      }
    }

    notebook.cell("kv-cache", "Generation is sequential: the key–value cache") { cell in
      cell.line("Each new character depends on the one just drawn, so a word is written one token at a time. Without")
      cell.line("a cache, every step runs the model on the whole prefix again; but the keys and values of earlier")
      cell.line("positions do not change (the mask stops them from seeing later ones), so they can be kept:")
      var rng = cell.generator()
      let word = generate(temperature: 1, topK: nil, using: &rng, next: fullLogits)
      let ids = [0] + word
      var cache = KeyValueCache(blocks: model.blocks.count)
      var largest = 0.0
      for t in 0..<ids.count {
        let cached = cache.step(model, ids[t])
        let full = fullLogits(Array(ids[0...t]))
        largest = max(largest, zip(cached, full).map { abs($0 - $1) }.max()!)
      }
      cell.line(
        "  \"\(Vocabulary.word(word))\": the logits at each of its \(ids.count) positions, cached against recomputed:")
      cell.line(
        "  largest difference \(largest == 0 ? "0: the same bits" : Format.within(largest, Format.roundingBound))")
      // Multiply-adds of the matrix products, as the code computes them. Per position and block:
      // q, k, v and the output projection (4D²) and the feed-forward layer (D·4D + 4D·D = 8D²);
      // per position, the head (D·V). Attention over a prefix of t tokens: the recomputing model
      // calls `attention` on the whole [t, t] square of scores (then masks its upper half), 2t²D
      // per block (Q·Kᵀ and weights·V); the cache computes one row of it, 2tD per block.
      let (D, V, L) = (GPTShape.width, Vocabulary.size, GPTShape.layers)
      let perPosition = L * (4 * D * D + 8 * D * D) + D * V
      let n = 10
      let recompute = (1...n).reduce(0) { $0 + $1 * perPosition + L * 2 * $1 * $1 * D }
      let cachedCost = (1...n).reduce(0) { $0 + perPosition + L * 2 * $1 * D }
      cell.line(
        "  multiply-adds in the matrix products, D = \(D), V = \(V), L = \(L) blocks, for the token after a prefix of t:"
      )
      cell.line("    recomputing: t·(L·12D² + D·V) + L·2t²D        with the cache: L·12D² + D·V + L·2tD")
      cell.line(
        "  to write \(n) tokens (t = 1 … \(n)): \(recompute) recomputing, \(cachedCost) with the cache (\(Format.number(Double(recompute) / Double(cachedCost), digits: 3))×)"
      )
      // Time, measured on this machine (the terminal shows it; the text cannot).
      var timer = cell.generator("timing")
      let start = Date()
      for _ in 0..<50 { _ = generate(temperature: 1, topK: nil, using: &timer, next: fullLogits) }
      let slow = Date().timeIntervalSince(start)
      var again = cell.generator("timing")
      let start2 = Date()
      for _ in 0..<50 {
        // The same generation loop; each step feeds the cache the newest token only.
        var cache = KeyValueCache(blocks: model.blocks.count)
        _ = generate(temperature: 1, topK: nil, using: &again) { ids in cache.step(model, ids.last!) }
      }
      let fast = Date().timeIntervalSince(start2)
      cell.table(
        ["50 words", "seconds"], [["recomputing the prefix", slow], ["with the cache", fast]], digits: 3, measured: [1])
      notebook.result("kv_cache_difference", largest)
    }
  }
}
