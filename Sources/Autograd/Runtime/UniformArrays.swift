// UniformArrays.swift — a runtime service: arrays that hold one value everywhere, made once and shared.
//
// A loss ends in a sum or a mean, and the sum's backward rule spreads one value over its input's
// shape: `g.broadcasted(to: shape)`, a million ones for a million-value loss, written again every
// step, and then read by the next rule only to multiply by 1. PyTorch does not write them (its
// `expand` is a view with stride 0); Autograd's tensors have no strides, so instead the array is
// kept, by its count, and handed out again to the next broadcast of the same value and count.
// Swift arrays are copy-on-write, so a tensor that changes its values gets its own copy first; the
// buffer pool never takes a kept array (it would be written into as someone else's result); and
// the fused backward rules (Elementwise.swift) read a kept array's value once instead of a million
// times. The values are the same either way, so are the bits.

import Synchronization

/// Each kept array by its count, with its value's bits (bits, not ==, so −0 and NaNs stay apart).
private let kept = Mutex<[Int: (value: UInt64, array: [Double])]>([:])

/// `count` copies of `value`: the array `fill` makes, kept; or, when an array of this count and
/// value is kept, that array again. Arrays below the pool's minimum, or larger than all it keeps,
/// are made every time.
func uniformArray(_ value: Double, count: Int, fill: () -> [Double]) -> [Double] {
  guard Kernels.enabled, count >= pooledMinimum, count <= pooledTotal else { return fill() }
  if let entry = kept.withLock({ $0[count] }), entry.value == value.bitPattern { return entry.array }
  let array = fill()
  kept.withLock { kept in
    // Within the pool's budget: past it, the others are let go (their tensors keep them alive).
    if kept.values.reduce(count, { $0 + $1.array.count }) > pooledTotal { kept = [:] }
    kept[count] = (value.bitPattern, array)
  }
  return array
}

/// The value every element of `array` holds, when `array` is a kept one; else nil.
func keptUniformValue(_ array: [Double]) -> Double? {
  guard array.count >= pooledMinimum else { return nil }
  return kept.withLock { kept in
    guard let entry = kept[array.count],
      entry.array.withUnsafeBufferPointer({ $0.baseAddress }) == array.withUnsafeBufferPointer({ $0.baseAddress })
    else { return nil }
    return Double(bitPattern: entry.value)
  }
}
