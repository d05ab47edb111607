// bench — performance figures for the Autograd core: matrix products against raw OpenBLAS,
// training steps of two MLPs, attention forward + backward, chapter 11's CNN and LSTM steps, and one
// elementwise op.
//
// Each workload runs for at least `--seconds` (and at least 3 iterations); the figure is the
// median time of one iteration. `bench/compare.py` runs the same workloads in PyTorch and NumPy.

import ArgumentParser
import Autograd
import COpenBLAS
import Examples
import Foundation

/// One measured workload.
struct Measurement {
  let name: String
  let medianSeconds: Double
  let iterations: Int
  let sizes: [(String, Int)]
}

/// Runs `body` repeatedly for at least `seconds` and returns the median time of one run.
func measure(seconds: Double, minimumIterations: Int = 3, _ body: () -> Void) -> (median: Double, iterations: Int) {
  body()  // warm-up: first-touch allocations and BLAS thread start-up stay out of the figures
  var times: [Double] = []
  let start = DispatchTime.now().uptimeNanoseconds
  while times.count < minimumIterations || Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
    let t0 = DispatchTime.now().uptimeNanoseconds
    body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
  }
  times.sort()
  return (times[times.count / 2], times.count)
}

@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Median seconds per iteration of the Autograd core's workloads.")

  @Flag(help: "Print one JSON object keyed by workload name instead of a table.")
  var json = false

  @Option(help: "Minimum seconds to spend on each workload.")
  var seconds: Double = 1

  @Option(help: "Run only the workloads whose names contain this text.")
  var only: String?

  @Option(help: "Run only the workload of exactly this name (one process a workload, to measure its memory).")
  var workload: String?

  func validate() throws {
    if seconds <= 0 { throw ValidationError("--seconds must be positive, got \(seconds)") }
  }

  func run() throws {
    var results: [Measurement] = []
    // Each workload builds its data only when it is selected, so that a process running one
    // workload (`--workload`, for its memory) holds that workload's data alone.
    func add(_ name: String, _ sizes: [(String, Int)], _ build: () -> () -> Void) {
      if let only, !name.contains(only) { return }
      if let workload, name != workload { return }
      let (median, iterations) = measure(seconds: seconds, build())
      results.append(Measurement(name: name, medianSeconds: median, iterations: iterations, sizes: sizes))
    }
    var rng = SeededGenerator(seed: 10)
    // Autograd runs OpenBLAS on one thread and splits products itself; the raw dgemm figures are
    // OpenBLAS with the threads it starts with (one per core, or OPENBLAS_NUM_THREADS).
    let blasThreads = openblas_get_num_threads()

    for n in [64, 256, 1024] {
      add("matmul_\(n)", [("n", n)]) {
        let (a, b) = (Tensor.normal([n, n], using: &rng), Tensor.normal([n, n], using: &rng))
        return { _ = a.matmul(b) }
      }
      add("dgemm_\(n)", [("n", n)]) {
        let (a, b) = (Tensor.normal([n, n], using: &rng).scalars, Tensor.normal([n, n], using: &rng).scalars)
        var c = [Double](repeating: 0, count: n * n)
        return {
          openblas_set_num_threads(blasThreads)
          cblas_dgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n), 0, &c,
            Int32(n))
        }
      }
    }

    for (name, sizes, batch) in [("mlp_step", [64, 256, 256, 10], 128), ("small_mlp_step", [2, 16, 16, 1], 32)] {
      add(name, [("batch", batch)] + sizes.enumerated().map { ("width_\($0)", $1) }) {
        let model = MLP(sizes: sizes, activation: .tanh, using: &rng)
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.01)
        let x = Tensor.normal([batch, sizes[0]], using: &rng)
        let y = Tensor.normal([batch, sizes.last!], using: &rng)
        return { optimizer.step { meanSquaredError(predicted: model(x), expected: y) } }
      }
    }

    let (batch, heads, tokens, width) = (8, 4, 64, 32)
    add("attention_step", [("batch", batch), ("heads", heads), ("tokens", tokens), ("head_width", width)]) {
      let q = Tensor.normal([batch, heads, tokens, width], using: &rng, requiresGrad: true)
      let k = Tensor.normal([batch, heads, tokens, width], using: &rng, requiresGrad: true)
      let v = Tensor.normal([batch, heads, tokens, width], using: &rng, requiresGrad: true)
      return {
        for t in [q, k, v] { t.grad = nil }
        attention(query: q, key: k, value: v).output.sum().backward()
      }
    }

    // Chapter 10's GPT: one training step (forward, backward, clipping, AdamW) on a full batch of
    // 32 sequences of 16 tokens, every position predicted.
    add("gpt_step", [("batch", 32), ("tokens", 16), ("width", 32), ("heads", 4), ("layers", 2), ("vocabulary", 27)]) {
      let gpt = GPT(vocabulary: 27, context: 16, width: 32, heads: 4, layers: 2, using: &rng)
      let optimizer = AdamW(parameters: gpt.parameters, learningRate: 0.005, weightDecay: 0.01)
      let ids = (0..<32).map { _ in (0..<16).map { _ in rng.nextInt(in: 0..<27) } }
      let targets: [[Int?]] = (0..<32).map { _ in (0..<16).map { _ in rng.nextInt(in: 0..<27) } }
      return { optimizer.step(clippingGradientNorm: 1) { gpt.loss(ids, targets: targets) } }
    }

    // Chapter 11's models (article 003's listings) on a batch of 32 images of 28 × 28, one Adam
    // step each: forward, softmax cross-entropy, backward, update.
    add("conv_step", [("batch", 32), ("filters", 32), ("kernel", 3), ("side", 28)]) {
      let conv = Conv2D(channels: 1, filters: 32, kernel: (3, 3), using: &rng)
      let dense = Linear(inputs: 13 * 13 * 32, outputs: 10, using: &rng)
      let optimizer = Adam(parameters: conv.parameters + dense.parameters, epsilon: 1e-7)
      let x = Tensor.uniform([32, 28, 28, 1], in: 0...1, using: &rng)
      let labels = (0..<32).map { _ in rng.nextInt(in: 0..<10) }
      return {
        optimizer.step {
          let pooled = pool2d(conv(x).relu(), .max, size: (2, 2))  // [32, 13, 13, 32]
          return softmaxCrossEntropy(logits: dense(pooled.reshaped([32, -1])), labels: labels)
        }
      }
    }
    add("lstm_image_step", [("batch", 32), ("steps", 28), ("inputs", 28), ("hidden", 64), ("layers", 2)]) {
      let first = LSTMCell(inputs: 28, hidden: 64, using: &rng)
      let second = LSTMCell(inputs: 64, hidden: 64, using: &rng)
      let dense = Linear(inputs: 64, outputs: 10, using: &rng)
      let optimizer = Adam(parameters: first.parameters + second.parameters + dense.parameters, epsilon: 1e-7)
      let x = Tensor.uniform([32, 28, 28], in: 0...1, using: &rng)
      let labels = (0..<32).map { _ in rng.nextInt(in: 0..<10) }
      return {
        optimizer.step {
          let sequence = Tensor.concatenated(first.sequence(x).map { $0.hidden.unsqueezed(axis: 1) }, axis: 1)
          return softmaxCrossEntropy(logits: dense(second.sequence(sequence).last!.hidden), labels: labels)
        }
      }
    }

    add("elementwise_1M", [("elements", 1_000_000)]) {
      let x = Tensor.normal([1_000_000], using: &rng, requiresGrad: true)
      return {
        x.grad = nil
        x.tanh().sum().backward()
      }
    }

    // Long graphs: built, differentiated and freed each iteration. Freeing is part of the work
    // measured, and must not overflow the stack (Tensor's deinit releases the graph iteratively).
    add("long_chain_100k", [("steps", 100_000)]) {
      let start = Tensor(1.0, requiresGrad: true)
      return {
        start.grad = nil
        var y = start
        for _ in 0..<100_000 { y = y + start }  // y = 100 001·x
        y.backward()
      }
    }
    add("long_lstm_8000", [("steps", 8000), ("hidden", 4)]) {
      let lstm = LSTMCell(inputs: 1, hidden: 4, using: &rng)
      let sequence = Tensor.normal([1, 8000, 1], using: &rng)
      return {
        for p in lstm.parameters { p.grad = nil }
        lstm.sequence(sequence).last!.hidden.sum().backward()
      }
    }

    if json {
      var objects = results.map { r in
        let sizes = r.sizes.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return "\"\(r.name)\":{\"median_seconds\":\(r.medianSeconds),\"iterations\":\(r.iterations),\(sizes)}"
      }
      // With one workload, the process's own peak resident memory (the kernel's VmHWM for this
      // program's memory, which a parent's ru_maxrss would not give: it counts the parent's pages
      // copied at fork) tells what the workload holds; compare.py reads it.
      if workload != nil { objects.append("\"peak_resident_kib\":\(peakResidentKiB())") }
      print("{" + objects.joined(separator: ",") + "}")
    } else {
      let width = results.map(\.name.count).max() ?? 8
      print("workload".padding(toLength: width, withPad: " ", startingAt: 0) + "  median (ms)  iterations  sizes")
      for r in results {
        let sizes = r.sizes.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
        print(
          r.name.padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: "  %11.4f  %10d  ", r.medianSeconds * 1000, r.iterations) + sizes)
      }
    }
  }
}

/// This process's peak resident memory in KiB (VmHWM in /proc/self/status; 0 where there is none).
func peakResidentKiB() -> Int {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
  return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
