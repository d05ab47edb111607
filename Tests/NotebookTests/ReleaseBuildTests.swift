// ReleaseBuildTests.swift — what must also hold in the optimized build that `make test` points
// NEURALNOTEBOOK_BIN at: long graphs are differentiated and freed without overflowing the stack
// (the debug build is checked in AutogradTests/LongGraphTests.swift).

import Foundation
import Testing

@Suite("The release build", .bookCheck)
struct ReleaseBuildTests {
  static let bench = productsDirectory + "/bench"

  @Test(
    "a 100 000-step chain and an 8 000-step LSTM are built, differentiated and freed (bench long_*)",
    .enabled(if: FileManager.default.isExecutableFile(atPath: bench), "bench is not built beside the chapters"))
  func longGraphs() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.bench)
    process.arguments = ["--only", "long_", "--seconds", "0.01", "--json"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    let results = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(Set(results?.keys.map { $0 } ?? []) == ["long_chain_100k", "long_lstm_8000"])
  }
}
