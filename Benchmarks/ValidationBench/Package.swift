// swift-tools-version: 6.0
// Schema validation alone, on pre-parsed plans: the counterpart of `python_peer.py validate-only`.
// Run by Benchmarks/lint-bench.sh; kept out of the main package so everyday builds skip it.
import PackageDescription

let package = Package(
  name: "ValidationBench",
  dependencies: [.package(name: "mapc", path: "../..")],
  targets: [
    .executableTarget(
      name: "validation-bench",
      dependencies: [.product(name: "MapcLibraries", package: "mapc")]
    )
  ],
  swiftLanguageModes: [.v6]
)
