import JSONSchema
import MapcJSON
import Testing

@Suite struct ErrorOutputTests {
  static let schemaText = #"""
    {
      "$id": "https://mapc.dev/schemas/test.schema.json",
      "type": "object",
      "required": ["title", "milestones"],
      "properties": {
        "title": {"type": "string"},
        "status": {"enum": ["on-track", "at-risk", "off-track"]},
        "milestones": {"type": "array", "items": {"$ref": "#/$defs/milestone"}},
        "owner": {"anyOf": [{"type": "string"}, {"type": "null"}]}
      },
      "additionalProperties": false,
      "$defs": {
        "milestone": {
          "type": "object",
          "required": ["id", "due"],
          "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
            "due": {"type": "string", "format": "date"}
          }
        }
      }
    }
    """#

  private func errors(_ instance: String, assertFormat: Bool = false) throws -> [ValidationError] {
    let schema = try Schema(try JSONParser.parse(Self.schemaText), options: ValidationOptions(assertFormat: assertFormat))
    let result = schema.validate(try JSONParser.parse(instance))
    #expect(result.isValid == result.errors.isEmpty)
    #expect(schema.isValid(try JSONParser.parse(instance)) == result.isValid)
    return result.errors
  }

  @Test func validInstanceHasNoErrors() throws {
    #expect(try errors(#"{"title": "t", "milestones": [{"id": "a", "due": "2026-01-01"}]}"#).isEmpty)
  }

  @Test func requiredTypeEnumAndUnknownProperty() throws {
    let found = try errors(#"{"title": 3, "status": "late", "stauts": 1}"#)
    #expect(found.map(\.message) == [
      "missing required property 'milestones'",
      "expected string, found number",
      "must be one of: on-track, at-risk, off-track",
      "unknown property 'stauts'",
    ])
    #expect(found[0].detail == .required(missing: "milestones"))
    #expect(found[0].keywordLocation == "/required")
    #expect(found[1].instanceLocation.description == "/title")
    #expect(found[1].keywordLocation == "/properties/title/type")
    #expect(found[1].detail == .type(expected: ["string"], actual: "number"))
    #expect(found[3].instanceLocation.description == "/stauts")
    #expect(found[3].detail == .unexpectedProperty(name: "stauts", allowed: ["milestones", "owner", "status", "title"]))
    #expect(found[3].absoluteKeywordLocation == "https://mapc.dev/schemas/test.schema.json#/additionalProperties")
  }

  @Test func locationsThroughRef() throws {
    let found = try errors(#"{"title": "t", "milestones": [{"id": "Bad Id", "due": "2026-13-01"}]}"#, assertFormat: true)
    #expect(found.count == 2)
    #expect(found[0].keywordLocation == "/properties/milestones/items/$ref/properties/id/pattern")
    #expect(found[0].absoluteKeywordLocation == "https://mapc.dev/schemas/test.schema.json#/$defs/milestone/properties/id/pattern")
    #expect(found[0].instanceLocation.description == "/milestones/0/id")
    #expect(found[0].detail == .pattern(pattern: "^[a-z0-9][a-z0-9-]*$"))
    #expect(found[1].keyword == "format")
    #expect(found[1].detail == .format(name: "date"))
    #expect(found[1].message == "'2026-13-01' is not a valid date")
  }

  @Test func formatIsAnAnnotationByDefault() throws {
    #expect(try errors(#"{"title": "t", "milestones": [{"id": "a", "due": "not a date"}]}"#).isEmpty)
  }

  @Test func anyOfReportsItselfThenBranches() throws {
    let found = try errors(#"{"title": "t", "milestones": [], "owner": 5}"#)
    #expect(found.map(\.keywordLocation) == ["/properties/owner/anyOf", "/properties/owner/anyOf/0/type", "/properties/owner/anyOf/1/type"])
    #expect(found[0].detail == .combinator)
  }

  @Test func deterministicOrder() throws {
    let text = #"{"b": 1, "a": 2, "title": 1}"#
    let first = try errors(text)
    for _ in 0..<5 { #expect(try errors(text) == first) }
  }

  @Test func uniqueItemsAndBounds() throws {
    let schema = try Schema(try JSONParser.parse(#"{"type": "array", "uniqueItems": true, "maxItems": 2, "items": {"minimum": 1}}"#))
    let found = schema.validate(try JSONParser.parse("[1, 0, 1]")).errors
    #expect(found.map(\.keyword) == ["uniqueItems", "maxItems", "minimum"])
    #expect(found[0].detail == .uniqueItems(firstIndex: 0, duplicateIndex: 2))
    #expect(found[2].message == "must be at least 1, found 0")
  }

  @Test func stringsCompareByCodePoints() throws {
    let schema = try Schema(try JSONParser.parse(#"{"const": "\u00e9"}"#))
    #expect(schema.isValid(.string("\u{e9}")))
    #expect(!schema.isValid(.string("e\u{301}")))
    let length = try Schema(try JSONParser.parse(#"{"maxLength": 1}"#))
    #expect(length.isValid(.string("💩")))
    #expect(!length.isValid(.string("e\u{301}")))
  }
}
