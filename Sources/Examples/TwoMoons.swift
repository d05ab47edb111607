// TwoMoons.swift — two interleaving half circles, the classic small data set that a straight
// line cannot separate (scikit-learn's make_moons, with a seeded generator of our own).

import Autograd
import Foundation

/// Points on two interleaved half moons with Gaussian noise, half of each class.
public enum TwoMoons {
  /// `count` points (rounded down to even) and their labels 0 and 1.
  ///
  /// Class 0: (cos t, sin t) for t ∈ [0, π]; class 1: (1 − cos t, ½ − sin t); each coordinate
  /// plus noise of standard deviation `noise`.
  public static func make(count: Int, noise: Double, using generator: inout SeededGenerator)
    -> (points: [[Double]], labels: [Double])
  {
    let half = count / 2
    var points: [[Double]] = []
    var labels: [Double] = []
    for label in 0..<2 {
      for i in 0..<half {
        let t = Double.pi * Double(i) / Double(max(half - 1, 1))
        let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        points.append([x + noise * generator.nextNormal(), y + noise * generator.nextNormal()])
        labels.append(Double(label))
      }
    }
    return (points, labels)
  }
}
