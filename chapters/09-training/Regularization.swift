// Regularization.swift — section 4: a large network on a small data set overfits; weight decay
// (as L2 in the loss and decoupled, AdamW), dropout and early stopping, compared on validation.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// A two-hidden-layer ReLU classifier with one logit, optionally with dropout after each hidden layer.
final class Classifier: Module {
  let layers: [Linear]
  let dropouts: [Dropout]

  /// The layers' weights come first from `generator`, then, with dropout, each dropout's masks
  /// (so a model with dropout starts from the same weights as one without).
  init(sizes: [Int], dropout: Double? = nil, using generator: inout SeededGenerator) {
    layers = zip(sizes, sizes.dropFirst()).map { Linear(inputs: $0, outputs: $1, using: &generator) }
    dropouts = dropout.map { p in (0..<(sizes.count - 2)).map { _ in Dropout(probability: p, using: &generator) } } ?? []
  }

  func callAsFunction(_ x: Tensor) -> Tensor {
    var a = x
    for (l, layer) in layers.enumerated() {
      a = layer(a)
      if l < layers.count - 1 {
        a = a.relu()
        if !dropouts.isEmpty { a = dropouts[l](a) }
      }
    }
    return a
  }

  var isTraining: Bool {
    get { dropouts.first?.isTraining ?? true }
    set { for d in dropouts { d.isTraining = newValue } }
  }
}

/// Mean binary cross-entropy and accuracy of a one-logit classifier on (X, y), in blocks.
func evaluate(_ model: Classifier, _ X: Tensor, _ y: Tensor) -> (loss: Double, accuracy: Double) {
  let training = model.isTraining
  model.isTraining = false
  defer { model.isTraining = training }
  let logits = inBlocks(X) { model($0) }
  let loss = sigmoidCrossEntropy(logits: logits, labels: y).item
  let right = zip(logits.scalars, y.scalars).filter { ($0 > 0 ? 1.0 : 0.0) == $1 }.count
  return (loss, Double(right) / Double(y.count))
}

extension Training {
  func overfittingCell(_ notebook: Notebook) throws {
    try notebook.cell("overfitting", "A large network on 40 points: overfitting and four remedies") { cell in
      var data = cell.generator("data")
      let (X, y, Xv, yv) = moons(train: 40, valid: 400, noise: 0.3, using: &data)
      // A test set drawn after the other two, touched only to report: the best step is chosen on
      // the validation points, so the validation loss there is an optimistic estimate.
      let testData = TwoMoons.make(count: 400, noise: 0.3, using: &data)
      let (Xt, yt) = (Tensor(testData.points), Tensor(testData.labels).reshaped([-1, 1]))
      let (steps, every, rate) = (1500, 25, 0.01)
      let sizes = [2, 48, 48, 1]
      let configurations: [(name: String, l2: Double, decay: Double, dropout: Double?)] = [
        ("none", 0, 0, nil), ("L2 on W in the loss, λ = 0.01", 0.01, 0, nil),
        ("AdamW on W and b, λ = 0.5", 0, 0.5, nil),
        ("dropout p = 0.3", 0, 0, 0.3),
      ]
      var rows: [[TableEntry]] = []
      var curves: [LineChart.Series] = []
      var parameterCount = 0
      for configuration in configurations {
        var weights = cell.generator("weights")  // the same start for every configuration
        let model = Classifier(sizes: sizes, dropout: configuration.dropout, using: &weights)
        let optimizer = AdamW(parameters: model.parameters, learningRate: rate, weightDecay: configuration.decay)
        parameterCount = model.parameterCount
        var validation: [(step: Int, loss: Double)] = []
        var training: [Double] = []
        var kept: (step: Int, loss: Double, weights: [[Double]])?  // early stopping's copy of the best weights
        let run = notebook.train(configuration.name, epochs: steps, unit: "step") { step in
          let loss = optimizer.step {
            var loss = sigmoidCrossEntropy(logits: model(X), labels: y)
            if configuration.l2 > 0 {
              loss = loss + configuration.l2 / 2 * model.layers.map { $0.W.pow(2).sum() }.reduce(Tensor(0.0), +)
            }
            return loss
          }
          if step % every == 0 {
            let valid = evaluate(model, Xv, yv).loss
            validation.append((step, valid))
            training.append(evaluate(model, X, y).loss)
            if valid < kept?.loss ?? .infinity { kept = (step, valid, model.parameters.map(\.scalars)) }
          }
          return loss
        }
        let (final, finalTest) = (evaluate(model, Xv, yv), evaluate(model, Xt, yt))
        let best = kept!
        for (p, values) in zip(model.parameters, best.weights) { p.scalars = values }
        let stoppedTest = evaluate(model, Xt, yt)
        rows.append([
          configuration.name, training.last!, final.loss, finalTest.loss, finalTest.accuracy, best.step, best.loss,
          stoppedTest.loss, stoppedTest.accuracy,
        ])
        curves.append(
          .init("\(configuration.name): validation", x: validation.map { Double($0.step) }, y: validation.map(\.loss)))
        if configuration.name == "none" {
          curves.append(.init("none: training", x: validation.map { Double($0.step) }, y: training, dashed: true))
          notebook.result("overfit_validation", validation.map(\.loss))
        }
        notebook.result(
          "overfit_\(configuration.name.prefix(4))",
          [training.last!, final.loss, finalTest.loss, best.loss, stoppedTest.loss, stoppedTest.accuracy])
        if run.diverged { cell.line("\(configuration.name): \(run.summary)") }
      }
      cell.line(
        "\(sizes.map(String.init).joined(separator: "-")) ReLU network (\(parameterCount) parameters), two moons with noise 0.3: 40 training,"
      )
      cell.line(
        "400 validation and 400 test points; Adam(W), η = \(Format.number(rate)), full batch, \(steps) steps; losses are binary cross-entropy."
      )
      cell.line(
        "train, valid, test: the losses after all \(steps) steps; best step: the lowest validation loss, checked every \(every) steps:"
      )
      cell.table(
        [
          "regularization", "train", "valid", "test", "test acc.", "best step", "valid there", "test there",
          "test acc. there",
        ], rows, digits: 3)
      cell.line("The best step is chosen on the validation points, so its validation loss is optimistic; the test")
      cell.line("points, used for nothing else, give the estimate.")
      try cell.figure(
        LineChart(
          name: "overfitting", title: "Training and validation loss, 40 training points", xLabel: "step",
          yLabel: "binary cross-entropy", series: curves, logY: true))
    }
  }

