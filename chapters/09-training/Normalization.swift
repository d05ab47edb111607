// Normalization.swift — sections 2 and 3: batch normalization by hand (forward, the three-term
// backward, training and evaluation modes, the deep stack again), layer normalization, and
// residual connections.

import Autograd
import Foundation
import Notebook
import Plot

extension Training {
  func batchNormByHandCell(_ notebook: Notebook) {
    notebook.cell("batchnorm-by-hand", "Batch normalization by hand: forward and the three-term backward") { cell in
      var rng = cell.generator()
      let (batch, features, epsilon) = (4, 3, 1e-5)
      let x = Tensor.normal([batch, features], mean: 1, standardDeviation: 2, using: &rng)
      let g = Tensor.normal([batch, features], using: &rng)  // ∂L/∂y, for L = Σ g ⊙ y
      let gamma = [1.5, 0.5, -1.0]
      let beta = [0.1, 0.0, 0.2]
      // Forward, column by column: μ, σ², x̂ and y.
      let X = x.rows
      let G = g.rows
      let B = Double(batch)
      var mu = [Double](repeating: 0, count: features)
      var variance = mu
      var xHat = X
      var dx = X
      var dGamma = mu
      var dBeta = mu
      for j in 0..<features {
        mu[j] = X.map { $0[j] }.reduce(0, +) / B
        variance[j] = X.map { ($0[j] - mu[j]) * ($0[j] - mu[j]) }.reduce(0, +) / B
        let sigma = (variance[j] + epsilon).squareRoot()
        for b in 0..<batch { xHat[b][j] = (X[b][j] - mu[j]) / sigma }
        // Backward: ĝ = ∂L/∂x̂ = g·γ, and x enters through x̂ directly, through μ and through σ².
        let gHat = (0..<batch).map { G[$0][j] * gamma[j] }
        let sumGHat = gHat.reduce(0, +)
        let sumGHatXHat = (0..<batch).map { gHat[$0] * xHat[$0][j] }.reduce(0, +)
        for b in 0..<batch { dx[b][j] = (B * gHat[b] - sumGHat - xHat[b][j] * sumGHatXHat) / (B * sigma) }
        dGamma[j] = (0..<batch).map { G[$0][j] * xHat[$0][j] }.reduce(0, +)
        dBeta[j] = G.map { $0[j] }.reduce(0, +)
      }
      cell.line("x̂ = (x − μ)/√(σ² + ε), y = γ ⊙ x̂ + β, μ and σ² over the batch of \(batch) (ε = 10⁻⁵):")
      cell.tensor("x", x, digits: 4)
      cell.vector("μ", mu, digits: 4)
      cell.vector("σ²", variance, digits: 4)
      cell.tensor("x̂", Tensor(xHat), digits: 4)
      cell.line("backward, with ĝ = ∂L/∂x̂ = ∂L/∂y ⊙ γ and σ̂ = √(σ² + ε):")
      cell.line("  ∂L/∂xᵢ = (B·ĝᵢ − Σⱼ ĝⱼ − x̂ᵢ · Σⱼ ĝⱼ x̂ⱼ) / (B·σ̂)")
      cell.line("  the direct path, minus what flows back through μ, minus what flows back through σ²")
      cell.tensor("∂L/∂y", g, digits: 4)
      cell.tensor("∂L/∂x by hand", Tensor(dx), digits: 4)
      // The library's BatchNorm and autograd, then central differences.
      let norm = BatchNorm(features: features, epsilon: epsilon)
      norm.gamma.scalars = gamma
      norm.beta.scalars = beta
      let input = Tensor(X, requiresGrad: true)
      (norm(input) * g).sum().backward()
      let autograd = input.grad!.scalars + norm.gamma.grad!.scalars + norm.beta.grad!.scalars
      let byHand = dx.flatMap { $0 } + dGamma + dBeta
      let report = gradientCheck([input, norm.gamma, norm.beta]) { _ in (norm(input) * g).sum() }
      let numeric = report.inputs.flatMap(\.numeric)
      let againstAutograd = zip(byHand, autograd).map { abs($0 - $1) }.max()!
      let againstNumeric = zip(byHand, numeric).map { abs($0 - $1) }.max()!
      cell.vector("∂L/∂γ = Σ g ⊙ x̂", dGamma, digits: 4)
      cell.vector("∂L/∂β = Σ g", dBeta, digits: 4)
      cell.line(
        "largest |by hand − autograd| \(Format.within(againstAutograd, Format.roundingBound)), |by hand − finite differences| \(Format.within(againstNumeric, 1e-8))"
      )
      let columnSums = (0..<features).map { j in dx.map { $0[j] }.reduce(0, +) }
      cell.vector("Σ over the batch of ∂L/∂x, each feature", columnSums.map { abs($0) < 1e-12 ? 0 : $0 })
      cell.line("(0: shifting a whole column of x changes nothing after normalization, so its gradient sums to 0)")
      notebook.result("batchnorm_dx", dx.flatMap { $0 })
    }
  }

