import JSONSchema
import MapcJSON
import MapcModel
import MapcYAML

/// The source map of one file's frontmatter, built on first use: most files have no findings
/// and never need it.
public final class LazySourceMap {
  private let yaml: String
  private let firstLine: Int
  private var built: YAMLSourceMap?

  public init(yaml: String, firstLine: Int) {
    self.yaml = yaml
    self.firstLine = firstLine
  }

  public var map: YAMLSourceMap {
    if let built { return built }
    let m = YAMLSourceMap(yaml: yaml, firstLine: firstLine)
    built = m
    return m
  }
}

extension YAMLSourceMap {
  /// Where to point for `pointer`: its key or its value, with the caret length; the nearest
  /// existing ancestor when the node is absent.
  public func place(_ p: JSONPointer, key: Bool) -> (SourcePosition?, Int) {
    if let entry = entry(for: p) {
      if key, let k = entry.key { return (k, p.last?.count ?? 1) }
      let len = entry.valueEnd.line == entry.value.line ? entry.valueEnd.column - entry.value.column : 1
      return (entry.value, len)
    }
    if let near = nearestEntry(for: p) { return (near.entry.key ?? near.entry.value, near.pointer.last?.count ?? 1) }
    return (nil, 1)
  }
}

/// One schema violation as a seller can act on it: what kind of problem, the YAML line and
/// column, the milestone or stakeholder concerned, and a help line. The linter gives each kind
/// its check code; the configuration loader reports it as a configuration error.
public struct SchemaDiagnostic: Sendable, Hashable {
  /// What is wrong, one kind per schema check of the linter (MAP020-MAP026).
  public enum Kind: Sendable, Hashable {
    case missingProperty, unknownProperty, wrongType, invalidValue, invalidFormat, outOfRange, schemaViolation
  }

  public var kind: Kind
  public var position: SourcePosition?
  /// How many characters to underline, at least 1.
  public var length: Int
  public var message: String
  public var help: String?
  /// The JSON pointer of the value concerned.
  public var pointer: JSONPointer?

  init(
    position: SourcePosition?, length: Int, check kind: Kind, message: String, help: String? = nil,
    pointer: JSONPointer?
  ) {
    self.kind = kind
    self.position = position
    self.length = max(1, length)
    self.message = message
    self.help = help
    self.pointer = pointer
  }
}

/// Turns JSON Schema validation errors into ``SchemaDiagnostic``s.
public enum SchemaDiagnostics {
  /// The diagnostics for `errors` of `value`, the YAML document `yaml` starting at file line `firstLine`.
  public static func diagnostics(
    for errors: [ValidationError], in value: JSONValue, yaml: String, firstLine: Int,
    documents: [String: JSONValue]
  ) -> [SchemaDiagnostic] {
    diagnostics(for: errors, in: value, map: LazySourceMap(yaml: yaml, firstLine: firstLine), documents: documents)
  }

  /// The diagnostics for `errors` of `value`, placed through `lazyMap`; duplicates dropped,
  /// and a typo's "missing intended key" left out.
  public static func diagnostics(
    for errors: [ValidationError], in value: JSONValue, map lazyMap: LazySourceMap,
    documents: [String: JSONValue]
  ) -> [SchemaDiagnostic] {
    let relevant = select(errors)
    guard !relevant.isEmpty else { return [] }
    let map = lazyMap.map
    var seen = Set<String>()
    var out: [SchemaDiagnostic] = []
    // A typo (`stauts`) also makes the intended key (`status`) missing: report the typo only.
    var typoTargets = Set<JSONPointer>()
    for error in relevant {
      if case .unexpectedProperty(let name, let allowed) = error.detail,
        let intended = DidYouMean.suggestion(for: name, among: allowed)
      {
        let object = error.instanceLocation.last == name ? (error.instanceLocation.parent ?? .root) : error.instanceLocation
        typoTargets.insert(object.appending(intended))
      }
    }
    // A date like `17/05/2027` fails both the `pattern` and the `format` of the schema's date:
    // one problem, so one finding, the pattern's (it names the property and carries the
    // schema's own description).
    let patternFailures = Set(relevant.compactMap { e -> JSONPointer? in
      if case .pattern = e.detail { return e.instanceLocation }
      return nil
    })
    for error in relevant {
      if case .required(let missing) = error.detail, typoTargets.contains(error.instanceLocation.appending(missing)) {
        continue
      }
      if case .format = error.detail, patternFailures.contains(error.instanceLocation) { continue }
      let f = diagnostic(for: error, value: value, map: map, documents: documents)
      let key = "\(f.pointer?.description ?? "")\u{0}\(f.kind)\u{0}\(f.message)"
      if seen.insert(key).inserted { out.append(f) }
    }
    return out
  }

