// Initialization.swift — section 1: why the scale of the first weights decides whether a deep
// stack passes a signal at all, measured layer by layer.

import Autograd
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
      for activation in [Activation.tanh, .relu] {
        var rows: [[TableEntry]] = (1...depth).map { [$0] }
        var firstGradients: [TableEntry] = ["‖∂L/∂W¹‖"]
        var lastGradients: [TableEntry] = ["‖∂L/∂W¹⁰‖"]
        for start in starts(for: activation) {
          var weights = cell.generator("weights")  // the same draws, scaled differently, for every start
          let stack = DeepStack(
            depth: depth, width: width, activation: activation, initialization: start.initialization, using: &weights)
          let outputs = stack.activations(x)
          let deviations = outputs.map(deviation)
          for (l, d) in deviations.enumerated() { rows[l].append(d) }
          outputs[depth - 1].pow(2).mean().backward()
          firstGradients.append(stack.layers[0].W.grad!.pow(2).sum().item.squareRoot())
          lastGradients.append(stack.layers[depth - 1].W.grad!.pow(2).sum().item.squareRoot())
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
        cell.table(["layer"] + starts(for: activation).map(\.name), rows + [lastGradients, firstGradients], digits: 3)
      }
      cell.line("L = mean((a¹⁰)²); ‖∂L/∂W¹⁰‖ is the gradient at the last layer, ‖∂L/∂W¹‖ what reaches the first.")
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
}
