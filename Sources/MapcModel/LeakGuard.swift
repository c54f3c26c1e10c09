import MapcJSON

/// The last check before a buyer-facing output is written: no internal content of the plans
/// involved occurs in it.
///
/// Every buyer output (a snapshot, the index, `diff --audience buyer` in every format) is
/// checked by one of these; a hit is a bug in mapc, and the output is not written (the caller
/// throws the ``Leak``, which ends the command with exit code 2).
///
/// **What counts as internal**: the typed internal content of each plan — the values and key
/// names of the top-level `internal` (``Plan/internalNotes``), the `internal` note of each
/// milestone and stakeholder — and the text of the internal body sections the caller adds.
/// Each value is cut into lines; a line is a *needle* when it holds at least
/// ``minimumLength`` characters after trimming and is not a bare `YYYY-MM-DD` date. Shorter
/// strings ("USD", "yes", a short amount) and dates occur by chance in any page (as-of dates,
/// chart ticks), so guarding them would stop legitimate output; eight characters is about the
/// shortest note that says something ("Budget cut"), and a whole line has to match.
///
/// **What does not count**: a needle that also occurs in public content — the plan's public
/// frontmatter (``PublicContent/frontmatter(_:)``), its public body and whatever else the
/// caller names public (branding, the file path) — or that occurs in the same output rendered
/// from the public content alone (`publicRendering`: mapc's own words, dates and history),
/// which is asked for only when something matched.
///
/// **Where it looks**: the output as written and decoded for its format (HTML character
/// references; Markdown backslash escapes and references; JSON string escapes), so an escaped
/// copy of a note is found as well as a raw one.
///
/// **Cost**: linear. All needles are searched at once with one ``SubstringMatcher``
/// (Aho–Corasick): building it costs the needles' total length, each scan the text's length,
/// whatever the number of needles.
public struct LeakGuard: Sendable {
  /// The syntax of an output, for the decoded views checked besides the raw text.
  public enum Format: String, Sendable, CaseIterable {
    case html, markdown, json, text
  }

  /// Internal content found in a buyer output: which plan, which place, which output.
  public struct Leak: Error, Sendable, CustomStringConvertible {
    /// The plan, as named to the guard (its path).
    public var plan: String
    /// Where in the plan the content is ("internal note of milestone `kickoff`").
    public var place: String
    /// The output it was found in ("the buyer snapshot").
    public var output: String

    /// The message, naming the plan and the place but never the content itself.
    public var message: String { "\(place) of \(plan) found in \(output); nothing was written" }

    /// What to do about it.
    public var help: String {
      "this is a bug in mapc: internal content must never reach a buyer output; please report it (the internal audience is not affected)"
    }

    public var description: String { message }
  }

  /// The fewest characters (after trimming) a line of internal content needs to be guarded.
  public static let minimumLength = 8

  /// The environment variable through which tests plant a canary: its value counts as internal
  /// content of every plan guarded, and is never public. For tests only: it can make mapc
  /// refuse an output, never write more.
  public static let canaryVariable = "MAPC_LEAK_GUARD_CANARY"

  private struct Needle: Sendable {
    var text: String
    var plan: String
    var place: String
    /// A test canary: neither public content nor the public rendering excuses it.
    var alwaysInternal = false
  }

  private var needles: [Needle] = []
  private var publicTexts: [String] = []

  public init() {}

