// Tensor.swift — the one data type of Autograd: a row-major array of Doubles with a shape,
// and, when it was computed from other tensors, the local backward rule that made it.

/// An n-dimensional array of `Double` values that remembers how it was computed.
///
/// Values are stored row-major in ``scalars``; ``shape`` gives the size of each axis, and a
/// scalar has shape `[]`. A tensor computed by an operation from inputs that require
/// gradients keeps those inputs and the operation's backward rule, so ``backward(createGraph:)``
/// can walk the graph in reverse and apply the chain rule.
///
/// ```swift
/// let x = Tensor(-4.0, requiresGrad: true)
/// let y = (x * x + 3).tanh()
/// y.backward()
/// x.grad!.item   // dy/dx
/// ```
///
/// `Tensor` is a class, like micrograd's `Value`: a node of the graph has one identity, and
/// its gradient is accumulated in place.
public final class Tensor {
  /// The size of each axis; `[]` for a scalar.
  public let shape: [Int]

  /// The values, row-major. Setting it keeps the shape, so the count must not change; it is
  /// how optimizers update parameters in place.
  public var scalars: [Double] {
    // No `oldValue` here, so `t.scalars[i] = x` updates in place instead of copying the array.
    didSet {
      if scalars.count != shape.reduce(1, *) {
        fail("scalars: a tensor of shape \(shape) holds \(shape.reduce(1, *)) values, not \(scalars.count)")
      }
      version &+= 1
    }
  }

  /// How many times ``scalars`` has been changed in place, as PyTorch's version counter: an
  /// operation notes its inputs' versions, and `backward()` stops when one has changed since,
  /// because the backward rule would read the new values and return a wrong gradient.
  public private(set) var version = 0

  /// Whether gradients flow to this tensor. Results of operations on such tensors require
  /// gradients too (outside ``withoutGradient(_:)``).
  public var requiresGrad: Bool

  /// `∂y/∂self` accumulated by `y.backward()`: `nil` until a backward pass reaches this
  /// tensor, then a tensor of the same shape. Set it to `nil` to clear it.
  ///
  /// Kept for leaves (tensors made from values, such as parameters) and for the intermediate
  /// tensors that ask for it with ``retainGrad()``; the gradients of other intermediate tensors are
  /// freed as soon as the backward pass has used them, as in PyTorch.
  public var grad: Tensor?

  /// Whether `backward()` keeps this tensor's gradient in ``grad`` although an operation computed
  /// it. Set by ``retainGrad()``; leaves keep theirs regardless.
  public var retainsGrad = false

  /// Whether another tensor holds the same array of values (``sharingScalars(with:)``).
  private var sharesScalars = false

  /// The operation that produced this tensor ("leaf" for a tensor made from values).
  public let operation: String

  /// The tensors this one was computed from, in the order the backward rule answers for them.
  public private(set) var inputs: [Tensor]

  /// Each input's ``version`` when this tensor was computed from it.
  let inputVersions: [Int]

  /// The local backward rule: given this tensor (the output) and `∂L/∂output`, it returns
  /// `∂L/∂input` for each input (`nil` where no gradient flows). It is written with tensor
  /// operations, so it can itself be differentiated (`backward(createGraph: true)`).
  private(set) var backwardRule: ((_ output: Tensor, _ gradient: Tensor) -> [Tensor?])?

  /// Creates a tensor of the given shape from row-major values.
  ///
  /// - Precondition: `scalars.count` is the product of `shape`.
  public init(shape: [Int], scalars: [Double], requiresGrad: Bool = false) {
    let count = Shape.count(shape, operation: "Tensor(shape:scalars:)")
    if count != scalars.count {
      fail("Tensor(shape:scalars:): shape \(shape) holds \(count) values, but \(scalars.count) were given")
    }
    self.shape = shape
    self.scalars = scalars
    self.requiresGrad = requiresGrad
    self.operation = "leaf"
    self.inputs = []
    self.inputVersions = []
    self.backwardRule = nil
  }

  /// Creates the result of an operation; only ``Tensor/result(of:shape:scalars:inputs:backward:)`` calls it.
  init(
    shape: [Int], scalars: [Double], operation: String, inputs: [Tensor],
    backwardRule: ((Tensor, Tensor) -> [Tensor?])?
  ) {
    self.shape = shape
    self.scalars = scalars
    self.requiresGrad = backwardRule != nil
    self.operation = operation
    self.inputs = inputs
    self.inputVersions = inputs.map(\.version)
    self.backwardRule = backwardRule
  }

