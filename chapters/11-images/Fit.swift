// Fit.swift — Keras's model.fit, written out: shuffle, batches of 32, one Adam step per batch,
// the running loss and accuracy of the epoch, then the loss and accuracy on the validation data.
//
// Keras's epoch line reports the mean over the epoch's batches of what each batch scored *before*
// its update (the weights move during the epoch), not a pass over the training set at the end.

import Autograd
import Foundation
import Notebook

/// One model as Keras's Sequential sees it: logits of a batch, and how to shape a batch.
protocol ImageClassifier: Module {
  /// The shape of a batch of `count` images, e.g. `[count, 28, 28, 1]`.
  func inputShape(_ count: Int) -> [Int]
  /// The logits `[B, 10]`; Keras's softmax output layer is the softmax of these.
  func callAsFunction(_ x: Tensor) -> Tensor
}

/// Keras's Adam defaults (tf.keras.optimizers.Adam): the listing's `optimizer='adam'`.
let kerasAdam = (rate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)

/// One epoch's line of the log.
struct EpochRecord {
  let epoch: Int
  let steps: Int
  let loss: Double
  let accuracy: Double
  let validationLoss: Double
  let validationAccuracy: Double
  /// Wall-clock seconds: measured, so shown on the terminal and kept out of the text.
  let seconds: Double
}

/// The loss and accuracy of `model` on `set`, in batches of `batchSize` (Keras's evaluate).
func evaluate(_ model: some ImageClassifier, _ set: ImageSet, batchSize: Int = 32) -> (loss: Double, accuracy: Double) {
  var (lossSum, correct) = (0.0, 0)
  withoutGradient {
    for start in stride(from: 0, to: set.count, by: batchSize) {
      let indices = Array(start..<min(start + batchSize, set.count))
      let (x, labels) = set.batch(indices, shape: model.inputShape(indices.count))
      let logits = model(x)  // [B, 10]
      lossSum += softmaxCrossEntropy(logits: logits, labels: labels).item * Double(indices.count)
      correct += zip(predictions(logits), labels).filter { $0 == $1 }.count
    }
  }
  return (lossSum / Double(set.count), Double(correct) / Double(set.count))
}

/// The class of largest logit in each row of `logits` `[B, 10]` (the first, on a tie).
func predictions(_ logits: Tensor) -> [Int] {
  logits.rows.map { row in row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }! }
}

/// Trains `model` for `epochs` epochs on `train` as `model.fit(x, y, epochs, validation_data)`
/// does with Keras's defaults: Adam (η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷), batches of 32
/// in a new random order each epoch, sparse categorical cross-entropy. Prints the log.
func fit(
  _ name: String, _ model: some ImageClassifier, train: ImageSet, validation: ImageSet, epochs: Int,
  batchSize: Int = 32, shuffling generator: inout SeededGenerator, notebook: Notebook, cell: Cell
) throws -> [EpochRecord] {
  let optimizer = Adam(
    parameters: model.parameters, learningRate: kerasAdam.rate, beta1: kerasAdam.beta1, beta2: kerasAdam.beta2,
    epsilon: kerasAdam.epsilon)
  let steps = (train.count + batchSize - 1) / batchSize
  var records: [EpochRecord] = []
  for epoch in 1...epochs {
    let order = generator.permutation(train.count)
    var (lossSum, correct, seen) = (0.0, 0, 0)
    let start = Date()
    let run = notebook.train("\(name) epoch \(epoch)/\(epochs)", epochs: steps, unit: "step") { step in
      let indices = Array(order[((step - 1) * batchSize)..<min(step * batchSize, train.count)])
      let (x, labels) = train.batch(indices, shape: model.inputShape(indices.count))
      var logits = Tensor(0)
      let loss = optimizer.step {
        logits = model(x)  // [B, 10]
        return softmaxCrossEntropy(logits: logits, labels: labels)
      }
      lossSum += loss * Double(indices.count)
      correct += zip(predictions(logits), labels).filter { $0 == $1 }.count
      seen += indices.count
      return lossSum / Double(seen)
    }
    if run.diverged { throw ValidationErrorText("\(name): \(run.summary)") }
    let seconds = Date().timeIntervalSince(start)
    let (validationLoss, validationAccuracy) = evaluate(model, validation)
    let record = EpochRecord(
      epoch: epoch, steps: steps, loss: lossSum / Double(seen), accuracy: Double(correct) / Double(seen),
      validationLoss: validationLoss, validationAccuracy: validationAccuracy, seconds: seconds)
    records.append(record)
    cell.line("Epoch \(epoch)/\(epochs)")
    cell.line(kerasLine(record, timing: nil), shown: kerasLine(record, timing: seconds))
  }
  return records
}

/// An epoch's line as Keras 2 prints it: steps, bar, time, then each metric to 4 decimals.
/// Without `timing` the time fields read "—" (the text's version: time is not reproducible).
func kerasLine(_ r: EpochRecord, timing: Double?) -> String {
  let time =
    timing.map { "\(Int(($0).rounded()))s \(Int(($0 / Double(r.steps) * 1000).rounded()))ms/step" } ?? "—s —ms/step"
  func f(_ x: Double) -> String { String(format: "%.4f", x) }
  return "\(r.steps)/\(r.steps) [==============================] - \(time) - loss: \(f(r.loss)) - accuracy: "
    + "\(f(r.accuracy)) - val_loss: \(f(r.validationLoss)) - val_accuracy: \(f(r.validationAccuracy))"
}

/// An error that is its message.
struct ValidationErrorText: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
