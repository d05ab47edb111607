// Capstone.swift — a small MLP trained on two moons, then the sources' 2-3-1 shape on the same data.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// One network of the capstone after training: its loss curve and its accuracy after every epoch.
struct FittedNetwork {
  let id: String
  let name: String
  let model: MLP
  let run: TrainingRun
  let trainAccuracy: [Double]
  let testAccuracy: [Double]
}

extension GradientDescent {
  /// Trains `model` on (X, y) with Adam, full batch, recording loss and train/test accuracy per epoch.
  func fit(
    _ model: MLP, _ label: String, notebook: Notebook, train: (X: Tensor, y: Tensor), test: (X: Tensor, y: Tensor),
    epochs: Int, learningRate: Double
  ) -> (run: TrainingRun, trainAccuracy: [Double], testAccuracy: [Double]) {
    func accuracy(_ X: Tensor, _ y: Tensor) -> Double {
      let p = withoutGradient { model(X).sigmoid().scalars }
      return Double(zip(p, y.scalars).filter { ($0 > 0.5 ? 1.0 : 0.0) == $1 }.count) / Double(p.count)
    }
    let optimizer = Adam(parameters: model.parameters, learningRate: learningRate)
    var trainAccuracy: [Double] = []
    var testAccuracy: [Double] = []
    let run = notebook.train(label, epochs: epochs) { _ in
      let loss = optimizer.step { sigmoidCrossEntropy(logits: model(train.X), labels: train.y) }
      trainAccuracy.append(accuracy(train.X, train.y))
      testAccuracy.append(accuracy(test.X, test.y))
      return loss
    }
    return (run, trainAccuracy, testAccuracy)
  }

  func capstoneCells(_ notebook: Notebook) throws {
    var data = notebook.generator("capstone-data")
    let trainData = TwoMoons.make(count: 200, noise: 0.15, using: &data)
    let testData = TwoMoons.make(count: 200, noise: 0.15, using: &data)
    let train = (X: Tensor(trainData.points), y: Tensor(trainData.labels).reshaped([-1, 1]))  // [200, 2], [200, 1]
    let test = (X: Tensor(testData.points), y: Tensor(testData.labels).reshaped([-1, 1]))
    let epochs = 1000
    let shapes: [(id: String, sizes: [Int], activation: Activation)] = [
      ("mlp", [2, 16, 16, 1], .tanh), ("two-three-one", [2, 3, 1], .sigmoid),
    ]
    var results: [FittedNetwork] = []
    for shape in shapes {
      var rng = notebook.generator("capstone-\(shape.id)/weights")
      let model = MLP(sizes: shape.sizes, activation: shape.activation, using: &rng)
      let name = "\(shape.sizes.map(String.init).joined(separator: "-")) \(shape.activation.rawValue)"
      let (run, trainAccuracy, testAccuracy) = fit(
        model, name, notebook: notebook, train: train, test: test, epochs: epochs, learningRate: 0.01)
      results.append(
        FittedNetwork(
          id: shape.id, name: name, model: model, run: run, trainAccuracy: trainAccuracy, testAccuracy: testAccuracy))
    }

    try notebook.cell(
      "capstone", "A classifier for two moons: 200 training points, 200 test points, Adam η = 0.01, \(epochs) epochs"
    ) { cell in
      cell.table(
        ["network", "parameters", "final loss", "train accuracy", "test accuracy"],
        results.map { [$0.name, $0.model.parameterCount, $0.run.finalLoss ?? .nan, $0.trainAccuracy.last!, $0.testAccuracy.last!] },
        digits: 4)
      for network in results {
        let firstGood =
          network.testAccuracy.firstIndex { $0 >= 0.95 }.map { "first reaches 95% at epoch \($0 + 1)" }
          ?? "never reaches 95%"
        cell.line("\(network.name): \(network.run.summary); test accuracy \(firstGood)")
        notebook.result(
          "capstone_\(network.name.replacingOccurrences(of: " ", with: "_"))_test_accuracy", network.testAccuracy.last!)
      }
      let epochAxis = (1...epochs).map(Double.init)
      try cell.figure(
        LineChart(
          name: "capstone-loss", title: "Two moons: training loss", xLabel: "epoch", yLabel: "binary cross-entropy",
          series: results.map { .init($0.name, x: epochAxis, y: $0.run.losses) }, logY: true))
      try cell.figure(
        LineChart(
          name: "capstone-accuracy", title: "Two moons: accuracy", xLabel: "epoch", yLabel: "accuracy",
          series: results.flatMap { network in
            [
              .init("\(network.name), train", x: epochAxis, y: network.trainAccuracy),
              .init("\(network.name), test", x: epochAxis, y: network.testAccuracy, dashed: true),
            ]
          }))
      for network in results {
        let grid = Grid(x: -1.5...2.5, y: -1...1.5, xCount: 81, yCount: 61) { a, b in
          withoutGradient { network.model(Tensor([a, b])).sigmoid().item }
        }
        try cell.figure(
          ScatterPlot(
            name: "capstone-boundary-\(network.id)", title: "Two moons: the \(network.name) network's decision boundary",
            groups: ScatterPlot.groups(points: trainData.points, labels: trainData.labels), background: grid))
      }
    }

    // Is 2-3-1 too small, or only slow? The same shape, six starting points, three times longer.
    try notebook.cell("two-three-one-longer", "The 2-3-1 network trained longer, from six starting points") { cell in
      let checkpoints = [1000, 3000]
      var rows: [[TableEntry]] = []
      var reached = 0
      for run in 1...6 {
        var rng = cell.generator("run \(run)")
        let model = MLP(sizes: [2, 3, 1], activation: .sigmoid, using: &rng)
        let optimizer = Adam(parameters: model.parameters, learningRate: 0.01)
        var accuracies: [Double] = []
        let training = notebook.train("2-3-1, run \(run)", epochs: checkpoints.last!) { epoch in
          let loss = optimizer.step { sigmoidCrossEntropy(logits: model(train.X), labels: train.y) }
          if checkpoints.contains(epoch) {
            let p = withoutGradient { model(test.X).sigmoid().scalars }
            accuracies.append(Double(zip(p, test.y.scalars).filter { ($0 > 0.5 ? 1.0 : 0.0) == $1 }.count) / 200)
          }
          return loss
        }
        if training.diverged { cell.line("run \(run): \(training.summary)") }
        if (accuracies.last ?? 0) >= 0.95 { reached += 1 }
        rows.append([run] + accuracies.map { $0 as TableEntry } + [training.finalLoss ?? .nan])
      }
      cell.line("2-3-1 sigmoid, Adam η = 0.01, full batch, the same 200 training and 200 test points")
      cell.table(["run", "test accuracy, 1000 epochs", "3000 epochs", "final loss"], rows, digits: 3)
      cell.line("test accuracy ≥ 0.95 after 3000 epochs in \(reached) of 6 runs")
      notebook.result("two_three_one_runs_reaching_95", reached)
    }
  }
}
