// Module+Names.swift — every parameter of a module with a name that says where it lives
// (`blocks.0.attention.query.W`), found by the same walk over the stored properties that finds
// the parameters, and the state that is not trained but belongs to the model (BatchNorm's
// running statistics). Saving and loading (Checkpoint/) go by these names.

extension Module {
  /// Every trainable tensor with its name, in the order of ``parameters``.
  ///
  /// A name is the path of stored-property names from this module to the tensor, joined by dots,
  /// as PyTorch's `state_dict` names them:
  ///
  /// - a tensor stored in property `W` of a module stored in property `query` is `query.W`;
  /// - an element of an array is named by its index: `blocks.0.norm1.gamma`;
  /// - an optional is transparent: a `Linear?` stored in `extra` gives `extra.W` when it is set,
  ///   nothing when it is nil;
  /// - a subclass's properties follow its superclass's, in one flat namespace;
  /// - a tensor stored twice (shared weights) keeps the name of its first place only.
  ///
  /// ```swift
  /// gpt.namedParameters.map(\.name).prefix(3)   // ["tokens.E", "positions.E", "blocks.0.norm1.gamma"]
  /// ```
  public var namedParameters: [(name: String, tensor: Tensor)] {
    stateEntries.compactMap { entry in entry.tensor.map { (entry.name, $0) } }
  }

  /// Every value the model's output depends on, trained or not, named as in ``namedParameters``:
  /// the parameters, and the buffers of modules that keep statistics (``BatchNorm``'s
  /// `runningMean` and `runningVariance`). This is what ``save(to:metadata:)`` writes.
  public var namedState: [(name: String, shape: [Int], values: [Double])] {
    stateEntries.map { ($0.name, $0.shape, $0.read()) }
  }

  /// The walk behind ``namedParameters`` and ``namedState``: one entry per value, with a way to
  /// read it and to write it (checkpoints write only after checking the whole file).
  var stateEntries: [StateEntry] {
    var found: [StateEntry] = []
    var seen = Set<ObjectIdentifier>()
    collectState(prefix: "", into: &found, seen: &seen)
    return found
  }

  fileprivate func collectState(prefix: String, into found: inout [StateEntry], seen: inout Set<ObjectIdentifier>) {
    func collect(_ value: Any, _ name: String) {
      if let tensor = value as? Tensor {
        if tensor.requiresGrad, seen.insert(ObjectIdentifier(tensor)).inserted {
          found.append(StateEntry(parameter: tensor, name: name))
        }
      } else if let module = value as? Module {
        module.collectState(prefix: name + ".", into: &found, seen: &seen)
      } else {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
          for (index, child) in mirror.children.enumerated() { collect(child.value, "\(name).\(index)") }
        } else if mirror.displayStyle == .optional {
          mirror.children.forEach { collect($0.value, name) }
        }
      }
    }
    var mirror: Mirror? = Mirror(reflecting: self)
    var levels: [Mirror] = []
    while let level = mirror {  // a subclass's stored properties come after its superclass's
      levels.insert(level, at: 0)
      mirror = level.superclassMirror
    }
    for level in levels {
      for child in level.children { collect(child.value, prefix + (child.label ?? "")) }
    }
    if let buffered = self as? BufferedModule {
      for buffer in buffered.buffers {
        found.append(
          StateEntry(
            name: prefix + buffer.name, shape: [buffer.count], tensor: nil,
            read: buffer.read,
            write: { buffered.setBuffer(buffer.name, to: $0) }))
      }
    }
  }
}

/// One named value of a module's state: a parameter (with its tensor) or a buffer.
struct StateEntry {
  let name: String
  let shape: [Int]
  /// The parameter, nil for a buffer.
  let tensor: Tensor?
  let read: () -> [Double]
  let write: ([Double]) -> Void

  init(name: String, shape: [Int], tensor: Tensor?, read: @escaping () -> [Double], write: @escaping ([Double]) -> Void)
  {
    (self.name, self.shape, self.tensor, self.read, self.write) = (name, shape, tensor, read, write)
  }

  init(parameter: Tensor, name: String) {
    self.init(
      name: name, shape: parameter.shape, tensor: parameter, read: { parameter.scalars },
      write: { parameter.scalars = $0 })
  }
}

/// A module that keeps values it does not train but needs (PyTorch's buffers): they are saved and
/// loaded with the parameters.
protocol BufferedModule: Module {
  /// Each buffer's name (within the module), length and current values.
  var buffers: [(name: String, count: Int, read: () -> [Double])] { get }
  /// Replaces the values of the buffer `name` (of the same length).
  func setBuffer(_ name: String, to values: [Double])
}

extension BatchNorm: BufferedModule {
  var buffers: [(name: String, count: Int, read: () -> [Double])] {
    [
      ("runningMean", runningMean.count, { self.runningMean }),
      ("runningVariance", runningVariance.count, { self.runningVariance }),
    ]
  }

  func setBuffer(_ name: String, to values: [Double]) {
    switch name {
    case "runningMean": runningMean = values
    case "runningVariance": runningVariance = values
    default: fail("BatchNorm has no buffer \(name)")
    }
  }
}
