// BLASKernelTests.swift — the same book on every machine and in both modes: every chapter's
// text, JSON results, figure data and figure scripts, checked under each configuration that can
// change its bits.
//
// OpenBLAS picks its kernel by CPU (OPENBLAS_CORETYPE overrides the choice), but no chapter lets a
// product reach it: each computes every product in fixed order, and ChapterCommand stops a chapter
// in which one went to OpenBLAS or the tiled kernel. So the kernel cannot change a chapter, and
// one short chapter runs under every kernel as a canary. What can change the bits is checked for
// every chapter: glibc's exp, log, pow and cos, picked by CPU too (GLIBC_TUNABLES hides the
// CPU's FMA from it, so one machine stands in for an older one), and the reference mode
// (AUTOGRAD_MODE=reference: no fast path, no second thread, ExecutionMode.swift).

import Foundation
import Testing

/// One way of running a chapter: an OpenBLAS kernel (or the CPU's own choice), a thread count,
/// glibc's math with or without FMA, Autograd's fast paths or its reference mode.
struct BLASConfiguration: CustomTestStringConvertible, Sendable {
  /// The `OPENBLAS_CORETYPE` name, or nil for the kernel OpenBLAS picks for this CPU.
  var kernel: String? = nil
  var threads = 2
  /// Whether glibc is told the CPU has no AVX2, FMA or AVX-512, so it picks the math functions
  /// an older CPU would run.
  var withoutFMA = false
  /// Whether Autograd runs on its plain definitions alone.
  var reference = false

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = String(threads)
    environment["OPENBLAS_VERBOSE"] = "2"  // OpenBLAS then names the kernel it runs: "Core: Haswell"
    environment.removeValue(forKey: "OPENBLAS_CORETYPE")
    if let kernel { environment["OPENBLAS_CORETYPE"] = kernel }
    if withoutFMA { environment["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F" }
    environment["AUTOGRAD_MODE"] = reference ? "reference" : "fast"
    return environment
  }

  /// The configuration whose run also checks the figure scripts.
  var isDefault: Bool { kernel == nil && threads == 2 && !withoutFMA && !reference }

  var testDescription: String {
    "\(kernel ?? "this CPU's own kernel"), \(threads) thread\(threads == 1 ? "" : "s")"
      + (withoutFMA ? ", C library math without FMA" : "") + (reference ? ", reference mode" : "")
  }
}

/// The CPU's feature flags (`flags` on x86-64, `Features` on arm64), from /proc/cpuinfo.
let cpuFlags: Set<String> = {
  let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let line = info.split(separator: "\n").first { $0.hasPrefix("flags") || $0.hasPrefix("Features") }
  return Set((line?.split(separator: ":").last ?? "").split(separator: " ").map(String.init))
}()

/// The OpenBLAS kernels this CPU can run, each with the CPU flags it needs: on x86-64 the
/// families from SSE3 to AVX-512, on arm64 the generic ARMv8 kernel (every arm64 CPU has NEON).
let runnableKernels: [String] = {
  #if arch(x86_64)
    let kernels: [(String, Set<String>)] = [
      ("Prescott", ["pni"]), ("Core2", ["ssse3"]), ("Nehalem", ["sse4_2"]), ("Sandybridge", ["avx"]),
      ("Haswell", ["avx2", "fma"]), ("Zen", ["avx2", "fma"]),
      ("SkylakeX", ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]),
    ]
    return kernels.filter { $0.1.isSubset(of: cpuFlags) }.map(\.0)
  #elseif arch(arm64)
    return ["ARMV8"]
  #else
    return []
  #endif
}()

/// What every chapter runs under: as it is, with the C library's math for CPUs without FMA (on
/// an x86-64 CPU with FMA), and in the reference mode.
let chapterModes: [BLASConfiguration] = {
  var configurations = [BLASConfiguration(), BLASConfiguration(reference: true)]
  #if arch(x86_64) && os(Linux)
    if cpuFlags.contains("fma") { configurations.insert(BLASConfiguration(withoutFMA: true), at: 1) }
  #endif
  return configurations
}()

/// The canary: the shortest chapter under every OpenBLAS kernel this CPU runs, one thread each.
let kernelCanary = "03-losses"

/// Whether this OpenBLAS takes its kernel from OPENBLAS_CORETYPE (a DYNAMIC_ARCH build, as
/// Debian's is): asked once, by running the canary with the first kernel forced.
let openBLASHonoursCoreType: Bool = {
  guard let kernel = runnableKernels.first, let figures = try? temporaryDirectory() else { return false }
  defer { try? FileManager.default.removeItem(atPath: figures) }
  let run = try? runChapter(
    kernelCanary, ["--quiet", "--no-plot", "--figures-dir", figures],
    environment: BLASConfiguration(kernel: kernel, threads: 1).environment)
  return run?.stderr.contains("Core: \(kernel)") ?? false
}()

/// The configurations each chapter is checked under.
let chapterConfigurations: [(String, BLASConfiguration)] = chapterNames.flatMap { chapter in
  chapterModes.map { (chapter, $0) }
}

@Suite("The same book on every machine and in both modes", .bookCheck)
struct BLASKernelTests {
  @Test("text, JSON results, figure data and scripts", arguments: chapterConfigurations)
  func chapter(_ chapter: String, _ configuration: BLASConfiguration) throws {
    try check(chapter, under: configuration)
  }

  @Test(
    "the canary chapter under every OpenBLAS kernel this CPU runs",
    .enabled(if: openBLASHonoursCoreType, "OpenBLAS ignores OPENBLAS_CORETYPE (not a DYNAMIC_ARCH build)"),
    arguments: runnableKernels)
  func canary(_ kernel: String) throws {
    try check(kernelCanary, under: BLASConfiguration(kernel: kernel, threads: 1))
  }

  func check(_ chapter: String, under configuration: BLASConfiguration) throws {
    let figures = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: figures) }
    let run = try runChapter(
      chapter, ["--check-text", "--no-plot", "--figures-dir", figures], environment: configuration.environment)
    if let kernel = configuration.kernel {
      #expect(run.stderr.contains("Core: \(kernel)"), "OpenBLAS did not switch to \(kernel):\n\(run.stderr)")
    }
    #expect(run.status == 0, "under \(configuration.testDescription) the text and the program disagree:\n\(run.stderr)")
    // The data in every configuration; the scripts, which no configuration can change, once.
    let kinds = configuration.isDefault ? [".dat", ".gp"] : [".dat"]
    let written = try FileManager.default.contentsOfDirectory(atPath: figures)
    let files = written.filter { name in kinds.contains { name.hasSuffix($0) } }.sorted()
    let committedFiles = try FileManager.default.contentsOfDirectory(atPath: "\(packageRoot)/figures/\(chapter)")
    #expect(
      files == committedFiles.filter { name in kinds.contains { name.hasSuffix($0) } }.sorted(),
      "figure data or script files differ from figures/\(chapter)")
    for file in files {
      let committed = FileManager.default.contents(atPath: "\(packageRoot)/figures/\(chapter)/\(file)")
      #expect(
        committed == FileManager.default.contents(atPath: figures + "/" + file),
        "figures/\(chapter)/\(file) differs under \(configuration.testDescription) (or is stale: run make)")
    }
  }
}
