// SecondThread.swift — the thread that runs the second half of ``inHalves(_:elements:_:)``.
//
// A training step splits a dozen or more kernels in two, each taking tens of microseconds. Handing
// every second half to libdispatch cost a wake-up and a sleep in the kernel each time (the
// scheduler's functions were 16% of attention_step's samples). This thread instead waits for its
// next half by watching a counter for a while (yielding the core now and then, to OpenBLAS's own
// worker among others), and sleeps only after a pause of a fraction of a millisecond, as OpenBLAS's
// workers do.
//
// One caller at a time: a second thread asking while the first is served (tests run in parallel),
// or a half that itself splits its work, gets libdispatch instead. The halves and their results are
// the same either way; only the thread differs.

import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

final class SecondThread: @unchecked Sendable {
  /// The process's one second thread, or nil on a machine with one core.
  static let shared: SecondThread? = ProcessInfo.processInfo.activeProcessorCount > 1 ? SecondThread() : nil

  /// How many times the thread checks for work before it sleeps: about a quarter of a millisecond.
  private static let spinsBeforeSleeping = 1 << 14

  private let inUse = Atomic<Bool>(false)  // a caller is being served
  private let posted = Atomic<Int>(0)  // halves handed over so far
  private let finished = Atomic<Int>(0)  // halves done so far
  private let sleeping = Atomic<Bool>(false)
  private let wake = DispatchSemaphore(value: 0)
  // Written by the caller before `posted` counts it, read by the thread after it sees the count.
  private var half: (@Sendable () -> Void)?

  private init() {
    Thread.detachNewThread { [unowned self] in self.serve() }
  }

  /// Runs `first` on the calling thread and `second` on this one, and returns when both are done;
  /// returns false, running neither, when another caller is being served.
  func run(_ first: () -> Void, _ second: @Sendable () -> Void) -> Bool {
    guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
    defer { inUse.store(false, ordering: .releasing) }
    withoutActuallyEscaping(second) { second in  // it does not escape: this call waits for it
      half = second
      let ticket = posted.add(1, ordering: .sequentiallyConsistent).newValue
      if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
      first()
      var spins = 0
      while finished.load(ordering: .acquiring) != ticket {
        spins += 1
        if spins & 63 == 0 { sched_yield() }
      }
      half = nil
    }
    return true
  }

  private func serve() {
    var served = 0
    while true {
      var spins = 0
      while posted.load(ordering: .sequentiallyConsistent) == served {
        spins += 1
        if spins & 63 == 0 { sched_yield() }
        if spins >= Self.spinsBeforeSleeping {
          // Say so before the last look: a caller posting after it will see the flag and wake us.
          sleeping.store(true, ordering: .sequentiallyConsistent)
          if posted.load(ordering: .sequentiallyConsistent) == served { wake.wait() }
          sleeping.store(false, ordering: .sequentiallyConsistent)
          spins = 0
        }
      }
      served += 1
      half?()
      finished.store(served, ordering: .releasing)
    }
  }
}
