// Losses.swift — the five losses of the chapters, each a scalar tensor whose gradients reach
// every argument that requires them.

import Foundation

/// Checks that a loss's two arguments have the same shape. Broadcasting here is almost
/// always a bug ([n, 1] against [n] silently becomes [n, n]), so it is refused.
private func requireSameShape(_ operation: String, _ a: Tensor, _ b: Tensor) {
  if a.shape != b.shape {
    fail("\(operation): shapes \(a.shape) and \(b.shape) differ; reshape one so they match")
  }
}

/// The mean squared error over all elements.
///
/// ```
/// L = (1/N) Σᵢ (pᵢ − eᵢ)²          ∂L/∂pᵢ = (2/N)(pᵢ − eᵢ)
/// ```
/// The 1/N mean, as in PyTorch's `MSELoss`; some texts use ½Σ instead, which changes the
/// gradient by the factor N/2 but not where the minimum is.
public func meanSquaredError(predicted: Tensor, expected: Tensor) -> Tensor {
  requireSameShape("meanSquaredError", predicted, expected)
  return (predicted - expected).pow(2).mean()
}

/// The Huber loss (PyTorch's `HuberLoss`, `smooth_l1_loss` for δ = 1), the mean over all elements.
///
/// ```
/// d = p − e     ℓ(d) = ½d²            for |d| ≤ δ        ∂ℓ/∂p = d
///               ℓ(d) = δ(|d| − ½δ)    otherwise          ∂ℓ/∂p = δ·sign(d)
/// L = (1/N) Σᵢ ℓ(dᵢ)                                     ∂L/∂pᵢ = clamp(dᵢ, −δ, δ) / N = −∂L/∂eᵢ
/// ```
/// Squared near zero, linear beyond δ: a target far off (a DQN's early, moving targets) pulls
/// with a gradient of at most δ/N instead of one as large as the error.
public func huberLoss(predicted: Tensor, expected: Tensor, delta: Double = 1) -> Tensor {
  requireSameShape("huberLoss", predicted, expected)
  if !(delta > 0) { fail("huberLoss: delta must be positive, got \(delta)") }
  if predicted.count == 0 { fail("huberLoss: the tensors of shape \(predicted.shape) are empty") }
  let (p, e) = (predicted, expected)
  let n = Double(p.count)
  var total = 0.0
  for (pi, ei) in zip(p.scalars, e.scalars) {
    let d = pi - ei
    total += Swift.abs(d) <= delta ? 0.5 * d * d : delta * (Swift.abs(d) - 0.5 * delta)
  }
  return Tensor.result(of: "huberLoss", shape: [], scalars: [total / n], inputs: [p, e]) { _, g in
    let slope = g * (p - e).clamped(min: -delta, max: delta) / n  // ∂L/∂p, the same shape as p
    return [p.requiresGrad ? slope : nil, e.requiresGrad ? -slope : nil]
  }
}

/// Softmax cross-entropy for `n` examples of `c` classes.
///
/// ```
/// L = −(1/n) Σᵢ log softmax(zᵢ)[yᵢ]          ∂L/∂zᵢ = (softmax(zᵢ) − onehot(yᵢ)) / n
/// ```
/// - Parameters:
///   - logits: `[n, c]` unnormalized scores.
///   - labels: `n` class indices in `0..<c`.
public func softmaxCrossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
  if logits.rank != 2 || logits.shape[0] != labels.count {
    fail("softmaxCrossEntropy: logits must be [n, c] with n = \(labels.count) labels, got \(logits.shape)")
  }
  if labels.isEmpty { fail("softmaxCrossEntropy: the batch is empty (logits \(logits.shape)); a mean over no examples is undefined") }
  let classes = logits.shape[1]
  if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
    fail("softmaxCrossEntropy: label \(bad) is out of range for \(classes) classes (logits \(logits.shape))")
  }
  // Picking log-probabilities with a one-hot mask keeps the loss one readable line.
  let oneHot = Tensor.oneHot(labels, classes: classes)  // [n, c]
  return -(logits.logSoftmax(axis: -1) * oneHot).sum() / Double(labels.count)
}

