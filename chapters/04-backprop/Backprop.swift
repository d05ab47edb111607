// 04-backprop — backpropagation: the chain rule on a scalar expression, the autograd graph node
// by node, then the 2-3-1 network by hand (every δ and every ∂L/∂w), against autograd and
// finite differences; the layer formulas in matrix form; vanishing gradients in deep stacks.
//
// Shapes (2-3-1): x [2]; W₁ [3, 2], b₁ [3], z₁ a₁ δ₁ [3]; W₂ [1, 3], b₂ [1], z₂ ŷ δ₂ [1].

import ArgumentParser
import Autograd
import Examples
import Foundation
import Notebook
import Plot

func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

/// The two losses the chapter backpropagates, as functions of ŷ and y, with their ∂L/∂ŷ.
enum LossKind: String, CaseIterable {
  case mse = "½(ŷ − y)²"
  case bce = "−[y log ŷ + (1 − y) log(1 − ŷ)]"

  func value(_ yHat: Tensor, _ y: Tensor) -> Tensor {
    switch self {
    case .mse: 0.5 * (yHat - y).pow(2).sum()
    case .bce: binaryCrossEntropy(probabilities: yHat, targets: y)
    }
  }
}

/// Every gradient of the 2-3-1 network, in one flat order: W₁ (row-major), b₁, W₂, b₂.
struct NetworkGradients {
  var W1: [[Double]]
  var b1: [Double]
  var W2: [[Double]]
  var b2: [Double]

  var flat: [Double] { W1.joined() + b1 + W2.joined() + b2 }
  static let names: [String] =
    (0..<3).flatMap { i in (0..<2).map { j in "W₁[\(i + 1),\(j + 1)]" } } + (1...3).map { "b₁[\($0)]" }
    + (1...3).map { "W₂[1,\($0)]" } + ["b₂"]
}