  func batchNormModesCell(_ notebook: Notebook) {
    notebook.cell("batchnorm-modes", "Training mode and evaluation mode") { cell in
      var rng = cell.generator()
      let norm = BatchNorm(features: 2)
      let (mean, spread) = ([3.0, -1.0], [2.0, 0.5])
      func batch(_ rows: Int) -> Tensor {
        Tensor((0..<rows).map { _ in (0..<2).map { mean[$0] + spread[$0] * rng.nextNormal() } })
      }
      var table: [[TableEntry]] = []
      for step in 1...200 {
        _ = withoutGradient { norm(batch(16)) }
        if [1, 10, 50, 200].contains(step) {
          table.append([step] + norm.runningMean + norm.runningVariance)
        }
      }
      cell.line("features drawn from N(3, 2²) and N(−1, 0.5²), batches of 16, momentum 0.1:")
      cell.table(["batches", "running μ₁", "running μ₂", "running σ²₁", "running σ²₂"], table, digits: 4)
      let example = [5.0, -1.0]
      let first = Tensor([example] + batch(7).rows)
      let second = Tensor([example] + batch(7).rows)
      let inFirst = withoutGradient { norm(first) }.rows[0]
      let inSecond = withoutGradient { norm(second) }.rows[0]
      norm.isTraining = false
      let evaluated = withoutGradient { norm(Tensor([example])) }.rows[0]
      cell.line("the example x = \(Format.vector(example)):")
      cell.line("  training mode, in one batch of 8:      \(Format.vector(inFirst, digits: 4))")
      cell.line("  training mode, in another batch of 8:  \(Format.vector(inSecond, digits: 4))")
      cell.line("  evaluation mode, alone:                \(Format.vector(evaluated, digits: 4))")
      cell.line("In training the output of one example depends on the others in its batch; evaluation uses the")
      cell.line("running statistics, so a single example has one answer (and a batch of 1 has no variance at all).")
      notebook.result("batchnorm_running", norm.runningMean + norm.runningVariance)
    }
  }

  func batchNormStackCell(_ notebook: Notebook) throws {
    try notebook.cell("batchnorm-stack", "The deep stack of section 1 with batch normalization") { cell in
      let (depth, width, batch) = (10, 32, 64)
      var inputs = cell.generator("inputs")
      let x = Tensor.normal([batch, width], using: &inputs)
      var rows: [[TableEntry]] = []
      for activation in [Activation.tanh, .relu] {
        for useNorm in [false, true] {
          var weights = cell.generator("weights")
          let stack = DeepStack(
            depth: depth, width: width, activation: activation, initialization: .normal(standardDeviation: 0.01),
            batchNorm: useNorm, using: &weights)
          let outputs = stack.activations(x)
          outputs[depth - 1].pow(2).mean().backward()
          let gradient = stack.layers[0].W.grad!.pow(2).sum().item.squareRoot()
          rows.append(
            ["\(activation.rawValue)\(useNorm ? " + batch norm" : "")"] + [0, 4, 9].map { deviation(outputs[$0]) }
              + [gradient])
          notebook.result("batchnorm_stack_\(activation.rawValue)_\(useNorm)", outputs.map(deviation))
        }
      }
      cell.line("weights from N(0, 0.01²), the start that starved the stack in section 1:")
      cell.table(["stack", "std a¹", "std a⁵", "std a¹⁰", "‖∂L/∂W¹‖"], rows, digits: 3)
      cell.line("Normalizing each layer's pre-activations over the batch undoes the bad scale at every layer.")
    }
  }

