// SourceChecks.swift — the articles' backpropagation formulas, evaluated on the 2-3-1 network.

import Autograd
import Examples
import Foundation
import Notebook

extension Backprop {
  func sourceChecks(_ notebook: Notebook) {
    let (W1, b1, W2, b2, x, y) = (
      TwoThreeOne.W1, TwoThreeOne.b1, TwoThreeOne.W2[0], TwoThreeOne.b2[0], TwoThreeOne.x, TwoThreeOne.y
    )
    let a1 = (0..<3).map { i in sigmoid(W1[i][0] * x[0] + W1[i][1] * x[1] + b1[i]) }
    let yHat = sigmoid((0..<3).map { W2[$0] * a1[$0] }.reduce(0, +) + b2)
    let bce = byAutograd(.bce)

    notebook.cell("source-backprop", "Article 000's gradient formulas, on the output layer (binary cross-entropy)") {
      cell in
      // ∂L/∂w_ij = (a_i − y_i)·a_j·(1 − a_j): i the output neuron, j a hidden neuron feeding it.
      let stated = a1.map { (yHat - y) * $0 * (1 - $0) }
      cell.line(
        "article's value / true value, for W₂[1,1..3]: \(Format.vector(zip(stated, bce.W2[0]).map(/), digits: 3))")
      // The direction: cos θ = s·g / (‖s‖‖g‖); above 0 the article's vector still points downhill.
      let dot = zip(stated, bce.W2[0]).map(*).reduce(0, +)
      let norms = [stated, bce.W2[0]].map { $0.map { $0 * $0 }.reduce(0, +).squareRoot() }
      let cosine = dot / (norms[0] * norms[1])
      cell.line(
        "cosine between the article's vector and the true gradient: \(Format.number(cosine, digits: 3)) (an angle of "
          + "\(Format.number(acos(cosine) * 180 / .pi, digits: 2))°)")
      notebook.result("article_gradient_cosine", cosine)
      cell.check(
        SourceCheck(
          id: "000-backprop-weights", source: Article.a000,
          claim:
            "L245–251 and L312–317: ∂L/∂w_ij = (a_i − y_i)·a_j·(1 − a_j) (here: i the output, j the hidden neurons)",
          stated: stated, computed: bce.W2[0], tolerance: 1e-9,
          note: "The factor a_j(1 − a_j) is σ′ of the wrong neuron. With the output's δ = a_i − y_i (sigmoid with "
            + "cross-entropy), ∂L/∂w_ij = δ·a_j: the input a_j, not its derivative. The formula is also silent on the "
            + "hidden layer, where δ must first be carried back through W (the δ₁ lines above)."))
      cell.check(
        SourceCheck(
          id: "000-backprop-bias", source: Article.a000, claim: "L245–251 and L312–317: ∂L/∂b_i = a_i − y_i",
          stated: [yHat - y], computed: bce.b2, tolerance: 1e-12,
          note:
            "Correct for a sigmoid output neuron with binary cross-entropy, where σ′ cancels (chapter 03). With the "
            + "article's own MSE loss it would need the factor a_i(1 − a_i), and for a hidden neuron the carried-back δ."
        ))
    }

    notebook.cell("source-chain-rule", "The articles' chain rule and δ") { cell in
      // 001: ∂L/∂w = Σ_i ∂L/∂z_i · ∂z_i/∂w — shown on the input x₁, which feeds all three hidden z's.
      let model = TwoThreeOne.model()
      let input = Tensor(x, requiresGrad: true)
      let z1 = model.layers[0](input)  // [3]
      let loss = binaryCrossEntropy(probabilities: model.layers[1](z1.sigmoid()).sigmoid(), targets: Tensor([y]))
      let dLdz = gradients(of: loss, withRespectTo: [z1])[0].scalars
      loss.backward()
      let sum = (0..<3).map { dLdz[$0] * W1[$0][0] }.reduce(0, +)  // ∂z₁[i]/∂x₁ = W₁[i][1]
      cell.check(
        SourceCheck(
          id: "001-chain-rule", source: Article.a001,
          claim: "L154–158: ∂L/∂w = Σᵢ ∂L/∂zᵢ · ∂zᵢ/∂w",
          stated: [sum], computed: [input.grad!.scalars[0]], tolerance: 1e-12,
          note: "The multivariable chain rule, correct: a quantity that reaches L through several zᵢ collects one term "
            + "from each. Shown for x₁, which feeds all three hidden pre-activations. The zᵢ are the pre-activations "
            + "(or any intermediate values), not the neurons' outputs that L159 calls them (001-z-output in the ledger)."))

      // 003: δ = ∂L/∂y × ∂y/∂z at the output neuron.
      let z2 = model.layers[1](z1.sigmoid().detached())
      let yOut = z2.sigmoid()
      let dLdy = gradients(of: binaryCrossEntropy(probabilities: yOut, targets: Tensor([y])), withRespectTo: [yOut])[0]
      let delta = dLdy.item * yOut.item * (1 - yOut.item)
      let dLdz2 = gradients(
        of: binaryCrossEntropy(probabilities: z2.sigmoid(), targets: Tensor([y])), withRespectTo: [z2])[0]
      cell.check(
        SourceCheck(
          id: "003-delta", source: Article.a003, claim: "L57: δ = ∂L/∂y × ∂y/∂z", stated: [delta],
          computed: [dLdz2.item], tolerance: 1e-12,
          note: "Correct: δ is ∂L/∂z, the loss's sensitivity to the pre-activation, and the chain rule splits it at y.")
      )
    }

    notebook.cell("source-backprop-steps", "The backward pass goes from the output layer down") { cell in
      // The order in which autograd's backward pass reaches the weight matrices.
      let model = TwoThreeOne.model()
      let loss = binaryCrossEntropy(probabilities: model(Tensor(x)).sigmoid(), targets: Tensor([y]))
      let order = loss.topologicalOrder().reversed().compactMap { node -> String? in
        if node === model.layers[1].W { return "W₂" }
        if node === model.layers[0].W { return "W₁" }
        return nil
      }
      cell.line("autograd's backward pass reaches the weights in the order \(order.joined(separator: ", "))")
      cell.check(
        SourceCheck(
          id: "002-backprop-steps", source: Article.a002,
          claim:
            "L250–256: forward pass, then gradients layer by layer starting from the output layer, then the update",
          stated: "output layer first", computed: order.joined(separator: " then "),
          verdict: order == ["W₂", "W₁"] ? .agrees : .disagrees,
          note: "Correct: each layer's δ needs the δ of the layer above it, so the gradients can only be computed from "
            + "the output down."))
    }
  }
}
