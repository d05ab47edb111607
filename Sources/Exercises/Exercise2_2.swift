// Exercise2_2.swift — chapter 02: a dense layer applied to a whole batch at once.

import Foundation

/// Exercise 2.2 — a dense layer's pre-activations for a batch.
///
/// `X` holds one example per row ([n][inputs]); `W` one row per neuron ([neurons][inputs]), as in
/// chapter 02; `b` one bias per neuron. Return Z = X·Wᵀ + b: one row per example, one column per
/// neuron ([n][neurons]), the bias added to every row.
public func denseLayerBatch(X: [[Double]], W: [[Double]], b: [Double]) throws -> [[Double]] {
  // BEGIN SOLUTION
  X.map { example in
    (0..<W.count).map { neuron in
      var z = b[neuron]
      for j in example.indices { z += W[neuron][j] * example[j] }
      return z
    }
  }
  // END SOLUTION
}
