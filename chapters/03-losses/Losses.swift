// 03-losses — mean squared error in both conventions, cross-entropy and binary cross-entropy,
// the gradient ŷ − y that they share with their output activations, and log-sum-exp.
//
// Shapes: n examples; ŷ, y [n] for regression; z [n, c] logits for c classes.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

@main
struct Losses: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "03-losses",
    abstract: "Losses: MSE in two conventions, cross-entropy, binary cross-entropy, and why log-sum-exp.")
  static let defaultSeed: UInt64 = 3
  @OptionGroup var options: ChapterOptions

  /// A regression example: four predictions and their targets.
  static let predictions = [2.5, 0.0, 2.1, 7.8]
  static let targets = [3.0, -0.5, 2.0, 7.0]

  func lesson(_ notebook: Notebook) throws {
    mseCell(notebook)
    crossEntropyCell(notebook)
    binaryCrossEntropyCell(notebook)
    softmaxGradientCell(notebook)
    stabilityCell(notebook)
    try curvesCell(notebook)
    sourceChecks(notebook)
  }

  /// MSE as ½Σ and as the 1/n mean: same minimum, gradients that differ by n/2.
  func mseCell(_ notebook: Notebook) {
    notebook.cell("mse", "Mean squared error, two conventions") { cell in
      let (p, y) = (Self.predictions, Self.targets)
      let n = Double(p.count)
      cell.vector("ŷ", p)
      cell.vector("y", y)
      cell.vector("ŷ − y", zip(p, y).map(-))
      let halfSum = Tensor(p, requiresGrad: true)
      let halfSumLoss = 0.5 * (halfSum - Tensor(y)).pow(2).sum()  // ½ Σ (ŷ − y)²
      halfSumLoss.backward()
      let mean = Tensor(p, requiresGrad: true)
      let meanLoss = meanSquaredError(predicted: mean, expected: Tensor(y))  // (1/n) Σ (ŷ − y)²
      meanLoss.backward()
      cell.table(
        ["convention", "L", "∂L/∂ŷ (autograd)"],
        [
          ["½ Σ (ŷ − y)²", halfSumLoss.item, Format.vector(halfSum.grad!.scalars)],
          ["(1/n) Σ (ŷ − y)²", meanLoss.item, Format.vector(mean.grad!.scalars)],
        ])
      cell.line("∂/∂ŷᵢ of ½ Σ (ŷ − y)² is ŷᵢ − yᵢ; of (1/n) Σ (ŷ − y)² it is (2/n)(ŷᵢ − yᵢ).")
      let ratio = halfSum.grad!.scalars[0] / mean.grad!.scalars[0]
      cell.line(
        "Ratio of the gradients: \(Format.number(ratio)) = n/2 with n = \(Int(n)). Both vanish at ŷ = y: the "
          + "constant moves no minimum, it only rescales the learning rate.")
      notebook.result("mse_half_sum", halfSumLoss.item)
      notebook.result("mse_mean", meanLoss.item)
    }
  }

  /// Cross-entropy of a softmax output against a one-hot label.
  func crossEntropyCell(_ notebook: Notebook) {
    notebook.cell("cross-entropy", "Cross-entropy for one example of three classes") { cell in
      let z = Tensor([2.0, 1.0, 0.1])  // [3] logits
      let label = 0
      let p = z.softmax(axis: 0)
      let y = Tensor.oneHot([label], classes: 3).reshaped([3])
      cell.vector("z (logits)", z.scalars)
      cell.vector("p = softmax(z)", p.scalars)
      cell.vector("y (one-hot, class \(label))", y.scalars)
      let loss = -(y * p.log()).sum().item
      cell.value("L = −Σ yᵢ log pᵢ = −log p₀", loss)
      // ∂L/∂p: only the true class's probability is in the loss.
      let pLeaf = Tensor(p.scalars, requiresGrad: true)
      (-(y * pLeaf.log()).sum()).backward()
      cell.vector("∂L/∂p by autograd", pLeaf.grad!.scalars)
      cell.vector("−yᵢ/pᵢ by hand", zip(y.scalars, p.scalars).map { -$0 / $1 })
      notebook.result("cross_entropy_example", loss)
    }
  }

  /// Binary cross-entropy through a sigmoid, and the gradient ŷ − y.
  func binaryCrossEntropyCell(_ notebook: Notebook) {
    notebook.cell("binary-cross-entropy", "Binary cross-entropy through a sigmoid: ∂L/∂z = ŷ − y") { cell in
      cell.line("L = −[y log ŷ + (1 − y) log(1 − ŷ)],  ŷ = σ(z)")
      cell.line("∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) = (ŷ − y)/(ŷ(1 − ŷ)),  ∂ŷ/∂z = ŷ(1 − ŷ)  ⇒  ∂L/∂z = ŷ − y")
      var rows: [[TableEntry]] = []
      for (z0, y) in [(0.8, 1.0), (0.8, 0.0), (-3.0, 1.0)] {
        let z = Tensor(z0, requiresGrad: true)
        let loss = sigmoidCrossEntropy(logits: z, labels: Tensor(y))
        loss.backward()
        let bce = { (v: Double) in -(y * log(sigmoid(v)) + (1 - y) * log(1 - sigmoid(v))) }
        rows.append([z0, y, sigmoid(z0), loss.item, sigmoid(z0) - y, z.grad!.item, centralDifference(of: bce, at: z0)])
      }
      cell.table(["z", "y", "ŷ", "L", "ŷ − y", "autograd", "finite diff."], rows)
    }
  }

  /// Softmax + cross-entropy on a batch: ∂L/∂z = (p − onehot)/n, by autograd and by hand.
  func softmaxGradientCell(_ notebook: Notebook) {
    notebook.cell("softmax-gradient", "Softmax + cross-entropy: ∂L/∂z = p − y") { cell in
      cell.line("L = −log softmax(z)_y = −z_y + log Σⱼ e^(zⱼ)  ⇒  ∂L/∂zᵢ = −[i = y] + e^(zᵢ)/Σⱼ e^(zⱼ) = pᵢ − yᵢ")
      let logits = Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]], requiresGrad: true)  // [2, 3]
      let labels = [0, 2]
      let loss = softmaxCrossEntropy(logits: logits, labels: labels)  // mean over the 2 examples
      loss.backward()
      let byHand = (withoutGradient { logits.softmax(axis: -1) } - Tensor.oneHot(labels, classes: 3)) / 2.0
      cell.tensor("z", logits.detached())
      cell.line("labels = \(labels)")
      cell.value("L (mean over the batch)", loss.item)
      cell.tensor("∂L/∂z by autograd", logits.grad!)
      cell.tensor("(p − y)/n by hand", byHand)
      let numeric = gradientCheck([logits.detached()]) { softmaxCrossEntropy(logits: $0[0], labels: labels) }
      cell.line(
        "finite differences: largest relative error \(Format.within(numeric.maxRelativeError, numeric.tolerance)) → \(numeric.passed ? "OK" : "NOT OK")"
      )
      notebook.result("softmax_cross_entropy_batch", loss.item)
    }
  }

  /// Why log-sum-exp: naive formulas overflow or take log(0); the stable ones do not.
  func stabilityCell(_ notebook: Notebook) {
    notebook.cell("log-sum-exp", "Why log-sum-exp: large logits") { cell in
      let z = [1000.0, 1001.0, 1002.0]
      let naive = z.map { exp($0) / z.map(exp).reduce(0, +) }
      cell.vector("z", z)
      cell.vector("e^z", z.map(exp))
      cell.vector("naive softmax e^z/Σe^z", naive)
      cell.vector("stable softmax (z − max z first)", Tensor(z).softmax(axis: 0).scalars)
      cell.line("log Σ e^z = m + log Σ e^(z − m) with m = max z: every exponent ≤ 0 and the largest term is 1.")
      cell.value("logSumExp(z)", Tensor(z).logSumExp(axis: 0).item)
      cell.line()
      let far = [0.0, -1000.0]
      cell.vector("z", far)
      cell.vector("log(softmax(z))", Tensor(far).softmax(axis: 0).log().scalars)
      cell.vector("logSoftmax(z)", Tensor(far).logSoftmax(axis: 0).scalars)
      cell.line("softmax rounds e^(−1000) to 0 and its log is −∞; logSoftmax never forms the 0.")
      cell.line()
      let logit = 40.0
      let p = Tensor(logit).sigmoid().item
      cell.line("A confident wrong answer: z = \(Format.number(logit)), label 0, σ(z) = \(Format.number(p)) in Double.")
      cell.value("BCE from the probability: −log(1 − σ(z))", -log(1 - p))
      cell.value("BCE from the logit: softplus(z)", sigmoidCrossEntropy(logits: Tensor(logit), labels: Tensor(0)).item)
    }
  }

  /// The losses against the prediction, and why BCE beats MSE for a sigmoid output.
  func curvesCell(_ notebook: Notebook) throws {
    try notebook.cell("loss-curves", "The losses against the prediction ŷ") { cell in
      var rows: [[TableEntry]] = []
      for yHat in [0.01, 0.1, 0.5, 0.9, 0.99] {
        // Gradients with respect to the logit z of a sigmoid output, for label y = 1.
        let z = log(yHat / (1 - yHat))
        let zm = Tensor(z, requiresGrad: true)
        (zm.sigmoid() - 1).pow(2).backward()
        let zb = Tensor(z, requiresGrad: true)
        sigmoidCrossEntropy(logits: zb, labels: Tensor(1)).backward()
        rows.append([yHat, (yHat - 1) * (yHat - 1), -log(yHat), zm.grad!.item, zb.grad!.item])
      }
      cell.line("For y = 1, with ŷ = σ(z):")
      cell.table(["ŷ", "MSE (ŷ − 1)²", "BCE −log ŷ", "∂MSE/∂z", "∂BCE/∂z"], rows, digits: 4)
      cell.line("When the prediction is badly wrong (ŷ = 0.01) the MSE gradient through the sigmoid is tiny:")
      cell.line("2(ŷ − y)·ŷ(1 − ŷ) has the saturating factor σ′. BCE cancels it and pushes with ŷ − y ≈ −1.")
      let p = Tensor.linspace(0.005, 0.995, count: 199).scalars
      try cell.figure(
        LineChart(
          name: "loss-vs-prediction", title: "Loss against the predicted probability ŷ", xLabel: "ŷ", yLabel: "loss",
          series: [
            .init("MSE, y = 1: (ŷ − 1)²", x: p, y: p.map { ($0 - 1) * ($0 - 1) }),
            .init("MSE, y = 0: ŷ²", x: p, y: p.map { $0 * $0 }),
            .init("BCE, y = 1: −log ŷ", x: p, y: p.map { -log($0) }, dashed: true),
            .init("BCE, y = 0: −log(1 − ŷ)", x: p, y: p.map { -log(1 - $0) }, dashed: true),
          ]))
    }
  }
}
