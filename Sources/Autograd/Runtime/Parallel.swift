// Parallel.swift — the one place where Autograd uses a second thread: large elementwise maps and
// fused backward rules, softmax rows, large sums and batches of small matrix products are split in
// two halves, the second on SecondThread. Everything else runs on the caller's thread (OpenBLAS too:
// it is told to run each call on one thread, Kernels/MatrixProduct.swift). In the reference mode
// (ExecutionMode.swift) both halves run on the caller's thread.

import Dispatch

/// The element count from which ``inHalves(_:_:)`` uses two threads.
let parallelThreshold = 1 << 14

/// Runs `body` over `0..<count`: as two halves on two threads when the work — `elements` values
/// written, `count` unless given, 0 to keep it in one piece — reaches ``parallelThreshold``, else
/// in one piece. Handing a half to ``SecondThread`` costs a microsecond or two while it is awake;
/// from 2¹⁴ values (each a few nanoseconds of exp or tanh, or k multiply-adds of a product) the
/// second core pays for it (2¹⁵ was 7% slower on gpt_step, 2¹³ no faster).
func inHalves(_ count: Int, elements: Int? = nil, _ body: @Sendable (Range<Int>) -> Void) {
  guard count > 1, (elements ?? count) >= parallelThreshold else { return body(0..<count) }
  let (first, second) = (0..<(count / 2), (count / 2)..<count)
  // The reference mode (ExecutionMode.swift) runs the same halves one after the other on this
  // thread: the same pieces of work, so the same bits (a blocked sum's halves among them).
  guard Kernels.enabled else {
    body(first)
    return body(second)
  }
  if let thread = SecondThread.shared, thread.run({ body(first) }, { body(second) }) { return }
  DispatchQueue.concurrentPerform(iterations: 2) { half in body(half == 0 ? first : second) }
}

/// A buffer pointer handed to the two halves of ``inHalves(_:_:)``: safe to share because each
/// half touches its own elements and the call returns only when both are done.
struct UnsafeSendable<Pointer>: @unchecked Sendable {
  let value: Pointer
  init(_ value: Pointer) { self.value = value }
}
