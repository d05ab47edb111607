// 01-activations — the nonlinearities of a neural network and their derivatives, each
// derivative computed three ways: the hand formula, autograd, and finite differences.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

/// One activation: its formulas as the text writes them, the function, and its derivative by hand.
struct Activation: Sendable {
  let id: String
  let name: String
  let formula: String
  let derivativeFormula: String
  let f: @Sendable (Tensor) -> Tensor
  let derivative: @Sendable (Double) -> Double
}

func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
func normalPDF(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
func normalCDF(_ x: Double) -> Double { 0.5 * (1 + erf(x / 2.0.squareRoot())) }

let activations = [
  Activation(
    id: "relu", name: "ReLU", formula: "relu(x) = max(0, x)",
    derivativeFormula: "relu′(x) = 1 for x > 0, 0 for x < 0 (undefined at 0; we use 0)",
    f: { $0.relu() }, derivative: { $0 > 0 ? 1 : 0 }),
  Activation(
    id: "sigmoid", name: "Sigmoid", formula: "σ(x) = 1 / (1 + e^(−x))",
    derivativeFormula: "σ′(x) = e^(−x) / (1 + e^(−x))² = σ(x)·(1 − σ(x))",
    f: { $0.sigmoid() }, derivative: { sigmoid($0) * (1 - sigmoid($0)) }),
  Activation(
    id: "tanh", name: "Tanh", formula: "tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))",
    derivativeFormula: "tanh′(x) = 4 / (e^x + e^(−x))² = 1 − tanh²(x)",
    f: { $0.tanh() }, derivative: { 1 - tanh($0) * tanh($0) }),
  Activation(
    id: "leaky-relu", name: "Leaky ReLU (slope 0.01)", formula: "leakyRelu(x) = x for x > 0, 0.01·x otherwise",
    derivativeFormula: "leakyRelu′(x) = 1 for x > 0, 0.01 for x < 0 (we use 0.01 at 0)",
    f: { $0.leakyRelu(slope: 0.01) }, derivative: { $0 > 0 ? 1 : 0.01 }),
  Activation(
    id: "gelu", name: "GELU", formula: "gelu(x) = x·Φ(x), Φ the standard normal CDF",
    derivativeFormula: "gelu′(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π)",
    f: { $0.gelu() }, derivative: { normalCDF($0) + $0 * normalPDF($0) }),
  Activation(
    id: "softplus", name: "Softplus", formula: "softplus(x) = ln(1 + e^x)",
    derivativeFormula: "softplus′(x) = e^x / (1 + e^x) = σ(x)",
    f: { $0.softplus() }, derivative: sigmoid),
]

@main
struct Activations: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "01-activations",
    abstract: "Activation functions and their derivatives: by hand, by autograd, by finite differences.")
  static let defaultSeed: UInt64 = 1
  @OptionGroup var options: ChapterOptions

  static let points: [Double] = [-5, -2, -1, -0.5, 0, 0.5, 1, 2, 5]
  static let curve = Tensor.linspace(-5, 5, count: 201).scalars

  func lesson(_ notebook: Notebook) throws {
    for activation in activations {
      try notebook.cell(activation.id, activation.name) { cell in
        cell.line(activation.formula)
        cell.line(activation.derivativeFormula)
        cell.line()
        let xs = Self.points
        let values = activation.f(Tensor(xs)).scalars
        let hand = xs.map(activation.derivative)
        let auto = autogradDerivative(of: activation.f, at: xs)
        let numeric = xs.map { centralDifference(of: scalar(activation.f), at: $0) }
        cell.table(
          ["x", "f(x)", "f′ by hand", "f′ by autograd", "f′ by finite diff."],
          xs.indices.map { [xs[$0], values[$0], hand[$0], auto[$0], numeric[$0]] })
        let smooth = xs.indices.filter { xs[$0] != 0 || !["relu", "leaky-relu"].contains(activation.id) }
        cell.line("largest |autograd − hand|: \(Format.within(zip(auto, hand).map { abs($0 - $1) }.max()!, Format.roundingBound))")
        cell.line(
          "largest |finite difference − hand|\(smooth.count < xs.count ? " away from the kink at 0" : ""): "
            + Format.within(smooth.map { abs(numeric[$0] - hand[$0]) }.max()!, Format.differenceBound))
        notebook.result("\(activation.id)_derivative", hand)
        try cell.figure(
          LineChart.function(
            name: activation.id, title: "\(activation.name) and its derivative", x: Self.curve,
            f: scalar(activation.f), derivative: activation.derivative,
            functionLabel: activation.formula.components(separatedBy: " = ")[0],
            derivativeLabel: activation.derivativeFormula.components(separatedBy: " = ")[0]))
      }
    }

    notebook.cell("relu-kink", "ReLU at 0: a kink, not a derivative") { cell in
      let left = centralDifference(of: { max(0, $0) }, at: 0, h: 1e-6)
      cell.value("(relu(h) − relu(−h)) / 2h at h = 1e-6", left)
      cell.value("slope from the left  (relu(0) − relu(−h)) / h", (0 - max(0, -1e-6)) / 1e-6)
      cell.value("slope from the right (relu(h) − relu(0)) / h", (max(0, 1e-6) - 0) / 1e-6)
      cell.line("Any value in [0, 1] is a valid subgradient at 0; PyTorch and Autograd use 0.")
    }

    softmaxCell(notebook)
    try saturationCell(notebook)
    try sourceChecks(notebook)
  }

  /// softmax, its Jacobian three ways, and its invariance to shifting the inputs.
  func softmaxCell(_ notebook: Notebook) {
    notebook.cell("softmax", "Softmax: a vector in, a probability vector out") { cell in
      let z = Tensor([1.0, 2.0, 3.0])  // [3]
      let s = z.softmax(axis: 0)  // [3]
      cell.line("softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ)")
      cell.vector("z", z.scalars)
      cell.vector("softmax(z)", s.scalars)
      cell.value("Σ softmax(z)", s.sum().item)
      cell.vector("softmax(z + 100)", (z + 100).softmax(axis: 0).scalars)
      cell.line()
      cell.line("∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), the Jacobian diag(s) − s·sᵀ:")
      let n = z.count
      let byHand = Tensor(
        shape: [n, n],
        scalars: (0..<n * n).map { k in
          let (i, j) = (k / n, k % n)
          return s.scalars[i] * ((i == j ? 1 : 0) - s.scalars[j])
        })
      // Row i of the Jacobian is the gradient of sᵢ: one backward pass per output.
      let byAutograd = Tensor(
        (0..<n).map { i in
          let zi = Tensor(z.scalars, requiresGrad: true)
          zi.softmax(axis: 0).sliced(axis: 0, i..<(i + 1)).sum().backward()
          return zi.grad!.scalars
        })
      let byDifferences = Tensor(
        (0..<n).map { i in
          (0..<n).map { j in
            centralDifference(
              of: { v in
                var shifted = z.scalars
                shifted[j] = v
                return Tensor(shifted).softmax(axis: 0).scalars[i]
              }, at: z.scalars[j])
          }
        })
      cell.tensor("by hand", byHand)
      cell.tensor("by autograd", byAutograd)
      cell.tensor("by finite differences", byDifferences)
      cell.line("largest |autograd − hand|: \(Format.within((byAutograd - byHand).abs().max().item, Format.roundingBound))")
      cell.line("largest |finite differences − hand|: \(Format.within((byDifferences - byHand).abs().max().item, Format.differenceBound))")
      cell.line("Each row sums to 0: adding the same amount to every zⱼ changes nothing.")
      notebook.result("softmax_of_1_2_3", s.scalars)
    }
  }

  /// Where sigmoid and tanh flatten out, and what that does to a gradient passed through many layers.
  func saturationCell(_ notebook: Notebook) throws {
    try notebook.cell("saturation", "Saturation: where the derivatives vanish") { cell in
      let xs: [Double] = [0, 1, 2, 5, 10]
      let sigmoidPrime = autogradDerivative(of: { $0.sigmoid() }, at: xs)
      let tanhPrime = autogradDerivative(of: { $0.tanh() }, at: xs)
      let reluPrime = autogradDerivative(of: { $0.relu() }, at: xs)
      cell.table(
        ["|x|", "σ′(x)", "tanh′(x)", "relu′(x) (x > 0)"],
        xs.indices.map { [xs[$0], sigmoidPrime[$0], tanhPrime[$0], xs[$0] > 0 ? reluPrime[$0] : 1.0] }, digits: 4)
      cell.value("σ′(±5)", sigmoidPrime[3], digits: 4)
      cell.line()
      cell.line("Backpropagation multiplies one f′ per layer. Even at σ′'s best, x = 0:")
      for depth in [1, 5, 10, 20] {
        let layers = depth == 1 ? "1 sigmoid layer: " : "\(depth) sigmoid layers:"
        cell.line("  \(layers) 0.25^\(depth) = \(Format.number(Double.power(0.25, Double(depth)), digits: 4))")
      }
      cell.line("tanh′(0) = 1 and relu′ = 1 for x > 0 pass the gradient on undiminished.")
      notebook.result("sigmoid_derivative_at_5", sigmoidPrime[3])
      try cell.figure(
        LineChart(
          name: "derivatives", title: "The derivatives side by side", xLabel: "x", yLabel: "f′(x)",
          series: [
            .init("σ′(x)", x: Self.curve, y: autogradDerivative(of: { $0.sigmoid() }, at: Self.curve)),
            .init("tanh′(x)", x: Self.curve, y: autogradDerivative(of: { $0.tanh() }, at: Self.curve)),
            .init("relu′(x)", x: Self.curve, y: autogradDerivative(of: { $0.relu() }, at: Self.curve), dashed: true),
          ], zeroAxes: true))
    }
  }
}

extension Double {
  static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}