/// Binary cross-entropy on probabilities.
///
/// ```
/// L = −mean[ t·log p + (1 − t)·log(1 − p) ]      ∂L/∂p = (p − t) / (p(1 − p)) / N
///                                                ∂L/∂t = (log(1 − p) − log p) / N
/// ```
/// As in PyTorch's `BCELoss`, each log is clamped at −100, so a certain prediction is exact and
/// finite: p = 1 with t = 1 gives 0 (not 0·log 0 = NaN), p = 0 with t = 1 gives 100; and the
/// denominator p(1 − p) is kept ≥ 1e-12. When the probabilities come from a sigmoid, use
/// ``sigmoidCrossEntropy(logits:labels:)``, which is exact for any logit.
///
/// Probabilities and targets must lie in [0, 1]: a target of 2 would give a negative "loss".
public func binaryCrossEntropy(probabilities: Tensor, targets: Tensor) -> Tensor {
  requireSameShape("binaryCrossEntropy", probabilities, targets)
  requireUnitInterval("binaryCrossEntropy", "probability", probabilities)
  requireUnitInterval("binaryCrossEntropy", "target", targets)
  if probabilities.count == 0 { fail("binaryCrossEntropy: the tensors of shape \(probabilities.shape) are empty") }
  let (p, t) = (probabilities, targets)
  let n = Double(p.count)
  func clampedLog(_ x: Double) -> Double { x.isNaN ? x : Swift.max(portableLog(x), -100) }
  var total = 0.0
  for (pi, ti) in zip(p.scalars, t.scalars) {
    // A term whose weight is 0 is 0, whatever its log: the clamp keeps 0·log 0 from being NaN.
    total -= ti * clampedLog(pi) + (1 - ti) * clampedLog(1 - pi)
  }
  return Tensor.result(of: "binaryCrossEntropy", shape: [], scalars: [total / n], inputs: [p, t]) { _, g in
    [
      p.requiresGrad ? g * (p - t) / (p * (1 - p)).clamped(min: 1e-12) / n : nil,
      t.requiresGrad ? g * ((1 - p).log().clamped(min: -100) - p.log().clamped(min: -100)) / n : nil,
    ]
  }
}

/// Binary cross-entropy on logits `z` (before the sigmoid), stable for any magnitude.
///
/// ```
/// L = mean[ max(z, 0) − t·z + log(1 + e^−|z|) ]      ∂L/∂z = (σ(z) − t) / N      ∂L/∂t = −z / N
/// ```
/// Since −log σ(z) = softplus(−z) = softplus(z) − z, the loss never forms σ(z) and so never
/// takes the log of a probability that has rounded to 0 or 1. At z = ±∞ the linear part is
/// written out, so that a label that agrees (t = 1 at +∞, t = 0 at −∞) costs exactly 0 instead
/// of ∞ − ∞ = NaN. Labels must lie in [0, 1].
public func sigmoidCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
  requireSameShape("sigmoidCrossEntropy", logits, labels)
  requireUnitInterval("sigmoidCrossEntropy", "label", labels)
  if logits.count == 0 { fail("sigmoidCrossEntropy: the tensors of shape \(logits.shape) are empty") }
  let (z, t) = (logits, labels)
  let n = Double(z.count)
  var total = 0.0
  for (zi, ti) in zip(z.scalars, t.scalars) {
    // max(z, 0) − t·z is (1 − t)·z for z > 0 and −t·z otherwise; a zero weight makes it 0 even at ±∞.
    let weight = zi > 0 ? 1 - ti : -ti
    total += (weight == 0 ? 0 : weight * zi) + portableLog1p(portableExp(-Swift.abs(zi)))
  }
  return Tensor.result(of: "sigmoidCrossEntropy", shape: [], scalars: [total / n], inputs: [z, t]) { _, g in
    [z.requiresGrad ? g * (z.sigmoid() - t) / n : nil, t.requiresGrad ? -g * z / n : nil]
  }
}

/// Stops when a value of `tensor` lies outside [0, 1] (NaN passes, to show up in the loss).
private func requireUnitInterval(_ operation: String, _ what: String, _ tensor: Tensor) {
  if let bad = tensor.scalars.first(where: { !$0.isNaN && !(0...1).contains($0) }) {
    fail("\(operation): \(what) \(bad) is outside [0, 1] (shape \(tensor.shape))")
  }
}

extension Tensor {
  /// `[n, classes]` rows of 0s with a 1 at each label.
  public static func oneHot(_ labels: [Int], classes: Int) -> Tensor {
    var values = [Double](repeating: 0, count: labels.count * classes)
    for (i, label) in labels.enumerated() {
      if label < 0 || label >= classes { fail("oneHot: label \(label) is out of range for \(classes) classes") }
      values[i * classes + label] = 1
    }
    return Tensor(shape: [labels.count, classes], scalars: values)
  }
}
