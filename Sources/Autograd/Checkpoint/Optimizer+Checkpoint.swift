// Optimizer+Checkpoint.swift — an optimizer's state (momentum, Adam's moments and step count)
// saved and loaded, so that training resumes where it stopped: N steps, save, load into a fresh
// model and optimizer, M steps give the same bits as N + M steps without stopping.
//
// The optimizer's file is apart from the model's, as PyTorch keeps `optimizer.state_dict()` apart
// from `model.state_dict()`: the model's file is what one shares and evaluates; the optimizer's
// only matters for resuming. An optimizer knows its parameters by position, not by name, so its
// tensors are named by the parameter's index: `m.0`, `s.0`, … (Adam), `velocity.0`, … (SGD).

import Foundation

/// What an optimizer saves: its kind, the settings a resumed run must share, and its state.
protocol OptimizerState: Optimizer {
  /// The class's name, checked on loading ("Adam" state does not load into SGD).
  var kind: String { get }
  /// The settings fixed at creation (β₁, momentum, …): a file made with others is refused.
  var settings: [String: Double] { get }
  /// The learning rate, saved and restored (a schedule may have changed it).
  var learningRate: Double { get set }
  /// The number of updates so far (Adam's t; 0 for SGD, which keeps none).
  var stepCount: Int { get set }
  /// The per-parameter arrays, each named `name.index`.
  var stateArrays: [(name: String, arrays: [[Double]])] { get }
  /// Replaces the per-parameter arrays (same names, same shapes).
  func setStateArrays(_ arrays: [String: [[Double]]])
}

extension OptimizerState {
  func checkpointData() -> Data {
    var entries: [SafeTensors.Entry] = []
    for (name, arrays) in stateArrays {
      for (index, (p, values)) in zip(parameters, arrays).enumerated() {
        entries.append(SafeTensors.Entry(name: "\(name).\(index)", shape: p.shape, values: values))
      }
    }
    var metadata = ["format": "autograd", "optimizer": kind, "parameters": "\(parameters.count)"]
    metadata["step"] = "\(stepCount)"
    metadata["learningRate"] = "\(learningRate)"  // Swift prints the shortest string that reads back exactly
    for (key, value) in settings { metadata[key] = "\(value)" }
    return SafeTensors.encode(entries, metadata: metadata)
  }

  func loadCheckpoint(_ data: Data) throws {
    let file = try SafeTensors.decode(data)
    let metadata = file.metadata
    guard metadata["optimizer"] == kind else {
      throw SafeTensorsError("the file holds the state of \(metadata["optimizer"] ?? "no optimizer"), not of \(kind)")
    }
    guard metadata["parameters"] == "\(parameters.count)" else {
      throw SafeTensorsError(
        "the file's optimizer has \(metadata["parameters"] ?? "an unknown number of") parameters, this one \(parameters.count)"
      )
    }
    for (key, value) in settings.sorted(by: { $0.key < $1.key }) where metadata[key] != "\(value)" {
      throw SafeTensorsError("\(key): the file's is \(metadata[key] ?? "missing"), this optimizer's \(value)")
    }
    guard let step = metadata["step"].flatMap(Int.init), step >= 0 else {
      throw SafeTensorsError("the file's step count \(metadata["step"] ?? "is missing") is not a count")
    }
    guard let rate = metadata["learningRate"].flatMap(Double.init), rate.isFinite else {
      throw SafeTensorsError("the file's learning rate \(metadata["learningRate"] ?? "is missing") is not a number")
    }
    let stored = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.name, $0) })
    var arrays: [String: [[Double]]] = [:]
    var expected = Set<String>()
    for (name, _) in stateArrays {
      arrays[name] = try parameters.enumerated().map { index, p in
        let key = "\(name).\(index)"
        expected.insert(key)
        guard let entry = stored[key] else {
          throw SafeTensorsError("the file has no tensor \(key) (shape \(p.shape)), which the optimizer has")
        }
        guard entry.shape == p.shape else {
          throw SafeTensorsError("\(key): the file's shape is \(entry.shape), parameter \(index)'s \(p.shape)")
        }
        return entry.values
      }
    }
    if let extra = file.entries.first(where: { !expected.contains($0.name) }) {
      throw SafeTensorsError("the file's tensor \(extra.name) is not part of this optimizer's state")
    }
    // Everything checked: now the state is replaced, all of it.
    setStateArrays(arrays)
    stepCount = step
    learningRate = rate
  }
}