  func dropoutCell(_ notebook: Notebook) {
    notebook.cell("dropout", "Inverted dropout: the same in expectation as evaluation") { cell in
      var masks = cell.generator("masks")
      let dropout = Dropout(probability: 0.3, using: &masks)
      let x = Tensor([0.5, -1.0, 2.0, 0.25, 1.5, -0.75])
      let mask = dropout.peekMask(x.shape)
      let once = withoutGradient { dropout(x) }
      cell.vector("x", x.scalars)
      cell.vector("mask m (1 kept)", mask.scalars)
      cell.vector("training: x ⊙ m / (1 − 0.3)", once.scalars, digits: 4)
      var total = [Double](repeating: 0, count: x.count)
      let draws = 20000
      for _ in 0..<draws { total = zip(total, withoutGradient { dropout(x) }.scalars).map(+) }
      let mean = total.map { $0 / Double(draws) }
      dropout.isTraining = false
      cell.vector("mean over \(draws) masks", mean, digits: 4)
      cell.vector("evaluation: x", withoutGradient { dropout(x) }.scalars)
      let worst = zip(mean, x.scalars).map { abs($0 - $1) / abs($1) }.max()!
      cell.line(
        "largest relative difference \(Format.number(100 * worst, digits: 2))%: each kept unit is scaled by 1/(1 − p), so E[x ⊙ m/(1 − p)] = x"
      )
      cell.line(
        "and evaluation needs no correction. (Standard error of a mean of \(draws) draws: about √(p/(1 − p)/\(draws)) = \(Format.number(100 * (0.3 / 0.7 / Double(draws)).squareRoot(), digits: 2))% of x.)"
      )
      notebook.result("dropout_mean", mean)
    }
  }

  func decouplingCell(_ notebook: Notebook) {
    notebook.cell("decoupled-decay", "Why AdamW is not Adam with L2") { cell in
      // Two parameters: the loss pulls p₁ hard (∂L/∂p₁ = 10) and ignores p₂ (∂L/∂p₂ = 0).
      let (rate, lambda) = (0.01, 0.1)
      let coupled = Tensor([1.0, 1.0], requiresGrad: true)
      let decoupled = Tensor([1.0, 1.0], requiresGrad: true)
      let adam = Adam(parameters: [coupled], learningRate: rate)
      let adamW = AdamW(parameters: [decoupled], learningRate: rate, weightDecay: lambda)
      var rows: [[TableEntry]] = []
      var (step, crossed, atHundred) = (0, 0, 0.0)
      // Run until p₂ under Adam + L2 first reaches 0 or passes it (at most 1000 steps).
      while crossed == 0 && step < 1000 {
        step += 1
        adam.step { (coupled * Tensor([10.0, 0])).sum() + lambda / 2 * coupled.pow(2).sum() }
        adamW.step { (decoupled * Tensor([10.0, 0])).sum() }
        if coupled.scalars[1] <= 0 { crossed = step }
        if step == 100 { atHundred = coupled.scalars[1] }
        if [1, 10, 50, 100, 200, 300].contains(step) { rows.append([step, coupled.scalars[1], decoupled.scalars[1]]) }
      }
      cell.line(
        "L = 10·p₁ (p₂ does not matter to the loss), p = (1, 1), η = \(Format.number(rate)), λ = \(Format.number(lambda)); p₂ over the steps:"
      )
      cell.table(["step", "Adam + L2 (λ/2·‖p‖² in L)", "AdamW"], rows, digits: 4)
      let perStep = (1 - atHundred) / 100 / rate
      cell.line("With L2 the decay λp₂ is p₂'s whole gradient, and Adam divides every gradient by its own running")
      cell.line(
        "size: over the first 100 steps p₂ moved by \(Format.number(perStep, digits: 2))·η per step on average, against ηλ·p₂ ≤ \(Format.number(rate * lambda))"
      )
      cell.line(
        "for AdamW, and reached 0 at step \(crossed). AdamW shrinks every weight by the same factor 1 − ηλ per step,")
      cell.line(
        "(1 − \(Format.number(rate * lambda)))¹⁰⁰ = \(Format.number(pow(1 - rate * lambda, 100), digits: 4)), whatever its gradient."
      )
      notebook.result("decoupling_p2", [atHundred, Double(crossed), coupled.scalars[1], decoupled.scalars[1]])
    }
  }

