// swift-tools-version: 6.1
// NeuralNotebook: the mathematics of neural networks, computed step by step.
import PackageDescription

let package = Package(
  name: "NeuralNotebook",
  products: [
    .library(name: "Autograd", targets: ["Autograd"])
  ],
  targets: [
    // OpenBLAS's C interface, found through pkg-config (Debian: libopenblas-dev).
    .systemLibrary(
      name: "COpenBLAS",
      path: "Sources/COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .target(name: "Autograd", dependencies: ["COpenBLAS"]),
    .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
  ]
)