  /// Releases the graph behind this tensor one node at a time.
  ///
  /// Left to itself, freeing a tensor frees its inputs, whose deinit frees theirs, and so on: one
  /// nested call per node, which overflows the stack on a long chain (an RNN unrolled over
  /// thousands of steps). Instead the inputs go onto a work list. A node that something else
  /// still holds only loses one reference; a node held by the list alone hands its own inputs
  /// (and its backward rule, whose closure holds them too) to the list before it is freed, so its
  /// deinit has nothing left to recurse into.
  deinit {
    // Large arrays are kept for the next tensors (Kernels/BufferPool.swift), unless shared.
    if !sharesScalars { returnToPool(scalars) }
    guard !inputs.isEmpty else { return }
    var pending = inputs
    inputs = []
    backwardRule = nil
    while var node = pending.popLast() {
      guard isKnownUniquelyReferenced(&node) else { continue }
      pending += node.inputs
      node.inputs = []
      node.backwardRule = nil
    }  // `node` is freed here, with no inputs left
  }

  /// A scalar tensor (shape `[]`).
  public convenience init(_ value: Double, requiresGrad: Bool = false) {
    self.init(shape: [], scalars: [value], requiresGrad: requiresGrad)
  }

  /// A vector (shape `[n]`).
  public convenience init(_ values: [Double], requiresGrad: Bool = false) {
    self.init(shape: [values.count], scalars: values, requiresGrad: requiresGrad)
  }

  /// A matrix (shape `[rows, columns]`); every row must have the same length.
  public convenience init(_ rows: [[Double]], requiresGrad: Bool = false) {
    let columns = rows.first?.count ?? 0
    if let bad = rows.firstIndex(where: { $0.count != columns }) {
      fail("Tensor([[Double]]): row \(bad) has \(rows[bad].count) values, row 0 has \(columns)")
    }
    self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 }, requiresGrad: requiresGrad)
  }

  /// The number of axes (0 for a scalar).
  public var rank: Int { shape.count }

  /// The number of values.
  public var count: Int { scalars.count }

  /// The value of a one-element tensor.
  public var item: Double {
    if scalars.count != 1 {
      fail("item: needs a one-element tensor, got shape \(shape)")
    }
    return scalars[0]
  }

  /// Asks `backward()` to keep this intermediate tensor's gradient in ``grad`` (PyTorch's
  /// `retain_grad()`), to read it afterwards as micrograd readers do with every node:
  ///
  /// ```swift
  /// let e = (a * b).retainGrad()
  /// let loss = (e + c) * f
  /// loss.backward()
  /// e.grad!.item   // ∂loss/∂e
  /// ```
  /// Returns the tensor itself.
  @discardableResult
  public func retainGrad() -> Tensor {
    retainsGrad = true
    return self
  }

  /// Whether this tensor was made from values rather than computed by an operation.
  public var isLeaf: Bool { backwardRule == nil }

  /// The same values, cut from the graph: no gradient flows through the result.
  public func detached() -> Tensor {
    Tensor(shape: shape, scalars: scalars).sharingScalars(with: self)
  }

  /// Marks this tensor and `source` as holding one array of values between them (Swift's arrays
  /// share storage until written): neither hands it to the buffer pool when freed, since the other
  /// may still read it. Returns this tensor.
  func sharingScalars(with source: Tensor) -> Tensor {
    sharesScalars = true
    source.sharesScalars = true
    return self
  }

  /// The values as rows of a matrix (a rank-2 tensor only).
  public var rows: [[Double]] {
    if rank != 2 { fail("rows: needs a rank-2 tensor, got shape \(shape)") }
    let columns = shape[1]
    return (0..<shape[0]).map { Array(scalars[($0 * columns)..<(($0 + 1) * columns)]) }
  }
}

extension Tensor: CustomStringConvertible {
  /// Nested brackets like NumPy's, e.g. `[[1.0, 2.0], [3.0, 4.0]]`.
  public var description: String {
    func render(_ axis: Int, _ offset: Int) -> String {
      if axis == shape.count { return "\(scalars[offset])" }
      let stride = shape[(axis + 1)...].reduce(1, *)
      let parts = (0..<shape[axis]).map { render(axis + 1, offset + $0 * stride) }
      return "[" + parts.joined(separator: ", ") + "]"
    }
    return render(0, 0)
  }
}
