// Schedules.swift — section 5: the learning rate over time (constant, step decay, warm-up and
// cosine) on one problem, and gradient clipping on a stack whose gradients explode.

import Autograd
import Foundation
import Notebook
import Plot

extension Training {
  func schedulesCell(_ notebook: Notebook) throws {
    try notebook.cell("schedules", "Three learning-rate schedules on one problem") { cell in
      var data = cell.generator("data")
      let (X, y, Xv, yv) = moons(train: 200, valid: 400, noise: 0.2, using: &data)
      let (steps, batch) = (600, 32)
      let (points, labels) = (X.rows, y.scalars)  // once: `rows` builds every row's array each time it is read
      let schedules: [(String, LearningRateSchedule)] = [
        ("constant 0.1", .constant(0.1)),
        ("step: 0.1, ×0.2 every 200", .stepDecay(initial: 0.1, every: 200, factor: 0.2)),
        ("warm-up 50 + cosine, peak 0.2", .warmupCosine(peak: 0.2, warmup: 50, total: steps, floor: 0.001)),
      ]
      var rows: [[TableEntry]] = []
      var lossCurves: [LineChart.Series] = []
      var rateCurves: [LineChart.Series] = []
      for (name, schedule) in schedules {
        var weights = cell.generator("weights")
        var batches = cell.generator("batches")  // the same mini-batches for every schedule
        let model = Classifier(sizes: [2, 32, 32, 1], using: &weights)
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.1, momentum: 0.9)
        var curve: [(Double, Double)] = []
        let run = notebook.train(name, epochs: steps, unit: "step") { step in
          optimizer.learningRate = schedule.rate(at: step - 1)
          let rows = (0..<batch).map { _ in batches.nextInt(in: 0..<X.shape[0]) }
          let (xb, yb) = (Tensor(rows.map { points[$0] }), Tensor(rows.map { [labels[$0]] }))
          let loss = optimizer.step { sigmoidCrossEntropy(logits: model(xb), labels: yb) }
          if step % 20 == 0 { curve.append((Double(step), evaluate(model, X, y).loss)) }
          return loss
        }
        let (train, valid) = (evaluate(model, X, y), evaluate(model, Xv, yv))
        rows.append([name, train.loss, valid.loss, valid.accuracy, curve.map(\.1).min()!])
        lossCurves.append(.init(name, x: curve.map(\.0), y: curve.map(\.1)))
        rateCurves.append(.init(name, x: (0..<steps).map(Double.init), y: (0..<steps).map(schedule.rate(at:))))
        notebook.result("schedule_\(name.prefix(4))", [train.loss, valid.loss, valid.accuracy])
        if run.diverged { cell.line("\(name): \(run.summary)") }
      }
      cell.line("2-32-32-1 ReLU network, two moons (noise 0.2, 200 training and 400 validation points),")
      cell.line("SGD with momentum 0.9, mini-batches of \(batch) (the same for each schedule), \(steps) steps:")
      cell.table(
        ["schedule", "train loss", "valid loss", "valid acc.", "lowest train loss (every 20 steps)"], rows, digits: 3)
      try cell.figure(
        LineChart(
          name: "schedules-rate", title: "Learning rate per step", xLabel: "step", yLabel: "η", series: rateCurves))
      try cell.figure(
        LineChart(
          name: "schedules-loss", title: "Training loss under three schedules", xLabel: "step",
          yLabel: "binary cross-entropy (all 200 points)", series: lossCurves, logY: true))
    }
  }

  func clippingCell(_ notebook: Notebook) throws {
    try notebook.cell("clipping", "Exploding gradients, with and without clipping") { cell in
      let (depth, width, batch, steps, rate) = (10, 32, 64, 1500, 0.01)
      let shortBudget = 300
      var inputs = cell.generator("inputs")
      let x = Tensor.normal([batch, width], using: &inputs)
      let target = x.rows.map { [$0[0]] }  // learn to pass the first input through
      // Baselines no training can excuse: the constant 0, and the best constant, the mean target.
      let zeroLoss = target.map { $0[0] * $0[0] }.reduce(0, +) / Double(batch)
      let meanTarget = target.map { $0[0] }.reduce(0, +) / Double(batch)
      let meanLoss = target.map { ($0[0] - meanTarget) * ($0[0] - meanTarget) }.reduce(0, +) / Double(batch)
      var rows: [[TableEntry]] = []
      var curves: [LineChart.Series] = []
      for clip in [nil, 1.0] {
        var weights = cell.generator("weights")
        // He's scale times 1.5: every layer multiplies the signal by about 1.5.
        let stack = DeepStack(
          depth: depth, width: width, activation: .relu, initialization: .he(gain: 1.5 * 2.0.squareRoot()),
          using: &weights)
        let head = Linear(inputs: width, outputs: 1, initialization: .he(gain: 1), using: &weights)
        let parameters = stack.parameters + head.parameters
        let optimizer = SGD(parameters: parameters, learningRate: rate)
        var norms: [Double] = []
        let name = clip.map { "clipped at ‖g‖ = \(Format.number($0))" } ?? "not clipped"
        let run = notebook.train(name, epochs: steps, unit: "step") { _ in
          // Clipping at ∞ measures the norm and clips nothing.
          let step = optimizer.step(clippingGradientNorm: clip ?? .infinity) {
            meanSquaredError(predicted: head(stack.activations(x).last!), expected: Tensor(target))
          }
          norms.append(step.gradientNorm)
          return step.loss
        }
        let beaten = run.losses.firstIndex { $0 < zeroLoss }.map { "\($0 + 1)" } ?? "never"
        func after(_ n: Int) -> TableEntry {
          run.losses.count >= n ? run.losses[n - 1] as TableEntry : "stopped at step \(run.divergedAt!)"
        }
        rows.append([name, run.losses.first ?? .nan, norms.first!, after(shortBudget), beaten, after(steps)])
        curves.append(.init(name, x: run.losses.indices.map { Double($0 + 1) }, y: run.losses))
        notebook.result(
          "clipping_\(clip == nil ? "off" : "on")", run.losses.isEmpty ? [] : [run.losses.first!, run.losses.last!])
        cell.line("\(name): \(run.summary)")
      }
      curves.append(
        .init(
          "predicting 0: \(Format.number(zeroLoss, digits: 4))", x: [1, Double(steps)], y: [zeroLoss, zeroLoss],
          dashed: true))
      cell.line(
        "\(depth) ReLU layers of width \(width) started at 1.5 × He's scale, a linear head; target: the first input;")
      cell.line("plain SGD, η = \(Format.number(rate)), \(batch) fixed inputs, mean squared error.")
      cell.line(
        "A constant prediction: 0 for every input has loss mean(y²) = \(Format.number(zeroLoss, digits: 4)); the best constant, the mean of y, \(Format.number(meanLoss, digits: 4))."
      )
      cell.table(
        [
          "gradients", "loss at step 1", "‖g‖ at step 1", "after \(shortBudget) steps",
          "first step below \(Format.number(zeroLoss, digits: 4))",
          "after \(steps) steps",
        ], rows, digits: 4)
      cell.line(
        "The notebook stops a run at the first loss that is not finite or is above \(Format.number(1e12)) (its divergence limit)."
      )
      try cell.figure(
        LineChart(
          name: "clipping", title: "Loss per step, exploding gradients", xLabel: "step", yLabel: "mean squared error",
          series: curves, logY: true))
    }
  }
}
