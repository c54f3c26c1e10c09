import MapcJSON
import MapcYAML
import Testing

@Suite struct SourceMapTests {
  static let plan = """
    map: 1
    id: acme
    milestones:
      - id: kickoff
        due: 2026-11-02
      - id: security-review
        title: "Security sign-off"
        due: 2026-12-18   # moved
        owners: [sec, sam]
    notes: |
      line one
      line two
    last: x
    """ + "\n"

  private func p(_ s: String) -> JSONPointer { JSONPointer(parsing: s)! }
  private func pos(_ l: Int, _ c: Int) -> SourcePosition { SourcePosition(line: l, column: c) }

  @Test func milestoneDue() throws {
    let map = YAMLSourceMap(yaml: Self.plan, firstLine: 2)
    let e = try #require(map.entry(for: p("/milestones/1/due")))
    #expect(e.key == pos(9, 5))
    #expect(e.value == pos(9, 10))
    #expect(e.valueEnd == pos(9, 20))
  }

  @Test func collectionsAndItems() throws {
    let map = YAMLSourceMap(yaml: Self.plan, firstLine: 2)
    let item = try #require(map.entry(for: p("/milestones/1")))
    #expect(item.key == nil)
    #expect(item.value == pos(7, 5))
    #expect(item.valueEnd == pos(10, 23))
    let owners = try #require(map.entry(for: p("/milestones/1/owners/1")))
    #expect(owners.value == pos(10, 19))
    let root = try #require(map.entry(for: .root))
    #expect(root.key == nil && root.value == pos(2, 1))
    let notes = try #require(map.entry(for: p("/notes")))
    #expect(notes.value == pos(11, 8))
    #expect(notes.valueEnd == pos(13, 11))
    #expect(map.entry(for: p("/milestones/2")) == nil)
  }

  @Test func nearestEntryForMissing() throws {
    let map = YAMLSourceMap(yaml: Self.plan, firstLine: 2)
    let found = try #require(map.nearestEntry(for: p("/milestones/0/owners")))
    #expect(found.pointer == p("/milestones/0"))
    #expect(found.entry.value == pos(5, 5))
    let deep = try #require(map.nearestEntry(for: p("/nope/a/b")))
    #expect(deep.pointer == .root)
    let exact = try #require(map.nearestEntry(for: p("/id")))
    #expect(exact.pointer == p("/id"))
  }

  @Test func escapedKeys() throws {
    let yaml = "links:\n  a/b: 1\n  c~d: 2\n  ~: 3\n"
    let map = YAMLSourceMap(yaml: yaml)
    let slash = try #require(map.entry(for: p("/links/a~1b")))
    #expect(slash.key == pos(2, 3))
    #expect(slash.value == pos(2, 8))
    let tilde = try #require(map.entry(for: p("/links/c~0d")))
    #expect(tilde.key == pos(3, 3))
    #expect(map.entry(for: JSONPointer(["links", "~"]))?.key == pos(4, 3))
    let value = YAMLLoader.load(yaml).value
    #expect(value?.value(at: p("/links/a~1b")) == .number(1))
  }

  @Test func duplicateKeysMapTheFirst() throws {
    let map = YAMLSourceMap(yaml: "a: {x: 1}\na: {x: 2, y: 3}\n")
    #expect(map.entry(for: p("/a/x"))?.value == pos(1, 8))
    #expect(map.entry(for: p("/a/y")) == nil)
  }

  @Test func aliasesAndFlow() throws {
    let map = YAMLSourceMap(yaml: "base: &b {x: [1, 2]}\ncopy: *b\n")
    #expect(map.entry(for: p("/base"))?.valueEnd == pos(1, 21))
    #expect(map.entry(for: p("/copy"))?.value == pos(2, 7))
    #expect(map.nearestEntry(for: p("/copy/x/0"))?.pointer == p("/copy"))
  }

  @Test func brokenInputIsBestEffort() {
    let map = YAMLSourceMap(yaml: "a: 1\nb: [\n  c: d: e\n", firstLine: 4)
    #expect(map.entry(for: p("/a"))?.value == pos(4, 4))
    #expect(map.nearestEntry(for: p("/zzz"))?.pointer == .root)
    #expect(YAMLSourceMap(yaml: "").entry(for: .root)?.value == pos(1, 1))
  }

  @Test func agreesWithLoaderOnEveryPointer() throws {
    let value = try #require(YAMLLoader.load(Self.plan).value)
    let map = YAMLSourceMap(yaml: Self.plan)
    var pending: [(JSONPointer, JSONValue)] = [(.root, value)]
    var seen = 0
    while let (pointer, v) = pending.popLast() {
      #expect(map.entry(for: pointer) != nil, "\(pointer)")
      seen += 1
      switch v {
      case .array(let items): for (i, item) in items.enumerated() { pending.append((pointer.appending(i), item)) }
      case .object(let o): for (k, item) in o { pending.append((pointer.appending(k), item)) }
      default: break
      }
    }
    #expect(seen == map.count)
  }
}
