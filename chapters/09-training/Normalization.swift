// Normalization.swift — sections 2 and 3: batch normalization by hand (forward, the three-term
// backward, training and evaluation modes, the deep stack again), layer normalization, and
// residual connections.

import Autograd
import Examples
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
      cell.line("backward, with g = ∂L/∂y, ĝ = ∂L/∂x̂ = g ⊙ γ and σ̂ = √(σ² + ε), for row b of the batch:")
      cell.line("  ∂L/∂x_b = (B·ĝ_b − Σⱼ ĝⱼ − x̂_b · Σⱼ ĝⱼ x̂ⱼ) / (B·σ̂)")
      cell.line("  the direct path, minus what flows back through μ, minus what flows back through σ²")
      cell.tensor("g = ∂L/∂y", g, digits: 4)
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
      // Evaluation first, with the statistics printed in the last row above.
      let (usedMean, usedVariance) = (norm.runningMean, norm.runningVariance)
      norm.isTraining = false
      let evaluated = withoutGradient { norm(Tensor([example])) }.rows[0]
      let byHand = (0..<2).map { (example[$0] - usedMean[$0]) / (usedVariance[$0] + norm.epsilon).squareRoot() }
      norm.isTraining = true
      let first = Tensor([example] + batch(7).rows)
      let second = Tensor([example] + batch(7).rows)
      // Training mode inside withoutGradient: no graph is recorded, but the running averages are
      // still updated (the mode decides that, as in PyTorch), and these batches contain x itself.
      let inFirst = withoutGradient { norm(first) }.rows[0]
      let inSecond = withoutGradient { norm(second) }.rows[0]
      norm.isTraining = false
      let evaluatedAfter = withoutGradient { norm(Tensor([example])) }.rows[0]
      cell.line("the example x = \(Format.vector(example)):")
      cell.line("  evaluation mode, alone, after batch 200:  \(Format.vector(evaluated, digits: 4))")
      cell.line(
        "    = (x − running μ)/√(running σ² + ε) from the row for 200 above: \(Format.vector(byHand, digits: 4)) (γ = 1, β = 0)"
      )
      cell.line("  training mode, in one batch of 8:         \(Format.vector(inFirst, digits: 4))")
      cell.line("  training mode, in another batch of 8:     \(Format.vector(inSecond, digits: 4))")
      cell.line("those two training-mode calls, made inside withoutGradient, still moved the running statistics:")
      cell.line(
        "  running μ = \(Format.vector(norm.runningMean, digits: 4)), running σ² = \(Format.vector(norm.runningVariance, digits: 4))"
      )
      cell.line("  evaluation mode, alone, after them:       \(Format.vector(evaluatedAfter, digits: 4))")
      cell.line("In training the output of one example depends on the others in its batch; evaluation uses the")
      cell.line("running statistics, so a single example has one answer (and a batch of 1 has no variance at all).")
      cell.line("Only isTraining = false freezes the running statistics; withoutGradient does not.")
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
      func norm(_ t: Tensor) -> Double { t.pow(2).sum().item.squareRoot() }
      /// For L = mean(aᴰ²): the ratio ‖∂L/∂W¹‖/‖∂L/∂Wᴰ‖, the backward gain ‖∂L/∂x‖/‖∂L/∂aᴰ‖ (the
      /// product of the D layers' Jacobians applied to ∂L/∂aᴰ = 2aᴰ/N), and every layer's ‖∂L/∂W‖.
      func measure(_ stack: DeepStack) -> (ratio: Double, gain: Double, norms: [Double]) {
        let input = Tensor(x.rows, requiresGrad: true)
        let output = stack.activations(input).last!
        output.pow(2).mean().backward()
        let norms = stack.layers.map { norm($0.W.grad!) }
        return (norms[0] / norms.last!, norm(input.grad!) / (2 * norm(output) / Double(output.count)), norms)
      }
      // PyTorch's default start (Var(w) = 1/(3n), the too-small scale of section 1) and Xavier
      // with tanh's gain: the residual path against a bad start and against a proper one.
      let startsCompared: [(name: String, initialization: Initialization)] = [
        ("default ±1/√n", .uniformFanIn), ("Xavier, gain 5/3", .xavier(gain: Initialization.gain(for: .tanh))),
      ]
      var rows: [[TableEntry]] = []
      var series: [LineChart.Series] = []
      for start in startsCompared {
        for depth in [5, 10, 20, 30] {
          var row: [TableEntry] = [start.name, depth]
          for residual in [false, true] {
            var weights = cell.generator("weights")
            let stack = DeepStack(
              depth: depth, width: width, activation: .tanh, initialization: start.initialization, residual: residual,
              using: &weights)
            let measured = measure(stack)
            row += [measured.ratio, measured.gain]
            if depth == 30 {
              series.append(
                .init(
                  "\(residual ? "a + tanh(Wa + b)" : "tanh(Wa + b)"), \(start.name)", x: (1...depth).map(Double.init),
                  y: measured.norms))
              notebook.result("residual_norms_\(start.name)_\(residual)", measured.norms)
            }
          }
          rows.append(row)
        }
      }
      cell.line("tanh layers of width \(width); L = mean(aᴰ²); W¹/Wᴰ is ‖∂L/∂W¹‖/‖∂L/∂Wᴰ‖, x/aᴰ is ‖∂L/∂x‖/‖∂L/∂aᴰ‖:")
      cell.table(
        ["start", "depth D", "W¹/Wᴰ plain", "x/aᴰ plain", "W¹/Wᴰ residual", "x/aᴰ residual"], rows, digits: 3)
      // The identity path is not a guarantee: a branch whose Jacobian is near −I cancels it.
      var gains: [Double] = []
      for depth in [5, 10] {
        var none = cell.generator("none")  // nothing drawn matters: every W is set to −0.9 I below, every b is 0
        let stack = DeepStack(
          depth: depth, width: width, activation: .identity, initialization: .normal(standardDeviation: 0),
          residual: true, using: &none)
        for layer in stack.layers {
          layer.W.scalars = (0..<width * width).map { $0 / width == $0 % width ? -0.9 : 0 }
        }
        gains.append(measure(stack).gain)
      }
      cell.line("With a ← a + f(a), ∂a_out/∂a_in = I + ∂f/∂a: a path through the identity, but the sum can still")
      cell.line(
        "shrink. A residual stack with f(a) = −0.9·a (∂f/∂a = −0.9 I): x/aᴰ = \(Format.number(gains[0], digits: 3)) at D = 5, \(Format.number(gains[1], digits: 3)) at D = 10."
      )
      notebook.result("residual_minus_identity_gain", gains)
      try cell.figure(
        LineChart(
          name: "residual-gradients", title: "Gradient norm per layer, 30 tanh layers",
          xLabel: "layer (1 = input side)",
          yLabel: "‖∂L/∂W‖", series: series, logY: true))
    }
  }

  func deepTrainingCell(_ notebook: Notebook) {
    notebook.cell("deep-training", "Batch normalization and residual connections in training") { cell in
      var data = cell.generator("data")
      let points = TwoMoons.make(count: 64, noise: 0.2, using: &data)
      let (X, y) = (Tensor(points.points), Tensor(points.labels).reshaped([-1, 1]))
      let (depth, width, steps, rate, seeds) = (20, 32, 150, 0.01, 3)
      let configurations: [(name: String, initialization: Initialization, batchNorm: Bool, residual: Bool)] = [
        ("plain, default start", .uniformFanIn, false, false),
        ("plain, Xavier gain 5/3", .xavier(gain: Initialization.gain(for: .tanh)), false, false),
        ("batch norm, default start", .uniformFanIn, true, false),
        ("residual, default start", .uniformFanIn, false, true),
      ]
      var rows: [[TableEntry]] = []
      for configuration in configurations {
        var row: [TableEntry] = [configuration.name]
        var finals: [Double] = []
        for seed in 1...seeds {
          var weights = cell.generator("weights-\(seed)")  // seed s: the same stream for every configuration
          let input = Linear(inputs: 2, outputs: width, initialization: configuration.initialization, using: &weights)
          let stack = DeepStack(
            depth: depth, width: width, activation: .tanh, initialization: configuration.initialization,
            batchNorm: configuration.batchNorm, residual: configuration.residual, using: &weights)
          let head = Linear(inputs: width, outputs: 1, using: &weights)
          let optimizer = SGD(
            parameters: input.parameters + stack.parameters + head.parameters, learningRate: rate, momentum: 0.9)
          var first = 0.0
          var last = 0.0
          for step in 1...steps {
            last = optimizer.step {
              sigmoidCrossEntropy(logits: head(stack.activations(input(X).tanh()).last!), labels: y)
            }
            if step == 1 { first = last }
          }
          if seed == 1 { row.append(first) }
          finals.append(last)
        }
        rows.append(row + finals)
        notebook.result("deep_training_\(configuration.name)", finals)
      }
      cell.line(
        "\(depth) tanh layers of width \(width) between a 2 → \(width) tanh layer and a linear head; \(X.shape[0]) two-moons points,"
      )
      cell.line(
        "full batch (batch norm's statistics are those of the \(X.shape[0]) points); SGD η = \(Format.number(rate)), momentum 0.9; training loss:"
      )
      cell.table(
        ["network", "step 1, seed 1"] + (1...seeds).map { "step \(steps), seed \($0)" }, rows, digits: 3)
    }
  }
}
