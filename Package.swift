// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "mapc",
  products: [
    .executable(name: "mapc", targets: ["mapc"]),
    // The libraries under the command, for tools and benchmarks built on them.
    .library(name: "MapcLibraries", targets: ["MapcJSON", "JSONSchema", "MapcYAML", "MapcModel", "MapcLint"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C libraries, from the system (Debian packages).
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),

    // JSON values, pointers, parsing and deterministic serialisation.
    .target(name: "MapcJSON"),
    // A general JSON Schema draft 2020-12 validator.
    .target(name: "JSONSchema", dependencies: ["MapcJSON"]),
    // YAML 1.2 (core schema) over libyaml, with source locations.
    .target(name: "MapcYAML", dependencies: ["CYAML", "MapcJSON"]),
    // Plan files: frontmatter, the plan model, the carried schemas.
    .target(name: "MapcModel", dependencies: ["MapcJSON", "MapcYAML"]),
    // Findings, the lint driver, configuration and reporters.
    .target(name: "MapcLint", dependencies: ["MapcJSON", "MapcYAML", "MapcModel", "JSONSchema"]),
    // The thin command-line front end: one file per subcommand.
    .executableTarget(
      name: "mapc",
      dependencies: [
        "MapcLint", "MapcModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .target(name: "MapcTestSupport", dependencies: ["MapcJSON"], path: "Tests/MapcTestSupport"),
    .testTarget(name: "MapcJSONTests", dependencies: ["MapcJSON", "MapcTestSupport"]),
    .testTarget(
      name: "JSONSchemaTests", dependencies: ["JSONSchema", "MapcJSON", "MapcTestSupport"], exclude: ["suite-skips.txt"]),
    .testTarget(name: "MapcYAMLTests", dependencies: ["MapcYAML", "MapcJSON", "MapcTestSupport"]),
    .testTarget(
      name: "MapcLintTests",
      dependencies: ["MapcLint", "MapcModel", "JSONSchema", "MapcJSON", "MapcTestSupport"]
    ),
    .testTarget(
      name: "EndToEndTests", dependencies: ["mapc", "MapcTestSupport", "MapcJSON", "JSONSchema"], exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
