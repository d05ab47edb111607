// LongGraphTests.swift — graphs of a hundred thousand nodes are built, differentiated and freed
// without overflowing the stack. Each runs in a child process (an exit test), so a crash fails
// the test instead of the whole run. The release build runs the same in bench (long_*).

import Testing

import Autograd

@Suite("Long graphs")
struct LongGraphTests {
  @Test("a 100 000-step chain: backward, then freed")
  func longChain() async {
    await #expect(processExitsWith: .success) {
      let x = Tensor(1.0, requiresGrad: true)
      do {
        var y = x
        for _ in 0..<100_000 { y = y + x }  // y = 100 001·x
        y.backward()
      }  // the chain is released here
      if x.grad?.item != 100_001 { fatalError("dy/dx = \(x.grad?.item ?? .nan), not 100001") }
    }
  }

  @Test("an 8 000-step LSTM sequence: backward through time, then freed")
  func longLSTM() async {
    await #expect(processExitsWith: .success) {
      var rng = SeededGenerator(seed: 3)
      let lstm = LSTMCell(inputs: 1, hidden: 2, using: &rng)
      do {
        let x = Tensor.normal([1, 8000, 1], using: &rng)
        lstm.sequence(x).last!.hidden.sum().backward()
      }
      if !lstm.parameters.allSatisfy({ $0.grad?.scalars.allSatisfy(\.isFinite) == true }) {
        fatalError("a parameter has no finite gradient")
      }
    }
  }

  @Test("a graph that shares nodes is freed once, and what is still held survives")
  func sharedNodesSurvive() {
    let x = Tensor([1.0, 2.0], requiresGrad: true)
    var kept: Tensor?
    do {
      var y = x
      for i in 0..<1000 {
        y = (y * 1.0001).tanh()
        if i == 500 { kept = y }
      }
      y.sum().backward()
    }
    // The middle node and everything below it are still a graph that can be differentiated.
    let middle = kept!
    x.grad = nil
    middle.sum().backward()
    #expect(x.grad != nil && middle.inputs.count == 1)
  }
}
