// Bert.swift — what BERT is, counted: its parameters from its sizes, with the per-layer formula
// first checked against this library's own TransformerBlock.

import Autograd
import Notebook

/// The sizes of a BERT encoder (Devlin et al., 2018, table of model sizes).
struct BertSize {
  let name: String
  let layers: Int
  let width: Int
  let hidden: Int  // feed-forward width, 4 × width
  let vocabulary = 30_522  // WordPiece tokens
  let positions = 512
  let segments = 2

  /// One encoder layer: Q, K, V and output projections with biases, a feed-forward network
  /// width → hidden → width, two LayerNorms (γ and β each).
  static func layerParameters(width d: Int, hidden f: Int) -> Int {
    4 * (d * d + d) + (d * f + f) + (f * d + d) + 2 * 2 * d
  }

  /// Token, position and segment embeddings with their LayerNorm, the layers, and the pooler
  /// (a dense layer with tanh on the first token, [CLS]).
  var parameters: Int {
    let embeddings = (vocabulary + positions + segments) * width + 2 * width
    let pooler = width * width + width
    return embeddings + layers * Self.layerParameters(width: width, hidden: hidden) + pooler
  }

  static let base = BertSize(name: "BERT-base", layers: 12, width: 768, hidden: 3072)
  static let large = BertSize(name: "BERT-large", layers: 24, width: 1024, hidden: 4096)
}

extension TextClassifier {
  struct BertFacts {
    let base: Int
    let large: Int
    let pooler: Int
  }

  func bertCell(_ notebook: Notebook, ours: Int) -> BertFacts {
    let facts = BertFacts(
      base: BertSize.base.parameters, large: BertSize.large.parameters,
      pooler: BertSize.base.width * BertSize.base.width + BertSize.base.width)
    notebook.cell("bert", "What BERT is, counted") { cell in
      var rng = cell.generator()
      let block = TransformerBlock(width: 16, heads: 2, hiddenWidth: 64, using: &rng)
      let formula = BertSize.layerParameters(width: 16, hidden: 64)
      cell.line(
        "one encoder layer, 4(d² + d) + (d·f + f) + (f·d + d) + 4d: for d = 16, f = 64 the formula gives \(formula), TransformerBlock has \(block.parameterCount)"
      )
      var rows: [[TableEntry]] = []
      for size in [BertSize.base, BertSize.large] {
        let layer = BertSize.layerParameters(width: size.width, hidden: size.hidden)
        let embeddings = (size.vocabulary + size.positions + size.segments) * size.width + 2 * size.width
        rows.append([size.name, size.layers, size.width, embeddings, layer, size.parameters])
      }
      cell.table(["model", "layers", "width", "embeddings", "per layer", "total parameters"], rows)
      cell.line(
        "the pooler, tanh(W·h_[CLS] + b), alone has \(facts.pooler) parameters; the four models of this chapter have \(ours) together"
      )
      notebook.result("bert_parameters", ["base": facts.base, "large": facts.large] as KeyValuePairs)
    }
    return facts
  }
}
