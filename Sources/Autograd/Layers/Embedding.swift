// Embedding.swift — a learned vector for each token id.

/// A table of `count` learned vectors of width `dimension`; looking up ids gathers rows.
///
/// ```
/// E [count, dimension]     ids [n]  →  E[ids] [n, dimension]
/// ```
/// Backward adds each looked-up row's gradient into its row of `E`; rows not looked up get 0.
public final class Embedding: Module {
  /// The table `E`, `[count, dimension]`.
  public let E: Tensor

  /// A table drawn from the standard normal distribution (PyTorch's default).
  public init(count: Int, dimension: Int, using generator: inout SeededGenerator) {
    E = Tensor.normal([count, dimension], using: &generator, requiresGrad: true)
  }


  /// The vectors of `ids`, `[ids.count, dimension]`.
  public func callAsFunction(_ ids: [Int]) -> Tensor {
    E.gathered(ids)
  }
}
