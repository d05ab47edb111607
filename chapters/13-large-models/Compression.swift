// Compression.swift — the fine-tuned classifier made smaller: magnitude pruning of its weight
// matrices, and quantization of them to 8 bits (one scale per tensor or per output row) and to
// 4 bits; each variant evaluated on the test set after turning its codes back into doubles.

import Autograd
import Foundation
import Notebook

struct Compressed {
  let name: String
  let bytes: Int
  let accuracy: Double
  let loss: Double
}

/// Symmetric quantization to the integers −levels…levels with one scale per group of values:
/// q = round(w / s), s = max |w| / levels, and w ≈ q·s. Returns the dequantized values.
func quantized(_ values: [Double], groups: Int, levels: Double) -> [Double] {
  let size = values.count / groups
  var out = values
  for g in 0..<groups {
    let range = (g * size)..<((g + 1) * size)
    let largest = values[range].map(abs).max()!
    guard largest > 0 else { continue }
    let scale = largest / levels
    for i in range { out[i] = (values[i] / scale).rounded() * scale }
  }
  return out
}

/// `values` with the `fraction` of smallest magnitude set to 0 (ties broken by position).
func pruned(_ values: [Double], fraction: Double) -> [Double] {
  let order = values.indices.sorted { (abs(values[$0]), $0) < (abs(values[$1]), $1) }
  var out = values
  for i in order.prefix(Int((fraction * Double(values.count)).rounded())) { out[i] = 0 }
  return out
}

extension LargeModels {
  static let retrainingSteps = 50

  func compressionCell(_ notebook: Notebook, _ corpus: Corpus, _ model: SentimentClassifier) -> [Compressed] {
    var results: [Compressed] = []
    notebook.cell("compression", "Compression: pruning and quantization of the fine-tuned classifier") { cell in
      let original = model.namedParameters.map { ($0.name, $0.tensor.scalars) }
      // The weight matrices are compressed; biases, norms' γ and β stay in doubles (they are few).
      let matrices = model.namedParameters.filter { $0.tensor.rank == 2 }
      let matrixValues = matrices.reduce(0) { $0 + $1.tensor.count }
      let others = model.parameterCount - matrixValues
      func restore() { for (p, (_, values)) in zip(model.parameters, original) { p.scalars = values } }
      func measure(_ name: String, bytes: Int) {
        let (accuracy, loss) = evaluate(model, corpus.test)
        results.append(Compressed(name: name, bytes: bytes, accuracy: accuracy, loss: loss))
        restore()
      }
      measure("uncompressed, F64", bytes: 8 * model.parameterCount)
      var batches = cell.generator("retraining")
      for fraction in [0.5, 0.75, 0.9] {
        let kept = matrixValues - matrices.reduce(0) { $0 + Int((fraction * Double($1.tensor.count)).rounded()) }
        // Stored sparse: each kept weight as a double and a 4-byte index.
        let bytes = 12 * kept + 8 * others
        for (_, p) in matrices { p.scalars = pruned(p.scalars, fraction: fraction) }
        measure("pruned \(Int(100 * fraction)) %", bytes: bytes)
        // The same pruning, then a short re-training on every label with the pruned weights held at 0.
        for (_, p) in matrices { p.scalars = pruned(p.scalars, fraction: fraction) }
        let zeros = matrices.map { $0.tensor.scalars.map { $0 == 0 } }
        let optimizer = Adam(parameters: model.parameters, learningRate: 0.001)
        for _ in 0..<Self.retrainingSteps {
          let picked = (0..<16).map { _ in corpus.labeled[batches.nextInt(in: 0..<corpus.labeled.count)] }
          let labels = Tensor(picked.map { Double($0.label) })
          optimizer.step(clippingGradientNorm: 1) {
            sigmoidCrossEntropy(logits: model(padded(picked.map(\.ids))), labels: labels)
          }
          for ((_, p), zero) in zip(matrices, zeros) {
            p.scalars.withUnsafeMutableBufferPointer { values in for i in values.indices where zero[i] { values[i] = 0 }
            }
          }
        }
        measure("pruned \(Int(100 * fraction)) %, re-trained \(Self.retrainingSteps) steps", bytes: bytes)
      }
      let variants: [(String, Double, Bool, Double)] = [
        ("int8, one scale per tensor", 127, false, 1), ("int8, one scale per output row", 127, true, 1),
        ("4 bits, one scale per output row", 7, true, 0.5),
      ]
      for (name, levels, perRow, bytesPerCode) in variants {
        var scales = 0
        for (_, p) in matrices {
          let groups = perRow ? p.shape[0] : 1
          p.scalars = quantized(p.scalars, groups: groups, levels: levels)
          scales += groups
        }
        measure(name, bytes: Int((bytesPerCode * Double(matrixValues)).rounded(.up)) + 8 * scales + 8 * others)
      }
      cell.line(
        "the classifier fine-tuned on all \(corpus.labeled.count) labels (seed 0): \(model.parameterCount) parameters, \(matrixValues) of them in \(matrices.count) weight matrices (the"
      )
      cell.line(
        "embeddings included), which are compressed; the other \(others) stay doubles. Bytes as they would be stored; re-training:"
      )
      cell.line(
        "Adam, η = 0.001, batches of 16 of the \(corpus.labeled.count) labeled sentences, the pruned weights set back to 0 after every step"
      )
      let reference = results[0]
      cell.table(
        ["model", "bytes", "× smaller", "test accuracy", "test loss (nats)"],
        results.map { [$0.name, $0.bytes, Double(reference.bytes) / Double($0.bytes), $0.accuracy, $0.loss] }, digits: 3
      )
      notebook.result("compression", results.map { [Double($0.bytes), $0.accuracy, $0.loss] })
    }
    return results
  }
}
