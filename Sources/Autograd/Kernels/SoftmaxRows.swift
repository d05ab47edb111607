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
    let size = shape[axis]
    return Tensor.bySlices(self, nil, axis: axis) { x, _, y, stride, e in
      var m = -Double.infinity
      for j in 0..<size { m = Swift.max(m, x[j * stride]) }
      for j in 0..<size { e[j] = x[j * stride] - m }
      expKernel(e, e, size)
      var total = 0.0
      for j in 0..<size { total += e[j] }
      if log {
        let logTotal = portableLog(total)
        for j in 0..<size { y[j * stride] = x[j * stride] - m - logTotal }
      } else {
        for j in 0..<size { y[j * stride] = e[j] / total }
      }
    }
  }

  /// The backward rule of ``softmax(axis:)`` (this tensor its output y) in one pass, when it is not
  /// recorded: ∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖyₖ) along `axis`, with the tensor rule's operations in its order.
  func softmaxGradient(_ g: Tensor, axis: Int) -> Tensor {
    let size = shape[axis]
    let values = Tensor.bySlices(self, g, axis: axis) { y, g, out, stride, _ in
      var dot = 0.0
      for j in 0..<size { dot += g[j * stride] * y[j * stride] }
      for j in 0..<size { out[j * stride] = y[j * stride] * (g[j * stride] - dot) }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// The backward rule of ``logSoftmax(axis:)`` (this tensor its output y) in one pass, when it is
  /// not recorded: ∂L/∂xⱼ = gⱼ − e^(yⱼ) Σₖ gₖ along `axis`, with the tensor rule's operations.
  func logSoftmaxGradient(_ g: Tensor, axis: Int) -> Tensor {
    let size = shape[axis]
    let values = Tensor.bySlices(self, g, axis: axis) { y, g, out, stride, e in
      var total = 0.0
      for j in 0..<size { total += g[j * stride] }
      for j in 0..<size { e[j] = y[j * stride] }
      expKernel(e, e, size)
      for j in 0..<size { out[j * stride] = g[j * stride] - e[j] * total }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// A new array of `a`'s count, written slice by slice along `axis` by `body(a, b, out, stride,
  /// scratch)`: the three pointers at the slice's first value (its others `stride` apart), and
  /// room for one slice. Slices are independent, so a large tensor's are split between two threads.
  private static func bySlices(
    _ a: Tensor, _ b: Tensor?, axis: Int,
    _ body:
      @escaping @Sendable (
        UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int, UnsafeMutablePointer<Double>
      ) -> Void
  ) -> [Double] {
    let (outer, size, inner) = Shape.split(a.shape, at: axis)
    let second = b?.scalars ?? a.scalars
    return pooledArray(a.count) { out in
      guard let outStart = out.baseAddress else { return }
      a.scalars.withUnsafeBufferPointer { x in
        second.withUnsafeBufferPointer { z in
          let (x, z, out) = (UnsafeSendable(x.baseAddress!), UnsafeSendable(z.baseAddress!), UnsafeSendable(outStart))
          inHalves(outer * inner, elements: a.count) { slices in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(size, 1))
            defer { scratch.deallocate() }
            for slice in slices {
              let first = (slice / inner) * size * inner + slice % inner  // then first + inner, …
              body(x.value + first, z.value + first, out.value + first, inner, scratch)
            }
          }
        }
      }
    }
  }
}
