// Optimizers.swift — plain gradient descent, momentum and Adam on two hard 2-D surfaces.

import Autograd
import Foundation
import Notebook
import Plot

/// A 2-D test function with a starting point, its minimum, and a learning rate per optimizer.
struct Surface: Sendable {
  let id: String
  let title: String
  let formula: String
  let f: @Sendable (Tensor) -> Tensor  // p [2] → scalar
  let start: [Double]
  let minimum: [Double]
  let steps: Int
  let rates: (sgd: Double, momentum: Double, beta: Double, adam: Double)  // beta: the momentum coefficient
  let xRange: ClosedRange<Double>
  let yRange: ClosedRange<Double>
}

extension GradientDescent {
  static let surfaces = [
    Surface(
      id: "quadratic", title: "an ill-conditioned bowl", formula: "f(x, y) = ½(x² + 25y²)",
      f: { p in 0.5 * (p.sliced(axis: 0, 0..<1).pow(2) + 25 * p.sliced(axis: 0, 1..<2).pow(2)).sum() },
      start: [-4, 1.5], minimum: [0, 0], steps: 60, rates: (0.07, 0.05, 0.6, 0.3), xRange: -4.5...1.5, yRange: -2...2),
    Surface(
      id: "rosenbrock", title: "Rosenbrock's banana valley", formula: "f(x, y) = (1 − x)² + 100(y − x²)²",
      f: { p in
        let (x, y) = (p.sliced(axis: 0, 0..<1), p.sliced(axis: 0, 1..<2))
        return ((1 - x).pow(2) + 100 * (y - x.pow(2)).pow(2)).sum()
      },
      start: [-1.5, 2], minimum: [1, 1], steps: 3000, rates: (0.001, 0.0003, 0.9, 0.02), xRange: -2...2, yRange: -1...3),
  ]

  /// One optimizer's way down a surface: every point it stood on and f at each step.
  struct Descent {
    let name: String
    let path: [(x: Double, y: Double)]
    let losses: [Double]
    var end: (x: Double, y: Double) { path.last! }
  }

  /// Minimizes `surface.f` from its start with one optimizer, recording the path and the losses.
  func descend(
    _ name: String, _ surface: Surface, _ notebook: Notebook, _ cell: Cell, _ makeOptimizer: ([Tensor]) -> Optimizer
  ) -> Descent {
    let p = Tensor(surface.start, requiresGrad: true)
    let optimizer = makeOptimizer([p])
    var path = [(x: p.scalars[0], y: p.scalars[1])]
    let run = notebook.train(surface.id, epochs: surface.steps) { _ in
      let loss = optimizer.step { surface.f(p) }
      path.append((p.scalars[0], p.scalars[1]))
      return loss
    }
    if run.diverged { cell.line("\(name): \(run.summary)") }
    return Descent(name: name, path: path, losses: run.losses)
  }

  func optimizerCells(_ notebook: Notebook) throws {
    for surface in Self.surfaces {
      try notebook.cell("optimizers-\(surface.id)", "SGD, momentum and Adam on \(surface.title): \(surface.formula)") {
        cell in
        let rates = surface.rates
        let runs = [
          descend("SGD, η = \(Format.number(rates.sgd))", surface, notebook, cell) {
            SGD(parameters: $0, learningRate: rates.sgd)
          },
          descend(
            "momentum \(Format.number(rates.beta)), η = \(Format.number(rates.momentum))", surface, notebook, cell
          ) { SGD(parameters: $0, learningRate: rates.momentum, momentum: rates.beta) },
          descend("Adam, η = \(Format.number(rates.adam))", surface, notebook, cell) {
            Adam(parameters: $0, learningRate: rates.adam)
          },
        ]
        cell.line(
          "start \(Format.vector(surface.start)), minimum \(Format.vector(surface.minimum)), \(surface.steps) steps each"
        )
        let adam = Adam(parameters: [])  // its defaults, the constants of the text's equations
        cell.line(
          "Adam's constants: β₁ = \(Format.number(adam.beta1)), β₂ = \(Format.number(adam.beta2)), ε = \(Format.number(adam.epsilon))"
        )
        cell.table(
          ["optimizer", "final x", "final y", "final f", "distance to minimum"],
          runs.map { run in
            let last = run.end
            let distance =
              ((last.x - surface.minimum[0]) * (last.x - surface.minimum[0]) + (last.y - surface.minimum[1])
                * (last.y - surface.minimum[1]))
              .squareRoot()
            return [run.name, last.x, last.y, surface.f(Tensor([last.x, last.y])).item, distance]
          }, digits: 4)
        notebook.result(
          "\(surface.id)_final_losses", runs.map { surface.f(Tensor([$0.end.x, $0.end.y])).item })
        let grid = Grid(x: surface.xRange, y: surface.yRange, xCount: 101, yCount: 101) { x, y in
          surface.f(Tensor([x, y])).item + 1e-3  // + 1e-3 keeps the log colour scale finite at the minimum
        }
        try cell.figure(
          ContourPlot(
            name: "paths-\(surface.id)", title: "\(surface.formula): paths of three optimizers", xLabel: "x",
            yLabel: "y",
            surface: grid, paths: runs.map { .init($0.name, points: $0.path) },
            markers: [.init("minimum", points: [(surface.minimum[0], surface.minimum[1])])], colorLabel: "f",
            logColor: true))
        try cell.figure(
          LineChart(
            name: "losses-\(surface.id)", title: "\(surface.formula): f per step", xLabel: "step", yLabel: "f",
            series: runs.map {
              .init($0.name, x: (1...$0.losses.count).map(Double.init), y: $0.losses.map { max($0, 1e-16) })
            },
            logY: true))
      }
    }
  }
}
