// RandomStreams.swift — one random stream per cell, derived from the run's seed and the cell's
// id, so that adding, removing or reordering a cell changes no other cell's numbers.

import Autograd

extension Notebook {
  /// A fresh generator for the stream named `stream` of this run: the same numbers for the same
  /// seed and name, whatever ran before. Cells use ``Cell/generator(_:)``.
  public func generator(_ stream: String) -> SeededGenerator {
    SeededGenerator(seed: Self.streamSeed(seed, stream))
  }

  /// SplitMix64's finalizer over the run's seed and a 64-bit FNV-1a hash of the name: fixed
  /// arithmetic, the same on every machine (Swift's `Hasher` is seeded per process).
  static func streamSeed(_ seed: UInt64, _ stream: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in stream.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    var z = seed &+ hash &* 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

extension Cell {
  /// A fresh generator for this cell (and, with `part`, for one of its uses: `"weights"`,
  /// `"batches"`), derived from the run's seed and the cell's id. Each call starts the stream
  /// anew, so two models built from `generator("weights")` start from the same weights.
  public func generator(_ part: String = "") -> SeededGenerator {
    notebook.generator(part.isEmpty ? id : id + "/" + part)
  }
}
