// Backward.swift — how the graph is recorded and walked in reverse (reverse-mode autodiff).
//
// Every operation calls `Tensor.result(of:…)` with its value and its local backward rule.
// `backward()` sorts the graph topologically and applies each rule from the output back to
// the inputs: the chain rule, and nothing more.

/// Whether operations record the graph. Off inside ``withoutGradient(_:)``.
enum GradientMode {
  @TaskLocal static var isEnabled = true
}

/// Runs `body` without recording a graph: results do not require gradients, and no memory
/// is kept for a backward pass. Use it for evaluation and for parameter updates.
///
/// ```swift
/// let prediction = withoutGradient { model(x) }
/// ```
public func withoutGradient<Result>(_ body: () throws -> Result) rethrows -> Result {
  try GradientMode.$isEnabled.withValue(false, operation: body)
}

/// Whether operations currently record the graph (false inside ``withoutGradient(_:)``).
public var isRecordingGradients: Bool { GradientMode.isEnabled }

extension Tensor {
  /// Makes the result of an operation. The graph is recorded only if some input requires a
  /// gradient and recording is on; otherwise the result is a plain leaf.
  ///
  /// - Parameters:
  ///   - operation: the name shown in graph renderings and error messages.
  ///   - backward: `(output, ∂L/∂output) -> [∂L/∂input]`, written with tensor operations.
  static func result(
    of operation: String, shape: [Int], scalars: [Double], inputs: [Tensor],
    backward: @escaping (_ output: Tensor, _ gradient: Tensor) -> [Tensor?]
  ) -> Tensor {
    let tracked = GradientMode.isEnabled && inputs.contains { $0.requiresGrad }
    return Tensor(
      shape: shape, scalars: scalars, operation: operation,
      inputs: tracked ? inputs : [], backwardRule: tracked ? backward : nil)
  }

  /// Every tensor this one depends on, each after all of its inputs (inputs first, `self` last).
  ///
  /// Iterative depth-first search, so a long graph (an RNN unrolled over many steps) cannot
  /// overflow the stack.
  public func topologicalOrder() -> [Tensor] {
    var order: [Tensor] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(node: Tensor, inputsPushed: Bool)] = [(self, false)]
    while let (node, inputsPushed) = stack.popLast() {
      if inputsPushed {
        order.append(node)
        continue
      }
      guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
      stack.append((node, true))
      for input in node.inputs.reversed() where !visited.contains(ObjectIdentifier(input)) {
        stack.append((input, false))
      }
    }
    return order
  }

  /// Accumulates `∂self/∂t` into `t.grad` for every leaf tensor `t` with `requiresGrad` that this
  /// one-element tensor depends on, and for every intermediate tensor that asked with
  /// ``retainGrad()``.
  ///
  /// Gradients add up: a second call adds to the grads of the first; set `t.grad = nil` to
  /// clear one. The seed is `∂self/∂self = 1`.
  ///
  /// - Parameter createGraph: record the backward pass itself, so the resulting grads can
  ///   be differentiated again (second derivatives). Off by default, which is faster.
  public func backward(createGraph: Bool = false) {
    if count != 1 {
      fail("backward: needs a one-element tensor (a loss), got shape \(shape); reduce it first, e.g. with sum()")
    }
    if !requiresGrad {
      fail("backward: this tensor (from '\(operation)') does not depend on any tensor with requiresGrad")
    }
    GradientMode.$isEnabled.withValue(createGraph) {
      // ∂self/∂node for each node reached so far, seeded with ∂self/∂self = 1; a node's entry is
      // complete once every node after it in topological order has passed its share back.
      var upstream = GradientSums(seed: self, recorded: createGraph)
      for node in topologicalOrder().reversed() {
        guard let gradient = upstream.take(node) else { continue }
        // Leaves keep their gradients; an intermediate tensor only when it asked (retainGrad).
        if node.isLeaf || node.retainsGrad { node.grad = node.grad.map { $0 + gradient } ?? gradient }
        guard let rule = node.backwardRule else { continue }
        node.checkInputsUnchanged()
        for (input, inputGradient) in zip(node.inputs, rule(node, gradient)) where input.requiresGrad {
          guard let inputGradient else { continue }
          if inputGradient.shape != input.shape {
            fail(
              "backward of \(node.operation): gradient shape \(inputGradient.shape) does not match input shape \(input.shape)"
            )
          }
          upstream.add(inputGradient, to: input)  // the chain rule's sum over every path to input
        }
      }
    }
  }
}

/// The gradients of a one-element `output` with respect to `inputs`, returned rather than
/// accumulated into `.grad` (which is left as it was).
///
/// With `createGraph: true` the returned gradients are themselves differentiable, which is
/// how a second derivative is taken:
///
/// ```swift
/// let x = Tensor(0.5, requiresGrad: true)
/// let dy = gradients(of: x.tanh(), withRespectTo: [x], createGraph: true)[0]   // 1 − tanh²x
/// let d2y = gradients(of: dy, withRespectTo: [x])[0]                          // −2 tanh x (1 − tanh²x)
/// ```
public func gradients(of output: Tensor, withRespectTo inputs: [Tensor], createGraph: Bool = false)
  -> [Tensor]
{
  // Every grad the pass could touch is set aside, then put back; the inputs retain theirs for
  // the pass, intermediate or not.
  let touched = output.topologicalOrder() + inputs
  let saved = touched.map { ($0.grad, $0.retainsGrad) }
  for node in touched { node.grad = nil }
  for input in inputs { input.retainsGrad = true }
  output.backward(createGraph: createGraph)
  let result = inputs.map { $0.grad ?? Tensor.zeros(like: $0) }
  for (node, (grad, retains)) in zip(touched, saved) { (node.grad, node.retainsGrad) = (grad, retains) }
  return result
}

extension Tensor {
  /// Stops when an input of this operation was changed in place after the operation read it:
  /// the backward rule would use the new values, and the gradient would be silently wrong.
  fileprivate func checkInputsUnchanged() {
    for (i, (input, seen)) in zip(inputs, inputVersions).enumerated() where input.version != seen {
      let changes = input.version - seen
      fail(
        "backward of \(operation): its input \(i) (\(input.shape), from '\(input.operation)') was changed in place "
          + "\(changes) time\(changes == 1 ? "" : "s") after \(operation) used it (an assignment to scalars, or an "
          + "optimizer step), so the gradient would use the new values. Run backward() before changing it, or "
          + "compute the graph again.")
    }
  }
}
