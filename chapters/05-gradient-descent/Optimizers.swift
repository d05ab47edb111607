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

  /// Minimizes `surface.f` from its start with one optimizer, recording the path and the losses.
  func descend(_ surface: Surface, _ notebook: Notebook, _ cell: Cell, _ makeOptimizer: ([Tensor]) -> Optimizer) -> (
    path: [(x: Double, y: Double)], losses: [Double]
  ) {
    let p = Tensor(surface.start, requiresGrad: true)
    let optimizer = makeOptimizer([p])
    var path = [(x: p.scalars[0], y: p.scalars[1])]
    let run = notebook.train(surface.id, epochs: surface.steps) { _ in
      let loss = optimizer.step { surface.f(p) }
      path.append((p.scalars[0], p.scalars[1]))
      return loss
    }
    if run.diverged { cell.line("\(surface.id): \(run.summary)") }
    return (path, run.losses)
  }

  func optimizerCells(_ notebook: Notebook) throws {
    for surface in Self.surfaces {
      try notebook.cell("optimizers-\(surface.id)", "SGD, momentum and Adam on \(surface.title): \(surface.formula)") {
        cell in
        let runs: [(String, (path: [(x: Double, y: Double)], losses: [Double]))] = [
          (
            "SGD, η = \(Format.number(surface.rates.sgd))",
            descend(surface, notebook, cell) { SGD(parameters: $0, learningRate: surface.rates.sgd) }
          ),
          (
            "momentum \(Format.number(surface.rates.beta)), η = \(Format.number(surface.rates.momentum))",
            descend(surface, notebook, cell) { SGD(parameters: $0, learningRate: surface.rates.momentum, momentum: surface.rates.beta) }
          ),
          (
            "Adam, η = \(Format.number(surface.rates.adam))",
            descend(surface, notebook, cell) { Adam(parameters: $0, learningRate: surface.rates.adam) }
          ),
        ]
        cell.line(
          "start \(Format.vector(surface.start)), minimum \(Format.vector(surface.minimum)), \(surface.steps) steps each"
        )
        cell.table(
          ["optimizer", "final x", "final y", "final f", "distance to minimum"],
          runs.map { name, run in
            let last = run.path.last!
            let distance =
              ((last.x - surface.minimum[0]) * (last.x - surface.minimum[0]) + (last.y - surface.minimum[1])
                * (last.y - surface.minimum[1]))
              .squareRoot()
            return [name, last.x, last.y, surface.f(Tensor([last.x, last.y])).item, distance]
          }, digits: 4)
        notebook.result(
          "\(surface.id)_final_losses", runs.map { surface.f(Tensor([$0.1.path.last!.x, $0.1.path.last!.y])).item })
        let grid = Grid(x: surface.xRange, y: surface.yRange, xCount: 101, yCount: 101) { x, y in
          surface.f(Tensor([x, y])).item + 1e-3  // + 1e-3 keeps the log colour scale finite at the minimum
        }
        try cell.figure(
          ContourPlot(
            name: "paths-\(surface.id)", title: "\(surface.formula): paths of three optimizers", xLabel: "x",
            yLabel: "y",
            surface: grid, paths: runs.map { .init($0.0, points: $0.1.path) },
            markers: [.init("minimum", points: [(surface.minimum[0], surface.minimum[1])])], colorLabel: "f",
            logColor: true))
        try cell.figure(
          LineChart(
            name: "losses-\(surface.id)", title: "\(surface.formula): f per step", xLabel: "step", yLabel: "f",
            series: runs.map {
              .init($0.0, x: (1...$0.1.losses.count).map(Double.init), y: $0.1.losses.map { max($0, 1e-16) })
            },
            logY: true))
      }
    }
  }
}
