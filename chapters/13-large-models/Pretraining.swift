// Pretraining.swift — masked-word prediction on the unlabeled sentences, then the weights saved
// to a safetensors file and loaded back into a fresh encoder.

import Autograd
import Foundation
import Notebook
import Plot

struct Pretraining {
  let model: WordPredictor
  /// Accuracy on the masked words of the test sentences: the model, and always guessing the most frequent word.
  let accuracy: Double
  let baseline: Double
  let steps: Int
}

/// The share of masked words of `sentences` that `model` predicts (its largest logit), with the
/// masks drawn by `generator`; and the share that the single most frequent word `guess` gets.
func maskedAccuracy(
  _ model: WordPredictor, _ sentences: [[Int]], _ vocabulary: Vocabulary, guess: Int,
  using generator: inout SeededGenerator
) -> (model: Double, baseline: Double) {
  var (right, guessed, total) = (0, 0, 0)
  for start in stride(from: 0, to: sentences.count, by: 100) {
    let masked = sentences[start..<min(start + 100, sentences.count)].map {
      maskWords($0, vocabulary: vocabulary, using: &generator)
    }
    let ids = padded(masked.map(\.input))
    let logits = withoutGradient { model(ids) }  // [B, T, V]
    let (t, v) = (ids[0].count, vocabulary.count)
    for (b, row) in masked.enumerated() {
      for (position, target) in row.targets.enumerated() {
        guard let target else { continue }
        let scores = logits.scalars[((b * t + position) * v)..<((b * t + position + 1) * v)]
        let best = scores.indices.max { scores[$0] < scores[$1] }! - (b * t + position) * v
        right += best == target ? 1 : 0
        guessed += guess == target ? 1 : 0
        total += 1
      }
    }
  }
  return (Double(right) / Double(total), Double(guessed) / Double(total))
}

extension LargeModels {
  func pretrainingCell(_ notebook: Notebook, _ corpus: Corpus) throws -> Pretraining {
    var result: Pretraining!
    try notebook.cell("pretraining", "Pre-training: predict the masked words of unlabeled sentences") { cell in
      var weights = cell.generator("weights")
      var batches = cell.generator("batches")
      let model = WordPredictor(vocabulary: corpus.vocabulary.count, using: &weights)
      let steps = 1500
      let batch = 32
      let schedule = LearningRateSchedule.warmupCosine(peak: 0.005, warmup: 100, total: steps, floor: 0.0005)
      let optimizer = AdamW(parameters: model.parameters, learningRate: 0.005, weightDecay: 0.01)
      var curve: [(step: Double, loss: Double)] = []
      var window = 0.0
      let run = notebook.train("MLM", epochs: steps, unit: "step") { step in
        optimizer.learningRate = schedule.rate(at: step - 1)
        var masked: [(input: [Int], targets: [Int?])] = []
        while masked.count < batch {
          let sentence = corpus.unlabeled[batches.nextInt(in: 0..<corpus.unlabeled.count)]
          let pair = maskWords(sentence, vocabulary: corpus.vocabulary, using: &batches)
          // A sentence with nothing to predict teaches nothing.
          if pair.targets.contains(where: { $0 != nil }) { masked.append(pair) }
        }
        let ids = padded(masked.map(\.input))
        let targets = masked.map { $0.targets + [Int?](repeating: nil, count: ids[0].count - $0.targets.count) }
        let (loss, _) = optimizer.step(clippingGradientNorm: 1) { model.loss(ids, targets: targets) }
        window += loss
        if step % 100 == 0 {
          curve.append((Double(step), window / 100))
          window = 0
        }
        return loss
      }
      // The most frequent word of the unlabeled text: the best guess that ignores the context.
      var counts = [Int](repeating: 0, count: corpus.vocabulary.count)
      for sentence in corpus.unlabeled { for id in sentence { counts[id] += 1 } }
      let guess = counts.indices.max { counts[$0] < counts[$1] }!
      var probe = cell.generator("probe")
      let (accuracy, baseline) = maskedAccuracy(
        model, corpus.test.map(\.ids), corpus.vocabulary, guess: guess, using: &probe)
      cell.line(
        "a BERT of \(Encoder.layers) block (D = \(Encoder.width), \(Encoder.heads) heads, feed-forward \(4 * Encoder.width)), no causal mask, \(model.body.parameterCount) parameters in the"
      )
      cell.line(
        "encoder and \(model.head.parameterCount) in the word head; AdamW, warm-up and cosine from η = 0.005, clipping at 1, \(steps) steps of \(batch) sentences"
      )
      cell.line("  \(run.summary)")
      cell.table(
        ["step", "mean loss of the last 100 steps (nats per masked word)"], curve.map { [Int($0.step), $0.loss] },
        digits: 4)
      cell.line(
        "masked words of the \(corpus.test.count) test sentences predicted: \(Format.number(accuracy, digits: 3)); always \"\(corpus.vocabulary.words[guess])\" (the most frequent word): \(Format.number(baseline, digits: 3))"
      )
      // The padding mask at work: a short sentence alone, and in a batch padded to a longer one.
      let short = corpus.test.map(\.ids).min { $0.count < $1.count }!
      let long = corpus.test.map(\.ids).max { $0.count < $1.count }!
      let alone = withoutGradient { model.body([short]) }.scalars
      let inBatch = withoutGradient { model.body(padded([short, long])) }.scalars.prefix(alone.count)
      cell.line(
        "\"\(corpus.vocabulary.decode(short))\" alone and padded to \(long.count) words beside a longer sentence: the same vectors, bit for bit: \(Array(inBatch) == alone)"
      )
      try cell.figure(
        LineChart(
          name: "pretraining-loss", title: "Masked-word prediction: loss during pre-training", xLabel: "step",
          yLabel: "nats per masked word",
          series: [.init("mean of 100 steps", x: curve.map(\.step), y: curve.map(\.loss), points: true)]))
      notebook.result("masked_accuracy", [accuracy, baseline])
      result = Pretraining(model: model, accuracy: accuracy, baseline: baseline, steps: steps)
    }
    return result
  }

