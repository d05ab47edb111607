// 05-gradient-descent — the update rule on a parabola, the sources' linear regression, learning
// rates that crawl and diverge, momentum and Adam on hard surfaces, mini-batches, and a
// trained classifier.
//
// Shapes (regression): x, y [5, 1]; w [1, 1], b [1].

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

@main
struct GradientDescent: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "05-gradient-descent",
    abstract: "Gradient descent: step by step, learning rates, momentum and Adam, mini-batches, a trained classifier.")
  static let defaultSeed: UInt64 = 5
  @OptionGroup var options: ChapterOptions

  /// Article 001's data (L254–255).
  static let xs: [Double] = [1, 2, 3, 4, 5]
  static let ys: [Double] = [2, 4, 5, 6, 7]
  /// The same data as a batch of five one-feature inputs and targets, `[5, 1]` each (a fresh
  /// tensor on each use, so no cell can change another's).
  static var x: Tensor { Tensor(xs).reshaped([5, 1]) }
  static var y: Tensor { Tensor(ys).reshaped([5, 1]) }

  func lesson(_ notebook: Notebook) throws {
    parabolaCell(notebook)
    let regression = try regressionCell(notebook)
    try learningRateCell(notebook)
    try optimizerCells(notebook)
    try miniBatchCell(notebook)
    try capstoneCells(notebook)
    sourceChecks(notebook, regression: regression)
  }

  // MARK: - One variable

  func parabolaCell(_ notebook: Notebook) {
    notebook.cell("parabola", "Gradient descent on f(w) = (w − 3)², from w = 0, η = 0.1") { cell in
      cell.line("w ← w − η·f′(w),  f′(w) = 2(w − 3)")
      var rows: [[TableEntry]] = []
      let w = Tensor(0.0, requiresGrad: true)
      for step in 0...10 {
        let f = (w - 3).pow(2)
        f.backward()
        rows.append([step, w.item, f.item, w.grad!.item])
        w.scalars[0] -= 0.1 * w.grad!.item
        w.grad = nil
      }
      cell.table(["step", "w", "f(w)", "f′(w)"], rows)
      cell.line("Each step removes the same fraction of the distance to 3: w − 3 is multiplied by 1 − 2η = 0.8.")
    }
  }

  // MARK: - The sources' linear regression

  /// What the regression cell found, for the source checks.
  struct Regression {
    let loggedEpochs: [Int]
    let loggedLosses: [Double]
    let predictions: [Double]
    let leastSquares: (w: Double, b: Double, loss: Double)
    let finalLossesFromCorners: [Double]
  }

  /// Article 001's training loop: Linear(1, 1), MSE (mean), SGD lr 0.01, 100 full-batch epochs.
  ///
  /// The one loop of the book written out step by step, on purpose, as the article writes it;
  /// every other loop is `optimizer.step { loss }`, which does these four lines.
  func trainRegression(_ notebook: Notebook, w0: Double, b0: Double, learningRate: Double = 0.01, epochs: Int = 100)
    -> (run: TrainingRun, model: Linear)
  {
    let model = Linear(W: Tensor([[w0]]), b: Tensor([b0]))
    let optimizer = SGD(parameters: model.parameters, learningRate: learningRate)
    let (x, y) = (Self.x, Self.y)  // [5, 1], [5, 1]
    let run = notebook.train("article 001's regression", epochs: epochs) { _ in
      optimizer.zeroGradients()
      let loss = meanSquaredError(predicted: model(x), expected: y)  // computed before the step, as in the article
      loss.backward()
      optimizer.update()
      return loss.item
    }
    return (run, model)
  }

  func regressionCell(_ notebook: Notebook) throws -> Regression {
    // PyTorch draws Linear(1, 1)'s weight and bias from U(−1, 1); so do we, from our seed.
    var initial = notebook.generator("regression")
    let w0 = -1 + 2 * initial.nextUnit()
    let b0 = -1 + 2 * initial.nextUnit()
    let (run, model) = trainRegression(notebook, w0: w0, b0: b0)
    let losses = run.losses
    let x = Self.x
    let predictions = withoutGradient { model(x).scalars }
    // Least squares: w* = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b* = ȳ − w*·x̄.
    let (xBar, yBar) = (Self.xs.reduce(0, +) / 5, Self.ys.reduce(0, +) / 5)
    let covariance: Double = zip(Self.xs, Self.ys).map { ($0 - xBar) * ($1 - yBar) }.reduce(0, +)
    let variance: Double = Self.xs.map { ($0 - xBar) * ($0 - xBar) }.reduce(0, +)
    let wStar = covariance / variance
    let bStar = yBar - wStar * xBar
    let bestLoss = meanSquaredError(predicted: Tensor(Self.xs.map { wStar * $0 + bStar }), expected: Tensor(Self.ys))
      .item
    // The article prints when epoch % 10 == 0, labelled epoch + 1.
    let logged = stride(from: 0, to: 100, by: 10).map { $0 }
    /// The MSE at the model's current (w, b): after its last update, unlike the logged losses.
    func currentLoss(_ model: Linear) -> Double {
      withoutGradient { meanSquaredError(predicted: model(Self.x), expected: Self.y).item }
    }
    let finalLoss = currentLoss(model)
    let corners = [(-1.0, -1.0), (-1, 1), (1, -1), (1, 1)].map { currentLoss(trainRegression(notebook, w0: $0.0, b0: $0.1).model) }

    try notebook.cell("regression", "Article 001's linear regression: x = 1…5, y = 2, 4, 5, 6, 7, η = 0.01, 100 epochs")
    { cell in
      cell.line("model ŷ = w·x + b (Linear(1, 1)), loss (1/5) Σ (ŷ − y)², SGD, full batch")
      cell.line(
        "initial w = \(Format.number(w0, digits: 5)), b = \(Format.number(b0, digits: 5)) (uniform on [−1, 1], seed \(notebook.seed))"
      )
      cell.line("the article's log, which prints after epochs with epoch % 10 == 0 the loss computed before that epoch's update:")
      cell.table(["printed label", "loss"], logged.map { ["Epoch [\($0 + 1)/100]", losses[$0]] }, digits: 5)
      cell.value("loss computed in epoch 100, before its update", losses.last!, digits: 5)
      cell.table(
        ["", "w", "b", "MSE"],
        [
          ["gradient descent, after 100 updates", model.W.item, model.b.item, finalLoss],
          ["least squares (the minimum)", wStar, bStar, bestLoss],
        ], digits: 5)
      cell.table(
        ["x", "y", "ŷ after training", "ŷ least squares"],
        (0..<5).map { [Self.xs[$0], Self.ys[$0], predictions[$0], wStar * Self.xs[$0] + bStar] }, digits: 5)
      cell.line(
        "The five points are not on one line, so no (w, b) has zero loss: the minimum MSE is \(Format.number(bestLoss, digits: 5))."
      )
      cell.line(
        "MSE after 100 updates from the four corners of the initial range [−1, 1]²: \(Format.vector(corners, digits: 4))")
      notebook.result("regression_final_loss", finalLoss)
      notebook.result("least_squares", [wStar, bStar, bestLoss])
      try cell.figure(
        LineChart(
          name: "regression-loss", title: "Article 001's regression: loss per epoch (η = 0.01)", xLabel: "epoch",
          yLabel: "MSE",
          series: [
            .init("gradient descent", x: (1...losses.count).map(Double.init), y: losses),
            .init("least-squares minimum", x: [1, Double(losses.count)], y: [bestLoss, bestLoss], dashed: true),
          ], logY: true))
      let line = Tensor.linspace(0, 6, count: 2).scalars
      try cell.figure(
        LineChart(
          name: "regression-fit", title: "The data, the line after 100 epochs, and the least-squares line", xLabel: "x",
          yLabel: "y",
          series: [
            .init("data", x: Self.xs, y: Self.ys, points: true),
            .init("after 100 epochs", x: line, y: line.map { model.W.item * $0 + model.b.item }),
            .init("least squares", x: line, y: line.map { wStar * $0 + bStar }, dashed: true),
          ]))
    }
    return Regression(
      loggedEpochs: logged.map { $0 + 1 }, loggedLosses: logged.map { losses[$0] }, predictions: predictions,
      leastSquares: (wStar, bStar, bestLoss), finalLossesFromCorners: corners)
  }

  // MARK: - Learning rates

  func learningRateCell(_ notebook: Notebook) throws {
    try notebook.cell("learning-rate", "The same regression with four learning rates") { cell in
      // The Hessian of the mean squared error is (2/n)·[[Σx², Σx], [Σx, n]]; η must stay below 2/λ_max.
      let (sxx, sx, n) = (Self.xs.map { $0 * $0 }.reduce(0, +), Self.xs.reduce(0, +), 5.0)
      let (trace, det) = ((2 / n) * (sxx + n), (2 / n) * (2 / n) * (sxx * n - sx * sx))
      let lambdaMax = trace / 2 + (trace * trace / 4 - det).squareRoot()
      let lambdaMin = trace / 2 - (trace * trace / 4 - det).squareRoot()
      cell.line(
        "Hessian eigenvalues λ = \(Format.number(lambdaMax, digits: 4)) and \(Format.number(lambdaMin, digits: 4)): steps are stable for η < 2/λ_max = \(Format.number(2 / lambdaMax, digits: 4))."
      )
      var series: [LineChart.Series] = []
      var rows: [[TableEntry]] = []
      for rate in [0.001, 0.01, 0.05, 0.09] {
        let model = Linear(W: Tensor([[0.0]]), b: Tensor([0.0]))
        let optimizer = SGD(parameters: model.parameters, learningRate: rate)
        let (x, y) = (Self.x, Self.y)
        let run = notebook.train("η = \(rate)", epochs: 200) { _ in
          optimizer.step { meanSquaredError(predicted: model(x), expected: y) }
        }
        rows.append(["η = \(Format.number(rate))", run.summary])
        series.append(.init("η = \(Format.number(rate))", x: (1...run.losses.count).map(Double.init), y: run.losses))
        notebook.result(
          "learning_rate_\(rate)", run.diverged ? "diverged at epoch \(run.divergedAt!)" : "\(run.finalLoss!)")
      }
      cell.table(["learning rate", "200 epochs from w = b = 0"], rows)
      cell.line(
        "Too small crawls; too large overshoots further at every step, until the loss passes the notebook's limit of 10¹² and the run is stopped, not left to print inf and nan."
      )
      try cell.figure(
        LineChart(
          name: "learning-rates", title: "Loss per epoch for four learning rates", xLabel: "epoch", yLabel: "MSE",
          series: series, logY: true))
    }
  }

  // MARK: - Mini-batches

  func miniBatchCell(_ notebook: Notebook) throws {
    try notebook.cell("mini-batch", "Full batch against mini-batches of one point") { cell in
      let (x, y) = (Self.x, Self.y)
      var series: [LineChart.Series] = []
      var rows: [[TableEntry]] = []
      for batchSize in [5, 1] {
        let model = Linear(W: Tensor([[0.0]]), b: Tensor([0.0]))
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.01)
        var rng = cell.generator("order")  // the same orders for both batch sizes
        let run = notebook.train("batches of \(batchSize)", epochs: 100) { _ in
          let order = rng.permutation(5)
          for start in stride(from: 0, to: 5, by: batchSize) {
            let batch = Array(order[start..<min(start + batchSize, 5)])
            optimizer.step { meanSquaredError(predicted: model(x.gathered(batch)), expected: y.gathered(batch)) }
          }
          return withoutGradient { meanSquaredError(predicted: model(x), expected: y).item }
        }
        if run.diverged { cell.line("batches of \(batchSize): \(run.summary)") }
        let epochLosses = run.losses
        // Jitter is the loss going up: a spread around a mean would also count a steady fall.
        let rises = zip(epochLosses, epochLosses.dropFirst()).filter { $1 > $0 }.count
        rows.append([batchSize == 5 ? "full batch (5)" : "mini-batch of 1", 5 / batchSize, epochLosses.last!, rises])
        series.append(
          .init(batchSize == 5 ? "full batch" : "batches of 1", x: (1...100).map(Double.init), y: epochLosses))
      }
      cell.line("both from w = b = 0, η = 0.01, 100 epochs; the loss is measured over all five points after each epoch")
      cell.table(["", "steps per epoch", "MSE after 100 epochs", "epochs in which the loss rose"], rows, digits: 4)
      try cell.figure(
        LineChart(
          name: "mini-batch", title: "Loss over the whole data set, per epoch (η = 0.01)", xLabel: "epoch",
          yLabel: "MSE",
          series: series, logY: true))
    }
  }
}
