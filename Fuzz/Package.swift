// swift-tools-version: 6.0
// The libFuzzer harnesses, a package of their own so that the ordinary `swift build` and its
// explicit-import check never see `-sanitize=fuzzer`. Build and run one with
// `Scripts/fuzz.sh TARGET SECONDS`; the work each does is in MapcFuzzing (Sources/MapcFuzzing).
import PackageDescription

let harnesses = ["FuzzLint", "FuzzRender", "FuzzYAML", "FuzzSchema"]

let package = Package(
  name: "mapc-fuzz",
  products: harnesses.map { .executable(name: $0, targets: [$0]) },
  dependencies: [.package(name: "mapc", path: "..")],
  targets: harnesses.map { .executableTarget(name: $0, dependencies: [.product(name: "MapcFuzzing", package: "mapc")]) },
  swiftLanguageModes: [.v6]
)
