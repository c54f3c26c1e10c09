import Foundation
import JSONSchema
import MapcJSON
import Testing

@Suite struct MetaSchemaTests {
  /// The embedded meta-schemas must be the shared files, byte for byte
  /// (regenerate with Scripts/embed-metaschemas.py).
  @Test func embeddedCopiesMatchTheSharedFiles() throws {
    #expect(SchemaRegistry.embeddedMetaSchemas.count == 9)
    for (uri, path, text) in SchemaRegistry.embeddedMetaSchemas {
      let file = Suite.metaSchemaRoot + "/" + path
      let data = try #require(FileManager.default.contents(atPath: file), "missing \(file)")
      #expect(Array(text.utf8) == [UInt8](data), "\(path) differs from the embedded copy of \(uri)")
    }
  }

  @Test func schemasAreValidAgainstTheEmbeddedMetaSchema() throws {
    let meta = try Schema(.object(JSONObject([("$ref", .string("https://json-schema.org/draft/2020-12/schema"))])))
    #expect(meta.isValid(try JSONParser.parse(#"{"type": "object", "properties": {"a": {"minLength": 1}}}"#)))
    let bad = meta.validate(try JSONParser.parse(#"{"type": "objekt", "minLength": -1}"#))
    #expect(!bad.isValid)
    #expect(bad.errors.contains { $0.instanceLocation.description == "/minLength" })
  }

  @Test func worksWithoutTheSharedFolder() throws {
    // The registry needs no file: a schema referring to the meta-schema compiles anywhere.
    let schema = try Schema(try JSONParser.parse(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}"#))
    #expect(schema.isValid(.string("x")))
    #expect(!schema.isValid(.number(1)))
  }
}
