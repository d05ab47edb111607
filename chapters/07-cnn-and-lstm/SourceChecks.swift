// SourceChecks.swift — every formula and claim of the sources about convolution, pooling, RNNs
// and LSTMs, against what this chapter computed.

import Autograd
import Foundation
import Notebook

/// What the chapter's cells computed, for the checks.
struct SourceFacts {
  let sequence: CNNAndLSTM.SequenceExample
  let flipped: [Double]
  let pooling: CNNAndLSTM.PoolingFacts
  let lstm: CNNAndLSTM.LSTMFacts
  let memory: CNNAndLSTM.MemoryFacts
  let norms: CNNAndLSTM.GradientNorms

  /// ‖∂L/∂x_1‖ / ‖∂L/∂x_T‖ for each model of the gradient-flow cell.
  func ratio(_ name: String) -> Double {
    let norms = norms.byModel.first { $0.name == name }!.norms
    return norms[0] / norms[norms.count - 1]
  }
}

extension CNNAndLSTM {
  func sourceChecks(_ notebook: Notebook, _ facts: SourceFacts) {
    convolutionChecks(notebook, facts)
    lstmChecks(notebook, facts)
    kerasChecks(notebook)
  }

  func convolutionChecks(_ notebook: Notebook, _ facts: SourceFacts) {
    notebook.cell("source-convolution", "Article 003's convolution and pooling formulas (L222–240)") { cell in
      let (x, w) = (facts.sequence.x, facts.sequence.w)
      let k = w.count
      cell.check(
        SourceCheck(
          id: "003-convolution-formula", source: Article.a003,
          claim:
            "L222–226: the convolution 'extracts image features with a filter': f(x_i) = Σ_{j=0}^{k−1} w_j x_{i−j}",
          stated: "f(x_i) = Σ_{j=0}^{k−1} w_j x_{i−j}", computed: facts.flipped, verdict: .ambiguous,
          note:
            "Correct as mathematics: x_{i−j} walks the kernel backwards, a true convolution (computed: its values on "
            + "cell 1's x and w). Keras's Conv2D, which the article uses, and conv1d here compute the cross-correlation "
            + "Σ w_j x_{i+j} = \(Format.vector(facts.sequence.correlation)) — the same operation with the kernel reversed. "
            + "For learned kernels the difference does not matter; for a given kernel the numbers differ."))

      // The pooling formulas, literally, for k = 2 and every full window (stride 1).
      let values = facts.pooling.x
      let sequence = Tensor(shape: [1, values.count, 1], scalars: values)
      let maxByFormula = (0..<(values.count - 1)).map { i in max(values[i], values[i + 1]) }
      let slidingMax = pool1d(sequence, .max, size: 2, stride: 1).scalars
      cell.check(
        SourceCheck(
          id: "003-max-pooling", source: Article.a003,
          claim: "L229–233: max pooling f′(x_i) = max(x_i, x_{i+1}, …, x_{i+k−1})", stated: maxByFormula,
          computed: slidingMax, tolerance: 0,
          note:
            "Correct for a window starting at i, moved one step at a time (pool1d with stride 1, computed). As written "
            + "the windows overlap and 8 values become \(slidingMax.count): that hardly 'reduces the dimension'. "
            + "Frameworks move the window by its own width (stride k): \(Format.vector(facts.pooling.maxima)), 8 → 4."))

      let averageByFormula = (1..<values.count).map { i in (values[i] + values[i - 1]) / 2 }
      let slidingAverage = pool1d(sequence, .average, size: 2, stride: 1).scalars
      cell.check(
        SourceCheck(
          id: "003-average-pooling", source: Article.a003,
          claim: "L229–233: average pooling (1/k) Σ_{j=0}^{k−1} x_{i−j}", stated: averageByFormula,
          computed: slidingAverage, verdict: .ambiguous,
          note:
            "The values are right (the same windows as pool1d with stride 1, computed), but this formula's window ends "
            + "at x_i while the max formula's starts there: the article names two different windows f′(x_i). Both "
            + "formulas also leave out the stride; with stride k the averages are \(Format.vector(facts.pooling.averages))."
        ))

      // A convolution as WᵀX: W is banded, each column holding the same k weights.
      let n = x.count
      let outputs = n - k + 1
      var banded = [[Double]](repeating: [Double](repeating: 0, count: outputs), count: n)  // W [n, outputs]
      for i in 0..<outputs { for j in 0..<k { banded[i + j][i] = w[j] } }
      let dense = Tensor(banded).transposed().matmul(Tensor(x).reshaped([n, 1])).scalars
      cell.line("cell 1's kernel as the matrix W of y = WᵀX (\(n)×\(outputs), zero outside the band):")
      cell.lines(Format.matrix(banded))
      cell.check(
        SourceCheck(
          id: "003-cnn-forward", source: Article.a003,
          claim:
            "L236–240: forward propagation 'extracts features through multiple levels of convolution and pooling': y = σ(WᵀX + b)",
          stated: dense, computed: facts.sequence.correlation,
          // Half right: the formula covers the convolution (the numbers agree) and not the pooling.
          verdict: isClose(dense, facts.sequence.correlation, tolerance: 1e-12) ? .ambiguous : .disagrees,
          note:
            "The formula is a fully connected layer, but it covers convolution as a special case: with the banded W "
            + "printed above, WᵀX is conv1d's output (computed). A convolution is a dense layer with \(n * outputs) "
            + "weights tied down to \(k); pooling, which the sentence names too, is not of this form at all (a max is "
            + "not linear), so the formula describes half of what the sentence says."))

      cell.check(
        SourceCheck(
          id: "002-cnn-layers", source: Article.a002,
          claim:
            "L172–176: the convolution layer slides a filter over the image to produce feature maps; pooling reduces the feature map's dimension",
          stated: "pooling reduces the dimension",
          computed: [
            28, Tensor.windowCount(size: 28, kernel: 3),
            Tensor.windowCount(size: Tensor.windowCount(size: 28, kernel: 3), kernel: 2, stride: 2),
          ].map(Double.init), verdict: .agrees,
          note:
            "Correct: a 3×3 filter slid over 28×28 gives a 26×26 feature map per filter, and 2×2 pooling with stride 2 "
            + "halves each side (the sizes of article 003's Keras model, computed with the output-size formula)."))
    }
  }

