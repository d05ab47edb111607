// SourceChecks.swift — the articles' update rules, article 001's gradient formula, and the
// output article 001 claims for its linear-regression program.

import Autograd
import Foundation
import Notebook

extension GradientDescent {
  func sourceChecks(_ notebook: Notebook, regression: Regression) {
    let (x, y) = (Self.x, Self.y)

    notebook.cell(
      "source-update-rule", "The articles' update rule, one step on the regression from w = b = 0, α = 0.01"
    ) { cell in
      // The rule by hand, w − α·∂L/∂w, against the library's SGD.update().
      let model = Linear(W: Tensor([[0.0]]), b: Tensor([0.0]))
      meanSquaredError(predicted: model(x), expected: y).backward()
      let byRule = [model.W.item - 0.01 * model.W.grad!.item, model.b.item - 0.01 * model.b.grad!.item]
      SGD(parameters: model.parameters, learningRate: 0.01).update()
      let bySGD = [model.W.item, model.b.item]
      cell.line("from w = b = 0, one step of α = 0.01 on L = (1/5) Σ (w·xᵢ + b − yᵢ)² over article 001's five points")
      cell.vector("(w, b) after one step", bySGD)
      let rules = [
        ("000-gd-update", Article.a000, "L253–260 and L319–326: w_ij := w_ij − α·∂L/∂w_ij, b_i := b_i − α·∂L/∂b_i"),
        ("001-gd-update", Article.a001, "L161–166: w_{t+1} = w_t − α·∇_w L(w_t)"),
        ("001-linreg-update", Article.a001, "L204–211: w_{t+1} = w_t − α·∂L/∂w, b_{t+1} = b_t − α·∂L/∂b"),
        ("002-gd-update", Article.a002, "L242–248: θ_new = θ_old − α·∇_θ J(θ)"),
        ("002-neuron-update", Article.a002, "L295–298: w_new = w_old − α·∂Loss/∂w_i, b_new = b_old − α·∂Loss/∂b"),
        ("003-update", Article.a003, "L61–63: W, b ← W − η·∂L/∂W, b − η·∂L/∂b"),
      ]
      for (id, source, claim) in rules {
        cell.check(
          SourceCheck(
            id: id, source: source, claim: claim, stated: byRule, computed: bySGD, tolerance: 1e-15,
            note: "Correct: a step against the gradient, scaled by the learning rate; exactly what SGD.update() does."))
      }
    }

    notebook.cell("source-regression-gradient", "Article 001's gradient for L = ½ Σ (ŷᵢ − yᵢ)², at w = b = 0") { cell in
      let w = Tensor(0.0, requiresGrad: true)
      let b = Tensor(0.0, requiresGrad: true)
      let yHat = w * Tensor(Self.xs) + b
      (0.5 * (yHat - Tensor(Self.ys)).pow(2).sum()).backward()
      let residual = Tensor(Self.ys) - yHat.detached()  // yᵢ − ŷᵢ, as the article writes it
      let stated = [(residual * Tensor(Self.xs)).sum().item, residual.sum().item]
      cell.check(
        SourceCheck(
          id: "001-linreg-gradient", source: Article.a001,
          claim: "L196–202: ∂L/∂w = Σ (yᵢ − ŷᵢ)·xᵢ, ∂L/∂b = Σ (yᵢ − ŷᵢ)", stated: stated,
          computed: [w.grad!.item, b.grad!.item], tolerance: 1e-12,
          note:
            "The sign is flipped: ∂/∂ŷ ½(ŷ − y)² = ŷ − y, so ∂L/∂w = Σ (ŷᵢ − yᵢ)xᵢ. Combined with the article's own "
            + "update w − α·∂L/∂w, its gradient would climb the loss."))
    }

    notebook.cell("source-regression-output", "Article 001's claimed program output (L322–342)") { cell in
      let r = regression
      let claimedLosses = [0.0012, 0.0006, 0.0003] + Array(repeating: 0.0001, count: 7)
      cell.check(
        SourceCheck(
          id: "001-log-epochs", source: Article.a001,
          claim: "L322–336: the log shows Epoch [10/100], [20/100], …, [100/100]",
          stated: (1...10).map { Double($0 * 10) }, computed: r.loggedEpochs.map(Double.init), tolerance: 0,
          note:
            "The code prints when epoch % 10 == 0 for epoch in range(100), labelled epoch + 1: that is epochs 1, 11, "
            + "…, 91. The printed labels cannot come from this code."))
      cell.check(
        SourceCheck(
          id: "001-log-losses", source: Article.a001,
          claim: "L322–336: the losses fall 0.0012, 0.0006, 0.0003, then 0.0001 from epoch 40 on",
          stated: claimedLosses,
          computed: r.loggedLosses, tolerance: 5e-5,
          note:
            "Our run from a U(−1, 1) initialisation like PyTorch's. No run can print these: the smallest MSE any line "
            + "reaches on this data is \(Format.number(r.leastSquares.loss, digits: 4)) (next check)."))
      cell.check(
        SourceCheck(
          id: "001-final-loss", source: Article.a001,
          claim: "L334–344: the loss ends at 0.0001 and \"finally approaches 0\"", stated: [0.0001],
          computed: [r.leastSquares.loss], tolerance: 5e-5,
          note: "Computed is the least-squares minimum, the best any (w, b) can do: the five points are not collinear. "
            + "From every corner of the initial range the loss after 100 epochs is larger still: "
            + "\(Format.vector(r.finalLossesFromCorners, digits: 3))."))
      cell.check(
        SourceCheck(
          id: "001-predictions", source: Article.a001,
          claim: "L337–344: predicted values [2, 4, 5, 6, 7], \"very close to the true values\"", stated: Self.ys,
          computed: r.predictions, tolerance: 5e-5,
          note: "Exact predictions would need a line through all five points, which does not exist. The best line, "
            + "ŷ = \(Format.number(r.leastSquares.w, digits: 3))x + \(Format.number(r.leastSquares.b, digits: 3)), predicts "
            + "\(Format.vector(Self.xs.map { r.leastSquares.w * $0 + r.leastSquares.b }, digits: 3)); after 100 epochs at "
            + "η = 0.01 we are not even there."))
      cell.check(
        SourceCheck(
          id: "001-test-set", source: Article.a001,
          claim: "L304 and L318: the last step evaluates the model on the test set, measuring generalization",
          stated: "test set", computed: "the 5 training inputs x_tensor", verdict: .disagrees,
          note: "The code predicts on x_tensor, the data it was trained on; there is no test set, so nothing about "
            + "generalization is measured."))
    }
  }
}