  /// The errors worth showing: for `anyOf`/`oneOf` the combinator's own error stands for its
  /// branches; for other applicators (`$ref`, `allOf`, `properties`, `then`, ...) the specific
  /// errors below them stand for the applicator.
  static func select(_ errors: [ValidationError]) -> [ValidationError] {
    let alternatives = errors.filter { $0.keyword == "anyOf" || $0.keyword == "oneOf" }.map(\.keywordLocation)
    return errors.filter { e in
      if alternatives.contains(where: { e.keywordLocation.hasPrefix($0 + "/") }) { return false }
      if e.keyword == "anyOf" || e.keyword == "oneOf" { return true }
      guard case .combinator = e.detail else { return true }
      return !errors.contains { $0.keywordLocation.hasPrefix(e.keywordLocation + "/") }
    }
  }

  private static func diagnostic(
    for error: ValidationError, value: JSONValue, map: YAMLSourceMap, documents: [String: JSONValue]
  ) -> SchemaDiagnostic {
    let pointer = error.instanceLocation
    let context = contextPhrase(for: pointer, in: value)
    let name = displayName(of: pointer)
    let instance = value.value(at: pointer)
    func at(_ p: JSONPointer, key: Bool) -> (SourcePosition?, Int) { map.place(p, key: key) }

    switch error.detail {
    case .required(let missing):
      let (pos, len) = at(pointer, key: true)
      let what = pointer.isRoot ? "the plan" : (context ?? "`\(name)`")
      let description = propertyDescription(missing, error: error, documents: documents)
      return SchemaDiagnostic(
        position: pos, length: len, check: .missingProperty,
        message: "\(what) is missing the required property `\(missing)`",
        help: "add `\(missing):`" + (description.map { " (\($0))" } ?? ""), pointer: pointer.appending(missing))

    case .unexpectedProperty(let property, let allowed):
      let p = pointer.last == property ? pointer : pointer.appending(property)
      let (pos, len) = at(p, key: true)
      var help: String
      if let hint = flowCommaHint(property, in: p.parent, of: value) {
        help = hint
      } else if let s = DidYouMean.suggestion(for: property, among: allowed) {
        help = "did you mean `\(s)`?"
      } else if allowed.isEmpty {
        help = "remove it, or prefix it with `x-` to keep it as custom data"
      } else {
        help = "allowed here: " + allowed.joined(separator: ", ") + "; custom data goes under keys starting with `x-`"
      }
      let owner = p.parent.flatMap { contextPhrase(for: $0, in: value) }
      return SchemaDiagnostic(
        position: pos, length: len, check: .unknownProperty,
        message: "unknown property `\(property)`" + (owner.map { " in \($0)" } ?? ""), help: help, pointer: p)

    case .type(let expected, let actual):
      let (pos, len) = at(pointer, key: false)
      let wanted = expected.map(typePhrase).joined(separator: " or ")
      var help: String?
      if expected.contains("array"), actual != "array", let scalar = instance.map(scalarText) {
        help = "write a list, even for one item: `\(name): [\(scalar)]`"
      } else if expected.contains("string"), actual != "string" {
        help = "quote the value to make it text"
      }
      return SchemaDiagnostic(
        position: pos, length: len, check: .wrongType,
        message: "`\(name)`" + (context.map { " in \($0)" } ?? "") + " must be \(wanted), found \(typePhrase(actual))",
        help: help, pointer: pointer)

    case .enumeration(let allowed):
      let (pos, len) = at(pointer, key: false)
      let options = allowed.map(scalarText)
      let got = instance.map(scalarText) ?? "?"
      var help = "allowed: " + options.joined(separator: ", ")
      if let s = instance?.stringValue, let close = DidYouMean.suggestion(for: s, among: options) {
        help = "did you mean `\(close)`? " + help
      }
      return SchemaDiagnostic(
        position: pos, length: len, check: .invalidValue,
        message: "`\(got)` is not a valid `\(name)`" + (context.map { " in \($0)" } ?? ""), help: help, pointer: pointer)

    case .constant(let expected):
      let (pos, len) = at(pointer, key: false)
      return SchemaDiagnostic(
        position: pos, length: len, check: .invalidValue,
        message: "`\(name)` must be \(scalarText(expected))", help: nil, pointer: pointer)

    case .format(let format):
      let (pos, len) = at(pointer, key: false)
      let got = instance.map(scalarText) ?? "?"
      var reason = "is not a valid \(formatPhrase(format))"
      if format == "date", let impossible = impossibleDate(got) { reason = "is not a calendar date: \(impossible)" }
      return SchemaDiagnostic(
        position: pos, length: len, check: .invalidFormat,
        message: "`\(got)` \(reason)" + (context.map { " (`\(name)` in \($0))" } ?? ""),
        help: formatHelp(format), pointer: pointer)

    case .pattern(let pattern):
      let (pos, len) = at(pointer, key: false)
      let got = instance.map(scalarText) ?? "?"
      let description = propertyDescription(nil, error: error, documents: documents)
      return SchemaDiagnostic(
        position: pos, length: len, check: .invalidFormat,
        message: "`\(got)` is not a valid `\(name)`" + (context.map { " in \($0)" } ?? ""),
        help: description ?? "it must match the pattern `\(pattern)`", pointer: pointer)

    case .patternTooCostly(let pattern):
      let (pos, len) = at(pointer, key: error.keyword != "pattern")
      return SchemaDiagnostic(
        position: pos, length: len, check: .schemaViolation,
        message: "`\(name)`" + (context.map { " in \($0)" } ?? "")
          + ": the pattern `\(pattern)` is too costly to evaluate on this value",
        help: "simplify the pattern in the schema at \(error.absoluteKeywordLocation ?? error.keywordLocation): "
          + "nested quantifiers such as `(a+)+` and backreferences make matching exponential",
        pointer: pointer)

    case .uniqueItems(_, let duplicate):
      let (pos, len) = at(pointer.appending(duplicate), key: false)
      let item = instance?.arrayValue.flatMap { duplicate < $0.count ? scalarText($0[duplicate]) : nil } ?? "an item"
      return SchemaDiagnostic(
        position: pos, length: len, check: .outOfRange,
        message: "`\(name)` lists `\(item)` more than once" + (context.map { " in \($0)" } ?? ""),
        help: "remove the repeated item", pointer: pointer.appending(duplicate))

    case .bounds:
      let (pos, len) = at(pointer, key: false)
      return SchemaDiagnostic(
        position: pos, length: len, check: .outOfRange,
        message: "`\(name)`" + (context.map { " in \($0)" } ?? "") + ": \(error.message)", pointer: pointer)

    case .combinator, .falseSchema:
      let (pos, len) = at(pointer, key: false)
      return SchemaDiagnostic(
        position: pos, length: len, check: .schemaViolation,
        message: "`\(name)`" + (context.map { " in \($0)" } ?? "") + ": \(error.message)",
        help: "see the schema at \(error.absoluteKeywordLocation ?? error.keywordLocation)", pointer: pointer)
    }
  }

