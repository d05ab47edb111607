// SourceChecks.swift — the sources' claims about large models, each set against this chapter's runs:
// pre-training's "two stages" (004 L94–96), fine-tuning on small data (003 L24), compression (004 L35).

import Autograd
import Foundation
import Notebook

extension LargeModels {
  func sourceChecks(
    _ notebook: Notebook, _ pretraining: Pretraining, _ transfer: Transfer, _ compression: [Compressed],
    _ distillation: Distillation
  ) {
    notebook.cell("sources", "The sources' claims, against these runs") { cell in
      let fewest = 0  // the index of 1 % of the labels
      let gains = transfer.counts.indices.map { transfer.mean(.fineTuned, $0) - transfer.mean(.scratch, $0) }
      cell.check(
        SourceCheck(
          id: "004-pretraining-stages", source: Article.a004,
          claim:
            "L94–96: pre-training 'usually has two stages', a masked language model (mask some words, predict them) and next-sentence prediction (given two consecutive sentences, predict whether the second follows the first)",
          stated: "two stages: MLM and NSP",
          computed: [pretraining.accuracy, pretraining.baseline, gains[fewest]], verdict: .disagrees,
          note:
            "MLM is as described, and it learns here: \(Format.number(pretraining.accuracy, digits: 3)) of masked test words right against "
            + "\(Format.number(pretraining.baseline, digits: 3)) for the most frequent word (computed). But MLM and NSP are two objectives whose "
            + "losses BERT adds and trains together (Devlin et al. 2018, §3.1), not stages, and GPT pre-trains on the next token alone "
            + "(Radford et al. 2018); NSP fed only consecutive pairs, as L96 says, "
            + "has a single answer to learn (BERT uses a random second sentence half the time); and this chapter pre-trains with MLM (and, apart, the next word), "
            + "no NSP, with a fine-tuning gain of \(Format.number(gains[fewest], digits: 3)) in accuracy at \(transfer.counts[fewest]) labels (computed, mean of \(Self.seeds) seeds)."
        ))

      let clear = gains.prefix(2).allSatisfy { $0 > 0.05 }
      let none = gains.prefix(2).allSatisfy { $0 <= 0 }
      cell.check(
        SourceCheck(
          id: "003-finetune-small-data", source: Article.a003,
          claim:
            "L24: transfer learning fine-tunes a large model on small-scale data and so raises its performance on the new task",
          stated: "fine-tuning on small data raises performance",
          computed: transfer.counts.indices.flatMap { [transfer.mean(.scratch, $0), transfer.mean(.fineTuned, $0)] },
          verdict: clear ? .agrees : none ? .disagrees : .ambiguous,
          note:
            "Test accuracy from scratch and fine-tuned from the pre-trained encoder, at \(transfer.counts.map(String.init).joined(separator: ", ")) labels "
            + "(computed, means of \(Self.seeds) seeds): gains of \(gains.map { Format.number($0, digits: 3) }.joined(separator: ", ")). "
            + "The claim is checked at notebook scale only (a 1-block encoder pre-trained on \(Corpus.unlabeledCount) sentences of a small grammar); "
            + "the verdict agrees when the gain exceeds 0.05 at both smaller label counts."))

      let full = compression[0]
      let int8 = compression.first { $0.name.hasPrefix("int8, one scale per output row") }!
      let pruned90 = compression.first { $0.name == "pruned 90 %" }!
      let retrained90 = compression.first { $0.name.hasPrefix("pruned 90 %, re-trained") }!
      let smaller = Double(full.bytes) / Double(int8.bytes)
      let holds = smaller > 4 && int8.accuracy >= full.accuracy - 0.02
      cell.check(
        SourceCheck(
          id: "004-compression", source: Article.a004,
          claim:
            "L35: model compression (pruning, quantization, distillation) reduces a model's size and computation so that it runs on devices with few resources",
          stated: "smaller, cheaper, still usable",
          computed: [
            Double(full.bytes), Double(int8.bytes), full.accuracy, int8.accuracy, pruned90.accuracy,
            retrained90.accuracy, distillation.mean(0), distillation.mean(2),
          ],
          verdict: holds ? .agrees : .ambiguous,
          note:
            "Quantizing the weight matrices to int8 (a scale per row) makes the fine-tuned classifier \(Format.number(smaller, digits: 3)) times smaller "
            + "at \(Format.number(int8.accuracy, digits: 3)) test accuracy against \(Format.number(full.accuracy, digits: 3)) (computed). Pruning shrinks the "
            + "file only when stored sparse, and computation only with sparse products (the dense products here multiply the zeros too); 90 % pruning without re-training "
            + "gives \(Format.number(pruned90.accuracy, digits: 3)), and \(Format.number(retrained90.accuracy, digits: 3)) after \(Self.retrainingSteps) steps of re-training (computed). "
            + "A student of \(Format.number(Double(full.bytes) / Double(distillation.bytes), digits: 3)) times fewer bytes scores \(Format.number(distillation.mean(2), digits: 3)) "
            + "taught by the classifier's soft targets on labeled and unlabeled sentences, \(Format.number(distillation.mean(0), digits: 3)) on the labels alone "
            + "(computed, mean of \(Self.seeds) seeds). One small classifier: the claim holds here, at this scale."))
    }
  }
}
