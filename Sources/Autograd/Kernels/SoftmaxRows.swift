// SoftmaxRows.swift — a kernel: the values of softmax and log-softmax (Core/Tensor+Softmax.swift),
// one slice at a time.
//
// The formula as tensor operations, (x − m).exp() / (x − m).exp().sum(axis:), passes over the
// tensor five times and makes four temporaries. Here each slice is read once into a small buffer,
// its exponentials taken a vector at a time, summed in order and divided: the same operations
// on the same values, so the same bits (KernelTests compares the two), and a large tensor's slices
// are split between two threads.

extension Tensor {
  /// Along `axis` (a normalized axis), each slice's softmax e^(xⱼ − m) / Σₖ e^(xₖ − m), or with
  /// `log` its logarithm xⱼ − m − log Σₖ e^(xₖ − m), where m = max x.
  func softmaxValues(axis: Int, log: Bool) -> [Double] {
    let (outer, size, inner) = Shape.split(shape, at: axis)
    var values = pooledArray(count) { _ in }  // every value is written below
    scalars.withUnsafeBufferPointer { x in
      values.withUnsafeMutableBufferPointer { y in
        let (x, y) = (UnsafeSendable(x), UnsafeSendable(y))
        // Slices are independent, so a large tensor's are split between two threads.
        inHalves(outer * inner, elements: count) { slices in
          var shifted = [Double](repeating: 0, count: size)  // one slice's xⱼ − m, then e^(xⱼ − m)
          for slice in slices {
            let first = (slice / inner) * size * inner + slice % inner  // then first + inner, first + 2·inner, …
            var m = -Double.infinity
            for j in 0..<size { m = Swift.max(m, x.value[first + j * inner]) }
            for j in 0..<size { shifted[j] = x.value[first + j * inner] - m }
            shifted.withUnsafeMutableBufferPointer { e in
              if let start = e.baseAddress { expKernel(start, start, size) }
            }
            var total = 0.0
            for j in 0..<size { total += shifted[j] }
            let logTotal = portableLog(total)
            for j in 0..<size {
              let slot = first + j * inner
              y.value[slot] = log ? x.value[slot] - m - logTotal : shifted[j] / total
            }
          }
        }
      }
    }
    return values
  }
}
