// Exercise13_3.swift — chapter 13: the distillation loss of Hinton, Vinyals and Dean (2015).

import Foundation

/// Exercise 13.3 — the soft-target loss of knowledge distillation at temperature T.
///
/// The teacher's and the student's distributions at temperature T are p = softmax(teacher / T)
/// and q = softmax(student / T). Return T² · KL(p ‖ q) = T² · Σᵢ pᵢ (ln pᵢ − ln qᵢ), the term
/// that trains the student on the teacher's soft targets (the T² keeps its gradients on the
/// scale of the hard-label loss when T changes). Compute the log-probabilities stably (subtract the
/// largest logit before exponentiating); a pᵢ of 0 contributes 0.
public func distillationLoss(teacherLogits: [Double], studentLogits: [Double], temperature: Double) throws -> Double {
  // BEGIN SOLUTION
  func logSoftmax(_ z: [Double]) -> [Double] {
    let scaled = z.map { $0 / temperature }
    let top = scaled.max()!
    let total = log(scaled.reduce(0) { $0 + exp($1 - top) })
    return scaled.map { $0 - top - total }
  }
  let (logP, logQ) = (logSoftmax(teacherLogits), logSoftmax(studentLogits))
  var kl = 0.0
  for (lp, lq) in zip(logP, logQ) where exp(lp) > 0 { kl += exp(lp) * (lp - lq) }
  return temperature * temperature * kl
  // END SOLUTION
}
