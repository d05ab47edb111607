// Sum.swift — a kernel: the sum of all of a tensor's values.
//
// The plain definition adds the values one after the other, x₀ + x₁ + … + xₙ₋₁, each addition
// waiting for the one before: a chain as long as the tensor. Up to ``blockedSumMinimum`` values
// that is what runs, so every sum the chapters take keeps its bits. From there on the values are
// cut in two halves (two threads), each summed as four interleaved partial sums (positions i with
// the same i mod 4) that are then combined as (s₀ + s₁) + (s₂ + s₃), and the halves added last. The
// order is fixed by the count alone, not by the CPU or the threads, so the result is the same
// on every machine; it differs from the one-chain sum in the last bits, and its rounding error
// grows more slowly with n (each partial sum has a quarter of the terms). KernelTests checks the
// exact order.

/// The count from which ``sumOfAll(_:)`` sums in blocks.
let blockedSumMinimum = 1 << 16

/// Σᵢ xᵢ: in one chain below ``blockedSumMinimum`` values, in the blocked order above it.
func sumOfAll(_ x: [Double]) -> Double {
  if x.count < blockedSumMinimum { return x.reduce(0, +) }
  return x.withUnsafeBufferPointer { x in
    let values = UnsafeSendable(x)
    let halves = UnsafeSendable(UnsafeMutablePointer<Double>.allocate(capacity: 2))
    defer { halves.value.deallocate() }
    // Two halves, split at count / 2 (inHalves always splits a count this large, threads or not).
    inHalves(x.count) { range in halves.value[range.lowerBound == 0 ? 0 : 1] = interleavedSum(values.value, range) }
    return halves.value[0] + halves.value[1]
  }
}

/// The values of `range` as four partial sums over positions of equal i mod 4 (counted from the
/// range's start), combined as (s₀ + s₁) + (s₂ + s₃).
func interleavedSum(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>) -> Double {
  var s = (0.0, 0.0, 0.0, 0.0)
  var i = range.lowerBound
  while i + 4 <= range.upperBound {
    s.0 += x[i]
    s.1 += x[i + 1]
    s.2 += x[i + 2]
    s.3 += x[i + 3]
    i += 4
  }
  if i < range.upperBound { s.0 += x[i] }
  if i + 1 < range.upperBound { s.1 += x[i + 1] }
  if i + 2 < range.upperBound { s.2 += x[i + 2] }
  return (s.0 + s.1) + (s.2 + s.3)
}
