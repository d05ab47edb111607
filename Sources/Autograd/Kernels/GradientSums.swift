// GradientSums.swift — a kernel: how backward() adds up the gradient shares that reach a node.
//
// The chain rule sums over paths: a node used by several operations gets a share from each, and
// its gradient is their sum, share₁ + share₂ + …, in the order the shares arrive. The plain way
// makes a new tensor for every addition. This one adds into the sum in place when it may:
// - never into a first share: a rule's result may also be another node's gradient (`+` passes g on
//   to both of its inputs), so the sum is copied out of it with the second share;
// - never when the pass is recorded (`createGraph`): then every sum must be an operation of the
//   graph, so that it can be differentiated again.
// The additions are the same, in the same order, so the gradients are the same bits either way
// (KernelTests compares the two).

/// ∂output/∂node for the nodes a backward pass has reached, keyed by node.
struct GradientSums {
  private var sums: [ObjectIdentifier: Tensor]
  /// Entries that are sums this pass made: nobody else holds them, so they can grow in place.
  private var ownSums: Set<ObjectIdentifier> = []
  private let recorded: Bool

  /// Starts with ∂output/∂output = 1; `recorded` is whether the pass records its own graph.
  init(seed output: Tensor, recorded: Bool) {
    sums = [ObjectIdentifier(output): Tensor.ones(like: output)]
    self.recorded = recorded
  }

  /// Adds `share` to the sum for `node`.
  mutating func add(_ share: Tensor, to node: Tensor) {
    let key = ObjectIdentifier(node)
    guard let sum = sums[key] else {
      sums[key] = share
      return
    }
    if ownSums.contains(key) {
      sum.addInPlace(share)
    } else {
      sums[key] = sum + share
      if !recorded { ownSums.insert(key) }
    }
  }

  /// Removes and returns the sum for `node` (nil if no share reached it).
  mutating func take(_ node: Tensor) -> Tensor? {
    ownSums.remove(ObjectIdentifier(node))
    return sums.removeValue(forKey: ObjectIdentifier(node))
  }
}

extension Tensor {
  /// Adds `other` (of the same shape) into this tensor's values, in place and unrecorded.
  fileprivate func addInPlace(_ other: Tensor) {
    other.scalars.withUnsafeBufferPointer { g in
      scalars.withUnsafeMutableBufferPointer { values in
        for i in g.indices { values[i] += g[i] }
      }
    }
  }
}