  func lstmChecks(_ notebook: Notebook, _ facts: SourceFacts) {
    notebook.cell("source-lstm", "Article 003's LSTM equations and the sources' claims about RNNs") { cell in
      let (hand, library) = (facts.lstm.byHand, facts.lstm.library)
      let equations: [(String, String, String, KeyPath<GateValues, [Double]>, String)] = [
        (
          "003-lstm-input-gate", "L247–251: input gate i_t = σ(W_i h_{t−1} + U_i x_t + b_i)", "i", \.input,
          "its description, 'computes the current state from the input data', fits the cell state better: i_t only scales the candidate"
        ),
        (
          "003-lstm-forget-gate", "L254–258: forget gate f_t = σ(W_f h_{t−1} + U_f x_t + b_f)", "f", \.forget,
          "f_t scales the previous cell state, so f_t near 1 keeps the memory"
        ),
        (
          "003-lstm-output-gate", "L261–265: output gate o_t = σ(W_o h_{t−1} + U_o x_t + b_o)", "o", \.output,
          "the description is the same as the cell state's ('computes the current state'); o_t only gates what the cell shows as h_t"
        ),
        (
          "003-lstm-cell-state", "L268–272: c_t = f_t ∗ c_{t−1} + i_t ∗ tanh(W_c h_{t−1} + U_c x_t + b_c)", "c", \.cell,
          "∗ is the elementwise product; the tanh term is the candidate g_t"
        ),
        (
          "003-lstm-hidden", "L275–279: h_t = o_t ∗ tanh(c_t)", "h", \.hidden,
          "h_t is both the output and the state fed back"
        ),
      ]
      for (id, claim, _, path, remark) in equations {
        cell.check(
          SourceCheck(
            id: id, source: Article.a003, claim: claim, stated: hand.flatMap { $0[keyPath: path] },
            computed: library.flatMap { $0[keyPath: path] }, tolerance: 1e-12,
            note:
              "Correct: the formula evaluated by hand over the three steps (stated) equals LSTMCell (computed); \(remark)."
          ))
      }

      let last = hand[hand.count - 1]
      cell.check(
        SourceCheck(
          id: "002-hidden-state-name", source: Article.a002,
          claim: "L182: '单元状态 (Hidden State)' passes information between time steps",
          stated: last.hidden, computed: last.cell, verdict: .disagrees,
          note:
            "单元状态 is the cell state c_t; the hidden state is h_t = o_t ∗ tanh(c_t), a different vector (stated: "
            + "h_3, computed: c_3 of the LSTM example). An LSTM passes both from step to step; a plain RNN has only h.")
      )

      // 001 L93 and 004 L70–79: the RNN's state recursion, unrolled by hand.
      var rng = cell.generator("rnn")
      let rnn = RNNCell(inputs: 1, hidden: 2, using: &rng)
      let (W, U, b) = (rnn.W.rows, rnn.U.scalars, rnn.b.scalars)
      var h = [0.0, 0.0]
      for x in Self.lstmInputs {
        h = (0..<2).map { i in Foundation.tanh(W[i][0] * h[0] + W[i][1] * h[1] + U[i] * x + b[i]) }
      }
      let hT = rnn.sequence(Tensor(shape: [1, 3, 1], scalars: Self.lstmInputs)).last!.scalars
      cell.check(
        SourceCheck(
          id: "001-rnn-state", source: Article.a001,
          claim: "L93: the RNN keeps sequence information by updating its state recursively over time steps",
          stated: h, computed: hT, tolerance: 1e-12,
          note:
            "Correct: h_t = tanh(W h_{t−1} + U x_t + b), unrolled by hand over x = [1, 0.5, -1] (stated), is RNNCell's h_3."
        ))
      cell.check(
        SourceCheck(
          id: "004-rnn-hidden-state", source: Article.a004,
          claim:
            "L70–79: the hidden state at each time step depends on the current input and the previous hidden state",
          stated: h, computed: hT, tolerance: 1e-12,
          note: "Correct: the same recursion, h_t = tanh(W h_{t−1} + U x_t + b), computed both ways."))

      let rnnRatio = facts.ratio("RNN")
      let lstmRatio = facts.ratio("LSTM, forget bias 1")
      let lstmRatio0 = facts.ratio("LSTM, forget bias 0")
      let rnnAccuracy = facts.memory.accuracy[.rnn]!
      let lstmAccuracy = facts.memory.accuracy[.lstm]!
      let solved = { (scores: [Double]) in "\(scores.filter { $0 > 0.9 }.count) of \(scores.count)" }
      cell.check(
        SourceCheck(
          id: "003-rnn-vanishing", source: Article.a003,
          claim: "L102–116: the RNN 'has vanishing- and exploding-gradient problems'", stated: "vanishing gradients",
          computed: [rnnRatio], verdict: .agrees,
          note:
            "The vanishing half, computed: \(facts.norms.length) steps back, the gradient reaching x_1 is "
            + "\(Format.number(rnnRatio, digits: 3)) times the one reaching x_T. Exploding gradients need recurrent weights "
            + "with gain above 1 and are not shown here."))
      cell.check(
        SourceCheck(
          id: "003-lstm-vanishing", source: Article.a003,
          claim: "L102–116: the LSTM 'solves the RNN's vanishing-gradient problem through a gating mechanism'",
          stated: "solves", computed: [lstmRatio0, lstmRatio], verdict: .ambiguous,
          note:
            "Eases, not solves: along c_t = f_t∗c_{t−1} + … the gradient is multiplied by f_t at each step, so it "
            + "lasts while the forget gate stays near 1. Computed, the ratio ‖∂L/∂x_1‖/‖∂L/∂x_T‖ with forget bias 0 and 1 "
            + "(RNN: \(Format.number(rnnRatio, digits: 3))); on the memory task, within 400 steps, the LSTM passed 0.9 "
            + "in \(solved(lstmAccuracy)) runs, the RNN in \(solved(rnnAccuracy)) (in \(solved(facts.memory.rnnLonger)) "
            + "given 2000 steps)."))
      cell.check(
        SourceCheck(
          id: "002-rnn-long-term", source: Article.a002,
          claim:
            "L180–184: the RNN 'can capture long-term dependencies'; gated RNNs (LSTM, GRU) solve vanishing and exploding gradients",
          stated: "long-term dependencies", computed: rnnAccuracy + lstmAccuracy, verdict: .ambiguous,
          note:
            "It can, but more slowly: on a \(Self.memoryLength)-step memory task, trained the same way in "
            + "\(rnnAccuracy.count) runs, within 400 steps the RNN passed 0.9 test accuracy in \(solved(rnnAccuracy)) "
            + "runs and the LSTM in \(solved(lstmAccuracy)) (computed: the RNN's accuracies, then the LSTM's); given "
            + "2000 steps the RNN passed in \(solved(facts.memory.rnnLonger)). Gates help against vanishing gradients; "
            + "exploding ones are handled by gradient clipping, not gates."
        ))
      cell.check(
        SourceCheck(
          id: "004-gating-long-term", source: Article.a004,
          claim: "L70–79: LSTM and GRU 'solve the long-term-dependency problem of the traditional RNN through gating'",
          stated: "solve", computed: [rnnRatio, lstmRatio], verdict: .ambiguous,
          note:
            "Gating lets the gradient survive much longer (computed: ‖∂L/∂x_1‖/‖∂L/∂x_T‖ for the RNN and the LSTM with "
            + "forget bias 1), but it still decays once the forget gates close; 'solve' overstates it."))

      let rnnParameters = RNNCell(inputs: 1, hidden: 8, using: &rng).parameterCount
      let lstmParameters = LSTMCell(inputs: 1, hidden: 8, using: &rng).parameterCount
      cell.check(
        SourceCheck(
          id: "003-lstm-cost", source: Article.a003,
          claim: "L102–116: the LSTM has higher computational complexity than the RNN",
          stated: "higher", computed: [Double(rnnParameters), Double(lstmParameters)], verdict: .agrees,
          note:
            "Correct: with H = 8 and one input, the RNN cell has \(rnnParameters) parameters and the LSTM cell "
            + "\(lstmParameters) — four weight blocks instead of one, so about four times the work per step."))

      // A convolution's outputs are independent: all windows in one product. An RNN's are not.
      let windows = Tensor(shape: [1, facts.sequence.x.count, 1], scalars: facts.sequence.x).patches(kernel: 3)
      cell.check(
        SourceCheck(
          id: "003-cnn-parallel", source: Article.a003,
          claim: "L102–116: the CNN has 'high computational efficiency, can be processed in parallel'",
          stated: "parallel", computed: [Double(windows.shape[1]), Double(facts.sequence.x.count)], verdict: .agrees,
          note:
            "Correct: each output needs only its own window, so all \(windows.shape[1]) windows of cell 1 are one matrix "
            + "product (computed: windows, and the \(facts.sequence.x.count) steps an RNN must take one after another, "
            + "since h_t needs h_{t−1})."))
    }
  }

