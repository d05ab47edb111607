// Losses.swift — the four losses of the chapters, each a scalar tensor built from
// differentiable operations, so gradients reach every argument that requires them.

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
/// L = −mean[ t·log p + (1 − t)·log(1 − p) ]
/// ```
/// Probabilities of exactly 0 or 1 give an infinite loss; when the probabilities come from a
/// sigmoid, use ``sigmoidCrossEntropy(logits:labels:)``, which is exact for any logit.
public func binaryCrossEntropy(probabilities: Tensor, targets: Tensor) -> Tensor {
  requireSameShape("binaryCrossEntropy", probabilities, targets)
  if let bad = probabilities.scalars.first(where: { !(0...1).contains($0) }) {
    fail("binaryCrossEntropy: probability \(bad) is outside [0, 1] (shape \(probabilities.shape))")
  }
  let p = probabilities
  let t = targets
  return -(t * p.log() + (1 - t) * (1 - p).log()).mean()
}

/// Binary cross-entropy on logits `z` (before the sigmoid), stable for any magnitude.
///
/// ```
/// L = mean[ softplus(z) − t·z ]          ∂L/∂z = (σ(z) − t) / N
/// ```
/// Since −log σ(z) = softplus(−z) = softplus(z) − z, the loss never forms σ(z) and so
/// never takes the log of a probability that has rounded to 0 or 1.
public func sigmoidCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
  requireSameShape("sigmoidCrossEntropy", logits, labels)
  return (logits.softplus() - labels * logits).mean()
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
