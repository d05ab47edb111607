// LearningRateSchedule.swift — the learning rate as a function of the step.

import Foundation

/// A learning rate that changes with the step t = 0, 1, 2, … (the rate of update t + 1).
///
/// ```
/// constant(η):                          η
/// stepDecay(η, every: k, factor: γ):    η · γ^⌊t/k⌋
/// warmupCosine(peak, warmup: w, total: T, floor: η_min):
///     t < w:      peak · (t + 1)/w                                      linear warm-up
///     t ≥ w:      η_min + ½(peak − η_min)(1 + cos(π · min(t − w, T − w)/(T − w)))
/// ```
/// Set an optimizer's `learningRate` to `rate(at: t)` before its step t.
public enum LearningRateSchedule: Sendable, Equatable {
  /// The same rate at every step.
  case constant(Double)
  /// The rate multiplied by `factor` every `every` steps.
  case stepDecay(initial: Double, every: Int, factor: Double)
  /// A linear warm-up over `warmup` steps to `peak`, then a half cosine down to `floor` at step `total`.
  case warmupCosine(peak: Double, warmup: Int, total: Int, floor: Double)

  /// The learning rate of step `t` (0-based).
  public func rate(at t: Int) -> Double {
    if t < 0 { fail("LearningRateSchedule.rate(at: \(t)): the step must be ≥ 0") }
    switch self {
    case .constant(let rate):
      return rate
    case .stepDecay(let initial, let every, let factor):
      if every < 1 { fail("LearningRateSchedule.stepDecay(every: \(every)): needs every ≥ 1") }
      return initial * portablePower(factor, t / every)
    case .warmupCosine(let peak, let warmup, let total, let floor):
      if warmup < 0 || total <= warmup {
        fail("LearningRateSchedule.warmupCosine(warmup: \(warmup), total: \(total)): needs 0 ≤ warmup < total")
      }
      if t < warmup { return peak * Double(t + 1) / Double(warmup) }
      let progress = Double(min(t - warmup, total - warmup)) / Double(total - warmup)
      return floor + 0.5 * (peak - floor) * (1 + portableCos(Double.pi * progress))
    }
  }
}
