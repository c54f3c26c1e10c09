import MapcWorkspace
import MapcYAML

/// The checks built into mapc's reading of a plan: the file, its YAML, and the plan schema.
/// Rules about the practice of a good plan live in their own types and use codes from MAP100.
extension Check {
  public static let unreadableFile = Check(
    code: "MAP001", name: "unreadable-file", severity: .error,
    summary: "The file could not be read.",
    rationale: """
      mapc found the file but could not read it: no permission, a symbolic link, a FIFO or \
      device rather than a regular file, or a file removed while mapc ran. Nothing in it was \
      checked, so CI must not pass it silently. A path named on the command line that does not \
      exist is not a finding but a usage error (exit code 2), like any mistyped argument.
      """,
    triggering: [], nonTriggering: [Example(ExamplePlans.minimal)])

  public static let fileTooLarge = Check(
    code: "MAP002", name: "file-too-large", severity: .error,
    summary: "The file is larger than 5 MB.",
    rationale: """
      A plan is a few kilobytes of text. A file over 5 MB is almost certainly not a plan \
      (a pasted export, an attachment), and reading it would slow every lint run. Link large \
      documents from `documents` instead.
      """,
    triggering: [Example(content: .oversized(count: 5 * 1024 * 1024 + 1), pointsAt: [SourcePosition(line: 1, column: 1)])],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let binaryFile = Check(
    code: "MAP003", name: "binary-file", severity: .error,
    summary: "The file contains NUL bytes: it is binary, not a Markdown plan.",
    rationale: """
      Plans are UTF-8 text so that they can be reviewed line by line in pull requests. A file \
      with NUL bytes is binary (or UTF-16); mapc reports it rather than guessing.
      """,
    triggering: [Example(content: .bytes(Array("---\nmap: 1\n↓".utf8) + [0, 0, 1, 2] + Array("\n---\n".utf8)))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let invalidUTF8 = Check(
    code: "MAP004", name: "invalid-utf8", severity: .error,
    summary: "The file is not valid UTF-8.",
    rationale: """
      Plans are UTF-8. A stray byte from another encoding (Latin-1, Windows-1252) would turn \
      names into garbage in the buyer's snapshot. The finding points at the first bad byte.
      """,
    triggering: [
      Example(
        content: .bytes(
          Array(ExamplePlans.minimal.utf8.prefix(60)) + Array("↓".utf8) + [0xFF] + Array(ExamplePlans.minimal.utf8.dropFirst(60))))
    ],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let emptyFile = Check(
    code: "MAP005", name: "empty-file", severity: .error,
    summary: "The plan file is empty.",
    rationale: "An empty `.map.md` file is not a plan. Fill it in (`mapc new` will help) or delete it.",
    triggering: [Example("↓")], nonTriggering: [Example(ExamplePlans.minimal)])

  public static let missingFrontmatter = Check(
    code: "MAP006", name: "missing-frontmatter", severity: .error,
    summary: "The file does not start with YAML frontmatter.",
    rationale: """
      A plan's data (dates, owners, milestones) lives in YAML frontmatter that starts on the \
      very first line with `---`. Without it there is nothing to check or render.
      """,
    triggering: [Example("↓# Acme rollout\n\nJust notes, no frontmatter.\n")],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let unterminatedFrontmatter = Check(
    code: "MAP007", name: "unterminated-frontmatter", severity: .error,
    summary: "The frontmatter has no closing `---` line.",
    rationale: """
      Without the closing `---` line, the Markdown body would be read as YAML. Close the \
      frontmatter with a line holding only `---`.
      """,
    triggering: [Example("↓---\nmap: 1\nid: acme-rollout\n")],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let byteOrderMark = Check(
    code: "MAP008", name: "byte-order-mark", severity: .warning,
    summary: "The file starts with a UTF-8 byte order mark.",
    rationale: """
      Some editors on Windows add an invisible byte order mark. mapc ignores it, but other \
      tools (and some YAML parsers) trip over it. Save the file as UTF-8 without BOM.
      """,
    triggering: [Example("↓\u{FEFF}" + ExamplePlans.minimal)],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let yamlSyntax = Check(
    code: "MAP010", name: "yaml-syntax", severity: .error,
    summary: "The frontmatter is not valid YAML.",
    rationale: """
      The frontmatter must parse as YAML 1.2 before anything else can be checked. The finding \
      points where the parser gave up; the mistake is often just before it.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "title: Acme × Northwind rollout", with: "title: ↓\"Acme × Northwind rollout"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let tabIndentation = Check(
    code: "MAP011", name: "tab-indentation", severity: .error,
    summary: "A tab character is used for indentation in the frontmatter.",
    rationale: """
      YAML indents with spaces only; a tab makes the structure ambiguous and the parser \
      rejects it. Configure your editor to insert spaces in `.map.md` files.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "    title: Project kickoff", with: "↓\ttitle: Project kickoff"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let duplicateKey = Check(
    code: "MAP012", name: "duplicate-key", severity: .error,
    summary: "A key appears twice in the same mapping.",
    rationale: """
      When a key appears twice, one of the two values is silently lost, and which one \
      depends on the tool. mapc keeps the first and reports the second. Remove one of them.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "    due: 2027-01-11\n", with: "    due: 2027-01-11\n    ↓due: 2027-01-18\n"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let multipleDocuments = Check(
    code: "MAP013", name: "multiple-documents", severity: .error,
    summary: "The frontmatter holds more than one YAML document.",
    rationale: """
      A plan has exactly one frontmatter document. A `--- # comment` or `--- value` line inside \
      it starts a second document, which mapc would otherwise ignore.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "stages: [implementation, value]\n", with: "stages: [implementation, value]\n↓--- # a second document\nextra: true\n"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let aliasLimit = Check(
    code: "MAP014", name: "alias-limit", severity: .error,
    summary: "YAML aliases expand too far, or refer to themselves.",
    rationale: """
      Anchors and aliases (`&a`, `*a`) may be used, but their expansion is bounded so that a \
      small file cannot expand into gigabytes (the "billion laughs" attack).
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "stages: [implementation, value]\n",
          with: """
            stages: [implementation, value]
            x-a: &a [l, l, l, l, l, l, l, l, l, l]
            x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            x-d: &d [*c, *c, *c, *c, *c, *c, *c, ↓*c, *c, *c]
            x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]

            """))
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "stages: [implementation, value]\n", with: "stages: &stages [implementation, value]\nx-stages: *stages\n"))
    ])

  public static let nestingTooDeep = Check(
    code: "MAP015", name: "nesting-too-deep", severity: .error,
    summary: "The frontmatter nests deeper than 100 levels.",
    rationale: "A plan nests a few levels deep. Deeper nesting is a mistake or an attack on the parser.",
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "stages: [implementation, value]\n",
          with: "stages: [implementation, value]\nx-deep: " + String(repeating: "[", count: 99) + "↓[[" + String(repeating: "]", count: 101)
            + "\n"))
    ],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let unsupportedYAML = Check(
    code: "MAP016", name: "unsupported-yaml", severity: .error,
    summary: "The frontmatter uses a YAML feature plans do not support: a custom tag or a non-scalar key.",
    rationale: """
      Plan frontmatter is plain data that maps to JSON: keys are scalars and the only tags are \
      YAML's own (`!!str`, `!!int`, ...). Custom tags would mean different things to different tools.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "buyer: Acme Corp", with: "buyer: ↓!company Acme Corp"))],
    nonTriggering: [Example(ExamplePlans.minimal(replacing: "buyer: Acme Corp", with: "buyer: !!str Acme Corp"))])

  public static let missingProperty = Check(
    code: "MAP020", name: "missing-property", severity: .error,
    summary: "A required property is missing.",
    rationale: """
      The plan schema requires some properties, so that every plan can be checked, tracked for \
      slips and rendered: a milestone needs an id, a title, a stage, owners, a due date and a status.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "    due: 2027-01-11\n", with: "").replacing("  - id: kickoff", with: "  - ↓id: kickoff"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let unknownProperty = Check(
    code: "MAP021", name: "unknown-property", severity: .error,
    summary: "A property is not part of the plan format.",
    rationale: """
      Unknown keys are almost always typos (`stauts`, `go-live`), and a typo silently drops \
      the data it was meant to hold. Custom data is welcome under keys that start with `x-`.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "status: not-started", with: "↓stauts: not-started"))],
    nonTriggering: [Example(ExamplePlans.minimal(replacing: "buyer: Acme Corp", with: "buyer: Acme Corp\nx-crm-id: 0061a00000XyZ"))])

  public static let wrongType = Check(
    code: "MAP022", name: "wrong-type", severity: .error,
    summary: "A value has the wrong type (a string where a list is expected, ...).",
    rationale: """
      Each property has one shape. Owners, for example, are a list even when there is one \
      owner: `owners: [dana]`, not `owners: dana`.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: ↓dana"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let invalidValue = Check(
    code: "MAP023", name: "invalid-value", severity: .error,
    summary: "A value is not one of the allowed values.",
    rationale: """
      Statuses, risks, sides and roles come from fixed lists so that reports and snapshots can \
      group and colour them. The finding lists the allowed values and suggests the closest.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "status: not-started", with: "status: ↓not started"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let invalidFormat = Check(
    code: "MAP024", name: "invalid-format", severity: .error,
    summary: "A value does not have the required format (a date, an id, an email, a link).",
    rationale: """
      Dates are calendar dates written `YYYY-MM-DD` (2026-02-30 is reported: February 2026 \
      has 28 days), ids are kebab-case, emails are well-formed, links are http, https or mailto. mapc computes slips and renders timelines from these values, so they \
      must be exact.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2027-02-30"), caption: "a day February does not have"),
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓next friday"), caption: "not a date at all"),
    ],
    nonTriggering: [Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2028-02-29"), caption: "a leap day")])

  public static let outOfRange = Check(
    code: "MAP025", name: "out-of-range", severity: .error,
    summary: "A value is outside its allowed range (too short, too long, too few items, repeated items).",
    rationale: """
      Some values have limits: lists that must not be empty, strings that must not be blank, \
      lists whose items must be unique.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [dana, ↓dana]"))],
    nonTriggering: [Example(ExamplePlans.minimal)])

  public static let schemaViolation = Check(
    code: "MAP026", name: "schema-violation", severity: .error,
    summary: "The frontmatter breaks another constraint of the schema.",
    rationale: """
      A catch-all for schema constraints the other codes do not name (for example a value \
      that must match one of several shapes, in a team's own extension schema).
      """,
    triggering: [], nonTriggering: [Example(ExamplePlans.minimal)])

  /// Every built-in check, in code order.
  public static let builtin: [Check] = [
    unreadableFile, fileTooLarge, binaryFile, invalidUTF8, emptyFile, missingFrontmatter,
    unterminatedFrontmatter, byteOrderMark, yamlSyntax, tabIndentation, duplicateKey,
    multipleDocuments, aliasLimit, nestingTooDeep, unsupportedYAML, missingProperty,
    unknownProperty, wrongType, invalidValue, invalidFormat, outOfRange, schemaViolation, duplicatePlanID,
  ]

  /// Every check mapc knows, in code order: the built-in checks, then the rules.
  public static let all: [Check] = builtin + RuleRegistry.rules.map { $0.check }

  /// The check with this code (`MAP021`, any case) or name (`unknown-property`).
  public static func named(_ codeOrName: String) -> Check? {
    let key = codeOrName.lowercased()
    return all.first { $0.code.lowercased() == key || $0.name == key }
  }
}
