// CheckpointTests.swift — saving and loading in the safetensors format: every layer type round
// trips bit for bit, names follow the module's structure, a corrupt or mismatched file is refused
// without touching the model, training resumes exactly, and Python's `safetensors` reads the file.

import Examples
import Foundation
import Testing

@testable import Autograd

/// Every layer type, each built by a seeded generator (two seeds give two different models).
enum LayerCase: String, CaseIterable, CustomTestStringConvertible {
  case linear, mlp, embedding, layerNorm, batchNorm, conv1D, conv2D, rnn, lstm, attention, block, gpt
  var testDescription: String { rawValue }

  func make(seed: UInt64) -> Module {
    var g = SeededGenerator(seed: seed)
    switch self {
    case .linear: return Linear(inputs: 3, outputs: 2, using: &g)
    case .mlp: return MLP(sizes: [3, 4, 2], activation: .tanh, using: &g)
    case .embedding: return Embedding(count: 5, dimension: 3, using: &g)
    case .layerNorm:
      let norm = LayerNorm(width: 4)
      norm.gamma.scalars = Tensor.normal([4], using: &g).scalars  // not the 1s every new one has
      return norm
    case .batchNorm:
      let norm = BatchNorm(features: 3)
      _ = norm(Tensor.normal([5, 3], using: &g))  // a training-mode call moves the running statistics
      return norm
    case .conv1D: return Conv1D(channels: 2, filters: 3, kernel: 2, using: &g)
    case .conv2D: return Conv2D(channels: 2, filters: 3, kernel: (2, 2), using: &g)
    case .rnn: return RNNCell(inputs: 2, hidden: 3, using: &g)
    case .lstm: return LSTMCell(inputs: 2, hidden: 3, using: &g)
    case .attention: return MultiHeadAttention(width: 4, heads: 2, using: &g)
    case .block: return TransformerBlock(width: 4, heads: 2, using: &g)
    case .gpt: return GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 2, using: &g)
    }
  }
}

/// The bits of every value of a module's state, by name.
func stateBits(_ module: Module) -> [String: [UInt64]] {
  Dictionary(uniqueKeysWithValues: module.namedState.map { ($0.name, $0.values.map(\.bitPattern)) })
}

/// A file in a fresh temporary folder.
func temporaryFile(_ name: String) -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autograd-checkpoint-\(UUID().uuidString)")
  try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder.appendingPathComponent(name)
}

@Suite("Checkpoints (safetensors)")
struct CheckpointTests {
  @Test("every layer type saves and loads back bit for bit", arguments: LayerCase.allCases)
  func roundTrip(layer: LayerCase) throws {
    let (saved, other) = (layer.make(seed: 1), layer.make(seed: 2))
    #expect(stateBits(saved) != stateBits(other))
    let url = temporaryFile("\(layer).safetensors")
    try saved.save(to: url)
    try other.load(from: url)
    #expect(stateBits(other) == stateBits(saved))
    #expect(other.namedState.map(\.name) == saved.namedState.map(\.name))
  }

