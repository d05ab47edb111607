// ErrorTests.swift — misuse stops with a message that names the operation and the shapes.
// Exit tests run each body in a child process and read what it printed.

import Testing

import Autograd

/// What an exit test's child process printed to standard error.
func standardError(_ result: ExitTest.Result?) -> String {
  String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
}

@Suite("Misuse gives a clear message")
struct ErrorTests {
  @Test func broadcastMismatch() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.ones([2, 3]) + Tensor.ones([4])
      })
    #expect(text.contains("add: shapes [2, 3] and [4] cannot be broadcast"))
  }

  @Test func matmulInnerDimensions() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.ones([2, 3]).matmul(Tensor.ones([4, 5]))
      })
    #expect(text.contains("matmul: inner dimensions differ, [2, 3] · [4, 5]"))
  }

  @Test func itemOnNonScalar() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = Tensor([1.0, 2.0]).item })
    #expect(text.contains("item: needs a one-element tensor, got shape [2]"))
  }

  @Test func backwardOnNonScalar() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        let x = Tensor([1.0, 2.0], requiresGrad: true)
        (x * 2).backward()
      })
    #expect(text.contains("backward: needs a one-element tensor (a loss), got shape [2]"))
  }

  @Test func badAxis() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.ones([2, 3]).sum(axis: 2)
      })
    #expect(text.contains("sum(axis:): axis 2 is out of range for shape [2, 3]"))
  }

  @Test func badReshape() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.ones([2, 3]).reshaped([4, 2])
      })
    #expect(text.contains("reshaped: cannot reshape [2, 3] (6 values) to [4, 2]"))
  }

  @Test func lossShapes() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = meanSquaredError(predicted: Tensor.ones([4, 1]), expected: Tensor.ones([4]))
      })
    #expect(text.contains("meanSquaredError: shapes [4, 1] and [4] differ"))
  }

  @Test func huberShapes() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = huberLoss(predicted: Tensor.ones([32, 1]), expected: Tensor.ones([32]))
      })
    #expect(text.contains("huberLoss: shapes [32, 1] and [32] differ"))
  }

  @Test func shapeAndScalarsDisagree() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor(shape: [2, 2], scalars: [1, 2, 3])
      })
    #expect(text.contains("shape [2, 2] holds 4 values, but 3 were given"))
  }

  @Test func labelOutOfRange() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = softmaxCrossEntropy(logits: Tensor.zeros([2, 3]), labels: [0, 3])
      })
    #expect(text.contains("label 3 is out of range for 3 classes"))
  }

  @Test func convolutionChannels() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = conv1d(Tensor.zeros([1, 5, 3]), Tensor.zeros([2, 3, 4]))
      })
    #expect(text.contains("conv1d: input [1, 5, 3] must be [batch, length, C] and kernel [2, 3, 4] [filters, k, C]"))
  }

  @Test func windowLargerThanInput() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = pool2d(Tensor.zeros([1, 2, 2, 1]), .max, size: (3, 3))
      })
    #expect(text.contains("patches: a 3×3 window does not fit input [1, 2, 2, 1]"))
  }

  @Test func lstmInputWidth() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        var rng = SeededGenerator(seed: 1)
        _ = LSTMCell(inputs: 3, hidden: 2, using: &rng).sequence(Tensor.zeros([1, 4, 2]))
      })
    #expect(text.contains("LSTMCell: input must be [batch, steps, 3], got [1, 4, 2]"))
  }
}

/// Misuse that used to trap inside the standard library, give NaN silently or return a
/// meaningless value: each now stops with Autograd's message.
@Suite("Edge misuse gives a clear message")
struct EdgeMisuseTests {
  @Test func negativeShape() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = Tensor.zeros([-1, 2]) })
    #expect(text.contains("Autograd: full: negative axis size -1 in shape [-1, 2]"))
  }

  @Test func overflowingCount() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.zeros([Int.max / 2, 3])
      })
    #expect(text.contains("has more values than an Int can count"))
  }

  @Test func moreThanMemory() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.zeros([1 << 20, 1 << 20])
      })
    #expect(text.contains("full: shape [1048576, 1048576] needs 8796.1 GB for its values, more than this machine's"))
  }

  @Test func negativeIdentity() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = Tensor.identity(-1) })
    #expect(text.contains("identity: size -1 is negative"))
  }

  @Test func arangeToInfinity() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.arange(0, .infinity)
      })
    #expect(text.contains("arange: start 0.0, end inf and step 1.0 must be finite numbers"))
  }

  @Test func arangeToNaN() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = Tensor.arange(0, .nan) })
    #expect(text.contains("arange: start 0.0, end nan and step 1.0 must be finite numbers"))
  }

  @Test func linspaceToNaN() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.linspace(0, .nan, count: 3)
      })
    #expect(text.contains("linspace: start 0.0 and end nan must be finite numbers"))
  }

  @Test func linearWithoutInputs() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        var rng = SeededGenerator(seed: 1)
        _ = Linear(inputs: 0, outputs: 2, using: &rng)
      })
    #expect(text.contains("Linear(inputs: 0, outputs: 2): a layer needs at least one input and one output"))
  }

  @Test func emptyMeanAlongAxis() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.zeros([3, 0]).mean(axis: 1)
      })
    #expect(text.contains("mean(axis:): axis 1 of shape [3, 0] is empty"))
  }

  @Test func emptyCrossEntropyBatch() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = softmaxCrossEntropy(logits: Tensor.zeros([0, 3]), labels: [])
      })
    #expect(text.contains("softmaxCrossEntropy: the batch is empty (logits [0, 3])"))
  }

  @Test func targetOutsideTheUnitInterval() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = binaryCrossEntropy(probabilities: Tensor([0.5]), targets: Tensor([2.0]))
      })
    #expect(text.contains("binaryCrossEntropy: target 2.0 is outside [0, 1] (shape [1])"))
  }

  @Test func labelOutsideTheUnitInterval() async {
    let text = standardError(
      await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = sigmoidCrossEntropy(logits: Tensor([0.5]), labels: Tensor([-1.0]))
      })
    #expect(text.contains("sigmoidCrossEntropy: label -1.0 is outside [0, 1] (shape [1])"))
  }
}