  /// Article 003's two Keras listings (L327–366) and their claimed logs (L384–414).
  func kerasChecks(_ notebook: Notebook) {
    notebook.cell("source-keras", "Article 003's Keras CNN and LSTM, rebuilt layer by layer") { cell in
      var rng = cell.generator()
      let conv = Conv2D(channels: 1, filters: 32, kernel: (3, 3), using: &rng)
      let image = Tensor.zeros([1, 28, 28, 1])
      let features = conv(image).relu()  // [1, 26, 26, 32]
      let pooled = pool2d(features, .max, size: (2, 2))  // [1, 13, 13, 32]
      let flat = pooled.reshaped([1, -1])  // [1, 5408]
      let dense = Linear(inputs: flat.shape[1], outputs: 10, using: &rng)
      let probabilities = dense(flat).softmax(axis: -1)  // [1, 10]
      let cnnParameters = conv.parameterCount + dense.parameterCount
      cell.line(
        "CNN: input \([28, 28, 1]) → Conv2D(32, (3, 3)) \(Array(features.shape.dropFirst())) → MaxPooling2D((2, 2)) \(Array(pooled.shape.dropFirst())) → Flatten \(flat.shape[1]) → Dense(10) \(probabilities.shape[1])"
      )
      cell.line(
        "  parameters: Conv2D \(conv.parameterCount) (32·3·3·1 + 32), Dense \(dense.parameterCount) (5408·10 + 10), total \(cnnParameters)"
      )
      let first = LSTMCell(inputs: 28, hidden: 64, using: &rng)
      let second = LSTMCell(inputs: 64, hidden: 64, using: &rng)
      let head = Linear(inputs: 64, outputs: 10, using: &rng)
      // return_sequences=True: every step's h, [1, 1, 64] each, joined into [1, 28, 64].
      let firstOutputs = first.sequence(Tensor.zeros([1, 28, 28])).map { $0.hidden.unsqueezed(axis: 1) }
      let lstmOutput = head(second.sequence(Tensor.concatenated(firstOutputs, axis: 1)).last!.hidden)  // [1, 10]
      let lstmParameters = first.parameterCount + second.parameterCount + head.parameterCount
      cell.line("LSTM, reading a 28×28 image as 28 steps of 28 values (the listing gives no input shape):")
      cell.line(
        "  LSTM(64, return_sequences=True) \(first.parameterCount) → LSTM(64) \(second.parameterCount) → Dense(10) \(head.parameterCount) = \(lstmParameters) parameters; output \(lstmOutput.shape)"
      )
      cell.check(
        SourceCheck(
          id: "003-keras-cnn-layers", source: Article.a003,
          claim: "L327–346 and L370–380: the CNN 'defines multiple convolution, pooling and fully connected layers'",
          stated: "multiple of each", computed: [1.0, 1, 1, Double(cnnParameters)], verdict: .disagrees,
          note:
            "The listing has one Conv2D, one MaxPooling2D and one Dense layer (computed: the counts and the model's "
            + "\(cnnParameters) parameters, rebuilt here with the same shapes)."))
      cell.check(
        SourceCheck(
          id: "003-keras-lstm-layers", source: Article.a003,
          claim: "L348–366 and L370–380: the LSTM model 'defines multiple LSTM layers and a fully connected layer'",
          stated: "multiple LSTM layers, one dense", computed: [2.0, 1, Double(lstmParameters)], verdict: .agrees,
          note:
            "Correct: two LSTM layers and one Dense (computed: counts and parameters if each step is a 28-pixel row; "
            + "Keras's LSTM has the same 4·(H·(H + I) + H) parameters as LSTMCell). The listing never says what x_train is."
        ))
    }
  }
}