  @Test("names follow the module's structure: properties, array indices, optionals, buffers")
  func names() {
    var g = SeededGenerator(seed: 3)
    let gpt = GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 2, using: &g)
    let names = gpt.namedParameters.map(\.name)
    #expect(
      Array(names.prefix(5)) == [
        "tokens.E", "positions.E", "blocks.0.norm1.gamma", "blocks.0.norm1.beta", "blocks.0.attention.query.W",
      ])
    #expect(names.contains("blocks.1.contract.b"))
    #expect(Array(names.suffix(4)) == ["norm.gamma", "norm.beta", "head.W", "head.b"])
    #expect(gpt.namedParameters.map { ObjectIdentifier($0.tensor) } == gpt.parameters.map(ObjectIdentifier.init))

    let assorted = Assorted(using: &g)  // ModuleTests: arrays, optionals, a constant, a shared tensor
    #expect(
      assorted.namedParameters.map(\.name) == [
        "first.W", "first.b", "stack.0.W", "stack.0.b", "stack.1.W", "stack.1.b", "extra.W", "extra.b", "scale",
      ])
    #expect(Extended(using: &g).namedParameters.map(\.name).last == "added.b")  // after the superclass's
    let norm = BatchNorm(features: 2)
    #expect(norm.namedState.map(\.name) == ["gamma", "beta", "runningMean", "runningVariance"])
    #expect(norm.namedParameters.map(\.name) == ["gamma", "beta"])
  }

  @Test("a file for another model is refused, naming the first mismatch, and the model keeps its values")
  func mismatchRefused() throws {
    var g = SeededGenerator(seed: 4)
    let model = MLP(sizes: [3, 4, 2], activation: .tanh, using: &g)
    let before = stateBits(model)
    let cases: [(Module, String)] = [
      (
        MLP(sizes: [3, 5, 2], activation: .tanh, using: &g),
        "layers.0.W: the file's shape is [5, 3], the model's [4, 3]"
      ),
      (
        MLP(sizes: [3, 4], activation: .tanh, using: &g),
        "the file has no tensor layers.1.W (shape [2, 4]), which the model has"
      ),
      (
        MLP(sizes: [3, 4, 2, 2], activation: .tanh, using: &g),
        "the file's tensor layers.2.W (shape [2, 2]) is not in the model"
      ),
    ]
    for (other, message) in cases {
      let error = #expect(throws: SafeTensorsError.self) { try model.load(safeTensors: other.safeTensors()) }
      #expect(error?.description == message)
      #expect(stateBits(model) == before)
    }
  }

  /// A valid file for a Linear(2 → 1): W [1, 2] then b [1], 24 bytes of data, and its header.
  static func header(_ json: String) -> Data {
    var data = Data()
    withUnsafeBytes(of: UInt64(json.utf8.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: Array(json.utf8))
    return data
  }
  static let goodJSON =
    #"{"W":{"dtype":"F64","shape":[1,2],"data_offsets":[0,16]},"b":{"dtype":"F64","shape":[1],"data_offsets":[16,24]}}"#
  static let values = Data((0..<24).map { UInt8($0) })

  static let corrupt: [(String, Data, String)] = [
    ("empty", Data(), "fewer than the 8"),
    ("header length beyond the file", header(goodJSON).prefix(20), "only 12 follow"),
    ("huge header length", Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) + values, "larger than the limit"),
    ("truncated data", header(goodJSON) + values.prefix(20), "lie outside the data section"),
    ("extra data", header(goodJSON) + values + Data([0]), "the data section has 25"),
    ("not JSON", header(#"{"W": [1, 2"#) + values, "the header is not valid JSON"),
    ("not an object", header("[1,2]") + values, "does not start with '{'"),
    (
      "wrong dtype",
      header(goodJSON.replacingOccurrences(of: "\"F64\",\"shape\":[1]", with: "\"F32\",\"shape\":[1]")) + values,
      "dtype F32"
    ),
    (
      "shape and size disagree", header(goodJSON.replacingOccurrences(of: "[1,2]", with: "[1,3]")) + values,
      "needs 24 bytes"
    ),
    (
      "overlapping", header(goodJSON.replacingOccurrences(of: "[16,24]", with: "[8,16]")) + values.prefix(16), "overlap"
    ),
    (
      "gap",
      header(
        goodJSON.replacingOccurrences(of: "[0,16]", with: "[8,24]").replacingOccurrences(of: "[16,24]", with: "[24,32]")
      ) + values + Data(count: 8), "leave a gap"
    ),
    (
      "negative offset", header(goodJSON.replacingOccurrences(of: "[0,16]", with: "[-8,8]")) + values,
      "not a pair of non-negative"
    ),
    (
      "fractional shape", header(goodJSON.replacingOccurrences(of: "[1,2]", with: "[1,2.5]")) + values,
      "JSON but not what safetensors expects"
    ),
    (
      // 2⁶¹ values: the count fits in an Int, its bytes (8 times it) do not.
      "a shape whose bytes overflow",
      header(goodJSON.replacingOccurrences(of: "[1,2]", with: "[2305843009213693952]")) + values, "is too large"
    ),
    ("missing offsets", header(#"{"W":{"dtype":"F64","shape":[1,2]}}"#) + values.prefix(16), "data_offsets"),
    ("metadata not strings", header(#"{"__metadata__":{"a":1}}"#), "__metadata__"),
    (
      "a name twice",
      header(
        #"{"b":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"b":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}"#
      ) + values.prefix(16), "names \"b\" twice"
    ),
  ]

  @Test("the hand-made valid file loads: the format is what the tests below corrupt")
  func handMadeFileLoads() throws {
    let file = try SafeTensors.decode(Self.header(Self.goodJSON) + Self.values)
    #expect(file.entries.map(\.name) == ["W", "b"])
    #expect(file.entries.map(\.shape) == [[1, 2], [1]])
  }

  @Test(
    "a truncated or corrupt file is refused with its reason, and the model keeps its values",
    arguments: corrupt.indices)
  func corruptRefused(index: Int) throws {
    let (name, data, reason) = Self.corrupt[index]
    var g = SeededGenerator(seed: 5)
    let layer = Linear(inputs: 2, outputs: 1, using: &g)
    let before = stateBits(layer)
    let error = #expect(throws: SafeTensorsError.self, "\(name)") { try layer.load(safeTensors: data) }
    #expect(error?.description.contains(reason) == true, "\(name): \(error?.description ?? "no error")")
    #expect(stateBits(layer) == before)
  }

  @Test("every truncation of a real file is refused")
  func everyTruncationRefused() throws {
    var g = SeededGenerator(seed: 6)
    let model = MLP(sizes: [2, 3, 1], activation: .tanh, using: &g)
    let data = model.safeTensors()
    let before = stateBits(model)
    for length in 0..<data.count {
      #expect(throws: SafeTensorsError.self, "\(length) bytes") { try model.load(safeTensors: data.prefix(length)) }
    }
    #expect(stateBits(model) == before)
    try model.load(safeTensors: data)
  }

  /// Training a tiny GPT for `steps` steps of an optimizer made by `optimizer`, resuming from files
  /// after `stopAt` steps when it is not nil; returns the final bits.
  static func train(
    steps: Int, stopAt: Int?, optimizer make: ([Tensor]) -> Optimizer, save: (Optimizer, URL) throws -> Void,
    load: (Optimizer, URL) throws -> Void
  ) throws -> [String: [UInt64]] {
    func fresh() -> GPT {
      var g = SeededGenerator(seed: 7)
      return GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 1, using: &g)
    }
    var model = fresh()
    var optimizer = make(model.parameters)
    var batches = SeededGenerator(seed: 8)
    for step in 0..<steps {
      if step == stopAt {
        let (modelFile, optimizerFile) = (temporaryFile("model.safetensors"), temporaryFile("optimizer.safetensors"))
        try model.save(to: modelFile)
        try save(optimizer, optimizerFile)
        var g = SeededGenerator(seed: 99)  // a different start: everything must come from the files
        model = GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 1, using: &g)
        optimizer = make(model.parameters)
        try model.load(from: modelFile)
        try load(optimizer, optimizerFile)
      }
      let ids = (0..<3).map { _ in (0..<4).map { _ in batches.nextInt(in: 0..<5) } }
      let targets = ids.map { row in row.dropFirst().map(Optional.some) + [0] }
      optimizer.step { model.loss(ids, targets: targets) }
    }
    return stateBits(model)
  }

  @Test("N steps, save, load into a fresh model and optimizer, M steps = N + M steps, bit for bit")
  func resumeIsExact() throws {
    let optimizers: [(String, ([Tensor]) -> Optimizer)] = [
      ("Adam", { Adam(parameters: $0, learningRate: 0.01) }),
      ("AdamW", { AdamW(parameters: $0, learningRate: 0.01, weightDecay: 0.1) }),
      ("SGD with momentum", { SGD(parameters: $0, learningRate: 0.05, momentum: 0.9) }),
    ]
    func save(_ o: Optimizer, _ url: URL) throws {
      switch o {
      case let o as Adam: try o.save(to: url)
      case let o as AdamW: try o.save(to: url)
      case let o as SGD: try o.save(to: url)
      default: Issue.record("no save for \(o)")
      }
    }
    func load(_ o: Optimizer, _ url: URL) throws {
      switch o {
      case let o as Adam: try o.load(from: url)
      case let o as AdamW: try o.load(from: url)
      case let o as SGD: try o.load(from: url)
      default: Issue.record("no load for \(o)")
      }
    }
    for (name, make) in optimizers {
      let straight = try Self.train(steps: 12, stopAt: nil, optimizer: make, save: save, load: load)
      let resumed = try Self.train(steps: 12, stopAt: 5, optimizer: make, save: save, load: load)
      #expect(resumed == straight, "\(name)")
      // Without the optimizer's state the run differs: the test can fail.
      let forgetful = try Self.train(steps: 12, stopAt: 5, optimizer: make, save: save, load: { _, _ in })
      #expect(forgetful != straight, "\(name)")
    }
  }

  @Test("an optimizer's file is refused by another kind, other settings or other parameters")
  func optimizerMismatchRefused() throws {
    var g = SeededGenerator(seed: 9)
    let model = MLP(sizes: [2, 3, 1], activation: .tanh, using: &g)
    let adam = Adam(parameters: model.parameters, learningRate: 0.01)
    adam.step { model(Tensor([[1.0, 2.0]])).sum() }
    let url = temporaryFile("adam.safetensors")
    try adam.save(to: url)
    let wrongKind = #expect(throws: SafeTensorsError.self) {
      try AdamW(parameters: model.parameters).load(from: url)
    }
    #expect(wrongKind?.description == "the file holds the state of Adam, not of AdamW")
    let wrongBeta = #expect(throws: SafeTensorsError.self) {
      try Adam(parameters: model.parameters, beta1: 0.8).load(from: url)
    }
    #expect(wrongBeta?.description == "beta1: the file's is 0.9, this optimizer's 0.8")
    let fewer = #expect(throws: SafeTensorsError.self) {
      try Adam(parameters: Array(model.parameters.prefix(2))).load(from: url)
    }
    #expect(fewer?.description == "the file's optimizer has 4 parameters, this one 2")
    let other = MLP(sizes: [2, 4, 1], activation: .tanh, using: &g)
    let fresh = Adam(parameters: other.parameters)
    let shapes = #expect(throws: SafeTensorsError.self) { try fresh.load(from: url) }
    #expect(shapes?.description == "m.0: the file's shape is [3, 2], parameter 0's [4, 2]")
    #expect(fresh.t == 0 && fresh.m.allSatisfy { $0.allSatisfy { $0 == 0 } })  // unchanged
  }

  /// The Python that has the `safetensors` package: `NEURALNOTEBOOK_PYTHON` if set, else `python3`.
  static let python: String? = {
    let candidate = ProcessInfo.processInfo.environment["NEURALNOTEBOOK_PYTHON"] ?? "python3"
    return (try? runPython(candidate, ["-c", "import safetensors.numpy, numpy"])) == 0 ? candidate : nil
  }()

  static func runPython(_ python: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test(
    "Python's safetensors package reads the file with the same names, shapes and values",
    .enabled(
      if: python != nil,
      "no Python with the safetensors package: pip install safetensors numpy (in a venv), then set NEURALNOTEBOOK_PYTHON to its python"
    ))
  func pythonReadsTheFile() throws {
    var g = SeededGenerator(seed: 10)
    let gpt = GPT(vocabulary: 5, context: 4, width: 8, heads: 2, layers: 2, using: &g)
    let norm = BatchNorm(features: 3)
    _ = norm(Tensor.normal([4, 3], using: &g))
    for (name, module) in [("gpt", gpt as Module), ("batchnorm", norm)] {
      let url = temporaryFile("\(name).safetensors")
      try module.save(to: url, metadata: ["model": name])
      // The expected values as Swift prints them, the shortest decimals that read back as the same
      // double: Python's float() reads them exactly, so the comparison is bit for bit.
      let expected = module.namedState.map { entry in
        "\"\(entry.name)\": (\(entry.shape), [\(entry.values.map { "\($0)" }.joined(separator: ","))])"
      }
      let script = """
        import sys, numpy, safetensors.numpy, safetensors
        expected = {\(expected.joined(separator: ","))}
        loaded = safetensors.numpy.load_file(sys.argv[1])
        assert sorted(loaded) == sorted(expected), (sorted(loaded), sorted(expected))
        for name, (shape, values) in expected.items():
            array = loaded[name]
            assert array.dtype == numpy.float64, (name, array.dtype)
            assert list(array.shape) == shape, (name, array.shape, shape)
            assert array.flatten().tolist() == values, name
        with safetensors.safe_open(sys.argv[1], framework="numpy") as f:
            assert f.metadata() == {"format": "autograd", "model": "\(name)"}, f.metadata()
        """
      let scriptURL = temporaryFile("check.py")
      try script.write(to: scriptURL, atomically: true, encoding: .utf8)
      #expect(try Self.runPython(Self.python!, [scriptURL.path, url.path]) == 0, "\(name)")
    }
  }
}
