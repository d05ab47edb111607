// 00-tour — a tour of the notebook: fit a line, check a source's gradient, classify two
// clouds of points, and look at one attention matrix. Every figure kind appears once.
//
// Shapes: n points; x, y [n]; w, b scalars.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

@main
struct Tour: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "00-tour",
    abstract: "A tour of NeuralNotebook: a line fitted by gradient descent, a classifier, an attention matrix.")
  static let defaultSeed: UInt64 = 2024

  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    // MARK: The data: y = 1.5x + 0.5 plus a little noise.
    let n = 9
    let x = Tensor.linspace(-1, 1, count: n)  // [n]
    var data = notebook.generator("data")
    let noise = Tensor.normal([n], standardDeviation: 0.2, using: &data)
    let y = 1.5 * x + 0.5 + noise  // [n]
    notebook.cell("data", "Nine points near the line y = 1.5x + 0.5") { cell in
      cell.table(["i", "x", "y"], (0..<n).map { [$0, x.scalars[$0], y.scalars[$0]] }, digits: 4)
    }

    // MARK: The loss and its gradient, by hand, by the source, and by autograd.
    // L(w, b) = ½ Σᵢ (ŷᵢ − yᵢ)²  with  ŷᵢ = w·xᵢ + b
    func loss(_ w: Tensor, _ b: Tensor) -> Tensor { 0.5 * (w * x + b - y).pow(2).sum() }

    notebook.cell("gradient", "The gradient at w = 0, b = 0") { cell in
      let w = Tensor(0.0, requiresGrad: true)
      let b = Tensor(0.0, requiresGrad: true)
      let L = loss(w, b)
      L.backward()
      let yHat = withoutGradient { w * x + b }
      // The chain rule: ∂L/∂w = Σ (ŷᵢ − yᵢ)·xᵢ, ∂L/∂b = Σ (ŷᵢ − yᵢ).
      let byHand = [((yHat - y) * x).sum().item, (yHat - y).sum().item]
      // Article 001 writes the residual the other way round: Σ (yᵢ − ŷᵢ)·xᵢ and Σ (yᵢ − ŷᵢ).
      let bySource = [((y - yHat) * x).sum().item, (y - yHat).sum().item]
      cell.value("L(0, 0)", L.item)
      cell.table(
        ["", "∂L/∂w", "∂L/∂b"],
        [
          ["autograd", w.grad!.item, b.grad!.item], ["chain rule by hand", byHand[0], byHand[1]],
          ["article 001's formula", bySource[0], bySource[1]],
        ])
      cell.check(
        SourceCheck(
          id: "linreg-gradient-sign", source: "001_12b37fad05da9f4f.txt",
          claim: "L196–202: for L = ½Σ(ŷᵢ − yᵢ)², ∂L/∂w = Σ(yᵢ − ŷᵢ)xᵢ and ∂L/∂b = Σ(yᵢ − ŷᵢ)",
          stated: bySource, computed: [w.grad!.item, b.grad!.item], tolerance: 1e-12,
          note: "The residual is flipped: d/dŷ ½(ŷ − y)² = ŷ − y, so the true gradient is the negative of the "
            + "article's; stepping against the article's gradient would climb the loss."))
      notebook.result("gradient_at_origin", [w.grad!.item, b.grad!.item])
    }

    // MARK: Gradient descent.
    let learningRate = 0.05
    let epochs = 60
    let w = Tensor(0.0, requiresGrad: true)
    let b = Tensor(0.0, requiresGrad: true)
    let optimizer = SGD(parameters: [w, b], learningRate: learningRate)
    var path: [(x: Double, y: Double)] = [(0, 0)]
    let run = notebook.train("gradient descent", epochs: epochs) { _ in
      let L = optimizer.step { loss(w, b) }  // zero the gradients, L, backward, update
      path.append((w.item, b.item))
      return L
    }
    // Least squares in closed form: w* = cov(x, y) / var(x), b* = ȳ − w*·x̄.
    let (xMean, yMean) = (x.mean().item, y.mean().item)
    let wStar = ((x - xMean) * (y - yMean)).sum().item / (x - xMean).pow(2).sum().item
    let bStar = yMean - wStar * xMean

    try notebook.cell("descent", "Gradient descent, η = \(learningRate), \(epochs) epochs") { cell in
      // path[e] holds w and b after e steps.
      let shown = [0, 1, 2, 5, 10, 20, 40, 60].filter { $0 < path.count }
      cell.table(
        ["epoch", "w", "b", "L(w, b)"],
        shown.map { [$0, path[$0].x, path[$0].y, loss(Tensor(path[$0].x), Tensor(path[$0].y)).item] }, digits: 6)
      cell.line(run.summary)
      cell.table(["", "w", "b"], [["gradient descent", w.item, b.item], ["least squares", wStar, bStar]], digits: 6)
      try cell.figure(
        LineChart(
          name: "loss", title: "Loss during gradient descent", xLabel: "epoch", yLabel: "L(w, b)",
          series: [.init("L = ½ Σ (ŷ − y)²", x: (1...run.losses.count).map(Double.init), y: run.losses)], logY: true))
      try cell.figure(
        ContourPlot(
          name: "descent-path", title: "The loss surface L(w, b) and the path of gradient descent",
          xLabel: "w", yLabel: "b",
          surface: Grid(x: -0.5...2.5, y: -1...1.5) { w, b in loss(Tensor(w), Tensor(b)).item },
          paths: [.init("gradient descent, η = \(learningRate)", points: path)], logColor: true))
      notebook.result("w", w.item)
      notebook.result("b", b.item)
      notebook.result("least_squares", [wStar, bStar])
      notebook.result("final_loss", run.losses.last ?? .nan)
    }

    try notebook.cell("slice", "One slice of the surface: L(w) at b = b*, and dL/dw") { cell in
      // dL/dw at each w comes from autograd, not from a formula.
      func dLdw(_ value: Double) -> Double {
        let wv = Tensor(value, requiresGrad: true)
        loss(wv, Tensor(bStar)).backward()
        return wv.grad!.item
      }
      let ws = [0.0, 0.5, 1.0, 1.5, 2.0]
      let slopes = ws.map(dLdw)
      cell.table(
        ["w", "L(w, b*)", "dL/dw"], ws.indices.map { [ws[$0], loss(Tensor(ws[$0]), Tensor(bStar)).item, slopes[$0]] },
        digits: 6)
      // Where the sign changes is read off the table, not assumed.
      if let i = slopes.indices.dropLast().first(where: { slopes[$0] < 0 && slopes[$0 + 1] > 0 }) {
        cell.line(
          "dL/dw changes sign between \(Format.number(ws[i])) and \(Format.number(ws[i + 1])): it is 0 at the "
            + "least-squares slope w* = \(Format.number(wStar, digits: 6)).")
      }
      try cell.figure(
        LineChart.function(
          name: "loss-slice", title: "L(w) at b = b* and its derivative",
          x: Tensor.linspace(-0.5, 3.5, count: 81).scalars, f: { loss(Tensor($0), Tensor(bStar)).item },
          derivative: dLdw, functionLabel: "L(w, b*)", derivativeLabel: "dL/dw", xLabel: "w"))
    }

    // MARK: A classifier: logistic regression on two clouds of points.
    let perClass = 30
    let centers: [(Double, Double)] = [(-1, -0.5), (1, 0.8)]
    var points: [[Double]] = []
    var labels: [Double] = []
    var clouds = notebook.generator("classifier/points")
    for (label, center) in centers.enumerated() {
      for _ in 0..<perClass {
        points.append([
          center.0 + 0.7 * clouds.nextNormal(), center.1 + 0.7 * clouds.nextNormal(),
        ])
        labels.append(Double(label))
      }
    }
    let X = Tensor(points)  // [2·perClass, 2]
    let t = Tensor(labels).reshaped([-1, 1])  // [2·perClass, 1]
    var weights = notebook.generator("classifier/weights")
    let classifier = Linear(inputs: 2, outputs: 1, using: &weights)
    let adam = Adam(parameters: classifier.parameters, learningRate: 0.1)
    let fit = notebook.train("logistic regression", epochs: 150) { _ in
      adam.step { sigmoidCrossEntropy(logits: classifier(X), labels: t) }
    }
    try notebook.cell("classifier", "Logistic regression on two clouds of points") { cell in
      let p = withoutGradient { classifier(X).sigmoid() }  // [2·perClass, 1]
      let correct = zip(p.scalars, labels).filter { ($0 > 0.5 ? 1.0 : 0.0) == $1 }.count
      cell.line(fit.summary)
      cell.tensor("W", classifier.W, digits: 5)
      cell.tensor("b", classifier.b, digits: 5)
      cell.line("training accuracy: \(correct)/\(labels.count)")
      notebook.result("classifier_accuracy", Double(correct) / Double(labels.count))
      try cell.figure(
        ScatterPlot(
          name: "decision-boundary", title: "Two classes and the logistic-regression boundary",
          groups: ScatterPlot.groups(points: points, labels: labels),
          background: Grid(x: -3...3, y: -3...3, xCount: 61, yCount: 61) { a, b in
            withoutGradient { classifier(Tensor([a, b])).sigmoid().item }
          }))
    }

    // MARK: Attention: three queries weigh four keys.
    try notebook.cell("attention", "Attention weights softmax(q·kᵀ/√d) for three queries and four keys") { cell in
      let q = Tensor([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])  // [3, 2]
      let k = Tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [1.0, 1.0]])  // [4, 2]
      let v = Tensor([[1.0], [2.0], [3.0], [4.0]])  // [4, 1]
      let (output, weights) = attention(query: q, key: k, value: v)
      cell.tensor("weights", weights, digits: 4)
      cell.tensor("output", output.reshaped([-1]), digits: 4)
      notebook.result("attention_weights", weights.rows)
      try cell.figure(
        Heatmap(
          name: "attention", title: "Attention weights", values: weights.rows, rowLabels: ["q_1", "q_2", "q_3"],
          columnLabels: ["k_1", "k_2", "k_3", "k_4"], xLabel: "key", yLabel: "query", range: 0...1))
    }
  }
}
