// InPlaceTests.swift — a value changed in place after an operation read it would make its
// backward rule compute a wrong gradient; backward() stops instead, naming the operation.

import Testing

import Autograd

@Suite("Changes in place")
struct InPlaceTests {
  @Test("changing an input after the graph was built stops backward with a message")
  func changedInput() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        let x = Tensor(3.0, requiresGrad: true)
        let y = x * x
        x.scalars = [5]
        y.backward()  // would give 10, not 6
      })
    #expect(text.contains("backward of multiply: its input 0 ([], from 'leaf') was changed in place 1 time"))
  }

  @Test("an optimizer step between forward and backward stops backward with a message")
  func stepBeforeBackward() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        var rng = SeededGenerator(seed: 1)
        let layer = Linear(inputs: 2, outputs: 1, using: &rng)
        let optimizer = SGD(parameters: layer.parameters, learningRate: 0.1)
        let x = Tensor([[1.0, 2.0]], requiresGrad: true)
        let loss = layer(x).sum()
        loss.backward()
        optimizer.update()
        let again = layer(x).sum()
        optimizer.update()  // between building `again` and its backward
        again.backward()
      })
    #expect(text.contains("was changed in place"))
    #expect(text.contains("optimizer step"))
  }

  @Test("the usual loop — zero, forward, backward, step — is allowed, step after step")
  func usualLoop() {
    var rng = SeededGenerator(seed: 1)
    let layer = Linear(inputs: 2, outputs: 1, using: &rng)
    let optimizer = SGD(parameters: layer.parameters, learningRate: 0.1)
    let x = Tensor([[1.0, 2.0]])
    var losses: [Double] = []
    for _ in 0..<3 {
      optimizer.zeroGradients()
      let loss = layer(x).pow(2).sum()
      loss.backward()
      optimizer.update()
      losses.append(loss.item)
    }
    #expect(losses[2] < losses[0])
  }

  @Test("a change counts: version goes up with each assignment")
  func versionCounts() {
    let x = Tensor([1.0, 2.0])
    #expect(x.version == 0)
    x.scalars[0] = 3
    x.scalars = [4, 5]
    #expect(x.version == 2)
  }
}