  /// Adds the internal content of `plan` as needles and its public frontmatter as public
  /// content; `name` names the plan in messages.
  public mutating func add(_ plan: Plan, frontmatter: JSONValue?, name: String) {
    if let notes = plan.internalNotes {
      // The internal object with the path to each value, keys included (a custom key name is
      // content the selling team wrote too).
      var stack: [(value: JSONValue, path: String)] = [(notes.content, "internal")]
      while let (value, path) = stack.popLast() {
        switch value {
        case .string(let s): addNeedles(s, plan: name, place: "internal field `\(path)`")
        case .number(let n): addNeedles(JSONWriter.format(n), plan: name, place: "internal field `\(path)`")
        case .bool, .null: continue
        case .array(let items):
          for (i, item) in items.enumerated().reversed() { stack.append((item, "\(path)[\(i)]")) }
        case .object(let object):
          for member in object.reversed() {
            stack.append((member.value, "\(path).\(member.key)"))
            addNeedles(member.key, plan: name, place: "internal field name `\(path).\(member.key)`")
          }
        }
      }
    }
    for m in plan.milestones {
      guard let note = m.internalNote else { continue }
      addNeedles(note, plan: name, place: "internal note of milestone `\(m.id ?? "#\(m.index + 1)")`")
    }
    for s in plan.stakeholders {
      guard let note = s.internalNote else { continue }
      addNeedles(note, plan: name, place: "internal note of stakeholder `\(s.id ?? "#\(s.index + 1)")`")
    }
    if let frontmatter { PublicContent.texts(of: PublicContent.frontmatter(frontmatter)) { publicTexts.append($0) } }
  }

  /// Adds the text of a plan's internal body sections, one string per section.
  public mutating func addInternalBody(_ sections: [String], plan name: String) {
    for (i, text) in sections.enumerated() { addNeedles(text, plan: name, place: "internal body section \(i + 1)") }
  }

  /// Adds text that is public: a plan's public body, the branding, a path.
  public mutating func addPublic(_ text: String) {
    if !text.isEmpty { publicTexts.append(text) }
  }

  /// Plants the test canary of `environment` (``canaryVariable``) in plan `name`, when set.
  public mutating func addTestCanary(from environment: [String: String], plan name: String) {
    guard let canary = environment[Self.canaryVariable], !canary.isEmpty else { return }
    needles.append(Needle(text: canary, plan: name, place: "the test canary (\(Self.canaryVariable))", alwaysInternal: true))
  }

  /// Adds everything `other` guards (for an output that shows several plans, like the index).
  public mutating func merge(_ other: LeakGuard) {
    needles += other.needles
    publicTexts += other.publicTexts
  }

  /// The number of needles (lines of internal content) guarded, before public content is taken out.
  public var needleCount: Int { needles.count }

  private mutating func addNeedles(_ text: String, plan: String, place: String) {
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      let trimmed = line.trimmingCharacters()
      guard trimmed.count >= Self.minimumLength else { continue }
      if trimmed.utf8.count == 10, CalendarDate(String(trimmed)) != nil { continue }
      needles.append(Needle(text: String(trimmed), plan: plan, place: place))
    }
  }

  /// Throws when internal content occurs in `output`, an output of `format` described as
  /// `name` ("the buyer snapshot"). `publicRendering` renders the same output from the public
  /// content alone; it is called only when a needle matched, to rule out text that mapc or the
  /// public content produce anyway.
  public func check(_ output: String, format: Format, name: String, publicRendering: () -> String) throws(Leak) {
    guard !needles.isEmpty else { return }
    // One needle per distinct text, the first place named; a canary anywhere stays a canary.
    var firstOf: [String: Int] = [:]
    var distinct: [Needle] = []
    for needle in needles {
      if let i = firstOf[needle.text] {
        distinct[i].alwaysInternal = distinct[i].alwaysInternal || needle.alwaysInternal
      } else {
        firstOf[needle.text] = distinct.count
        distinct.append(needle)
      }
    }
    let matcher = SubstringMatcher(distinct.map(\.text))
    let isPublic = matcher.occurring(in: publicTexts)
    var hits = matcher.occurring(in: Self.views(of: output, format))
    for i in distinct.indices where hits[i] && isPublic[i] && !distinct[i].alwaysInternal { hits[i] = false }
    guard hits.contains(true) else { return }
    let producedAnyway = matcher.occurring(in: Self.views(of: publicRendering(), format))
    for i in distinct.indices where hits[i] && producedAnyway[i] && !distinct[i].alwaysInternal { hits[i] = false }
    guard let first = hits.firstIndex(of: true) else { return }
    throw Leak(plan: distinct[first].plan, place: distinct[first].place, output: name)
  }

  // MARK: - Views of an output

  /// The output as written, and decoded as its format decodes it.
  static func views(of output: String, _ format: Format) -> [String] {
    switch format {
    case .html: return [output, decodeCharacterReferences(output)]
    case .markdown: return [output, decodeCharacterReferences(removingBackslashEscapes(output))]
    case .json: return [output, decodeJSONEscapes(output)]
    case .text: return [output]
    }
  }

  /// The text of an HTML fragment: each tag becomes a line break (so text runs stay apart),
  /// character references are decoded.
  public static func text(ofHTML html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count)
    var inTag = false
    for ch in html.unicodeScalars {
      if inTag {
        if ch == ">" { inTag = false }
      } else if ch == "<" {
        inTag = true
        out.unicodeScalars.append("\n")
      } else {
        out.unicodeScalars.append(ch)
      }
    }
    return decodeCharacterReferences(out)
  }