  /// Saves the pre-trained encoder, loads it into a fresh one, and shows that a damaged file is refused.
  func savingCell(_ notebook: Notebook, _ corpus: Corpus, _ pretraining: Pretraining) throws -> URL {
    let url = URL(fileURLWithPath: weightsFolder).appendingPathComponent("pretrained-encoder.safetensors")
    try notebook.cell("saving", "The pre-trained encoder on disk, in the safetensors format") { cell in
      let body = pretraining.model.body
      try body.save(
        to: url, metadata: ["objective": "masked words, 15 % and 80/10/10", "steps": "\(pretraining.steps)"])
      let data = try Data(contentsOf: url)
      let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
      cell.line(
        "\(url.lastPathComponent): \(data.count) bytes = 8 (header length) + \(headerLength) (JSON header) + \(data.count - 8 - headerLength) (\(body.parameterCount) doubles × 8)"
      )
      cell.line("the first tensors of the header, named after the module's properties:")
      for entry in body.namedState.prefix(6) { cell.line("  \(entry.name)  \(entry.shape)") }
      cell.line("  … \(body.namedState.count) tensors in all")

      var other = cell.generator("fresh")
      let fresh = Encoder(vocabulary: corpus.vocabulary.count, using: &other)
      let sample = padded(corpus.test.prefix(50).map(\.ids))
      let before = withoutGradient { fresh(sample) }.scalars == withoutGradient { body(sample) }.scalars
      try fresh.load(from: url)
      let after = withoutGradient { fresh(sample) }.scalars == withoutGradient { body(sample) }.scalars
      cell.line(
        "a fresh encoder gives the pre-trained one's outputs on 50 test sentences: before loading \(before), after \(after) (bit for bit)"
      )
      let damaged = data.prefix(data.count - 8)
      do {
        try fresh.load(safeTensors: damaged)
        cell.line("the file without its last 8 bytes was loaded: it should not have been")
      } catch {
        let unchanged = withoutGradient { fresh(sample) }.scalars == withoutGradient { body(sample) }.scalars
        cell.line("the file without its last 8 bytes is refused: \(error)")
        cell.line("and the encoder keeps its values: \(unchanged)")
      }
      notebook.result("weights_bytes", data.count)
    }
    return url
  }
}

