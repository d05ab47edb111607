// Module+Checkpoint.swift — a module's parameters (and buffers) saved to and loaded from a
// safetensors file, by the names of Module+Names.swift, as PyTorch's `save_file(model.state_dict())`
// and `model.load_state_dict(load_file(...))`.

import Foundation

extension Module {
  /// Writes every parameter and buffer (``namedState``) to a safetensors file at `url`.
  ///
  /// ```swift
  /// try gpt.save(to: URL(fileURLWithPath: "gpt.safetensors"))
  /// // Python: safetensors.numpy.load_file("gpt.safetensors")["blocks.0.attention.query.W"]
  /// ```
  /// The values are stored as `F64` exactly, so loading gives the same bits back. `metadata`
  /// goes into the file's `__metadata__` (strings only, as the format requires), next to
  /// `"format": "autograd"`.
  ///
  /// - Throws: the file system's error when the file cannot be written.
  public func save(to url: URL, metadata: [String: String] = [:]) throws {
    try safeTensors(metadata: metadata).write(to: url, options: .atomic)
  }

  /// The bytes ``save(to:metadata:)`` writes: the model's state in the safetensors format.
  public func safeTensors(metadata: [String: String] = [:]) -> Data {
    let entries = namedState.map { SafeTensors.Entry(name: $0.name, shape: $0.shape, values: $0.values) }
    return SafeTensors.encode(entries, metadata: metadata.merging(["format": "autograd"]) { given, _ in given })
  }

  /// Replaces every parameter and buffer with the values in the safetensors file at `url`.
  ///
  /// The file must hold exactly the model's names (``namedState``) with the model's shapes, as
  /// PyTorch's `load_state_dict(strict=True)`. The whole file is read and checked before any value
  /// is written, so a file that is refused leaves the model as it was: nothing is half-loaded.
  ///
  /// - Throws: ``SafeTensorsError`` naming the first problem: a corrupt or truncated file (see
  ///   ``SafeTensors/decode(_:)``), the first of the model's names that the file lacks or holds
  ///   with another shape, or the first name in the file that the model does not have.
  public func load(from url: URL) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SafeTensorsError("cannot read \(url.path): \(error.localizedDescription)")
    }
    try load(safeTensors: data)
  }

  /// Replaces every parameter and buffer with the values of a safetensors file's bytes, as
  /// ``load(from:)`` does.
  public func load(safeTensors data: Data) throws {
    let file = try SafeTensors.decode(data)
    let entries = stateEntries
    let stored = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.name, $0) })
    // First everything checked, in the model's order, so that the message names the first mismatch…
    for entry in entries {
      guard let value = stored[entry.name] else {
        throw SafeTensorsError("the file has no tensor \(entry.name) (shape \(entry.shape)), which the model has")
      }
      guard value.shape == entry.shape else {
        throw SafeTensorsError("\(entry.name): the file's shape is \(value.shape), the model's \(entry.shape)")
      }
    }
    let names = Set(entries.map(\.name))
    if let extra = file.entries.first(where: { !names.contains($0.name) }) {
      throw SafeTensorsError("the file's tensor \(extra.name) (shape \(extra.shape)) is not in the model")
    }
    // …then every value written.
    for entry in entries { entry.write(stored[entry.name]!.values) }
  }
}
