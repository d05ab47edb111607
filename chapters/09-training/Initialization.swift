// Initialization.swift — section 1: why the scale of the first weights decides whether a deep
// stack passes a signal at all, measured layer by layer.

import Autograd
import Examples
import Foundation
import Notebook
import Plot

/// The starts compared, for an activation: too small, too large, Xavier as Glorot and Bengio
/// wrote it (gain 1), Xavier with tanh's gain 5/3, and He's √2/√n. For ReLU, Xavier with ReLU's
/// gain √2 is He's initialization itself on these square layers (n_in = n_out), so it is not
/// listed twice.
func starts(for activation: Activation) -> [(name: String, initialization: Initialization)] {
  var all: [(name: String, initialization: Initialization)] = [
    ("N(0, 0.01²)", .normal(standardDeviation: 0.01)), ("N(0, 1)", .normal(standardDeviation: 1)),
    ("Xavier, gain 1", .xavier(gain: 1)),
  ]
  if activation == .tanh { all.append(("Xavier, gain 5/3", .xavier(gain: Initialization.gain(for: .tanh)))) }
  all.append(("He, gain √2", .he(gain: 2.0.squareRoot())))
  return all
}

extension Training {
  func varianceCell(_ notebook: Notebook) {
    notebook.cell("variance", "Var(z) = n · Var(w) · E[x²], measured") { cell in
      let (n, batch, sigma) = (32, 64, 0.2)
      var inputs = cell.generator("inputs")
      var weights = cell.generator("weights")
      let x = Tensor.normal([batch, n], using: &inputs)
      let layer = Linear(inputs: n, outputs: n, initialization: .normal(standardDeviation: sigma), using: &weights)
      cell.line("one layer z = W·x, n = \(n) inputs, w ~ N(0, \(Format.number(sigma))²), \(batch) inputs x:")
      cell.table(
        ["inputs x", "E[x²]", "n·Var(w)·E[x²]", "measured Var(z)"],
        [x, x.relu()].enumerated().map { index, input in
          let meanSquare = input.pow(2).mean().item
          let z = withoutGradient { layer(input) }
          let variance = z.pow(2).mean().item - z.mean().item * z.mean().item
          notebook.result(index == 0 ? "variance_normal" : "variance_relu", [meanSquare, variance])
          return [
            index == 0 ? "N(0, 1)" : "relu(N(0, 1))", meanSquare, Double(n) * sigma * sigma * meanSquare, variance,
          ]
        }, digits: 4)
      cell.line("A ReLU zeroes half of its inputs, so E[x²] halves: to keep Var(z) from shrinking layer after")
      cell.line("layer, He doubles Var(w) to 2/n. Xavier keeps it near 1/n (times gain² = (5/3)² for tanh).")
    }
  }