  /// HTML with its character references decoded and its tags kept (attribute values read as a
  /// browser reads them).
  public static func decodedHTML(_ html: String) -> String { decodeCharacterReferences(html) }

  /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references decoded;
  /// anything else left as it is. A reference is at most 32 bytes, so the pass is linear; it
  /// works on UTF-8 bytes, as pages are large.
  static func decodeCharacterReferences(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "&") else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var end = i + 1
      while end < bytes.count, end - i <= 32, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&") { end += 1 }
      if end < bytes.count, bytes[end] == UInt8(ascii: ";"),
        let decoded = reference(String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
      {
        out.append(contentsOf: String(decoded).utf8)
        i = end + 1
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func reference(_ name: String) -> Unicode.Scalar? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return "\u{A0}"
    default: break
    }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value: UInt32?
    if digits.first == "x" || digits.first == "X" {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits, radix: 10)
    }
    return value.flatMap { Unicode.Scalar($0) }
  }

  private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

  /// Markdown's backslash escapes of ASCII punctuation removed.
  static func removingBackslashEscapes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    var out = String.UnicodeScalarView()
    var escaped = false
    for ch in text.unicodeScalars {
      if escaped {
        if !Self.asciiPunctuation.contains(ch) { out.append("\\") }
        out.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else {
        out.append(ch)
      }
    }
    if escaped { out.append("\\") }
    return String(out)
  }

  /// JSON string escapes decoded (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`
  /// with surrogate pairs); a malformed escape is left as it is.
  static func decodeJSONEscapes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    func hex(at start: Int) -> UInt32? {
      guard start + 4 <= scalars.count else { return nil }
      return UInt32(String(String.UnicodeScalarView(scalars[start..<(start + 4)])), radix: 16)
    }
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "\\", i + 1 < scalars.count else {
        out.append(scalars[i])
        i += 1
        continue
      }
      let next = scalars[i + 1]
      switch next {
      case "\"", "\\", "/": out.append(next)
      case "b": out.append("\u{8}")
      case "f": out.append("\u{C}")
      case "n": out.append("\n")
      case "r": out.append("\r")
      case "t": out.append("\t")
      case "u":
        guard let high = hex(at: i + 2) else {
          out.append(scalars[i])
          i += 1
          continue
        }
        if (0xD800...0xDBFF).contains(high), i + 7 < scalars.count, scalars[i + 6] == "\\", scalars[i + 7] == "u",
          let low = hex(at: i + 8), (0xDC00...0xDFFF).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        {
          out.append(scalar)
          i += 12
          continue
        }
        out.append(Unicode.Scalar(high) ?? "\u{FFFD}")
        i += 6
        continue
      default:
        out.append(scalars[i])
        i += 1
        continue
      }
      i += 2
    }
    return String(out)
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> Substring {
    var s = self
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return s
  }
}