  /// "milestone `security-review`" for anything inside a milestone, likewise for stakeholders.
  static func contextPhrase(for pointer: JSONPointer, in value: JSONValue) -> String? {
    let t = pointer.tokens
    guard t.count >= 2, let index = JSONPointer.arrayIndex(t[1]) else { return nil }
    let kinds = ["milestones": "milestone", "stakeholders": "stakeholder", "objectives": "objective",
                 "documents": "document", "constraints": "constraint"]
    guard let kind = kinds[t[0]] else { return nil }
    if let id = value[t[0]]?.arrayValue.flatMap({ index < $0.count ? $0[index]["id"]?.stringValue : nil }) {
      return "\(kind) `\(id)`"
    }
    return "\(kind) #\(index + 1)"
  }

  /// The property name a pointer ends in, with a list index shown as `owners[2]`.
  static func displayName(of pointer: JSONPointer) -> String {
    var t = pointer.tokens
    guard let last = t.popLast() else { return "frontmatter" }
    if let i = JSONPointer.arrayIndex(last) {
      return (t.last ?? "item") + "[\(i)]"
    }
    return last
  }

  static func scalarText(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return s
    case .number(let n): return JSONWriter.format(n)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    default: return JSONWriter.compact.string(v)
    }
  }

  static func typePhrase(_ t: String) -> String {
    switch t {
    case "object": return "a mapping"
    case "array": return "a list"
    case "string": return "text"
    case "number": return "a number"
    case "integer": return "a whole number"
    case "boolean": return "true or false"
    case "null": return "empty"
    default: return t
    }
  }

  static func formatPhrase(_ f: String) -> String {
    switch f {
    case "date": return "date"
    case "date-time": return "date and time"
    case "email": return "email address"
    case "uri", "uri-reference": return "link"
    default: return f
    }
  }

  /// Why a `YYYY-MM-DD` string names no day ("February 2026 has 28 days"), or nil when it is
  /// not of that shape at all.
  static func impossibleDate(_ text: String) -> String? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    guard (1...12).contains(m) else { return "there is no month \(m)" }
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
    let days = CalendarDate.daysIn(month: m, year: y)
    return d < 1 || d > days ? "\(months[m - 1]) \(y) has \(days) days" : nil
  }

  static func formatHelp(_ f: String) -> String? {
    switch f {
    case "date": return "write a calendar date as YYYY-MM-DD, for example 2027-01-31"
    case "date-time": return "write an RFC 3339 date and time, for example 2027-01-31T09:00:00Z"
    case "email": return "write an address such as dana.ruiz@acme.example"
    case "uri", "uri-reference": return "write a full link such as https://example.com/doc"
    default: return nil
    }
  }

  /// The `description` of a property (the missing one, or the one that failed), read from the
  /// schema document the error came from, following one local `$ref`.
  static func propertyDescription(_ property: String?, error: ValidationError, documents: [String: JSONValue]) -> String? {
    guard let absolute = error.absoluteKeywordLocation, let hash = absolute.firstIndex(of: "#") else { return nil }
    let uri = String(absolute[..<hash])
    guard let doc = documents[uri], var pointer = JSONPointer(parsing: String(absolute[absolute.index(after: hash)...]).removingPercentEncoding)
    else { return nil }
    pointer.tokens.removeLast()  // the keyword itself
    if let property { pointer = pointer.appending("properties").appending(property) }
    guard var node = doc.value(at: pointer) else { return nil }
    if node["description"] == nil, let ref = node["$ref"]?.stringValue, ref.hasPrefix("#"),
      let target = JSONPointer(parsing: String(ref.dropFirst())), let resolved = doc.value(at: target)
    {
      node = resolved
    }
    // The first sentence is enough for a help line; `mapc explain` and the schema have the rest.
    guard let text = node["description"]?.stringValue else { return nil }
    return firstSentence(text)
  }

  /// Abbreviations whose period does not end a sentence ("e.g. `2027-03-01`").
  static let abbreviations: Set<String> = ["e.g", "i.e", "cf", "vs"]

  /// The first sentence of a description, without its final period: up to the first ". " that
  /// does not close an abbreviation such as "e.g.".
  static func firstSentence(_ text: String) -> String {
    var searchFrom = text.startIndex
    var end = text.endIndex
    while let r = text[searchFrom...].firstRange(of: ". ") {
      let before = text[..<r.lowerBound]
      let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map { $0.lowercased() } ?? ""
      let bare = word.drop { $0 == "(" || $0 == "`" || $0 == "\"" }
      if !abbreviations.contains(String(bare)) {
        end = r.lowerBound
        break
      }
      searchFrom = r.upperBound
    }
    let sentence = String(text[..<end])
    return sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
  }

  /// The hint for a comma inside a flow mapping: in `{ what: Holiday census peak, no rollouts }`
  /// the comma ends the value, and YAML reads `no rollouts` as a key without a value. Keys of a
  /// plan never hold a space, so a spaced key with no value after a text value is that mistake.
  static func flowCommaHint(_ property: String, in parent: JSONPointer?, of value: JSONValue) -> String? {
    guard property.contains(" "), let parent, let object = value.value(at: parent)?.objectValue,
      let index = object.position(of: property), object[index].value == .null, index > 0,
      let previous = object[index - 1].value.stringValue
    else { return nil }
    let key = object[index - 1].key
    return "a comma inside `{ … }` ends the value, so `\(property)` became a key: "
      + "quote the whole value, `\(key): \"\(previous), \(property)\"`"
  }
}

extension String {
  /// Percent-decoding for URI fragments (`%24defs` is `$defs`).
  var removingPercentEncoding: String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    var it = Array(utf8)[...]
    while let b = it.popFirst() {
      if b == UInt8(ascii: "%"), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
        bytes.append(v)
        it = it.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
