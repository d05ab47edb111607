// SourceChecks.swift — every statement of the sources about attention and article 004's example.

import Autograd
import Foundation
import Notebook

extension Attention {
  func sourceChecks(_ notebook: Notebook, example: SourceExample) {
    notebook.cell("source-example-checks", "Article 004's worked example, step by step (L136–182)") { cell in
      let row = Array(example.scores.rows[0])
      cell.check(
        SourceCheck(
          id: "004-example-dot-products", source: Article.a004,
          claim: "L142–152: Q₁·K₁ᵀ = Q₁·K₂ᵀ = … = Q₁·K₅ᵀ = 1·1 = 1", stated: [1.0, 1, 1, 1, 1], computed: row,
          tolerance: 0, note: "Correct: the first query against each of the five keys (row 1 of Q·Kᵀ)."))
      cell.check(
        SourceCheck(
          id: "004-example-total-score", source: Article.a004,
          claim: "L154–160: the total score of the query, Score₁ = 1 + 1 + 1 + 1 + 1 = 5", stated: 5.0, computed: row,
          verdict: .disagrees,
          note:
            "There is no total: softmax acts on the five scores of query 1, one per key (computed), not on their sum. "
            + "Adding them discards exactly what attention needs — which key scored how much."))
      cell.check(
        SourceCheck(
          id: "004-example-softmax", source: Article.a004,
          claim: "L162–170: softmax(Score₁) = e⁵/(e⁵ + e⁵ + e⁵ + e⁵ + e⁵) = 1/5", stated: 0.2,
          computed: Array(example.weights.rows[0]), verdict: .ambiguous,
          note:
            "The value 1/5 is right for every key, but by the wrong route: the weights are e¹/(5e¹) from the five equal "
            + "scores of 1; equal scores give equal weights whatever their size. 'Score_i' for i = 2 … 5 is never defined."
        ))
      cell.check(
        SourceCheck(
          id: "004-example-output", source: Article.a004,
          claim: "L172–180: Contextual Representation₁ = (1/5)·[0, 1, 2, 3, 4] = [0, 1/5, 2/5, 3/5, 4/5]",
          stated: [0.0, 0.2, 0.4, 0.6, 0.8], computed: [example.output.scalars[0]], verdict: .disagrees,
          note: "The weighted sum adds the weighted values: Σⱼ wⱼvⱼ = (0 + 1 + 2 + 3 + 4)/5 = 2, one number for one "
            + "query (d_v = 1). The article scales the value vector instead of summing it."))
      cell.check(
        SourceCheck(
          id: "004-example-scaling", source: Article.a004,
          claim: "L118–132: Score = Q·Kᵀ with no 1/√d_k, unlike article 002's formula",
          stated: "softmax(Q·Kᵀ)·V",
          // Computed: the unscaled weights of cell 'selective' (the same q, K and V as printed there).
          computed: attention(
            query: Tensor([[2.0, 1, 0, 1]]), key: Tensor([[2.0, 1, 0, 1], [0.0, 1, 1, 0], [-1.0, 0, 1, 1]]),
            value: Tensor([[10.0, 0], [0, 10], [5, 5]]), scaled: false
          ).weights.scalars, verdict: .ambiguous,
          note:
            "Unscaled dot-product attention is a real variant, but not the Transformer's: with d = 4 these weights "
            + "of cell 'selective' become softer once divided by √4 (its second row), and for large d unscaled softmax "
            + "saturates (cell 'why-sqrt-d'). In the five-position example d = 1, so there the two agree."))
    }

    notebook.cell("source-attention-claims", "The articles' formulas and claims about attention") { cell in
      let q = Tensor([[2.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0]])
      let k = Tensor([[2.0, 1.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [-1.0, 0.0, 1.0, 1.0]])
      let v = Tensor([[10.0, 0.0], [0.0, 10.0], [5.0, 5.0]])
      // The two queries' outputs, so that the checks below cite printed rows.
      cell.line("Q, K and V of cell 'gradients' (two queries); one output row per query:")
      cell.tensor("softmax(Q·Kᵀ/√d)·V", attention(query: q, key: k, value: v).output)
      cell.tensor("softmax(Q·Kᵀ)·V", attention(query: q, key: k, value: v, scaled: false).output)
      // The formula typed in by hand, against the library's attention().
      let byFormula = (q.matmul(k.transposed()) / 2.0).softmax(axis: -1).matmul(v)
      cell.check(
        SourceCheck(
          id: "002-attention-formula", source: Article.a002,
          claim: "L268–274: Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V",
          stated: byFormula.scalars, computed: attention(query: q, key: k, value: v).output.scalars, tolerance: 1e-12,
          note:
            "Correct: the scaled dot-product attention of 'Attention Is All You Need', which the library implements."))
      cell.check(
        SourceCheck(
          id: "004-score-and-sum", source: Article.a004,
          claim: "L118–132: Score = Q·Kᵀ holds each query's similarity to every key; softmax(Score)·V the context",
          stated: (q.matmul(k.transposed())).softmax(axis: -1).matmul(v).scalars,
          computed: attention(query: q, key: k, value: v, scaled: false).output.scalars, tolerance: 1e-12,
          note:
            "Correct as unscaled attention: Q·Kᵀ is the [n, m] matrix of all dot products; each row's softmax weighs the values."
        ))

      // 002 L188: multi-head = several independent attention mechanisms.
      var rng = cell.generator("multi-head")
      let mha = MultiHeadAttention(width: 4, heads: 2, using: &rng)
      let x = Tensor.normal([1, 3, 4], using: &rng)
      let (mq, mk, mv) = (mha.query(x), mha.key(x), mha.value(x))
      let separate = (0..<2).map { h in
        attention(
          query: mq.sliced(axis: 2, (2 * h)..<(2 * h + 2)), key: mk.sliced(axis: 2, (2 * h)..<(2 * h + 2)),
          value: mv.sliced(axis: 2, (2 * h)..<(2 * h + 2))
        ).output
      }
      cell.check(
        SourceCheck(
          id: "002-multi-head", source: Article.a002,
          claim: "L190: multi-head self-attention uses several independent self-attention mechanisms",
          stated: mha.output(Tensor.concatenated(separate, axis: 2)).scalars, computed: mha(x).scalars,
          tolerance: 1e-12,
          note: "Correct: each head attends on its own slice of the projections; concatenating the heads' outputs and "
            + "projecting gives the layer's output exactly."))

      // 002 L192: positional encoding is needed because attention has no notion of order.
      let permutation = [2, 0, 1]
      let shuffled = x.gathered([0]).reshaped([3, 4]).gathered(permutation).reshaped([1, 3, 4])
      let outputOfShuffled = mha(shuffled).reshaped([3, 4])
      let shuffledOutput = mha(x).reshaped([3, 4]).gathered(permutation)
      cell.check(
        SourceCheck(
          id: "002-positional-encoding", source: Article.a002,
          claim: "L192: without recurrence the Transformer cannot see order, so positional encoding is needed",
          stated: outputOfShuffled.scalars, computed: shuffledOutput.scalars, tolerance: 1e-12,
          note:
            "Correct: shuffling the tokens only shuffles the outputs (stated: outputs of the shuffled input; computed: "
            + "the shuffled outputs) — without positions, attention treats the input as a set."))

      // 004 L83–88: each position's output depends on the features of all positions.
      let input = Tensor.normal([1, 3, 4], using: &rng)
      let sensitivities = (0..<3).map { j -> Double in
        let xj = Tensor(input.scalars, requiresGrad: true)
        let y = mha(xj.reshaped([1, 3, 4])).sliced(axis: 1, 0..<1).sum()  // position 1's output
        let g = gradients(of: y, withRespectTo: [xj])[0].reshaped([3, 4])
        return g.sliced(axis: 0, j..<(j + 1)).abs().sum().item
      }
      cell.check(
        SourceCheck(
          id: "004-all-positions", source: Article.a004,
          claim: "L83–88: in the encoder, each position's output depends on the features of all positions",
          stated: "every input position", computed: sensitivities,
          verdict: sensitivities.allSatisfy { $0 > 0 } ? .agrees : .disagrees,
          note: "Correct: Σ over x_j's components of |∂(sum of output₁)/∂x_j|, for each input position j, all "
            + "nonzero. (With a causal mask, a decoder's position would depend on earlier positions only.)"))
    }
  }
}