extension SGD: OptimizerState {
  var kind: String { "SGD" }
  var settings: [String: Double] { ["momentum": momentum] }
  var stepCount: Int {
    get { 0 }
    set {}
  }
  var stateArrays: [(name: String, arrays: [[Double]])] { momentum == 0 ? [] : [("velocity", velocity)] }
  func setStateArrays(_ arrays: [String: [[Double]]]) {
    if let v = arrays["velocity"] { velocity = v }
  }

  /// Writes the optimizer's state to a safetensors file at `url`: the velocity of every parameter
  /// (`velocity.0`, `velocity.1`, … in the order of ``parameters``; none without momentum), and in
  /// `__metadata__` the learning rate and momentum.
  ///
  /// Save the model with ``Module/save(to:metadata:)`` beside it; loading both into a fresh model
  /// and optimizer resumes the training bit for bit.
  public func save(to url: URL) throws { try checkpointData().write(to: url, options: .atomic) }

  /// Replaces the velocities and the learning rate with those of a file written by ``save(to:)``.
  ///
  /// - Throws: ``SafeTensorsError`` when the file is corrupt, holds another optimizer's state,
  ///   was made with another momentum or for parameters of other number or shapes; the state is
  ///   then unchanged.
  public func load(from url: URL) throws { try loadCheckpoint(try readCheckpoint(url)) }
}

extension Adam: OptimizerState {
  var kind: String { "Adam" }
  var settings: [String: Double] { ["beta1": beta1, "beta2": beta2, "epsilon": epsilon] }
  var stepCount: Int {
    get { t }
    set { t = newValue }
  }
  var stateArrays: [(name: String, arrays: [[Double]])] { [("m", m), ("s", s)] }
  func setStateArrays(_ arrays: [String: [[Double]]]) {
    m = arrays["m"]!
    s = arrays["s"]!
  }

  /// Writes the optimizer's state to a safetensors file at `url`: the moments m and s of every
  /// parameter (`m.0`, `s.0`, … in the order of ``parameters``), and in `__metadata__` the step
  /// count t, the learning rate, β₁, β₂ and ε.
  ///
  /// Save the model with ``Module/save(to:metadata:)`` beside it; loading both into a fresh model
  /// and optimizer resumes the training bit for bit (the bias corrections continue from t).
  public func save(to url: URL) throws { try checkpointData().write(to: url, options: .atomic) }

  /// Replaces the moments, the step count and the learning rate with those of a file written by
  /// ``save(to:)``.
  ///
  /// - Throws: ``SafeTensorsError`` when the file is corrupt, holds another optimizer's state,
  ///   was made with other β₁, β₂ or ε or for parameters of other number or shapes; the state is
  ///   then unchanged.
  public func load(from url: URL) throws { try loadCheckpoint(try readCheckpoint(url)) }
}

extension AdamW: OptimizerState {
  var kind: String { "AdamW" }
  var settings: [String: Double] { adam.settings.merging(["weightDecay": weightDecay]) { a, _ in a } }
  var stepCount: Int {
    get { adam.t }
    set { adam.t = newValue }
  }
  var stateArrays: [(name: String, arrays: [[Double]])] { adam.stateArrays }
  func setStateArrays(_ arrays: [String: [[Double]]]) { adam.setStateArrays(arrays) }

  /// Writes the optimizer's state to a safetensors file at `url`, as ``Adam/save(to:)`` does, with
  /// the weight decay λ in `__metadata__`.
  public func save(to url: URL) throws { try checkpointData().write(to: url, options: .atomic) }

  /// Replaces the moments, the step count and the learning rate with those of a file written by
  /// ``save(to:)``.
  ///
  /// - Throws: ``SafeTensorsError`` as ``Adam/load(from:)`` does, and when λ differs.
  public func load(from url: URL) throws { try loadCheckpoint(try readCheckpoint(url)) }
}

private func readCheckpoint(_ url: URL) throws -> Data {
  do {
    return try Data(contentsOf: url)
  } catch {
    throw SafeTensorsError("cannot read \(url.path): \(error.localizedDescription)")
  }
}