@main
struct Backprop: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "04-backprop",
    abstract: "Backpropagation by hand on the 2-3-1 network, checked against autograd and finite differences.")
  static let defaultSeed: UInt64 = 4
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    chainRuleCell(notebook)
    for kind in LossKind.allCases { byHandCell(notebook, kind) }
    matrixFormCell(notebook)
    try vanishingCell(notebook)
    sourceChecks(notebook)
  }

  // MARK: - The chain rule on a scalar expression

  func chainRuleCell(_ notebook: Notebook) {
    notebook.cell("chain-rule", "The chain rule on L = (a·b + c)·f") { cell in
      let a = Tensor(2.0, requiresGrad: true)
      let b = Tensor(-3.0, requiresGrad: true)
      let c = Tensor(10.0, requiresGrad: true)
      let f = Tensor(-2.0, requiresGrad: true)
      // e, d and L are intermediate: autograd frees their gradients after use unless asked to keep
      // them, as here, to print every node's gradient below.
      let e = (a * b).retainGrad()
      let d = (e + c).retainGrad()
      let L = (d * f).retainGrad()
      cell.line(
        "forward:  e = a·b = \(Format.number(e.item))   d = e + c = \(Format.number(d.item))   L = d·f = \(Format.number(L.item))"
      )
      cell.line("backward, each local derivative times the gradient arriving from above:")
      cell.line("  ∂L/∂L = 1")
      cell.line("  ∂L/∂d = f = \(Format.number(f.item))        ∂L/∂f = d = \(Format.number(d.item))")
      cell.line(
        "  ∂L/∂e = ∂L/∂d · ∂d/∂e = \(Format.number(f.item)) · 1        ∂L/∂c = ∂L/∂d · 1 = \(Format.number(f.item))")
      cell.line(
        "  ∂L/∂a = ∂L/∂e · b = \(Format.number(f.item * b.item))        ∂L/∂b = ∂L/∂e · a = \(Format.number(f.item * a.item))"
      )
      L.backward()
      cell.line("autograd's graph after L.backward():")
      let names = [(a, "a"), (b, "b"), (c, "c"), (f, "f"), (e, "e"), (d, "d"), (L, "L")]
      cell.lines(graphText(L, names: Dictionary(uniqueKeysWithValues: names.map { (ObjectIdentifier($0.0), $0.1) })))
      notebook.result("chain_rule_gradients", [a, b, c, f].map { $0.grad!.item })
    }
  }

  // MARK: - The 2-3-1 network by hand

  /// Backpropagation written out neuron by neuron, returning every gradient.
  func byHand(_ kind: LossKind, cell: Cell?) -> NetworkGradients {
    let (W1, b1, W2, b2, x, y) = (
      TwoThreeOne.W1, TwoThreeOne.b1, TwoThreeOne.W2[0], TwoThreeOne.b2[0], TwoThreeOne.x, TwoThreeOne.y
    )
    // Forward, keeping what the backward pass needs: z₁, a₁, ŷ.
    let z1 = (0..<3).map { i in W1[i][0] * x[0] + W1[i][1] * x[1] + b1[i] }
    let a1 = z1.map(sigmoid)
    let z2 = (0..<3).map { W2[$0] * a1[$0] }.reduce(0, +) + b2
    let yHat = sigmoid(z2)
    // Output layer: δ₂ = ∂L/∂z₂ = ∂L/∂ŷ · σ′(z₂).
    let dLdyHat = kind == .mse ? yHat - y : (yHat - y) / (yHat * (1 - yHat))
    let delta2 = dLdyHat * yHat * (1 - yHat)
    let dW2 = a1.map { delta2 * $0 }  // ∂L/∂W₂[j] = δ₂ · a₁[j]
    // Hidden layer: δ₁[i] = W₂[i] · δ₂ · σ′(z₁[i]).
    let delta1 = (0..<3).map { W2[$0] * delta2 * a1[$0] * (1 - a1[$0]) }
    let dW1 = (0..<3).map { i in x.map { delta1[i] * $0 } }  // ∂L/∂W₁[i][j] = δ₁[i] · x[j]

    if let cell {
      cell.line(
        "forward: z₁ = \(Format.vector(z1)), a₁ = \(Format.vector(a1)), z₂ = \(Format.number(z2)), ŷ = \(Format.number(yHat)), y = \(Format.number(y))"
      )
      cell.line("L = \(kind.rawValue) = \(Format.number(kind.value(Tensor(yHat), Tensor(y)).item))")
      cell.line()
      cell.line("output layer:")
      if kind == .mse {
        cell.line("  ∂L/∂ŷ = ŷ − y = \(Format.number(dLdyHat))")
        cell.line(
          "  δ₂ = ∂L/∂ŷ · σ′(z₂) = \(Format.number(dLdyHat)) · \(Format.number(yHat * (1 - yHat))) = \(Format.number(delta2))"
        )
      } else {
        cell.line("  ∂L/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) = \(Format.number(dLdyHat))")
        cell.line("  δ₂ = ∂L/∂ŷ · σ′(z₂) = ŷ − y = \(Format.number(delta2))")
      }
      for j in 0..<3 {
        cell.line(
          "  ∂L/∂W₂[1,\(j + 1)] = δ₂ · a₁[\(j + 1)] = \(Format.number(delta2)) · \(Format.number(a1[j])) = \(Format.number(dW2[j]))"
        )
      }
      cell.line("  ∂L/∂b₂ = δ₂ = \(Format.number(delta2))")
      cell.line("hidden layer:")
      for i in 0..<3 {
        cell.line(
          "  δ₁[\(i + 1)] = W₂[1,\(i + 1)] · δ₂ · σ′(z₁[\(i + 1)]) = \(Format.number(W2[i])) · \(Format.number(delta2)) · "
            + "\(Format.number(a1[i] * (1 - a1[i]))) = \(Format.number(delta1[i]))")
      }
      for i in 0..<3 {
        cell.line(
          "  ∂L/∂W₁[\(i + 1),1] = δ₁[\(i + 1)] · x₁ = \(Format.number(dW1[i][0]))    ∂L/∂W₁[\(i + 1),2] = δ₁[\(i + 1)] · x₂ = "
            + "\(Format.number(dW1[i][1]))    ∂L/∂b₁[\(i + 1)] = \(Format.number(delta1[i]))")
      }
    }
    return NetworkGradients(W1: dW1, b1: delta1, W2: [dW2], b2: [delta2])
  }

  /// The same gradients from autograd (backward through the `Linear` layers).
  func byAutograd(_ kind: LossKind) -> NetworkGradients {
    let model = TwoThreeOne.model()
    let yHat = model(Tensor(TwoThreeOne.x)).sigmoid()
    kind.value(yHat, Tensor([TwoThreeOne.y])).backward()
    let (first, second) = (model.layers[0], model.layers[1])
    return NetworkGradients(
      W1: first.W.grad!.rows, b1: first.b.grad!.scalars, W2: second.W.grad!.rows, b2: second.b.grad!.scalars)
  }

  /// The gradients by central differences on every parameter: no chain rule at all.
  func byFiniteDifferences(_ kind: LossKind) -> [Double] {
    let model = TwoThreeOne.model()
    let report = gradientCheck(model.parameters) { _ in
      kind.value(model(Tensor(TwoThreeOne.x)).sigmoid(), Tensor([TwoThreeOne.y]))
    }
    return report.inputs.flatMap(\.numeric)
  }

  func byHandCell(_ notebook: Notebook, _ kind: LossKind) {
    let id = kind == .mse ? "backprop-mse" : "backprop-bce"
    notebook.cell(id, "Backpropagation by hand: sigmoid output, L = \(kind.rawValue)") { cell in
      let hand = byHand(kind, cell: cell).flat
      let auto = byAutograd(kind).flat
      let numeric = byFiniteDifferences(kind)
      cell.line()
      cell.table(
        ["parameter", "by hand", "autograd", "finite differences"],
        NetworkGradients.names.indices.map { [NetworkGradients.names[$0], hand[$0], auto[$0], numeric[$0]] })
      let worstAuto = zip(hand, auto).map { abs($0 - $1) }.max()!
      let worstNumeric = zip(hand, numeric).map { abs($0 - $1) }.max()!
      cell.line(
        "largest |hand − autograd| \(Format.within(worstAuto, Format.roundingBound)), largest |hand − finite differences| \(Format.within(worstNumeric, 1e-8))"
      )
      notebook.result(kind == .mse ? "gradients_mse" : "gradients_bce", hand)
    }
  }

  // MARK: - Matrix form

  func matrixFormCell(_ notebook: Notebook) {
    notebook.cell("matrix-form", "The layer formulas in matrix form, on a batch") { cell in
      cell.line("For layer l with zˡ = Wˡaˡ⁻¹ + bˡ and aˡ = f(zˡ):")
      cell.line("  δᴸ = ∂L/∂aᴸ ⊙ f′(zᴸ)           the output layer")
      cell.line("  δˡ = (Wˡ⁺¹ᵀ δˡ⁺¹) ⊙ f′(zˡ)       every layer below it")
      cell.line("  ∂L/∂Wˡ = δˡ aˡ⁻¹ᵀ,  ∂L/∂bˡ = δˡ")
      cell.line("With a batch of n inputs as rows (and L the mean over the batch), each δ is [n, width] and")
      cell.line("  ∂L/∂Wˡ = δˡᵀ · aˡ⁻¹  : [width_l, n]·[n, width_(l−1)] = the shape of Wˡ, summing over the batch.")
      let X = Tensor(TwoThreeOne.batch)  // [4, 2]
      let Y = Tensor([[1.0], [0.0], [1.0], [0.0]])  // [4, 1]
      let n = Double(X.shape[0])
      let (W1, b1, W2, b2) = (
        Tensor(TwoThreeOne.W1), Tensor(TwoThreeOne.b1), Tensor(TwoThreeOne.W2), Tensor(TwoThreeOne.b2)
      )
      // Forward in matrix form, then the backward formulas, all with plain tensor arithmetic.
      let (A1, Yhat) = withoutGradient { () -> (Tensor, Tensor) in
        let A1 = (X.matmul(W1.transposed()) + b1).sigmoid()  // [4, 3]
        return (A1, (A1.matmul(W2.transposed()) + b2).sigmoid())  // [4, 1]
      }
      let delta2 = (Yhat - Y) / n  // [4, 1]  BCE: δ₂ = (ŷ − y)/n
      let delta1 = delta2.matmul(W2) * A1 * (1 - A1)  // [4, 3]  (δ₂W₂) ⊙ σ′(z₁)
      let dW2 = delta2.transposed().matmul(A1)  // [1, 3]
      let dW1 = delta1.transposed().matmul(X)  // [3, 2]
      cell.line(
        "shapes: X \(X.shape), δ₂ \(delta2.shape), A₁ \(A1.shape), δ₁ \(delta1.shape), ∂L/∂W₂ \(dW2.shape), ∂L/∂W₁ \(dW1.shape)"
      )
      cell.line("the batch, with chapter 02's weights; L = binary cross-entropy averaged over the n = 4 rows, so δ₂ = (ŷ − y)/n:")
      cell.tensor("X", X)
      cell.vector("y", Y.scalars)
      cell.vector("δ₂", delta2.scalars)
      cell.tensor("δ₁", delta1)
      cell.tensor("∂L/∂W₁ = δ₁ᵀX", dW1)
      cell.tensor("∂L/∂W₂ = δ₂ᵀA₁", dW2)
      let model = TwoThreeOne.model()
      binaryCrossEntropy(probabilities: model(X).sigmoid(), targets: Y).backward()
      let difference = max(
        (model.layers[0].W.grad! - dW1).abs().max().item, (model.layers[1].W.grad! - dW2).abs().max().item,
        (model.layers[0].b.grad! - delta1.sum(axis: 0)).abs().max().item,
        (model.layers[1].b.grad! - delta2.sum(axis: 0)).abs().max().item)
      cell.line("largest difference from autograd over all four parameter tensors: \(Format.within(difference, Format.roundingBound))")
    }
  }

  // MARK: - Vanishing gradients

  func vanishingCell(_ notebook: Notebook) throws {
    try notebook.cell("vanishing", "Gradient norm per layer in a deep stack") { cell in
      let depth = 12
      let width = 32
      var inputs = cell.generator("inputs")
      let x = Tensor.normal([64, width], using: &inputs)  // [64, 32] a batch of inputs
      var series: [LineChart.Series] = []
      var rows: [[TableEntry]] = (1...depth).map { [$0] }
      // (name, activation, factor on the default weights): the default draws W from ±1/√n, variance
      // 1/(3n); He initialisation for ReLU wants variance 2/n, a factor √6 on every weight.
      let stacks: [(String, Activation, Double)] = [
        ("sigmoid", .sigmoid, 1), ("tanh", .tanh, 1), ("relu", .relu, 1), ("relu, He init", .relu, 6.0.squareRoot()),
      ]
      for (name, activation, scale) in stacks {
        var rng = cell.generator("weights")  // the same weights for each activation
        let model = MLP(
          sizes: [width] + Array(repeating: width, count: depth - 1) + [1], activation: activation, using: &rng)
        for layer in model.layers { layer.W.scalars = layer.W.scalars.map { $0 * scale } }
        model(x).pow(2).mean().backward()
        let norms = model.layers.map { $0.W.grad!.pow(2).sum().item.squareRoot() }  // ‖∂L/∂Wˡ‖
        for (l, norm) in norms.enumerated() { rows[l].append(norm) }
        series.append(.init(name, x: (1...depth).map(Double.init), y: norms, points: true))
        notebook.result("gradient_norms_\(name.replacingOccurrences(of: ", He init", with: "_he"))", norms)
      }
      cell.line("\(depth) Linear layers of width \(width), the same initial weights, one activation between layers;")
      cell.line("weights and biases drawn uniformly from ±1/√\(width) (Linear's default, as PyTorch's): variance 1/(3·\(width));")
      cell.line("L = mean(output²) on \(x.shape[0]) random inputs. ‖∂L/∂Wˡ‖ for each layer l (1 = next to the input):")
      cell.table(["layer"] + stacks.map(\.0), rows, digits: 3)
      for (column, name) in stacks.map(\.0).enumerated() {
        let first = rows[0][column + 1] as! Double
        let last = rows[depth - 1][column + 1] as! Double
        cell.line("\(name): ‖∂L/∂W¹‖ / ‖∂L/∂W^\(depth)‖ = \(Format.number(first / last, digits: 3))")
      }
      try cell.figure(
        LineChart(
          name: "gradient-norms", title: "Gradient norm per layer, \(depth) layers deep",
          xLabel: "layer (1 = input side)",
          yLabel: "‖∂L/∂W‖", series: series, logY: true))
    }
  }
}
