// Models.swift — article 003's two Keras models (L334–339 and L354–358), and a dense network to
// compare the CNN with, each initialized as Keras initializes it.
//
// Shapes: B batch; images [B, 28, 28, 1] for the CNN, [B, 28, 28] (28 steps of 28 pixels) for
// the LSTM. Keras's last layer is Dense(10, softmax); these return its logits, and the loss
// takes their softmax (one formula instead of softmax then log, the same mathematics).

import Autograd

/// Keras's default kernel initializer, Glorot (Xavier) uniform: U(−r, r) with r = √(6 / (fan_in + fan_out)).
func glorotUniform(_ shape: [Int], fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> Tensor {
  let r = (6 / Double(fanIn + fanOut)).squareRoot()
  return Tensor.uniform(shape, in: -r...r, using: &generator, requiresGrad: true)
}

/// Keras's Dense: Glorot-uniform weights, zero biases.
func kerasDense(inputs: Int, outputs: Int, using generator: inout SeededGenerator) -> Linear {
  Linear(
    W: glorotUniform([outputs, inputs], fanIn: inputs, fanOut: outputs, using: &generator),
    b: Tensor.zeros([outputs]))
}

/// Article 003's CNN: Conv2D(32, (3, 3), relu) → MaxPooling2D((2, 2)) → Flatten → Dense(10, softmax).
final class ArticleCNN: ImageClassifier {
  /// The 32 filters `[32, 3, 3, 1]`.
  let W: Tensor
  /// Their biases `[32]`.
  let b: Tensor
  /// 13·13·32 = 5408 pooled features → 10 classes.
  let dense: Linear

  init(using generator: inout SeededGenerator) {
    // A 3×3 kernel over 1 channel: fan_in = 9, fan_out = 9·32 (Keras counts the receptive field in both).
    W = glorotUniform([32, 3, 3, 1], fanIn: 9, fanOut: 9 * 32, using: &generator)
    b = Tensor.zeros([32], requiresGrad: true)
    dense = kerasDense(inputs: 13 * 13 * 32, outputs: 10, using: &generator)
  }

  func inputShape(_ count: Int) -> [Int] { [count, 28, 28, 1] }

  /// The feature maps: every filter slid over the image, then relu.
  func featureMaps(_ x: Tensor) -> Tensor {
    conv2d(x, W, bias: b).relu()  // [B, 26, 26, 32]
  }

  func callAsFunction(_ x: Tensor) -> Tensor {
    let a = featureMaps(x)  // [B, 26, 26, 32]
    let p = pool2d(a, .max, size: (2, 2))  // [B, 13, 13, 32]
    return dense(p.reshaped([x.shape[0], -1]))  // [B, 10]
  }
}

/// Article 003's LSTM: LSTM(64, return_sequences=True) → LSTM(64) → Dense(10, softmax), reading
/// an image as 28 time steps, row after row, each step the row's 28 pixels.
final class ArticleLSTM: ImageClassifier {
  let first: LSTMCell
  let second: LSTMCell
  let dense: Linear

  init(using generator: inout SeededGenerator) {
    first = kerasLSTM(inputs: 28, hidden: 64, using: &generator)
    second = kerasLSTM(inputs: 64, hidden: 64, using: &generator)
    dense = kerasDense(inputs: 64, outputs: 10, using: &generator)
  }

  func inputShape(_ count: Int) -> [Int] { [count, 28, 28] }

  func callAsFunction(_ x: Tensor) -> Tensor {
    // return_sequences=True: the first layer hands every step's h to the second, [B, 28, 64].
    let sequence = Tensor.concatenated(first.sequence(x).map { $0.hidden.unsqueezed(axis: 1) }, axis: 1)
    let last = second.sequence(sequence).last!.hidden  // [B, 64]: the second layer's last h only
    return dense(last)  // [B, 10]
  }
}

/// A dense network of about the CNN's size, to compare with it: Flatten → Dense(128, relu) → Dense(10).
final class DenseNetwork: ImageClassifier {
  let hidden: Linear
  let output: Linear

  init(using generator: inout SeededGenerator) {
    hidden = kerasDense(inputs: 784, outputs: 128, using: &generator)
    output = kerasDense(inputs: 128, outputs: 10, using: &generator)
  }

  func inputShape(_ count: Int) -> [Int] { [count, 784] }

  func callAsFunction(_ x: Tensor) -> Tensor { output(hidden(x).relu()) }
}

/// Keras's LSTM initialization: input weights Glorot uniform (fan_in = I, fan_out = 4H),
/// recurrent weights orthogonal, biases 0 but the forget gate's 1 (`unit_forget_bias`).
func kerasLSTM(inputs: Int, hidden: Int, using generator: inout SeededGenerator) -> LSTMCell {
  let U = glorotUniform([4 * hidden, inputs], fanIn: inputs, fanOut: 4 * hidden, using: &generator)
  let W = orthogonal(rows: 4 * hidden, columns: hidden, using: &generator)  // [4H, H]
  var biases = [Double](repeating: 0, count: 4 * hidden)
  for j in hidden..<(2 * hidden) { biases[j] = 1 }  // blocks i, f, o, c: f is the second
  return LSTMCell(W: W, U: U, b: Tensor(shape: [4 * hidden], scalars: biases))
}

/// A `[rows, columns]` matrix (rows ≥ columns) with orthonormal columns: the Q of a normal
/// matrix's QR decomposition with R's diagonal made positive, as Keras's `Orthogonal` draws it,
/// here by Gram–Schmidt (modified: each projection removed from the current vector in turn).
func orthogonal(rows: Int, columns: Int, using generator: inout SeededGenerator) -> Tensor {
  var q = (0..<columns).map { _ in (0..<rows).map { _ in generator.nextNormal() } }  // column vectors
  for j in 0..<columns {
    for i in 0..<j {
      let projection = zip(q[i], q[j]).reduce(0) { $0 + $1.0 * $1.1 }
      for r in 0..<rows { q[j][r] -= projection * q[i][r] }
    }
    let norm = q[j].reduce(0) { $0 + $1 * $1 }.squareRoot()
    for r in 0..<rows { q[j][r] /= norm }
  }
  let values = (0..<rows).flatMap { r in (0..<columns).map { q[$0][r] } }
  return Tensor(shape: [rows, columns], scalars: values, requiresGrad: true)
}
