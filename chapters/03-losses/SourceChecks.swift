// SourceChecks.swift — every loss formula, loss derivative and worked loss example of the
// articles, evaluated as printed and compared with the library and with autograd.

import Autograd
import Foundation
import Notebook

extension Losses {
  func sourceChecks(_ notebook: Notebook) {
    let (p, y) = (Self.predictions, Self.targets)
    let n = Double(p.count)
    let halfSum = 0.5 * zip(y, p).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)  // ½ Σ (y − ŷ)², as printed
    let meanForm = zip(y, p).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / n  // (1/n) Σ (y − ŷ)², as printed
    let library = meanSquaredError(predicted: Tensor(p), expected: Tensor(y)).item  // mean

    notebook.cell("source-mse", "The articles' mean squared error") { cell in
      cell.line("On ŷ = \(Format.vector(p)), y = \(Format.vector(y)); the library's meanSquaredError is the 1/n mean.")
      let halfNote = "The ½Σ convention: the library's mean times n/2. Both are right; the ½ makes ∂L/∂ŷ = ŷ − y."
      for (id, source, claim) in [
        ("000-mse", Article.a000, "L229–235: L = ½ Σ (yᵢ − ŷᵢ)²"),
        ("001-mse", Article.a001, "L170–173: L(y, ŷ) = ½ Σ (yᵢ − ŷᵢ)²"),
        ("001-mse-regression", Article.a001, "L191–194: L(w, b) = ½ Σ (ŷᵢ − yᵢ)²"),
      ] {
        cell.check(
          SourceCheck(
            id: id, source: source, claim: claim, stated: [halfSum], computed: [library * n / 2], tolerance: 1e-12,
            note: halfNote))
      }
      cell.check(
        SourceCheck(
          id: "002-mse", source: Article.a002, claim: "L234–236: MSE(y, ŷ) = (1/n) Σ (yᵢ − ŷᵢ)²", stated: [meanForm],
          computed: [library], tolerance: 1e-12, note: "The 1/n mean, as in PyTorch's MSELoss and this library."))
      cell.check(
        SourceCheck(
          id: "003-mse", source: Article.a003, claim: "L194–202: L = (1/N) Σₜ (yₜ − ŷₜ)²", stated: [meanForm],
          computed: [library], tolerance: 1e-12, note: "The 1/n mean over time steps; the same formula."))

      // 000 L302–306: ∂L/∂aᵢ = 2(aᵢ − yᵢ), for its own L = ½ Σ (yᵢ − aᵢ)².
      let a = Tensor(p, requiresGrad: true)
      (0.5 * (Tensor(y) - a).pow(2).sum()).backward()
      cell.check(
        SourceCheck(
          id: "000-mse-derivative", source: Article.a000,
          claim: "L302–306: ∂L/∂aᵢ = 2·(aᵢ − yᵢ) for L = ½ Σ (yᵢ − aᵢ)²",
          stated: zip(p, y).map { 2 * ($0 - $1) }, computed: a.grad!.scalars, tolerance: 1e-12,
          note: "Twice too large: the ½ in the article's own L cancels the 2 from the square, leaving aᵢ − yᵢ. "
            + "2(aᵢ − yᵢ) is the derivative of Σ (yᵢ − aᵢ)² without the ½."))
    }

