// RandomStreams.swift — one random stream per cell, derived from the run's seed and the cell's
// id, so that adding, removing or reordering a cell changes no other cell's numbers.

import Autograd

extension Notebook {
  /// A fresh generator for the stream named `stream` of this run: the same numbers for the same
  /// seed and name, whatever ran before. Cells use ``Cell/generator(_:)``.
  ///
  /// A name asked for here, shared between cells on purpose (the same batches for two models),
  /// must not also be a cell's own stream: two uses would draw the same numbers without meaning
  /// to, and the notebook stops with a message naming both.
  public func generator(_ stream: String) -> SeededGenerator {
    claimStream(stream, by: nil)
    return SeededGenerator(seed: Self.streamSeed(seed, stream))
  }

  /// A fresh generator for the stream `part` of the cell `cell` (``Cell/generator(_:)`` there): to
  /// replay, in another cell, the same draws on purpose (the same batches, the same start).
  public func generator(replaying part: String, ofCell cell: String) -> SeededGenerator {
    let name = part.isEmpty ? cell : cell + "/" + part
    claimStream(name, by: cell)
    return SeededGenerator(seed: Self.streamSeed(seed, name))
  }

  /// Records who uses the stream `name` (a cell's id, or nil for a shared name); stops when a
  /// cell's stream is asked for by another cell or under a shared name.
  func claimStream(_ name: String, by cell: String?) {
    let owner = cell.map { "cell '\($0)'" } ?? "a shared stream"
    if let first = streamOwners[name], first != owner {
      fatalError("Notebook: the random stream '\(name)' is asked for by \(first) and by \(owner); name them apart")
    }
    streamOwners[name] = owner
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
    notebook.generator(replaying: part, ofCell: id)
  }
}
