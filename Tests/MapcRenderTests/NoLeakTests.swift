import MapcHistory
import MapcJSON
import MapcModel
import MapcRender
import Testing

/// Canary strings in every internal-only place: none may reach a buyer snapshot, all must
/// reach an internal one.
@Suite struct NoLeakTests {
  static let canaries = [
    "CANARY-TOP-NOTES", "CANARY-TOP-RISK", "CANARY-TOP-CUSTOM-KEY", "CANARY-TOP-CUSTOM-VALUE", "CANARY-TOP-NESTED",
    "CANARY-MILESTONE-NOTE", "CANARY-STAKEHOLDER-NOTE", "CANARY-BODY-SECTION", "CANARY-BODY-SUBSECTION",
    "CANARY-BODY-LOWERCASE-HEADING", "CANARY-BODY-LAST-SECTION", "987654321",
  ]

  static let plan = """
    ---
    map: 1
    id: canary-plan
    title: Canary plan
    buyer: Acme
    seller: Northwind
    value: A public value statement.
    go_live: 2027-03-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: champion, internal: CANARY-STAKEHOLDER-NOTE }
      - { id: sam, name: Sam Okoro, side: seller, role: account-executive }
    stages: [build, launch]
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: build
        owners: [dana, sam]
        due: 2026-12-01
        status: in-progress
        internal: CANARY-MILESTONE-NOTE
      - { id: launch, title: Launch, stage: launch, owners: [dana, sam], due: 2027-03-01, status: not-started }
    internal:
      amount: 987654321
      currency: USD
      notes: CANARY-TOP-NOTES
      risks: [CANARY-TOP-RISK]
      CANARY-TOP-CUSTOM-KEY: CANARY-TOP-CUSTOM-VALUE
      deeper: { level: { note: CANARY-TOP-NESTED } }
    ---

    ## Why now

    Public reasons.

    ## Negotiation notes (internal)

    CANARY-BODY-SECTION

    ### Redlines

    CANARY-BODY-SUBSECTION

    ## Public again

    Shown to the buyer.

    ## pricing (Internal)

    CANARY-BODY-LOWERCASE-HEADING

    # Last words (internal)

    CANARY-BODY-LAST-SECTION
    """

  func render(_ audience: SnapshotAudience) throws -> (page: String, index: String) {
    var e = DiffEntry(kind: .internalChanged)
    e.isInternal = true
    e.pointer = "/internal/notes"
    e.change = "changed"
    let history = SnapshotHistory(changes: (since: "v1", entries: [e]))
    let snapshot = try RenderFixtures.snapshot(Self.plan, audience: audience, history: history)
    let index = IndexPage(entries: [IndexPage.Entry(file: "canary-plan.html", snapshot: snapshot)], audience: audience, asOf: nil, branding: Branding())
    return (SnapshotPage(snapshot).render(), index.render())
  }

  @Test func buyerSnapshotCarriesNoInternalContent() throws {
    let (page, index) = try render(.buyer)
    for canary in Self.canaries {
      #expect(!page.contains(canary), "\(canary) leaked into the buyer snapshot")
      #expect(!index.contains(canary), "\(canary) leaked into the buyer index")
    }
    #expect(!page.contains("/internal/notes"), "an internal change leaked into 'what changed'")
    #expect(!page.contains("Internal"), "the buyer page mentions internal content")
    // The public parts around the internal sections are still there.
    #expect(page.contains("Public reasons."))
    #expect(page.contains("Shown to the buyer."))
  }

  @Test func internalSnapshotCarriesAllOfIt() throws {
    let (page, _) = try render(.internal)
    for canary in Self.canaries where canary != "987654321" {
      #expect(page.contains(canary), "\(canary) missing from the internal snapshot")
    }
    #expect(page.contains("987,654,321 USD"))
    #expect(page.contains("class=\"internal-banner\""))
    #expect(page.contains("/internal/notes"))
  }
}

/// Generated bodies: every CommonMark and GFM block kind, inside and around internal sections at
/// every heading level. Each block carries a unique token; a token of an internal block must not
/// reach the buyer HTML, and every token of a visible public block must.
@Suite struct GeneratedLeakTests {
  /// SplitMix64: a small deterministic generator, so that a failing case is reproducible from
  /// its seed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  }

