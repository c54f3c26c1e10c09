// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "mapc",
  products: [
    .executable(name: "mapc", targets: ["mapc"]),
    // The libraries under the command, for tools and benchmarks built on them.
    .library(
      name: "MapcLibraries", targets: ["MapcJSON", "JSONSchema", "MapcYAML", "MapcModel", "MapcWorkspace", "MapcGit", "MapcHistory", "MapcLint",
        "MapcRender", "MapcSchedule", "MapcTemplates", "MapcPortfolio", "MapcExport",
      ]),
    // The fuzz targets' entry points, for the libFuzzer package in Fuzz/.
    .library(name: "MapcFuzzing", targets: ["MapcFuzzing"]),
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

    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),

    .systemLibrary(
      name: "CGit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),

    // JSON values, pointers, parsing and deterministic serialisation.
    .target(name: "MapcJSON"),
    // A general JSON Schema draft 2020-12 validator.
    .target(name: "JSONSchema", dependencies: ["MapcJSON"]),
    // YAML 1.2 (core schema) over libyaml, with source locations.
    .target(name: "MapcYAML", dependencies: ["CYAML", "MapcJSON"]),
    // Plan files: the one loader (bytes to frontmatter, YAML and the typed plan) and the plan model.
    .target(name: "MapcModel", dependencies: ["MapcJSON", "MapcYAML"]),
    // The repository mapc works in: configuration, plan discovery, today, the schema catalog
    // with the carried schemas, the version.
    .target(name: "MapcWorkspace", dependencies: ["MapcModel", "MapcYAML", "MapcJSON", "JSONSchema"]),
    // libgit2 under a small Swift wrapper that owns every pointer and checks every return code.
    .target(name: "MapcGit", dependencies: ["CGit2"]),
    // Plan history from git (first-parent, by plan and milestone id) and the slip analysis.
    .target(name: "MapcHistory", dependencies: ["MapcGit", "MapcModel", "MapcWorkspace", "MapcYAML", "MapcJSON"]),
    // HTML snapshots: the page, its charts, the Markdown body through cmark-gfm.
    .target(
      name: "MapcRender",
      dependencies: ["CCmarkGFM", "MapcModel", "MapcWorkspace", "MapcGit", "MapcYAML", "MapcJSON", "MapcHistory", "MapcPortfolio"]),
    // Business-day calendars and the schedule of a plan back from go-live; `--write` moves dates
    // in place through the YAML source map and checks the plan against the workspace's schemas.
    .target(name: "MapcSchedule", dependencies: ["MapcModel", "MapcJSON", "MapcYAML", "MapcWorkspace", "JSONSchema"]),
    // Plan templates (`*.map-template.md`): placeholders, due dates from go-live, `mapc new`,
    // `mapc template extract` (baselines from the history, internal body sections cut as snapshots
    // cut them) and the template list.
    .target(
      name: "MapcTemplates",
      dependencies: [
        "MapcModel", "MapcJSON", "MapcYAML", "MapcWorkspace", "MapcSchedule", "MapcHistory", "MapcGit", "MapcRender", "CCmarkGFM",
      ]),
    // The portfolio: one status per plan (band, forecast, last buyer activity) from one history
    // pass; what `mapc report` and `mapc export` stand on.
    .target(
      name: "MapcPortfolio", dependencies: ["MapcModel", "MapcWorkspace", "MapcHistory", "MapcSchedule", "MapcGit", "MapcJSON"]),
    // Checks, rules, findings, the lint driver and one reporter per format.
    .target(
      name: "MapcLint",
      dependencies: [
        "MapcJSON", "MapcYAML", "MapcModel", "MapcWorkspace", "JSONSchema", "MapcGit", "MapcHistory", "MapcSchedule", "MapcTemplates",
      ]),
    // CRM exports (CSV per RFC 4180 with Salesforce and HubSpot profiles, JSON) and calendar
    // feeds (RFC 5545) of plans, their milestones and their date moves.
    .target(
      name: "MapcExport", dependencies: ["MapcModel", "MapcJSON", "MapcWorkspace", "MapcGit", "MapcHistory", "MapcPortfolio"]),
    // The thin command-line front end: one file per subcommand.
    .executableTarget(
      name: "mapc",
      dependencies: [
        "MapcLint", "MapcModel", "MapcWorkspace", "MapcHistory", "MapcGit", "MapcRender", "MapcSchedule", "MapcTemplates", "MapcPortfolio",
        "MapcExport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // The fuzz targets' entry points (bytes in, a trap on a defect), built with libFuzzer by
    // Fuzz/Package.swift and replayed by MapcFuzzingTests; see Scripts/fuzz.sh.
    .target(
      name: "MapcFuzzing",
      dependencies: ["MapcLint", "MapcRender", "MapcModel", "MapcWorkspace", "MapcYAML", "MapcJSON", "JSONSchema"]),

    .target(name: "MapcTestSupport", dependencies: ["MapcJSON"], path: "Tests/MapcTestSupport"),
    .testTarget(name: "MapcJSONTests", dependencies: ["MapcJSON", "MapcTestSupport"]),
    .testTarget(
      name: "JSONSchemaTests", dependencies: ["JSONSchema", "MapcJSON", "MapcTestSupport"], exclude: ["suite-skips.txt"]),
    .testTarget(name: "MapcYAMLTests", dependencies: ["MapcYAML", "MapcJSON", "MapcTestSupport"]),
    .testTarget(name: "MapcGitTests", dependencies: ["MapcGit", "MapcTestSupport"]),
    .testTarget(name: "MapcModelTests", dependencies: ["MapcModel", "MapcJSON", "MapcYAML"]),
    .testTarget(
      name: "MapcHistoryTests",
      dependencies: ["MapcHistory", "MapcGit", "MapcModel", "MapcWorkspace", "MapcJSON", "MapcTestSupport"],
      exclude: ["Goldens"]),
    .testTarget(
      name: "MapcLintTests",
      dependencies: ["MapcLint", "MapcModel", "MapcWorkspace", "MapcHistory", "JSONSchema", "MapcJSON", "MapcTestSupport"]
    ),
    .testTarget(
      name: "MapcRenderTests",
      dependencies: ["MapcRender", "MapcModel", "MapcWorkspace", "MapcHistory", "MapcJSON", "MapcYAML", "MapcPortfolio", "MapcTestSupport"]),
    .testTarget(name: "MapcScheduleTests", dependencies: ["MapcSchedule", "MapcModel", "MapcJSON", "MapcYAML", "MapcTestSupport"]),
    .testTarget(
      name: "MapcPortfolioTests",
      dependencies: ["MapcPortfolio", "MapcModel", "MapcHistory", "MapcWorkspace", "MapcSchedule", "MapcJSON", "MapcTestSupport"]),
    .testTarget(name: "MapcFuzzingTests", dependencies: ["MapcFuzzing"]),
    .testTarget(
      name: "MapcTemplatesTests",
      dependencies: [
        "MapcTemplates", "MapcLint", "MapcModel", "MapcWorkspace", "MapcSchedule", "MapcJSON", "MapcTestSupport",
      ]),
    .testTarget(
      name: "MapcExportTests",
      dependencies: ["MapcExport", "MapcModel", "MapcJSON", "MapcHistory", "MapcPortfolio", "MapcWorkspace", "MapcTestSupport"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["mapc", "MapcTestSupport", "MapcJSON", "JSONSchema", "MapcWorkspace", "MapcModel"],
      exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
