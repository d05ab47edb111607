// Lanes.swift — a kernel: eˣ and tanh x over arrays, as many values at a time as the CPU's vectors
// hold, for the ops that spend most of their time in them (`exp`, `tanh`, softmax rows), and Adam's
// update likewise.
//
// libm computes one value per call. The kernels of the C target CLanes compute 8 (AVX-512), 4 (AVX2)
// or 2 (the baseline) values per instruction with `portableExp`'s and `portableTanh`'s arithmetic
// (Core/PortableMath.swift), operation for operation and without fused multiply-adds, so every
// width gives the same bits as the plain definitions; KernelTests checks each width this CPU runs.
// (C because Swift compiles a module for one CPU target and cannot choose a function's at run time.)
// Every value goes through the vectors, the last few too, so a value never depends on where in an
// array it sits.

import CLanes

extension Kernels {
  /// eˣ of `count` values from `x` into `y` (which may be `x`): `portableExp` of each.
  @inline(__always)
  static func exp(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ count: Int) {
    clanes_exp(x, y, count)
  }

  /// tanh x of `count` values from `x` into `y` (which may be `x`): `portableTanh` of each.
  @inline(__always)
  static func tanh(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ count: Int) {
    clanes_tanh(x, y, count)
  }
}

/// Adam's update of `count` parameter values in place (``adamUpdate(_:_:_:_:rate:beta1:beta2:correction1:correction2:epsilon:)``,
/// operation for operation) on the widest vectors the CPU runs: three divisions and a square root
/// a value are cheaper eight at a time.
@inline(__always)
func adamKernel(
  _ p: UnsafeMutablePointer<Double>, _ m: UnsafeMutablePointer<Double>, _ s: UnsafeMutablePointer<Double>,
  _ g: UnsafePointer<Double>, _ count: Int, rate: Double, beta1: Double, beta2: Double, correction1: Double,
  correction2: Double, epsilon: Double
) {
  clanes_adam(p, m, s, g, count, rate, beta1, beta2, correction1, correction2, epsilon)
}
