// 09-training — what makes a network train: initialization, batch and layer normalization,
// residual connections, regularization, learning-rate schedules and clipping, and the
// cross-entropy as maximum likelihood. Each section shows the failure, then the fix, in numbers.
//
// Every matrix product here has fewer than 2¹⁷ multiply-adds (the largest: 40 rows through a
// 48 × 48 layer, 92 160; 64 rows through 32 × 32 layers, 65 536; the 100-row batch of the
// symmetry run goes through layers of 2 × 8 and 8 × 1), so Autograd computes it in a fixed order
// and the numbers are the same under every BLAS kernel.

import ArgumentParser
import Autograd
import Examples
import Foundation
import Notebook
import Plot

@main
struct Training: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "09-training",
    abstract: "Initialization, normalization, residuals, regularization, schedules and clipping, each measured.")
  static let defaultSeed: UInt64 = 9
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    varianceCell(notebook)
    try deepStackCell(notebook)
    symmetryCell(notebook)
    batchNormByHandCell(notebook)
    batchNormModesCell(notebook)
    try batchNormStackCell(notebook)
    layerNormCell(notebook)
    try residualCell(notebook)
    deepTrainingCell(notebook)
    dropoutCell(notebook)
    try overfittingCell(notebook)
    decouplingCell(notebook)
    decayEquivalenceCell(notebook)
    try schedulesCell(notebook)
    try clippingCell(notebook)
    likelihoodCell(notebook)
    labelSmoothingCell(notebook)
  }
}

// MARK: - Shared pieces

/// The population standard deviation of all the values of `t`.
func deviation(_ t: Tensor) -> Double {
  let values = t.scalars
  let mean = values.reduce(0, +) / Double(values.count)
  return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
}

/// A stack of `depth` square layers of `width`, each followed by `activation`, and, when asked,
/// by a batch normalization between the layer and the activation.
final class DeepStack: Module {
  let layers: [Linear]
  let norms: [BatchNorm]
  let activation: Activation
  let residual: Bool

  init(
    depth: Int, width: Int, activation: Activation, initialization: Initialization, batchNorm: Bool = false,
    residual: Bool = false, using generator: inout SeededGenerator
  ) {
    layers = (0..<depth).map { _ in
      Linear(inputs: width, outputs: width, initialization: initialization, using: &generator)
    }
    norms = batchNorm ? (0..<depth).map { _ in BatchNorm(features: width) } : []
    self.activation = activation
    self.residual = residual
  }

  /// Every layer's output after its activation, input side first.
  func activations(_ x: Tensor) -> [Tensor] {
    var a = x
    var outputs: [Tensor] = []
    for (l, layer) in layers.enumerated() {
      var z = layer(a)
      if !norms.isEmpty { z = norms[l](z) }
      a = residual ? a + activation(z) : activation(z)
      outputs.append(a)
    }
    return outputs
  }
}

/// Two-moons training and validation sets (drawn in that order from `generator`): points `[n, 2]`
/// and labels `[n, 1]`.
func moons(train: Int, valid: Int, noise: Double, using generator: inout SeededGenerator)
  -> (X: Tensor, y: Tensor, Xv: Tensor, yv: Tensor)
{
  let trainData = TwoMoons.make(count: train, noise: noise, using: &generator)
  let validData = TwoMoons.make(count: valid, noise: noise, using: &generator)
  return (
    Tensor(trainData.points), Tensor(trainData.labels).reshaped([-1, 1]), Tensor(validData.points),
    Tensor(validData.labels).reshaped([-1, 1])
  )
}

/// Applies `model` to the rows of `X` in blocks of at most `rows`, so that no product reaches
/// 2¹⁷ multiply-adds (see the top of this file), and stacks the results.
func inBlocks(_ X: Tensor, rows: Int = 32, _ model: (Tensor) -> Tensor) -> Tensor {
  let all = X.rows
  var out: [[Double]] = []
  var start = 0
  while start < all.count {
    let block = Tensor(Array(all[start..<min(start + rows, all.count)]))
    out += withoutGradient { model(block) }.rows
    start += rows
  }
  return Tensor(out)
}