    notebook.cell("source-cross-entropy", "The articles' cross-entropy") { cell in
      // One example, three classes, one-hot label: the reading under which the formula is right.
      let probabilities = Tensor([2.0, 1.0, 0.1]).softmax(axis: 0).scalars
      let oneHot = [1.0, 0, 0]
      let printed = -zip(oneHot, probabilities).map { $0 * log($1) }.reduce(0, +)
      let library = softmaxCrossEntropy(logits: Tensor([[2.0, 1.0, 0.1]]), labels: [0]).item
      cell.line("Over the classes of one example (p = softmax([2, 1, 0.1]), label 0), −Σ yᵢ log ŷᵢ = −log p₀:")
      for (id, source, claim) in [
        ("001-cross-entropy", Article.a001, "L174–177: L(y, ŷ) = −Σ yᵢ log ŷᵢ"),
        ("002-cross-entropy", Article.a002, "L238–240: −Σ yᵢ log ŷᵢ with y one-hot and ŷ a predicted distribution"),
        ("004-cross-entropy", Article.a004, "L188–192: Loss = −Σᵢ yᵢ log pᵢ"),
      ] {
        cell.check(
          SourceCheck(
            id: id, source: source, claim: claim, stated: [printed], computed: [library], tolerance: 1e-12,
            note:
              "Right when i runs over the classes of one example and y is one-hot: only the true class's −log p remains."
          ))
      }

      // 000 L237–243 says i runs over *samples* with binary labels: then label-0 samples drop out.
      let labels = [1.0, 0.0, 1.0, 0.0, 1.0]
      let predicted = [0.2, 0.8, 0.6, 0.4, 0.9]  // P(class 1), article 004's numbers
      let overSamples = -zip(labels, predicted).map { $0 * log($1) }.reduce(0, +)
      let bceSum = binaryCrossEntropy(probabilities: Tensor(predicted), targets: Tensor(labels)).item * 5
      cell.check(
        SourceCheck(
          id: "000-cross-entropy", source: Article.a000,
          claim: "L237–243: L = −Σ yᵢ log ŷᵢ, yᵢ the true label of sample i, ŷᵢ its predicted probability",
          stated: overSamples, computed: bceSum, verdict: .ambiguous,
          note: "Right over the classes of a one-hot label (as above). Read as the legend says, over samples with 0/1 "
            + "labels, it ignores every label-0 sample: stated is that reading on article 004's five samples, computed "
            + "the binary cross-entropy Σ −[y log ŷ + (1 − y) log(1 − ŷ)]."))

      // 000 L308–310: ∂L/∂aᵢ = −yᵢ.
      let pLeaf = Tensor(probabilities, requiresGrad: true)
      (-(Tensor(oneHot) * pLeaf.log()).sum()).backward()
      cell.check(
        SourceCheck(
          id: "000-cross-entropy-derivative", source: Article.a000, claim: "L308–310: ∂L/∂aᵢ = −yᵢ",
          stated: oneHot.map { -$0 }, computed: pLeaf.grad!.scalars, tolerance: 1e-12,
          note: "Missing the division: d/da (−y log a) = −y/a. With p₀ = \(Format.number(probabilities[0], digits: 3)) "
            + "the true gradient is \(Format.number(pLeaf.grad!.scalars[0], digits: 3)), not −1. "
            + "(Through a softmax the total gradient on the logits is p − y, which may be what was meant.)"))

      // 003 L183–191: L = −(1/N) Σ yᵢ log p(yᵢ|X), with yᵢ a class index.
      let logits = Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 3.0]])
      let classIndex = [0, 2, 2]
      let logP = logits.logSoftmax(axis: -1).rows
      let literal = -zip(classIndex, logP).map { Double($0) * $1[$0] }.reduce(0, +) / 3
      let standard = softmaxCrossEntropy(logits: logits, labels: classIndex).item
      cell.check(
        SourceCheck(
          id: "003-cross-entropy", source: Article.a003, claim: "L183–191: L = −(1/N) Σᵢ yᵢ log p(yᵢ|X)",
          stated: literal, computed: standard, verdict: .ambiguous,
          note: "The usual form is −(1/N) Σᵢ log p(yᵢ|Xᵢ): with yᵢ a class index, the extra factor yᵢ weights each "
            + "example by its class number (class 0 counts for nothing). Stated: that literal reading on three examples "
            + "with labels [0, 2, 2]; computed: the standard loss. X also needs its index i."))
    }

    notebook.cell("source-bce-example", "Article 004's worked example: ≈ 2.307") { cell in
      let labels = [1.0, 0.0, 1.0, 0.0, 1.0]
      let p = [0.2, 0.8, 0.6, 0.4, 0.9]
      let kept = zip(labels, p).filter { $0.0 == 1 }.map(\.1)  // the terms the article keeps
      let readings: [(String, Double)] = [
        ("−[ln 0.2 + ln 0.6 + ln 0.9] (natural log)", -kept.map { log($0) }.reduce(0, +)),
        ("the same with log₂", -kept.map { log2($0) }.reduce(0, +)),
        ("the same with log₁₀", -kept.map { log10($0) }.reduce(0, +)),
        ("binary cross-entropy, sum", binaryCrossEntropy(probabilities: Tensor(p), targets: Tensor(labels)).item * 5),
        ("binary cross-entropy, mean", binaryCrossEntropy(probabilities: Tensor(p), targets: Tensor(labels)).item),
      ]
      let stated = 2.307
      cell.line("labels y = \(Format.vector(labels)), predicted P(class 1) = \(Format.vector(p))")
      cell.table(
        ["reading", "value", "|value − 2.307|"], readings.map { [$0.0, $0.1, abs($0.1 - stated)] }, digits: 5)
      let closest = readings.min { abs($0.1 - stated) < abs($1.1 - stated) }!
      cell.line("No reading gives 2.307; the closest is \(closest.0) = \(Format.number(closest.1, digits: 5)).")
      // −Σ log_b p = (−Σ ln p) / ln b, so the one base that gives 2.307 is e^(−Σ ln p / 2.307).
      let base = exp(readings[0].1 / stated)
      cell.line("The base b with −Σ log_b p = 2.307 is b = e^(\(Format.number(readings[0].1, digits: 5)) / 2.307) = \(Format.number(base, digits: 4)): no base in use.")
      cell.check(
        SourceCheck(
          id: "004-bce-arithmetic", source: Article.a004,
          claim: "L194–204: −[log(0.2) + log(0.6) + log(0.9)] ≈ 2.307", stated: [stated], computed: [readings[0].1],
          tolerance: 5e-4,
          note: "Arithmetic slip: with the natural log (the convention of every framework) the sum is "
            + "\(Format.number(readings[0].1, digits: 5)); no standard base gives 2.307 (log₂: "
            + "\(Format.number(readings[1].1, digits: 4)), log₁₀: \(Format.number(readings[2].1, digits: 3))); only "
            + "base \(Format.number(base, digits: 4)) would."))
      cell.check(
        SourceCheck(
          id: "004-bce-formula", source: Article.a004,
          claim: "L194–204: for binary labels, Loss = −Σ yᵢ log pᵢ (the label-0 terms vanish)", stated: [stated],
          computed: [readings[3].1], tolerance: 5e-4,
          note: "For a binary problem the loss must also charge the label-0 samples: −log(1 − pᵢ). The samples with "
            + "p = 0.8 and 0.4 for class 1 but label 0 cost \(Format.number(-log(1 - 0.8), digits: 4)) and "
            + "\(Format.number(-log(1 - 0.4), digits: 3)), so the binary cross-entropy sum is "
            + "\(Format.number(readings[3].1, digits: 4)) (mean \(Format.number(readings[4].1, digits: 3))). "
            + "As written, predicting 'class 1' with certainty everywhere would cost nothing."))
      notebook.result("article_004_natural_log", readings[0].1)
      notebook.result("article_004_binary_cross_entropy_mean", readings[4].1)
    }

    notebook.cell("source-sigmoid-gradient", "Article 002's sigmoid neuron: ∂Loss/∂z = ŷ − y") { cell in
      // §4.4: one neuron ŷ = σ(w·x + b), Loss = −Σ y log ŷ, and the stated gradients.
      let x = [1.0, 0.0, 1.0]  // "x is a binary vector"
      let w = [0.5, -0.3, 0.8]
      let b = -0.2
      for label in [1.0, 0.0] {
        let wT = Tensor(w, requiresGrad: true)
        let bT = Tensor(b, requiresGrad: true)
        let z = (wT * Tensor(x)).sum() + bT
        sigmoidCrossEntropy(logits: z, labels: Tensor(label)).backward()
        let yHat = sigmoid(z.item)
        let articleGradient = [yHat - label] + x.map { $0 * (yHat - label) }
        cell.check(
          SourceCheck(
            id: "002-sigmoid-gradients-y\(Int(label))", source: Article.a002,
            claim: "L289–293: ∂Loss/∂z = ŷ − y, ∂Loss/∂wᵢ = xᵢ(ŷ − y), ∂Loss/∂b = ŷ − y (here y = \(Int(label)))",
            stated: articleGradient, computed: [bT.grad!.item] + wT.grad!.scalars, tolerance: 1e-12,
            note: "Correct for the binary cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)] (computed: autograd on it; "
              + "∂/∂z = ∂/∂b since b enters z with weight 1)."))
      }
      // The loss the article actually writes, −y log ŷ, has a different gradient when y = 0.
      let zT = Tensor((zip(w, x).map(*).reduce(0, +)) + b, requiresGrad: true)
      (-(Tensor(0.0) * zT.sigmoid().log())).backward()
      let yHat = sigmoid(zT.item)
      cell.check(
        SourceCheck(
          id: "002-loss-and-gradient", source: Article.a002,
          claim: "L285–293: Loss = −Σ yᵢ log ŷᵢ has ∂Loss/∂z = ŷ − y (checked at y = 0)", stated: [yHat - 0],
          computed: [zT.grad!.item], tolerance: 1e-12,
          note: "The gradient does not belong to the loss printed above it: −y log ŷ is 0 for y = 0 whatever ŷ is, "
            + "so its gradient is 0 there. ŷ − y is the gradient of the full binary cross-entropy, which the loss "
            + "line should have been."))
    }
  }
}