  /// A generated body and what the model says about each token.
  struct Case {
    var markdown = ""
    /// Tokens that must not reach the buyer.
    var secret: [String] = []
    /// Tokens that must reach the buyer.
    var shown: [String] = []
  }

  /// Builds one body. The model: a heading ending with "(internal)" opens a section that runs to
  /// the next `#` heading of the same or a higher level (an underlined heading does not end it); a block quote or list holding such a heading
  /// is internal as a whole; raw HTML never reaches any page, so its token is only checked for
  /// the buyer.
  static func makeCase(seed: UInt64) -> Case {
    var g = Generator(state: seed)
    var c = Case()
    var n = 0
    func token(_ kind: String) -> String {
      n += 1
      return "tk\(kind)\(n)z"
    }
    var internalLevel: Int?
    var lastWasList = false
    var bullet = "*"
    var blocks: [String] = []
    var references: [(label: String, url: String, secret: Bool)] = []

    func record(_ t: String, secret: Bool, visible: Bool = true) {
      if secret { c.secret.append(t) } else if visible { c.shown.append(t) }
    }
    // Two lists in a row with the same bullet would be one list; task lists use "+".
    func nextBullet() -> String {
      bullet = bullet == "-" ? "*" : "-"
      return bullet
    }

    // A heading of `level`, internal or not, in one of the heading syntaxes.
    func heading(level: Int, isInternal: Bool) -> String {
      // Only a `#` heading ends an internal section; an underlined (setext) one stays in it.
      let setext = level <= 2 && g.chance(30)
      if !setext, let open = internalLevel, level <= open { internalLevel = nil }
      if internalLevel == nil, isInternal { internalLevel = level }
      let t = token("h")
      record(t, secret: internalLevel != nil)
      let marks = ["(internal)", "(Internal)", "(internal)\u{200B}", "(INTERNAL)"]
      let text = "Title \(t)" + (isInternal ? " " + marks[g.below(marks.count)] : "")
      if setext {
        return text + "\n" + String(repeating: level == 1 ? "=" : "-", count: 1 + g.below(5))
      }
      let hashes = String(repeating: "#", count: level)
      return hashes + " " + text + (g.chance(30) ? " " + String(repeating: "#", count: 1 + g.below(4)) : "")
    }

    // A block in the current section.
    func block() -> String? {
      let secret = internalLevel != nil
      let kind = g.below(16)
      let afterList = lastWasList
      // A skipped block leaves the list the last block.
      defer { lastWasList = kind == 6 || kind == 7 || kind == 12 || (kind == 4 && afterList) }
      switch kind {
      case 0:
        let t = token("p")
        record(t, secret: secret)
        return g.chance(50) ? "Paragraph \(t) text." : "First line \(t)\nsecond line."
      case 1:  // a paragraph right before a table: cmark-gfm reports line 0 for it
        let a = token("pt"), b = token("pt"), d = token("td")
        for t in [a, b, d] { record(t, secret: secret) }
        return "Floor \(a).\n\(b): approved.\n\nTiers:\n| tier | price |\n| ---- | ----- |\n| \(d) | 100k  |"
      case 2:
        let a = token("it"), b = token("td")
        for t in [a, b] { record(t, secret: secret) }
        return "Intro \(a):\n| a | b |\n|---|:-:|\n| \(b) | x |\n| y | z |"
      case 3:
        let t = token("fc")
        record(t, secret: secret)
        let fence = g.chance(50) ? "```" : "~~~"
        return "\(fence)\(g.chance(50) ? "swift" : "")\nlet x = \"\(t)\"\n\n# not a heading (internal)\n\(fence)"
      case 4:
        if afterList { return nil }  // indented code after a list continues the list
        let t = token("ic")
        record(t, secret: secret)
        return "    indented \(t)\n\n    # more code"
      case 5:
        let t = token("hb")
        record(t, secret: secret, visible: false)  // raw HTML is dropped everywhere
        return g.chance(50) ? "<div>\n\(t)\n</div>" : "<!--\n\(t)\n-->"
      case 6:
        let a = token("li"), b = token("li")
        // A list holding an internal heading is internal as a whole.
        let holds = g.chance(25)
        for t in [a, b] { record(t, secret: secret || holds) }
        let b0 = nextBullet()
        if holds {
          let h = token("lh")
          record(h, secret: true)
          return "\(b0) item \(a)\n\(b0) ## Notes \(h) (internal)\n  \(b)"
        }
        return "\(b0) item \(a)\n\(b0) item \(b)\n  continued"
      case 7:
        let a = token("ol")
        record(a, secret: secret)
        return "1. first \(a)\n2. second"
      case 8:
        let a = token("bq"), b = token("bq")
        let holds = g.chance(25)
        for t in [a, b] { record(t, secret: secret || holds) }
        if holds {
          let h = token("bh")
          record(h, secret: true)
          return "> \(a)\n>\n> ### Quote notes \(h) (internal)\n> \(b)"
        }
        return "> \(a)\n> > nested \(b)"
      case 9:  // a footnote (without the footnote extension: a paragraph and a reference)
        let a = token("fn"), b = token("fn")
        for t in [a, b] { record(t, secret: secret) }
        return "Claim \(a).[^\(a)]\n\n[^\(a)]: The note \(b)."
      case 10:  // a link reference definition, used from the public introduction
        let label = token("rl"), url = token("ru")
        references.append((label, "https://example.com/\(url)", secret))
        record(url, secret: secret)
        return "[\(label)]: https://example.com/\(url) \"Title\""
      case 11:
        return ["---", "***", "___", "- - -"][g.below(4)]
      case 12:  // a task list
        let a = token("tl")
        record(a, secret: secret)
        return "+ [ ] to do \(a)\n+ [x] done"
      case 13:  // a reference definition right before a setext heading, in one paragraph
        let label = token("rl"), url = token("ru")
        references.append((label, "https://example.com/\(url)", secret))
        record(url, secret: secret)
        let h = heading(level: 1 + g.below(2), isInternal: g.chance(40))
        return "[\(label)]: https://example.com/\(url)\n" + h
      case 14:  // inline content, links and images
        let a = token("in")
        record(a, secret: secret)
        return "Text with **\(a)** and [a link](https://example.com/x) and ![img](https://example.com/i.png)."
      default:  // a paragraph with a hard line break and a lazy quote continuation
        let a = token("lz"), b = token("lz")
        for t in [a, b] { record(t, secret: secret) }
        return "> quoted \(a)\nlazy \(b)"
      }
    }

    let sections = 2 + g.below(6)
    for _ in 0..<sections {
      let level = 1 + g.below(6)
      blocks.append(heading(level: level, isInternal: g.chance(45)))
      lastWasList = false
      for _ in 0..<(1 + g.below(4)) {
        if let b = block() { blocks.append(b) }
      }
    }
    // The introduction uses every reference: an internal one must not resolve for the buyer.
    let intro = "Introduction " + references.map { "[link][\($0.label)]" }.joined(separator: " ") + "."
    let separator = g.chance(20) ? "\n\n\n" : "\n\n"
    c.markdown = ([intro] + blocks).joined(separator: separator) + "\n"
    return c
  }

