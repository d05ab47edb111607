// Parallel.swift — the one place where Autograd uses a second thread: large elementwise maps and
// fused backward rules, softmax rows, large sums and batches of small matrix products are split in
// two halves. Everything else runs on the caller's thread (and BLAS runs its own threads for large
// products).

import Dispatch

/// The element count from which ``inHalves(_:_:)`` uses two threads.
let parallelThreshold = 1 << 15

/// Runs `body` over `0..<count`: as two halves on two threads when the work — `elements` values
/// written, `count` unless given, 0 to keep it in one piece — reaches ``parallelThreshold``, else
/// in one piece. Waking a second thread costs microseconds; from tens of thousands of values
/// (each a few nanoseconds of exp or tanh, or k multiply-adds of a product) the second core
/// pays for it.
func inHalves(_ count: Int, elements: Int? = nil, _ body: @Sendable (Range<Int>) -> Void) {
  let halves = count > 1 && (elements ?? count) >= parallelThreshold ? 2 : 1
  DispatchQueue.concurrentPerform(iterations: halves) { half in
    body((half * count / halves)..<((half + 1) * count / halves))
  }
}

/// A buffer pointer handed to the two halves of ``inHalves(_:_:)``: safe to share because each
/// half touches its own elements and the call returns only when both are done.
struct UnsafeSendable<Pointer>: @unchecked Sendable {
  let value: Pointer
  init(_ value: Pointer) { self.value = value }
}
