// FigureWriter.swift — writes a figure's data and script, then has gnuplot draw it.

import CGnuplot
import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// How a figure's picture came out.
public enum RenderStatus: Equatable, Sendable {
  /// gnuplot drew `NAME.png` and `NAME.svg`.
  case rendered
  /// Drawing was turned off (`--no-plot`); data and script were written.
  case skipped
  /// gnuplot is not installed; data and script were written.
  case gnuplotMissing
  /// gnuplot stopped at an error, did not finish in time, or left no complete picture: why.
  case failed(String)
}

/// The files of one figure and how rendering went.
public struct FigureOutput: Sendable {
  public let name: String
  public let dataPath: String
  public let scriptPath: String
  public let pngPath: String
  public let svgPath: String
  public let status: RenderStatus
}

/// Writes figures into one folder (`figures/NN-topic/`): `NAME.dat`, `NAME.gp`, and, when
/// gnuplot is there, `NAME.png` and `NAME.svg`.
public struct FigureWriter: Sendable {
  /// The folder the figures go to.
  public let directory: String
  /// Whether to run gnuplot at all.
  public let render: Bool
  /// The gnuplot program found on `PATH`, or nil.
  public let gnuplot: String?
  /// How long gnuplot may take over one figure before it is stopped.
  public let timeout: Double

  /// - Parameters:
  ///   - directory: created if missing.
  ///   - render: false to write only data and scripts.
  ///   - searchPath: where to look for gnuplot (the `PATH` environment variable by default).
  ///   - timeout: seconds gnuplot may take over one figure.
  public init(directory: String, render: Bool = true, searchPath: String? = nil, timeout: Double = 30) {
    self.directory = directory
    self.render = render
    self.timeout = timeout
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
    gnuplot = path.split(separator: ":").map { "\($0)/gnuplot" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// How to get the pictures when gnuplot is missing: one line for the reader.
  public var installHint: String {
    "gnuplot was not found, so \(directory) has each figure's data (.dat) and script (.gp) but no pictures. "
      + "Install it (apt-get install gnuplot-nox), then run `make` again or `cd \(directory) && gnuplot NAME.gp`."
  }

  /// Writes `NAME.dat` and `NAME.gp`, then renders them unless rendering is off or gnuplot is missing.
  public func write(_ figure: some Figure) throws -> FigureOutput {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let base = (directory as NSString).appendingPathComponent(figure.name)
    try figure.data().write(toFile: base + ".dat", atomically: true, encoding: .utf8)
    try figure.script().write(toFile: base + ".gp", atomically: true, encoding: .utf8)
    let status: RenderStatus
    if !render {
      status = .skipped
    } else if let gnuplot {
      // Old pictures go first, so that only this run's can count as drawn.
      for path in [base + ".png", base + ".svg"] { try? FileManager.default.removeItem(atPath: path) }
      status = Self.complete(
        Self.run(gnuplot: gnuplot, directory: directory, script: figure.name + ".gp", timeout: timeout),
        png: base + ".png", svg: base + ".svg")
    } else {
      status = .gnuplotMissing
    }
    return FigureOutput(
      name: figure.name, dataPath: base + ".dat", scriptPath: base + ".gp", pngPath: base + ".png",
      svgPath: base + ".svg", status: status)
  }

  /// Runs one script with gnuplot (through gnuplot-iostream) from `directory`.
  static func run(gnuplot: String, directory: String, script: String, timeout: Double) -> RenderStatus {
    var message = [CChar](repeating: 0, count: 8192)
    let status = nn_gnuplot_render(gnuplot, directory, script, timeout, &message, message.count)
    let bytes = message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    switch status {
    case NN_GNUPLOT_OK: return .rendered
    case NN_GNUPLOT_TIMED_OUT:
      return .failed(
        "gnuplot did not finish \((directory as NSString).appendingPathComponent(script)) within "
          + "\(String(format: "%g", timeout)) s and was stopped (--gnuplot-timeout sets the limit)")
    case NN_GNUPLOT_SCRIPT_ERROR:
      return .failed("gnuplot stopped in \((directory as NSString).appendingPathComponent(script)):\n\(text)")
    default: return .failed("gnuplot could not run: \(text)")
    }
  }
}

extension FigureWriter {
  /// `.rendered` only if both pictures are there and whole: a PNG from its signature to its IEND
  /// chunk, an SVG that parses as XML and closes its `<svg>` (a full disk truncates files, and a
  /// broken gnuplot can report success without drawing).
  static func complete(_ status: RenderStatus, png: String, svg: String) -> RenderStatus {
    guard status == .rendered else { return status }
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    let end: [UInt8] = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]  // "IEND" and its CRC
    guard let pngBytes = FileManager.default.contents(atPath: png).map(Array.init),
      pngBytes.starts(with: signature), pngBytes.suffix(8).elementsEqual(end)
    else { return .failed("gnuplot said it drew \(png), but the file is missing or incomplete") }
    guard let svgData = FileManager.default.contents(atPath: svg), XMLParser(data: svgData).parse(),
      String(decoding: svgData, as: UTF8.self).contains("</svg>")
    else { return .failed("gnuplot said it drew \(svg), but the file is missing or not complete XML") }
    return .rendered
  }
}
