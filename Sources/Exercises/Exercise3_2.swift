// Exercise3_2.swift — chapter 03: the gradient of binary cross-entropy taken on logits.

import Foundation

/// Exercise 3.2 — ∂L/∂z for binary cross-entropy on logits.
///
/// L = (1/n) Σᵢ −[yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))], the loss `sigmoidCrossEntropy` computes.
/// Derive ∂L/∂zᵢ on paper first (σ′ cancels, as it does for softmax in chapter 03), then return it,
/// one entry per logit. It must stay finite for logits as large as ±1e4.
public func sigmoidCrossEntropyGradient(logits z: [Double], targets y: [Double]) throws -> [Double] {
  // BEGIN SOLUTION
  let n = Double(z.count)
  return zip(z, y).map { logit, target in
    let probability = logit >= 0 ? 1 / (1 + exp(-logit)) : exp(logit) / (1 + exp(logit))
    return (probability - target) / n
  }
  // END SOLUTION
}