  @Test func noCanaryReachesTheBuyerAndEveryPublicBlockDoes() {
    var failures: [String] = []
    let cases = 3_000
    for seed in 0..<UInt64(cases) {
      let c = Self.makeCase(seed: seed)
      let body = MarkdownBody(markdown: c.markdown)
      let buyer = body.publicHTML
      let leaked = c.secret.filter { buyer.contains($0) }
      let missing = c.shown.filter { !buyer.contains($0) }
      if !leaked.isEmpty || !missing.isEmpty {
        failures.append("seed \(seed): leaked \(leaked), missing \(missing)\n\(c.markdown)\n---\n\(buyer)")
        if failures.count >= 3 { break }
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n=====\n"))")
  }

  /// The generator itself: it makes every kind of block, both public and internal.
  @Test func theGeneratorCoversEveryBlockKind() {
    var all = ""
    var secret = 0
    var shown = 0
    for seed in 0..<200 {
      let c = Self.makeCase(seed: UInt64(seed))
      all += c.markdown
      secret += c.secret.count
      shown += c.shown.count
    }
    for needle in ["```", "~~~", "\n    indented", "<div>", "\n> ", "\n- ", "\n1. ", "[^", "]: https://", "\n---", "| tier |", "\n===", "## ", "(internal)"] {
      #expect(all.contains(needle), "\(needle)")
    }
    #expect(secret > 1_000 && shown > 1_000)
  }
}
