// GraphText.swift — the autograd graph drawn as text: each node with its operation, value and
// gradient, its inputs indented below it (chapter 04 walks it by hand).

import Autograd

/// Draws the graph that produced `root` as an indented tree, one line per node:
///
/// ```
/// L = multiply        value -8   grad 1
/// ├─ d = add          value 4    grad -2
/// │  ├─ e = multiply  value -6   grad -2
/// ```
/// `names` labels the tensors the reader knows (`a`, `b`, …); a node reached a second time
/// (a value used twice) is shown once and then referred to by name.
public func graphText(_ root: Tensor, names: [ObjectIdentifier: String], digits: Int = 5) -> [String] {
  var seen = Set<ObjectIdentifier>()
  var rows: [(tree: String, detail: String)] = []
  func label(_ t: Tensor) -> String {
    if let name = names[ObjectIdentifier(t)] { return name }
    return t.isLeaf && t.count == 1 ? Format.number(t.item, digits: digits) : "(\(t.operation))"
  }
  func values(_ t: Tensor?) -> String {
    guard let t else { return "—" }
    return t.count == 1 ? Format.number(t.item, digits: digits) : Format.vector(t.scalars, digits: digits)
  }
  func visit(_ node: Tensor, prefix: String, branch: String) {
    let id = ObjectIdentifier(node)
    let name = label(node)
    if seen.contains(id) {
      rows.append((prefix + branch + name + " (used again, see above)", ""))
      return
    }
    seen.insert(id)
    let what = node.isLeaf ? name : "\(name) = \(node.operation)(\(node.inputs.map(label).joined(separator: ", ")))"
    rows.append((prefix + branch + what, "value \(values(node))   grad \(values(node.grad))"))
    let childPrefix = prefix + (branch == "├─ " ? "│  " : (branch.isEmpty ? "" : "   "))
    for (i, input) in node.inputs.enumerated() {
      visit(input, prefix: childPrefix, branch: i == node.inputs.count - 1 ? "└─ " : "├─ ")
    }
  }
  visit(root, prefix: "", branch: "")
  let width = rows.map(\.tree.count).max() ?? 0
  return rows.map { $0.detail.isEmpty ? $0.tree : $0.tree.rightPadded(to: width + 2) + $0.detail }
}
