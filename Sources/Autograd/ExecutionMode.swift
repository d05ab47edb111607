// ExecutionMode.swift — the one switch between Autograd's fast paths and its plain definitions.
//
// Every op is defined in Core/ in plain Swift: a scalar function (portableTanh, portableExp), a
// loop, a composition of other ops. Where that is slow, a fast path does the same work another way
// (Kernels/: C on the CPU's widest vectors, a fused loop, a tiled product) and the runtime
// (Runtime/) lends it a second thread, a pool of buffers and arrays kept between steps. The
// reference mode turns all of that off, so that the book can be run, and read, on the definitions
// alone; `make test` runs every chapter both ways and requires the same text, results and figure
// data.

import Foundation
import Synchronization

/// Whether Autograd runs its fast paths or only the plain definitions they are tested against.
///
/// ```swift
/// ExecutionMode.current = .reference   // or AUTOGRAD_MODE=reference in the environment
/// ```
///
/// In ``reference`` mode:
/// - `exp`, `tanh` and softmax's exponentials are `portableExp` and `portableTanh`, one value at a
///   time (no CLanes vector kernels); softmax and log-softmax are their formulas as tensor ops;
/// - every matrix product, whatever its size, is the textbook loop of ``referenceMatmul(_:_:)``
///   (no CLanes loop, no tiled product, no OpenBLAS, no stacked weight gradient);
/// - Adam's and SGD's updates are their formulas, value by value (no CLanes, no halves);
/// - work is never handed to a second thread, freed arrays are not pooled, and a sum's gradient of
///   one value is written out instead of kept.
///
/// Every fast path gives the definition's bits, by construction and by test (the kernel tests),
/// with one exception: products of at least ``fixedOrderProductLimit`` multiply-adds, which the
/// fast mode hands to the tiled kernel or to OpenBLAS, whose order of additions depends on the
/// CPU. The chapters keep every product below that limit (or raise it), so they print the same in
/// both modes; a program with larger products prints, in reference mode, the textbook loop's
/// bits. The blocked sum of 2¹⁶ values or more is not a fast path but the definition of such a
/// sum's order (Kernels/Sum.swift), the same in both modes.
public enum ExecutionMode: String, Sendable, CaseIterable {
  /// The fast paths, each tested against its definition.
  case fast
  /// The plain definitions alone: slower, and the same results (see above).
  case reference

  /// The mode of this process: `AUTOGRAD_MODE` (`fast` or `reference`) when the process starts,
  /// else ``fast``. Set it before the work it should govern, not while another thread computes.
  public static var current: ExecutionMode {
    get { storage.load(ordering: .relaxed) ? .reference : .fast }
    set { storage.store(newValue == .reference, ordering: .relaxed) }
  }

  private static let storage = Atomic<Bool>(initialFromEnvironment == .reference)

  private static var initialFromEnvironment: ExecutionMode {
    guard let value = ProcessInfo.processInfo.environment["AUTOGRAD_MODE"], !value.isEmpty else { return .fast }
    guard let mode = ExecutionMode(rawValue: value) else {
      fail("AUTOGRAD_MODE=\(value): the mode must be 'fast' or 'reference'")
    }
    return mode
  }
}

/// The door to the speed layer: whether fast paths may run now. Core asks here, once per op family.
enum Kernels {
  /// True in ``ExecutionMode/fast``.
  @inline(__always)
  static var enabled: Bool { ExecutionMode.current == .fast }
}
