import JSONSchema
import MapcJSON
import MapcTestSupport
import Testing

/// Issue 13, rows 7 and 13: patterns that make a backtracking engine exponential, and
/// `uniqueItems` over strings that Swift's canonical-equivalence hashing puts in one bucket.
/// Before the fixes each of these ran for tens of seconds or more.
@Suite struct BoundedEvaluationTests {
  enum Outcome: Sendable { case valid, invalid, tooCostly }

  static let hostile = String(repeating: "a", count: 25) + "!"

  @Test(arguments: [
    ("^(a+)+$", hostile, Outcome.invalid),
    ("^(a|a)*$", hostile, .invalid),
    ("^(a|aa)+$", hostile, .invalid),
    ("^(a*)*b$", hostile, .invalid),
    ("^(?:a+)+$", String(repeating: "a", count: 5_000) + "!", .invalid),
    ("^(a+)+$", String(repeating: "a", count: 25), .valid),
    ("(a+)+!", hostile, .valid),
    ("^([a-z]+\\s?)+$", String(repeating: "word ", count: 20) + "!", .invalid),
    ("\\b(a+)+\\bb", hostile, .invalid),
    ("(?=(a+)+$)", hostile, .tooCostly),
    // Backtracking finds this one's (empty) match within the budget.
    ("(a*)*\\1", hostile, .valid),
    ("^(a+)+\\1$", hostile, .tooCostly),
    ("(?<=(a+)+)!x", hostile, .tooCostly),
  ])
  func catastrophicPatternsFinishFast(pattern: String, input: String, expected: Outcome) throws {
    let schema = try Schema(.object(JSONObject([("pattern", .string(pattern))])))
    var result = ValidationResult(isValid: true, errors: [])
    let seconds = TestSupport.seconds { result = schema.validate(.string(input)) }
    #expect(seconds < 3, "\(pattern) took \(seconds) s")
    switch expected {
    case .valid:
      #expect(result.isValid, "\(result.errors)")
    case .invalid:
      #expect(!result.isValid)
      #expect(result.errors.map(\.message) == ["must match the pattern \(pattern)"])
    case .tooCostly:
      #expect(!result.isValid)
      #expect(
        result.errors.map(\.message) == [
          "the pattern \(pattern) is too costly to evaluate on this value (over 100,000 backtracking steps); simplify the pattern"
        ])
    }
    // The fast path (no error output) gives the same verdict.
    #expect(schema.isValid(.string(input)) == (expected == .valid))
  }

  /// A property name that is too costly to test against `patternProperties` is reported on
  /// that property rather than silently matched or skipped.
  @Test func costlyPatternPropertiesAreReported() throws {
    let schema = try Schema(
      .object(JSONObject([("patternProperties", .object(JSONObject([("(?=(a+)+$)", .bool(true))])))])))
    var result = ValidationResult(isValid: true, errors: [])
    let seconds = TestSupport.seconds { result = schema.validate(.object(JSONObject([(Self.hostile, .number(1))]))) }
    #expect(seconds < 3)
    #expect(!result.isValid)
    #expect(result.errors.first?.keyword == "patternProperties")
    #expect(result.errors.first?.instanceLocation == JSONPointer([Self.hostile]))
    #expect(result.errors.first?.message.contains("too costly to evaluate") == true)
  }

  /// Ordinary backreference and lookaround patterns still answer.
  @Test(arguments: [
    ("^(\\w+)\\s\\1$", "hey hey", true), ("^(\\w+)\\s\\1$", "hey you", false), ("(?<=\\$)\\d+", "$42", true),
    ("^(?!foo)\\w+$", "foobar", false), ("^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefg1", true),
    ("^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefgh", false),
  ])
  func backtrackingPatternsStillWork(pattern: String, input: String, expected: Bool) throws {
    let schema = try Schema(.object(JSONObject([("pattern", .string(pattern))])))
    #expect(schema.isValid(.string(input)) == expected)
  }

  // MARK: uniqueItems and code-point equality (row 13)

  /// `é` written 17 times, each either precomposed (U+00E9) or as `e` + U+0301: 2^17 spellings,
  /// all canonically equivalent, all different to JSON Schema.
  static func spelling(_ n: Int) -> String {
    var s = ""
    for bit in 0..<17 { s += (n >> bit) & 1 == 1 ? "\u{E9}" : "e\u{301}" }
    return s
  }

  @Test func uniqueItemsIsLinearOverCanonicallyEquivalentStrings() throws {
    let schema = try Schema(.object(JSONObject([("uniqueItems", .bool(true))])))
    var items = (0..<40_000).map { JSONValue.string(Self.spelling($0)) }
    var result = ValidationResult(isValid: false, errors: [])
    var seconds = TestSupport.seconds { result = schema.validate(.array(items)) }
    #expect(result.isValid)
    #expect(seconds < 4, "\(seconds) s")
    items.append(items[12_345])
    seconds = TestSupport.seconds { result = schema.validate(.array(items)) }
    #expect(result.errors.map(\.message) == ["items 12345 and 40000 are equal; items must be unique"])
    #expect(seconds < 4, "\(seconds) s")
    // Objects whose keys differ only by spelling are different too.
    let objects = (0..<20_000).map { JSONValue.object(JSONObject([(Self.spelling($0), .number(1))])) }
    seconds = TestSupport.seconds { #expect(schema.isValid(.array(objects))) }
    #expect(seconds < 4, "\(seconds) s")
    #expect(!schema.isValid(.array(objects + [objects[7]])))
  }

  static let composed = "caf\u{E9}"
  static let decomposed = "cafe\u{301}"

  /// Nine declared names (so the properties keyword looks names up in a table) and more than
  /// sixteen members (so the instance object is indexed).
  static let filler = (0..<17).map { ("p\($0)", JSONValue.number(0)) }

  @Test(arguments: [
    // `properties` declares the composed name; the decomposed one is another property.
    (
      JSONValue.object(JSONObject([
        ("properties", .object(JSONObject([(composed, .bool(false))] + (0..<9).map { ("n\($0)", JSONValue.bool(true)) }))),
      ])), JSONValue.object(JSONObject([(decomposed, .number(1))])), true
    ),
    (
      .object(JSONObject([
        ("properties", .object(JSONObject([(composed, .bool(false))] + (0..<9).map { ("n\($0)", JSONValue.bool(true)) }))),
      ])), .object(JSONObject([(composed, .number(1))])), false
    ),
    // `required` is not met by the other spelling, in a small object or an indexed one.
    (.object(JSONObject([("required", .array([.string(composed)]))])), .object(JSONObject([(decomposed, .number(1))])), false),
    (
      .object(JSONObject([("required", .array([.string(composed)]))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(1))] + filler)), false
    ),
    (
      .object(JSONObject([("required", .array([.string(composed)]))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(1)), (composed, .number(2))] + filler)), true
    ),
    // `dependentRequired` is triggered only by the exact name.
    (
      .object(JSONObject([("dependentRequired", .object(JSONObject([(composed, .array([.string("x")]))])))])),
      .object(JSONObject([(decomposed, .number(1))])), true
    ),
    (
      .object(JSONObject([("dependentRequired", .object(JSONObject([(composed, .array([.string("x")]))])))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(1))] + filler)), true
    ),
    // `const` and `enum` compare objects key by key, by code points.
    (
      .object(JSONObject([("const", .object(JSONObject(uniqueMembers: [(composed, .number(1)), (decomposed, .number(2))])))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(2)), (composed, .number(1))])), true
    ),
    (
      .object(JSONObject([("const", .object(JSONObject(uniqueMembers: [(composed, .number(1)), (decomposed, .number(2))])))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(1)), (composed, .number(2))])), false
    ),
    (
      .object(JSONObject([("enum", .array([.object(JSONObject(uniqueMembers: [(composed, .number(1))] + filler))]))])),
      .object(JSONObject(uniqueMembers: [(decomposed, .number(1))] + filler)), false
    ),
    (.object(JSONObject([("const", .string(composed))])), .string(decomposed), false),
    // An evaluated name does not make its other spelling evaluated.
    (
      .object(JSONObject([("properties", .object(JSONObject([(composed, .bool(true))]))), ("unevaluatedProperties", .bool(false))])),
      .object(JSONObject(uniqueMembers: [(composed, .number(1)), (decomposed, .number(2))])), false
    ),
    (.object(JSONObject([("uniqueItems", .bool(true))])), .array([.string(composed), .string(decomposed)]), true),
  ])
  func namesAndValuesCompareByCodePoints(schema: JSONValue, instance: JSONValue, valid: Bool) throws {
    let compiled = try Schema(schema)
    #expect(compiled.isValid(instance) == valid)
    #expect(compiled.validate(instance).isValid == valid)
  }
}
