import CYAML
import MapcJSON
import MapcYAML
import Testing

/// A hand-run benchmark: `MAPC_YAML_BENCH=1 swift test -c release --scratch-path .build-yaml --filter MapcYAMLTests.Benchmark`.
///
/// Parses a realistic ~4.4 KB plan frontmatter 10,000 times with ``YAMLLoader`` and with a
/// bare libyaml event loop (parse and delete every event, nothing else), in the same run.
@Suite struct Benchmark {
  static let enabled = (getenv("MAPC_YAML_BENCH") != nil)

  static let frontmatter: String = {
    var y = """
      map: 1
      id: acme-data-platform
      title: Acme × Northwind — data platform rollout
      buyer: Acme Corp
      seller: Northwind Analytics
      value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
      objectives:
        - Consolidate 14 finance data sources into one governed platform
        - "Month-end close: 9 days → 3 days"
        - Self-serve reporting for regional controllers
      compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
      go_live: 2027-03-01
      value_date: 2027-06-01
      stakeholders:
        - { id: dana, name: Dana Ruiz, title: VP Finance, side: buyer, role: economic-buyer, decides: [budget] }
        - { id: sec, side: buyer, role: security-reviewer }          # a role, name not known yet
        - { id: lee, name: Lee Park, title: Controller, side: buyer, role: champion }
        - { id: sam, name: Sam Ortiz, title: Account Executive, side: seller, role: ae }
        - { id: kim, name: Kim Wu, title: Solutions Engineer, side: seller, role: se }
      stages: [discovery, validation, final-agreements, implementation, value]
      milestones:

      """
    let names = [
      "discovery-call", "requirements", "technical-validation", "executive-demo", "security-review",
      "legal-review", "signature", "go-live", "roi-review",
    ]
    for (i, name) in names.enumerated() {
      y += """
          - id: \(name)
            title: Outcome \(i + 1) agreed with the buyer team
            stage: final-agreements
            owners: [sec, sam]
            due: 2026-12-\(10 + i)
            status: in-progress
            risk: at-risk
            depends_on: [technical-validation]
            progress:
              - { on: 2026-11-20, note: Questionnaire sent }
              - on: 2026-11-27
                note: 'Follow-up call: two open items'

        """
    }
    y += """
      internal:
        amount: 180000
        probability: 0.6
        notes: CISO is skeptical; bring our CTO.

      """
    return y
  }()

  static func rawEventLoop(_ bytes: UnsafeRawBufferPointer) -> Int {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    defer {
      parser.deallocate()
      event.deallocate()
    }
    guard yaml_parser_initialize(parser) == 1, let base = bytes.baseAddress else { return -1 }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    var count = 0
    while yaml_parser_parse(parser, event) == 1 {
      count += 1
      let done = event.pointee.type == YAML_STREAM_END_EVENT
      yaml_event_delete(event)
      if done { break }
    }
    return count
  }

  /// Only the loader, for profiling: `MAPC_YAML_BENCH=1 perf record … --filter loaderOnly`.
  @Test(.enabled(if: Benchmark.enabled))
  func loaderOnly() {
    var sink = 0
    for _ in 0..<50_000 {
      if case .object(let o)? = YAMLLoader.load(Self.frontmatter).value { sink &+= o.count }
    }
    #expect(sink == 50_000 * 14)
  }

  @Test(.enabled(if: Benchmark.enabled))
  func loaderVersusRawEventLoop() throws {
    let text = Self.frontmatter
    let loaded = YAMLLoader.load(text)
    #expect(loaded.diagnostics.isEmpty)
    let value = try #require(loaded.value)
    let iterations = 10_000
    let clock = ContinuousClock()
    var sink = 0
    var bestRaw = Duration.seconds(1000)
    var bestLoad = Duration.seconds(1000)
    var bestMap = Duration.seconds(1000)
    for _ in 0..<5 {
      let raw = clock.measure {
        for _ in 0..<iterations {
          sink &+= text.utf8.withContiguousStorageIfAvailable { Self.rawEventLoop(UnsafeRawBufferPointer($0)) } ?? 0
        }
      }
      let load = clock.measure {
        for _ in 0..<iterations {
          if case .object(let o)? = YAMLLoader.load(text).value { sink &+= o.count }
        }
      }
      let map = clock.measure {
        for _ in 0..<iterations / 10 { sink &+= YAMLSourceMap(yaml: text).count }
      }
      bestRaw = min(bestRaw, raw)
      bestLoad = min(bestLoad, load)
      bestMap = min(bestMap, map)
    }
    func micros(_ d: Duration, _ n: Int) -> Double {
      Double(d.components.seconds) * 1e6 / Double(n) + Double(d.components.attoseconds) / 1e12 / Double(n)
    }
    let r = micros(bestRaw, iterations)
    let l = micros(bestLoad, iterations)
    let m = micros(bestMap, iterations / 10)
    print(
      "frontmatter \(text.utf8.count) bytes, \(value.objectValue?.count ?? 0) keys; best of 5 × \(iterations) docs:",
      "raw libyaml event loop \(r) µs/doc; YAMLLoader.load \(l) µs/doc (\(l / r)×); YAMLSourceMap \(m) µs/doc; sink \(sink)"
    )
  }
}
