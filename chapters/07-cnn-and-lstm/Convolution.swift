// 07-cnn-and-lstm — convolution and pooling by hand (1-D and 2-D, stride, padding, gradients),
// then the LSTM cell gate by gate, backpropagation through time, and why gates help gradients.
//
// Layout is channels-last, as in Keras: sequences [B, L, C], images [B, H, W, C];
// kernels [F, k, C] and [F, kh, kw, C].

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

@main
struct CNNAndLSTM: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "07-cnn-and-lstm",
    abstract: "Convolution, pooling and the LSTM cell, computed by hand and checked against autograd.")
  static let defaultSeed: UInt64 = 7
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    let sequence = conv1dCell(notebook)
    let flipped = correlationCell(notebook, sequence)
    outputSizeCell(notebook)
    conv2dCell(notebook)
    let pooling = poolingCell(notebook)
    let lstm = lstmCell(notebook)
    throughTimeCell(notebook)
    var memory = try memoryCell(notebook)
    memory.rnnLonger = rnnLongerCell(notebook)
    let norms = try gradientFlowCell(notebook)
    sourceChecks(
      notebook,
      SourceFacts(sequence: sequence, flipped: flipped, pooling: pooling, lstm: lstm, memory: memory, norms: norms))
  }

  // MARK: - 1-D convolution

  /// The sequence and kernel of the 1-D examples.
  struct SequenceExample {
    let x: [Double]
    let w: [Double]
    let correlation: [Double]  // Σⱼ wⱼ x_{i+j}, what conv1d computes
  }

  static let x: [Double] = [3, 1, 4, 1, 5, 9, 2]
  static let w: [Double] = [1, 2, -1]

  func conv1dCell(_ notebook: Notebook) -> SequenceExample {
    let (x, w) = (Self.x, Self.w)
    let k = w.count
    var byHand: [Double] = []
    notebook.cell("conv1d", "A kernel slides along a sequence") { cell in
      cell.line("x = \(Format.vector(x)) (length \(x.count)), kernel w = \(Format.vector(w)) (k = \(k))")
      cell.line("each output is the kernel laid over a window of x, multiplied and summed: y[i] = Σⱼ w[j]·x[i + j]")
      for i in 0...(x.count - k) {
        let terms = (0..<k).map { "\(Format.number(w[$0]))·\(Format.number(x[i + $0]))" }
        let y = (0..<k).map { w[$0] * x[i + $0] }.reduce(0, +)
        byHand.append(y)
        cell.line("  y[\(i)] = \(terms.joined(separator: " + ")) = \(Format.number(y))")
      }
      let library = conv1d(
        Tensor(shape: [1, x.count, 1], scalars: x), Tensor(shape: [1, k, 1], scalars: w)
      ).scalars
      cell.line("conv1d(x, w) = \(Format.vector(library)) — the same \(library.count) numbers")
      cell.line("(\(x.count) − \(k) + 1 = \(library.count) windows fit: the output is shorter than the input by k − 1)")
      notebook.result("conv1d", library)
    }
    return SequenceExample(x: x, w: w, correlation: byHand)
  }

  /// Article 003's formula, f(x_i) = Σⱼ w_j x_{i−j}: a true convolution, which walks the kernel backwards.
  func correlationCell(_ notebook: Notebook, _ example: SequenceExample) -> [Double] {
    let (x, w) = (example.x, example.w)
    let k = w.count
    var convolution: [Double] = []
    notebook.cell("convolution-vs-correlation", "Convolution or cross-correlation: article 003's formula") { cell in
      cell.line(
        "article 003 (L222–226): f(x_i) = Σⱼ w_j·x_{i−j}, j = 0 … k − 1, defined where i − j ≥ 0 for all j (i ≥ k − 1):"
      )
      for i in (k - 1)..<x.count {
        let terms = (0..<k).map { "\(Format.number(w[$0]))·\(Format.number(x[i - $0]))" }
        let f = (0..<k).map { w[$0] * x[i - $0] }.reduce(0, +)
        convolution.append(f)
        cell.line("  f(x_\(i)) = \(terms.joined(separator: " + ")) = \(Format.number(f))")
      }
      let flipped = Array(w.reversed())
      let library = conv1d(
        Tensor(shape: [1, x.count, 1], scalars: x), Tensor(shape: [1, k, 1], scalars: flipped)
      ).scalars
      cell.line("the formula's outputs:       \(Format.vector(convolution))")
      cell.line("conv1d with w:               \(Format.vector(example.correlation))")
      cell.line("conv1d with w reversed \(Format.vector(flipped)): \(Format.vector(library))")
      let same = library == convolution
      cell.line(
        same
          ? "the article's convolution is conv1d with the kernel reversed; with the same kernel the numbers differ"
          : "the reversed kernel does not reproduce the formula — something is wrong")
      notebook.result("article_convolution", convolution)
    }
    return convolution
  }

  func outputSizeCell(_ notebook: Notebook) {
    notebook.cell("output-size", "Stride, padding and the output size") { cell in
      cell.line("windows of k steps, moved s steps at a time, over n inputs with p zeros added at each end:")
      cell.line("  n_out = ⌊(n + 2p − k)/s⌋ + 1")
      let cases: [(n: Int, k: Int, s: Int, p: Int, what: String)] = [
        (7, 3, 1, 0, "'valid': no padding"), (7, 3, 1, 1, "'same': p = (k − 1)/2 keeps the length"),
        (7, 3, 2, 1, "stride 2 halves it (rounding up)"), (8, 2, 2, 0, "2-wide pooling, stride 2"),
        (28, 3, 1, 0, "article 003's Conv2D, 28 → 26"), (26, 2, 2, 0, "then MaxPooling2D((2, 2)), 26 → 13"),
      ]
      var rows: [[TableEntry]] = []
      for c in cases {
        let formula = (c.n + 2 * c.p - c.k) / c.s + 1
        let measured = Tensor.zeros([1, c.n, 1]).patches(kernel: c.k, stride: c.s, padding: c.p).shape[1]
        rows.append([c.n, c.k, c.s, c.p, formula, measured, c.what])
      }
      cell.table(["n", "k", "s", "p", "formula", "conv1d's output", "case"], rows)
      let padded = conv1d(
        Tensor(shape: [1, Self.x.count, 1], scalars: Self.x), Tensor(shape: [1, 3, 1], scalars: Self.w), stride: 2,
        padding: 1)
      cell.line(
        "x and w of cell 1 with s = 2, p = 1: x padded is \(Format.vector([0] + Self.x + [0])), y = \(Format.vector(padded.scalars))"
      )
    }
  }

  // MARK: - 2-D convolution

  func conv2dCell(_ notebook: Notebook) {
    notebook.cell("conv2d", "A 3×3 kernel over a 5×5 image") { cell in
      // A dark left half and a bright right half: one vertical edge.
      let image: [[Double]] = (0..<5).map { _ in [0, 0, 1, 1, 1] }
      let kernel: [[Double]] = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]  // Sobel: left minus right
      cell.line("image (a vertical edge between columns 2 and 3):")
      cell.lines(Format.matrix(image))
      cell.line("kernel (Sobel, left columns minus right columns):")
      cell.lines(Format.matrix(kernel))
      let window = (0..<3).map { r in Array(image[r][1..<4]) }
      let products = (0..<3).flatMap { r in (0..<3).map { c in kernel[r][c] * window[r][c] } }
      cell.line("output[0][1]: the window at rows 0–2, columns 1–3, multiplied entry by entry and summed:")
      cell.line(
        "  " + products.map { Format.number($0) }.joined(separator: " + ")
          + " = \(Format.number(products.reduce(0, +)))")
      let x = Tensor(shape: [1, 5, 5, 1], scalars: image.flatMap { $0 })
      let w = Tensor(shape: [1, 3, 3, 1], scalars: kernel.flatMap { $0 })
      let y = conv2d(x, w)
      // output[i][j] = Σ_{u,v} kernel[u][v] · image[i + u][j + v]
      func output(_ i: Int, _ j: Int) -> Double {
        var total = 0.0
        for u in 0..<3 { for v in 0..<3 { total += kernel[u][v] * image[i + u][j + v] } }
        return total
      }
      let byHand: [[Double]] = (0..<3).map { i in (0..<3).map { j in output(i, j) } }
      cell.line("every position, by hand (strong response where the window straddles the edge):")
      cell.lines(Format.matrix(byHand))
      cell.line(
        "conv2d agrees: max |difference| \(Format.within(zip(y.scalars, byHand.flatMap { $0 }).map { abs($0 - $1) }.max()!, Format.roundingBound))"
      )
      let same = conv2d(x, w, padding: (1, 1))
      let strided = conv2d(x, w, stride: (2, 2), padding: (1, 1))
      cell.line(
        "padding 1 keeps 5×5 (shape \(same.shape)); stride 2 with padding 1 gives 3×3 (shape \(strided.shape)):")
      cell.lines(Format.matrix(strided.reshaped([3, 3]).rows))
      notebook.result("sobel", y.scalars)
    }
  }

  // MARK: - Pooling

  struct PoolingFacts {
    let x: [Double]
    let maxima: [Double]
    let averages: [Double]
  }

  func poolingCell(_ notebook: Notebook) -> PoolingFacts {
    let x: [Double] = [1, 5, 2, 2, -1, -3, 0, 4]
    let input = Tensor(shape: [1, 8, 1], scalars: x, requiresGrad: true)
    let upstream = Tensor(shape: [1, 4, 1], scalars: [1, 2, 3, 4])  // ∂L/∂(pooled output), chosen
    let maxed = pool1d(input, .max, size: 2)
    (maxed * upstream).sum().backward()
    let maxGradient = input.grad!.scalars
    input.grad = nil
    let averaged = pool1d(input, .average, size: 2)
    (averaged * upstream).sum().backward()
    let averageGradient = input.grad!.scalars
    notebook.cell("pooling", "Max and average pooling, and where their gradients go") { cell in
      cell.line("x = \(Format.vector(x)), windows of 2 side by side (stride 2): 8 → 4 outputs")
      cell.line("max pooling:     \(Format.vector(maxed.scalars))")
      cell.line("average pooling: \(Format.vector(averaged.scalars))")
      cell.line("with ∂L/∂output = \(Format.vector(upstream.scalars)), backward() gives ∂L/∂x:")
      cell.line("  max:     \(Format.vector(maxGradient))")
      cell.line("  average: \(Format.vector(averageGradient))")
      cell.line("max sends each window's gradient to its largest entry (a tie, 2 and 2, splits it here: 1 each);")
      cell.line(
        "the other entries get 0 — they did not affect the output. average gives both entries half of their window's gradient."
      )
      // 2-D: 4×4 → 2×2.
      let image = Tensor(
        shape: [1, 4, 4, 1], scalars: [1, 3, 2, 1, 4, 0, 1, 5, 2, 2, 0, 1, 3, 1, 6, 2], requiresGrad: true)
      let pooled = pool2d(image, .max, size: (2, 2))
      pooled.sum().backward()
      cell.line("2-D, a 4×4 map and 2×2 max pooling (Keras's MaxPooling2D((2, 2))):")
      cell.lines(Format.matrix(image.reshaped([4, 4]).rows))
      cell.line("pooled:")
      cell.lines(Format.matrix(pooled.reshaped([2, 2]).rows))
      cell.line("∂(sum of pooled)/∂map — a 1 at each window's maximum:")
      cell.lines(Format.matrix(image.grad!.reshaped([4, 4]).rows))
      notebook.result("max_pool_gradient", maxGradient)
    }
    return PoolingFacts(
      x: x, maxima: maxed.scalars, averages: averaged.scalars)
  }
}
