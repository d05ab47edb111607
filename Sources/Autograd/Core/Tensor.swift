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
    }
  }

  /// Whether gradients flow to this tensor. Results of operations on such tensors require
  /// gradients too (outside ``withoutGradient(_:)``).
  public var requiresGrad: Bool

  /// `∂y/∂self` accumulated by `y.backward()`: `nil` until a backward pass reaches this
  /// tensor, then a tensor of the same shape. Set it to `nil` to clear it.
  public var grad: Tensor?

  /// The operation that produced this tensor ("leaf" for a tensor made from values).
  public let operation: String

  /// The tensors this one was computed from, in the order the backward rule answers for them.
  public let inputs: [Tensor]

  /// The local backward rule: given this tensor (the output) and `∂L/∂output`, it returns
  /// `∂L/∂input` for each input (`nil` where no gradient flows). It is written with tensor
  /// operations, so it can itself be differentiated (`backward(createGraph: true)`).
  let backwardRule: ((_ output: Tensor, _ gradient: Tensor) -> [Tensor?])?

  /// Creates a tensor of the given shape from row-major values.
  ///
  /// - Precondition: `scalars.count` is the product of `shape`.
  public init(shape: [Int], scalars: [Double], requiresGrad: Bool = false) {
    if let bad = shape.first(where: { $0 < 0 }) {
      fail("Tensor(shape:scalars:): negative axis size \(bad) in shape \(shape)")
    }
    let count = shape.reduce(1, *)
    if count != scalars.count {
      fail("Tensor(shape:scalars:): shape \(shape) holds \(count) values, but \(scalars.count) were given")
    }
    self.shape = shape
    self.scalars = scalars
    self.requiresGrad = requiresGrad
    self.operation = "leaf"
    self.inputs = []
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
    self.backwardRule = backwardRule
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

  /// Whether this tensor was made from values rather than computed by an operation.
  public var isLeaf: Bool { backwardRule == nil }

  /// The same values, cut from the graph: no gradient flows through the result.
  public func detached() -> Tensor {
    Tensor(shape: shape, scalars: scalars)
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
