// KernelTests.swift — every kernel of Sources/Autograd/Kernels against the plain definition it
// replaces, over inputs that reach each of its branches: the same bits where the kernel performs
// the same operations (all of them but OpenBLAS's products, which agree to rounding).

import CLanes
import Foundation
import Testing

@testable import Autograd

/// Whether two arrays hold the same bits (NaN equal to NaN of the same pattern).
private func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

@Suite("Kernels against their plain definitions")
struct KernelTests {
  /// Values over the ranges where the formulas change: near 0, around tanh's switch at 0.625, the
  /// cap at 22, exp's limits at −708 and 709, beyond them, and the special values.
  static let edgeValues: [Double] = {
    var rng = SeededGenerator(seed: 31)
    var values = (0..<20_000).map { _ in Double.random(in: -40...40, using: &rng) }
    values += (0..<20_000).map { _ in
      Double.random(in: -1...1, using: &rng) * pow(10, -Double.random(in: 0...300, using: &rng))
    }
    values += (0..<2_000).map { _ in Double.random(in: -760...760, using: &rng) }
    values += [0, -0.0, 0.625, -0.625, 0.625.nextDown, -0.625.nextUp, 22, -22, 22.5, -708, 709, -708.5, 709.5]
    values += [
      .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .leastNormalMagnitude / 4,
    ]
    return values
  }()

  /// eˣ and tanh on vectors of `width` doubles against the plain definitions, bit for bit.
  func checkWidth(_ width: Int, tail: Int) {
    let values = Array(Self.edgeValues.dropLast(tail))
    var y = [Double](repeating: 0, count: values.count)
    #expect(clanes_exp_width(Int32(width), values, &y, values.count) == 1, "width \(width) did not run")
    #expect(sameBits(y, values.map(portableExp)), "exp, width \(width)")
    #expect(clanes_tanh_width(Int32(width), values, &y, values.count) == 1, "width \(width) did not run")
    #expect(sameBits(y, values.map(portableTanh)), "tanh, width \(width)")
  }

  /// op(A)[i][p] of `a` stored [n, k], or [k, n] when transposed; op(B)[p][j] likewise.
  private static func entry(_ t: [Double], _ transposed: Bool, _ row: Int, _ column: Int, rows: Int, columns: Int)
    -> Double
  { transposed ? t[column * rows + row] : t[row * columns + column] }