  func decayEquivalenceCell(_ notebook: Notebook) {
    notebook.cell("l2-or-decay", "L2 in the loss equals weight decay for SGD, not for Adam") { cell in
      var data = cell.generator("data")
      let points = TwoMoons.make(count: 40, noise: 0.3, using: &data)
      let (X, y) = (Tensor(points.points), Tensor(points.labels).reshaped([-1, 1]))
      let (steps, lambda) = (200, 0.01)
      func model() -> Classifier {
        var weights = cell.generator("weights")  // the same start for all four runs
        return Classifier(sizes: [2, 48, 48, 1], using: &weights)
      }
      func loss(_ m: Classifier) -> Tensor { sigmoidCrossEntropy(logits: m(X), labels: y) }
      // λ/2·‖θ‖² over every parameter, biases included, as AdamW and the manual decay below decay them all.
      func penalty(_ m: Classifier) -> Tensor {
        lambda / 2 * m.parameters.map { $0.pow(2).sum() }.reduce(Tensor(0.0), +)
      }
      /// θ ← (1 − ηλ)·θ − η·∂L/∂θ, with the gradient taken at θ before the decay.
      func decoupledStep(_ optimizer: any Optimizer, _ m: Classifier, rate: Double) {
        optimizer.zeroGradients()
        loss(m).backward()
        for p in m.parameters { p.scalars = p.scalars.map { $0 * (1 - rate * lambda) } }
        optimizer.update()  // the update alone: the decay sits between the backward pass and it
      }
      func largestDifference(_ a: Classifier, _ b: Classifier) -> Double {
        zip(a.parameters, b.parameters).map { p, q in zip(p.scalars, q.scalars).map { abs($0 - $1) }.max()! }.max()!
      }
      func size(_ m: Classifier) -> Double { m.parameters.map { $0.pow(2).sum().item }.reduce(0, +).squareRoot() }
      // SGD: the gradient of λ/2·‖θ‖² is λθ, and θ − η(g + λθ) = (1 − ηλ)θ − ηg, the same update.
      let sgdRate = 0.1
      let (sgdL2, sgdDecay) = (model(), model())
      let sgdL2Optimizer = SGD(parameters: sgdL2.parameters, learningRate: sgdRate)
      let sgdDecayOptimizer = SGD(parameters: sgdDecay.parameters, learningRate: sgdRate)
      // Adam: the L2 gradient λθ is divided by √ŝ with the rest; AdamW's decay is not.
      let adamRate = 0.01
      let (adamL2, adamW) = (model(), model())
      let adamL2Optimizer = Adam(parameters: adamL2.parameters, learningRate: adamRate)
      let adamWOptimizer = AdamW(parameters: adamW.parameters, learningRate: adamRate, weightDecay: lambda)
      for _ in 0..<steps {
        sgdL2Optimizer.step { loss(sgdL2) + penalty(sgdL2) }
        decoupledStep(sgdDecayOptimizer, sgdDecay, rate: sgdRate)
        adamL2Optimizer.step { loss(adamL2) + penalty(adamL2) }
        adamWOptimizer.step { loss(adamW) }
      }
      let (sgdDifference, adamDifference) = (largestDifference(sgdL2, sgdDecay), largestDifference(adamL2, adamW))
      cell.line(
        "the 2-48-48-1 network on 40 two-moons points, \(steps) full-batch steps, λ = \(Format.number(lambda)) on every parameter, biases too:"
      )
      cell.table(
        ["optimizer", "L2 in the loss: ‖θ‖", "decay outside the gradient: ‖θ‖", "largest |θ_L2 − θ_decay|"],
        [
          ["SGD, η = \(Format.number(sgdRate))", size(sgdL2), size(sgdDecay), Format.within(sgdDifference, 1e-12)],
          [
            "Adam / AdamW, η = \(Format.number(adamRate))", size(adamL2), size(adamW),
            Format.number(adamDifference, digits: 3),
          ],
        ], digits: 4)
      cell.line("For SGD the two are one update written twice (the difference is rounding); Adam divides the L2")
      cell.line("term by each parameter's gradient size, so the two runs part: that difference is what AdamW is for.")
      notebook.result("l2_or_decay", [sgdDifference < 1e-12 ? 0 : sgdDifference, adamDifference])
    }
  }
}
