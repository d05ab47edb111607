// Likelihood.swift — section 6: cross-entropy as maximum likelihood and as KL divergence, and
// label smoothing's effect on confidence.

import Autograd
import Foundation
import Notebook
import Plot

extension Training {
  func likelihoodCell(_ notebook: Notebook) {
    notebook.cell("likelihood", "Cross-entropy = entropy + KL divergence; minimizing it is maximum likelihood") {
      cell in
      let p = [0.7, 0.2, 0.1]
      let q = Tensor([1.0, 0.5, -0.5]).softmax(axis: 0).scalars
      let entropy = -p.map { $0 * log($0) }.reduce(0, +)
      let kl = zip(p, q).map { $0 * log($0 / $1) }.reduce(0, +)
      let cross = -zip(p, q).map { $0 * log($1) }.reduce(0, +)
      cell.line("p = \(Format.vector(p)), q = softmax(1, 0.5, −0.5) = \(Format.vector(q, digits: 4)):")
      cell.line(
        "  H(p) = −Σ p log p = \(Format.number(entropy, digits: 6))   KL(p‖q) = Σ p log(p/q) = \(Format.number(kl, digits: 6))"
      )
      cell.line(
        "  H(p, q) = −Σ p log q = \(Format.number(cross, digits: 6)) = H(p) + KL(p‖q) = \(Format.number(entropy + kl, digits: 6))"
      )
      cell.line("H(p) does not depend on the model, so minimizing the cross-entropy minimizes KL(p‖q).")
      cell.line("With a one-hot p, H(p) = 0 and H(p, q) = −log q_y: the negative log-likelihood of the label.")
      // Maximum likelihood: fit the logits of a categorical distribution to samples.
      var rng = cell.generator()
      let truth = [0.5, 0.3, 0.2]
      let samples = (0..<50).map { _ -> Int in
        let u = rng.nextUnit()
        return u < truth[0] ? 0 : (u < truth[0] + truth[1] ? 1 : 2)
      }
      let counts = (0..<3).map { c in samples.filter { $0 == c }.count }
      let z = Tensor([0.0, 0.0, 0.0], requiresGrad: true)
      let optimizer = SGD(parameters: [z], learningRate: 1)
      for _ in 0..<500 {
        optimizer.step { softmaxCrossEntropy(logits: z.reshaped([1, 3]).broadcasted(to: [50, 3]), labels: samples) }
      }
      let fitted = z.softmax(axis: 0).scalars
      func nll(_ probabilities: [Double]) -> Double { -samples.map { log(probabilities[$0]) }.reduce(0, +) / 50 }
      cell.line(
        "50 samples of a categorical distribution \(Format.vector(truth)); counts \(counts.map(String.init).joined(separator: ", "))."
      )
      cell.line("logits z fitted by gradient descent on the mean cross-entropy (500 steps, η = 1, from z = 0):")
      cell.vector("  softmax(z)", fitted, digits: 5)
      cell.vector("  counts / 50", counts.map { Double($0) / 50 }, digits: 5)
      cell.line(
        "  mean NLL at softmax(z) \(Format.number(nll(fitted), digits: 5)), at the true distribution \(Format.number(nll(truth), digits: 5))"
      )
      cell.line("The minimum is the frequencies in the sample, the maximum-likelihood estimate, not the truth.")
      notebook.result("mle_fitted", fitted)
      notebook.result("entropy_kl_cross", [entropy, kl, cross])
    }
  }

  func labelSmoothingCell(_ notebook: Notebook) {
    notebook.cell("label-smoothing", "Label smoothing and the network's confidence") { cell in
      let (steps, batch, seeds) = (800, 40, 5)
      let epsilons = [0.0, 0.1, 0.2]
      var rows = [[[TableEntry]]](repeating: [], count: epsilons.count)  // [ε][seed], printed by ε then seed
      var nlls: [[Double]] = []  // [seed][ε]
      for seed in 1...seeds {
        // Seed s draws its own data, start and mini-batches; every ε within a seed shares them.
        var data = cell.generator("data-\(seed)")
        let (X, y, Xv, yv) = moons(train: 200, valid: 400, noise: 0.2, using: &data)
        let (labels, validLabels) = (y.scalars.map { Int($0) }, yv.scalars.map { Int($0) })
        let points = X.rows  // once: `rows` builds every row's array each time it is read
        nlls.append([])
        for (e, epsilon) in epsilons.enumerated() {
          var weights = cell.generator("weights-\(seed)")
          var batches = cell.generator("batches-\(seed)")
          let model = Classifier(sizes: [2, 32, 32, 2], using: &weights)
          let optimizer = Adam(parameters: model.parameters, learningRate: 0.01)
          // The target: 1 − ε + ε/K on the label, ε/K elsewhere (K = 2 classes).
          func targets(_ labels: [Int]) -> Tensor {
            Tensor(labels.map { label in (0..<2).map { $0 == label ? 1 - epsilon + epsilon / 2 : epsilon / 2 } })
          }
          _ = notebook.train("seed \(seed), ε = \(Format.number(epsilon))", epochs: steps, unit: "step") { _ in
            let picked = (0..<batch).map { _ in batches.nextInt(in: 0..<labels.count) }
            let xb = Tensor(picked.map { points[$0] })
            return optimizer.step {
              -(model(xb).logSoftmax(axis: -1) * targets(picked.map { labels[$0] })).sum() / Double(batch)
            }
          }
          let logits = inBlocks(Xv) { model($0) }
          let probabilities = logits.softmax(axis: -1).rows
          let confidence = probabilities.map { $0.max()! }.reduce(0, +) / Double(probabilities.count)
          let nll = softmaxCrossEntropy(logits: logits, labels: validLabels).item
          let right = zip(probabilities, validLabels).filter { ($0[1] > $0[0] ? 1 : 0) == $1 }.count
          let wrongConfidence = zip(probabilities, validLabels).filter { ($0[1] > $0[0] ? 1 : 0) != $1 }.map {
            $0.0.max()!
          }
          rows[e].append([
            Format.number(epsilon), seed, Double(right) / 400, nll, confidence,
            wrongConfidence.isEmpty ? .nan : wrongConfidence.reduce(0, +) / Double(wrongConfidence.count),
          ])
          nlls[seed - 1].append(nll)
          notebook.result("smoothing_\(seed)_\(Format.number(epsilon))", [Double(right) / 400, nll, confidence])
        }
      }
      cell.line("2-32-32-2 ReLU network, two moons (200 training, 400 validation points, noise 0.2), softmax")
      cell.line("cross-entropy against smoothed targets, Adam η = 0.01, \(steps) steps of \(batch):")
      cell.table(
        ["ε", "seed", "valid acc.", "valid NLL", "mean max prob.", "mean max prob. when wrong"], rows.flatMap { $0 },
        digits: 3)
      for (index, epsilon) in epsilons.dropFirst().enumerated() {
        let rose = nlls.filter { $0[index + 1] > $0[0] }.count
        cell.line("ε = \(Format.number(epsilon)) against ε = 0: the validation NLL rose in \(rose) of \(seeds) seeds")
      }
      cell.line("A smoothed target is never 0 or 1, so the loss stops rewarding logits that grow without bound:")
      cell.line("the largest probability the loss asks for is 1 − ε/2.")
    }
  }
}
