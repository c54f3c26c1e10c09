import MapcWorkspace
import Foundation
import JSONSchema
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcLint

@Suite struct SchemaFileTests {
  @Test(arguments: [("map", CarriedSchemas.map), ("config", CarriedSchemas.config), ("map-template", CarriedSchemas.template)])
  func carriedSchemaEqualsSchemasFolderByteForByte(name: String, carried: String) throws {
    let onDisk = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Schemas/\(name).schema.json"))
    #expect(Array(carried.utf8) == Array(onDisk), "run Scripts/embed-schemas.sh after editing Schemas/\(name).schema.json")
  }

  @Test(arguments: ["map", "config", "map-template"])
  func schemaIsValidAgainstTheMetaSchema(name: String) throws {
    let meta = try JSONParser.parse(
      String(
        contentsOf: TestSupport.sharedDirectory.appendingPathComponent("conformance/metaschema-2020-12/metaschema.json"),
        encoding: .utf8))
    var registry = SchemaRegistry()
    registry.addDirectory(
      TestSupport.sharedDirectory.appendingPathComponent("conformance/metaschema-2020-12").path,
      servedAs: "https://json-schema.org/draft/2020-12/")
    let validator = try Schema(meta, uri: "https://json-schema.org/draft/2020-12/schema", registry: registry)
    let schema = try JSONParser.parse(TestSupport.read("Schemas/\(name).schema.json"))
    let result = validator.validate(schema)
    #expect(result.isValid, "\(result.errors.map { "\($0.instanceLocation): \($0.message)" })")
  }

  @Test func metaSchemaValidationCanFail() throws {
    // The check above must be able to fail: a schema with a bad `type` is rejected.
    let meta = try JSONParser.parse(
      String(
        contentsOf: TestSupport.sharedDirectory.appendingPathComponent("conformance/metaschema-2020-12/metaschema.json"),
        encoding: .utf8))
    let validator = try Schema(meta, uri: "https://json-schema.org/draft/2020-12/schema")
    #expect(!validator.validate(try JSONParser.parse(#"{"type": "strnig"}"#)).isValid)
  }
}