  @Test(
    "tiled products (AVX-512): each entry a chain of fused multiply-adds in order, bit for bit, on one thread or two",
    .needsAVX512, arguments: [false, true], [false, true])
  func tiledProducts(_ transposeA: Bool, _ transposeB: Bool) {
    // [n, k, m]: full and partial blocks of 12 rows and panels of 16 columns, one panel (halves of
    // the blocks), a long k, and one block of rows (which Tensor.product leaves to OpenBLAS).
    for (n, k, m) in [(100, 70, 80), (64, 80, 64), (400, 140, 10), (24, 700, 32), (37, 1000, 17), (10, 140, 400)] {
      #expect(tiledProductTakes(n: n, m: m, k: k) == (n >= 24))
      let a = randomTensor(transposeA ? [k, n] : [n, k], seed: 41).scalars
      let b = randomTensor(transposeB ? [m, k] : [k, m], seed: 42).scalars
      var expected = [Double](repeating: 0, count: n * m)
      for i in 0..<n {
        for j in 0..<m {
          var sum = 0.0
          for p in 0..<k {
            let left = Self.entry(a, transposeA, i, p, rows: n, columns: k)
            sum.addProduct(left, Self.entry(b, transposeB, p, j, rows: k, columns: m))
          }
          expected[i * m + j] = sum
        }
      }
      for split in [false, true] {
        var got = [Double](repeating: .nan, count: n * m)
        a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            got.withUnsafeMutableBufferPointer { c in
              tiledProduct(
                a.baseAddress!, transposeA: transposeA, b.baseAddress!, transposeB: transposeB, n: n, m: m, k: k,
                into: c.baseAddress!, split: split)
            }
          }
        }
        #expect(sameBits(got, expected), "[\(n), \(k), \(m)], split: \(split)")
      }
      // Through Tensor.product: one product (split in two), and a batch of two (one thread each).
      guard tiledProductTakes(n: n, m: m, k: k) else { continue }
      let (sa, sb) = (transposeA ? [k, n] : [n, k], transposeB ? [m, k] : [k, m])
      let one = Tensor.product(
        Tensor(shape: sa, scalars: a), Tensor(shape: sb, scalars: b), transposeA: transposeA, transposeB: transposeB)
      #expect(sameBits(one.scalars, expected))
      let two = Tensor.product(
        Tensor(shape: [2] + sa, scalars: a + a), Tensor(shape: [2] + sb, scalars: b + b), transposeA: transposeA,
        transposeB: transposeB)
      #expect(sameBits(two.scalars, expected + expected))
    }
  }

  @Test(
    "OpenBLAS's products from 2²⁰ multiply-adds, split in halves of rows (or of columns for one row), equal the triple loop to rounding"
  )
  func splitOpenBLASProducts() {
    // k > 1024 keeps them from the tiled kernel on every CPU.
    for (n, k, m) in [(40, 1100, 30), (1, 1100, 1000)] {
      let (a, b) = (randomTensor([n, k], seed: 43), randomTensor([k, m], seed: 44))
      #expect(!tiledProductTakes(n: n, m: m, k: k) && n * m * k >= 1 << 20)
      #expect(isClose(a.matmul(b).scalars, referenceMatmul(a, b).scalars, tolerance: 1e-12), "[\(n), \(k), \(m)]")
      let stored = b.transposed()
      #expect(isClose(a.matmul(transposing: stored).scalars, referenceMatmul(a, b).scalars, tolerance: 1e-12))
    }
  }

  @Test(
    "eˣ and tanh on vectors of 2 doubles (every CPU) are portableExp and portableTanh, bit for bit, tails included",
    arguments: [0, 1, 3, 7])
  func baselineLanes(_ tail: Int) { checkWidth(2, tail: tail) }

  @Test(
    "eˣ and tanh on vectors of 4 doubles (AVX2) are portableExp and portableTanh, bit for bit, tails included",
    .needsAVX2, arguments: [0, 1, 3, 7])
  func avx2Lanes(_ tail: Int) { checkWidth(4, tail: tail) }

  @Test(
    "eˣ and tanh on vectors of 8 doubles (AVX-512) are portableExp and portableTanh, bit for bit, tails included",
    .needsAVX512, arguments: [0, 1, 3, 7])
  func avx512Lanes(_ tail: Int) { checkWidth(8, tail: tail) }

  @Test(
    "tanh on vectors of 8 doubles, which sorts each block of 512 values by formula, keeps every value in its place, in place too",
    .needsAVX512, arguments: [1, 7, 8, 9, 511, 512, 513, 1024, 1031])
  func sortedTanh(_ count: Int) {
    // Mixed far and near values in every vector, and runs of one kind, so blocks fill unevenly.
    var values = Array(Self.edgeValues.prefix(count / 2)) + Array(Self.edgeValues.suffix(count - count / 2))
    values.replaceSubrange(0..<(count / 3), with: (0..<(count / 3)).map { Double($0) / 1000 })
    var y = [Double](repeating: 0, count: count)
    #expect(clanes_tanh_width(8, values, &y, count) == 1)
    #expect(sameBits(y, values.map(portableTanh)), "\(count) values")
    values.withUnsafeMutableBufferPointer { v in _ = clanes_tanh_width(8, v.baseAddress, v.baseAddress, count) }
    #expect(sameBits(values, y), "\(count) values, in place")
  }

  /// Adam's update on vectors of `width` doubles against adamUpdate, value by value, bit for bit:
  /// three steps (so the moments are not zero), every tail length, gradients of every size.
  func checkAdam(_ width: Int) {
    var rng = SeededGenerator(seed: 55)
    for count in [1, 3, 7, 8, 9, 100] {
      var p = (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
      var (m, s) = ([Double](repeating: 0, count: count), [Double](repeating: 0, count: count))
      var (p2, m2, s2) = (p, m, s)  // the kernel's copies
      for t in 1...3 {
        var g = (0..<count).map { _ in
          Double.random(in: -1...1, using: &rng) * pow(10, Double.random(in: -8...3, using: &rng))
        }
        g[0] = t == 2 ? 0 : g[0]  // a zero gradient: ε alone keeps the division finite
        let (c1, c2) = (1 - portablePower(0.9, t), 1 - portablePower(0.999, t))
        adamUpdate(&p, &m, &s, g, rate: 0.01, beta1: 0.9, beta2: 0.999, correction1: c1, correction2: c2, epsilon: 1e-8)
        let ran = clanes_adam_width(Int32(width), &p2, &m2, &s2, g, count, 0.01, 0.9, 0.999, c1, c2, 1e-8)
        #expect(ran == 1, "width \(width) did not run")
      }
      #expect(sameBits(p, p2) && sameBits(m, m2) && sameBits(s, s2), "width \(width), \(count) values")
    }
  }

  @Test("Adam's update on vectors of 2 doubles (every CPU) is adamUpdate, bit for bit")
  func adamBaseline() { checkAdam(2) }

  @Test(
    "Adam's update on vectors of 4 doubles (AVX2) is adamUpdate, bit for bit",
    .needsAVX2)
  func adamAVX2() { checkAdam(4) }

  @Test(
    "Adam's update on vectors of 8 doubles (AVX-512) is adamUpdate, bit for bit",
    .needsAVX512)
  func adamAVX512() { checkAdam(8) }

  @Test("tanh and exp of a tensor (two threads from 2¹⁴ values) are the plain functions elementwise")
  func elementwiseInHalves() {
    for count in [3, 1000, parallelThreshold + 5] {
      let x = randomTensor([count], in: -30...30, seed: 32)
      #expect(sameBits(x.tanh().scalars, x.scalars.map(portableTanh)), "tanh, \(count) values")
      #expect(sameBits(x.exp().scalars, x.scalars.map(portableExp)), "exp, \(count) values")
    }
  }

  @Test(
    "fused backward rules equal the recorded tensor rules, bit for bit",
    arguments: ["tanh", "exp", "log", "sqrt", "sigmoid"], [7, parallelThreshold + 3])
  func fusedRules(_ name: String, _ count: Int) {
    let op: (Tensor) -> Tensor =
      switch name {
      case "tanh": { $0.tanh() }
      case "exp": { $0.exp() }
      case "log": { $0.log() }
      case "sqrt": { $0.sqrt() }
      default: { $0.sigmoid() }
      }
    let positive = name == "log" || name == "sqrt"
    let x = randomTensor([count], in: positive ? 0.1...5 : -5...5, seed: 33)
    let weights = randomTensor([count], seed: 34)  // so g is not all ones
    x.requiresGrad = true
    (op(x) * weights).sum().backward()  // not recorded: the fused loop
    let fused = x.grad!.scalars
    x.grad = nil
    (op(x) * weights).sum().backward(createGraph: true)  // recorded: the tensor operations
    #expect(sameBits(fused, x.grad!.scalars))
    // A mean's gradient is one value everywhere: from 2¹⁴ values a kept array, read as that value.
    x.grad = nil
    op(x).mean().backward()
    let uniform = x.grad!.scalars
    x.grad = nil
    op(x).mean().backward(createGraph: true)
    #expect(sameBits(uniform, x.grad!.scalars))
  }

  @Test("gradient descent's update in two halves is the plain loop p[i] −= η·g[i], bit for bit")
  func descent() {
    for count in [5, parallelThreshold + 7] {
      let (start, g) = (randomTensor([count], seed: 48).scalars, randomTensor([count], seed: 49).scalars)
      var plain = start
      for i in plain.indices { plain[i] -= 0.03 * g[i] }
      var halves = start
      halves.withUnsafeMutableBufferPointer { descentKernel($0, g, rate: 0.03) }
      #expect(sameBits(halves, plain), "\(count) values")
    }
  }

  @Test("a broadcast of one value is kept and shared by count and value, copied before it is written, never pooled")
  func uniformArrays() {
    let count = pooledMinimum + 31  // a size no other test uses, so the kept entry is this test's
    func address(_ t: Tensor) -> UnsafePointer<Double>? { t.scalars.withUnsafeBufferPointer { $0.baseAddress } }
    let a = Tensor(2.5).broadcasted(to: [count])
    let b = Tensor(2.5).broadcasted(to: [count])
    #expect(address(a) == address(b) && keptUniformValue(b.scalars) == 2.5)
    #expect(a.scalars.allSatisfy { $0 == 2.5 })
    // Another value (−0 is not 0) replaces the entry; the first array lives on in its tensors.
    let zero = Tensor(0.0).broadcasted(to: [count])
    let negativeZero = Tensor(-0.0).broadcasted(to: [count])
    #expect(address(zero) != address(negativeZero) && address(negativeZero) != address(a))
    #expect(negativeZero.scalars.allSatisfy { $0 == 0 && $0.sign == .minus } && zero.scalars[0].sign == .plus)
    #expect(keptUniformValue(a.scalars) == nil && a.scalars.allSatisfy { $0 == 2.5 })
    // Writing into a shared array copies it first.
    let c = Tensor(-0.0).broadcasted(to: [count])
    c.scalars[0] = 7
    #expect(c.scalars[0] == 7 && negativeZero.scalars[0] == 0 && address(c) != address(negativeZero))
    // A kept array stays out of the buffer pool when a tensor holding it is freed.
    var d: Tensor? = Tensor(-0.0).broadcasted(to: [count])
    #expect(address(d!) == address(negativeZero))
    d = nil
    #expect(pooledArrays(ofCount: count) == 0 && keptUniformValue(negativeZero.scalars)?.sign == .minus)
  }

  /// Shape pairs that reach every branch of `broadcastZip`, in both argument orders.
  static let shapePairs: [([Int], [Int])] = [
    ([2, 3], [2, 3]),  // same shape
    ([4, 3], []), ([4, 3], [1]), ([], [5]),  // one value
    ([4, 3], [3]), ([2, 4, 3], [4, 3]),  // a row repeated
    ([4, 3], [4, 1]), ([2, 4, 3], [2, 4, 1]), ([7, 5], [7, 1]),  // one value per row (sums: four rows at a time)
    ([2, 1, 3], [1, 4, 1]), ([3, 1], [1, 5]), ([2, 3, 4], [3, 1]),  // the general case
    ([0, 3], [3]), ([3, 0], [3, 1]),  // empty
    ([1, 70_000], [1, 1]),  // one value, repeated in two halves (from 2¹⁴ values)
  ]

  @Test("broadcastZip's branches equal the plain broadcasting loop", arguments: shapePairs)
  func broadcastZip(_ shapes: ([Int], [Int])) {
    for (sa, sb) in [(shapes.0, shapes.1), (shapes.1, shapes.0)] {
      let (a, b) = (randomTensor(sa, seed: 35), randomTensor(sb, in: 0.5...2, seed: 36))
      for (name, f) in [("-", { (x: Double, y: Double) in x - y }), ("/", { $0 / $1 })] {
        let (shape, fast) = Tensor.broadcastZip(name, a, b, f)
        #expect(shape == Shape.broadcast(sa, sb, operation: "test"))
        #expect(sameBits(fast, Broadcasting.zip(a, b, to: shape, f)), "\(sa) \(name) \(sb)")
      }
    }
  }

  @Test("repeating and summing back over broadcast axes equal the plain loops", arguments: shapePairs)
  func repeatAndSum(_ shapes: ([Int], [Int])) {
    let target = Shape.broadcast(shapes.0, shapes.1, operation: "test")
    for source in [shapes.0, shapes.1] {
      let x = randomTensor(source, seed: 37).scalars
      #expect(
        sameBits(
          Tensor.broadcastRepeat(x, from: source, to: target), Broadcasting.repeated(x, from: source, to: target)))
      let big = randomTensor(target, seed: 38).scalars
      #expect(
        sameBits(Tensor.broadcastSum(big, from: target, to: source), Broadcasting.summed(big, from: target, to: source))
      )
    }
  }

  @Test(
    "batched, broadcast and transposed products equal the triple loop (fixed order: bit for bit; OpenBLAS: to rounding)",
    arguments: [false, true], [false, true])
  func products(_ transposeA: Bool, _ transposeB: Bool) {
    // [n, k, m] below the fixed-order limit (2¹⁷ multiply-adds) and above it (OpenBLAS).
    for (n, k, m) in [(3, 4, 5), (40, 70, 50)] {
      let a = randomTensor([2, 1, n, k], seed: 39)
      let b = randomTensor([3, k, m], seed: 40)
      let storedA = transposeA ? a.transposed() : a
      let storedB = transposeB ? b.transposed() : b
      let c = Tensor.product(storedA, storedB, transposeA: transposeA, transposeB: transposeB)
      #expect(c.shape == [2, 3, n, m])
      for i in 0..<2 {
        for j in 0..<3 {
          let expected = referenceMatmul(matrix(a, i, [n, k]), matrix(b, j, [k, m])).scalars
          let got = matrix(c, i * 3 + j, [n, m]).scalars
          if n * k * m < fixedOrderLimit {
            #expect(got == expected, "entry (\(i), \(j)), [\(n), \(k), \(m)]")
          } else {
            #expect(isClose(got, expected, tolerance: 1e-12), "entry (\(i), \(j)), [\(n), \(k), \(m)]")
          }
        }
      }
    }
  }

  @Test(
    "a batch times one shared matrix, stacked into one OpenBLAS product, and its weight gradient",
    arguments: [false, true])
  func stackedProducts(_ transposeB: Bool) {
    // 3·50 stacked rows · 40 · 30 = 180 000 multiply-adds, above the fixed-order limit (each entry
    // alone, 60 000, is below it).
    let x = randomTensor([3, 50, 40], seed: 44)
    let w = randomTensor(transposeB ? [30, 40] : [40, 30], seed: 45)
    x.requiresGrad = true
    w.requiresGrad = true
    let y = transposeB ? x.matmul(transposing: w) : x.matmul(w)
    let weights = randomTensor([3, 50, 30], seed: 46)
    (y * weights).sum().backward()
    let plainW = transposeB ? w.transposed().detached() : w.detached()  // [40, 30]
    var expectedW = [Double](repeating: 0, count: 40 * 30)
    for i in 0..<3 {
      let xi = matrix(x, i, [50, 40])
      #expect(isClose(matrix(y, i, [50, 30]).scalars, referenceMatmul(xi, plainW).scalars, tolerance: 1e-12))
      // ∂L/∂W summed over the batch: xᵢᵀ·gᵢ for each entry, gᵢ = weights of entry i.
      let entry = referenceMatmul(xi.transposed(), matrix(weights, i, [50, 30])).scalars
      for j in expectedW.indices { expectedW[j] += entry[j] }
    }
    let gotW = transposeB ? w.grad!.transposed().scalars : w.grad!.scalars
    #expect(isClose(gotW, expectedW, tolerance: 1e-12))
  }

  @Test(
    "softmax's and log-softmax's fused backward rules equal the recorded tensor rules, bit for bit, along every axis")
  func softmaxGradients() {
    for shape in [[5], [3, 7], [2, 3, 4], [7, 9], [8, 64, 70]] {  // see softmaxRows
      let x = randomTensor(shape, in: -5...5, seed: 48)
      let weights = randomTensor(shape, seed: 49)
      x.requiresGrad = true
      for axis in 0..<shape.count {
        for log in [false, true] {
          let op = { log ? x.logSoftmax(axis: axis) : x.softmax(axis: axis) }
          x.grad = nil
          (op() * weights).sum().backward()  // not recorded: the fused pass
          let fused = x.grad!.scalars
          x.grad = nil
          (op() * weights).sum().backward(createGraph: true)  // recorded: the tensor operations
          #expect(sameBits(fused, x.grad!.scalars), "\(log ? "log-softmax" : "softmax") \(shape) axis \(axis)")
        }
      }
    }
  }

  @Test("permuted copies rows whole when the last axis stays last, and equals the definition for every permutation")
  func permutations() {
    for shape in [[2, 3, 4], [3, 5, 2, 4], [4, 1, 3], [2, 0, 3], [6]] {
      let x = randomTensor(shape, seed: 51)
      for axes in Self.allPermutations(Array(0..<shape.count)) {
        #expect(
          Tensor.permutedValues(x.scalars, shape: shape, axes: axes)
            == Permutation.values(x.scalars, shape: shape, axes: axes), "\(shape) \(axes)")
      }
    }
  }

  private static func allPermutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.indices.flatMap { i in
      var rest = items
      let first = rest.remove(at: i)
      return allPermutations(rest).map { [first] + $0 }
    }
  }

  @Test("pow's values, the exponent's case chosen once, are Double.power of each value, bit for bit")
  func powers() {
    let x = Tensor([
      0, -0.0, 1, -1, 0.5, 3, -2.5, 1e-300, 1e300, .infinity, -.infinity, .nan, .leastNormalMagnitude / 3,
    ])
    for exponent in [0, 1, 2, 3, -1, 0.5, -0.5, 1.5, 4] {
      #expect(sameBits(x.powerValues(exponent), x.scalars.map { Double.power($0, exponent) }), "exponent \(exponent)")
    }
  }

  @Test("sum along the last axis (rows four at a time) adds each row from its first value to its last")
  func lastAxisSums() {
    for shape in [[5], [7, 5], [2, 3, 4], [3, 0], [0, 4], [9, 1]] {
      let x = randomTensor(shape, seed: 52)
      let width = shape.last!
      let rows = shape.dropLast().reduce(1, *)
      let expected = (0..<rows).map { row in (0..<width).reduce(0.0) { $0 + x.scalars[row * width + $1] } }
      #expect(sameBits(x.sum(axis: -1).scalars, expected), "\(shape)")
      #expect(x.sum(axis: -1, keepingAxis: true).shape == Array(shape.dropLast()) + [1])
    }
  }

  @Test("where's values: a where the condition is nonzero (NaN counts), b elsewhere, broadcast too")
  func selection() {
    let condition = Tensor([1, 0, .nan, -0.0, 2, 0])
    let (a, b) = (randomTensor([3, 6], seed: 53), randomTensor([3, 6], seed: 54))
    let expected = (0..<18).map { condition.scalars[$0 % 6] != 0 ? a.scalars[$0] : b.scalars[$0] }
    #expect(sameBits(Tensor.where(condition, a, b).scalars, expected))
    #expect(
      sameBits(
        Tensor.where(condition, a, Tensor(-.infinity)).scalars,
        expected.indices.map {
          condition.scalars[$0 % 6] != 0 ? a.scalars[$0] : -.infinity
        }))
  }

  /// Whether `inHalves` over `count` indices visited each exactly once.
  private static func visitsEachOnce(_ count: Int, nested: Bool = false) -> Bool {
    let marks = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { marks.deallocate() }
    marks.initialize(repeating: 0)
    let shared = UnsafeSendable(marks)
    inHalves(count) { range in
      if nested {  // each half splits its own range again: the inner calls find the thread in use
        inHalves(range.count) { inner in
          for i in inner { shared.value[range.lowerBound + i] += 1 }
        }
      } else {
        for i in range { shared.value[i] += 1 }
      }
    }
    return marks.allSatisfy { $0 == 1 }
  }

  @Test(
    "inHalves visits every index once: on the second thread, after it has gone to sleep, nested, and from many threads at once",
    .timeLimit(.minutes(1))  // a lost wake-up would hang
  )
  func halves() async {
    let count = 4 * parallelThreshold + 3
    #expect(Self.visitsEachOnce(count))
    try? await Task.sleep(for: .milliseconds(20))  // the second thread sleeps after a quarter of a millisecond
    #expect(Self.visitsEachOnce(count))
    #expect(Self.visitsEachOnce(count, nested: true))
    // Concurrent callers: one is served by the second thread, the others by libdispatch.
    let results = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<8 { group.addTask { (0..<50).allSatisfy { _ in Self.visitsEachOnce(count) } } }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results == Array(repeating: true, count: 8))
  }

  @Test("sum(): one chain below 2¹⁶ values; above, two halves of four interleaved partial sums, in that exact order")
  func blockedSum() {
    let small = randomTensor([blockedSumMinimum - 1], seed: 50)
    #expect(small.sum().item.bitPattern == small.scalars.reduce(0, +).bitPattern)
    for count in [blockedSumMinimum, blockedSumMinimum + 7] {
      let x = randomTensor([count], seed: 51).scalars
      // The order written out plainly: partial sums by i mod 4 within each half.
      func half(_ values: ArraySlice<Double>) -> Double {
        var s = [0.0, 0.0, 0.0, 0.0]
        for (offset, value) in values.enumerated() { s[offset % 4] += value }
        return (s[0] + s[1]) + (s[2] + s[3])
      }
      let expected = half(x[0..<(count / 2)]) + half(x[(count / 2)...])
      let got = Tensor(x).sum().item
      #expect(got.bitPattern == expected.bitPattern, "\(count) values")
      #expect(isClose(got, x.reduce(0, +), tolerance: 1e-9))
    }
  }

  @Test("a freed tensor's large array is reused by the next result of its size, and never one still in use")
  func bufferPool() {
    let count = pooledMinimum + 27  // a size no other test uses, so the pool's entry is this test's
    func address(_ t: Tensor) -> UnsafePointer<Double>? { t.scalars.withUnsafeBufferPointer { $0.baseAddress } }
    let x = randomTensor([count], seed: 47)
    var first: Tensor? = x.tanh()
    let freed = address(first!)
    first = nil  // back to the pool
    #expect(pooledArrays(ofCount: count) == 1)
    let second = x.exp()
    #expect(pooledArrays(ofCount: count) == 0 && address(second) == freed)
    #expect(sameBits(second.scalars, x.scalars.map(portableExp)))
    // An array that two tensors share (detached() and reshaped() share their values) stays out of
    // the pool when one of them is freed.
    var shared: Tensor? = x.sigmoid()
    let survivor = shared!.detached()
    let kept = survivor.scalars
    shared = nil
    #expect(pooledArrays(ofCount: count) == 0)
    // An array that the caller still holds goes to the pool, and is copied before it is written.
    let held = x.scalars.map { $0 * 3 }
    do { _ = Tensor(shape: [count], scalars: held) }  // made and freed at once
    #expect(pooledArrays(ofCount: count) == 1)
    let third = x * 2
    #expect(survivor.scalars == kept && held == x.scalars.map { $0 * 3 })
    #expect(sameBits(third.scalars, x.scalars.map { $0 * 2 }))
  }

  /// The `index`-th matrix of shape `shape` stored in `t`.
  func matrix(_ t: Tensor, _ index: Int, _ shape: [Int]) -> Tensor {
    let size = shape.reduce(1, *)
    return Tensor(shape: shape, scalars: Array(t.scalars[(index * size)..<((index + 1) * size)]))
  }

  @Test("in-place gradient sums equal the recorded sums, bit for bit, when a node is used many times")
  func gradientSums() {
    let x = randomTensor([3, 4], seed: 41)
    let w = randomTensor([4], seed: 42)
    x.requiresGrad = true
    w.requiresGrad = true
    func loss() -> Tensor {
      let h = (x * w).tanh()
      // h reaches the loss along four paths, x along five, w along four.
      return (h * h + h.sigmoid() * x + (h - x * 0.3).exp() + h / (w * w + 1)).sum()
    }
    loss().backward()
    let inPlace = (x.grad!.scalars, w.grad!.scalars)
    (x.grad, w.grad) = (nil, nil)
    loss().backward(createGraph: true)
    #expect(sameBits(inPlace.0, x.grad!.scalars) && sameBits(inPlace.1, w.grad!.scalars))
  }

  @Test("softmax and log-softmax rows equal the formulas as tensor operations, bit for bit, along every axis")
  func softmaxRows() {
    // Along the last axis rows go four at a time and the rest one by one: 7 rows are a group and
    // three single rows. The last shape is split between two threads.
    for shape in [[5], [3, 7], [2, 3, 4], [7, 9], [8, 64, 70]] {
      let x = randomTensor(shape, in: -20...20, seed: 43)
      if shape == [7, 9] {
        // Rows with −∞ (all of one row: NaN), +∞, NaN and both zeros, where max's order would show.
        let specials: [Double] = [-.infinity, .infinity, .nan, 0, -0.0]
        for (i, value) in specials.enumerated() { x.scalars[i * 10 % x.count] = value }
        for j in 0..<9 { x.scalars[9 * 5 + j] = -.infinity }
      }
      for axis in 0..<shape.count {
        let shifted = x - x.max(axis: axis, keepingAxis: true)
        let e = shifted.exp()
        let total = e.sum(axis: axis, keepingAxis: true)
        #expect(sameBits(x.softmax(axis: axis).scalars, (e / total).scalars), "softmax \(shape) axis \(axis)")
        #expect(
          sameBits(x.logSoftmax(axis: axis).scalars, (shifted - total.log()).scalars), "log \(shape) axis \(axis)")
      }
    }
  }
}