/// The other objective: each position predicts the word after it, seeing only the words before.
struct NextWordPretraining {
  let file: URL
  /// Accuracy on the next words of the test sentences: the model, and always the most frequent word.
  let accuracy: Double
  let baseline: Double
}

extension LargeModels {
  func nextWordCell(_ notebook: Notebook, _ corpus: Corpus) throws -> NextWordPretraining {
    let url = URL(fileURLWithPath: weightsFolder).appendingPathComponent("pretrained-next-word.safetensors")
    var result: NextWordPretraining!
    try notebook.cell("next-word", "The other objective: the next word, as GPT is pre-trained") { cell in
      var weights = cell.generator("weights")
      var batches = cell.generator("batches")
      let model = WordPredictor(vocabulary: corpus.vocabulary.count, causal: true, using: &weights)
      let steps = 1500
      let schedule = LearningRateSchedule.warmupCosine(peak: 0.005, warmup: 100, total: steps, floor: 0.0005)
      let optimizer = AdamW(parameters: model.parameters, learningRate: 0.005, weightDecay: 0.01)
      // x = the sentence, y = the sentence shifted by one: the last word predicts nothing.
      func targets(_ ids: [[Int]]) -> [[Int?]] {
        ids.map { row in
          row.indices.map { t in t + 1 < row.count && row[t + 1] != Vocabulary.padding ? row[t + 1] : nil }
        }
      }
      let run = notebook.train("next word", epochs: steps, unit: "step") { step in
        optimizer.learningRate = schedule.rate(at: step - 1)
        let ids = padded((0..<32).map { _ in corpus.unlabeled[batches.nextInt(in: 0..<corpus.unlabeled.count)] })
        return optimizer.step(clippingGradientNorm: 1) { model.loss(ids, targets: targets(ids)) }.loss
      }
      var counts = [Int](repeating: 0, count: corpus.vocabulary.count)
      for sentence in corpus.unlabeled { for id in sentence.dropFirst() { counts[id] += 1 } }
      let guess = counts.indices.max { counts[$0] < counts[$1] }!
      var (right, guessed, total) = (0, 0, 0)
      for start in stride(from: 0, to: corpus.test.count, by: 100) {
        let ids = padded(corpus.test[start..<min(start + 100, corpus.test.count)].map(\.ids))
        let logits = withoutGradient { model(ids) }  // [B, T, V]
        let (t, v) = (ids[0].count, corpus.vocabulary.count)
        for (b, row) in targets(ids).enumerated() {
          for (position, target) in row.enumerated() {
            guard let target else { continue }
            let offset = (b * t + position) * v
            let scores = logits.scalars[offset..<(offset + v)]
            right += scores.indices.max { scores[$0] < scores[$1] }! - offset == target ? 1 : 0
            guessed += guess == target ? 1 : 0
            total += 1
          }
        }
      }
      let (accuracy, baseline) = (Double(right) / Double(total), Double(guessed) / Double(total))
      try model.body.save(to: url, metadata: ["objective": "next word", "steps": "\(steps)"])
      cell.line(
        "the same encoder with the causal mask of chapter 10 (a word sees itself and the words before it), the same")
      cell.line("optimizer and \(steps) steps of 32 unlabeled sentences; every word but the first is a target")
      cell.line("  \(run.summary)")
      cell.line(
        "next words of the \(corpus.test.count) test sentences predicted: \(Format.number(accuracy, digits: 3)); always \"\(corpus.vocabulary.words[guess])\": \(Format.number(baseline, digits: 3))"
      )
      cell.line("encoder saved to \(url.lastPathComponent) for fine-tuning")
      notebook.result("next_word_accuracy", [accuracy, baseline])
      result = NextWordPretraining(file: url, accuracy: accuracy, baseline: baseline)
    }
    return result
  }
}
