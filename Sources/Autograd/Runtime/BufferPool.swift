// BufferPool.swift — a runtime service (not a kernel: it computes nothing): the arrays of freed tensors are kept for the next arrays of the
// same size, as PyTorch's caching allocators keep freed blocks.
//
// A training step makes and frees the same temporaries every time: activations, their gradients,
// products. glibc's malloc serves a large array (from 128 KiB, more once it has seen larger ones
// freed) with fresh pages from the kernel, which zeroes each one on first touch, and hands them back
// when it is freed; so every step paid for page faults and zeroing of memory it had just had. The
// pool keeps up to a few arrays of each large size, within a cap on the total. Arrays that two
// tensors share (a reshape, a detached copy) stay out of it; an array the caller still holds (one
// handed to `Tensor(shape:scalars:)`) may come in, and Swift copies it before a tensor writes into it.

import Synchronization

/// Arrays of fewer values than this are left to malloc, which reuses small blocks itself.
let pooledMinimum = 1 << 14

/// The most arrays kept of one size, and the most values kept in all (64 MiB of doubles).
private let pooledPerSize = 4
let pooledTotal = 1 << 23

private struct Pool {
  var arrays: [Int: [[Double]]] = [:]
  var values = 0
}

private let pool = Mutex(Pool())

/// An array of `count` values, every one written by `initialize`; a kept array of that size if
/// the pool has one (its old values are overwritten), else a new one.
@inline(__always)
func pooledArray(_ count: Int, _ initialize: (UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
  if Kernels.enabled, count >= pooledMinimum, var array = takePooled(count) {
    array.withUnsafeMutableBufferPointer { initialize($0) }  // copies first if the array is shared
    return array
  }
  return [Double](unsafeUninitializedCapacity: count) { out, initialized in
    initialize(out)
    initialized = count
  }
}

/// An array of `count` zeros (for kernels that add into their result).
@inline(__always)
func pooledZeros(_ count: Int) -> [Double] {
  pooledArray(count) { $0.update(repeating: 0) }
}

private func takePooled(_ count: Int) -> [Double]? {
  pool.withLock { pool in
    guard let array = pool.arrays[count]?.popLast() else { return nil }
    pool.values -= count
    return array
  }
}

/// Keeps `array`, a freed tensor's values, for a later ``pooledArray(_:_:)`` of its size, unless
/// the pool is full.
func returnToPool(_ array: [Double]) {
  let count = array.count
  // A kept array of one value (UniformArrays.swift) is read by the tensors it is handed to, so it
  // must not be written into as a new result.
  guard Kernels.enabled, count >= pooledMinimum, keptUniformValue(array) == nil else { return }
  pool.withLock { pool in
    guard pool.values + count <= pooledTotal, pool.arrays[count, default: []].count < pooledPerSize else { return }
    pool.arrays[count, default: []].append(array)
    pool.values += count
  }
}

/// How many arrays of `count` values the pool holds now (for the tests).
func pooledArrays(ofCount count: Int) -> Int { pool.withLock { $0.arrays[count]?.count ?? 0 } }
