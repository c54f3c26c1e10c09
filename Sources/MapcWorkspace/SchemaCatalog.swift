import JSONSchema
import MapcJSON
import MapcModel
import MapcYAML

/// The compiled schemas a lint run checks against: the carried plan and configuration
/// schemas, and a team's extension schema when `mapc.yml` names one.
public struct SchemaCatalog: Sendable {
  public var plan: Schema
  public var config: Schema
  /// The template format (`*.map-template.md` files); the extension schema does not apply to it.
  public var template: Schema
  /// The extension schema every plan must also satisfy.
  public var planExtension: Schema?
  /// Schema documents by their `$id`, to look up property descriptions for help lines.
  public var documents: [String: JSONValue]

  public static let planID = "https://mapc.dev/schemas/map.schema.json"
  public static let configID = "https://mapc.dev/schemas/config.schema.json"
  public static let templateID = "https://mapc.dev/schemas/map-template.schema.json"

  /// Compiles the carried schemas. Failing here is a defect of mapc itself, reported as an
  /// internal error rather than a crash.
  public init() throws(ConfigurationError) {
    let options = ValidationOptions(assertFormat: true)
    do {
      let planDoc = try JSONParser.parse(CarriedSchemas.map)
      let configDoc = try JSONParser.parse(CarriedSchemas.config)
      let templateDoc = try JSONParser.parse(CarriedSchemas.template)
      plan = try Schema(planDoc, uri: Self.planID, options: options)
      config = try Schema(configDoc, uri: Self.configID, options: options)
      template = try Schema(templateDoc, uri: Self.templateID, options: options)
      documents = [Self.planID: planDoc, Self.configID: configDoc, Self.templateID: templateDoc]
    } catch {
      throw ConfigurationError(path: "<carried schemas>", message: "internal error: \(error)")
    }
  }

  /// Adds the extension schema at `path` (from `mapc.yml`'s `schema.extend`).
  public mutating func loadExtension(path: String, displayPath: String) throws(ConfigurationError) {
    let text: String
    switch PlanReader.readText(path: path) {
    case .failure(let problem):
      throw ConfigurationError(
        path: displayPath, position: problem.position, message: "cannot load the extension schema: \(problem.message)",
        help: "check `schema.extend` in mapc.yml")
    case .success(let t): text = t
    }
    let doc: JSONValue
    do {
      doc = try JSONParser.parse(text)
    } catch {
      throw ConfigurationError(
        path: displayPath, position: SourcePosition(line: error.line, column: error.column),
        message: "extension schema is not valid JSON: \(error.message)", sourceText: text)
    }
    let uri = doc["$id"]?.stringValue ?? "file://" + Paths.absolute(path)
    var registry = SchemaRegistry()
    let planDoc = documents[Self.planID] ?? .null
    do {
      try registry.add(planDoc, uri: Self.planID)
      planExtension = try Schema(doc, uri: uri, registry: registry, options: ValidationOptions(assertFormat: true))
      plan = try Schema(
        SchemaExtension.allowing(doc, in: planDoc), uri: Self.planID, options: ValidationOptions(assertFormat: true))
    } catch {
      throw ConfigurationError(path: displayPath, message: "extension schema cannot be used: \(error)")
    }
    documents[uri] = doc
  }
}
