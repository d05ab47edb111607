// 06-attention — scaled dot-product attention from the sources' worked example to a trained
// transformer block.
//
// Shapes: n queries, m keys and values, d query/key width, dv value width.

import ArgumentParser
import Autograd
import Foundation
import Notebook
import Plot

@main
struct Attention: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "06-attention",
    abstract:
      "Attention: the sources' example step by step, scaling, masks, gradients, heads, and a trained transformer.")
  static let defaultSeed: UInt64 = 6
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    let example = try sourceExampleCell(notebook)
    try selectiveCell(notebook)
    try scalingCell(notebook)
    try maskCell(notebook)
    gradientCell(notebook)
    multiHeadCell(notebook)
    try positionalCell(notebook)
    try capstoneCell(notebook)
    sourceChecks(notebook, example: example)
  }

  /// Article 004's example: five positions, one number each for query, key and value.
  struct SourceExample {
    let scores: Tensor  // [5, 5]
    let weights: Tensor  // [5, 5]
    let output: Tensor  // [5, 1]
  }

  func sourceExampleCell(_ notebook: Notebook) throws -> SourceExample {
    // Article 004 (L136–140): five positions; Query [1, 0, 0, 0, 0], Key [1, 1, 1, 1, 1],
    // Value [0, 1, 2, 3, 4] — one number per position, so d = 1 and each is a [5, 1] column.
    let q = Tensor([1.0, 0, 0, 0, 0]).reshaped([5, 1])  // [5, 1]
    let k = Tensor([1.0, 1, 1, 1, 1]).reshaped([5, 1])  // [5, 1]
    let v = Tensor([0.0, 1, 2, 3, 4]).reshaped([5, 1])  // [5, 1]
    let scores = q.matmul(k.transposed())  // [5, 5]
    let (output, weights) = attention(query: q, key: k, value: v, scaled: false)
    let scaled = attention(query: q, key: k, value: v, scaled: true)
    try notebook.cell("source-example", "Article 004's example: five positions, one number each") { cell in
      cell.line(
        "Q = \(Format.vector(q.scalars)), K = \(Format.vector(k.scalars)), V = \(Format.vector(v.scalars)) (d = 1)")
      cell.line("1. scores = Q·Kᵀ, one row per query position, one column per key position:")
      cell.tensor("scores", scores)
      cell.line("2. weights = softmax of each row (every row's scores are equal, so every row is uniform):")
      cell.tensor("weights", weights)
      cell.line("3. output = weights·V, each position's weighted average of the values:")
      cell.vector("output", output.scalars)
      cell.line(
        "with the 1/√d scaling (√1 = 1) nothing changes: max |difference| \(Format.within((scaled.output - output).abs().max().item, Format.roundingBound))"
      )
      notebook.result("source_example_output", output.scalars)
      try cell.figure(
        Heatmap(
          name: "source-example-weights", title: "Article 004's example: attention weights", values: weights.rows,
          rowLabels: (1...5).map { "q_\($0)" }, columnLabels: (1...5).map { "k_\($0)" }, xLabel: "key position",
          yLabel: "query position", range: 0...1))
    }
    return SourceExample(scores: scores, weights: weights, output: output)
  }

  /// A query that clearly prefers one key, with and without the 1/√d scaling.
  func selectiveCell(_ notebook: Notebook) throws {
    try notebook.cell("selective", "A query that prefers one key, with and without 1/√d") { cell in
      let q = Tensor([[2.0, 1.0, 0.0, 1.0]])  // [1, 4]
      let k = Tensor([[2.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [-1.0, 0.0, 1.0, 1.0]])  // [3, 4]
      let v = Tensor([[10.0, 0.0], [0.0, 10.0], [5.0, 5.0]])  // [3, 2]
      cell.tensor("q", q)
      cell.tensor("K", k)
      cell.tensor("V", v)
      let raw = q.matmul(k.transposed())  // [1, 3]
      cell.tensor("q·Kᵀ", raw)
      cell.tensor("q·Kᵀ/√d (d = 4)", raw / 2)
      let unscaled = attention(query: q, key: k, value: v, scaled: false)
      let scaled = attention(query: q, key: k, value: v, scaled: true)
      cell.table(
        ["", "w(k₁)", "w(k₂)", "w(k₃)", "output"],
        [
          ["unscaled softmax(q·Kᵀ)"] + unscaled.weights.scalars + [Format.vector(unscaled.output.scalars, digits: 4)],
          ["scaled softmax(q·Kᵀ/√d)"] + scaled.weights.scalars + [Format.vector(scaled.output.scalars, digits: 4)],
        ] as [[TableEntry]], digits: 4)
      cell.line("k₁ points the way q does, so it wins; dividing by √d = 2 softens the choice without changing it.")
      notebook.result("selective_weights_scaled", scaled.weights.scalars)
      try cell.figure(
        Heatmap(
          name: "selective-weights", title: "Weights of one query over three keys",
          values: [unscaled.weights.scalars, scaled.weights.scalars],
          rowLabels: ["unscaled", "scaled"], columnLabels: ["k_1", "k_2", "k_3"], xLabel: "key", range: 0...1))
    }
  }

  /// Why √d: dot products of random vectors have variance d, and large scores saturate the softmax.
  func scalingCell(_ notebook: Notebook) throws {
    try notebook.cell("why-sqrt-d", "Why divide by √d: the size of a dot product grows with d") { cell in
      let dims = [4, 16, 64, 256, 1024]
      var rows: [[TableEntry]] = []
      var maxUnscaled: [Double] = []
      var maxScaled: [Double] = []
      var rng = cell.generator()
      for d in dims {
        // 200 trials of one query against 8 keys, entries standard normal.
        let trials = 200
        let q = Tensor.normal([trials, 1, d], using: &rng)  // [trials, 1, d]
        let k = Tensor.normal([trials, 8, d], using: &rng)  // [trials, 8, d]
        let scores = q.matmul(k.transposed())  // [trials, 1, 8]
        let variance = scores.pow(2).mean().item  // the mean is 0
        let top = { (s: Tensor) in s.softmax(axis: -1).max(axis: -1).mean().item }
        let (u, s) = (top(scores), top(scores / Double(d).squareRoot()))
        maxUnscaled.append(u)
        maxScaled.append(s)
        rows.append([d, variance, variance / Double(d), u, s])
      }
      cell.table(["d", "var(q·k)", "var/d", "mean max weight, unscaled", "scaled"], rows, digits: 3)
      cell.line("q·k is a sum of d products of unit variance: its variance is d. Unscaled, the largest of 8 scores")
      cell.line(
        "soon dwarfs the rest and softmax puts nearly all weight on it — a one-hot choice whose gradient vanishes.")
      cell.line("Divided by √d, the scores have variance 1 at every width and the weights stay soft.")
      try cell.figure(
        LineChart(
          name: "softmax-saturation", title: "Largest softmax weight among 8 random keys", xLabel: "d (log scale)",
          yLabel: "mean of the largest weight",
          series: [
            .init("unscaled q·k", x: dims.map(Double.init), y: maxUnscaled, points: true),
            .init("scaled q·k/√d", x: dims.map(Double.init), y: maxScaled, points: true),
          ], logX: true))
    }
  }

  /// Padding and causal masks: masked weights are exactly 0.
  func maskCell(_ notebook: Notebook) throws {
    try notebook.cell("masks", "Masks: padding and causal") { cell in
      var rng = cell.generator()
      let x = Tensor.normal([5, 4], using: &rng)  // [5, 4] five tokens
      let padding = Tensor([1.0, 1, 1, 0, 0])  // the last two tokens are padding
      // 1 where key ≤ query
      let causal = Tensor.ones([5, 5]) - (Tensor.arange(0, 5).reshaped([5, 1]) .< Tensor.arange(0, 5))
      let padded = attention(query: x, key: x, value: x, mask: padding).weights
      let masked = attention(query: x, key: x, value: x, mask: causal).weights
      cell.line("padding mask (keys 4 and 5 are padding): \(Format.vector(padding.scalars))")
      cell.tensor("weights", padded, digits: 3)
      cell.line("causal mask (query i sees keys 1 … i):")
      cell.tensor("mask", causal)
      cell.tensor("weights", masked, digits: 3)
      cell.line(
        "masked weights are exactly 0: \((padded * (1 - padding)).abs().max().item == 0 && (masked * (1 - causal)).abs().max().item == 0 ? "yes" : "no")"
      )
      let labels = (1...5).map { "t_\($0)" }
      try cell.figure(
        Heatmap(
          name: "mask-padding", title: "Self-attention with a padding mask", values: padded.rows, rowLabels: labels,
          columnLabels: labels, xLabel: "key", yLabel: "query", range: 0...1))
      try cell.figure(
        Heatmap(
          name: "mask-causal", title: "Self-attention with a causal mask", values: masked.rows, rowLabels: labels,
          columnLabels: labels, xLabel: "key", yLabel: "query", range: 0...1))
    }
  }

  /// ∂output/∂Q, ∂K, ∂V against finite differences, and the softmax Jacobian of one row.
  func gradientCell(_ notebook: Notebook) {
    notebook.cell("gradients", "Gradients through attention") { cell in
      let q = Tensor([[2.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0]])  // [2, 4]
      let k = Tensor([[2.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [-1.0, 0.0, 1.0, 1.0]])  // [3, 4]
      let v = Tensor([[10.0, 0.0], [0.0, 10.0], [5.0, 5.0]])  // [3, 2]
      let report = gradientCheck([q, k, v]) { t in attention(query: t[0], key: t[1], value: t[2]).output }
      cell.line("Q: the q of cell 'selective' and a second query [0, 1, 1, 0]; K and V as there:")
      cell.tensor("Q", q)
      cell.line(
        "L = Σ rᵢⱼ·outputᵢⱼ with fixed random weights r; ∂L/∂Q, ∂L/∂K, ∂L/∂V by autograd against central differences:")
      for (input, name) in zip(report.inputs, ["Q", "K", "V"]) {
        cell.line("  ∂L/∂\(name) \(input.shape): largest relative error \(Format.within(input.maxRelativeError, report.tolerance))")
      }
      cell.line(report.passed ? "  all within \(Format.number(report.tolerance)): OK" : "  NOT OK")
      let source = gradientCheck([
        Tensor([1.0, 0, 0, 0, 0]).reshaped([5, 1]), Tensor([1.0, 1, 1, 1, 1]).reshaped([5, 1]),
        Tensor([0.0, 1, 2, 3, 4]).reshaped([5, 1]),
      ]) { t in attention(query: t[0], key: t[1], value: t[2]).output }
      cell.line(
        "the same check on article 004's example: largest relative error \(Format.within(source.maxRelativeError, source.tolerance)) → "
          + (source.passed ? "OK" : "NOT OK"))
      cell.line()
      cell.line("The chain runs through the softmax; for one row s = softmax(z), ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ):")
      let s = (q.matmul(k.transposed()) / 2).softmax(axis: -1).sliced(axis: 0, 0..<1).reshaped([3])  // row 1
      let jacobian = Tensor(
        (0..<3).map { i in (0..<3).map { j in s.scalars[i] * ((i == j ? 1 : 0) - s.scalars[j]) } })
      cell.vector("s (row 1 of the weights)", s.scalars)
      cell.tensor("J = diag(s) − s·sᵀ", jacobian)
      notebook.result("attention_gradient_check_passed", report.passed)
    }
  }

  /// Multi-head attention with the shape of every intermediate tensor.
  func multiHeadCell(_ notebook: Notebook) {
    notebook.cell("multi-head", "Multi-head attention, shape by shape") { cell in
      var rng = cell.generator()
      let mha = MultiHeadAttention(width: 8, heads: 2, using: &rng)
      let x = Tensor.normal([1, 4, 8], using: &rng)  // [B=1, T=4, D=8]
      let q = mha.query(x)  // [1, 4, 8]
      let split = mha.splitHeads(q)  // [1, 2, 4, 4]
      let (out, weights) = mha.attend(x)  // [1, 4, 8], [1, 2, 4, 4]
      cell.line("x                      \(x.shape)   B = 1 sequence, T = 4 tokens, D = 8")
      cell.line("q = x·W_qᵀ (k, v alike)  \(q.shape)")
      cell.line("split into H = 2 heads   \(split.shape)   [B, H, T, D/H]")
      cell.line("weights per head         \(weights.shape)   [B, H, T, T]")
      cell.line("heads, joined back       \([1, 4, 8])   [B, T, D]")
      cell.line("output = joined·W_oᵀ     \(out.shape)")
      let heads = (0..<2).map { h in
        attention(
          query: q.sliced(axis: 2, (4 * h)..<(4 * h + 4)), key: mha.key(x).sliced(axis: 2, (4 * h)..<(4 * h + 4)),
          value: mha.value(x).sliced(axis: 2, (4 * h)..<(4 * h + 4))
        ).output
      }
      let byHand = mha.output(Tensor.concatenated(heads, axis: 2))
      cell.line(
        "each head as a separate attention on its 4 columns, concatenated, projected: max |difference| \(Format.within((byHand - out).abs().max().item, Format.roundingBound))"
      )
      cell.line("parameters: 4 projections of 8×8 + 8 = \(mha.parameterCount)")
    }
  }

  /// The sinusoidal positional encoding.
  func positionalCell(_ notebook: Notebook) throws {
    try notebook.cell("positional-encoding", "Sinusoidal positional encoding") { cell in
      let pe = positionalEncoding(length: 32, width: 16)  // [32, 16]
      cell.line("PE[p, 2i] = sin(p/10000^(2i/d)), PE[p, 2i+1] = cos(p/10000^(2i/d)), here d = 16")
      cell.tensor("PE[0…3, 0…5]", pe.sliced(axis: 0, 0..<4).sliced(axis: 1, 0..<6), digits: 4)
      // Dot products between positions depend only on the offset: a property attention can use.
      let dot = { (a: Int, b: Int) in (pe.sliced(axis: 0, a..<(a + 1)) * pe.sliced(axis: 0, b..<(b + 1))).sum().item }
      cell.line("PE[p]·PE[p + 3] for p = 0, 5, 10: \(Format.vector([dot(0, 3), dot(5, 8), dot(10, 13)], digits: 6))")
      try cell.figure(
        Heatmap(
          name: "positional-encoding", title: "Sinusoidal positional encoding, 32 positions × 16 dimensions",
          values: pe.rows, rowLabels: (0..<32).map { $0 % 4 == 0 ? "\($0)" : "" },
          columnLabels: (0..<16).map { $0 % 2 == 0 ? "\($0)" : "" }, xLabel: "dimension", yLabel: "position",
          range: -1...1, decimals: nil))
    }
  }

  func capstoneCell(_ notebook: Notebook) throws {
    let steps = 600
    let result = trainReverser(notebook, steps: steps)
    try notebook.cell("transformer", "A transformer block learns to reverse six digits") { cell in
      cell.line(
        "model: embedding (10 digits → 32) + positional encoding → one pre-norm block (2 heads, feed-forward 128)")
      cell.line("       → LayerNorm → Linear(32 → 10); \(result.model.parameterCount) parameters")
      cell.line(
        "data: random sequences of \(Self.length) digits, target = the sequence reversed; batches of 64, Adam η = 0.003"
      )
      cell.line(result.run.summary)
      cell.table(
        ["step", "held-out token accuracy"], result.evaluations.map { [$0.step, $0.tokenAccuracy] }, digits: 4)
      cell.line(
        "on 500 held-out sequences: token accuracy \(Format.number(result.tokenAccuracy, digits: 4)), whole sequences \(Format.number(result.sequenceAccuracy, digits: 4))"
      )
      notebook.result("reversal_token_accuracy", result.tokenAccuracy)
      notebook.result("reversal_sequence_accuracy", result.sequenceAccuracy)
      try cell.figure(
        LineChart(
          name: "transformer-loss", title: "Reversal transformer: training loss", xLabel: "step",
          yLabel: "cross-entropy",
          series: [.init("training batch", x: (1...result.losses.count).map(Double.init), y: result.losses)], logY: true
        ))
      // The learned attention on a few held-out inputs.
      let examples = Array(result.test.prefix(2))
      let predictions = result.model.predict(examples)
      let weights = withoutGradient { result.model.attend(examples).weights }  // [2, H, T, T]
      for (n, sequence) in examples.enumerated() {
        let predicted = predictions[n]
        cell.line("input \(sequence) → output \(predicted)")
        for h in 0..<2 {
          let w = weights.sliced(axis: 0, n..<(n + 1)).sliced(axis: 1, h..<(h + 1)).reshaped([Self.length, Self.length])
          let diagonal = (0..<Self.length).map { w.rows[$0][Self.length - 1 - $0] }.reduce(0, +) / Double(Self.length)
          cell.line("  head \(h + 1): mean weight on the mirrored position \(Format.number(diagonal, digits: 3))")
          try cell.figure(
            Heatmap(
              name: "reversal-example\(n + 1)-head\(h + 1)",
              title: "Head \(h + 1) on input \(sequence.map(String.init).joined())", values: w.rows,
              rowLabels: (1...Self.length).map { "out_\($0)" }, columnLabels: sequence.map(String.init),
              xLabel: "input digit (key)", yLabel: "output position (query)", range: 0...1))
        }
      }
    }
  }
}
