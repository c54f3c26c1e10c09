import JSONSchema
import MapcJSON
import Testing

@Suite struct SchemaErrorTests {
  private func compile(_ text: String) throws -> Schema {
    try Schema(try JSONParser.parse(text))
  }

  private func expectSchemaError(_ text: String, containing fragment: String) {
    do {
      _ = try compile(text)
      Issue.record("expected a SchemaError for \(text)")
    } catch let error as SchemaError {
      #expect(error.description.contains(fragment), "\(error)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func invalidPattern() {
    expectSchemaError(##"{"pattern": "^(abc"}"##, containing: "invalid regular expression")
    expectSchemaError(##"{"pattern": "\\a"}"##, containing: "invalid regular expression")
  }

  @Test func invalidPatternProperties() {
    expectSchemaError(##"{"patternProperties": {"[a-": true}}"##, containing: "patternProperties")
  }

  @Test func unresolvableReference() {
    expectSchemaError(##"{"$ref": "#/$defs/missing"}"##, containing: "cannot resolve")
    expectSchemaError(##"{"$ref": "https://example.com/nowhere.json"}"##, containing: "cannot resolve")
    expectSchemaError(##"{"$ref": "#nosuchanchor"}"##, containing: "cannot resolve")
  }

  @Test func referenceLoopWithoutProgress() {
    expectSchemaError(
      ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##, containing: "loop")
    expectSchemaError(##"{"allOf": [{"$ref": "#"}]}"##, containing: "loop")
  }

  @Test func recursionThroughInstanceDataIsFine() throws {
    let schema = try compile(##"{"properties": {"child": {"$ref": "#"}}, "type": "object"}"##)
    #expect(schema.isValid(try JSONParser.parse(##"{"child": {"child": {}}}"##)))
    #expect(!schema.isValid(try JSONParser.parse(##"{"child": {"child": 1}}"##)))
  }

  @Test func schemaMustBeObjectOrBoolean() {
    expectSchemaError("42", containing: "object or a boolean")
    expectSchemaError(#""string""#, containing: "object or a boolean")
    expectSchemaError(##"{"properties": {"a": 1}}"##, containing: "object or a boolean")
    expectSchemaError(##"{"items": [true]}"##, containing: "items")
  }

  @Test func malformedKeywords() {
    expectSchemaError(##"{"type": "strin"}"##, containing: "unknown type")
    expectSchemaError(##"{"minLength": -1}"##, containing: "non-negative integer")
    expectSchemaError(##"{"multipleOf": 0}"##, containing: "greater than 0")
    expectSchemaError(##"{"required": "a"}"##, containing: "array of strings")
    expectSchemaError(##"{"anyOf": []}"##, containing: "non-empty")
  }

  @Test func unknownRequiredVocabulary() throws {
    var registry = SchemaRegistry()
    try registry.add(
      try JSONParser.parse(
        ##"{"$id": "https://example.com/meta", "$vocabulary": {"https://example.com/vocab/x": true, "https://json-schema.org/draft/2020-12/vocab/core": true}}"##
      ), uri: "https://example.com/meta")
    #expect(throws: SchemaError.self) {
      _ = try Schema(try JSONParser.parse(##"{"$schema": "https://example.com/meta"}"##), registry: registry)
    }
  }

  @Test func deepInstanceDoesNotCrash() throws {
    let schema = try compile(##"{"$defs": {"n": {"type": "array", "items": {"$ref": "#/$defs/n"}}}, "$ref": "#/$defs/n"}"##)
    func nested(_ depth: Int) throws -> JSONValue {
      try JSONParser.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    }
    #expect(schema.isValid(try nested(50)))
    // Deeper than the evaluator allows: an error, not a stack overflow.
    let result = schema.validate(try nested(500))
    #expect(!result.isValid)
    #expect(result.errors.contains { $0.message.contains("nests too deeply") })
  }
}
