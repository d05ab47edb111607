// Distillation.swift — a smaller classifier (D = 8) trained on the fine-tuned classifier's soft
// targets at a temperature (Hinton, Vinyals and Dean 2015), against the same student trained on
// the labels alone; three seeds each.

import Autograd
import Foundation
import Notebook

struct Distillation {
  let temperature: Double
  /// The student's bytes, and per variant the test accuracies of the seeds and their mean loss.
  let bytes: Int
  let rows: [(name: String, accuracies: [Double], loss: Double)]

  func mean(_ index: Int) -> Double { rows[index].accuracies.reduce(0, +) / Double(rows[index].accuracies.count) }
}

extension LargeModels {
  static let studentWidth = 8

  func distillationCell(_ notebook: Notebook, _ corpus: Corpus, _ teacher: SentimentClassifier) -> Distillation {
    var result: Distillation!
    notebook.cell("distillation", "Distillation: a student half as wide, taught by the fine-tuned classifier") { cell in
      let temperature = 2.0
      let labeled = corpus.labeled.map(\.ids)
      let transfer = labeled + corpus.unlabeled  // the teacher can score sentences nobody labeled
      // The teacher's soft targets σ(z/T), computed once.
      func softTargets(_ sentences: [[Int]]) -> [Double] {
        stride(from: 0, to: sentences.count, by: 100).flatMap { start in
          withoutGradient {
            (teacher(padded(Array(sentences[start..<min(start + 100, sentences.count)]))) / temperature).sigmoid()
          }.scalars
        }
      }
      let variants: [(name: String, sentences: [[Int]], targets: [Double], soft: Bool)] = [
        ("labels alone, \(labeled.count) sentences", labeled, corpus.labeled.map { Double($0.label) }, false),
        ("soft targets, the same \(labeled.count) sentences", labeled, softTargets(labeled), true),
        ("soft targets, + \(corpus.unlabeled.count) unlabeled", transfer, softTargets(transfer), true),
      ]
      var rows: [(name: String, accuracies: [Double], loss: Double)] = []
      var bytes = 0
      for variant in variants {
        var accuracies: [Double] = []
        var loss = 0.0
        for seed in 0..<Self.seeds {
          var weights = cell.generator("weights/\(seed)")
          var batches = cell.generator("batches/\(seed)")
          let student = SentimentClassifier(
            vocabulary: corpus.vocabulary.count, width: Self.studentWidth, using: &weights)
          bytes = 8 * student.parameterCount
          let optimizer = Adam(parameters: student.parameters, learningRate: 0.003)
          for _ in 0..<Self.fineTuningSteps {
            let picked = (0..<16).map { _ in batches.nextInt(in: 0..<variant.sentences.count) }
            let targets = Tensor(picked.map { variant.targets[$0] })
            let ids = padded(picked.map { variant.sentences[$0] })
            optimizer.step(clippingGradientNorm: 1) {
              // Soft targets: T² · the cross-entropy of σ(z/T) against σ(z_teacher/T) (the T² keeps the
              // gradient's scale as T changes); hard labels: the usual loss.
              variant.soft
                ? sigmoidCrossEntropy(logits: student(ids) / temperature, labels: targets) * (temperature * temperature)
                : sigmoidCrossEntropy(logits: student(ids), labels: targets)
            }
          }
          let score = evaluate(student, corpus.test)
          accuracies.append(score.accuracy)
          loss += score.loss / Double(Self.seeds)
        }
        rows.append(("student, " + variant.name, accuracies, loss))
      }
      let teacherScore = evaluate(teacher, corpus.test)
      cell.line(
        "teacher: the classifier fine-tuned on all labels (D = \(Encoder.width), \(teacher.parameterCount) parameters); student: the same design at D = \(Self.studentWidth),"
      )
      cell.line(
        "\(bytes / 8) parameters, from scratch; Adam, η = 0.003, \(Self.fineTuningSteps) steps of 16 sentences; soft targets at T = \(Format.number(temperature, digits: 3)); \(Self.seeds) seeds:"
      )
      cell.table(
        ["model", "bytes (F64)", "mean accuracy", "lowest", "highest", "mean test loss"],
        [
          [
            "teacher", 8 * teacher.parameterCount, teacherScore.accuracy, teacherScore.accuracy, teacherScore.accuracy,
            teacherScore.loss,
          ]
        ]
          + rows.map {
            [
              $0.name, bytes, $0.accuracies.reduce(0, +) / Double(Self.seeds), $0.accuracies.min()!,
              $0.accuracies.max()!, $0.loss,
            ]
          },
        digits: 3)
      let gap = zip(variants[1].targets, corpus.labeled).reduce(0) { $0 + abs($1.0 - Double($1.1.label)) }
      cell.line(
        "the teacher's soft targets at T = \(Format.number(temperature, digits: 3)) differ from the \(labeled.count) labels by \(Format.number(gap / Double(labeled.count), digits: 3)) on average"
      )
      notebook.result("distillation", rows.map { $0.accuracies + [$0.loss] })
      result = Distillation(temperature: temperature, bytes: bytes, rows: rows)
    }
    return result
  }
}
