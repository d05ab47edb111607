// ForwardValueTests.swift — the values operations compute, on small hand-checkable examples.

import Foundation
import Testing

@testable import Autograd

@Suite("Forward values")
struct ForwardValueTests {
  @Test func creation() {
    #expect(Tensor(-4.0).shape == [])
    #expect(Tensor([[1.0, 2.0], [3.0, 4.0]]).shape == [2, 2])
    let values: [[Double]] = [[1, 2, 3], [4, 5, 6]]
    #expect(Tensor(values).scalars == [1, 2, 3, 4, 5, 6])
    #expect(Tensor.identity(3).scalars == [1, 0, 0, 0, 1, 0, 0, 0, 1])
    #expect(Tensor.arange(0, 1, step: 0.25).scalars == [0, 0.25, 0.5, 0.75])
    #expect(Tensor.linspace(-1, 1, count: 5).scalars == [-1, -0.5, 0, 0.5, 1])
    #expect(Tensor.full([2], 7).scalars == [7, 7])
    #expect(Tensor.zeros([2, 0]).count == 0)
    #expect(Tensor([[1.0, 2.0], [3.0, 4.0]]).description == "[[1.0, 2.0], [3.0, 4.0]]")
  }

  @Test func broadcastingArithmetic() {
    let m = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    #expect((m + Tensor([10.0, 20.0, 30.0])).scalars == [11, 22, 33, 14, 25, 36])
    #expect((m * Tensor([[2.0], [3.0]])).scalars == [2, 4, 6, 12, 15, 18])
    #expect((Tensor([[1.0], [2.0]]) - Tensor([1.0, 2.0, 3.0])).rows == [[0, -1, -2], [1, 0, -1]])
    #expect((1.0 / Tensor([2.0, 4.0])).scalars == [0.5, 0.25])
    #expect(m.broadcasted(to: [2, 2, 3]).summed(toShape: [2, 3]).scalars == (m * 2).scalars)
  }

