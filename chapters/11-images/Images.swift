// 11-images — article 003's CNN and stacked LSTM (L327–366) trained on Fashion-MNIST, their
// Keras logs printed line for line beside the article's (L384–414), and what the models learned.
//
// Every matrix product is computed in Autograd's fixed order of additions (the limit is raised at
// the start of the lesson), so the numbers are the same under every BLAS kernel.
//
// Shapes: B batch (32), images 28 × 28, C channels, F = 32 filters.

import ArgumentParser
import Autograd
import Datasets
import Foundation
import Notebook
import Plot

/// How much of Fashion-MNIST a run uses.
struct Scope {
  let trainCount: Int
  let testCount: Int
  let epochs: Int
  var isFull: Bool { trainCount == 60_000 && testCount == 10_000 && epochs == 5 }
  /// The default run, which the text shows: a subset small enough for a minute on two cores.
  static let standard = Scope(trainCount: 3000, testCount: 1000, epochs: 3)
  /// The article's `fit(x_train, y_train, epochs=5, validation_data=(x_test, y_test))` on all of it.
  static let full = Scope(trainCount: 60_000, testCount: 10_000, epochs: 5)
}

@main
struct Images: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "11-images",
    abstract: "Article 003's CNN and LSTM trained on Fashion-MNIST, their Keras logs beside the article's.")
  static let defaultSeed: UInt64 = 11
  @OptionGroup var options: ChapterOptions

  @Flag(help: "The article's run: 5 epochs on all 60 000 training images, validated on all 10 000 test images.")
  var full = false

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    if full && (options.updateText || options.checkText) {
      throw ValidationError(
        "The text shows the default run; --full cannot be combined with --update-text or --check-text.")
    }
    let scope = full ? Scope.full : Scope.standard
    let data = try dataCell(notebook, scope)
    let cnn = try cnnCells(notebook, data, scope)
    let lstm = try lstmCells(notebook, data, scope)
    let dense = try denseCell(notebook, data, scope)
    try curvesCell(notebook, cnn: cnn.records, lstm: lstm.records, dense: dense.records)
    try confusionCells(notebook, cnn.model, data)
    try rowsAsTimeCell(notebook, lstm.model, data)
    sourceChecks(notebook, data, scope, cnn: cnn, lstm: lstm)
    // The promise of the first line is kept by ChapterCommand: it stops if a product left the fixed order.
  }
}