  func layerNormCell(_ notebook: Notebook) {
    notebook.cell("layer-norm", "Layer normalization: over the features of one example") { cell in
      var rng = cell.generator()
      let x = Tensor.normal([4, 6], mean: 2, standardDeviation: 3, using: &rng)
      let other = Tensor.normal([4, 6], using: &rng)
      let layer = LayerNorm(width: 6)
      let batchNorm = BatchNorm(features: 6)
      let example = Tensor([x.rows[0]])
      let alone = withoutGradient { layer(example) }.scalars
      let inBatch = withoutGradient { layer(x) }.rows[0]
      let withOthers = withoutGradient { layer(Tensor([x.rows[0]] + other.rows.dropFirst())) }.rows[0]
      let bnA = withoutGradient { batchNorm(x) }.rows[0]
      let bnB = withoutGradient { batchNorm(Tensor([x.rows[0]] + other.rows.dropFirst())) }.rows[0]
      let lnDifference = max(
        zip(alone, inBatch).map { abs($0 - $1) }.max()!, zip(alone, withOthers).map { abs($0 - $1) }.max()!)
      cell.line("the first row of x normalized alone, in its batch, and with three other rows:")
      cell.line("  layer norm:  largest difference \(Format.number(lnDifference))")
      cell.line(
        "  batch norm:  largest difference between two batches \(Format.number(zip(bnA, bnB).map { abs($0 - $1) }.max()!, digits: 3))"
      )
      cell.line("Each example is normalized by its own mean and variance over features, so nothing depends on")
      cell.line("the batch: the same in training and evaluation, and a batch of one (one token being generated) works.")
      let weights = Tensor.normal([4, 6], using: &rng)
      let input = Tensor(x.rows, requiresGrad: true)
      let report = gradientCheck([input, layer.gamma, layer.beta]) { _ in (layer(input) * weights).sum() }
      cell.line("its backward is batch norm's formula along the other axis; against finite differences:")
      cell.line("  largest relative error \(Format.within(report.maxRelativeError, 1e-6)) over x, γ and β")
      notebook.result("layer_norm_difference", lnDifference)
    }
  }

  func residualCell(_ notebook: Notebook) throws {
    try notebook.cell("residual", "Residual connections: the gradient at the first layer") { cell in
      let (width, batch) = (32, 64)
      var inputs = cell.generator("inputs")
      let x = Tensor.normal([batch, width], using: &inputs)
      var rows: [[TableEntry]] = []
      var series: [LineChart.Series] = []
      for depth in [5, 10, 20, 30] {
        var row: [TableEntry] = [depth]
        for residual in [false, true] {
          var weights = cell.generator("weights")
          let stack = DeepStack(
            depth: depth, width: width, activation: .tanh, initialization: .uniformFanIn, residual: residual,
            using: &weights)
          let outputs = stack.activations(x)
          outputs[depth - 1].pow(2).mean().backward()
          let norms = stack.layers.map { $0.W.grad!.pow(2).sum().item.squareRoot() }
          row += [norms[0], norms[0] / norms[depth - 1]]
          if depth == 30 {
            series.append(
              .init(residual ? "a + tanh(Wa + b)" : "tanh(Wa + b)", x: (1...depth).map(Double.init), y: norms))
            notebook.result("residual_norms_\(residual)", norms)
          }
        }
        rows.append(row)
      }
      cell.line("tanh layers of width \(width), PyTorch's default start (±1/√n); L = mean(aᴰ²):")
      cell.table(
        ["depth D", "‖∂L/∂W¹‖ plain", "first/last plain", "‖∂L/∂W¹‖ residual", "first/last residual"], rows, digits: 3)
      cell.line("With a ← a + f(a), ∂a_out/∂a_in = I + ∂f/∂a: the identity carries the gradient down whatever f does.")
      try cell.figure(
        LineChart(
          name: "residual-gradients", title: "Gradient norm per layer, 30 tanh layers",
          xLabel: "layer (1 = input side)",
          yLabel: "‖∂L/∂W‖", series: series, logY: true))
    }
  }
}