  @Test func reductions() {
    let x = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])
    #expect(x.sum().item == 21)
    #expect(x.mean().item == 3.5)
    #expect(x.sum(axis: 0).scalars == [5, 7, 9])
    #expect(x.sum(axis: -1, keepingAxis: true).shape == [2, 1])
    #expect(x.mean(axis: 1).scalars == [3, 4])
    #expect(x.max().item == 6)
    #expect(x.max(axis: 1).scalars == [5, 6])
    #expect(x.max(axis: 0, keepingAxis: true).rows == [[4, 5, 6]])
    let p = x.softmax(axis: 1)
    #expect(isClose(p.sum(axis: 1).scalars, [1, 1]))
  }

  @Test("max's gradient is shared equally between ties")
  func maxTies() {
    let x = Tensor([3.0, 1.0, 3.0], requiresGrad: true)
    x.max().backward()
    #expect(x.grad!.scalars == [0.5, 0, 0.5])
  }

  @Test func shapeOperations() {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(x.transposed().rows == [[1, 4], [2, 5], [3, 6]])
    #expect(x.reshaped([3, -1]).shape == [3, 2])
    #expect(x.unsqueezed(axis: 0).shape == [1, 2, 3])
    #expect(x.unsqueezed(axis: 0).squeezed().shape == [2, 3])
    #expect(x.sliced(axis: 1, 1..<3).rows == [[2, 3], [5, 6]])
    #expect(Tensor.concatenated([x, x.sliced(axis: 1, 0..<1)], axis: 1).rows == [[1, 2, 3, 1], [4, 5, 6, 4]])
    #expect(x.gathered([1, 1, 0]).rows == [[4, 5, 6], [4, 5, 6], [1, 2, 3]])
    let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))
    let permuted = cube.permuted([2, 0, 1])  // [4, 2, 3]; result[k, i, j] = cube[i, j, k]
    #expect(permuted.shape == [4, 2, 3])
    #expect(permuted.scalars[1 * 6 + 1 * 3 + 2] == cube.scalars[1 * 12 + 2 * 4 + 1])
  }

  @Test func selectionAndClamping() {
    let x = Tensor([-2.0, -0.5, 0, 0.5, 2])
    #expect((x .> 0).scalars == [0, 0, 0, 1, 1])
    #expect((x .<= 0).scalars == [1, 1, 1, 0, 0])
    #expect(Tensor.where(x .> 0, x, Tensor(0)).scalars == x.relu().scalars)
    #expect(x.clamped(min: -1, max: 1).scalars == [-1, -0.5, 0, 0.5, 1])
    #expect(x.relu().scalars == [0, 0, 0, 0.5, 2])
    #expect(x.leakyRelu(slope: 0.1).scalars == [-0.2, -0.05, 0, 0.5, 2])
  }

  @Test("OpenBLAS matmul equals the triple loop", arguments: [(1, 1, 1), (3, 4, 2), (17, 9, 33), (64, 64, 64)])
  func matmulMatchesReference(_ sizes: (Int, Int, Int)) {
    let (n, k, m) = sizes
    let a = randomTensor([n, k], seed: 11)
    let b = randomTensor([k, m], seed: 12)
    #expect(isClose(a.matmul(b).scalars, referenceMatmul(a, b).scalars, tolerance: 1e-12))
  }

  @Test("batched matmul is the matmul of each batch entry, broadcast")
  func batchedMatmul() {
    let a = randomTensor([2, 1, 3, 4], seed: 3)
    let b = randomTensor([3, 4, 5], seed: 4)
    let c = a.matmul(b)  // [2, 3, 3, 5]
    #expect(c.shape == [2, 3, 3, 5])
    for i in 0..<2 {
      for j in 0..<3 {
        let aij = a.sliced(axis: 0, i..<(i + 1)).reshaped([3, 4])
        let bj = b.sliced(axis: 0, j..<(j + 1)).reshaped([4, 5])
        let cij = c.sliced(axis: 0, i..<(i + 1)).sliced(axis: 1, j..<(j + 1)).reshaped([3, 5])
        #expect(isClose(cij.scalars, referenceMatmul(aij, bj).scalars, tolerance: 1e-12))
      }
    }
  }

  @Test func matmulWithEmptyInnerDimension() {
    #expect(Tensor.zeros([2, 0]).matmul(Tensor.zeros([0, 3])).scalars == [0, 0, 0, 0, 0, 0])
  }

  @Test("attention on a hand example: masked weights are exactly 0")
  func attentionValues() {
    let q = Tensor([[1.0, 0.0]])
    let k = Tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    let v = Tensor([[1.0], [2.0], [3.0]])
    let (output, weights) = attention(query: q, key: k, value: v, scaled: false)
    let e = exp(1.0)
    #expect(isClose(weights.scalars, [e, 1, e].map { $0 / (2 * e + 1) }))
    #expect(isClose(output.item, (e + 2 + 3 * e) / (2 * e + 1)))
    let masked = attention(query: q, key: k, value: v, mask: Tensor([1.0, 0.0, 1.0])).weights
    #expect(masked.scalars[1] == 0)
    #expect(isClose(masked.scalars, [0.5, 0, 0.5]))
  }

  @Test("the seeded generator gives the same numbers everywhere")
  func seededGenerator() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    let first = (0..<5).map { _ in a.next() }
    #expect(first == (0..<5).map { _ in b.next() })
    // Golden values: a change of algorithm would change every chapter's numbers.
    var g = SeededGenerator(seed: 0)
    #expect(g.next() == 0x99EC_5F36_CB75_F2B4)
    var u = SeededGenerator(seed: 7)
    let uniform = Tensor.uniform([1000], using: &u)
    #expect(uniform.scalars.allSatisfy { (0..<1).contains($0) })
    var n = SeededGenerator(seed: 7)
    let normal = Tensor.normal([20_000], mean: 1, standardDeviation: 2, using: &n)
    #expect(abs(normal.mean().item - 1) < 0.05)
    #expect(abs((normal - 1).pow(2).mean().item.squareRoot() - 2) < 0.05)
    var p = SeededGenerator(seed: 1)
    #expect(p.permutation(10).sorted() == Array(0..<10))
  }

  @Test(
    "every broadcasting shortcut (scalar, repeated row, one value per row) matches the general path",
    arguments: [
      ([2, 3], [3]), ([3], [2, 3]), ([2, 3, 4], [3, 4]), ([4, 3], [4, 1]), ([4, 1], [4, 3]), ([2, 3], []),
      ([4, 1], [1, 5]),
    ]
  )
  func broadcastShortcuts(_ shapes: ([Int], [Int])) {
    let (a, b) = (randomTensor(shapes.0, in: 0.5...2, seed: 3), randomTensor(shapes.1, in: 0.5...2, seed: 4))
    let shape = Shape.broadcast(shapes.0, shapes.1, operation: "test")
    let (fullA, fullB) = (a.broadcasted(to: shape), b.broadcasted(to: shape))  // equal shapes: the plain loop
    #expect((a + b).scalars == (fullA + fullB).scalars)
    #expect((a - b).scalars == (fullA - fullB).scalars)
    #expect((a * b).scalars == (fullA * fullB).scalars)
    #expect((a / b).scalars == (fullA / fullB).scalars)
  }

  @Test("large tensors and batches, computed in two halves on two threads, equal the one-thread result")
  func twoThreadPaths() {
    let x = randomTensor([300, 200], in: -5...5)  // 60,000 elements: above the threshold
    #expect(x.count >= parallelThreshold)
    let rows = (0..<300).map { x.sliced(axis: 0, $0..<($0 + 1)) }  // small: one thread each
    #expect(x.tanh().scalars == rows.flatMap { $0.tanh().scalars })
    #expect(x.softmax(axis: -1).scalars == rows.flatMap { $0.softmax(axis: -1).scalars })
    let byColumn = x.transposed().softmax(axis: -1).transposed().scalars
    #expect(x.softmax(axis: 0).scalars == byColumn)
    // A batch of small products (32,768 outputs; B broadcast over the first axis), split between
    // two threads, against each product on its own.
    let (a, b) = (randomTensor([2, 4, 64, 32], seed: 5), randomTensor([1, 4, 32, 64], seed: 6))
    let c = a.matmul(b)
    #expect(c.count >= parallelThreshold)
    for i in 0..<2 {
      for h in 0..<4 {
        let ai = a.sliced(axis: 0, i..<(i + 1)).sliced(axis: 1, h..<(h + 1)).reshaped([64, 32])
        let bh = b.sliced(axis: 1, h..<(h + 1)).reshaped([32, 64])
        let ci = c.sliced(axis: 0, i..<(i + 1)).sliced(axis: 1, h..<(h + 1)).reshaped([64, 64])
        #expect(ci.scalars == ai.matmul(bh).scalars)
      }
    }
  }
}
