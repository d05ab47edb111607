// Capstone.swift — a small MLP trained on two moons, then the sources' 2-3-1 shape on the same data.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

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
    var results: [(String, MLP, TrainingRun, [Double], [Double])] = []
    for shape in shapes {
      var rng = notebook.generator("capstone-\(shape.id)/weights")
      let model = MLP(sizes: shape.sizes, activation: shape.activation, using: &rng)
      let name = "\(shape.sizes.map(String.init).joined(separator: "-")) \(shape.activation.rawValue)"
      let (run, trainAccuracy, testAccuracy) = fit(
        model, name, notebook: notebook, train: train, test: test, epochs: epochs, learningRate: 0.01)
      results.append((name, model, run, trainAccuracy, testAccuracy))
    }

    try notebook.cell(
      "capstone", "A classifier for two moons: 200 training points, 200 test points, Adam η = 0.01, \(epochs) epochs"
    ) { cell in
      cell.table(
        ["network", "parameters", "final loss", "train accuracy", "test accuracy"],
        results.map { name, model, run, trainAccuracy, testAccuracy in
          [name, model.parameterCount, run.finalLoss ?? .nan, trainAccuracy.last!, testAccuracy.last!]
        }, digits: 4)
      for (name, _, run, _, testAccuracy) in results {
        let firstGood =
          testAccuracy.firstIndex { $0 >= 0.95 }.map { "first reaches 95% at epoch \($0 + 1)" } ?? "never reaches 95%"
        cell.line("\(name): \(run.summary); test accuracy \(firstGood)")
        notebook.result("capstone_\(name.replacingOccurrences(of: " ", with: "_"))_test_accuracy", testAccuracy.last!)
      }
      let epochAxis = (1...epochs).map(Double.init)
      try cell.figure(
        LineChart(
          name: "capstone-loss", title: "Two moons: training loss", xLabel: "epoch", yLabel: "binary cross-entropy",
          series: results.map { .init($0.0, x: epochAxis, y: $0.2.losses) }, logY: true))
      try cell.figure(
        LineChart(
          name: "capstone-accuracy", title: "Two moons: accuracy", xLabel: "epoch", yLabel: "accuracy",
          series: results.flatMap { name, _, _, trainAccuracy, testAccuracy in
            [
              .init("\(name), train", x: epochAxis, y: trainAccuracy),
              .init("\(name), test", x: epochAxis, y: testAccuracy, dashed: true),
            ]
          }))
      for (index, (name, model, _, _, _)) in results.enumerated() {
        let grid = Grid(x: -1.5...2.5, y: -1...1.5, xCount: 81, yCount: 61) { a, b in
          withoutGradient { model(Tensor([a, b])).sigmoid().item }
        }
        try cell.figure(
          ScatterPlot(
            name: "capstone-boundary-\(shapes[index].id)", title: "Two moons: the \(name) network's decision boundary",
            groups: ScatterPlot.groups(points: trainData.points, labels: trainData.labels), background: grid))
      }
    }
  }
}
