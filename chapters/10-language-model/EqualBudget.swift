// EqualBudget.swift — the MLP against the GPT on the same number of training predictions: the
// MLP's context widened from 3 to 5 and 8 characters, every run on the GPT's budget.

import Autograd
import Foundation
import Notebook

extension LanguageModel {
  /// Trains the MLP with contexts 5 and 8 on the k = 3 run's budget and mini-batches, and sets
  /// the three against the GPT. Returns the new MLPs' runs and scores.
  func budgetCell(
    _ notebook: Notebook, _ words: Words, mlp: MLPRun, gpt: Score, gptPredictions: Int
  ) -> [(MLPRun, Score)] {
    var results: [(MLPRun, Score)] = []
    notebook.cell("budget", "Equal budgets: how much context the MLP needs to meet the GPT") { cell in
      // The same mini-batches as the k = 3 run: example i is the same prediction for every k, only
      // the window it is read through differs.
      for k in [5, 8] {
        let run = MLPRun(
          context: k, steps: mlp.steps, words: words, notebook: notebook, label: "MLP, k = \(k)",
          weights: notebook.generator(replaying: "weights", ofCell: "mlp"),
          batches: notebook.generator(replaying: "batches", ofCell: "mlp"))
        results.append(
          (run, Score(name: "MLP, context \(k)", parameters: run.model.parameterCount, nats: run.valid, test: run.test))
        )
      }
      let runs = [(mlp, 3)] + results.map { ($0.0, $0.0.model.context) }
      cell.line(
        "Every MLP: \(mlp.steps) steps of \(mlp.batch) predictions (the same mini-batches for every k); the GPT: \(GPTShape.steps) steps of \(GPTShape.batch) words."
      )
      cell.line("whole prefix in view: the share of validation predictions whose boundary and every letter so far")
      cell.line("fit in the model's window.")
      var rows: [[TableEntry]] = runs.map { run, k in
        [
          "MLP, context \(k)", run.model.parameterCount, run.predictions, wholePrefixShare(words.valid, context: k),
          run.valid, run.test,
        ]
      }
      rows.append([gpt.name, gpt.parameters, gptPredictions, 1.0, gpt.nats, gpt.test])
      cell.table(
        ["model", "parameters", "predictions seen", "whole prefix in view", "valid nats", "test nats"], rows, digits: 4)
      for (run, k) in runs.dropFirst() { cell.line("  MLP, context \(k): \(run.run.summary)") }
      let best = runs.min { $0.0.valid < $1.0.valid }!
      cell.line(
        "GPT minus the best MLP (context \(best.1)): \(Format.number(gpt.nats - best.0.valid, digits: 2)) nats on validation, \(Format.number(gpt.test - best.0.test, digits: 2)) on test;"
      )
      cell.line(
        "parameters: the GPT has \(Format.number(Double(gpt.parameters) / Double(best.0.model.parameterCount), digits: 2))× the MLP's. One run of each, with one seed."
      )
      notebook.result("budget_valid_nats", runs.map(\.0.valid) + [gpt.nats])
      notebook.result("budget_test_nats", runs.map(\.0.test) + [gpt.test])
    }
    return results
  }
}
