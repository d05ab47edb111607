// Tensor+Math.swift — elementwise exp, log, sqrt, abs and the normal CDF.
//
// Each backward rule is written with tensor operations (not with the raw numbers), so that
// the rule itself can be differentiated for second derivatives.

import Dispatch
import Foundation

extension Tensor {
  /// Applies `f` to every element; the result remembers `backward` for the chain rule.
  ///
  /// Large tensors are split in two halves computed on two threads: functions like tanh and exp
  /// cost tens of nanoseconds per element, so for a million elements the second core pays off.
  @inline(__always)
  func map(
    _ operation: String, _ f: @escaping @Sendable (Double) -> Double,
    backward: @escaping (_ x: Tensor, _ y: Tensor, _ gradient: Tensor) -> Tensor
  ) -> Tensor {
    let values = [Double](unsafeUninitializedCapacity: count) { out, initialized in
      scalars.withUnsafeBufferPointer { x in
        let (input, output) = (UnsafeSendable(x), UnsafeSendable(out))
        let (n, halves) = (x.count, x.count >= Self.parallelThreshold ? 2 : 1)
        DispatchQueue.concurrentPerform(iterations: halves) { half in
          let range = (half * n / halves)..<((half + 1) * n / halves)
          for i in range { output.value[i] = f(input.value[i]) }
        }
      }
      initialized = count
    }
    return Tensor.result(of: operation, shape: shape, scalars: values, inputs: [self]) { y, g in
      [backward(self, y, g)]
    }
  }

  /// The element count from which ``map(_:_:backward:)`` uses two threads.
  static let parallelThreshold = 1 << 15

  /// eˣ elementwise. d/dx eˣ = eˣ, the output itself.
  public func exp() -> Tensor {
    map("exp", Foundation.exp) { _, y, g in g * y }
  }

  /// Natural logarithm elementwise. d/dx ln x = 1/x.
  public func log() -> Tensor {
    map("log", Foundation.log) { x, _, g in g / x }
  }

  /// Square root elementwise. d/dx √x = 1/(2√x).
  public func sqrt() -> Tensor {
    map("sqrt", Foundation.sqrt) { _, y, g in g * 0.5 / y }
  }

  /// |x| elementwise. d/dx |x| = sign(x), taken as 0 at 0.
  public func abs() -> Tensor {
    map("abs", Swift.abs) { x, _, g in g * x.sign() }
  }

  /// −1, 0 or 1 elementwise. Piecewise constant, so no gradient flows through it.
  public func sign() -> Tensor {
    Tensor(shape: shape, scalars: scalars.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
  }

  /// Φ(x), the standard normal cumulative distribution, elementwise.
  ///
  /// ```
  /// Φ(x) = ½ (1 + erf(x/√2))      Φ'(x) = φ(x) = e^(−x²/2) / √(2π)
  /// ```
  public func normalCDF() -> Tensor {
    map("normalCDF", { 0.5 * (1 + erf($0 / 2.0.squareRoot())) }) { x, _, g in
      g * (-0.5 * x * x).exp() / (2 * Double.pi).squareRoot()
    }
  }
}

/// A buffer pointer handed to the threads of one `concurrentPerform`, each of which touches its
/// own half: safe because the halves do not overlap and the call returns only when both are done.
struct UnsafeSendable<Pointer>: @unchecked Sendable {
  let value: Pointer
  init(_ value: Pointer) { self.value = value }
}
