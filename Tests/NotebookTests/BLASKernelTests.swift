// BLASKernelTests.swift — the same book on every machine: every chapter's text, JSON results and
// figure data, checked under each OpenBLAS kernel this CPU can run, with one and two threads, and
// with the C library's math functions in their variant for CPUs without fused multiply-add.
//
// OpenBLAS picks its kernel by CPU, and OPENBLAS_CORETYPE overrides the choice; glibc picks its
// exp, log, pow and cos by CPU too, and GLIBC_TUNABLES can hide the CPU's FMA from it. So one
// machine can stand in for many: a change that would make another CPU print other numbers fails here.

import Foundation
import Testing

/// One way of running OpenBLAS: a kernel (or the CPU's own choice) and a thread count.
struct BLASConfiguration: CustomTestStringConvertible, Sendable {
  /// The `OPENBLAS_CORETYPE` name, or nil for the kernel OpenBLAS picks for this CPU.
  let kernel: String?
  let threads: Int
  /// Whether glibc is told the CPU has no AVX2, FMA or AVX-512, so it picks the math functions
  /// an older CPU would run.
  var withoutFMA = false

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = String(threads)
    environment["OPENBLAS_VERBOSE"] = "2"  // OpenBLAS then names the kernel it runs: "Core: Haswell"
    environment.removeValue(forKey: "OPENBLAS_CORETYPE")
    if let kernel { environment["OPENBLAS_CORETYPE"] = kernel }
    if withoutFMA { environment["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F" }
    return environment
  }

  var testDescription: String {
    "\(kernel ?? "this CPU's own kernel"), \(threads) thread\(threads == 1 ? "" : "s")"
      + (withoutFMA ? ", C library math without FMA" : "")
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

/// Every kernel with two threads, the CPU's own kernel with one and with two, and (on an x86-64
/// CPU with FMA) the math library's code for CPUs without it.
let blasConfigurations: [BLASConfiguration] = {
  var configurations =
    [BLASConfiguration(kernel: nil, threads: 1), BLASConfiguration(kernel: nil, threads: 2)]
    + runnableKernels.map { BLASConfiguration(kernel: $0, threads: 2) }
  #if arch(x86_64) && os(Linux)
    if cpuFlags.contains("fma") { configurations.append(BLASConfiguration(kernel: nil, threads: 2, withoutFMA: true)) }
  #endif
  return configurations
}()

/// Whether this OpenBLAS takes its kernel from OPENBLAS_CORETYPE (a DYNAMIC_ARCH build, as
/// Debian's is): asked once, by running the shortest chapter with the first kernel forced.
let openBLASHonoursCoreType: Bool = {
  guard let kernel = runnableKernels.first, let figures = try? temporaryDirectory() else { return false }
  defer { try? FileManager.default.removeItem(atPath: figures) }
  let run = try? runChapter(
    "03-losses", ["--quiet", "--no-plot", "--figures-dir", figures],
    environment: BLASConfiguration(kernel: kernel, threads: 1).environment)
  return run?.stderr.contains("Core: \(kernel)") ?? false
}()

/// Chapters that compute every product in fixed order (`fixedOrderProductLimit = .max`) and stop
/// if any product went to OpenBLAS all the same (`openBLASProductCount`): no OpenBLAS kernel can
/// change them, so they run under the CPU's own kernel (one and two threads) and with the C
/// library's math without FMA, not under every kernel; chapter 10 takes 40 seconds a run.
let chaptersWithoutBLAS: Set<String> = ["10-language-model", "11-images"]

/// The configurations each chapter is checked under.
let chapterConfigurations: [(String, BLASConfiguration)] = chapterNames.flatMap { chapter in
  blasConfigurations.filter { !chaptersWithoutBLAS.contains(chapter) || $0.kernel == nil }.map { (chapter, $0) }
}

@Suite("The same book under every BLAS kernel", .bookCheck)
struct BLASKernelTests {
  @Test(
    "text, JSON results and figure data", .enabled(if: openBLASHonoursCoreType, "OpenBLAS ignores OPENBLAS_CORETYPE"),
    arguments: chapterConfigurations)
  func chapter(_ chapter: String, _ configuration: BLASConfiguration) throws {
    let figures = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: figures) }
    let run = try runChapter(
      chapter, ["--check-text", "--no-plot", "--figures-dir", figures], environment: configuration.environment)
    if let kernel = configuration.kernel {
      #expect(run.stderr.contains("Core: \(kernel)"), "OpenBLAS did not switch to \(kernel):\n\(run.stderr)")
    }
    #expect(run.status == 0, "under \(configuration.testDescription) the text and the program disagree:\n\(run.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: figures).filter { $0.hasSuffix(".dat") }.sorted()
    let committedFiles = try FileManager.default.contentsOfDirectory(atPath: "\(packageRoot)/figures/\(chapter)")
    #expect(
      files == committedFiles.filter { $0.hasSuffix(".dat") }.sorted(),
      "figure data files differ from figures/\(chapter)")
    for file in files {
      let committed = FileManager.default.contents(atPath: "\(packageRoot)/figures/\(chapter)/\(file)")
      #expect(
        committed == FileManager.default.contents(atPath: figures + "/" + file),
        "figures/\(chapter)/\(file) differs under \(configuration.testDescription) (or is stale: run make)")
    }
  }
}