  func deepStackCell(_ notebook: Notebook) throws {
    try notebook.cell("deep-stack", "Ten layers deep: the standard deviation of every layer's activations") { cell in
      let (depth, width, batch) = (10, 32, 64)
      var inputs = cell.generator("inputs")
      let x = Tensor.normal([batch, width], using: &inputs)
      var series: [LineChart.Series] = []
      var histograms: [LineChart.Series] = []
      // A probe loss P = Σ G ⊙ a¹⁰ / B with G ~ N(0, 1): ∂P/∂a¹⁰ = G/B, of order 1 per example
      // whatever the output's size (as a cross-entropy's p − y is), so the gradient that reaches
      // layer 1 shows what the ten layers do to it, not how small the output already was.
      var probeDraws = cell.generator("probe")
      let G = Tensor.normal([batch, width], using: &probeDraws)
      func norm(_ t: Tensor) -> Double { t.pow(2).sum().item.squareRoot() }
      for activation in [Activation.tanh, .relu] {
        var rows: [[TableEntry]] = (1...depth).map { [$0] }
        var gradientRows: [[TableEntry]] = [
          ["‖∂L/∂a¹⁰‖"], ["‖∂L/∂W¹⁰‖"], ["‖∂L/∂W¹‖"], ["‖∂P/∂W¹‖"], ["‖W¹‖"], ["‖∂P/∂x‖ / ‖∂P/∂a¹⁰‖"],
          ["mean √χ per layer"],
        ]
        for start in starts(for: activation) {
          var weights = cell.generator("weights")  // the same draws, scaled differently, for every start
          let stack = DeepStack(
            depth: depth, width: width, activation: activation, initialization: start.initialization, using: &weights)
          let outputs = stack.activations(x)
          let deviations = outputs.map(deviation)
          for (l, d) in deviations.enumerated() { rows[l].append(d) }
          // L = mean((a¹⁰)²): ∂L/∂a¹⁰ = 2a¹⁰/(B·width), as small as the output itself.
          outputs[depth - 1].pow(2).mean().backward()
          let outputGradient = 2 * norm(outputs[depth - 1]) / Double(batch * width)
          let (lossFirst, lossLast) = (norm(stack.layers[0].W.grad!), norm(stack.layers[depth - 1].W.grad!))
          // The probe, on the same weights: fresh gradients, and x's gradient kept.
          for layer in stack.layers { (layer.W.grad, layer.b.grad) = (nil, nil) }
          let input = Tensor(x.rows, requiresGrad: true)
          ((stack.activations(input)[depth - 1] * G).sum() / Double(batch)).backward()
          let probeFirst = norm(stack.layers[0].W.grad!)
          let backwardGain = norm(input.grad!) / (norm(G) / Double(batch))
          // χ = n·Var(w)·E[φ′(z)²], the factor by which one layer multiplies the backward signal's
          // mean square (φ′ = 1 − a² for tanh, 1 where a > 0 for ReLU); √χ is averaged over the layers.
          let chi = zip(stack.layers, outputs).map { layer, a -> Double in
            let slopes = a.scalars.map { activation == .tanh ? (1 - $0 * $0) * (1 - $0 * $0) : ($0 > 0 ? 1.0 : 0) }
            let meanSquareSlope = slopes.reduce(0, +) / Double(slopes.count)
            return Double(width) * layer.W.pow(2).mean().item * meanSquareSlope
          }
          let meanGain = chi.map { $0.squareRoot() }.reduce(0, +) / Double(depth)
          for (r, value) in [
            outputGradient, lossLast, lossFirst, probeFirst, norm(stack.layers[0].W), backwardGain, meanGain,
          ].enumerated() {
            gradientRows[r].append(value)
          }
          notebook.result(
            "gradients_\(activation.rawValue)_\(start.name)", [lossLast, lossFirst, probeFirst, backwardGain, meanGain])
          series.append(.init("\(activation.rawValue), \(start.name)", x: (1...depth).map(Double.init), y: deviations))
          notebook.result("std_\(activation.rawValue)_\(start.name)", deviations)
          if activation == .tanh && ["N(0, 1)", "Xavier, gain 5/3"].contains(start.name) {
            let last = outputs[depth - 1].scalars
            let saturated = Double(last.filter { abs($0) > 0.99 }.count) / Double(last.count)
            cell.line(
              "tanh, \(start.name): \(Format.number(100 * saturated, digits: 3))% of layer \(depth)'s units have |a| > 0.99"
            )
            notebook.result("saturated_tanh_\(start.name)", saturated)
            let bins = 20
            var counts = [Double](repeating: 0, count: bins)
            for value in last {
              let bin = min(Int((value + 1) / 2 * Double(bins)), bins - 1)
              counts[bin] += 1 / Double(last.count)
            }
            let centers = (0..<bins).map { b -> Double in -1 + (Double(b) + 0.5) * 2 / Double(bins) }
            histograms.append(.init(start.name, x: centers, y: counts, points: true))
          }
        }
        cell.line(
          "\(activation.rawValue): std of each layer's activations (\(batch) inputs x ~ N(0, 1), width \(width))")
        cell.table(["layer"] + starts(for: activation).map(\.name), rows + gradientRows, digits: 3)
      }
      cell.line("L = mean((a¹⁰)²), whose gradient ∂L/∂a¹⁰ = 2a¹⁰/(B·n) is as small as the output;")
      cell.line(
        "P = Σ G ⊙ a¹⁰ / B with G ~ N(0, 1) fixed, a probe whose ∂P/∂a¹⁰ = G/B does not shrink with the output;")
      cell.line("‖∂P/∂x‖ / ‖∂P/∂a¹⁰‖: how much the ten layers shrink (< 1) or grow (> 1) the gradient going down;")
      cell.line("χ = n·Var(w)·E[φ′(z)²], each layer's factor on the backward signal's mean square.")
      try cell.figure(
        LineChart(
          name: "activation-std", title: "Std of the activations, layer by layer", xLabel: "layer",
          yLabel: "std", series: series, logY: true))
      try cell.figure(
        LineChart(
          name: "tanh-histogram", title: "tanh activations of layer 10", xLabel: "activation",
          yLabel: "share of the units", series: histograms))
    }
  }

  func symmetryCell(_ notebook: Notebook) {
    notebook.cell("symmetry", "Why the weights cannot start equal") { cell in
      var data = cell.generator("data")
      let points = TwoMoons.make(count: 100, noise: 0.2, using: &data)
      let (X, y) = (Tensor(points.points), Tensor(points.labels).reshaped([-1, 1]))
      let (hidden, steps) = (8, 300)
      var rows: [[TableEntry]] = []
      for equal in [true, false] {
        var weights = cell.generator("weights")
        let model = Classifier(sizes: [2, hidden, 1], using: &weights)
        if equal {
          // Every weight 0.5 and every bias 0: the 8 hidden units are the same function of x.
          for layer in model.layers {
            layer.W.scalars = Array(repeating: 0.5, count: layer.W.count)
            layer.b.scalars = Array(repeating: 0, count: layer.b.count)
          }
        }
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.1, momentum: 0.9)
        for _ in 0..<steps { optimizer.step { sigmoidCrossEntropy(logits: model(X), labels: y) } }
        // The largest difference between two hidden units' incoming weights (rows of W¹).
        let W1 = model.layers[0].W.rows
        let spread = (0..<2).map { j in W1.map { $0[j] }.max()! - W1.map { $0[j] }.min()! }.max()!
        let (loss, accuracy) = evaluate(model, X, y)
        rows.append([equal ? "all weights 0.5, biases 0" : "random (±1/√n)", spread, loss, accuracy])
        notebook.result("symmetry_\(equal)", [spread, loss, accuracy])
      }
      cell.line(
        "2-\(hidden)-1 ReLU network, 100 two-moons points, SGD η = 0.1 with momentum 0.9, \(steps) full-batch steps:")
      cell.table(["start", "largest difference between rows of W¹", "train loss", "train acc."], rows, digits: 3)
      cell.line("Equal units get equal gradients, so equal rows stay equal at every step: the 8 units remain one.")
    }
  }
}
