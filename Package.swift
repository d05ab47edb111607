// swift-tools-version: 6.1
// NeuralNotebook: the mathematics of neural networks, computed step by step.
import PackageDescription

/// The chapters, each an executable named after its folder in `chapters/`.
let chapters = [
  "00-tour",
  "01-activations",
  "02-forward-pass",
  "03-losses",
  "04-backprop",
  "05-gradient-descent",
  "06-attention",
  "07-cnn-and-lstm",
  "08-text-classifier",
  "09-training",
  "10-language-model",
  "11-images",
  "12-rewards",
  "13-large-models",
]

/// A chapter's executable: its Swift files in `chapters/NAME/`, its text beside them.
func chapterTarget(_ name: String) -> Target {
  .executableTarget(
    name: name,
    dependencies: [
      "Autograd", "Datasets", "Examples", "Notebook", "Plot",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    path: "chapters/\(name)",
    exclude: ["README.md", "results.json"]
  )
}

let package = Package(
  name: "NeuralNotebook",
  products: [
    .library(name: "Autograd", targets: ["Autograd"]),
    .executable(name: "bench", targets: ["bench"]),
  ] + chapters.map { .executable(name: $0, targets: [$0]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // `make docs`: Autograd's reference with DocC (swift package generate-documentation).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // OpenBLAS's C interface, found through pkg-config (Debian: libopenblas-dev).
    .systemLibrary(
      name: "COpenBLAS",
      path: "Sources/COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    // eˣ and tanh x on the widest vectors the CPU runs (C: Swift cannot pick a function's CPU target).
    .target(name: "CLanes", exclude: ["README.md"]),
    .target(name: "Autograd", dependencies: ["COpenBLAS", "CLanes"]),

    // gnuplot-iostream (a C++ header over Boost.Iostreams) behind a C function.
    .target(
      name: "CGnuplot",
      linkerSettings: [
        .linkedLibrary("boost_iostreams"), .linkedLibrary("boost_system"), .linkedLibrary("boost_filesystem"),
      ]
    ),
    // Figures: data, gnuplot scripts, rendering.
    .target(name: "Plot", dependencies: ["CGnuplot"]),
    // zlib's C interface (Debian: zlib1g-dev), which inflates the data sets' .gz files.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Data sets read from the system's files: Fashion-MNIST's gzip-compressed IDX files.
    .target(name: "Datasets", dependencies: ["CZlib"]),
    // Worked examples that several chapters share (the sources' 2-3-1 network).
    .target(name: "Examples", dependencies: ["Autograd"]),
    // Performance figures (swift run -c release bench); bench/compare.py runs the same in PyTorch/NumPy.
    .executableTarget(
      name: "bench",
      dependencies: [
        "Autograd", "COpenBLAS", "Examples", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "bench", exclude: ["compare.py", "RESULTS.md"]
    ),
    // Course exercises: each a function whose solution sits between BEGIN/END SOLUTION markers.
    .target(name: "Exercises"),
    // The notebook voice: terminal cells, the chapter command line, JSON, literate text.
    .target(
      name: "Notebook",
      dependencies: ["Autograd", "Plot", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),

    .testTarget(name: "AutogradTests", dependencies: ["Autograd", "CLanes", "Examples"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "CZlib"]),
    .testTarget(name: "ExercisesTests", dependencies: ["Exercises", "Autograd", "Examples"]),
    // Depends on the chapters so `swift test` builds the programs it runs.
    .testTarget(
      name: "NotebookTests", dependencies: ["Autograd", "Notebook", "Plot"] + chapters.map { .target(name: $0) }),
  ] + chapters.map(chapterTarget),
  cxxLanguageStandard: .cxx17
)
