// SourceChecks.swift — the articles' forward-pass formulas and their 2-3-1 network, evaluated
// on this chapter's numbers.

import Autograd
import Examples
import Foundation
import Notebook

extension ForwardPass {
  func sourceChecks(_ notebook: Notebook, hidden: [Double], output: Double) throws {
    let (W1, b1, x) = (TwoThreeOne.W1, TwoThreeOne.b1, TwoThreeOne.x)
    // Our hidden pre-activations, from the matrix form.
    let z1 = (Tensor(W1).matmul(Tensor(x).reshaped([2, 1])).reshaped([-1]) + Tensor(b1)).scalars

    notebook.cell("source-formulas", "The articles' neuron and layer formulas") { cell in
      // z_i = Σ_j weight(i, j)·x_j + b_i for each hidden neuron i, the weight looked up by the article's indices.
      func weightedSums(_ weight: (_ i: Int, _ j: Int) -> Double) -> [Double] {
        (0..<3).map { i in (0..<2).map { j in weight(i, j) * x[j] }.reduce(0, +) + b1[i] }
      }
      // 000 writes w_ij for the weight from input j into neuron i: our W₁[i][j].
      let article000 = weightedSums { i, j in W1[i][j] }
      cell.check(
        SourceCheck(
          id: "000-forward-formula", source: Article.a000,
          claim: "L218–223: z_i = Σ_j w_ij·a_j + b_i, a_i = f(z_i); z_i is the input of neuron i, a_i its output",
          stated: article000, computed: z1, tolerance: 1e-15,
          note: "Correct. w_ij is the weight from neuron j of the previous layer into neuron i, i.e. row i of W, "
            + "so the sums are the rows of W₁x + b₁."))

      // 002 writes w_ji for the weight from input j to neuron i: the subscripts swap, the weight does not.
      let w_ji = { (j: Int, i: Int) in W1[i][j] }
      let article002 = weightedSums { i, j in w_ji(j, i) }
      cell.check(
        SourceCheck(
          id: "002-neuron-formula", source: Article.a002,
          claim: "L262: z = Σ_j w_ji·x_j + b_i (w_ji read as the weight from input j to neuron i)",
          stated: article002, computed: z1, tolerance: 1e-15,
          note: "The sum is right once w_ji is read as 'from j to i'. The left side should be z_i: as printed, one z "
            + "carries the neuron index i only on its right."))
      cell.check(
        SourceCheck(
          id: "002-z-is-activation", source: Article.a002,
          claim: "L264: \"z is the neuron's activation value\" and y_i = f(z) its output",
          stated: z1, computed: hidden, verdict: .disagrees,
          note: "z is the pre-activation (the weighted sum); the activation value is a = f(z). Stated: z₁ of our "
            + "hidden layer; computed: the activations σ(z₁), which are different numbers. Calling the output y_i also "
            + "reuses the label's letter; we write ŷ."))

      // 003: y = σ(WᵀX + b) — W stored as [inputs, outputs], so Wᵀ is our W₁.
      let Wstored = Tensor(W1).transposed()  // [2, 3], the article's layout
      let article003 = (Wstored.transposed().matmul(Tensor(x).reshaped([2, 1])).reshaped([-1]) + Tensor(b1))
        .sigmoid().scalars
      cell.check(
        SourceCheck(
          id: "003-layer-formula", source: Article.a003, claim: "L53: y = σ(WᵀX + b)",
          stated: article003, computed: hidden, tolerance: 1e-15,
          note: "Correct with W stored as [inputs, outputs] (so Wᵀ is [outputs, inputs], our W₁). "
            + "PyTorch stores [outputs, inputs] and computes x·Wᵀ for a row x; the two layouts are transposes."))

      // 002 §4.4: one neuron, z = Σ w_i x_i + b, ŷ = σ(z) — the output neuron of our network.
      let W2 = TwoThreeOne.W2[0]
      let single = sigmoid(zip(W2, hidden).map(*).reduce(0, +) + TwoThreeOne.b2[0])
      cell.check(
        SourceCheck(
          id: "002-sigmoid-neuron", source: Article.a002,
          claim: "L280–283: z = Σ w_i·x_i + b, ŷ = σ(z) = 1/(1 + e^(−z))",
          stated: [single], computed: [output], tolerance: 1e-15,
          note:
            "Correct: the output neuron of the 2-3-1 network is this neuron, with the hidden activations as its inputs."
        ))
    }

    notebook.cell("source-network", "Article 000's 2-3-1 network") { cell in
      let model = TwoThreeOne.model()
      let listed = W1.joined().count + b1.count  // the article lists W (3×2) and b (3) only
      cell.line("article 000 lists: W (3×2) and b (3) → \(listed) parameters")
      cell.line("the network needs: W₁ (3×2), b₁ (3), W₂ (1×3), b₂ (1) → \(model.parameterCount) parameters")
      cell.check(
        SourceCheck(
          id: "000-231-parameters", source: Article.a000,
          claim: "L344–349: the model's parameters are W (3×2) and b (3)", stated: [Double(listed)],
          computed: [Double(model.parameterCount)], tolerance: 0,
          note: "The output neuron's weights W₂ (1×3) and bias b₂ are missing: without them the hidden activations "
            + "never reach the output, and ŷ cannot be computed."))
      cell.check(
        SourceCheck(
          id: "000-231-single-layer", source: Article.a000,
          claim:
            "L338: \"a single-layer neural network containing an input layer, a hidden layer and an output layer\"",
          stated: 1.0, computed: Double(model.layers.count), verdict: .disagrees,
          note: "The network has two layers of weights (hidden and output); 'single-layer' usually means no hidden "
            + "layer at all (a perceptron). It is a two-layer network, or a network with one hidden layer."))
    }
  }
}
