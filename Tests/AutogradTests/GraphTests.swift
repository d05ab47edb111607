// GraphTests.swift — the corner cases of the backward pass: reuse, diamonds, accumulation,
// the no-gradient scope, detaching.

import Testing

@testable import Autograd

@Suite("Backward pass over the graph")
struct GraphTests {
  @Test("a value used twice: b = a + a, c = b + b gives dc/da = 4")
  func valueUsedTwice() {
    let a = Tensor(3.0, requiresGrad: true)
    let b = (a + a).retainGrad()  // an intermediate tensor: its gradient is kept only when asked
    let c = b + b
    c.backward()
    #expect(a.grad!.item == 4)
    #expect(b.grad!.item == 2)
  }

  @Test("three shares are summed (the third in place) and no other node's gradient changes")
  func manySharesInPlace() {
    // b = (w + w) + w = 3w, L = Σ b²: ∂L/∂b = ∂L/∂a = 2b = 6w, ∂L/∂w = 18w. `+` hands the same
    // gradient tensor on to both its inputs, so a, b and two of w's shares are one object.
    let w = Tensor([1.0, 2.0], requiresGrad: true)
    let a = (w + w).retainGrad()
    let b = (a + w).retainGrad()
    (b * b).sum().backward()
    #expect(w.grad!.scalars == [18, 36])
    #expect(a.grad!.scalars == [6, 12])
    #expect(b.grad!.scalars == [6, 12])
    // The same with the graph recorded: the sums are operations, and differentiable again.
    let x = Tensor(1.5, requiresGrad: true)
    let y = ((x * x + x * x) + x * x).sum()  // 3x², dy/dx = 6x, d²y/dx² = 6
    let dy = gradients(of: y, withRespectTo: [x], createGraph: true)[0]
    #expect(dy.item == 9)
    #expect(gradients(of: dy, withRespectTo: [x])[0].item == 6)
  }

  @Test("a diamond: d = (a·2)·(a + 1) gives dd/da = 2(a + 1) + 2a")
  func diamond() {
    let a = Tensor(1.5, requiresGrad: true)
    let left = a * 2
    let right = a + 1
    (left * right).backward()
    #expect(a.grad!.item == 2 * (1.5 + 1) + 2 * 1.5)
  }

  @Test("backward twice adds the gradients; grad = nil clears them")
  func accumulation() {
    let w = Tensor([1.0, -2.0], requiresGrad: true)
    let loss = (w * w).sum()
    loss.backward()
    #expect(w.grad!.scalars == [2, -4])
    loss.backward()
    #expect(w.grad!.scalars == [4, -8])
    w.grad = nil
    loss.backward()
    #expect(w.grad!.scalars == [2, -4])
  }

  @Test("the micrograd example: every node's value and gradient")
  func microgradExample() {
    // From micrograd's README: g = f/2 + 10/f with a = −4, b = 2.
    let a = Tensor(-4.0, requiresGrad: true)
    let b = Tensor(2.0, requiresGrad: true)
    var c = a + b
    var d = a * b + b.pow(3)
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    let e = c - d
    let f = e.pow(2)
    var g = f / 2.0
    g = g + 10.0 / f
    g.backward()
    #expect(isClose(g.item, 24.7041, tolerance: 1e-4))
    #expect(isClose(a.grad!.item, 138.8338, tolerance: 1e-4))
    #expect(isClose(b.grad!.item, 645.5773, tolerance: 1e-4))
  }

  @Test("withoutGradient builds no graph")
  func noGradientScope() {
    let w = Tensor([1.0, 2.0], requiresGrad: true)
    let y = withoutGradient { (w * 3).tanh().sum() }
    #expect(!y.requiresGrad)
    #expect(y.inputs.isEmpty)
    #expect(y.isLeaf)
    #expect(isRecordingGradients)
    withoutGradient { #expect(!isRecordingGradients) }
    // Outside the scope recording is back on.
    #expect((w * 3).requiresGrad)
  }

  @Test("intermediate tensors keep their gradients only when asked with retainGrad()")
  func intermediateGradients() {
    let x = Tensor([1.0, -2.0], requiresGrad: true)
    let hidden = x * 3
    let kept = (hidden + 1).retainGrad()
    let loss = (kept * kept).sum()
    loss.backward()
    #expect(x.grad!.scalars == [24, -30])  // 2·(3x + 1)·3
    #expect(kept.grad!.scalars == [8, -10])  // 2·(3x + 1)
    #expect(hidden.grad == nil && loss.grad == nil)
    // gradients(of:withRespectTo:) answers for an intermediate tensor too, and leaves it as it was.
    #expect(gradients(of: loss, withRespectTo: [hidden])[0].scalars == [8, -10])
    #expect(hidden.grad == nil && !hidden.retainsGrad)
  }

  @Test("detached() stops the gradient")
  func detach() {
    let x = Tensor(2.0, requiresGrad: true)
    let y = x * x.detached()  // d/dx of x·c with c = 2 is 2, not 2x = 4
    y.backward()
    #expect(x.grad!.item == 2)
  }

  @Test("operations on tensors that need no gradient record nothing")
  func constantsRecordNothing() {
    let y = (Tensor([1.0, 2.0]) * 3).exp()
    #expect(!y.requiresGrad && y.isLeaf)
  }

  @Test("the topological order puts inputs before the tensors made from them")
  func topologicalOrder() {
    let a = Tensor(1.0, requiresGrad: true)
    let b = a.exp()
    let c = a * b
    let order = c.topologicalOrder()
    let position = { (t: Tensor) in order.firstIndex { $0 === t }! }
    #expect(order.count == 3)
    #expect(position(a) < position(b) && position(b) < position(c))
  }

  @Test("a long chain does not overflow the stack")
  func longChain() {
    let x = Tensor(0.5, requiresGrad: true)
    var y = x
    for _ in 0..<20_000 { y = y * 1.0 }
    y.backward()
    #expect(x.grad!.item == 1)
  }

  @Test("gradients(of:withRespectTo:) returns without touching .grad")
  func gradientsFunction() {
    let x = Tensor([1.0, 2.0], requiresGrad: true)
    x.grad = Tensor([10.0, 10.0])
    let g = gradients(of: (x * x).sum(), withRespectTo: [x])[0]
    #expect(g.scalars == [2, 4])
    #expect(x.grad!.scalars == [10, 10])
  }
}
