// Chapter03Tests.swift — exercises 3.1–3.2.

import Autograd
import Exercises
import Testing

@Suite("Chapter 03 exercises")
struct Chapter03Tests {
  @Test("Exercise 3.1: article 004's labels and probabilities [2 points]")
  func bceExample() throws {
    let loss = try binaryCrossEntropy(probabilities: [0.2, 0.8, 0.6, 0.4, 0.9], targets: [1, 0, 1, 0, 1])
    #expect(close(loss, 0.869177517611602))
  }

  @Test("Exercise 3.2: ∂L/∂z = softmax(z) − onehot [2 points]")
  func softmaxGradient() throws {
    let g = try softmaxCrossEntropyGradient(logits: [2, 1, 0.1], label: 0)
    #expect(close(g, [-0.340998861114032, 0.242432970704714, 0.0985658904093182]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 3.1: matches the library on random data [2 points]")
  func bceAgainstLibrary() throws {
    var rng = SeededGenerator(seed: 31)
    let p = Tensor.uniform([20], in: 0.01...0.99, using: &rng)
    let y = Tensor((0..<20).map { _ in Double(rng.nextInt(in: 0..<2)) })
    let expected = Autograd.binaryCrossEntropy(probabilities: p, targets: y).item
    #expect(close(try binaryCrossEntropy(probabilities: p.scalars, targets: y.scalars), expected))
  }

  @Test("Exercise 3.2: matches autograd, also at large logits [3 points]")
  func softmaxGradientAgainstAutograd() throws {
    for (logits, label) in [([0.5, -1.0, 2.0, 0.0], 2), ([1e4, 0, -1e4], 1)] {
      let z = Tensor([logits], requiresGrad: true)
      softmaxCrossEntropy(logits: z, labels: [label]).backward()
      #expect(close(try softmaxCrossEntropyGradient(logits: logits, label: label), z.grad!.scalars))
    }
  }
  // END HIDDEN TESTS
}
